import { RegistrySection } from "../../config/schema/registry.ts";
import * as z from "../../zod.ts";
import { UserError } from "../../errors.ts";
import { isGitHubUri, parseGitHubUri } from "../../files/safe-path.ts";
import { DEFAULT_RETRY_SECONDS } from "../../store/retry.ts";
import type { RegistryBackend } from "./backend.ts";
import { findRegistryToken } from "./github-token.ts";

export { REGISTRY_TOKEN_VARIABLE } from "./github-token.ts";

/** A registry kept in a GitHub repository: `github://owner/repo` (docs/registry.md "On GitHub"). */
export interface GitHubRegistryLocation {
  scheme: "github";
  owner: string;
  repo: string;
}

export const githubBackend: RegistryBackend<GitHubRegistryLocation> = {
  scheme: "github",
  read(uri) {
    if (!isGitHubUri(uri)) return undefined;
    const parsed = parseGitHubUri(uri);
    if (!parsed) throw new UserError(`"${uri}" is not a valid github://owner/repo URI`);
    return { scheme: "github", ...parsed };
  },
  // retry_seconds bounds the waits GitHub asks for (secondary rate limits) as it bounds S3's retries.
  settings: z.pick(RegistrySection, { retry_seconds: true }),
  // The store (and with it Octokit) is imported only when a github:// registry is opened.
  async open(location, { env, settings }) {
    const { createGitHubStore } = await import("../../store/github-store.ts");
    // As the runner's environment is read (context/runner.ts): GitHub Enterprise sets GITHUB_API_URL.
    const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
    const { token, from } = await findRegistryToken(env, apiUrl);
    // The run's commit is only a target for tags in the repository the run belongs to.
    const ownRepository =
      (env.GITHUB_REPOSITORY ?? "").toLowerCase() === `${location.owner}/${location.repo}`.toLowerCase();
    return createGitHubStore({
      repository: { owner: location.owner, repo: location.repo },
      token,
      tokenFrom: from,
      job: runningJob(env),
      apiUrl,
      retrySeconds: settings.retry_seconds ?? DEFAULT_RETRY_SECONDS,
      targetCommitish: ownRepository && env.GITHUB_SHA ? env.GITHUB_SHA : undefined,
    });
  },
  // The job's own GITHUB_TOKEN: read for pull requests, write only for the jobs that publish and promote.
  workflow: { permissions: { read: { contents: "read" }, write: { contents: "write" } }, credentials: [] },
};

/**
 * The workflow file and job this run is, for a refusal to name the line to change: GITHUB_WORKFLOW_REF is
 * `owner/repo/.github/workflows/file.yml@ref` (the caller's file when the job is in a reusable workflow).
 */
function runningJob(env: NodeJS.ProcessEnv): { file: string; job: string } | undefined {
  const file = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? "")?.[1];
  return file && env.GITHUB_JOB ? { file, job: env.GITHUB_JOB } : undefined;
}
