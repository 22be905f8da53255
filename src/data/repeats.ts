import { closeSync, openSync, readdirSync, readSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import type { RepeatSink } from "./column.ts";
import { EXAMPLE_ROWS, type Tally } from "./tally.ts";

/**
 * Rules that need every row at once (unique values, a unique key, duplicate rows), in constant memory: while reading,
 * each row's 64-bit hash is appended to one of P partition files by hash, with where the row is (range, record, byte
 * offset); afterwards each partition is checked alone with a hash table. Memory is one partition's table (rows / P
 * entries), not the dataset's; the disk holds about 24 bytes per row. The value shown for a repeat is read back from
 * the data file at its offset (sources without offsets, such as gzip, store the value's text instead).
 *
 * Two different rows share a 64-bit hash with probability about rows² / 2^65 (3e-6 for 10 million rows): such a pair
 * would be counted as a repeat.
 */

/** u32 words per record before its text: h1, h2, range, record, offset low, offset high, text bytes. */
const HEAD = 7;
const BUFFER_WORDS = 4 << 10;
const NO_OFFSET = 0xffffffff;

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

export class RepeatWriter implements RepeatSink {
  private readonly buffers: (Uint32Array | undefined)[] = [];
  private readonly used: number[] = [];
  /** Open files, by slot: a partition file is appended to many times. */
  private readonly files: (number | undefined)[] = [];
  private readonly partitions: number;
  /** The range being read: records are numbered within it. */
  range = 0;
  offset = -1;

  constructor(
    private readonly dir: string,
    private readonly writer: number,
    private readonly partitionBits: number,
  ) {
    this.partitions = 2 ** partitionBits;
  }

  add(
    check: number,
    h1: number,
    h2: number,
    record: number,
    bytes: Uint8Array | null,
    start: number,
    end: number,
  ): void {
    const offset = this.offset;
    const partition = this.partitionBits === 0 ? 0 : h1 >>> (32 - this.partitionBits);
    const slot = check * this.partitions + partition;
    let buffer = this.buffers[slot];
    if (buffer === undefined) {
      buffer = this.buffers[slot] = new Uint32Array(BUFFER_WORDS);
      this.used[slot] = 0;
    }
    const textBytes = offset >= 0 || bytes === null ? null : bytes.subarray(start, Math.min(end, start + 240));
    const words = HEAD + (textBytes === null ? 0 : Math.ceil(textBytes.length / 4));
    if (this.used[slot]! + words > BUFFER_WORDS) this.flushSlot(slot, check, partition);
    let at = this.used[slot]!;
    buffer[at] = h1;
    buffer[at + 1] = h2;
    buffer[at + 2] = this.range;
    buffer[at + 3] = record;
    if (offset < 0) {
      buffer[at + 4] = NO_OFFSET;
      buffer[at + 5] = NO_OFFSET;
    } else {
      buffer[at + 4] = offset % 0x100000000;
      buffer[at + 5] = Math.floor(offset / 0x100000000);
    }
    buffer[at + 6] = textBytes === null ? 0 : textBytes.length;
    at += HEAD;
    if (textBytes !== null) {
      new Uint8Array(buffer.buffer, at * 4, textBytes.length).set(textBytes);
      at += Math.ceil(textBytes.length / 4);
    }
    this.used[slot] = at;
  }

  private flushSlot(slot: number, check: number, partition: number): void {
    const buffer = this.buffers[slot];
    const used = this.used[slot] ?? 0;
    if (!buffer || used === 0) return;
    let fd = this.files[slot];
    if (fd === undefined) {
      fd = this.files[slot] = openSync(path.join(this.dir, `c${check}-p${partition}-w${this.writer}.bin`), "a");
    }
    writeSync(fd, new Uint8Array(buffer.buffer, 0, used * 4));
    this.used[slot] = 0;
  }

  /** Writes what is buffered and closes the files (more adds open them again). */
  flush(): void {
    this.buffers.forEach((_, slot) => this.flushSlot(slot, Math.floor(slot / this.partitions), slot % this.partitions));
    this.files.forEach((fd, slot) => {
      if (fd !== undefined) closeSync(fd);
      this.files[slot] = undefined;
    });
  }
}

/**
 * Partition bits for a dataset of about `bytes`: one partition per 8 MiB of data (about 2 MB of hashes per check),
 * at most 1024, so checking one partition takes a few MB whatever the dataset's size.
 */
export function partitionBitsFor(bytes: number): number {
  let bits = 0;
  while (bits < 10 && bytes / 2 ** bits > 8 << 20) bits++;
  return bits;
}

/**
 * Counts the repeats of one check: every row whose hash an earlier row already had. `rowStart` maps a range id to
 * the dataset row number of its first record (ranges missing from it were read again and are ignored).
 */
export function findRepeats(
  dir: string,
  check: number,
  partitionBits: number,
  rowStart: Map<number, number>,
  /** Which partitions to check (threads split them); all by default. */
  partitions: number[] = Array.from({ length: 2 ** partitionBits }, (_, i) => i),
): RepeatTally | null {
  let count = 0;
  const examples: RepeatExample[] = [];
  const files = readdirSync(dir);
  const table = new PartitionTable();
  for (const partition of partitions) {
    const prefix = `c${check}-p${partition}-`;
    // All of the partition's files, one after the other, in one reused buffer.
    const words = table.load(files.filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)));
    if (words === 0) continue;
    const records = table.records;
    const { keys1, keys2, used, first, firstAt, mask } = table.prepare(words / HEAD);
    let lastRange = -1;
    let lastStart = -1;
    let at = 0;
    while (at < words) {
      const h1 = records[at]!;
      const h2 = records[at + 1]!;
      const range = records[at + 2]!;
      if (range !== lastRange) {
        lastRange = range;
        lastStart = rowStart.get(range) ?? -1;
      }
      const row = lastStart < 0 ? -1 : lastStart + records[at + 3]!;
      const recordAt = at;
      at += HEAD + Math.ceil(records[at + 6]! / 4);
      if (row < 0) continue;
      let slot = (h2 ^ Math.imul(h1, 0x9e3779b1)) & mask;
      while (used[slot] === 1 && (keys1[slot] !== h1 || keys2[slot] !== h2)) slot = (slot + 1) & mask;
      if (used[slot] === 0) {
        used[slot] = 1;
        keys1[slot] = h1;
        keys2[slot] = h2;
        first[slot] = row;
        firstAt[slot] = recordAt;
        continue;
      }
      // A repeat. The table keeps the earliest row of each value; the later of the two is the repeat, so the rows
      // reported are the same whatever order the partition files were written in.
      count++;
      if (row < first[slot]!) {
        const repeat = exampleOf(records, firstAt[slot]!, first[slot]!);
        first[slot] = row;
        firstAt[slot] = recordAt;
        noteExample(examples, repeat);
      } else {
        noteExample(examples, exampleOf(records, recordAt, row));
      }
    }
  }
  if (count === 0) return null;
  return { count, examples: examples.sort((a, b) => a.row - b.row) };
}

