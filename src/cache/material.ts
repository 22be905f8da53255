import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync, statSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { glob } from "tinyglobby";
import { listSources } from "../data/sources.ts";
import { projectStoreSettings } from "../store/open.ts";
import { InputError } from "../errors.ts";
import { fingerprintFiles, toRelative } from "../files/hash.ts";
import { isInside } from "../files/safe-path.ts";
import type { StageContext } from "../context/context.ts";
import type { Params } from "../config/params.ts";
import { CACHE_FORMAT_VERSION, type FileFingerprint, type KeyMaterial, type RemoteFingerprint } from "./key.ts";

/**
 * Gathers the run cache key's material (DOMAIN.md §5) from the project: the command, resolved params and train.env;
 * the content of train.inputs and of files the command names; the data; lockfiles; the platform; the versions of
 * the interpreters the command names. All files are fingerprinted in one pass (src/files/hash.ts).
 */

/** Lockfiles and version pins: any of them changing can change what training produces. */
export const LOCKFILES = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "requirements.txt",
  "requirements.lock",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "pixi.lock",
  "conda-lock.yml",
  "environment.yml",
  "renv.lock",
  "Manifest.toml",
  "Cargo.lock",
  "go.sum",
  "Gemfile.lock",
  ".python-version",
  ".nvmrc",
  ".node-version",
  ".tool-versions",
];

/** Interpreters whose version is part of the key when the command names them. */
const INTERPRETERS =
  /^(python(?:3(?:\.\d+)?)?|node|nodejs|bun|deno|Rscript|R|julia|ruby|java|uv|poetry|pipenv|pixi|conda|dotnet|perl)$/;

export type MaterialOutcome =
  | {
      ok: true;
      material: KeyMaterial;
      /** The code files behind `material.code`, absolute, in the same order. */
      codeFiles: string[];
    }
  | { ok: false; reason: string };

export interface MaterialOptions {
  /** Stamps file for skipping unchanged files (see fingerprintFiles). */
  stampsFile?: string;
}

