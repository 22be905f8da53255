import * as z from "../zod.ts";
import type { ObjectStore } from "../store/object-store.ts";
import type { VersionRef } from "./names.ts";
import { getUnlessTooLarge, parseStoredJson } from "./stored-manifest.ts";

/**
 * Reading back what `mlops models prune --apply` recorded (`<model>/prune/<time>-<random>.json`, see prune.ts), so
 * that asking for a pruned version is answered with what became of it rather than "no such version".
 */

/** A version prune deleted, as its record tells. */
export interface PrunedVersionRecord {
  version: string;
  sequence: number | null;
  /** When the prune ran (ISO time). */
  at: string;
  /** Who ran it, when known. */
  actor: string | null;
  /** The record's key in the registry. */
  record: string;
}

/** The parts of a prune record (format mlops-kit/prune@1) this reads; the rest is left as it is. */
const PruneRecord = z.object({
  at: z.iso.datetime(),
  actor: z.nullable(z.string()),
  pruned: z.array(z.object({ version: z.string(), sequence: z.nullable(z.number()) })),
});

/**
 * The record of the version a ref names (a version id or number; an alias is never pruned), from the newest record
 * back; undefined when none names it. A record that cannot be read is passed over: it could only add to a message, and
 * `mlops models fsck` is where damage is reported.
 */
export async function findPrunedVersion(
  store: ObjectStore,
  model: string,
  ref: VersionRef,
): Promise<PrunedVersionRecord | undefined> {
  if (ref.kind === "alias") return undefined;
  const keys = (await store.list(`${model}/prune/`)).filter((key) => key.endsWith(".json")).reverse();
  for (const key of keys) {
    const body = await getUnlessTooLarge(store, key);
    if (body === undefined || body === "too large") continue;
    const parsed = parseStoredJson(body, PruneRecord, "prune record");
    if (!("value" in parsed)) continue;
    const { at, actor, pruned } = parsed.value;
    const found = pruned.find((v) => (ref.kind === "version" ? v.version === ref.id : v.sequence === ref.sequence));
    if (found) return { version: found.version, sequence: found.sequence, at, actor, record: key };
  }
  return undefined;
}
