import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { ExternalError, InputError } from "../errors.ts";
import { isS3Uri, parseS3Uri } from "../files/safe-path.ts";
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

async function localFiles(source: string, root: string): Promise<string[]> {
  if (isDynamicPattern(source)) {
    const matches = await glob(source, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false });
    if (matches.length === 0)
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

/**
 * Local paths, globs and s3:// URIs (a key, or a glob over keys: `s3://bucket/data/*.csv`, listed through the object
 * store the registry uses). S3 objects are downloaded into `downloadDir` first (streamed, so memory stays flat), then
 * read like local files, in parallel ranges.
 */
export async function resolveSources(
  sources: string | readonly string[],
  root: string,
  options: { downloadDir: string; store: StoreSettings },
): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const source of typeof sources === "string" ? [sources] : sources) {
    if (!isS3Uri(source)) {
      for (const file of await localFiles(source, root)) files.push({ path: file, shown: displayPath(root, file) });
      continue;
    }
    files.push(...(await downloadS3(source, root, options)));
  }
  return files;
}

async function downloadS3(
  source: string,
  root: string,
  options: { downloadDir: string; store: StoreSettings },
): Promise<SourceFile[]> {
  const location = parseS3Uri(source);
  if (!location) throw new InputError(`"${source}" is not a valid s3://bucket/key URI`);
  const pattern = isDynamicPattern(location.key);
  // The store is rooted at the longest prefix without wildcards; keys below it are matched against the pattern.
  const fixed = pattern ? location.key.slice(0, location.key.search(/[*?[{]/)) : location.key;
  const prefix = fixed.includes("/") ? fixed.slice(0, fixed.lastIndexOf("/")) : "";
  const store = await openObjectStore(`s3://${location.bucket}${prefix ? `/${prefix}` : ""}`, root, options.store);
  const relative = (key: string): string => (prefix ? key.slice(prefix.length + 1) : key);
  let keys: string[];
  if (pattern) {
    const matches = globToRegExp(relative(location.key));
    keys = (await store.list("")).filter((key) => matches.test(key));
    if (keys.length === 0) throw new InputError(`no object matches ${source}`, { hint: "check the bucket, prefix and pattern" });
  } else {
    keys = [relative(location.key)];
  }
  const files: SourceFile[] = [];
  for (const key of keys) {
    const target = path.join(options.downloadDir, location.bucket, prefix, ...key.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    const shown = `s3://${location.bucket}/${prefix ? `${prefix}/` : ""}${key}`;
    let found: boolean;
    try {
      found = await store.getToFile(key, target);
    } catch (error) {
      if (error instanceof ExternalError) throw error;
      throw new ExternalError(`cannot download ${shown}: ${(error as Error).message}`, { cause: error });
    }
    if (!found) throw new InputError(`data object not found: ${shown}`, { hint: "check the bucket and key in data.train" });
    files.push({ path: target, shown });
  }
  return files;
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
