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

/** Values per block of a column's held values: 128 KiB, so a column grows without copying what it holds. */
const BLOCK = 1 << 14;

export class HeldValues {
  /** Full blocks, then the one being filled; null once let go (or never kept). */
  private filled: Float64Array[] | null;
  private size = 0;

  constructor(private readonly limit: number) {
    this.filled = limit > 0 ? [] : null;
  }

  /** values[0, count), in order; past the limit everything held is let go, for good. */
  addMany(values: Float64Array, count: number): void {
    const blocks = this.filled;
    if (blocks === null) return;
    if (this.size + count > this.limit) {
      this.filled = null;
      return;
    }
    for (let from = 0; from < count;) {
      const at = this.size % BLOCK;
      const block = at === 0 ? pushed(blocks, new Float64Array(Math.min(BLOCK, this.limit))) : blocks.at(-1)!;
      const take = Math.min(count - from, block.length - at);
      block.set(values.subarray(from, from + take), at);
      from += take;
      this.size += take;
    }
  }

  /** One value (the monitor collects a window's scores and latencies this way, with no limit). */
  add(value: number): void {
    const blocks = this.filled;
    if (blocks === null) return;
    if (this.size + 1 > this.limit) {
      this.filled = null;
      return;
    }
    const at = this.size % BLOCK;
    const block = at === 0 ? pushed(blocks, new Float64Array(Math.min(BLOCK, this.limit))) : blocks.at(-1)!;
    block[at] = value;
    this.size++;
  }

  /**
   * The values held, in arrival order, as the blocks that hold them (the last cut to what it holds), or null when they
   * were let go (or never kept): a worker thread hands these over as they are, and the reading thread joins a column's
   * blocks from every range once (HeldParts).
   */
  blocks(): Float64Array[] | null {
    const blocks = this.filled;
    if (blocks === null) return null;
    const used = this.size - (blocks.length - 1) * BLOCK;
    const last = blocks.at(-1);
    if (last && used < last.length) blocks[blocks.length - 1] = last.slice(0, used);
    return blocks;
  }

  /**
   * The values held, in arrival order, or null when they were let go (or never kept): copied once into an array of
   * their exact size (growing one array by doubling held up to three times its size at a time, and left that much for
   * the collector).
   */
  result(): Float64Array | null {
    const blocks = this.filled;
    if (blocks === null) return null;
    const out = new Float64Array(this.size);
    let at = 0;
    for (const block of blocks) {
      const take = Math.min(block.length, this.size - at);
      out.set(take === block.length ? block : block.subarray(0, take), at);
      at += take;
    }
    return out;
  }
}

function pushed(blocks: Float64Array[], block: Float64Array): Float64Array {
  blocks.push(block);
  return block;
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

  /** A range's values, in blocks (null: the range could not hold its own, so neither can the whole). */
  addAll(values: readonly Float64Array[] | null): void {
    if (this.parts === null) return;
    const count = values?.reduce((sum, block) => sum + block.length, 0) ?? 0;
    if (values === null || this.size + count > this.limit) {
      this.parts = null;
      return;
    }
    this.parts.push(...values);
    this.size += count;
  }

  /**
   * The values held, in range order, or null when they were let go (or never kept). Call it once. With `arrays`, the
   * values are joined into one of theirs rather than a new array.
   */
  result(arrays?: HeldArrays): Float64Array | null {
    const parts = this.parts;
    if (parts === null) return null;
    this.parts = [];
    if (parts.length === 1) return parts[0]!;
    const joined = arrays ? arrays.take(this.size) : new Float64Array(this.size);
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  }
}

/**
 * Arrays for the held values of one dataset after another (the monitor's windows, each profiled in turn): the arrays of
 * a dataset the caller is done with are given back and joined into again for the next one. A window's columns are
 * several arrays of a few megabytes each; allocated afresh per window, the ones left behind wait for a full collection
 * (which V8 runs only after tens of megabytes of them), and the allocator's heaps fragment around them.
 */
export class HeldArrays {
  /** Whole arrays given back, free to take; at most as many as were last given back. */
  private free: Float64Array[] = [];

  /** An array of `length` values (a view of the front of a larger one given back, or a new one; its contents are stale). */
  take(length: number): Float64Array {
    let best = -1;
    this.free.forEach((array, i) => {
      if (array.length >= length && (best < 0 || array.length < this.free[best]!.length)) best = i;
    });
    if (best < 0) {
      // None fits: a next dataset a little longer than this one still fits the room left here.
      this.free.pop();
      return new Float64Array(length + (length >> 4)).subarray(0, length);
    }
    const [array] = this.free.splice(best, 1);
    return array!.length === length ? array! : array!.subarray(0, length);
  }

  /** Gives back arrays from {@link take} that nothing reads any more (others are ignored). */
  give(arrays: Iterable<Float64Array>): void {
    const given: Float64Array[] = [];
    for (const array of arrays)
      if (array.byteOffset === 0 && array.buffer instanceof ArrayBuffer) given.push(new Float64Array(array.buffer));
    // The largest, as many as this dataset had: enough for the next, and no more kept than one dataset holds.
    this.free = [...this.free, ...given].sort((a, b) => b.length - a.length).slice(0, Math.max(given.length, 1));
  }
}
