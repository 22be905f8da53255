import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  number,
  object,
  string
} from "./chunk-KDNJFZE6.js";

// src/pipeline/provenance.ts
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
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
    const event = PullRequestEvent.safeParse(JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8")));
    if (!event.success) return null;
    const pr = event.data.pull_request;
    return { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref, baseRef: pr.base.ref };
  } catch {
    return null;
  }
}
var run = promisify(execFile);
async function readProvenance(env, cwd) {
  if (env.GITHUB_ACTIONS === "true") {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
    return {
      gitSha: env.GITHUB_SHA ?? null,
      ref: env.GITHUB_REF ?? null,
      runUrl,
      actor: env.GITHUB_ACTOR ?? null,
      repository: env.GITHUB_REPOSITORY ?? null,
      pullRequest: await readPullRequest(env)
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
  const [gitSha, branch, actor] = await Promise.all([
    git("rev-parse", "HEAD"),
    git("symbolic-ref", "-q", "HEAD"),
    git("config", "user.name")
  ]);
  return { gitSha, ref: branch, runUrl: null, actor: actor ?? env.USER ?? null, repository: null, pullRequest: null };
}

export {
  readProvenance
};
