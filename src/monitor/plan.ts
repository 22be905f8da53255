import { arrivalDateOf } from "./labels.ts";
import { type TimeWindow, windowOf, type WindowSize, windowsForLabelArrival } from "./windows.ts";

/**
 * Which windows a monitoring run computes, and which log files it reads for them (issue 18: runs are incremental).
 * Decided from the log's listing and the monitoring log alone, before any row is read:
 * - a log file whose path and change stamp an earlier entry recorded is known, with the windows it had rows in;
 * - a fresh file (new, or changed since) is read whole, and every window it has rows in is computed again;
 * - a window is computed again when a file it had rows from changed or went away, when the label files that feed it
 *   changed, when its labels became complete, or when `recompute` says so;
 * - the known files that fed a window computed again are read again, keeping only that window's rows.
 * Pure: listings and earlier entries in, a plan out.
 */

export interface StampedFile {
  shown: string;
  /** Size and modification time of a local file, the ETag of an object: changes when the bytes do. */
  stamp: string;
}

/** What an earlier entry of a window says about how it was computed. */
export interface EarlierWindow {
  key: string;
  start: number;
  sources: StampedFile[];
  labels: { complete: boolean; files: StampedFile[] } | null;
}

export interface MonitorPlan {
  /** Log files to read whole: their windows are all computed. */
  fresh: StampedFile[];
  /** Windows to compute whatever the fresh files hold, by key, with the known files to read again for each. */
  stale: Map<string, { window: TimeWindow; files: StampedFile[]; why: string }>;
  /** Windows earlier runs computed that nothing changed, by key. */
  unchanged: string[];
}

export interface PlanInput {
  logs: readonly StampedFile[];
  earlier: readonly EarlierWindow[];
  size: WindowSize;
  /** The label files that feed a window now (with their stamps), when labels are configured. */
  labelsFor: ((window: TimeWindow) => StampedFile[]) | null;
  /** Whether a window's labels are complete now. */
  labelsComplete: (window: TimeWindow) => boolean;
  recompute: boolean;
}

export function planMonitorRun(input: PlanInput): MonitorPlan {
  const current = new Map(input.logs.map((file) => [file.shown, file.stamp]));
  const known = new Set<string>();
  for (const window of input.earlier) for (const file of window.sources) known.add(key(file));
  const fresh = input.recompute ? [...input.logs] : input.logs.filter((file) => !known.has(key(file)));
  const stale: MonitorPlan["stale"] = new Map();
  const unchanged: string[] = [];
  for (const earlier of input.earlier) {
    const window = windowOf(earlier.start, input.size);
    const why = input.recompute ? "--recompute" : staleness(earlier, window, current, input);
    if (why === null) {
      unchanged.push(earlier.key);
      continue;
    }
    const files = earlier.sources.filter((file) => current.get(file.shown) === file.stamp);
    stale.set(earlier.key, { window, files, why });
  }
  return { fresh, stale, unchanged };
}

function staleness(
  earlier: EarlierWindow,
  window: TimeWindow,
  current: ReadonlyMap<string, string>,
  input: PlanInput,
): string | null {
  const gone = earlier.sources.find((file) => current.get(file.shown) !== file.stamp);
  if (gone) return current.has(gone.shown) ? `${gone.shown} changed` : `${gone.shown} is gone`;
  // A window with no rows has no labels to join: a new log file with rows in it makes it fresh instead.
  if (!input.labelsFor || earlier.sources.length === 0) return null;
  if (!earlier.labels) return "labels are configured now";
  const now = input.labelsFor(window);
  if (
    now.length !== earlier.labels.files.length ||
    now.some((file, i) => key(file) !== key(earlier.labels?.files[i] ?? file))
  )
    return "its label files changed";
  return !earlier.labels.complete && input.labelsComplete(window) ? "its labels became complete" : null;
}

const key = (file: StampedFile): string => `${file.shown}\u0000${file.stamp}`;

/** The day a log file's path names (`logs/2026-03-28.jsonl`, `date=2026-03-28/`, `2026/03/28/`), if any. */
const logDateOf = arrivalDateOf;

const DAY = 86_400_000;

/**
 * For `--shard i/n`: the windows to split among the legs, known before reading when every log file's path names its
 * date: the windows of the fresh files' days (the windows their rows fall in when the serving code writes a file per
 * UTC day) and the stale windows. Undefined when a fresh file's path names no date.
 */
export function plannedWindows(plan: MonitorPlan, size: WindowSize): TimeWindow[] | undefined {
  const windows = new Map<string, TimeWindow>();
  for (const file of plan.fresh) {
    const day = logDateOf(file.shown);
    if (day === undefined) return undefined;
    for (let at = windowOf(day, size).start; at < day + DAY; at = windowOf(at, size).end) {
      const window = windowOf(at, size);
      windows.set(window.key, window);
    }
  }
  for (const { window } of plan.stale.values()) windows.set(window.key, window);
  return [...windows.values()].sort((a, b) => a.start - b.start);
}

/** The fresh files a leg reads for its windows: those dated within a day of one of them (rows may spill a day). */
export function freshFilesFor(plan: MonitorPlan, windows: readonly TimeWindow[]): StampedFile[] {
  return plan.fresh.filter((file) => {
    const day = logDateOf(file.shown) ?? 0;
    return windows.some((window) => day < window.end + DAY && day + DAY > window.start - DAY);
  });
}

/**
 * The label files whose unmatched rows can be counted: those whose every window with predictions (one computed now,
 * or one an earlier run computed) was computed in this run, and that feeds no window still open at `now`. A label
 * file also feeds windows around its arrival date (from the window of arrival - delay to that of the arrival), and a
 * label for a window this run did not compute again, or for the open window's rows (measured once it has ended), is
 * not unmatched, only not looked at.
 */
export function settledLabelFiles(
  files: Iterable<string>,
  computed: ReadonlySet<string>,
  earlier: ReadonlySet<string>,
  size: WindowSize,
  delayMs: number,
  now: number,
): Set<string> {
  const settled = new Set<string>();
  for (const shown of files) {
    const arrival = arrivalDateOf(shown);
    if (arrival === undefined) continue;
    let covered = true;
    const first = windowsForLabelArrival(arrival, size, delayMs).first;
    const last = windowsForLabelArrival(arrival + DAY - 1, size, delayMs).last;
    for (let at = first.start; at <= last.start; at = windowOf(at, size).end) {
      const window = windowOf(at, size);
      if ((earlier.has(window.key) && !computed.has(window.key)) || window.end > now) covered = false;
    }
    if (covered) settled.add(shown);
  }
  return settled;
}
