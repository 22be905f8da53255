import { closeSync, openSync, readdirSync, readSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { hashed, hashRecord } from "./sketch/hash.ts";
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
 *
 * Duplicate rows ride on a unique column's check when the schema has one (ScanPlan.duplicateCarrier): two identical
 * rows have the same value in that column, so the row's own hash goes out with its value (8 more bytes) and is
 * compared only within the groups of rows whose value repeats. Only the rows without a value there (empty, or not
 * of the column's type) take the duplicate-rows check's own spill. Passing data thus costs no second spill.
 */

/** Receives hashes for the rules that need the whole dataset at once (unique values, duplicate rows). */
export interface RepeatSink {
  /** File offset of the record being read, or -1 when the reader has none (the value's text is kept instead). */
  offset: number;
  /** The records' own hashes, when a unique value carries its record's hash for the duplicate-rows check. */
  rows: RowHashes | null;
  /** One row's hash for `check`; bytes[start, end) is the value, kept as text only when there is no offset. */
  add(
    check: number,
    h1: number,
    h2: number,
    record: number,
    bytes: Uint8Array | null,
    start: number,
    end: number,
  ): void;
}

/**
 * A spilled row is u32 words: h1, h2, the range (low 24 bits) with flags (high 8 bits: where the value is, nothing, a
 * file offset or its text, and whether the row's hash follows), the record within the range, then the row's hash
 * (2 words) when carried, then the offset (2 words) or the text's length and its bytes. A row of the duplicate-rows
 * check is 4 words (16 bytes): its value is never shown.
 */
const HEAD = 4;
const AT_NOTHING = 0;
const AT_OFFSET = 1;
const AT_TEXT = 2;
const WHERE = 3;
/** Flag: the row's own hash follows the head (the duplicate-rows check rides on this unique check). */
const ROW_HASH = 4;
/** Ranges are numbered in 24 bits (16 million ranges of at least 8 MiB is more than any dataset a run reads). */
const MAX_RANGE = 0xffffff;
/** Text kept for a value without an offset (gzip sources), at most. */
const MAX_TEXT = 240;
const BUFFER_WORDS = 4 << 10;
/** The longest spilled row: the head, the row's hash, the text's length and the text. */
const MAX_ROW_WORDS = HEAD + 2 + 1 + MAX_TEXT / 4;

/** Words between the head and where the value is: the row's hash, when carried. */
function rowHashWords(headWord: number): number {
  return (headWord >>> 24) & ROW_HASH ? 2 : 0;
}

/** The words after a row's head. */
function tailWords(headWord: number, records: Uint32Array, at: number): number {
  const where = (headWord >>> 24) & WHERE;
  const skip = rowHashWords(headWord);
  return skip + (where === AT_NOTHING ? 0 : where === AT_OFFSET ? 2 : 1 + Math.ceil(records[at + HEAD + skip]! / 4));
}

/**
 * The records being read, for the duplicate-rows check: set by the reader before a batch's values are observed. A
 * value spilled for `check` (the carrying unique column) takes its record's hash with it and marks the record
 * `carried` (so does a value left out of the spill in order, see KeyOrder); the reader spills only the others to the
 * duplicate-rows check. Hashes are made when needed: from the batch's bytes, or kept in `hashes` by readers of text.
 */
export class RowHashes {
  /** The record (within the range) that index 0 stands for. */
  base = 0;
  /** h1, h2 of record base + i at 2i, 2i + 1, when `bytes` is null. */
  readonly hashes: Int32Array;
  readonly carried: Uint8Array;
  /** The batch's buffer and record spans, for a delimited file. */
  bytes: Uint8Array | null = null;
  recordStarts: Int32Array | null = null;
  contentEnds: Int32Array | null = null;

  constructor(
    /** The unique check that carries row hashes, or -1 (none: every row takes the duplicate-rows spill). */
    readonly check: number,
    capacity: number,
  ) {
    this.hashes = new Int32Array(2 * capacity);
    this.carried = new Uint8Array(capacity);
  }

  /** Records base + i are the batch's record i, in `bytes` (a delimited file): hashes are made from them. */
  atBatch(base: number, bytes: Uint8Array, recordStarts: Int32Array, contentEnds: Int32Array): void {
    this.base = base;
    this.bytes = bytes;
    this.recordStarts = recordStarts;
    this.contentEnds = contentEnds;
  }

  /** Record `record` alone, already hashed to (h1, h2) (readers of text). */
  atRecord(record: number, h1: number, h2: number): void {
    this.base = record;
    this.bytes = null;
    this.hashes[0] = h1;
    this.hashes[1] = h2;
    this.carried[0] = 0;
  }

  /** Hashes record base + index into {@link hashed}. */
  hash(index: number): void {
    if (this.bytes === null) {
      hashed.h1 = this.hashes[2 * index]!;
      hashed.h2 = this.hashes[2 * index + 1]!;
    } else {
      hashRecord(this.bytes, this.recordStarts![index]!, this.contentEnds![index]!);
    }
  }
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
  rows: RowHashes | null = null;

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
    let flags = 0;
    const rows = this.rows;
    if (rows !== null && check === rows.check) {
      const index = record - rows.base;
      rows.hash(index);
      buffer[at + HEAD] = hashed.h1;
      buffer[at + HEAD + 1] = hashed.h2;
      rows.carried[index] = 1;
      flags = ROW_HASH;
    }
    const tail = at + HEAD + rowHashWords(flags << 24);
    const offset = this.offset;
    if (bytes === null) {
      // Only the row matters (duplicate rows: the value shown is "a repeated row").
      buffer[at + 2] = range | (flags << 24);
      at = tail;
    } else if (offset >= 0) {
      buffer[at + 2] = range | ((flags | AT_OFFSET) << 24);
      buffer[tail] = offset % 0x100000000;
      buffer[tail + 1] = Math.floor(offset / 0x100000000);
      at = tail + 2;
    } else {
      const length = Math.min(end - start, MAX_TEXT);
      buffer[at + 2] = range | ((flags | AT_TEXT) << 24);
      buffer[tail] = length;
      new Uint8Array(buffer.buffer, (tail + 1) * 4, length).set(bytes.subarray(start, start + length));
      at = tail + 1 + Math.ceil(length / 4);
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

/** What one check found: its repeats, and the duplicate rows among the rows that carried their hash (if any did). */
export interface CheckFindings {
  repeats: RepeatTally | null;
  duplicates: RepeatTally | null;
}

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
      const rowTable = table.rowTable;
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

function rowOf(records: Uint32Array, at: number, rowStart: Map<number, number>): number {
  const start = rowStart.get(records[at + 2]! & MAX_RANGE);
  return start === undefined ? -1 : start + records[at + 3]!;
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

/**
 * One partition at a time, in memory reused from partition to partition (allocating afresh for each would leave the
 * garbage collector many megabytes behind, and peak memory would follow the dataset's size).
 */
class PartitionTable {
  private bytes = new Uint8Array(1 << 20);
  records = new Uint32Array(this.bytes.buffer);
  private slots = new Int32Array(0);
  readonly rowTable = new RowTable();

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
  const where = (head >>> 24) & WHERE;
  const tail = at + HEAD + rowHashWords(head);
  const text =
    where === AT_TEXT && records[tail]! > 0
      ? Buffer.from(records.buffer, records.byteOffset + (tail + 1) * 4, records[tail]).toString("utf8")
      : null;
  return {
    row,
    range: head & MAX_RANGE,
    record: records[at + 3]!,
    offset: where === AT_OFFSET ? records[tail + 1]! * 0x100000000 + records[tail]! : null,
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

/** Findings over different partitions, as one: counts add, the earliest examples stay. */
export function mergeCheckFindings(parts: CheckFindings[]): CheckFindings {
  return {
    repeats: mergeRepeatTallies(parts.map((p) => p.repeats)),
    duplicates: mergeRepeatTallies(parts.map((p) => p.duplicates)),
  };
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
