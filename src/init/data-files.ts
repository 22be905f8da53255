import { existsSync, type Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { closestMatch } from "../config/suggest.ts";
import { UsageError, UserError } from "../errors.ts";
import { isS3Uri } from "../files/safe-path.ts";
import { readTableHead } from "../data/head.ts";
import { formatOf, type TableFormat } from "../data/table.ts";

/**
 * The data files `mlops init` can see: a walk of the folder of mlops.yml (never above it: in a monorepo's subfolder the
 * rest of the repository belongs to other projects), bounded in depth and in entries, past the folders that hold
 * tools rather than data (git, node_modules, virtualenvs, conda environments, caches). Each candidate's head is read
 * with the readers `mlops validate` uses (a header, a first JSON object, a Parquet footer), never the whole file.
 */

export interface DataCandidate {
  /** Relative to the folder of mlops.yml, `/`-separated. */
  path: string;
  format: TableFormat;
  size: number;
  /** Column names; empty when the first row looks like data (see `headerless`). */
  columns: string[];
  /** A CSV or TSV file whose first row looks like data, not names: it needs `data.header: false` and named columns. */
  headerless: boolean;
  /** Fields in the first record. */
  fields: number;
}

export interface UnreadableFile {
  path: string;
  reason: string;
}

export interface DataScan {
  candidates: DataCandidate[];
  unreadable: UnreadableFile[];
  /** Why the walk stopped early (a limit), or null when it saw the whole folder. */
  truncated: string | null;
}

export const SCAN_LIMITS = { depth: 6, entries: 20_000, candidates: 200 };

/** Folders that hold tools, caches or environments, never a project's data. Hidden folders are skipped as well. */
const SKIPPED_FOLDERS = new Set([
  "node_modules",
  "__pycache__",
  "site-packages",
  "venv",
  "virtualenv",
  "mlruns",
  "wandb",
  "dist",
  "build",
]);

const DATA_FILE = /\.(?:(?:csv|tsv|tab|jsonl|ndjson)(?:\.gz)?|parquet|pq)$/i;

/**
 * Walks `folder` for data files. `skip`: folders below it (relative, `/`-separated) that hold no data of the project's
 * (the registry and workspace mlops.yml names); a folder laid out as a folder registry is skipped wherever it is.
 */
export async function scanDataFiles(
  folder: string,
  limits = SCAN_LIMITS,
  skip: readonly string[] = [],
): Promise<DataScan> {
  const found: { path: string; size: number }[] = [];
  let truncated: string | null = null;
  let entries = 0;
  let level: string[] = [""];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > limits.depth) {
      truncated = `did not look deeper than ${limits.depth} folders below mlops.yml`;
      break;
    }
    const next: string[] = [];
    for (const relative of level) {
      const listing = await listFolder(path.join(folder, relative));
      // A Python virtualenv (pyvenv.cfg) or a conda environment (conda-meta/), whatever the folder is called.
      if (relative !== "" && listing.some((e) => e.name === "pyvenv.cfg" || e.name === "conda-meta")) continue;
      // A registry's versions carry the kit's own copies of predictions and data: many files, none the project's.
      if (
        relative !== "" &&
        (skip.includes(relative) || (await isFolderRegistry(path.join(folder, relative), listing)))
      )
        continue;
      for (const entry of listing) {
        if (++entries > limits.entries) {
          truncated = `stopped after ${limits.entries} files and folders`;
          break;
        }
        const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
        const kind = await kindOf(folder, child, entry);
        if (kind === "folder" && !entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name)) next.push(child);
        if (kind === "file" && DATA_FILE.test(entry.name)) {
          found.push({ path: child, size: (await stat(path.join(folder, child))).size });
        }
      }
      if (truncated) break;
    }
    if (truncated) break;
    level = next;
  }
  found.sort((a, b) => a.path.localeCompare(b.path));
  if (found.length > limits.candidates) {
    truncated ??= `read the first ${limits.candidates} of ${found.length} data files`;
    found.length = limits.candidates;
  }
  const candidates: DataCandidate[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const file of found) {
    const read = await readCandidate(folder, file.path, file.size);
    if ("reason" in read) unreadable.push(read);
    else candidates.push(read);
  }
  return { candidates, unreadable, truncated };
}

/**
 * A folder laid out as a folder registry (src/registry/registry.ts): a model's folder holding
 * `versions/<version>/manifest.json`, which every published version has.
 */
async function isFolderRegistry(folder: string, listing: readonly Dirent[]): Promise<boolean> {
  for (const model of listing) {
    if (!model.isDirectory()) continue;
    const versions = path.join(folder, model.name, "versions");
    if (!existsSync(versions)) continue;
    const published = (await listFolder(versions)).some(
      (version) => version.isDirectory() && existsSync(path.join(versions, version.name, "manifest.json")),
    );
    if (published) return true;
  }
  return false;
}

/**
 * A folder a config path names, relative to the folder of mlops.yml and `/`-separated, for `skip`; null for a URI
 * (s3://, github://) or a path above the folder, which the walk never reaches.
 */
