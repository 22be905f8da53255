import { execFile } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { findRepoRoot } from "../config/load.ts";
import type { RuntimeSetup } from "./workflows.ts";
import { DEFAULT_NODE, DEFAULT_PYTHON, nodeForRange, pinnedVersion, pythonForSpecifier } from "./versions.ts";

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

// --- how training runs --------------------------------------------------------------------------------------------

export interface TrainingInfo {
  /** The training command; null when nothing was found (the template writes a placeholder). */
  command: string | null;
  /** Where the command came from, e.g. "dvc.yaml stage train". */
  commandFrom: string | null;
  evaluateCommand: string | null;
  evaluateFrom: string | null;
  /** What the training command writes (from dvc.yaml's outs), when known. */
  outputs: string[] | null;
  /** A params file beside the config (params.yaml as DVC names it, params.yml, params.json), if there is one. */
  params: string | null;
  setup: RuntimeSetup;
  /** Where the runtime and its version came from, e.g. "requirements.txt; .python-version". */
  setupFrom: string | null;
}

export interface RuntimeOverride {
  python?: string;
  node?: string;
}

interface Found {
  command: string;
  from: string;
  outputs?: string[];
}

/**
 * How the model in `folder` is trained. The most explicit entry point wins: a dvc.yaml stage, a Makefile target, an
 * npm script, then a train.py. The runtime (Python or Node.js, and its version) is detected on its own, so
 * `make train` in a Python repository still gets Python set up.
 */
export async function detectTraining(folder: string, override: RuntimeOverride = {}): Promise<TrainingInfo> {
  const files = new ProjectFiles(folder);
  const dvc = await files.yaml("dvc.yaml");
  const makefile =
    (await files.text("Makefile")) ?? (await files.text("makefile")) ?? (await files.text("GNUmakefile"));
  const packageJson = (await files.json("package.json")) as { scripts?: Record<string, unknown> } | undefined;
  const scripts = packageJson?.scripts ?? {};

  const entry = (names: string[], script: string | null): Found | null => {
    for (const name of names) {
      const stage = dvcStage(dvc, name);
      if (stage) return { command: stage.command, from: `dvc.yaml stage ${name}`, outputs: stage.outputs };
    }
    for (const name of names) {
      if (makefile && new RegExp(`^${name}\\s*:(?!=)`, "m").test(makefile))
        return { command: `make ${name}`, from: `Makefile target ${name}` };
    }
    for (const name of names) {
      if (typeof scripts[name] === "string") return { command: `npm run ${name}`, from: `package.json script ${name}` };
    }
    if (script && files.exists(script)) return { command: `python ${script}`, from: script };
    return null;
  };
  const train = entry(["train"], "train.py");
  const evaluate = entry(["evaluate", "eval"], "evaluate.py");

  const { setup, from } = await detectRuntime(files, train?.command ?? "", override);
  return {
    command: train?.command ?? null,
    commandFrom: train?.from ?? null,
    evaluateCommand: evaluate?.command ?? null,
    evaluateFrom: evaluate?.from ?? null,
    outputs: train?.outputs && train.outputs.length > 0 ? train.outputs : null,
    params: ["params.yaml", "params.yml", "params.json"].find((name) => files.exists(name)) ?? null,
    setup,
    setupFrom: from,
  };
}

async function detectRuntime(
  files: ProjectFiles,
  command: string,
  override: RuntimeOverride,
): Promise<{ setup: RuntimeSetup; from: string | null }> {
  if (override.python) return { setup: { kind: "python", version: override.python }, from: "--python" };
  if (override.node) return { setup: { kind: "node", version: override.node }, from: "--node" };

  const pythonMarkers = ["train.py", "requirements.txt", "pyproject.toml"].filter((f) => files.exists(f));
  const nodeCommand = /^(npm|npx|node|pnpm|yarn)\s/.test(command);
  if (/^python3?\s/.test(command) || (pythonMarkers.length > 0 && !nodeCommand)) {
    const version = await pythonVersion(files);
    const marker = pythonMarkers[0] ?? "the training command";
    return { setup: { kind: "python", version: version.version }, from: `${marker}; version from ${version.from}` };
  }
  if (nodeCommand) {
    const version = await nodeVersion(files);
    return { setup: { kind: "node", version: version.version }, from: `package.json; version from ${version.from}` };
  }
  return { setup: null, from: null };
}

