import { randomBytes } from "node:crypto";
import * as z from "../zod.ts";
import { NAME_PATTERN } from "../config/schema/common.ts";
import { ExternalError, InputError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { mapBounded } from "./concurrency.ts";
import type { Damage, DamageReporter } from "./damage.ts";
import { compactTime, parseCompactTime } from "./names.ts";
import { quarantinedEntries } from "./quarantine.ts";
import { getUnlessTooLarge, parseStoredJson, TOO_LARGE } from "./stored-manifest.ts";

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
 *
 * A damaged entry (not valid JSON, not a valid entry) is a GAP: a move at a known time (its key says when) to an
 * unknown version. Readers go on with the other entries and never guess across a gap: when the last entry is a gap,
 * where the alias points is unknown (until a new move, which repairs the alias); a rollback or a date whose answer
 * depends on a gap is refused with the reason. An entry `mlops models fsck --repair` moved aside (only ever one that is
 * not the last) stays a gap in the history, so the repair hides nothing.
 */

export interface AliasEvent {
  alias: string;
  /** Where the alias pointed before this move: null for its first move, and when the entry before it is a gap. */
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
  /** How the move was delivered, when a deploy target's job made it (DOMAIN.md §8); absent for other moves. */
  delivery?: Delivery;
}

/** A deploy target's move: where it went, who approved it, and the GitHub deployment that records it. */
export interface Delivery {
  target: string;
  environment: string;
  /** The reviewers' decisions on the run's environment (required reviewers), or the dispatching actor (fallback). */
  approvals: Approval[];
  /** How approval was given: `environment` (required reviewers), `dispatch` (manual run), `none` (a local run). */
  approvedBy: "environment" | "dispatch" | "none";
  /** The GitHub deployment's id and URL; null when none was created (a local run). */
  deployment: { id: number; url: string | null } | null;
  /** Where the deployed version answers, when the deploy command said. */
  environmentUrl: string | null;
}

export interface Approval {
  user: string;
  comment: string;
  state: "approved" | "rejected";
}

/** One entry of an alias's history as read: a move, or a gap whose move is unknown. */
export type HistoryLink = { key: string; move: AliasEvent } | GapLink;
export interface GapLink {
  key: string;
  gap: Gap;
}

export interface Gap {
  /** When the unknown move was made (from its key). */
  at: string;
  /** What is wrong with the entry; null when fsck already moved it aside (recorded under `<model>/fsck/`). */
  damage: Damage | null;
}

const Entry = z.object({
  alias: z.string().check(z.regex(NAME_PATTERN)),
  from: z.nullable(z.string()),
  to: z.string().check(z.regex(NAME_PATTERN)),
  at: z.iso.datetime(),
  actor: z.nullable(z.string()),
  reason: z.string(),
  runUrl: z.nullable(z.string()),
  forced: z._default(z.boolean(), false),
  kind: z._default(z.enum(["promote", "rollback"]), "promote"),
  delivery: z.optional(
    z.object({
      target: z.string(),
      environment: z.string(),
      approvals: z.array(z.object({ user: z.string(), comment: z.string(), state: z.enum(["approved", "rejected"]) })),
      approvedBy: z.enum(["environment", "dispatch", "none"]),
      deployment: z.nullable(z.object({ id: z.number().check(z.int()), url: z.nullable(z.string()) })),
      environmentUrl: z.nullable(z.string()),
    }),
  ),
});

/** `<time>-<random>.json`, optionally with the `~…` suffix the quarantine adds to a second copy. */
const ENTRY_NAME = /^((\d{8}T\d{9}Z)-[0-9a-f]{8})\.json(?:~[^/]*)?$/;
const ENTRY_KEY = /^([^/]+)\/aliases\/([^/]+)\/(\d{8}T\d{9}Z-[0-9a-f]{8})\.json$/;

const aliasesPrefix = (model: string, alias?: string): string =>
  alias === undefined ? `${model}/aliases/` : `${model}/aliases/${alias}/`;

/** Entry keys of one alias (or all), grouped by alias, each group in move order. */
export async function entryKeys(store: ObjectStore, model: string, alias?: string): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>();
  for (const key of await store.list(aliasesPrefix(model, alias))) {
    const match = ENTRY_KEY.exec(key);
    if (!match?.[2] || match[1] !== model) continue;
    groups.set(match[2], [...(groups.get(match[2]) ?? []), key]);
  }
  for (const keys of groups.values()) keys.sort();
  return groups;
}

/** The time an entry key stands for (its writer's `at`), as ISO text. */
function keyTime(key: string): string {
  const time = ENTRY_NAME.exec(key.slice(key.lastIndexOf("/") + 1))?.[2];
  return (time === undefined ? undefined : parseCompactTime(time))?.toISOString() ?? new Date(0).toISOString();
}

/** The order of an entry among its alias's entries, for live and moved-aside entries alike. */
const orderOf = (key: string): string => ENTRY_NAME.exec(key.slice(key.lastIndexOf("/") + 1))?.[1] ?? "";