export function folderBelow(value: string | null | undefined): string | null {
  if (!value || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return null;
  const normal = path.posix.normalize(value.replace(/\\/g, "/")).replace(/\/+$/, "").replace(/^\.\//, "");
  return normal === "." || normal === "" || normal.startsWith("../") || path.posix.isAbsolute(normal) ? null : normal;
}

async function listFolder(folder: string): Promise<Dirent[]> {
  try {
    return (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return []; // unreadable folders hold nothing init can use
  }
}

/** Symbolic links to files count (DVC may link data from its cache); links to folders are not followed (loops). */
async function kindOf(folder: string, child: string, entry: Dirent): Promise<"file" | "folder" | null> {
  if (entry.isDirectory()) return "folder";
  if (entry.isFile()) return "file";
  if (!entry.isSymbolicLink()) return null;
  try {
    return (await stat(path.join(folder, child))).isFile() ? "file" : null;
  } catch {
    return null;
  }
}

/** One file's head: its columns, or why it cannot be used. */
export async function readCandidate(
  folder: string,
  relative: string,
  size: number,
): Promise<DataCandidate | UnreadableFile> {
  if (isDynamicPattern(relative))
    return { path: relative, reason: "its name reads as a glob pattern in mlops.yml ([, *, ? or {)" };
  try {
    const format = formatOf(relative);
    const head = await readTableHead(path.join(folder, relative), format, relative);
    const headerless = !head.named && looksLikeData(head.first);
    const columns = headerless ? [] : head.first.map((cell, i) => (cell ?? "").trim() || `column_${i + 1}`);
    const twice = columns.find((name, i) => columns.indexOf(name) !== i);
    if (twice !== undefined) return { path: relative, reason: `column "${twice}" appears twice in the header` };
    return { path: relative, format, size, columns, headerless, fields: head.first.length };
  } catch (error) {
    if (error instanceof UserError) return { path: relative, reason: error.message.replace(`${relative}: `, "") };
    throw error;
  }
}

/** A cell that reads as a number (`3`, `-0.5`, `.5`, `1e-3`). */
export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A first row that holds a number is data, not names: column names that are numbers are rare, and a file whose first
 * row is data (DVC's prepared TSVs) almost always has a number in it. The names are never guessed from it.
 */
export function looksLikeData(first: (string | null)[]): boolean {
  return first.some((cell) => cell !== null && NUMBER.test(cell.trim()));
}

/**
 * A `--data` or `--eval` value: a file or glob relative to where init runs (written relative to mlops.yml), or an
 * s3:// URI (taken as it is: init does not reach object stores). A file that is missing or unreadable is a usage
 * error naming it, with the nearest data file init found as a suggestion.
 */
export async function resolveDataOption(
  flag: "--data" | "--eval",
  value: string,
  cwd: string,
  configDir: string,
  known: readonly string[],
): Promise<{ source: string; head: DataCandidate | null; shown: string }> {
  if (isS3Uri(value)) return { source: value, head: null, shown: value };
  const toConfig = (absolute: string): string => path.relative(configDir, absolute).split(path.sep).join("/");
  let first: string;
  let source: string;
  if (isDynamicPattern(value)) {
    const matches = (await glob(value, { cwd, absolute: true, onlyFiles: true, expandDirectories: false })).sort();
    if (matches[0] === undefined)
      throw new UsageError(`${flag} ${value}: no file matches`, {
        hint: `${suggest(value, known)}; nothing was written`,
      });
    first = matches[0];
    const base = path.resolve(cwd);
    source = toConfig(base) === "" ? value : `${toConfig(base)}/${value}`;
  } else {
    first = path.resolve(cwd, value);
    if (!existsSync(first))
      throw new UsageError(`${flag} ${value}: no such file`, { hint: `${suggest(value, known)}; nothing was written` });
    source = toConfig(first);
  }
  let size: number;
  try {
    size = (await stat(first)).size;
  } catch (error) {
    throw new UsageError(`${flag} ${value}: ${(error as Error).message}`, {
      hint: "nothing was written",
      cause: error,
    });
  }
  const head = await readCandidate(path.dirname(first), path.basename(first), size);
  if ("reason" in head)
    throw new UsageError(`${flag} ${value}: cannot be read as data: ${head.reason}`, {
      hint: "init reads CSV, TSV, JSON Lines (optionally .gz) and Parquet files; nothing was written",
    });
  const shown = path.relative(cwd, first).split(path.sep).join("/");
  return { source, head: { ...head, path: toConfig(first) }, shown };
}

function suggest(value: string, known: readonly string[]): string {
  const near = closestMatch(value, known) ?? known.find((k) => path.basename(k) === path.basename(value));
  if (near) return `did you mean ${near}? (paths are relative to the current folder)`;
  return known.length > 0
    ? `data files found here: ${known.slice(0, 5).join(", ")}${known.length > 5 ? ", ..." : ""}`
    : "paths are relative to the current folder";
}