export async function collectKeyMaterial(
  context: StageContext,
  params: Params,
  options: MaterialOptions = {},
): Promise<MaterialOutcome> {
  const { loaded } = context;
  const { config, root, repoRoot } = loaded;
  const train = config.train;
  if (!train) return { ok: false, reason: "there is no train section" };
  const dataSources = [config.data?.train, config.data?.eval].flatMap((s) =>
    s === undefined ? [] : typeof s === "string" ? [s] : s,
  );
  const excluded = [context.workspace.dir, ...train.outputs.map((o) => path.resolve(root, o))];
  const isExcluded = (file: string): boolean => excluded.some((dir) => isInside(dir, file));

  const code = new Set<string>();
  for (const [index, pattern] of train.inputs.entries()) {
    const matches = (await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: true })).filter(
      (file) => !isExcluded(file),
    );
    if (matches.length === 0) {
      throw new InputError(`train.inputs: "${pattern}" matches no file`, {
        hint: "a missing input would leave code changes out of the run cache key; fix or remove the pattern",
        ...withLocation(loaded.locate(["train", "inputs", index])),
      });
    }
    for (const file of matches) code.add(path.normalize(file));
  }
  for (const file of filesNamedIn(train.command, root, repoRoot)) if (!isExcluded(file)) code.add(file);
  // The params file is not hashed as code, even when train.inputs lists it or the command names it: its content
  // reaches the key as `params`, parsed, which is what the script reads, and during a run with `--set` or a sweep leg
  // the file holds those params (src/train/params-file.ts). So "the file edited to lr=0.2" and "--set lr=0.2" make
  // the same key, which is right: the script reads the same values either way; only comments and layout can differ
  // (the kit lays out the values it writes), and a script that parses its params cannot see them. Hashing the file
  // as well would count an override twice (the original bytes and the params) and retrain on a comment edit.
  if (typeof train.params === "string") code.delete(path.resolve(root, train.params));

  // Local data joins the one fingerprinting pass below (stamps skip unchanged files); s3:// objects are identified
  // by size and ETag from the bucket's metadata, never downloaded for the key.
  const sources =
    dataSources.length > 0
      ? await listSources(dataSources, root, projectStoreSettings(config.registry, context.env))
      : [];
  const data = sources.flatMap((entry) => (entry.kind === "local" ? [entry.path] : []));
  const remoteData: RemoteFingerprint[] = [];
  for (const entry of sources) {
    if (entry.kind !== "s3") continue;
    const head = await entry.store.head(entry.key);
    if (!head)
      throw new InputError(`data object not found: ${entry.shown}`, { hint: "check the bucket and key in data.train" });
    remoteData.push({ path: entry.shown, size: head.size, etag: head.etag });
  }
  const lockfiles = new Map<string, string>();
  for (const name of LOCKFILES) {
    for (const [label, folder] of [
      [name, root],
      [`<repo>/${name}`, repoRoot],
    ] as const) {
      const file = path.join(folder, name);
      if (existsSync(file) && statSync(file).isFile()) lockfiles.set(label, file);
    }
  }

  const codeFiles = [...code].sort();
  const dataFiles = data.map((f) => path.normalize(f));
  const lockFiles = [...lockfiles.values()];
  const [pass, runtimes] = await Promise.all([
    fingerprintFiles([...codeFiles, ...dataFiles, ...lockFiles], { ...options }),
    interpreterVersions(train.command, { ...context.env, ...train.env }, root),
  ]);
  const print = (label: string, file: string): FileFingerprint => {
    const found = pass.files.get(file);
    if (!found) throw new Error(`no fingerprint for ${file}`);
    return { path: label, size: found.size, sha256: found.sha256 };
  };
  return {
    ok: true,
    codeFiles,
    material: {
      format: CACHE_FORMAT_VERSION,
      model: config.model.name,
      command: train.command,
      params,
      env: train.env,
      outputs: [...train.outputs],
      code: codeFiles.map((f) => print(toRelative(root, f), f)),
      data: [...dataFiles.map((f) => print(toRelative(root, f), f)), ...remoteData],
      lockfiles: [...lockfiles.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, f]) => print(label, f)),
      platform: await platformName(),
      runtimes,
    },
  };
}

function withLocation(location: ReturnType<StageContext["loaded"]["locate"]>): {
  location?: NonNullable<typeof location>;
} {
  return location ? { location } : {};
}

/**
 * Files the command names (`python train.py --config conf.yml`): a change to the training script retrains even if
 * train.inputs forgets it. Words are split as a shell would roughly do; `--opt=value` counts its value. Only
 * existing files inside the repository count; folders (usually outputs) do not.
 */
