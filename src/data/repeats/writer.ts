import { closeSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { hashed } from "../sketch/hash.ts";
import type { RepeatSink, RowHashes } from "./sink.ts";
import {
  AT_OFFSET,
  AT_TEXT,
  HEAD,
  MAX_RANGE,
  MAX_ROW_WORDS,
  MAX_TEXT,
  ROW_HASH,
  rowHashWords,
} from "./spill-format.ts";

/** Words buffered per (check, partition) slot before they are appended to its file. */
const BUFFER_WORDS = 4 << 10;

/**
 * Spills rows to the partition files (spill-format.ts), one set of files per writer (a thread): h1's top bits pick
 * the partition, so each partition can later be checked alone (find.ts).
 */
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
