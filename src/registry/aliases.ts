import { randomBytes } from "node:crypto";
import * as z from "zod";
import { NAME_PATTERN } from "../config/schema/common.ts";
import { ExternalError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { mapBounded } from "./concurrency.ts";
import { compactTime } from "./names.ts";

/**
 * Alias history (DOMAIN.md §4). Every move of an alias is one immutable object,
 *   <model>/aliases/<alias>/<time>-<random>.json
 * and the alias points where the LAST entry (in key order) points. There is no separate pointer to fall out of step
 * with the history, so "the last entry equals the alias" holds by construction, a crash leaves a whole entry or none,
 * and concurrent movers on a server without conditional writes can never lose one another's entry.
 *
 * Key order is the order of moves: a mover stamps its entry no earlier than 1 ms after the last entry it saw, so a
 * machine with a slow clock cannot slip a later move in before an earlier one. Two movers that did not see each other
 * are ordered by time, then by the random part: arbitrarily, but the same for every reader. `from` is therefore read
 * from the chain (the entry before), not from what a mover believed when it wrote.
 */

export interface AliasEvent {
  alias: string;
  /** Where the alias pointed before this move (null for its first). */
  from: string | null;
  to: string;
  /** ISO time of the move. */
  at: string;
  actor: string | null;
  reason: string;
  runUrl: string | null;
  /** Promoted although its gate did not pass. */
  forced: boolean;
  /** A rollback returns to an earlier entry; every other move is a promotion. */
  kind: "promote" | "rollback";
}

const Entry = z.object({
  alias: z.string().regex(NAME_PATTERN),
  from: z.string().nullable(),
  to: z.string().regex(NAME_PATTERN),
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  reason: z.string(),
  runUrl: z.string().nullable(),
  forced: z.boolean().default(false),
  kind: z.enum(["promote", "rollback"]).default("promote"),
});

const ENTRY_KEY = /^([^/]+)\/aliases\/([^/]+)\/(\d{8}T\d{9}Z-[0-9a-f]{8})\.json$/;

const aliasesPrefix = (model: string, alias?: string): string =>
  alias === undefined ? `${model}/aliases/` : `${model}/aliases/${alias}/`;

/** Entry keys of one alias (or all), grouped by alias, each group in move order. */
async function entryKeys(store: ObjectStore, model: string, alias?: string): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>();
  for (const key of await store.list(aliasesPrefix(model, alias))) {
    const match = ENTRY_KEY.exec(key);
    if (!match?.[2] || match[1] !== model) continue;
    groups.set(match[2], [...(groups.get(match[2]) ?? []), key]);
  }
  for (const keys of groups.values()) keys.sort();
  return groups;
}

async function readEntry(store: ObjectStore, key: string, alias: string): Promise<AliasEvent> {
  const body = await store.get(key);
  let parsed;
  try {
    parsed = body === undefined ? undefined : Entry.safeParse(JSON.parse(body.toString("utf8")));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success || parsed.data.alias !== alias) {
    throw new ExternalError(`the alias history entry ${key} in ${store.location} is missing or not valid`, {
      hint: "it was changed outside mlops-kit; restore it from the bucket's versioning, or remove it",
    });
  }
  return parsed.data;
}

/** The moves of one alias, oldest first, with `from` taken from the chain. */
export async function aliasHistory(store: ObjectStore, model: string, alias: string): Promise<AliasEvent[]> {
  const keys = (await entryKeys(store, model, alias)).get(alias) ?? [];
  return chain(await mapBounded(keys, 8, (key) => readEntry(store, key, alias)));
}

function chain(entries: AliasEvent[]): AliasEvent[] {
  return entries.map((entry, i) => ({ ...entry, from: i === 0 ? null : (entries[i - 1]?.to ?? null) }));
}

/** Every alias's moves, merged oldest first. */
export async function allAliasHistory(store: ObjectStore, model: string): Promise<AliasEvent[]> {
  const events: { key: string; event: AliasEvent }[] = [];
  for (const [alias, keys] of await entryKeys(store, model)) {
    const entries = chain(await mapBounded(keys, 8, (key) => readEntry(store, key, alias)));
    entries.forEach((event, i) => events.push({ key: keys[i] ?? "", event }));
  }
  return events.sort((a, b) => a.event.at.localeCompare(b.event.at) || a.key.localeCompare(b.key)).map((e) => e.event);
}

/** The last move of each alias: where the aliases point now. */
export async function currentAliases(
  store: ObjectStore,
  model: string,
  only?: string,
): Promise<Map<string, AliasEvent>> {
  const current = new Map<string, AliasEvent>();
  const groups = [...(await entryKeys(store, model, only))];
  await mapBounded(groups, 8, async ([alias, keys]) => {
    const last = keys.at(-1);
    if (last) current.set(alias, await readEntry(store, last, alias));
  });
  return current;
}

/** Appends a move. `at` is moved to 1 ms after the alias's last entry when the caller's clock is behind it. */
export async function appendMove(
  store: ObjectStore,
  model: string,
  move: Omit<AliasEvent, "from">,
): Promise<AliasEvent> {
  const last = (await currentAliases(store, model, move.alias)).get(move.alias);
  const requested = new Date(move.at);
  const floor = last ? new Date(Date.parse(last.at) + 1) : requested;
  const at = requested < floor ? floor : requested;
  const entry: AliasEvent = { ...move, from: last?.to ?? null, at: at.toISOString() };
  for (;;) {
    const key = `${aliasesPrefix(model, move.alias)}${compactTime(at)}-${randomBytes(4).toString("hex")}.json`;
    // Never overwrite an entry (a random clash, however unlikely): the history is append-only.
    if (await store.create(key, `${JSON.stringify(entry, null, 2)}\n`)) return entry;
  }
}

/**
 * The versions an alias has stood on, as a stack: a promotion pushes, a rollback returns to the last time the alias
 * stood on its target. The top is where the alias points now; the one below is where a rollback goes.
 */
export function servingStack(history: readonly AliasEvent[]): string[] {
  const stack: string[] = [];
  for (const event of history) {
    if (event.kind === "rollback") {
      const index = stack.lastIndexOf(event.to);
      if (index >= 0) stack.length = index + 1;
      else stack.push(event.to);
    } else if (stack.at(-1) !== event.to) {
      stack.push(event.to);
    }
  }
  return stack;
}

/** The move in force at `date` (the last one at or before it), if the alias existed then. */
export function moveInForce(history: readonly AliasEvent[], date: Date): AliasEvent | undefined {
  let found: AliasEvent | undefined;
  for (const event of history) if (Date.parse(event.at) <= date.getTime()) found = event;
  return found;
}
