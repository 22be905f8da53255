import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import * as z from "zod";

/**
 * Where a run comes from, for manifests and reports (DOMAIN.md §4 lineage). Read once at the door: from the
 * Actions environment inside a runner, else from git, else left empty (a folder that is not a repository).
 */
export interface Provenance {
  gitSha: string | null;
  ref: string | null;
  /** Link to the workflow run, when in Actions. */
  runUrl: string | null;
  actor: string | null;
  /** Repository as owner/name, when known. */
  repository: string | null;
  /** The pull request a run is for (from the event payload), else null. */
  pullRequest: PullRequestInfo | null;
}

export interface PullRequestInfo {
  number: number;
  /** The PR's head commit. On `pull_request` events GITHUB_SHA is a merge commit, not what the author pushed. */
  headSha: string;
  headRef: string;
  baseRef: string;
}

// The event payload is only read, never trusted for anything but these fields, and parsed strictly.
const PullRequestEvent = z.object({
  pull_request: z.object({
    number: z.number().int(),
    head: z.object({ sha: z.string(), ref: z.string() }),
    base: z.object({ ref: z.string() }),
  }),
});

async function readPullRequest(env: NodeJS.ProcessEnv): Promise<PullRequestInfo | null> {
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? "")) return null;
  try {
    const event = PullRequestEvent.safeParse(JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8")));
    if (!event.success) return null;
    const pr = event.data.pull_request;
    return { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref, baseRef: pr.base.ref };
  } catch {
    return null;
  }
}

const run = promisify(execFile);

export async function readProvenance(env: NodeJS.ProcessEnv, cwd: string): Promise<Provenance> {
  if (env.GITHUB_ACTIONS === "true") {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    const runUrl =
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null;
    return {
      gitSha: env.GITHUB_SHA ?? null,
      ref: env.GITHUB_REF ?? null,
      runUrl,
      actor: env.GITHUB_ACTOR ?? null,
      repository: env.GITHUB_REPOSITORY ?? null,
      pullRequest: await readPullRequest(env),
    };
  }
  const git = async (...args: string[]): Promise<string | null> => {
    try {
      const { stdout } = await run("git", args, { cwd, timeout: 5000 });
      return stdout.trim() || null;
    } catch {
      return null;
    }
  };
  const [gitSha, branch, actor] = await Promise.all([
    git("rev-parse", "HEAD"),
    git("symbolic-ref", "-q", "HEAD"),
    git("config", "user.name"),
  ]);
  return { gitSha, ref: branch, runUrl: null, actor: actor ?? env.USER ?? null, repository: null, pullRequest: null };
}
