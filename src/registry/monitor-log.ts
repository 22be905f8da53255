import { randomBytes } from "node:crypto";
import * as z from "../zod.ts";
import { NAME_PATTERN } from "../config/schema/common.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { mapBounded } from "./concurrency.ts";
import type { Damage, DamageReporter } from "./damage.ts";
import { compactTime, parseCompactTime } from "./names.ts";
import { getUnlessTooLarge, parseStoredJson, TOO_LARGE } from "./stored-manifest.ts";

/**
 * The monitoring log (DOMAIN.md §7): what `mlops monitor` computed for each window of a model's alias, kept outside
 * the immutable versions, append-only, per model and alias:
 *   <model>/monitor/<alias>/<time>-<random>.json
 * Each object holds one run's entries (or a part of them: a run writes at most {@link MAX_LOG_OBJECT_BYTES} of JSON per
 * object), written once with an exclusive create and never replaced, so a crash leaves whole objects or none and
 * concurrent runs never lose one another's entries. Key order is append order, as for alias entries (aliases.ts): a
 * writer stamps its first object no earlier than 1 ms after the last object it saw, and each further object 1 ms after
 * the one before, so a machine with a slow clock cannot slip a later run in before an earlier one.
 *
 * A window may have many entries (a late label adds one, never rewrites one); the newest in key order wins. A damaged
 * object (not JSON, another format, model or alias, an invalid entry) is skipped and reported: its windows read as if
 * that run never wrote them, and every other object is read.
 */

export const MONITOR_LOG_FORMAT = "mlops-kit/monitor-log@1";

/** The most JSON one log object holds: a run with more writes several. */
export const MAX_LOG_OBJECT_BYTES = 1024 * 1024;

/** How each window size names its windows: `2026-03-28T23` (hour), `2026-03-28` (day), `2026-W13` (ISO week). */
const WINDOW_KEY = {
  hour: /^\d{4}-\d{2}-\d{2}T\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  week: /^\d{4}-W\d{2}$/,
} as const;

const Window = z
  .object({
    key: z.string(),
    size: z.enum(["hour", "day", "week"]),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  })
  .check(
    z.refine((w) => WINDOW_KEY[w.size].test(w.key), { error: "is not a key of a window of its size", path: ["key"] }),
    z.refine((w) => Date.parse(w.start) < Date.parse(w.end), { error: "ends before it starts", path: ["end"] }),
  );

const EntrySchema = z.object({
  window: Window,
  version: z.string().check(z.regex(NAME_PATTERN)),
  computedAt: z.iso.datetime({ offset: true }),
  runUrl: z.nullable(z.string()),
  result: z.record(z.string(), z.unknown()),
});

const LogObject = z.object({
  format: z.literal(MONITOR_LOG_FORMAT),
  model: z.string(),
  alias: z.string(),
  entries: z.array(EntrySchema),
});

export interface MonitorLogEntry {
  /** The window: its key (`2026-03-28T23`, `2026-03-28`, `2026-W13`), size, and ISO start (inclusive) / end (exclusive). */
  window: { key: string; size: "hour" | "day" | "week"; start: string; end: string };
  /** The version the alias pointed at when the window was computed (the monitored version). */
  version: string;
  /** ISO time the entry was computed. */
  computedAt: string;
  runUrl: string | null;
  /** The window's figures: a JSON object the monitor owns and validates itself (opaque here). */
  result: Record<string, unknown>;
}

export type KeyedLogEntry = MonitorLogEntry & { key: string };

export interface MonitorLog {
  /** Every readable entry, in append order (oldest first), each with the key of the object it came from. */
  entries: KeyedLogEntry[];
  /**
   * The newest entry of each window (a later entry for the same window key wins: a late label adds an entry, never
   * rewrites one), ordered by window start.
   */
  latest: KeyedLogEntry[];
}

const OBJECT_NAME = /^(\d{8}T\d{9}Z)-[0-9a-f]{8}\.json$/;

export const monitorLogPrefix = (model: string, alias?: string): string =>
  alias === undefined ? `${model}/monitor/` : `${model}/monitor/${alias}/`;

/** The keys of one alias's log objects, in append order; keys the kit did not make are not its objects. */
export async function logKeys(store: ObjectStore, model: string, alias: string): Promise<string[]> {
  const prefix = monitorLogPrefix(model, alias);
  return (await store.list(prefix)).filter((key) => OBJECT_NAME.test(key.slice(prefix.length))).sort();
}

export type LogObjectRead = { key: string; entries: MonitorLogEntry[] } | { key: string; damage: Damage };

/** Reads one log object: its entries, or what is wrong with it. */
export async function readLogObject(
  store: ObjectStore,
  model: string,
  alias: string,
  key: string,
): Promise<LogObjectRead> {
  const read = parseLogObject(await getUnlessTooLarge(store, key), model, alias);
  if (typeof read !== "string") return { key, entries: read };
  const effect = `the monitoring results it holds are left out of the log of ${alias}; the rest of the log is read`;
  return { key, damage: { model, key, kind: "monitor-log", subject: alias, problem: read, effect } };
}

