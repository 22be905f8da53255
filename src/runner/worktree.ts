import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { filesNamedIn, LOCKFILES } from "../cache/material.ts";
import type { LoadedConfig } from "../config/load.ts";
import { isInside, isS3Uri } from "../files/safe-path.ts";
import { sha256File } from "../files/hash.ts";
import type { WorktreeState } from "../context/provenance.ts";
import type { Workspace } from "../context/workspace.ts";

/**
 * Whether the working tree a run starts from is the commit it names (DOMAIN.md §6: provenance is true or absent).
 *
 * Dirty means: a tracked file differs from HEAD (staged or not, deleted or renamed), or an untracked file is among the
 * run's declared inputs (train.inputs, files named in the train or evaluate command, local data, the params file,
 * mlops.yml, lockfiles). What the pipeline itself writes does not count: the workspace (.mlops/), train.outputs, the
 * predictions and metrics files, publish.files and a local registry or run cache folder; nor do ignored files. So the
 * templates' runs on a fresh checkout stay clean, and a run started on uncommitted code says so.
 *
 * The diff hash is sha256 over the binary diff of the counted tracked files against HEAD and the path and content
 * hash of each counted untracked file: two trees with the same uncommitted changes on the same commit hash alike.
 */

const MAX_LISTED = 20;
/** Paths per `git diff` call. */
const DIFF_BATCH = 200;
/** A repository so large that git needs longer than this is read as "unknown", never as clean. */
const GIT_TIMEOUT_MS = 60_000;

/**
 * The state of the tree at `loaded.root`, or null when it cannot be known truthfully: not a git repository, no commit
 * yet, git missing or failing. Read once at the door, before any stage writes.
 */
export async function readWorktreeState(
  loaded: Pick<LoadedConfig, "config" | "root" | "repoRoot" | "file">,
  workspace: Pick<Workspace, "dir">,
  env: NodeJS.ProcessEnv,
): Promise<WorktreeState | null> {
  const git = gitIn(env);
  const top = await git(["rev-parse", "--show-toplevel"], loaded.root).catch(() => null);
  const commit = await git(["rev-parse", "--verify", "-q", "HEAD"], loaded.root).catch(() => null);
  if (!top || !commit) return null;
  const topDir = top.toString("utf8").trim();
  let status: Buffer;
  try {
    status = await git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"], topDir);
  } catch {
    return null;
  }
  // git answers with real paths; the config's may lead through a symlink (/tmp on macOS, a linked checkout).
  const realRoot = await realpath(loaded.root);
  const real = (file: string): string => path.join(realRoot, path.relative(loaded.root, file));
  const outputs = pipelineOutputs(loaded, workspace).map(real);
  const isOutput = (file: string): boolean => outputs.some((output) => isInside(output, file));
  const tracked: string[] = [];
  const untracked: string[] = [];
  for (const entry of status.toString("utf8").split("\0")) {
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    const relative = entry.slice(3);
    if (isOutput(path.join(topDir, relative))) continue;
    if (code === "??") untracked.push(relative);
    else if (code !== "!!") tracked.push(relative);
  }
  let counted = [...tracked];
  if (untracked.length > 0) {
    const inputs = new Set([...(await declaredInputs(loaded))].map(real));
    counted.push(...untracked.filter((relative) => inputs.has(path.join(topDir, relative))));
  }
  counted = [...new Set(counted)].sort();
  if (counted.length === 0)
    return { commit: commit.toString("utf8").trim(), dirty: false, diff: null, changed: [], changedCount: 0 };

  const hash = createHash("sha256");
  const trackedCounted = counted.filter((file) => tracked.includes(file));
  // In batches: git diff takes paths only as arguments, and a command line has a length limit.
  for (let start = 0; start < trackedCounted.length; start += DIFF_BATCH) {
    const batch = trackedCounted.slice(start, start + DIFF_BATCH);
    try {
      await git(["diff", "--binary", "--no-ext-diff", "--no-textconv", "HEAD", "--", ...batch], topDir, {
        sink: (chunk) => hash.update(chunk),
      });
    } catch {
      return null;
    }
  }
  for (const file of counted.filter((file) => !tracked.includes(file))) {
    const { sha256 } = await sha256File(path.join(topDir, file));
    hash.update(`untracked ${file} ${sha256}\n`);
  }
  return {
    commit: commit.toString("utf8").trim(),
    dirty: true,
    diff: `sha256:${hash.digest("hex")}`,
    changed: counted.slice(0, MAX_LISTED),
    changedCount: counted.length,
  };
}

