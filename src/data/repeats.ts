import { closeSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import type { RepeatSink } from "./column.ts";
import { EXAMPLE_ROWS, shortText, type Tally } from "./tally.ts";

/**
 * Rules that need every row at once (unique values, a unique key, duplicate rows), in constant memory: while reading,
 * each row's 64-bit hash (and, for value rules, its text) is appended to one of P partition files by hash; afterwards
 * each partition is checked alone with a hash table. Memory is one partition's table (rows / P entries), not the
 * dataset's; the disk holds about 16 bytes per row (plus the text of unique values).
 *
 * Two different rows share a 64-bit hash with probability about rows² / 2^65 (3e-6 for 10 million rows): such a pair
 * would be counted as a repeat.
 */

const RECORD_HEAD = 18;
const BUFFER_BYTES = 64 << 10;

export class RepeatWriter implements RepeatSink {
  private readonly buffers = new Map<string, { bytes: Buffer; used: number }>();
  /** The range being read: records are numbered within it. */
  range = 0;

  constructor(
    private readonly dir: string,
    private readonly writer: number,
    private readonly partitionBits: number,
  ) {}

  add(check: number, h1: number, h2: number, record: number, text: string | null): void {
    const partition = this.partitionBits === 0 ? 0 : h1 >>> (32 - this.partitionBits);
    const name = `c${check}-p${partition}-w${this.writer}.bin`;
    let buffer = this.buffers.get(name);
    if (!buffer) {
      buffer = { bytes: Buffer.allocUnsafe(BUFFER_BYTES), used: 0 };
      this.buffers.set(name, buffer);
    }
    const textBytes = text === null ? 0 : Buffer.byteLength(text);
    if (buffer.used + RECORD_HEAD + textBytes > BUFFER_BYTES) this.flushOne(name, buffer);
    const bytes = buffer.bytes;
    let at = buffer.used;
    bytes.writeUInt32LE(h1 >>> 0, at);
    bytes.writeUInt32LE(h2 >>> 0, at + 4);
    bytes.writeUInt32LE(this.range, at + 8);
    bytes.writeUInt32LE(record, at + 12);
    bytes.writeUInt16LE(textBytes, at + 16);
    at += RECORD_HEAD;
    if (text !== null) at += bytes.write(text, at, "utf8");
    buffer.used = at;
  }

  private flushOne(name: string, buffer: { bytes: Buffer; used: number }): void {
    if (buffer.used === 0) return;
    const fd = openSync(path.join(this.dir, name), "a");
    try {
      writeSync(fd, buffer.bytes, 0, buffer.used);
    } finally {
      closeSync(fd);
    }
    buffer.used = 0;
  }

  flush(): void {
    for (const [name, buffer] of this.buffers) this.flushOne(name, buffer);
  }
}

/** Partition bits for a dataset of about `bytes`: one partition per 32 MiB of data, at most 256. */
export function partitionBitsFor(bytes: number): number {
  let bits = 0;
  while (bits < 8 && bytes / 2 ** bits > 32 << 20) bits++;
  return bits;
}

/**
 * Counts the repeats of one check: every row whose hash an earlier row already had. `rowStart` maps a range id to
 * the dataset row number of its first record (ranges missing from it were read twice and are ignored).
 */
export function findRepeats(
  dir: string,
  check: number,
  partitionBits: number,
  rowStart: Map<number, number>,
  partitions?: number[],
): Tally | null {
  let count = 0;
  const examples: { row: number; text: string }[] = [];
  const files = readdirSync(dir);
  const wanted = partitions ?? Array.from({ length: 2 ** partitionBits }, (_, i) => i);
  for (const partition of wanted) {
    const prefix = `c${check}-p${partition}-`;
    const chunks = files.filter((f) => f.startsWith(prefix)).map((f) => readFileSync(path.join(dir, f)));
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (total === 0) continue;
    let slots = 16;
    while (slots < (total / RECORD_HEAD) * 2) slots *= 2;
    const mask = slots - 1;
    const keys1 = new Uint32Array(slots);
    const keys2 = new Uint32Array(slots);
    const used = new Uint8Array(slots);
    const first = new Float64Array(slots);
    const firstText: (string | undefined)[] = [];
    for (const chunk of chunks) {
      let at = 0;
      while (at < chunk.length) {
        const h1 = chunk.readUInt32LE(at);
        const h2 = chunk.readUInt32LE(at + 4);
        const range = chunk.readUInt32LE(at + 8);
        const record = chunk.readUInt32LE(at + 12);
        const length = chunk.readUInt16LE(at + 16);
        const textAt = at + RECORD_HEAD;
        at = textAt + length;
        const start = rowStart.get(range);
        if (start === undefined) continue;
        const row = start + record;
        let slot = (h2 ^ Math.imul(h1, 0x9e3779b1)) & mask;
        while (used[slot] === 1 && (keys1[slot] !== h1 || keys2[slot] !== h2)) slot = (slot + 1) & mask;
        if (used[slot] === 0) {
          used[slot] = 1;
          keys1[slot] = h1;
          keys2[slot] = h2;
          first[slot] = row;
          if (length > 0) firstText[slot] = chunk.toString("utf8", textAt, textAt + length);
          continue;
        }
        // A repeat. The table keeps the earliest row of each value; the later of the two is the repeat, so the rows
        // reported are the same whatever order the partitions were written in.
        count++;
        const earliest = first[slot]!;
        const repeat = Math.max(earliest, row);
        if (row < earliest) first[slot] = row;
        const text = length > 0 ? chunk.toString("utf8", textAt, textAt + length) : (firstText[slot] ?? "");
        noteExample(examples, repeat, text);
      }
    }
  }
  if (count === 0) return null;
  examples.sort((a, b) => a.row - b.row);
  return { count, rows: examples.map((e) => e.row), observed: shortText(examples[0]?.text ?? "") };
}

function noteExample(examples: { row: number; text: string }[], row: number, text: string): void {
  if (examples.length < EXAMPLE_ROWS) {
    examples.push({ row, text });
    return;
  }
  let latest = 0;
  for (let i = 1; i < examples.length; i++) if (examples[i]!.row > examples[latest]!.row) latest = i;
  if (row < examples[latest]!.row) examples[latest] = { row, text };
}

/** Merges tallies of the same check found over different partitions. */
export function mergeRepeatTallies(tallies: (Tally | null)[]): Tally | null {
  const found = tallies.filter((t): t is Tally => t !== null);
  if (found.length === 0) return null;
  const rows = found
    .flatMap((t) => t.rows.map((row, i) => ({ row, text: i === 0 ? t.observed : null })))
    .sort((a, b) => a.row - b.row);
  const first = found.reduce((best, t) => ((t.rows[0] ?? Infinity) < (best.rows[0] ?? Infinity) ? t : best));
  return {
    count: found.reduce((sum, t) => sum + t.count, 0),
    rows: rows.slice(0, EXAMPLE_ROWS).map((r) => r.row),
    observed: first.observed,
  };
}
