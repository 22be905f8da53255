import { readdirSync } from "node:fs";
import path from "node:path";
import { type CheckFindings, noteExample, type RepeatExample, type RepeatTally } from "./findings.ts";
import { PartitionTable } from "./partition.ts";
import { exampleOf, HEAD, MAX_RANGE, rowHashWords, rowOf } from "./spill-format.ts";

/**
 * Counts the repeats of one check: every row whose hash an earlier row already had; and, among rows that carry their
 * own hash (RowHashes), every row whose value repeats and whose row hash an earlier row of the same value had.
 * `rowStart` maps a range id to the dataset row number of its first record (ranges missing from it were read again
 * and are ignored).
 */
export function findRepeats(
  dir: string,
  check: number,
  partitionBits: number,
  rowStart: Map<number, number>,
  /** Which partitions to check (threads split them); all by default. */
  partitions: number[] = Array.from({ length: 2 ** partitionBits }, (_, i) => i),
): CheckFindings {
  const repeats = new Repeats();
  const duplicates = new Repeats();
  const files = readdirSync(dir);
  const table = new PartitionTable();
  const rowTable = new RowTable();
  for (const partition of partitions) {
    const prefix = `c${check}-p${partition}-`;
    // All of the partition's files, one after the other, in one reused buffer.
    const words = table.load(files.filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)));
    if (words === 0) continue;
    const records = table.records;
    // The partition's rows in parts by the next bits of h1 (`positions` lists each part's rows), one part at a time.
    const { positions, partStarts, parts } = table.split(words, partitionBits);
    for (let part = 0; part < parts; part++) {
      const from = partStarts[part]!;
      const to = partStarts[part + 1]!;
      // Slots of 4 words (h1, h2, the first row's position + 1, whether the value's rows are in the row table): one
      // probe reads one cache line.
      const { slots, mask } = table.prepare(to - from);
      let lastRange = -1;
      let lastStart = -1;
      for (let k = from; k < to; k++) {
        const at = positions[k]!;
        const h1 = records[at]! | 0;
        const h2 = records[at + 1]! | 0;
        const range = records[at + 2]! & MAX_RANGE;
        if (range !== lastRange) {
          lastRange = range;
          lastStart = rowStart.get(range) ?? -1;
        }
        if (lastStart < 0) continue;
        const row = lastStart + records[at + 3]!;
        let slot = ((h2 ^ Math.imul(h1, 0x9e3779b1)) & mask) << 2;
        while (slots[slot + 2] !== 0 && (slots[slot] !== h1 || slots[slot + 1] !== h2)) slot = (slot + 4) & (mask << 2);
        if (slots[slot + 2] === 0) {
          slots[slot] = h1;
          slots[slot + 1] = h2;
          slots[slot + 2] = at + 1;
          continue;
        }
        const firstAt = slots[slot + 2]! - 1;
        if (rowHashWords(records[at + 2]!) > 0) {
          // Rows of a repeated value: the first time, its earliest row so far joins the row table too.
          if (slots[slot + 3] === 0) {
            slots[slot + 3] = 1;
            rowTable.add(records, firstAt, rowStart, duplicates, to - from);
          }
          rowTable.add(records, at, rowStart, duplicates, to - from);
        }
        slots[slot + 2] = repeats.note(records, rowStart, firstAt, at, row) + 1;
      }
      rowTable.reset();
    }
  }
  return { repeats: repeats.tally(), duplicates: duplicates.tally() };
}

/** Repeats counted so far, with the first ones by row. */
class Repeats {
  private count = 0;
  private readonly examples: RepeatExample[] = [];

  /**
   * A repeat of the row at `firstAt` (the earliest so far) by the one at `at` (in the partition's words), whose row is
   * `row`. The later of the two is the repeat, so the rows reported are the same whatever order the partition files
   * were written in. Returns the position of the earlier one.
   */
  note(records: Uint32Array, rowStart: Map<number, number>, firstAt: number, at: number, row: number): number {
    this.count++;
    const first = rowOf(records, firstAt, rowStart);
    if (row < first) {
      noteExample(this.examples, exampleOf(records, firstAt, first));
      return at;
    }
    noteExample(this.examples, exampleOf(records, at, row));
    return firstAt;
  }

  tally(): RepeatTally | null {
    return this.count === 0 ? null : { count: this.count, examples: this.examples.sort((a, b) => a.row - b.row) };
  }
}

/**
 * Rows of repeated values by their row hash (carried after the head): a row whose hash an earlier row of the part
 * had is a duplicate row. Only rows of values that repeat come here, so it is cleared only after a part used it.
 */
class RowTable {
  private slots = new Int32Array(0);
  private mask = 0;
  private used = false;

  add(records: Uint32Array, at: number, rowStart: Map<number, number>, duplicates: Repeats, rows: number): void {
    if (!this.used) this.prepare(rows);
    const r1 = records[at + HEAD]! | 0;
    const r2 = records[at + HEAD + 1]! | 0;
    const slots = this.slots;
    const mask = this.mask;
    let slot = ((r2 ^ Math.imul(r1, 0x9e3779b1)) & mask) << 2;
    while (slots[slot + 2] !== 0 && (slots[slot] !== r1 || slots[slot + 1] !== r2)) slot = (slot + 4) & (mask << 2);
    if (slots[slot + 2] === 0) {
      slots[slot] = r1;
      slots[slot + 1] = r2;
      slots[slot + 2] = at + 1;
      return;
    }
    const row = rowOf(records, at, rowStart);
    slots[slot + 2] = duplicates.note(records, rowStart, slots[slot + 2]! - 1, at, row) + 1;
  }

  private prepare(rows: number): void {
    let count = 16;
    while (count < rows * 2) count *= 2;
    if (count * 4 > this.slots.length) this.slots = new Int32Array(count * 4);
    this.mask = count - 1;
    this.used = true;
  }

  reset(): void {
    if (this.used) this.slots.fill(0);
    this.used = false;
  }
}
