import { closeSync, openSync, readSync, statSync } from "node:fs";
import { HEAD, tailWords } from "./spill-format.ts";

/** Rows a hash table holds at most while checking (about 2 MB, in cache): a partition is checked in parts this big. */
const ROWS_PER_TABLE = 1 << 16;

/**
 * One partition at a time, in memory reused from partition to partition (allocating afresh for each would leave the
 * garbage collector many megabytes behind, and peak memory would follow the dataset's size).
 */
export class PartitionTable {
  private bytes = new Uint8Array(1 << 20);
  records = new Uint32Array(this.bytes.buffer);
  private slots = new Int32Array(0);

  /** Reads the files into the buffer; returns the number of u32 words. */
  load(files: string[]): number {
    let total = 0;
    const sizes = files.map((file) => statSync(file).size);
    const needed = sizes.reduce((sum, size) => sum + size, 0);
    if (needed > this.bytes.length) {
      this.bytes = new Uint8Array(Math.max(needed, this.bytes.length * 2));
      this.records = new Uint32Array(this.bytes.buffer);
    }
    files.forEach((file, i) => {
      const fd = openSync(file, "r");
      try {
        let read = 0;
        while (read < sizes[i]!) read += readSync(fd, this.bytes, total + read, sizes[i]! - read, read);
      } finally {
        closeSync(fd);
      }
      total += sizes[i]!;
    });
    return total / 4;
  }

  private positions = new Int32Array(0);
  private partStarts = new Int32Array(0);

  /**
   * Splits the loaded rows (`words` u32 words) into parts of about ROWS_PER_TABLE rows by h1's bits after the
   * partition's: `positions[partStarts[p], partStarts[p + 1])` are the word offsets of part p's rows, in file order.
   */
  split(words: number, partitionBits: number): { positions: Int32Array; partStarts: Int32Array; parts: number } {
    const records = this.records;
    let rows = 0;
    for (let at = 0; at < words; at += HEAD + tailWords(records[at + 2]!, records, at)) rows++;
    let partBits = 0;
    while (partBits < 32 - partitionBits && rows / 2 ** partBits > ROWS_PER_TABLE) partBits++;
    const parts = 2 ** partBits;
    if (this.positions.length < rows) this.positions = new Int32Array(Math.max(rows, this.positions.length * 2));
    if (this.partStarts.length < parts + 1) this.partStarts = new Int32Array(parts + 1);
    const positions = this.positions;
    const partStarts = this.partStarts.fill(0, 0, parts + 1);
    // A shift by 32 is a shift by 0 in JavaScript: one part needs no bits.
    const partOf = (h1: number): number => (partBits === 0 ? 0 : (h1 << partitionBits) >>> (32 - partBits));
    for (let at = 0; at < words; at += HEAD + tailWords(records[at + 2]!, records, at))
      partStarts[partOf(records[at]!) + 1]!++;
    for (let p = 0; p < parts; p++) partStarts[p + 1]! += partStarts[p]!;
    const next = partStarts.slice(0, parts);
    for (let at = 0; at < words; at += HEAD + tailWords(records[at + 2]!, records, at))
      positions[next[partOf(records[at]!)]!++] = at;
    return { positions, partStarts, parts };
  }

  /** An empty table for at most `records` rows. */
  prepare(records: number): { slots: Int32Array; mask: number } {
    let count = 16;
    while (count < records * 2) count *= 2;
    if (count * 4 > this.slots.length) this.slots = new Int32Array(count * 4);
    else this.slots.fill(0, 0, count * 4);
    return { slots: this.slots, mask: count - 1 };
  }
}
