import { describe, expect, it } from "vitest";
import { HeldArrays, HeldParts, HeldValues } from "../../src/data/held-values.ts";
import { Random } from "../../src/data/sketch/hash.ts";

/**
 * A column's held values (src/data/held-values.ts) are kept in blocks and joined once: whatever the batches, across
 * block boundaries, the result is every value in arrival order, and past the limit nothing at all.
 */

describe("held values", () => {
  it("come back in arrival order across blocks, from batches and single values alike", () => {
    const random = new Random(5);
    const expected: number[] = [];
    const held = new HeldValues(100_000);
    const batch = new Float64Array(5_000);
    // Batches of uneven sizes that end inside and exactly at 16,384-value blocks, with single values between them.
    for (const size of [16_384, 3, 4_999, 11_000, 16_384, 1, 5_000]) {
      for (let i = 0; i < size; i += batch.length) {
        const count = Math.min(batch.length, size - i);
        for (let k = 0; k < count; k++) batch[k] = random.next();
        held.addMany(batch, count);
        expected.push(...batch.subarray(0, count));
      }
      const single = -random.next();
      held.add(single);
      expected.push(single);
    }
    const result = held.result();
    expect(result?.length).toBe(expected.length);
    expect(Array.from(result ?? [])).toEqual(expected);
    // As a worker thread hands them over: the blocks, the last cut to what it holds, and joined by HeldParts.
    const blocks = held.blocks() ?? [];
    expect(blocks.map((block) => block.length).slice(-2)).toEqual([16_384, expected.length % 16_384]);
    expect(blocks.flatMap((block) => Array.from(block))).toEqual(expected);
    const parts = new HeldParts(expected.length);
    parts.addAll(blocks.slice(0, 2));
    parts.addAll(blocks.slice(2));
    expect(Array.from(parts.result() ?? [])).toEqual(expected);
  });

  it("are let go for good once there are more than the limit, and never kept under a limit of 0", () => {
    const held = new HeldValues(10);
    held.addMany(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 10);
    expect(Array.from(held.result() ?? [])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    held.add(11);
    expect(held.result()).toBeNull();
    held.add(1);
    expect(held.result()).toBeNull();
    const over = new HeldParts(3);
    over.addAll([Float64Array.from([1, 2])]);
    over.addAll([Float64Array.from([3]), Float64Array.from([4])]);
    expect(over.result()).toBeNull();
    const none = new HeldValues(0);
    none.add(1);
    expect(none.result()).toBeNull();
  });

  it("are joined into the arrays given back from the dataset before, whatever they held", () => {
    const arrays = new HeldArrays();
    const joined = (values: number[][]): Float64Array => {
      const parts = new HeldParts(1_000);
      parts.addAll(values.map((v) => Float64Array.from(v)));
      return parts.result(arrays)!;
    };
    const first = joined([[1, 2], [3]]);
    expect([...first]).toEqual([1, 2, 3]);
    arrays.give([first]);
    // The same length again: the same memory, every value overwritten.
    const second = joined([[4], [5, 6]]);
    expect(second.buffer).toBe(first.buffer);
    expect([...second]).toEqual([4, 5, 6]);
    arrays.give([second]);
    // Shorter: a view of the front of the same array.
    const third = joined([[7], [8]]);
    expect(third.buffer).toBe(first.buffer);
    expect([...third]).toEqual([7, 8]);
    // Nothing given back (third is still read), so a new array.
    const fourth = joined([[9], [10]]);
    expect(fourth.buffer).not.toBe(first.buffer);
    expect([...third]).toEqual([7, 8]);
  });
});
