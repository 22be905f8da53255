import type { HistoryWindow } from "./history.ts";
import { emptyWindow, type WindowResult } from "./window.ts";
import { isoUtc, windowOf, type WindowSize } from "./windows.ts";

/**
 * The windows no log file has a row in, recorded with 0 rows so that a `rows` rule catches a serving outage: every
 * window from the first one with rows (in the monitoring log or computed now; never before, so a first run starts
 * where the logs do) to the last one that has ended by the run's time, which neither the log nor this run has. An
 * outage still going on has no row after it, so the end is the run's time, not the last row.
 */

/** At most this many empty windows are recorded by one run: a --now years ahead must not write millions of entries. */
export const MAX_EMPTY_WINDOWS = 366;

export function emptyWindows(
  history: readonly HistoryWindow[],
  computed: readonly WindowResult[],
  size: WindowSize,
  now: number,
  max = MAX_EMPTY_WINDOWS,
): { windows: WindowResult[]; notes: string[] } {
  const known = new Set([...history.map((h) => h.key), ...computed.map((w) => w.window.key)]);
  const starts = [...history.map((h) => h.start), ...computed.map((w) => Date.parse(w.window.start))];
  if (starts.length === 0) return { windows: [], notes: [] };
  const windows: WindowResult[] = [];
  // Windows tile time with one length (an hour, a day, a week: UTC has no daylight saving), and every window that
  // has ended by `now` ends by the start of the one holding it.
  const length = windowOf(0, size).end - windowOf(0, size).start;
  const end = windowOf(now, size).start;
  let missing = 0;
  for (let at = windowOf(Math.min(...starts), size).start; at < end; at += length) {
    if (windows.length === max) {
      // The rest is counted, not walked: a --now far ahead is millions of hourly windows.
      const knownLater = [...new Set(starts)].filter((start) => start >= at && start < end).length;
      missing += (end - at) / length - knownLater;
      break;
    }
    const window = windowOf(at, size);
    if (known.has(window.key)) continue;
    missing++;
    windows.push(
      emptyWindow(window, `no prediction was logged between ${isoUtc(window.start)} and ${isoUtc(window.end)}`),
    );
  }
  const first = windows[0];
  const notes =
    missing > windows.length && first
      ? [
          `no prediction was logged in ${missing} windows from ${first.window.start} to ${isoUtc(end)}: ` +
            `the first ${windows.length} are recorded with 0 rows, the next runs record the rest ` +
            `(if that is not an outage, check --now or the clock: ${isoUtc(now)})`,
        ]
      : [];
  return { windows, notes };
}
