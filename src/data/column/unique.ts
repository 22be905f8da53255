import type { RecordBatch } from "../formats/delimited/batch.ts";
import type { RepeatSink } from "../repeats/sink.ts";
import { hashBytes, hashed } from "../sketch/hash.ts";

/**
 * How a range's values of a unique column went to the repeat check. While they ascend strictly (as numbers), they are
 * left out of the spill and only marked in `keyed`: distinct numbers are distinct texts, so values in order cannot
 * repeat each other. From the first value out of order on, values are spilled as usual. At the end
 * (parallel/repeat-checks.ts), the values left out are spilled after all (read again from the file) only if their
 * span [first, last] meets the span of any other values of the column; ids that count up, the usual case, are never
 * spilled or checked at all.
 */
export interface KeyOrder {
  /** Values left out of the spill, in ascending order: how many, the first and the last. */
  inOrder: number;
  first: number;
  last: number;
  /** Records (within the range) below this one hold all the values left out; `keyed` marks them. */
  inOrderEnd: number;
  keyed: Uint8Array | null;
  /** Values spilled, and their span (NaN bounds: values that are not numbers, so the span is unknown). */
  spilled: number;
  min: number;
  max: number;
}

/** A unique column's values on their way to the repeat check (the `unique` rule), in order or spilled. */
export class UniqueValues {
  private readonly order: KeyOrder = {
    inOrder: 0,
    first: NaN,
    last: NaN,
    inOrderEnd: 0,
    keyed: null,
    spilled: 0,
    min: Infinity,
    max: -Infinity,
  };

  constructor(
    /** The spill check id of the column's `unique` rule. */
    private readonly check: number,
    private readonly repeats: RepeatSink,
    /** Whether values may be left out of the spill while in order (numbers from a file that can be read again). */
    private readonly ordered: boolean,
  ) {}

  /** Where the repeat checks find record i (its file offset), set before a value of it may be spilled. */
  locate(batch: RecordBatch, i: number, offsetBase: number): void {
    this.repeats.offset = offsetBase < 0 ? -1 : offsetBase + batch.recordStarts[i]!;
  }

  /**
   * A value of a unique column: left out of the spill while values ascend (see KeyOrder), else spilled with its
   * text's hash (in {@link hashed} already when `hashedAlready`).
   */
  add(bytes: Uint8Array, start: number, end: number, record: number, key: number, hashedAlready: boolean): void {
    const order = this.order;
    const repeats = this.repeats;
    // In order while nothing was spilled yet and each value is above the last (NaN, not a number, never is).
    if (this.ordered && order.spilled === 0 && (order.inOrder === 0 ? key === key : key > order.last)) {
      if (order.inOrder === 0) order.first = key;
      order.last = key;
      order.inOrder++;
      order.inOrderEnd = record + 1;
      let keyed = order.keyed;
      if (keyed === null || record >>> 3 >= keyed.length) {
        const grown = new Uint8Array(Math.max(1024, (record >>> 3) * 2));
        if (keyed !== null) grown.set(keyed);
        order.keyed = keyed = grown;
      }
      keyed[record >>> 3]! |= 1 << (record & 7);
      // Its row's duplicates are checked with it, if it is spilled later (its row hash is made then).
      const rows = repeats.rows;
      if (rows !== null && rows.check === this.check) rows.carried[record - rows.base] = 1;
      return;
    }
    if (!hashedAlready) hashBytes(bytes, start, end);
    repeats.add(this.check, hashed.h1, hashed.h2, record, bytes, start, end);
    order.spilled++;
    // A value that is not a number makes the span unknown (NaN bounds), for good.
    if (key !== key) order.min = order.max = NaN;
    else if (order.min === order.min) {
      if (key < order.min) order.min = key;
      if (key > order.max) order.max = key;
    }
  }

  /** How this range's values went to the repeat check (see KeyOrder). */
  keyOrder(): KeyOrder {
    const order = this.order;
    return { ...order, keyed: order.keyed && order.keyed.slice(0, (order.inOrderEnd + 7) >>> 3) };
  }
}