export function filesNamedIn(command: string, root: string, repoRoot: string): string[] {
  const words = command.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const files = new Set<string>();
  for (const raw of words) {
    const word = raw.replace(/^["']|["']$/g, "");
    const value = word.startsWith("-") && word.includes("=") ? word.slice(word.indexOf("=") + 1) : word;
    if (value === "" || value.startsWith("-") || /[$`*?<>|;&]/.test(value) || path.isAbsolute(value)) continue;
    const file = path.resolve(root, value);
    if (!isInside(repoRoot, file)) continue;
    try {
      if (statSync(file).isFile()) files.add(file);
    } catch {
      // Not a file: an option value, a module name, a word.
    }
  }
  return [...files].sort();
}

/**
 * `<name> --version` for each interpreter the command names; "not found" when it is not on PATH. A launcher that runs
 * code in an interpreter of its own (`jupyter execute` runs a notebook in the Python jupyter was installed with) adds
 * that interpreter's version, read from the launcher's `#!` line.
 */
async function interpreterVersions(
  command: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Record<string, string>> {
  const words = (command.match(/[^\s"'`;&|()]+/g) ?? []).map((word) => path.basename(word));
  const names = new Set(words.filter((word) => INTERPRETERS.test(word)));
  const entries = await Promise.all(
    [...names].sort().map(async (name): Promise<[string, string]> => {
      // The node on PATH may be this very process's binary: then its version is known without starting it.
      if ((name === "node" || name === "nodejs") && isThisNode(name, env.PATH)) return [name, process.version];
      return [name, await versionOf(name, env, cwd)];
    }),
  );
  for (const launcher of LAUNCHERS) {
    if (!words.includes(launcher)) continue;
    const interpreter = await launcherInterpreter(launcher, env.PATH);
    entries.push([
      `${launcher}'s interpreter`,
      typeof interpreter === "string" ? await versionOf(interpreter, env, cwd) : interpreter.missing,
    ]);
  }
  return Object.fromEntries(entries);
}

/** Commands that run the training code in another interpreter, named on their `#!` line. */
const LAUNCHERS = ["jupyter"];

/** The first line `<executable> --version` prints (stdout or stderr); "not found" when it is not there to run. */
function versionOf(executable: string, env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(executable, ["--version"], { env, cwd, timeout: 15_000 }, (error, stdout, stderr) => {
      const line = `${stdout}\n${stderr}`
        .split("\n")
        .map((l) => l.trim())
        .find((l) => l !== "");
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") resolve("not found");
      else resolve(line ?? (error ? `unknown (${error.message.split("\n")[0]})` : "unknown"));
    });
  });
}

/**
 * The interpreter on the `#!` line of the first `name` on PATH (`#!/usr/bin/python3`, or the program of
 * `#!/usr/bin/env [-S] python3`), or why there is none.
 */
async function launcherInterpreter(
  name: string,
  searchPath: string | undefined,
): Promise<string | { missing: string }> {
  const file = onPath(name, searchPath);
  if (file === null) return { missing: "not found" };
  const first = (await fileHead(file, 512)).toString("utf8").split("\n")[0];
  if (!first?.startsWith("#!")) return { missing: `unknown (no #! line in ${file})` };
  const [program, ...rest] = first.slice(2).trim().split(/\s+/);
  const interpreter =
    program && path.basename(program) === "env" ? rest.find((word) => !word.startsWith("-")) : program;
  return interpreter ?? { missing: `unknown (no interpreter on the #! line of ${file})` };
}

/** Up to `bytes` bytes from the start of `file` (a launcher may be a binary of megabytes); none when unreadable. */
async function fileHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, "r").catch(() => null);
  if (handle === null) return Buffer.alloc(0);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return Buffer.alloc(0);
  } finally {
    await handle.close();
  }
}

/** The first executable `name` in the folders of PATH, or null. */
function onPath(name: string, searchPath: string | undefined): string | null {
  for (const dir of (searchPath ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/**
 * The code files whose content differs from the key's material: a training command that writes a file it names
 * (`--log train.log`) or one of train.inputs makes the next run's key differ, so the cache could never hit.
 */
export async function codeChangedSince(
  material: KeyMaterial,
  codeFiles: readonly string[],
  options: MaterialOptions = {},
): Promise<string[]> {
  const now = await fingerprintFiles(
    codeFiles.filter((file) => existsSync(file)),
    { ...options, keepOtherStamps: true },
  );
  return material.code
    .filter((entry, i) => now.files.get(codeFiles[i] ?? "")?.sha256 !== entry.sha256)
    .map((e) => e.path);
}

/** Whether `name` on PATH is the executable running this process (same file after resolving links). */
function isThisNode(name: string, searchPath: string | undefined): boolean {
  const candidate = onPath(name, searchPath);
  if (candidate === null) return false;
  try {
    return realpathSync(candidate) === realpathSync(process.execPath);
  } catch {
    return false;
  }
}

/** `linux-x64 ubuntu 24.04`, `darwin-arm64 23`: OS, CPU and the OS release that decides binary compatibility. */
async function platformName(): Promise<string> {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === "linux") {
    try {
      const text = await readFile("/etc/os-release", "utf8");
      const field = (name: string): string =>
        (new RegExp(`^${name}=(.*)$`, "m").exec(text)?.[1] ?? "").replace(/^"|"$/g, "");
      return `${base} ${field("ID")} ${field("VERSION_ID")}`.trim();
    } catch {
      return base;
    }
  }
  if (process.platform === "darwin") return `${base} ${os.release().split(".")[0] ?? ""}`.trim();
  return `${base} ${os.release()}`;
}
