import { NAME_PATTERN } from "../config/schema/common.ts";
import { ExternalError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { getUnlessTooLarge } from "./stored-manifest.ts";

/**
 * Friendly sequence numbers (1, 2, 3 ...) for versions, handed out without a server. A number n is claimed by an
 * object in `<model>/sequence/<n>/`, in one of two ways, chosen by what the store can do:
 *
 * - Exclusive claims, where `create` is exclusive (a folder; S3 servers that honour `If-None-Match: *`: AWS, RGW,
 *   R2): a publisher creates `<n>/claim.json` naming its version. Exactly one creator wins n; the others move on to
 *   the next free number at once, without withdrawing anything, so contention skips no number.
 * - Listing claims, where it is not (s3rver ignores the header and overwrites): a publisher writes its own object
 *   `<n>/<version>`, then lists that folder, and holds n only if its claim is the only one there. A winner never
 *   removes its claim; a loser removes its own and tries again after a random pause. Two publishers cannot both win
 *   n: the second to write its claim lists after both claims exist (S3 lists are strongly consistent since 2020), so
 *   it sees the other's claim. Under contention all claimants of n may lose, and a third publisher that listed while
 *   their claims were still there has moved on to n+1, so n can stay empty.
 *
 * The two kinds obey one rule, so they mix safely (an older kit, or a client that could not probe): a claim holds
 * only while it is alone in its folder. A winning exclusive claim therefore still lists its folder once and withdraws
 * if a listing claim sits beside it. A number is never handed out twice nor reused; it is skipped when its claimant
 * dies before committing, and, with listing claims only, under contention.
 */

const PREFIX = (model: string): string => `${model}/sequence/`;
const CLAIM = /^[^/]+\/sequence\/(\d+)\/[^/]+$/;
/** The exclusive claim's name: never a version id (those end in hex, not ".json"). */
const EXCLUSIVE_CLAIM = "claim.json";
const MAX_ROUNDS = 40;
/** Exclusive claims lose only to another claimant that got there first: allow a crowd of concurrent publishers. */
const MAX_EXCLUSIVE_TRIES = 400;

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const folder = (model: string, n: number): string => `${PREFIX(model)}${String(n).padStart(6, "0")}/`;

export async function claimSequence(
  store: ObjectStore,
  model: string,
  version: string,
  sleep: Sleep = realSleep,
): Promise<number> {
  return (await store.createIsExclusive(`${model}/sequence`))
    ? claimExclusively(store, model, version, sleep)
    : claimByListing(store, model, version, sleep);
}

async function highestClaimed(store: ObjectStore, model: string): Promise<number> {
  let highest = 0;
  for (const key of await store.list(PREFIX(model))) {
    const n = Number(CLAIM.exec(key)?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return highest;
}

async function claimExclusively(store: ObjectStore, model: string, version: string, sleep: Sleep): Promise<number> {
  const body = `${JSON.stringify({ version })}\n`;
  let n = (await highestClaimed(store, model)) + 1;
  for (let tries = 0; tries < MAX_EXCLUSIVE_TRIES; tries++) {
    const mine = `${folder(model, n)}${EXCLUSIVE_CLAIM}`;
    if (await store.create(mine, body)) {
      const rivals = (await store.list(folder(model, n))).filter((key) => key !== mine);
      if (rivals.length === 0) return n;
      // A listing claim beside ours may already have won n: give it up (n may end up skipped, never doubled).
      await store.delete(mine);
      await sleep(Math.random() * 100);
    }
    // Taken: try the next one (a refused conditional PUT costs less than a listing), and now and then jump past
    // every claim made meanwhile, so a publisher that fell far behind a crowd does not walk through it one by one.
    n = tries % 16 === 15 ? Math.max(n + 1, (await highestClaimed(store, model)) + 1) : n + 1;
  }
  throw tooMany(store, model, MAX_EXCLUSIVE_TRIES);
}

async function claimByListing(store: ObjectStore, model: string, version: string, sleep: Sleep): Promise<number> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const n = (await highestClaimed(store, model)) + 1;
    const mine = `${folder(model, n)}${version}`;
    await store.put(mine, `${JSON.stringify({ version })}\n`);
    const rivals = (await store.list(folder(model, n))).filter((key) => key !== mine);
    if (rivals.length === 0) return n;
    await store.delete(mine);
    // Full jitter, growing: concurrent losers spread out instead of colliding again.
    await sleep(Math.random() * Math.min(2000, 25 * 2 ** Math.min(round, 6)));
  }
  throw tooMany(store, model, MAX_ROUNDS);
}

function tooMany(store: ObjectStore, model: string, tries: number): ExternalError {
  return new ExternalError(
    `could not get a version number for ${model} in ${store.location} after ${tries} tries: too many publishes at once`,
    { hint: "publish again; serialise publishes with a `concurrency:` group in the workflow" },
  );
}

/** The versions that claimed number n, either way (normally one; more while a contest is on or after a crash). */
export async function sequenceClaimants(store: ObjectStore, model: string, n: number): Promise<string[]> {
  const versions: string[] = [];
  for (const key of await store.list(folder(model, n))) {
    const name = key.slice(key.lastIndexOf("/") + 1);
    if (name !== EXCLUSIVE_CLAIM) {
      versions.push(name);
      continue;
    }
    const body = await getUnlessTooLarge(store, key);
    const claimed = claimedVersion(body === "too large" ? undefined : body);
    if (claimed) versions.push(claimed);
  }
  return versions;
}

/** The version an exclusive claim names; undefined for a damaged one (the number then resolves to nothing). */
function claimedVersion(body: Buffer | undefined): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body?.toString("utf8") ?? "");
    const version = (parsed as { version?: unknown } | null)?.version;
    return typeof version === "string" && NAME_PATTERN.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}
