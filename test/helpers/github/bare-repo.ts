import { spawn } from "node:child_process";
import { gitEnv } from "../git.ts";

/**
 * The git CLI over a bare repository, which is what the stand-in's Git Data API stores into: objects and refs are
 * git's own, so a compare-and-swap on a ref is `git update-ref <ref> <new> <old>` and a fast-forward is
 * `git merge-base --is-ancestor`.
 */

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git in `gitDir` with `input` on stdin; resolves with the exit code instead of throwing. */
export function runGit(
  gitDir: string,
  args: string[],
  options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: gitDir,
      env: { ...gitEnv(), GIT_DIR: gitDir, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }),
    );
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

/** Runs git and returns its trimmed stdout; a failure throws with git's message. */
export async function git(
  gitDir: string,
  args: string[],
  options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const result = await runGit(gitDir, args, options);
  if (result.code !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr.trim()}`);
  return result.stdout.toString("utf8").trim();
}

export const ZERO_SHA = "0".repeat(40);

/** The type of an object ("blob", "tree", "commit", "tag"), or undefined when the repository lacks it. */
export async function objectType(gitDir: string, sha: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
  const result = await runGit(gitDir, ["cat-file", "-t", sha]);
  return result.code === 0 ? result.stdout.toString("utf8").trim() : undefined;
}

/** A commit-ish (branch name, tag, sha) resolved to its commit's sha, or undefined. */
export async function resolveCommit(gitDir: string, commitish: string): Promise<string | undefined> {
  if (commitish.startsWith("-")) return undefined;
  const result = await runGit(gitDir, ["rev-parse", "--verify", "--quiet", `${commitish}^{commit}`]);
  return result.code === 0 ? result.stdout.toString("utf8").trim() : undefined;
}

export interface RefEntry {
  ref: string;
  sha: string;
  type: string;
}

/** Every ref of the repository (refs/...), sorted by name. */
export async function listRefs(gitDir: string): Promise<RefEntry[]> {
  const out = await git(gitDir, ["for-each-ref", "--format=%(objectname) %(objecttype) %(refname)"]);
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [sha = "", type = "", ref = ""] = line.split(" ");
      return { ref, sha, type };
    });
}

/** The sha a ref points at, or undefined when it does not exist. */
export async function readRef(gitDir: string, ref: string): Promise<string | undefined> {
  return (await listRefs(gitDir)).find((entry) => entry.ref === ref)?.sha;
}

/**
 * Moves `ref` from `old` to `next` only if it still points at `old` (git takes the ref's lock and compares under it);
 * `old` of undefined means the ref must not exist yet. False when another writer got there first.
 */
export async function compareAndSwapRef(
  gitDir: string,
  ref: string,
  next: string,
  old: string | undefined,
): Promise<boolean> {
  const result = await runGit(gitDir, ["update-ref", ref, next, old ?? ZERO_SHA]);
  return result.code === 0;
}

/** Whether `ancestor` is `descendant` or one of its ancestors: the update is a fast-forward. */
export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
  return (await runGit(gitDir, ["merge-base", "--is-ancestor", ancestor, descendant])).code === 0;
}

/** `git init --bare` with `branch` holding one commit (a README), dated so its sha is the same on every run. */
export async function initBareRepository(gitDir: string, branch: string, title: string): Promise<string> {
  await git(gitDir, ["init", "--quiet", "--bare", "--initial-branch", branch, gitDir]);
  const blob = await git(gitDir, ["hash-object", "-w", "--stdin"], { input: `# ${title}\n` });
  const tree = await git(gitDir, ["mktree"], { input: `100644 blob ${blob}\tREADME.md\n` });
  const identity = {
    GIT_AUTHOR_NAME: "Monalisa Octocat",
    GIT_AUTHOR_EMAIL: "octocat@github.com",
    GIT_AUTHOR_DATE: "@1700000000 +0000",
    GIT_COMMITTER_NAME: "GitHub",
    GIT_COMMITTER_EMAIL: "noreply@github.com",
    GIT_COMMITTER_DATE: "@1700000000 +0000",
  };
  const commit = await git(gitDir, ["commit-tree", tree, "-m", "Initial commit"], { env: identity });
  await git(gitDir, ["update-ref", `refs/heads/${branch}`, commit]);
  return commit;
}
