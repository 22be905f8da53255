import type { ObjectStore } from "../store/object-store.ts";
import { mapBounded } from "./concurrency.ts";
import { versionTime } from "./names.ts";
import { quarantinedVersions } from "./quarantine.ts";
import { manifestKey, versionKey } from "./stored-manifest.ts";

/**
 * Debris: what a publish interrupted before its manifest leaves behind (DOMAIN.md §4). It is invisible to readers (a
 * version exists iff its manifest exists) and removed once it is old enough that no publish can still be writing it.
 */

/** Debris younger than this may belong to a publish still running; older debris is removed. */
export const DEBRIS_AGE_MS = 24 * 60 * 60 * 1000;

export interface Debris {
  version: string;
  keys: string[];
}

/**
 * The version folders that are debris: ids the kit made, started before `before`, without a manifest, and not a
 * version whose manifest fsck moved aside (its files wait for a person to restore the manifest).
 */
export async function findDebris(store: ObjectStore, model: string, before: Date): Promise<Debris[]> {
  const kept = await quarantinedVersions(store, model);
  const debris: Debris[] = [];
  for (const version of await store.folders(`${model}/versions/`)) {
    const started = versionTime(version);
    if (!started || started >= before || kept.has(version)) continue;
    if ((await store.head(manifestKey(model, version))) !== undefined) continue;
    const keys = await store.list(`${versionKey(model, version)}/`);
    // A folder store keeps the empty folder of debris it already removed.
    if (keys.length > 0) debris.push({ version, keys });
  }
  return debris;
}

/** Removes debris found by {@link findDebris}; returns how many objects went. */
export async function removeDebris(store: ObjectStore, debris: readonly Debris[]): Promise<number> {
  let removed = 0;
  for (const { keys } of debris) {
    await mapBounded(keys, 8, (key) => store.delete(key));
    removed += keys.length;
  }
  return removed;
}
