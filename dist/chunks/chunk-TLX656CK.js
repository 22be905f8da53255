import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readWorktreeState
} from "./chunk-AOOPNKUY.js";
import {
  READ_LIMITS,
  number,
  object,
  readTextLimited,
  string
} from "./chunk-TFWDSRPY.js";

// src/pipeline/provenance.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var PullRequestEvent = object({
  pull_request: object({
    number: number().int(),
    head: object({ sha: string(), ref: string() }),
    base: object({ ref: string() })
  })
});
async function readPullRequest(env) {
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? "")) return null;
  try {
    const text = await readTextLimited(env.GITHUB_EVENT_PATH, {
      shown: env.GITHUB_EVENT_PATH,
      what: "event payload",
      limit: READ_LIMITS.eventPayload
    });
    const event = PullRequestEvent.safeParse(JSON.parse(text));
    if (!event.success) return null;
    const pr = event.data.pull_request;
    return { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref, baseRef: pr.base.ref };
  } catch {
    return null;
  }
}
var run = promisify(execFile);
async function readProvenance(env, loaded, workspace) {
  const cwd = loaded.root;
  const worktree = await readWorktreeState(loaded, workspace, env);
  if (env.GITHUB_ACTIONS === "true") {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
    return {
      gitSha: env.GITHUB_SHA ?? null,
      ref: env.GITHUB_REF ?? null,
      runUrl,
      actor: env.GITHUB_ACTOR ?? null,
      repository: env.GITHUB_REPOSITORY ?? null,
      pullRequest: await readPullRequest(env),
      // The checkout is GITHUB_SHA; a state read from another commit would describe something else.
      worktree: worktree && worktree.commit === env.GITHUB_SHA ? worktree : null
    };
  }
  const git = async (...args) => {
    try {
      const { stdout } = await run("git", args, { cwd, timeout: 5e3 });
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
    worktree
  };
}

export {
  readProvenance
};