async function pythonVersion(files: ProjectFiles): Promise<{ version: string; from: string }> {
  const pinned = pinnedVersion((await files.text(".python-version")) ?? "");
  if (pinned) return { version: pinned, from: ".python-version" };
  const pyproject = (await files.text("pyproject.toml")) ?? "";
  const specifier = /^\s*requires-python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
  const fromSpecifier = specifier ? pythonForSpecifier(specifier) : undefined;
  if (fromSpecifier) return { version: fromSpecifier, from: `requires-python "${specifier}"` };
  return { version: DEFAULT_PYTHON, from: "the default" };
}

async function nodeVersion(files: ProjectFiles): Promise<{ version: string; from: string }> {
  for (const file of [".nvmrc", ".node-version"]) {
    const pinned = pinnedVersion((await files.text(file)) ?? "");
    if (pinned) return { version: pinned, from: file };
  }
  const engines = ((await files.json("package.json")) as { engines?: { node?: unknown } } | undefined)?.engines;
  const range = typeof engines?.node === "string" ? engines.node : undefined;
  const fromRange = range ? nodeForRange(range) : undefined;
  if (fromRange) return { version: fromRange, from: `engines.node "${range}"` };
  return { version: DEFAULT_NODE, from: "the default" };
}

/** A dvc.yaml stage's command (a list joins with &&; a `wdir` becomes a `cd`) and its outs. */
function dvcStage(dvc: unknown, name: string): { command: string; outputs: string[] } | null {
  const stage = (dvc as { stages?: Record<string, unknown> } | undefined)?.stages?.[name] as
    { cmd?: unknown; wdir?: unknown; outs?: unknown } | undefined;
  if (!stage) return null;
  const commands = (Array.isArray(stage.cmd) ? stage.cmd : [stage.cmd]).filter(
    (c): c is string => typeof c === "string" && c.trim() !== "",
  );
  if (commands.length === 0) return null;
  let command = commands.map((c) => c.trim()).join(" && ");
  const wdir = typeof stage.wdir === "string" && stage.wdir !== "." ? stage.wdir : null;
  if (wdir) command = `cd ${/^[\w./-]+$/.test(wdir) ? wdir : `'${wdir.replace(/'/g, "'\\''")}'`} && ${command}`;
  const outs: unknown[] = Array.isArray(stage.outs) ? (stage.outs as unknown[]) : [];
  // outs are relative to wdir; with one, leave train.outputs to the user.
  const outputs = wdir
    ? []
    : outs
        .map((out) =>
          typeof out === "string" ? out : out !== null && typeof out === "object" ? Object.keys(out)[0] : null,
        )
        .filter((out): out is string => typeof out === "string" && out !== "" && !out.startsWith("/"));
  return { command, outputs };
}

/** Reads the few files detection needs, each at most once; unreadable or malformed files count as absent. */
class ProjectFiles {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  constructor(private readonly folder: string) {}

  exists(name: string): boolean {
    return existsSync(path.join(this.folder, name));
  }

  text(name: string): Promise<string | undefined> {
    let pending = this.cache.get(name);
    if (!pending) {
      pending = readFile(path.join(this.folder, name), "utf8").catch(() => undefined);
      this.cache.set(name, pending);
    }
    return pending;
  }

  async json(name: string): Promise<unknown> {
    const text = await this.text(name);
    try {
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return undefined;
    }
  }

  async yaml(name: string): Promise<unknown> {
    const text = await this.text(name);
    try {
      return text === undefined ? undefined : (parseYaml(text) as unknown);
    } catch {
      return undefined;
    }
  }
}