/**
 * One partition at a time, in memory reused from partition to partition (allocating afresh for each would leave the
 * garbage collector many megabytes behind, and peak memory would follow the dataset's size).
 */
class PartitionTable {
  private bytes = new Uint8Array(1 << 20);
  records = new Uint32Array(this.bytes.buffer);
  private slots = 0;
  keys1 = new Uint32Array(0);
  keys2 = new Uint32Array(0);
  used = new Uint8Array(0);
  first = new Float64Array(0);
  firstAt = new Int32Array(0);
  mask = 0;

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

  prepare(records: number): {
    keys1: Uint32Array;
    keys2: Uint32Array;
    used: Uint8Array;
    first: Float64Array;
    firstAt: Int32Array;
    mask: number;
  } {
    let slots = 16;
    while (slots < records * 2) slots *= 2;
    if (slots > this.slots) {
      this.slots = slots;
      this.keys1 = new Uint32Array(slots);
      this.keys2 = new Uint32Array(slots);
      this.used = new Uint8Array(slots);
      this.first = new Float64Array(slots);
      this.firstAt = new Int32Array(slots);
    } else {
      this.used.fill(0, 0, slots);
    }
    this.mask = slots - 1;
    return {
      keys1: this.keys1,
      keys2: this.keys2,
      used: this.used,
      first: this.first,
      firstAt: this.firstAt,
      mask: this.mask,
    };
  }
}

function exampleOf(chunk: Uint32Array, at: number, row: number): RepeatExample {
  const low = chunk[at + 4]!;
  const high = chunk[at + 5]!;
  const length = chunk[at + 6]!;
  return {
    row,
    range: chunk[at + 2]!,
    record: chunk[at + 3]!,
    offset: low === NO_OFFSET && high === NO_OFFSET ? null : high * 0x100000000 + low,
    text: length === 0 ? null : Buffer.from(chunk.buffer, chunk.byteOffset + (at + HEAD) * 4, length).toString("utf8"),
  };
}

function noteExample(examples: RepeatExample[], example: RepeatExample): void {
  if (examples.length < EXAMPLE_ROWS) {
    examples.push(example);
    return;
  }
  let latest = 0;
  for (let i = 1; i < examples.length; i++) if (examples[i]!.row > examples[latest]!.row) latest = i;
  if (example.row < examples[latest]!.row) examples[latest] = example;
}

/** Repeats found over different partitions, as one: counts add, the earliest examples stay. */
export function mergeRepeatTallies(parts: (RepeatTally | null)[]): RepeatTally | null {
  const found = parts.filter((p): p is RepeatTally => p !== null);
  if (found.length === 0) return null;
  const examples: RepeatExample[] = [];
  for (const part of found) for (const example of part.examples) noteExample(examples, example);
  return { count: found.reduce((sum, p) => sum + p.count, 0), examples: examples.sort((a, b) => a.row - b.row) };
}

export function tallyOf(repeats: RepeatTally, observed: string): Tally {
  return { count: repeats.count, rows: repeats.examples.map((e) => e.row), observed };
}
