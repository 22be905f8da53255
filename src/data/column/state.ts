import { FREQUENT_CAPACITY, type FrequentState } from "../sketch/frequent.ts";
import type { KllState } from "../sketch/kll.ts";
import type { MomentsState } from "../sketch/moments.ts";
import type { Tally } from "../tally.ts";

/**
 * One column's profile of a range as plain data (DOMAIN.md §3): what a range's accumulator ends with (accumulator.ts),
 * what crosses from a worker thread, and what merges in file order (merge.ts).
 */

/** Up to this many distinct numbers are counted exactly; then HyperLogLog estimates the distinct count. */
export const EXACT_NUMBERS = FREQUENT_CAPACITY;

export interface ColumnState {
  name: string;
  /** Rows of files that have this column. */
  rows: number;
  /** Non-empty values, valid or not. */
  values: number;
  /** Empty cells, plus missing-value tokens in numeric, boolean and date columns. */
  nulls: number;
  /** Missing-value tokens (NaN, n/a ...) among `nulls`. */
  missingTokens: number;
  /** Values that are not of the column's type. */
  invalid: number;
  /** inf / -inf in a numeric column (not in the statistics). */
  nonFinite: number;
  /** Numeric values with a fraction or an exponent (an inferred integer column then reads as number). */
  fractional: number;
  /** In a column read as `any`: values that are numbers. */
  numericValues: number;
  moments: MomentsState | null;
  sketch: KllState | null;
  /** Exact counts of each number while there are at most EXACT_NUMBERS distinct ones. */
  numbers: [number, number][] | null;
  frequent: FrequentState | null;
  /** HyperLogLog registers (base64), once the exact tables overflowed. */
  hll: string | null;
  checks: Record<string, Tally>;
}
