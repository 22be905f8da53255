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

/**
 * A spilled row is u32 words: h1, h2, the range (low 24 bits) with where the value is (high 8 bits: nothing, a file
 * offset or its text), the record within the range, then the offset (2 words) or the text's length and its bytes.
 * A row of the duplicate-rows check is 4 words (16 bytes): its value is never shown.
 */
const HEAD = 4;
const AT_NOTHING = 0;
const AT_OFFSET = 1;
const AT_TEXT = 2;
/** Ranges are numbered in 24 bits (16 million ranges of at least 8 MiB is more than any dataset a run reads). */
const MAX_RANGE = 0xffffff;
/** Text kept for a value without an offset (gzip sources), at most. */
const MAX_TEXT = 240;
const BUFFER_WORDS = 4 << 10;
/** The longest spilled row: the head, the text's length and the text. */
const MAX_ROW_WORDS = HEAD + 1 + MAX_TEXT / 4;

/** The words after a row's head. */
function tailWords(headWord: number, records: Uint32Array, at: number): number {
  const where = headWord >>> 24;
  return where === AT_NOTHING ? 0 : where === AT_OFFSET ? 2 : 1 + Math.ceil(records[at + HEAD]! / 4);
}

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
  /** One buffer per (check, partition) slot, made when the slot gets its first row. */
  private readonly buffers: Uint32Array[] = [];
  private used = new Int32Array(0);
  /** Open files, by slot: a partition file is appended to many times. */
  private readonly files: (number | undefined)[] = [];
  private readonly partitions: number;
  private readonly shift: number;
  /** The range being read: records are numbered within it. */
  range = 0;
  offset = -1;

  constructor(
    private readonly dir: string,
    private readonly writer: number,
    partitionBits: number,
  ) {
    this.partitions = 2 ** partitionBits;
    // h1's top bits pick the partition (a shift by 32 would be a shift by 0 in JavaScript).
    this.shift = partitionBits === 0 ? 0 : 32 - partitionBits;
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
    const range = this.range;
    if (range > MAX_RANGE) throw new Error(`range ${range} is beyond the ${MAX_RANGE + 1} the repeat checks number`);
    const partition = this.shift === 0 ? 0 : h1 >>> this.shift;
    const slot = check * this.partitions + partition;
    const buffer = this.buffers[slot] ?? this.open(slot);
    let at = this.used[slot]!;
    if (at + MAX_ROW_WORDS > BUFFER_WORDS) {
      this.flushSlot(slot, check, partition);
      at = 0;
    }
    buffer[at + 0] = h1;
    buffer[at + 1] = h2;
    buffer[at + 3] = record;
    const offset = this.offset;
    if (bytes === null) {
      // Only the row matters (duplicate rows: the value shown is "a repeated row").
      buffer[at + 2] = range;
      at += HEAD;
    } else if (offset >= 0) {
      buffer[at + 2] = range | (AT_OFFSET << 24);
      buffer[at + 4] = offset % 0x100000000;
      buffer[at + 5] = Math.floor(offset / 0x100000000);
      at += HEAD + 2;
    } else {
      const length = Math.min(end - start, MAX_TEXT);
      buffer[at + 2] = range | (AT_TEXT << 24);
      buffer[at + 4] = length;
      new Uint8Array(buffer.buffer, (at + HEAD + 1) * 4, length).set(bytes.subarray(start, start + length));
      at += HEAD + 1 + Math.ceil(length / 4);
    }
    this.used[slot] = at;
  }

  private open(slot: number): Uint32Array {
    if (slot >= this.used.length) {
      const used = new Int32Array(Math.max(slot + 1, this.used.length * 2));
      used.set(this.used);
      this.used = used;
    }
    const buffer = new Uint32Array(BUFFER_WORDS);
    this.buffers[slot] = buffer;
    return buffer;
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
 * Partition bits for a dataset of about `bytes`: one partition per 32 MiB of data, at most 1024. Few partitions keep
 * the writing cheap (each is a stream of appends: their buffers' current lines stay in cache); checking splits each
 * one again in memory (see findRepeats), so its hash table stays small whatever the partition's size.
 */
export function partitionBitsFor(bytes: number): number {
  let bits = 0;
  while (bits < 10 && bytes / 2 ** bits > 32 << 20) bits++;
  return bits;
}

/** Rows a hash table holds at most while checking (about 2 MB, in cache): a partition is checked in parts this big. */
const ROWS_PER_TABLE = 1 << 16;

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
  const rowAt = (records: Uint32Array, at: number): number => {
    const start = rowStart.get(records[at + 2]! & MAX_RANGE);
    return start === undefined ? -1 : start + records[at + 3]!;
  };
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
      // Slots of 4 words (h1, h2, the first row's position + 1, unused): one probe reads one cache line.
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
        // A repeat. The table keeps the earliest row of each value; the later of the two is the repeat, so the rows
        // reported are the same whatever order the partition files were written in.
        count++;
        const firstAt = slots[slot + 2]! - 1;
        const first = rowAt(records, firstAt);
        if (row < first) {
          slots[slot + 2] = at + 1;
          noteExample(examples, exampleOf(records, firstAt, first));
        } else {
          noteExample(examples, exampleOf(records, at, row));
        }
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

function exampleOf(records: Uint32Array, at: number, row: number): RepeatExample {
  const head = records[at + 2]!;
  const where = head >>> 24;
  const text =
    where === AT_TEXT && records[at + HEAD]! > 0
      ? Buffer.from(records.buffer, records.byteOffset + (at + HEAD + 1) * 4, records[at + HEAD]).toString("utf8")
      : null;
  return {
    row,
    range: head & MAX_RANGE,
    record: records[at + 3]!,
    offset: where === AT_OFFSET ? records[at + HEAD + 1]! * 0x100000000 + records[at + HEAD]! : null,
    text,
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
