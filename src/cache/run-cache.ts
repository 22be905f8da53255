import path from "node:path";
import { isErrnoException, UserError } from "../errors.ts";
import type { FileDigest } from "../files/hash.ts";
import type { CacheBackend } from "./backend.ts";
import { declaredOutputKinds, type EntryManifest, placeEntry, type RunReference, verifyEntry } from "./entry.ts";
import { CACHE_FORMAT_VERSION, type CacheKey, type KeyPart } from "./key.ts";

/**
 * Looking up and saving training runs, the same for every backend. Outcomes are data: a hit, a miss, a corrupt entry
 * (found out by size and sha256, discarded, never used) or an unreachable backend (the run trains anyway); the
 * train stage turns them into its record and warnings.
 */

export type CacheStatus = "hit" | "miss" | "forced" | "off" | "corrupt" | "unavailable";

export interface CacheReport {
  /**
   * hit: outputs restored, the command did not run. miss: no entry. forced: --force, the lookup was skipped.
   * off: no cache for this run. corrupt: an entry was found broken and discarded. unavailable: the backend failed.
   */
  status: CacheStatus;
  backend: CacheBackend["kind"] | null;
  location: string | null;
  /** The key as stored (`mlops-train-<model>-<sha256>`); null when the cache is off. */
  key: string | null;
  /** A short sha256 of each part of the key's material: compare two run records to see what changed. */
  keyParts: Record<KeyPart, string> | null;
  /** The earlier run whose outputs a hit restored. */
  reusedFrom: RunReference | null;
  /** Whether this run's outputs were saved to the cache. */
  saved: boolean;
  /** Fallbacks, discarded entries, outages and skipped saves, in words. */
  notes: string[];
}

export type LookupOutcome =
  | { kind: "hit"; manifest: EntryManifest; outputs: FileDigest[] }
  | { kind: "miss" }
  | { kind: "corrupt"; note: string }
  | { kind: "unavailable"; note: string };

/** Fetches, verifies and, when every byte checks out, puts the entry's outputs in place under `root`. */
export async function restoreFromCache(
  backend: CacheBackend,
  key: CacheKey,
  root: string,
  declared: readonly string[],
): Promise<LookupOutcome> {
  let fetched;
  try {
    fetched = await backend.fetch(key);
  } catch (error) {
    if (!isOutage(error)) throw error;
    return { kind: "unavailable", note: `the run cache (${backend.location}) could not be read: ${messageOf(error)}` };
  }
  if (!fetched) return { kind: "miss" };
  try {
    const verified = await verifyEntry(fetched, key.hash, declared);
    if (!verified.ok) {
      let discarded: string;
      try {
        discarded = await backend.discard(key, verified.badBlobs);
      } catch (error) {
        if (!isOutage(error)) throw error;
        discarded = `it could not be removed: ${messageOf(error)}`;
      }
      return {
        kind: "corrupt",
        note: `the cached entry for this key was not used: ${verified.problem}; ${discarded}`,
      };
    }
    const outputs = await placeEntry(fetched, verified.manifest, root);
    return { kind: "hit", manifest: verified.manifest, outputs };
  } finally {
    await fetched.cleanup();
  }
}

export interface SaveRequest {
  key: CacheKey;
  root: string;
  declared: readonly string[];
  outputs: readonly FileDigest[];
  run: RunReference;
  params: Record<string, unknown>;
  createdAt: string;
}

/** Saves a finished run's outputs; a failure to save is a note, never a failed training. */
export async function saveToCache(
  backend: CacheBackend,
  request: SaveRequest,
): Promise<{ saved: boolean; note?: string }> {
  const manifest: EntryManifest = {
    format: CACHE_FORMAT_VERSION,
    key: request.key.hash,
    createdAt: request.createdAt,
    run: request.run,
    params: request.params,
    outputs: await declaredOutputKinds(request.root, request.declared),
    files: request.outputs.map((o) => ({ path: o.path, size: o.size, sha256: o.sha256 })),
  };
  const blobs = new Map<string, string>();
  for (const output of request.outputs) blobs.set(output.sha256, path.join(request.root, ...output.path.split("/")));
  try {
    const outcome = await backend.save(request.key, { manifest, blobs });
    return outcome.saved ? { saved: true } : { saved: false, note: `not saved to the run cache: ${outcome.reason}` };
  } catch (error) {
    if (!isOutage(error)) throw error;
    return {
      saved: false,
      note: `not saved to the run cache (${backend.location}): ${messageOf(error)}; the next run trains again`,
    };
  }
}

/** Failures of the outside world (unreachable store, permissions, a full disk), as opposed to bugs. */
function isOutage(error: unknown): boolean {
  return error instanceof UserError || isErrnoException(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
