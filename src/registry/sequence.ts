import { ExternalError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";

/**
 * Friendly sequence numbers (1, 2, 3 ...) for versions, handed out without a server and without conditional writes.
 *
 * A publisher claims number n by writing its own object `<model>/sequence/<n>/<version>`, then lists that folder:
 * it holds n only if its claim is the only one there. A winner never removes its claim; a loser removes its own and
 * tries again after a random pause. Two publishers cannot both win n: the second to write its claim lists after both
 * claims exist (S3 lists are strongly consistent since 2020), so it sees the other's claim. Under contention all
 * claimants of n may lose and retry; a third publisher that listed while their claims were still there has moved on to
 * n+1, so n can stay empty. A number is thus never handed out twice nor reused, but can be skipped: under contention,
 * or when a publisher dies after claiming it.
 */

const PREFIX = (model: string): string => `${model}/sequence/`;
const CLAIM = /^[^/]+\/sequence\/(\d+)\/[^/]+$/;
const MAX_ROUNDS = 40;

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const folder = (model: string, n: number): string => `${PREFIX(model)}${String(n).padStart(6, "0")}/`;

export async function claimSequence(
  store: ObjectStore,
  model: string,
  version: string,
  sleep: Sleep = realSleep,
): Promise<number> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let highest = 0;
    for (const key of await store.list(PREFIX(model))) {
      const n = Number(CLAIM.exec(key)?.[1] ?? 0);
      if (n > highest) highest = n;
    }
    const n = highest + 1;
    const mine = `${folder(model, n)}${version}`;
    await store.put(mine, `${JSON.stringify({ version })}\n`);
    const rivals = (await store.list(folder(model, n))).filter((key) => key !== mine);
    if (rivals.length === 0) return n;
    await store.delete(mine);
    // Full jitter, growing: concurrent losers spread out instead of colliding again.
    await sleep(Math.random() * Math.min(2000, 25 * 2 ** Math.min(round, 6)));
  }
  throw new ExternalError(
    `could not get a version number for ${model} in ${store.location} after ${MAX_ROUNDS} tries: too many publishes at once`,
    { hint: "publish again; serialise publishes with a `concurrency:` group in the workflow" },
  );
}

/** The versions that claimed number n (normally one; more while a contest is on or after a crash). */
export async function sequenceClaimants(store: ObjectStore, model: string, n: number): Promise<string[]> {
  const keys = await store.list(folder(model, n));
  return keys.map((key) => key.slice(key.lastIndexOf("/") + 1));
}
