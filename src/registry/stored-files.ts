import type { ObjectStore } from "../store/object-store.ts";
import { mapBounded } from "./concurrency.ts";
import type { Manifest } from "./manifest.ts";
import { checkFilePath } from "./names.ts";
import { versionKey, versionObjects } from "./stored-manifest.ts";

/** A file or attachment of a version that is not stored as its manifest lists it. */
export interface StoredFileProblem {
  /** The file's path in the version (`model/weights.bin`), or `<name> attachment (<path>)` for an attachment. */
  path: string;
  /** What is wrong, in words: missing, or the size it holds against the size its manifest lists. */
  problem: string;
}

/**
 * Whether every file and attachment of a version is still there with the size its manifest lists, without reading
 * any of them: one `head` per object, which every backend answers cheaply (a stat in a folder, a HEAD request on S3,
 * the release's asset listing on GitHub). Cheap enough to ask before each promotion, so that an alias is never moved
 * to a version whose files are gone or cut short. An edit that keeps the size shows only when the bytes are read back
 * (`mlops models fsck`, `verify`, and every pull, which refuses it).
 */
export async function storedFileProblems(store: ObjectStore, manifest: Manifest): Promise<StoredFileProblem[]> {
  const base = versionKey(manifest.model, manifest.version);
  const entries = versionObjects(manifest).map(({ relative, entry, attachment }) => ({
    path: attachment === null ? entry.path : `${attachment} attachment (${entry.path})`,
    key: relative,
    size: entry.size,
  }));
  const found = await mapBounded(entries, 8, async (entry) => {
    const head = await store.head(`${base}/${checkFilePath(entry.key)}`);
    if (head === undefined) return { path: entry.path, problem: `${entry.path} is missing` };
    if (head.size !== entry.size) {
      return { path: entry.path, problem: `${entry.path} holds ${head.size} bytes; its manifest says ${entry.size}` };
    }
    return undefined;
  });
  return found.filter((problem): problem is StoredFileProblem => problem !== undefined);
}
