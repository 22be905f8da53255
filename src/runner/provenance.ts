import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as z from "../zod.ts";
import type { LoadedConfig } from "../config/load.ts";
import type { Workspace } from "../context/workspace.ts";
import type { PullRequestInfo, Provenance } from "../context/provenance.ts";
import type { RunnerEnvironment } from "../context/runner.ts";
import { readWorktreeState } from "./worktree.ts";

// The event payload is only read, never trusted for anything but these fields, and parsed strictly.
const PullRequestEvent = z.object({
  pull_request: z.object({
    number: z.number().check(z.int()),
    head: z.object({ sha: z.string(), ref: z.string() }),
    base: z.object({ ref: z.string() }),
  }),
});

/** The pull request a run is for, from the event payload the door read; null for any other event. */
function pullRequestOf(event: RunnerEnvironment["event"]): PullRequestInfo | null {
  if (!/^pull_request/.test(event.name ?? "")) return null;
  const parsed = PullRequestEvent.safeParse(event.payload);
  if (!parsed.success) return null;
  const pr = parsed.data.pull_request;
  return { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref, baseRef: pr.base.ref };
}

const run = promisify(execFile);

/**
 * Read at the door, before any stage writes: a params file the kit rewrites for a run, or a model training writes,
 * must not make the run look dirty.
 */
export async function readProvenance(
  runner: RunnerEnvironment,
  env: NodeJS.ProcessEnv,
  loaded: Pick<LoadedConfig, "config" | "root" | "repoRoot" | "file">,
  workspace: Pick<Workspace, "dir">,
): Promise<Provenance> {
  const cwd = loaded.root;
  const worktree = await readWorktreeState(loaded, workspace, env);
  if (runner.inActions) {
    return {
      gitSha: runner.sha,
      ref: runner.ref,
      runUrl: runner.runUrl,
      actor: runner.actor,
      repository: runner.repository,
      pullRequest: pullRequestOf(runner.event),
      // The checkout is GITHUB_SHA; a state read from another commit would describe something else.
      worktree: worktree && worktree.commit === runner.sha ? worktree : null,
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
