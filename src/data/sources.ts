import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { ExternalError, InputError } from "../errors.ts";
import { isS3Uri, parseS3Uri } from "../files/safe-path.ts";
import type { ObjectReader } from "../store/object-store.ts";
import { openObjectStore, type StoreSettings } from "../store/open.ts";

/** A data source from the config: one path, a glob, or a list of them; many files read as one dataset. */
export async function resolveDataFiles(sources: string | readonly string[], root: string): Promise<string[]> {
  const files: string[] = [];
  for (const source of typeof sources === "string" ? [sources] : sources) {
    if (isS3Uri(source)) {
      throw new InputError(`cannot read ${source} here: s3:// data is read by the validate stage only`, {
        hint: "copy the data into the repository or the runner first",
      });
    }
    files.push(...(await localFiles(source, root)));
  }
  return files;
}

async function localFiles(source: string, root: string, allowEmpty = false): Promise<string[]> {
  if (isDynamicPattern(source)) {
    const matches = await glob(source, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false });
    if (matches.length === 0 && !allowEmpty)
      throw new InputError(`no file matches ${source}`, {
        hint: "check the pattern and where it is relative to (the folder of mlops.yml)",
      });
    return matches.sort();
  }
  const file = path.resolve(root, source);
  if (!existsSync(file))
    throw new InputError(`data file not found: ${source}`, { hint: "paths are relative to the folder of mlops.yml" });
  return [file];
}

export interface SourceFile {
  /** A local file: the data itself, or a downloaded copy of an s3:// object. */
  path: string;
  /** How messages and reports name it: relative to mlops.yml, or the s3:// URI. */
  shown: string;
}

/** One file of a dataset, before reading: a local file, or an s3:// object still to download. */
export type SourceEntry =
  | { kind: "local"; path: string; shown: string }
  | { kind: "s3"; store: ObjectReader; key: string; bucket: string; prefix: string; shown: string };

/**
 * Lists the files of local paths, globs and s3:// URIs (a key, or a glob over keys: `s3://bucket/data/*.csv`, listed
 * through the object store the registry uses), in order. Nothing is downloaded yet, so a shard can pick its files.
 */
export async function listSources(
  sources: string | readonly string[],
  root: string,
  store: StoreSettings,
  /** Whether a glob may match nothing yet (label files that have not arrived), rather than that being an error. */
  options: { allowEmpty?: boolean } = {},
): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const source of typeof sources === "string" ? [sources] : sources) {
    if (!isS3Uri(source)) {
      for (const file of await localFiles(source, root, options.allowEmpty))
        entries.push({ kind: "local", path: file, shown: displayPath(root, file) });
      continue;
    }
    entries.push(...(await listS3(source, root, store, options.allowEmpty)));
  }
  return entries;
}

async function listS3(
  source: string,
  root: string,
  settings: StoreSettings,
  allowEmpty = false,
): Promise<SourceEntry[]> {
  const location = parseS3Uri(source);
  if (!location) throw new InputError(`"${source}" is not a valid s3://bucket/key URI`);
  const pattern = isDynamicPattern(location.key);
  // The store is rooted at the longest prefix without wildcards; keys below it are matched against the pattern.
  const fixed = pattern ? location.key.slice(0, location.key.search(/[*?[{]/)) : location.key;
  const prefix = fixed.includes("/") ? fixed.slice(0, fixed.lastIndexOf("/")) : "";
  const store = await openObjectStore(`s3://${location.bucket}${prefix ? `/${prefix}` : ""}`, root, settings);
  const relative = (key: string): string => (prefix ? key.slice(prefix.length + 1) : key);
  let keys: string[];
  if (pattern) {
    const matches = globToRegExp(relative(location.key));
    keys = (await store.list("")).filter((key) => matches.test(key));
    if (keys.length === 0 && !allowEmpty)
      throw new InputError(`no object matches ${source}`, { hint: "check the bucket, prefix and pattern" });
  } else {
    keys = [relative(location.key)];
  }
  return keys.map((key) => ({
    kind: "s3" as const,
    store,
    key,
    bucket: location.bucket,
    prefix,
    shown: `s3://${location.bucket}/${prefix ? `${prefix}/` : ""}${key}`,
  }));
}

/** Local files for the entries: s3:// objects are downloaded into `downloadDir` (streamed; memory stays flat). */
export async function fetchSources(entries: SourceEntry[], downloadDir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      files.push({ path: entry.path, shown: entry.shown });
      continue;
    }
    const target = path.join(downloadDir, entry.bucket, entry.prefix, ...entry.key.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    let found: boolean;
    try {
      found = (await entry.store.download(entry.key, target)) !== undefined;
    } catch (error) {
      if (error instanceof ExternalError) throw error;
      throw new ExternalError(`cannot download ${entry.shown}: ${(error as Error).message}`, { cause: error });
    }
    if (!found)
      throw new InputError(`data object not found: ${entry.shown}`, { hint: "check the bucket and key in data.train" });
    files.push({ path: target, shown: entry.shown });
  }
  return files;
}

/** The files of shard `index` (1-based) of `count`: a contiguous block, so shards merged in order are the dataset. */
export function shardOf<T>(entries: T[], index: number, count: number): T[] {
  const start = Math.floor(((index - 1) * entries.length) / count);
  const end = Math.floor((index * entries.length) / count);
  return entries.slice(start, end);
}

export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative;
}

/** A glob over object keys as a regular expression: `**` any depth, `*` and `?` within one path segment, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      source += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") source += "(?:";
    else if (char === "}") source += ")";
    else if (char === ",") source += "|";
    else source += char.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
