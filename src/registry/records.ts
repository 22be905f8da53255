import { randomBytes } from "node:crypto";
import type { ObjectStore } from "../store/object-store.ts";
import { compactTime } from "./names.ts";

/**
 * The registry's maintenance records: what one `models fsck --repair` or `models prune --apply` did, who ran it and
 * when, as one object `<model>/<kind>/<time>-<random>.json`, written once with an exclusive create and never changed
 * (the write role may only create them: docs/bucket.md "The least IAM policies"). Key order is time order.
 */
export async function writeRecord(
  store: ObjectStore,
  model: string,
  kind: "fsck" | "prune",
  at: Date,
  record: object,
): Promise<string> {
  for (;;) {
    const key = `${model}/${kind}/${compactTime(at)}-${randomBytes(4).toString("hex")}.json`;
    // Never replace a record (a random clash, however unlikely): the records are append-only.
    if (await store.create(key, `${JSON.stringify(record, null, 2)}\n`)) return key;
  }
}
