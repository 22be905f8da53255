import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { isErrnoException } from "../errors.ts";
import { describePathProblem, relativePathProblem } from "../files/safe-path.ts";
import type { ObjectStore } from "./object-store.ts";

/**
 * A folder as an object store. Writes go to a temporary name and are renamed into place, so a reader (or a crash)
 * never sees half an object: rename is atomic within one file system.
 */
export function createLocalStore(root: string): ObjectStore {
  const resolve = (key: string): string => {
    const problem = relativePathProblem(key);
    if (problem) throw new Error(`refusing object key "${key}": ${describePathProblem(problem)}`);
    return path.join(root, ...key.split("/"));
  };
  const temporary = (target: string): string => `${target}.tmp-${randomBytes(6).toString("hex")}`;

  return {
    location: root,
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (error) {
        if (isErrnoException(error, "ENOENT")) return undefined;
        throw error;
      }
    },
    async put(key, body) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = temporary(target);
      await writeFile(tmp, body);
      await rename(tmp, target);
    },
    async putFile(key, file) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = temporary(target);
      await copyFile(file, tmp);
      await rename(tmp, target);
    },
    async getToFile(key, file) {
      const source = resolve(key);
      try {
        await stat(source);
      } catch (error) {
        if (isErrnoException(error, "ENOENT")) return false;
        throw error;
      }
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = temporary(file);
      await copyFile(source, tmp);
      await rename(tmp, file);
      return true;
    },
    async list(prefix) {
      const base = prefix === "" ? root : resolve(prefix.replace(/\/$/, ""));
      let entries;
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "ENOTDIR")) return [];
        throw error;
      }
      return entries
        .filter((entry) => entry.isFile() && !/\.tmp-[0-9a-f]{12}$/.test(entry.name))
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
        .sort();
    },
    async exists(key) {
      try {
        return (await stat(resolve(key))).isFile();
      } catch (error) {
        if (isErrnoException(error, "ENOENT")) return false;
        throw error;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
