import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  glob,
  isDynamicPattern
} from "./chunk-VU4CPE2P.js";
import {
  openObjectStore
} from "./chunk-WOQKGCDT.js";
import {
  isS3Uri,
  parseS3Uri
} from "./chunk-SN54LWLO.js";
import {
  ExternalError,
  InputError
} from "./chunk-XOZC47AQ.js";

// src/data/sources.ts
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
async function localFiles(source, root, allowEmpty = false) {
  if (isDynamicPattern(source)) {
    const matches = await glob(source, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false });
    if (matches.length === 0 && !allowEmpty)
      throw new InputError(`no file matches ${source}`, {
        hint: "check the pattern and where it is relative to (the folder of mlops.yml)"
      });
    return matches.sort();
  }
  const file = path.resolve(root, source);
  if (!existsSync(file))
    throw new InputError(`data file not found: ${source}`, { hint: "paths are relative to the folder of mlops.yml" });
  return [file];
}
async function listSources(sources, root, store, options = {}) {
  const entries = [];
  for (const source of typeof sources === "string" ? [sources] : sources) {
    if (!isS3Uri(source)) {
      for (const file of await localFiles(source, root, options.allowEmpty))
        entries.push({ kind: "local", path: file, shown: displayPath(root, file) });
      continue;
    }
    entries.push(...await listS3(source, root, store, options.allowEmpty));
  }
  return entries;
}
async function listS3(source, root, settings, allowEmpty = false) {
  const location = parseS3Uri(source);
  if (!location) throw new InputError(`"${source}" is not a valid s3://bucket/key URI`);
  const pattern = isDynamicPattern(location.key);
  const fixed = pattern ? location.key.slice(0, location.key.search(/[*?[{]/)) : location.key;
  const prefix = fixed.includes("/") ? fixed.slice(0, fixed.lastIndexOf("/")) : "";
  const store = await openObjectStore(`s3://${location.bucket}${prefix ? `/${prefix}` : ""}`, root, settings);
  const relative = (key) => prefix ? key.slice(prefix.length + 1) : key;
  let keys;
  if (pattern) {
    const matches = globToRegExp(relative(location.key));
    keys = (await store.list("")).filter((key) => matches.test(key));
    if (keys.length === 0 && !allowEmpty)
      throw new InputError(`no object matches ${source}`, { hint: "check the bucket, prefix and pattern" });
  } else {
    keys = [relative(location.key)];
  }
  return keys.map((key) => ({
    kind: "s3",
    store,
    key,
    bucket: location.bucket,
    prefix,
    shown: `s3://${location.bucket}/${prefix ? `${prefix}/` : ""}${key}`
  }));
}
async function fetchSources(entries, downloadDir) {
  const files = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      files.push({ path: entry.path, shown: entry.shown });
      continue;
    }
    const target = path.join(downloadDir, entry.bucket, entry.prefix, ...entry.key.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    let found;
    try {
      found = await entry.store.download(entry.key, target) !== void 0;
    } catch (error) {
      if (error instanceof ExternalError) throw error;
      throw new ExternalError(`cannot download ${entry.shown}: ${error.message}`, { cause: error });
    }
    if (!found)
      throw new InputError(`data object not found: ${entry.shown}`, { hint: "check the bucket and key in data.train" });
    files.push({ path: target, shown: entry.shown });
  }
  return files;
}
function shardOf(entries, index, count) {
  const start = Math.floor((index - 1) * entries.length / count);
  const end = Math.floor(index * entries.length / count);
  return entries.slice(start, end);
}
function displayPath(root, file) {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative;
}
function globToRegExp(glob2) {
  let source = "";
  for (let i = 0; i < glob2.length; i++) {
    const char = glob2[i];
    if (char === "*" && glob2[i + 1] === "*") {
      source += glob2[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob2[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") source += "(?:";
    else if (char === "}") source += ")";
    else if (char === ",") source += "|";
    else source += char.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export {
  listSources,
  fetchSources,
  shardOf,
  displayPath
};