/** What the pipeline writes: never a reason to call the tree dirty. Absolute paths. */
function pipelineOutputs(loaded: Pick<LoadedConfig, "config" | "root">, workspace: Pick<Workspace, "dir">): string[] {
  const { config, root } = loaded;
  const predictions = config.evaluate?.predictions;
  const metricsFiles = config.evaluate?.metrics_file;
  const folders = [
    ...(config.train?.outputs ?? []),
    ...(config.publish.files ?? []),
    ...(predictions === undefined ? [] : [typeof predictions === "string" ? predictions : predictions.path]),
    ...(metricsFiles === undefined ? [] : typeof metricsFiles === "string" ? [metricsFiles] : metricsFiles),
    ...[config.registry.uri, typeof config.train?.cache === "object" ? config.train.cache.uri : undefined].filter(
      (uri): uri is string => uri !== undefined && !isS3Uri(uri),
    ),
  ];
  return [workspace.dir, ...folders.map((folder) => path.resolve(root, folder))];
}

/** Every file the run declares as an input, absolute. Only computed when untracked files exist. */
async function declaredInputs(
  loaded: Pick<LoadedConfig, "config" | "root" | "repoRoot" | "file">,
): Promise<Set<string>> {
  const { config, root, repoRoot } = loaded;
  const inputs = new Set<string>([path.resolve(loaded.file)]);
  const add = (files: Iterable<string>): void => {
    for (const file of files) inputs.add(path.resolve(file));
  };
  const patterns = [
    ...(config.train?.inputs ?? []),
    ...[config.data?.train, config.data?.eval].flatMap((s) => (s === undefined ? [] : typeof s === "string" ? [s] : s)),
    ...(typeof config.train?.params === "string" ? [config.train.params] : []),
  ].filter((pattern) => !isS3Uri(pattern));
  if (patterns.length > 0) add(await glob(patterns, { cwd: root, absolute: true, onlyFiles: true, dot: true }));
  for (const command of [config.train?.command, config.evaluate?.command]) {
    if (command) add(filesNamedIn(command, root, repoRoot));
  }
  for (const name of LOCKFILES) {
    inputs.add(path.join(root, name));
    inputs.add(path.join(repoRoot, name));
  }
  return inputs;
}

interface GitOptions {
  /** Stream stdout here instead of collecting it (a diff can be large). */
  sink?: (chunk: Buffer) => void;
}

/** Runs git and returns its stdout; rejects on a non-zero exit, a missing git or a timeout. */
function gitIn(env: NodeJS.ProcessEnv) {
  return (args: string[], cwd: string, options: GitOptions = {}): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const child = spawn("git", ["-c", "core.quotepath=off", ...args], {
        cwd,
        stdio: ["ignore", "pipe", "ignore"],
        timeout: GIT_TIMEOUT_MS,
        // Hooks and pagers have no business in a status read; a prompt would hang a CI job.
        env: { ...env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", GIT_OPTIONAL_LOCKS: "0" },
      });
      const chunks: Buffer[] = [];
      child.stdout?.on("data", (chunk: Buffer) => (options.sink ? options.sink(chunk) : chunks.push(chunk)));
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git exited ${code}`)),
      );
    });
}
