import { execFile } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "../config/load.ts";

/**
 * What `mlops init` learns about the repository it runs in: where its root is, which GitHub repository `origin`
 * points at, its default branch, and how the model is trained. Each answer says where it came from, so the user can
 * see (and correct) a guess.
 */

/** Runs git in a folder; the trimmed stdout, or null when git fails (no repository, no remote, git missing). */
export type Git = (args: string[], cwd: string) => Promise<string | null>;

export function systemGit(env: NodeJS.ProcessEnv): Git {
  return (args, cwd) =>
    new Promise((resolve) => {
      execFile("git", args, { cwd, env, encoding: "utf8", timeout: 10_000 }, (error, stdout) => {
        resolve(error ? null : stdout.trim());
      });
    });
}

export interface GitHubRemote {
  host: string;
  owner: string;
  repo: string;
}

export interface RepositoryInfo {
  /** Absolute top folder of the repository: where `.github/workflows/` goes. */
  root: string;
  /** False when the folder is not inside a git repository (the root is then the config's folder). */
  git: boolean;
  /** The GitHub repository `origin` points at; null without a remote (or one that is not owner/repo shaped). */
  remote: GitHubRemote | null;
  defaultBranch: string;
  defaultBranchFrom: "origin/HEAD" | "current branch" | "fallback";
  /** Folder of mlops.yml relative to the root, with `/` separators; "." at the root. */
  workingDirectory: string;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * owner/repo from a remote URL: https (with or without credentials), ssh (`git@host:owner/repo.git`,
 * `ssh://git@host[:port]/owner/repo.git`) and git://, with or without the `.git` suffix. Never returns the URL
 * itself, which may carry a token.
 */
export function parseRemoteUrl(url: string): GitHubRemote | null {
  const text = url.trim();
  let host: string;
  let pathname: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return null;
    }
    if (parsed.protocol === "file:") return null;
    host = parsed.hostname;
    pathname = parsed.pathname;
  } else if (scp?.[1] && scp[2] && !/^[A-Za-z]$/.test(scp[1])) {
    host = scp[1];
    pathname = scp[2];
  } else {
    return null; // a local path
  }
  const parts = pathname
    .replace(/\/+$/, "")
    .replace(/\.git$/, "")
    .split("/")
    .filter(Boolean);
  if (parts.length !== 2) return null;
  const [owner = "", repo = ""] = parts;
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === "." || repo === "..") return null;
  return { host: host.toLowerCase(), owner, repo };
}

/** The repository facts for a config that will live in `configDir`. */
export async function detectRepository(configDir: string, git: Git): Promise<RepositoryInfo> {
  const start = existingAncestor(configDir);
  const top = await git(["rev-parse", "--show-toplevel"], start);
  const root = top ? path.resolve(top) : findRepoRoot(configDir);
  const isGit = top !== null;
  const remoteUrl = isGit ? await git(["remote", "get-url", "origin"], root) : null;
  const remote = remoteUrl ? parseRemoteUrl(remoteUrl) : null;

  let defaultBranch = "main";
  let defaultBranchFrom: RepositoryInfo["defaultBranchFrom"] = "fallback";
  const originHead = isGit ? await git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], root) : null;
  const fromOrigin = originHead?.replace(/^refs\/remotes\/origin\//, "");
  const current = isGit ? await git(["symbolic-ref", "--quiet", "--short", "HEAD"], root) : null;
  if (fromOrigin && fromOrigin !== originHead) {
    defaultBranch = fromOrigin;
    defaultBranchFrom = "origin/HEAD";
  } else if (current) {
    defaultBranch = current;
    defaultBranchFrom = "current branch";
  }

  const relative = path.relative(realpath(root), realpath(configDir)).split(path.sep).join("/");
  return {
    root,
    git: isGit,
    remote,
    defaultBranch,
    defaultBranchFrom,
    workingDirectory: relative === "" ? "." : relative,
  };
}

/** The nearest folder that exists (init may be asked to write into a folder it creates). */
function existingAncestor(folder: string): string {
  let current = path.resolve(folder);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/** realpath of the existing part of a path, the rest appended (macOS /tmp is a symlink; git answers real paths). */
function realpath(folder: string): string {
  const existing = existingAncestor(folder);
  return path.join(realpathSync(existing), path.relative(existing, path.resolve(folder)));
}

export { detectTraining, type RuntimeOverride, type TrainingInfo } from "./training.ts";
