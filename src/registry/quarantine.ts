import { randomBytes } from "node:crypto";
import type { ObjectStore } from "../store/object-store.ts";
import { compactTime } from "./names.ts";

/**
 * Where `mlops models fsck --repair` puts damaged objects: moved aside, never deleted, under
 *   <model>/quarantine/<the object's key inside the model>      e.g. churn/quarantine/versions/<v>/manifest.json
 * so a person can look at them and put back what can be saved. A second object moved to the same place (the same key
 * damaged again after a restore) gets a `~<time>-<random>` suffix instead of replacing the first.
 *
 * Readers keep two things in mind: a version whose manifest is here keeps its files (clean leaves them for a person to
 * restore), and an alias entry that is here was a move whose target is unknown (a gap in the alias's history).
 */

const quarantinePrefix = (model: string): string => `${model}/quarantine/`;

/** The key an object of `model` is moved to. */
export function quarantineKey(model: string, key: string): string {
  return `${quarantinePrefix(model)}${key.slice(`${model}/`.length)}`;
}

/**
 * Moves an object aside: copies `body` (what the caller read and judged damaged) into the quarantine, then deletes the
 * original only if it still holds those bytes, so an object restored by someone in the meantime is never lost.
 * Returns where it went, or undefined when the original changed and was left in place.
 */
export async function moveAside(
  store: ObjectStore,
  model: string,
  key: string,
  body: Buffer,
  now: Date,
): Promise<string | undefined> {
  const base = quarantineKey(model, key);
  let target = base;
  while (!(await store.create(target, body))) {
    target = `${base}~${compactTime(now)}-${randomBytes(4).toString("hex")}`;
  }
  const current = await store.get(key);
  if (current !== undefined && !current.equals(body)) return undefined;
  await store.delete(key);
  return target;
}

/** The ids of versions whose manifest was moved aside: their files are kept. */
export async function quarantinedVersions(store: ObjectStore, model: string): Promise<Set<string>> {
  const prefix = `${quarantinePrefix(model)}versions/`;
  return new Set(await store.folders(prefix));
}

/** The keys of one alias's entries that were moved aside (each a move whose target is unknown). */
export async function quarantinedEntries(store: ObjectStore, model: string, alias: string): Promise<string[]> {
  return store.list(`${quarantinePrefix(model)}aliases/${alias}/`);
}
