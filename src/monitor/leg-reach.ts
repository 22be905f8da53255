import { InputError } from "../errors.ts";
import { arrivalDateOf } from "./labels.ts";
import type { Spool } from "./spool.ts";
import { windowOf, type WindowSize } from "./windows.ts";

/**
 * How far a matrix leg reads (compute.ts): the files dated within a day of its windows, so a row further from its
 * file's date is refused, and a file's bad rows are counted by the one leg that owns its date.
 */

/**
 * A leg reads a file only for the windows within a day of the file's date (plan.ts freshFilesFor), so a row further
 * off would be computed by no leg, or by one that never sees the rest of its window: refused, naming file and window.
 */
export function refuseFarRows(spool: Spool, size: WindowSize): void {
  for (const file of spool.files) {
    const day = arrivalDateOf(file.shown);
    if (day === undefined) continue;
    const near = new Set<string>();
    for (let at = windowOf(day - DAY, size).start; at < day + 2 * DAY; at = windowOf(at, size).end) {
      near.add(windowOf(at, size).key);
    }
    const far = file.windows.find((key) => !near.has(key));
    if (far !== undefined) {
      throw new InputError(`${file.shown} has rows in window ${far}, more than a day from the date its path names`, {
        hint: "run `mlops monitor --recompute` as one job, or write each row to the file of its own date",
      });
    }
  }
}

const DAY = 86_400_000;

/** Whether a leg that owns `owned` counts the bad rows of a file: the leg that owns the window of its date does. */
export function ownsDayOf(shown: string, owned: ReadonlySet<string>, size: WindowSize): boolean {
  const day = arrivalDateOf(shown);
  return day !== undefined && owned.has(windowOf(day, size).key);
}
