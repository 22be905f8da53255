import { describe, expect, it } from "vitest";
import { findRepeats } from "../../src/data/repeats/find.ts";
import { mergeRepeatTallies } from "../../src/data/repeats/findings.ts";
import { RepeatWriter } from "../../src/data/repeats/writer.ts";
import { hashBytes, hashed, Random } from "../../src/data/sketch/hash.ts";
import { tempDir } from "../helpers/temp.ts";

/**
 * The spilled repeat checks (src/data/repeats.ts) against a count in memory: every repeat is counted and the first
 * ones are named, however the rows are cut into partitions, into parts of a partition, into ranges and writers.
 */

describe("repeat checks spilled to disk", () => {
  it("count every repeat and name the first ones, across partitions, parts, ranges and writers", async () => {
    const dir = await tempDir();
    const random = new Random(21);
    const rows = 300_000;
    const values = Array.from({ length: rows }, () => String(random.below(200_000)));
    // Two writers (threads), three ranges; range 1 is numbered before range 0 in the dataset.
    const rowStart = new Map([
      [0, 100_000],
      [1, 0],
      [2, 200_000],
    ]);
    const partitionBits = 2;
    const writers = [new RepeatWriter(dir, 0, partitionBits), new RepeatWriter(dir, 1, partitionBits)];
    const rangeOf = (row: number): number => (row < 100_000 ? 1 : row < 200_000 ? 0 : 2);
    for (const [row, value] of values.entries()) {
      const range = rangeOf(row);
      const writer = writers[range === 2 ? 1 : 0]!;
      writer.range = range;
      writer.offset = row * 10;
      const bytes = Buffer.from(value);
      hashBytes(bytes, 0, bytes.length);
      writer.add(0, hashed.h1, hashed.h2, row - rowStart.get(range)!, bytes, 0, bytes.length);
      // Check 1 keeps the values' text (a source without offsets).
      writer.offset = -1;
      writer.add(1, hashed.h1, hashed.h2, row - rowStart.get(range)!, bytes, 0, bytes.length);
    }
    for (const writer of writers) writer.flush();
    const seen = new Set<string>();
    const repeats: number[] = [];
    values.forEach((value, row) => (seen.has(value) ? repeats.push(row) : seen.add(value)));
    for (const check of [0, 1]) {
      const found = mergeRepeatTallies([
        findRepeats(dir, check, partitionBits, rowStart, [0, 2]).repeats,
        findRepeats(dir, check, partitionBits, rowStart, [1, 3]).repeats,
      ]);
      expect(found?.count).toBe(repeats.length);
      expect(found?.examples.map((e) => e.row)).toEqual(repeats.slice(0, 5));
      for (const example of found!.examples) {
        expect(example.range).toBe(rangeOf(example.row));
        expect(example.offset).toBe(check === 0 ? example.row * 10 : null);
        expect(example.text).toBe(check === 0 ? null : values[example.row]);
      }
    }
  });
});
