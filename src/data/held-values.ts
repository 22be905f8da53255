/**
 * Every value of a numeric column, kept while there are few enough of them, so drift can be computed on the data
 * itself (DOMAIN.md §3: PSI by the numpy recipe "whenever raw reference data is at hand") rather than on sketches.
 * Memory is bounded: a dataset's columns share {@link HELD_VALUES_BUDGET} values (32 MiB of doubles) per thread that
 * reads it; a column with more values than its share lets them go at once and is summarised by its sketches alone
 * (the drift report then says the numbers are approximate, and by how much).
 */

/** Values a dataset may hold per reading thread, across its numeric columns. */
export const HELD_VALUES_BUDGET = 1 << 22;

/** Each numeric column's share of a budget (0 keeps nothing). */
export function heldValuesLimit(budget: number, numericColumns: number): number {
  return numericColumns === 0 ? 0 : Math.floor(budget / numericColumns);
}

export class HeldValues {
  private values: Float64Array | null;
  private size = 0;

  constructor(private readonly limit: number) {
    this.values = limit > 0 ? new Float64Array(Math.min(limit, 1024)) : null;
  }

  /** values[0, count), in order; past the limit everything held is let go, for good. */
  addMany(values: Float64Array, count: number): void {
    const held = this.values;
    if (held === null) return;
    const size = this.size + count;
    if (size > this.limit) {
      this.values = null;
      return;
    }
    if (size > held.length) {
      const grown = new Float64Array(Math.min(this.limit, Math.max(size, held.length * 2)));
      grown.set(held.subarray(0, this.size));
      this.values = grown;
    }
    this.values!.set(values.subarray(0, count), this.size);
    this.size = size;
  }

  /** The values held, in arrival order, or null when they were let go (or never kept). */
  result(): Float64Array | null {
    return this.values === null ? null : this.values.slice(0, this.size);
  }
}

/**
 * A column's held values from the ranges of a scan, added in range order and joined once at the end, so the whole
 * column is copied once rather than grown by doubling (which held up to three times its size at a time).
 */
export class HeldParts {
  private parts: Float64Array[] | null;
  private size = 0;

  constructor(private readonly limit: number) {
    this.parts = limit > 0 ? [] : null;
  }

  /** A range's values (null: the range could not hold its own, so neither can the whole). */
  addAll(values: Float64Array | null): void {
    if (this.parts === null) return;
    if (values === null || this.size + values.length > this.limit) {
      this.parts = null;
      return;
    }
    this.parts.push(values);
    this.size += values.length;
  }

  /** The values held, in range order, or null when they were let go (or never kept). Call it once. */
  result(): Float64Array | null {
    const parts = this.parts;
    if (parts === null) return null;
    this.parts = [];
    if (parts.length === 1) return parts[0]!;
    const joined = new Float64Array(this.size);
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  }
}
