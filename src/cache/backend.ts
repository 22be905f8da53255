import type { EntryManifest, FetchedEntry } from "./entry.ts";
import type { CacheKey } from "./key.ts";

/**
 * Where run cache entries live. Three backends behind this one interface (STYLE.md: every outside system behind a
 * small interface built in one place, ./open.ts): a local folder, S3 (both on the kit's ObjectStore), and the GitHub
 * Actions cache. Backends move bytes; verifying them is the caller's job (./run-cache.ts), the same for all three.
 */
export interface CacheBackend {
  readonly kind: "local" | "s3" | "actions";
  /** For messages: a folder, an s3:// URI, or "the GitHub Actions cache". */
  readonly location: string;
  /** Fetches the entry for `key` into a scratch folder; null when there is none. Throws when unreachable. */
  fetch(key: CacheKey): Promise<FetchedEntry | null>;
  /** Saves an entry: its manifest and the files it lists. */
  save(key: CacheKey, entry: EntryToSave): Promise<SaveOutcome>;
  /** Forgets a corrupt entry (and blobs found bad) where the backend allows it; says what it did. */
  discard(key: CacheKey, badBlobs: readonly string[]): Promise<string>;
}

export interface EntryToSave {
  manifest: EntryManifest;
  /** The file to store for each sha256 the manifest lists. */
  blobs: ReadonlyMap<string, string>;
}

export type SaveOutcome = { saved: true } | { saved: false; reason: string };
