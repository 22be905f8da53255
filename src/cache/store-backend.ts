import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { ObjectStore } from "../store/object-store.ts";
import type { CacheBackend } from "./backend.ts";
import { blobName, EntryManifest } from "./entry.ts";
import type { CacheKey } from "./key.ts";

/**
 * The run cache on an ObjectStore: a local folder or S3. Layout under the store's root:
 *
 *     entries/<key hash>.json     the manifest, written last: an entry exists iff its manifest does
 *     blobs/<xx>/<sha256>         output files by content, shared by every entry that has them
 *
 * Both stores write whole objects atomically (a folder renames a temporary file into place; S3 PutObject and
 * multipart uploads appear complete or not at all), so a reader never sees half a blob or half a manifest.
 */
export function createStoreBackend(kind: "local" | "s3", store: ObjectStore, scratchDir: string): CacheBackend {
  const manifestKey = (key: CacheKey): string => `entries/${key.hash}.json`;
  return {
    kind,
    location: store.location,
    async fetch(key) {
      const manifest = await store.get(manifestKey(key));
      if (manifest === undefined) return null;
      await mkdir(scratchDir, { recursive: true });
      const dir = await mkdtemp(path.join(scratchDir, "fetch-"));
      const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
      try {
        const text = manifest.toString("utf8");
        // A manifest that does not parse is still handed over: the caller reports it as corrupt and discards it.
        const parsed = safeManifest(text);
        for (const sha256 of new Set(parsed?.files.map((f) => f.sha256) ?? [])) {
          await store.download(blobName(sha256), path.join(dir, ...blobName(sha256).split("/")));
        }
        return { manifest: text, dir, cleanup };
      } catch (error) {
        await cleanup();
        throw error;
      }
    },
    async save(key, entry) {
      for (const [sha256, source] of entry.blobs) {
        // Same name, same content: a blob another run already stored is not sent again.
        if ((await store.head(blobName(sha256))) === undefined) await store.upload(blobName(sha256), source);
      }
      await store.put(manifestKey(key), `${JSON.stringify(entry.manifest, null, 2)}\n`);
      return { saved: true };
    },
    async discard(key, badBlobs) {
      await store.delete(manifestKey(key));
      for (const sha256 of badBlobs) await store.delete(blobName(sha256));
      return `the entry was removed from ${store.location}`;
    },
  };
}

function safeManifest(text: string): EntryManifest | undefined {
  try {
    const parsed = EntryManifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