/** The entries an object's bytes hold, or what is wrong with them, in words. */
function parseLogObject(
  body: Buffer | undefined | "too large",
  model: string,
  alias: string,
): MonitorLogEntry[] | string {
  if (body === undefined) return "disappeared while it was being read";
  if (body === "too large") return TOO_LARGE;
  const parsed = parseStoredJson(body, LogObject, "monitoring-log object");
  if ("problem" in parsed) return parsed.problem;
  // An object copied into another alias's (or model's) log must not pass as that log's.
  if (parsed.value.model !== model || parsed.value.alias !== alias) {
    return `belongs to the log of ${parsed.value.model} ${parsed.value.alias}, not ${model} ${alias}`;
  }
  return parsed.value.entries;
}

/** Every object of one alias's log, in append order, read 8 at a time. */
export async function readLogObjects(store: ObjectStore, model: string, alias: string): Promise<LogObjectRead[]> {
  const keys = await logKeys(store, model, alias);
  return mapBounded(keys, 8, (key) => readLogObject(store, model, alias, key));
}

/** One alias's log: every readable entry, and the newest of each window. Damaged objects are reported and skipped. */
export async function readMonitorLog(
  store: ObjectStore,
  model: string,
  alias: string,
  report: DamageReporter,
): Promise<MonitorLog> {
  const entries: KeyedLogEntry[] = [];
  for (const read of await readLogObjects(store, model, alias)) {
    if ("damage" in read) report(read.damage);
    else for (const entry of read.entries) entries.push({ ...entry, key: read.key });
  }
  const newest = new Map<string, KeyedLogEntry>();
  for (const entry of entries) newest.set(entry.window.key, entry);
  const latest = [...newest.values()].sort(
    (a, b) => Date.parse(a.window.start) - Date.parse(b.window.start) || a.window.key.localeCompare(b.window.key),
  );
  return { entries, latest };
}

/**
 * Appends one run's entries: in window order (entries of one window keep their order, so the later one wins), split
 * into objects of at most `maxObjectBytes` of JSON each. Returns the keys written; zero entries write nothing. An
 * entry that is not valid, or too large for an object by itself, is a bug of the caller: nothing is written.
 */
export async function appendMonitorLog(
  store: ObjectStore,
  model: string,
  alias: string,
  entries: readonly MonitorLogEntry[],
  options: { now: Date; maxObjectBytes?: number },
): Promise<string[]> {
  if (entries.length === 0) return [];
  const limit = options.maxObjectBytes ?? MAX_LOG_OBJECT_BYTES;
  const ordered = entries
    .map((entry) => checkedEntry(entry))
    .sort((a, b) => Date.parse(a.window.start) - Date.parse(b.window.start));
  const chunks = splitBySize(ordered, model, alias, limit);

  const last = (await logKeys(store, model, alias)).at(-1);
  const lastTime =
    last === undefined
      ? undefined
      : parseCompactTime(OBJECT_NAME.exec(last.slice(last.lastIndexOf("/") + 1))?.[1] ?? "");
  let at = lastTime && lastTime >= options.now ? new Date(lastTime.getTime() + 1) : options.now;
  const keys: string[] = [];
  for (const chunk of chunks) {
    keys.push(await createObject(store, monitorLogPrefix(model, alias), at, chunk));
    at = new Date(at.getTime() + 1);
  }
  return keys;
}

/** An entry as it will be stored: parsed with the schema the readers use (unknown fields dropped). */
function checkedEntry(entry: MonitorLogEntry): MonitorLogEntry {
  const parsed = EntrySchema.safeParse(entry);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `the monitoring-log entry of window ${String(entry.window?.key)} is not valid ` +
      `(${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}): a bug in what computed it`,
  );
}

/**
 * The bodies of the objects one run writes: each at most `limit` bytes of JSON, compact (not indented like the alias
 * entries) since these objects hold many entries and their size is what the limit counts.
 */
function splitBySize(entries: readonly MonitorLogEntry[], model: string, alias: string, limit: number): string[] {
  const head = `{"format":${JSON.stringify(MONITOR_LOG_FORMAT)},"model":${JSON.stringify(model)},"alias":${JSON.stringify(alias)},"entries":[`;
  const tail = "]}\n";
  const empty = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const bodies: string[] = [];
  let parts: string[] = [];
  let size = empty;
  for (const entry of entries) {
    const text = JSON.stringify(entry);
    const bytes = Buffer.byteLength(text);
    if (empty + bytes > limit) {
      throw new Error(
        `the monitoring-log entry of window ${entry.window.key} holds ${bytes} bytes of JSON, more than one log ` +
          `object may (${limit}): a bug in what computed it`,
      );
    }
    const added = parts.length === 0 ? bytes : bytes + 1;
    if (size + added > limit) {
      bodies.push(head + parts.join(",") + tail);
      parts = [];
      size = empty;
    }
    size += parts.length === 0 ? bytes : bytes + 1;
    parts.push(text);
  }
  if (parts.length > 0) bodies.push(head + parts.join(",") + tail);
  return bodies;
}

/** Writes one object under a fresh key; never replaces one (a random clash, however unlikely, takes another key). */
export async function createObject(store: ObjectStore, prefix: string, at: Date, body: string): Promise<string> {
  for (;;) {
    const key = `${prefix}${compactTime(at)}-${randomBytes(4).toString("hex")}.json`;
    if (await store.create(key, body)) return key;
  }
}