/** Reads one entry: its move, or a gap saying what is wrong. `last` says whether it is where the alias points. */
export async function readEntry(
  store: ObjectStore,
  model: string,
  alias: string,
  key: string,
  last: boolean,
): Promise<HistoryLink> {
  const body = await getUnlessTooLarge(store, key);
  let problem: string;
  if (body === undefined) {
    problem = "disappeared while it was being read";
  } else if (body === "too large") {
    problem = TOO_LARGE;
  } else {
    const parsed = parseStoredJson(body, Entry, "alias-history entry");
    if ("value" in parsed && parsed.value.alias === alias) return { key, move: parsed.value };
    problem = "problem" in parsed ? parsed.problem : `belongs to alias ${parsed.value.alias}, not ${alias}`;
  }
  const at = keyTime(key);
  const effect = last
    ? `where ${alias} points is unknown; promoting a version repairs it`
    : `the move of ${alias} at ${at} is unknown; its other moves are read`;
  return { key, gap: { at, damage: { model, key, kind: "alias-entry", subject: alias, problem, effect } } };
}

/**
 * One alias's history, oldest first: its live entries and, with `movedAside`, the entries fsck moved aside (as gaps).
 * Damage is reported as it is met.
 */
export async function readChain(
  store: ObjectStore,
  model: string,
  alias: string,
  options: { report: DamageReporter; movedAside: boolean; keys?: string[] },
): Promise<HistoryLink[]> {
  const keys = options.keys ?? (await entryKeys(store, model, alias)).get(alias) ?? [];
  const live = await mapBounded(keys, 8, (key, i) => readEntry(store, model, alias, key, i === keys.length - 1));
  for (const link of live) if ("gap" in link && link.gap.damage) options.report(link.gap.damage);
  if (!options.movedAside) return live;
  const aside: HistoryLink[] = (await quarantinedEntries(store, model, alias))
    .filter((key) => ENTRY_NAME.test(key.slice(key.lastIndexOf("/") + 1)))
    .map((key) => ({ key, gap: { at: keyTime(key), damage: null } }));
  return [...live, ...aside].sort((a, b) => orderOf(a.key).localeCompare(orderOf(b.key)));
}

/**
 * A gap as the history shows it: a move at a known time whose target is unknown. Shown as a row of its own, so that
 * the move after it reads "from unknown", not like a first promotion, and a repair hides nothing.
 */
export interface AliasGap {
  alias: string;
  /** When the unknown move was made (from its key). */
  at: string;
  /** Where the entry is: in the history, or where `mlops models fsck --repair` moved it. */
  key: string;
  /** `damaged`: still in the history and unreadable; `quarantined`: moved aside by `models fsck --repair`. */
  state: "damaged" | "quarantined";
  /** What is wrong with it, for an entry still in the history; null for one moved aside (its fsck record says). */
  problem: string | null;
}

/** One row of an alias's history: a readable move, or a gap where a move is unknown. */
export type HistoryRow = { move: AliasEvent } | { gap: AliasGap };

/** A chain as rows, oldest first: each move with `from` taken from the link before (null after a gap). */
function chainRows(alias: string, links: readonly HistoryLink[]): HistoryRow[] {
  return links.map((link, i) => {
    if ("gap" in link) {
      const damage = link.gap.damage;
      return {
        gap: {
          alias,
          at: link.gap.at,
          key: link.key,
          state: damage ? "damaged" : "quarantined",
          problem: damage?.problem ?? null,
        },
      };
    }
    const before = links[i - 1];
    return { move: { ...link.move, from: before && "move" in before ? before.move.to : null } };
  });
}

/** When a row's move was made (a gap's from its key). */
export const rowAt = (row: HistoryRow): string => ("move" in row ? row.move.at : row.gap.at);

/**
 * Every alias's moves and gaps (or one alias's), merged oldest first. Damage is reported as it is met; an entry fsck
 * moved aside is a gap too (it is not damage any more: its record says what was done).
 */
export async function aliasTimeline(
  store: ObjectStore,
  model: string,
  alias: string | undefined,
  report: DamageReporter,
): Promise<HistoryRow[]> {
  const rows: { key: string; row: HistoryRow }[] = [];
  for (const [name, keys] of await entryKeys(store, model, alias)) {
    const links = await readChain(store, model, name, { report, movedAside: true, keys });
    chainRows(name, links).forEach((row, i) => rows.push({ key: links[i]?.key ?? "", row }));
  }
  return rows
    .sort((a, b) => rowAt(a.row).localeCompare(rowAt(b.row)) || a.key.localeCompare(b.key))
    .map(({ row }) => row);
}

/** The readable moves of a timeline. */
export const movesOf = (rows: readonly HistoryRow[]): AliasEvent[] =>
  rows.flatMap((row) => ("move" in row ? [row.move] : []));

