import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CorruptObjectError,
  MAX_GET_BYTES,
  ObjectExistsError,
  ObjectTooLargeError,
  READ_CHUNK,
  checkKey,
  checkPrefix
} from "./chunk-Q52DLOOW.js";
import {
  isErrnoException
} from "./chunk-XOZC47AQ.js";

// src/store/local-store.ts
import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
function createLocalStore(root) {
  const resolve = (key) => path.join(root, ...checkKey(key).split("/"));
  const folderOf = (prefix) => {
    const bare = checkPrefix(prefix);
    return bare === "" ? root : path.join(root, ...bare.split("/"));
  };
  const store = {
    location: root,
    async get(key) {
      let handle;
      try {
        handle = await open(resolve(key), "r");
      } catch (error) {
        if (["ENOENT", "EISDIR", "ENOTDIR"].some((code) => isErrnoException(error, code))) return void 0;
        throw error;
      }
      try {
        const info = await handle.stat();
        if (!info.isFile()) return void 0;
        const body = await readAtMost(handle, info.size, MAX_GET_BYTES);
        if (!body) throw new ObjectTooLargeError(root, key);
        return body;
      } finally {
        await handle.close();
      }
    },
    async put(key, body) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = temporaryName(target);
      try {
        await writeFile(tmp, body);
        await rename(tmp, target);
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async upload(key, file, options = {}) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        return await copyHashed(file, target, options, void 0, options.createOnly === true);
      } catch (error) {
        if (isErrnoException(error, "EEXIST")) throw new ObjectExistsError(root, key);
        throw error;
      }
    },
    async download(key, file, options = {}) {
      const source = resolve(key);
      try {
        if (!(await stat(source)).isFile()) return void 0;
      } catch (error) {
        if (isErrnoException(error, "ENOENT")) return void 0;
        throw error;
      }
      await mkdir(path.dirname(file), { recursive: true });
      return copyHashed(source, file, options, (actual) => {
        if (options.expected && !sameDigest(options.expected, actual)) {
          throw new CorruptObjectError(root, key, options.expected, actual);
        }
      });
    },
    async create(key, body) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = temporaryName(target);
      try {
        await writeFile(tmp, body);
        await link(tmp, target);
        return true;
      } catch (error) {
        if (isErrnoException(error, "EEXIST")) return false;
        throw error;
      } finally {
        await rm(tmp, { force: true });
      }
    },
    // link() is atomic on every local file system.
    createIsExclusive: () => Promise.resolve(true),
    async list(prefix) {
      const base = folderOf(prefix);
      let entries;
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "ENOTDIR")) return [];
        throw error;
      }
      return entries.filter((entry) => entry.isFile() && !TEMPORARY.test(entry.name)).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")).sort();
    },
    async folders(prefix) {
      try {
        const entries = await readdir(folderOf(prefix), { withFileTypes: true });
        return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "ENOTDIR")) return [];
        throw error;
      }
    },
    async head(key) {
      try {
        const info = await stat(resolve(key), { bigint: true });
        if (!info.isFile()) return void 0;
        return { size: Number(info.size), etag: `local-${info.ino}-${info.size}-${info.mtimeNs}` };
      } catch (error) {
        if (isErrnoException(error, "ENOENT")) return void 0;
        throw error;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
    async discardIncomplete(prefix, before) {
      let entries;
      try {
        entries = await readdir(folderOf(prefix), { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "ENOTDIR")) return 0;
        throw error;
      }
      let removed = 0;
      for (const entry of entries.filter((e) => e.isFile() && TEMPORARY.test(e.name))) {
        const file = path.join(entry.parentPath, entry.name);
        const info = await stat(file).catch(() => void 0);
        if (info && info.mtime < before) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    }
  };
  return store;
}
var TEMPORARY = /\.tmp-[0-9a-f]{12}$/;
function temporaryName(target) {
  return `${target}.tmp-${randomBytes(6).toString("hex")}`;
}
async function readAtMost(handle, size, limit) {
  let buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
  let filled = 0;
  for (; ; ) {
    if (filled === buffer.length) {
      if (buffer.length > limit) return null;
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(grown, 0, 0, filled);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) return buffer.subarray(0, filled);
    filled += bytesRead;
  }
}
async function writeAll(handle, chunk) {
  let written = 0;
  while (written < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, written, chunk.length - written);
    written += bytesWritten;
  }
}
function sameDigest(a, b) {
  return a.size === b.size && a.sha256 === b.sha256;
}
async function copyHashed(source, target, options, check, exclusive = false) {
  const tmp = temporaryName(target);
  const hash = createHash("sha256");
  const input = await open(source, "r");
  let size = 0;
  try {
    const total = (await input.stat()).size;
    const output = await open(tmp, "w");
    try {
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      for (; ; ) {
        const { bytesRead } = await input.read(buffer, 0, READ_CHUNK, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await writeAll(output, chunk);
        size += bytesRead;
        options.onProgress?.(size, total);
      }
    } finally {
      await output.close();
    }
    const digest = { size, sha256: hash.digest("hex") };
    check?.(digest);
    if (exclusive) await link(tmp, target);
    else await rename(tmp, target);
    return digest;
  } finally {
    await input.close();
    await rm(tmp, { force: true });
  }
}

export {
  createLocalStore,
  sameDigest
};
