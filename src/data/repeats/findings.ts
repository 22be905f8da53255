import { EXAMPLE_ROWS, type Tally } from "../tally.ts";

/**
 * What the repeat checks found (how spilled rows become findings: spill-format.ts, find.ts), and how findings over
 * different partitions, checked by different threads, become one.
 */

export interface RepeatExample {
  row: number;
  range: number;
  record: number;
  /** File offset of the record's first byte, or null. */
  offset: number | null;
  text: string | null;
}

export interface RepeatTally {
  count: number;
  /** The first repeats by row (the earliest row of each value is the original, not a repeat). */
  examples: RepeatExample[];
}

/** What one check found: its repeats, and the duplicate rows among the rows that carried their hash (if any did). */
export interface CheckFindings {
  repeats: RepeatTally | null;
  duplicates: RepeatTally | null;
}

/** Keeps `example` among the EXAMPLE_ROWS earliest by row. */
export function noteExample(examples: RepeatExample[], example: RepeatExample): void {
  if (examples.length < EXAMPLE_ROWS) {
    examples.push(example);
    return;
  }
  let latest = 0;
  for (let i = 1; i < examples.length; i++) if (examples[i]!.row > examples[latest]!.row) latest = i;
  if (example.row < examples[latest]!.row) examples[latest] = example;
}

/** Findings over different partitions, as one: counts add, the earliest examples stay. */
export function mergeCheckFindings(parts: CheckFindings[]): CheckFindings {
  return {
    repeats: mergeRepeatTallies(parts.map((p) => p.repeats)),
    duplicates: mergeRepeatTallies(parts.map((p) => p.duplicates)),
  };
}

/** Repeats found over different partitions, as one: counts add, the earliest examples stay. */
export function mergeRepeatTallies(parts: (RepeatTally | null)[]): RepeatTally | null {
  const found = parts.filter((p): p is RepeatTally => p !== null);
  if (found.length === 0) return null;
  const examples: RepeatExample[] = [];
  for (const part of found) for (const example of part.examples) noteExample(examples, example);
  return { count: found.reduce((sum, p) => sum + p.count, 0), examples: examples.sort((a, b) => a.row - b.row) };
}

/** A check's repeats as the tally a report shows, `observed` being the first repeat's value in words. */
export function tallyOf(repeats: RepeatTally, observed: string): Tally {
  return { count: repeats.count, rows: repeats.examples.map((e) => e.row), observed };
}
