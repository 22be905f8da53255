import { capText } from "./text-cap.ts";

/**
 * A broken rule as it is counted while reading: how many rows broke it, the first few of them, and the value seen
 * first. Rows are dataset row numbers as a spreadsheet shows them (see scan.ts); while a byte range is being read
 * they are record indexes within the range and are shifted into place when ranges are merged.
 */
export interface Tally {
  count: number;
  rows: number[];
  /** The first value that broke the rule, capped (text-cap.ts). */
  observed: string;
}

/** How many example rows a finding keeps (DOMAIN.md §3: "up to a few example row numbers"). */
export const EXAMPLE_ROWS = 5;

export function addToTally(tallies: Record<string, Tally>, rule: string, row: number, observed: () => string): void {
  const tally = tallies[rule];
  if (tally === undefined) {
    tallies[rule] = { count: 1, rows: [row], observed: capText(observed()) };
    return;
  }
  tally.count++;
  if (tally.rows.length < EXAMPLE_ROWS) tally.rows.push(row);
}

/** Adds `later` (the tallies of rows after `earlier`'s, already numbered in place) into `earlier`. */
export function mergeTallies(earlier: Record<string, Tally>, later: Record<string, Tally>): void {
  for (const [rule, tally] of Object.entries(later)) {
    const into = earlier[rule];
    if (into === undefined) {
      earlier[rule] = { count: tally.count, rows: [...tally.rows], observed: tally.observed };
      continue;
    }
    into.count += tally.count;
    for (const row of tally.rows) if (into.rows.length < EXAMPLE_ROWS) into.rows.push(row);
  }
}

export function shiftTallies(tallies: Record<string, Tally>, by: number): void {
  for (const tally of Object.values(tallies)) tally.rows = tally.rows.map((row) => row + by);
}
