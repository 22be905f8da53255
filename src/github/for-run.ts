import { createGitHub, type GitHub } from "./client.ts";
import type { StageContext } from "../context/context.ts";

/**
 * A GitHub client for the issues a run keeps (retraining, monitoring), when there is a token and a repository; else
 * null (a local run).
 */
export function githubForRun(context: StageContext, token: string | undefined): GitHub | null {
  const repository = context.provenance.repository;
  if (!token || !repository) return null;
  return createGitHub({
    token,
    repository,
    baseUrl: context.runner.apiUrl,
    logger: context.logger,
  });
}
