import { UsageError } from "../errors.ts";
import type { Spool } from "./spool.ts";
import { isoUtc, windowOf, type WindowSize } from "./windows.ts";

/** What a monitoring run says of the rows and files its spool (spool.ts) read but did not put in a window. */

/** What a run says of the rows of the open window, which it leaves for the first run after the window's end. */
export function openWindowNotes(spool: Spool, now: number, size: WindowSize): string[] {
  const rows = spool.files.reduce((sum, file) => sum + file.open, 0);
  if (rows === 0) return [];
  const open = windowOf(now, size);
  return [
    `${rows} row(s) of window ${open.key}, open until ${isoUtc(open.end)}, wait for the first run after it ends: a window is measured and judged only once it has ended`,
  ];
}

/** What a run says of the log files that held nothing: read as 0 rows, never a reason to stop. */
export function blankNotes(blank: readonly string[]): string[] {
  if (blank.length === 0) return [];
  const named = blank.length <= 5 ? blank.join(", ") : `${blank.slice(0, 5).join(", ")} and ${blank.length - 5} more`;
  return [
    `${named} ${blank.length === 1 ? "is" : "are"} empty and read as 0 rows (a file the serving process has just started); a rows rule catches an outage`,
  ];
}

/**
 * Refuses a run's time before every row it read (a --now of 1970, a clock reset): every row would be counted in the
 * future and every window it computed again recorded empty, replacing real figures in the monitoring log.
 */
export function refuseTimeBeforeRows(spool: Spool, now: number): void {
  const rows = spool.files.reduce((sum, file) => sum + file.rows, 0);
  const open = spool.files.reduce((sum, file) => sum + file.open, 0);
  if (spool.windows.size > 0 || open > 0 || spool.future.count === 0) return;
  if (spool.future.count + spool.unparseable.count < rows) return;
  throw new UsageError(
    `the run's time, ${isoUtc(now)}, is before every logged row: all ${spool.future.count} row(s) read are stamped after it`,
    {
      hint: "give --now the time the run stands for (leave it out for the clock); rows after it are left for later runs",
    },
  );
}
