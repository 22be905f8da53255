import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as z from "zod";
import type { LoadedConfig } from "../config/load.ts";
import { READ_LIMITS, readTextLimited } from "../files/read-limited.ts";
import type { Workspace } from "../context/workspace.ts";
import type { PullRequestInfo, Provenance } from "../context/provenance.ts";
import { readWorktreeState } from "./worktree.ts";

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
    const text = await readTextLimited(env.GITHUB_EVENT_PATH, {
      shown: env.GITHUB_EVENT_PATH,
      what: "event payload",
      limit: READ_LIMITS.eventPayload,
    });
    const event = PullRequestEvent.safeParse(JSON.parse(text));
    if (!event.success) return null;
    const pr = event.data.pull_request;
    return { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref, baseRef: pr.base.ref };
  } catch {
    return null;
  }
}

const run = promisify(execFile);

/**
 * Read at the door, before any stage writes: a params file the kit rewrites for a run, or a model training writes,
 * must not make the run look dirty.
 */
export async function readProvenance(
  env: NodeJS.ProcessEnv,
  loaded: Pick<LoadedConfig, "config" | "root" | "repoRoot" | "file">,
  workspace: Pick<Workspace, "dir">,
): Promise<Provenance> {
  const cwd = loaded.root;
  const worktree = await readWorktreeState(loaded, workspace, env);
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
      // The checkout is GITHUB_SHA; a state read from another commit would describe something else.
      worktree: worktree && worktree.commit === env.GITHUB_SHA ? worktree : null,
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
  const [branch, actor] = await Promise.all([git("symbolic-ref", "-q", "HEAD"), git("config", "user.name")]);
  return {
    gitSha: worktree?.commit ?? null,
    ref: branch,
    runUrl: null,
    actor: actor ?? env.USER ?? null,
    repository: null,
    pullRequest: null,
    worktree,
  };
}
