import { ExternalError } from "../errors.ts";
import { CorruptObjectError, type ObjectStore } from "../store/object-store.ts";
import type { Manifest, ManifestFile } from "./manifest.ts";
import { versionKey } from "./stored-manifest.ts";

/** Downloading a version's stored files, each verified against its manifest entry as the bytes stream. */

/** Bytes moving for one file of a version; `done` once the file is complete (and verified, on a download). */
export interface TransferEvent {
  direction: "upload" | "download";
  path: string;
  bytes: number;
  total: number;
  done: boolean;
}

export interface TransferHooks {
  onProgress?: (event: TransferEvent) => void;
}

/** Why a download did not land: the store has no such object, or its bytes differ from the manifest. */
export type FetchOutcome = "ok" | "missing" | CorruptObjectError;

/** Downloads one object to `target`, verified against `entry` as it streams; a mismatch never lands under `target`. */
/** A file of a version that is missing or differs from its manifest: the version does not verify. */
export class DamagedFileError extends ExternalError {}

export async function fetchVerified(
  store: ObjectStore,
  key: string,
  entry: Pick<ManifestFile, "size" | "sha256">,
  target: string,
  onProgress?: (bytes: number) => void,
): Promise<FetchOutcome> {
  try {
    const found = await store.download(key, target, {
      expected: { size: entry.size, sha256: entry.sha256 },
      ...(onProgress ? { onProgress } : {}),
    });
    return found ? "ok" : "missing";
  } catch (error) {
    if (error instanceof CorruptObjectError) return error;
    throw error;
  }
}

/** Downloads one file of a version (`relative` to its folder), verified; a missing or changed object is an error. */
export async function downloadFile(
  store: ObjectStore,
  manifest: Manifest,
  relative: string,
  entry: ManifestFile,
  target: string,
  hooks: TransferHooks = {},
): Promise<void> {
  const report = (bytes: number, done: boolean): void =>
    hooks.onProgress?.({ direction: "download", path: entry.path, bytes, total: entry.size, done });
  const key = `${versionKey(manifest.model, manifest.version)}/${relative}`;
  const outcome = await fetchVerified(store, key, entry, target, (bytes) => report(bytes, false));
  if (outcome === "missing") {
    const why = await store.explainMissing?.(key);
    throw new DamagedFileError(
      `version ${manifest.version} of ${manifest.model} lists ${entry.path}, but the registry has no such file` +
        (why ? `: ${why}` : ""),
      { hint: "the version was damaged outside mlops-kit; publish again or roll back" },
    );
  }
  if (outcome !== "ok") {
    throw new DamagedFileError(
      `${entry.path} of ${manifest.model} ${manifest.version} is corrupted: the registry holds ${outcome.actual.size} bytes ` +
        `with sha256 ${outcome.actual.sha256.slice(0, 12)}…, the manifest says ${entry.size} bytes with sha256 ${entry.sha256.slice(0, 12)}…` +
        (outcome.explanation ? ` (${outcome.explanation})` : ""),
      {
        hint: "the stored object was changed or damaged after publishing; nothing was written. Publish again or roll back",
        cause: outcome,
      },
    );
  }
  report(entry.size, true);
}
