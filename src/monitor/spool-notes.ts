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