/** An alias that has never moved, named in a request: said with the aliases there are. */
export async function noSuchAliasError(store: ObjectStore, model: string, alias: string): Promise<InputError> {
  const known = [...(await entryKeys(store, model)).keys()].sort();
  return new InputError(
    `${model} has no alias "${alias}": ` +
      (known.length > 0 ? `its aliases are ${known.join(", ")}` : "no alias has moved yet"),
    { hint: known.length > 0 ? "`mlops models history` lists every move" : "`mlops promote <version>` sets one" },
  );
}

/** The last entry of each alias (or of one): where the aliases point now, or a gap where that is unknown. */
export async function currentAliases(
  store: ObjectStore,
  model: string,
  report: DamageReporter,
  only?: string,
): Promise<Map<string, HistoryLink>> {
  const current = new Map<string, HistoryLink>();
  const groups = [...(await entryKeys(store, model, only))];
  await mapBounded(groups, 8, async ([alias, keys]) => {
    const last = keys.at(-1);
    if (!last) return;
    const link = await readEntry(store, model, alias, last, true);
    if ("gap" in link && link.gap.damage) report(link.gap.damage);
    current.set(alias, link);
  });
  return current;
}

/**
 * Appends a move. `at` is moved to 1 ms after the alias's last entry when the caller's clock is behind it. After a
 * damaged last entry the move is written all the same (that is how an alias is repaired), with `from` null: where the
 * alias pointed before it is unknown.
 */
export async function appendMove(
  store: ObjectStore,
  model: string,
  move: Omit<AliasEvent, "from">,
  report: DamageReporter,
): Promise<AliasEvent> {
  const last = (await currentAliases(store, model, report, move.alias)).get(move.alias);
  const requested = new Date(move.at);
  const lastAt = last === undefined ? undefined : "move" in last ? last.move.at : last.gap.at;
  const floor = lastAt === undefined ? requested : new Date(Date.parse(lastAt) + 1);
  const at = requested < floor ? floor : requested;
  const entry: AliasEvent = { ...move, from: last && "move" in last ? last.move.to : null, at: at.toISOString() };
  for (;;) {
    const key = `${aliasesPrefix(model, move.alias)}${compactTime(at)}-${randomBytes(4).toString("hex")}.json`;
    // Never overwrite an entry (a random clash, however unlikely): the history is append-only.
    if (await store.create(key, `${JSON.stringify(entry, null, 2)}\n`)) return entry;
  }
}

/**
 * The versions an alias has stood on, as a stack: a promotion pushes, a rollback returns to the last time the alias
 * stood on its target. The top is where the alias points now; the one below is where a rollback goes.
 *
 * A gap empties the stack (the unknown move may have pushed anything, or rolled back anywhere) and is returned as
 * `below`: whatever the stack lacks lies behind it. Moves after a gap rebuild the top: a promotion pushes as usual; a
 * rollback to a version not on the rebuilt part may have returned into the unknown part, so everything under its
 * target stays unknown.
 */
export function servingStack(links: readonly HistoryLink[]): { stack: string[]; below: GapLink | undefined } {
  let stack: string[] = [];
  let below: GapLink | undefined;
  for (const link of links) {
    if (!("move" in link)) {
      stack = [];
      below = link;
      continue;
    }
    const event = link.move;
    if (event.kind === "rollback") {
      const index = stack.lastIndexOf(event.to);
      if (index >= 0) stack.length = index + 1;
      else if (below) stack = [event.to];
      else stack.push(event.to);
    } else if (stack.at(-1) !== event.to) {
      stack.push(event.to);
    }
  }
  return { stack, below };
}

/** The entry in force at `date` (the last one at or before it), if the alias existed then; it may be a gap. */
export function linkInForce(links: readonly HistoryLink[], date: Date): HistoryLink | undefined {
  let found: HistoryLink | undefined;
  for (const link of links) {
    const at = "move" in link ? link.move.at : link.gap.at;
    if (Date.parse(at) <= date.getTime()) found = link;
  }
  return found;
}

/** The entries in force at some moment from `start` to `end`: the one in force at `start`, then each made up to `end`. */
export function linksDuring(links: readonly HistoryLink[], start: Date, end: Date): HistoryLink[] {
  const time = (link: HistoryLink): number => Date.parse("move" in link ? link.move.at : link.gap.at);
  const first = linkInForce(links, start);
  const later = links.filter((link) => time(link) > start.getTime() && time(link) <= end.getTime());
  return [...(first ? [first] : []), ...later];
}

/** A gap in an alias's history, in words. */
export function describeGap(link: GapLink): string {
  return link.gap.damage
    ? `its move at ${link.gap.at} (${link.key}) ${link.gap.damage.problem}`
    : `its move at ${link.gap.at} was damaged and moved aside by fsck (see the records under fsck/)`;
}

/** Where an alias points is unknown: its last move is damaged. Never answered with an older move. */
export function unknownAliasError(model: string, alias: string, link: GapLink, location: string): ExternalError {
  return new ExternalError(`where ${alias} of ${model} points is unknown: ${describeGap(link)} (in ${location})`, {
    hint:
      `promote the version it should point at (mlops promote <version> --alias ${alias}): the new move repairs the ` +
      "alias; `mlops models fsck` lists every problem",
  });
}
