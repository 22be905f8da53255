import path from "node:path";
import type { MlopsConfig } from "../config/schema/index.ts";
import { sha256File } from "../files/hash.ts";
import type { StoreSettings } from "../store/open.ts";
import { listSources, type SourceEntry } from "./sources.ts";

/**
 * What data a model was trained and evaluated on, without keeping the data (DOMAIN.md §4 lineage, §5 cache key): per
 * file, its size and sha256 when it is local, its size and ETag when it is an s3:// object (read from the bucket's
 * metadata, not by downloading it; DVC identifies S3 data the same way). The manifest records it, the run cache
 * keys on it, and retraining compares it with the champion's to see new data.
 */

export interface DataFile {
  /** Relative to mlops.yml for local files, the s3:// URI for objects. */
  path: string;
  size: number;
  sha256?: string;
  etag?: string;
}

export interface DataFingerprint {
  dataset: "train" | "eval";
  files: DataFile[];
}

export async function fingerprintDatasets(
  data: MlopsConfig["data"],
  root: string,
  settings: StoreSettings,
): Promise<DataFingerprint[]> {
  const fingerprints: DataFingerprint[] = [];
  for (const [dataset, sources] of [
    ["train", data?.train],
    ["eval", data?.eval],
  ] as const) {
    if (sources === undefined) continue;
    const files = await fingerprintFiles(await listSources(sources, root, settings), root);
    fingerprints.push({ dataset, files });
  }
  return fingerprints;
}

/** Each file's size and sha256 (local) or size and ETag (s3://, from the bucket's metadata), in order. */
export async function fingerprintFiles(entries: readonly SourceEntry[], root: string): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      const { size, sha256 } = await sha256File(entry.path);
      files.push({ path: path.relative(root, entry.path).split(path.sep).join("/"), size, sha256 });
    } else {
      const head = await entry.store.head(entry.key);
      // listSources found the key a moment ago; gone now means it was deleted in between: fingerprint what is.
      files.push(
        head
          ? { path: entry.shown, size: head.size, etag: head.etag }
          : { path: entry.shown, size: 0, etag: "missing" },
      );
    }
  }
  return files;
}

/** One line per file, for cache keys and comparisons: identical data gives identical text. */
export function describeFingerprint(fingerprints: readonly DataFingerprint[]): string {
  return fingerprints.flatMap((f) => f.files.map((file) => `${f.dataset}\t${describeFile(file)}`)).join("\n");
}

/** One file as a line of a fingerprint: its path, size and sha256, or its ETag for an object. */
export function describeFile(file: DataFile): string {
  return `${file.path}\t${file.size}\t${file.sha256 ?? `etag:${file.etag ?? ""}`}`;
}
