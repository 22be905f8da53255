import { appendFile, open } from "node:fs/promises";
import type { LogLayout } from "./log-layout.ts";

/**
 * The files the spool writes per window, and the reading back of its cell file. Beside a window's CSV (profiled by
 * the validate stage's reader, features and all), the spool writes the cells the monitor reads itself (prediction,
 * scores, id, latency, slices) while it has the row's fields as spans: per row, each cell as its length and its
 * bytes. Reading a window's rows (window-rows.ts) is then a walk over lengths, not a second tokenising of the CSV.
 *
 * A cell holds the text the CSV's reader would give for it: an empty cell is a missing one (as an empty unquoted CSV
 * field, which is how the CSV writes both null and ""), so the rows read back are the ones the CSV would give.
 */

/** The columns whose cells go to a window's cell file, in this order (a column named twice goes once). */
export function cellColumns(layout: LogLayout, probabilities: readonly string[]): string[] {
  const named = [layout.prediction, layout.score, ...probabilities, layout.id, layout.latency, ...layout.slices];
  return [...new Set(named.filter((c): c is string => c !== undefined))];
}

/** One CSV field as RFC 4180 writes it; null and empty text are an empty field, which CSV readers read as null. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A cell's length in one byte below this; this byte and four more (little-endian) otherwise. */
const LONG = 255;
/** Cells up to this many bytes are copied byte by byte. */
const SHORT_CELL = 32;

/** Bytes on their way to a window's file. */
export class WindowBuffer {
  private bytes: Buffer;
  length = 0;
  constructor(
    private readonly file: string,
    size: number,
  ) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  copy(source: Buffer, start: number, end: number): void {
    this.room(end - start);
    this.length += source.copy(this.bytes, this.length, start, end);
  }

  byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  text(value: string): void {
    this.room(value.length * 3);
    this.length += this.bytes.write(value, this.length);
  }

  /** One cell of a cell file: source[start, end) (empty: missing). */
  cell(source: Buffer, start: number, end: number): void {
    const length = end - start;
    this.lengthOf(length);
    if (length > SHORT_CELL) {
      this.copy(source, start, end);
      return;
    }
    // A few bytes by hand: Buffer.copy costs more to call than a short cell (an id, a score) takes to move.
    this.room(length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = start; i < end; i++) bytes[at++] = source[i]!;
    this.length = at;
  }

  /** One cell of a cell file, given as text (null and "" are both missing, as in the CSV). */
  cellText(value: string | null): void {
    if (value === null || value === "") {
      this.lengthOf(0);
      return;
    }
    const bytes = Buffer.from(value);
    this.cell(bytes, 0, bytes.length);
  }

  private lengthOf(length: number): void {
    this.room(5);
    if (length < LONG) {
      this.bytes[this.length++] = length;
      return;
    }
    this.bytes[this.length++] = LONG;
    this.length = this.bytes.writeUInt32LE(length, this.length);
  }

  async flush(): Promise<void> {
    if (this.length === 0) return;
    await appendFile(this.file, this.bytes.subarray(0, this.length));
    this.length = 0;
  }
}

/** The fields of the current row of a cell file, as the CSV reader gives a record's: spans of one buffer. */
export interface CellSpans {
  buffer: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  /** Always 0: an empty cell is a missing one. */
  quoted: Uint8Array;
  fieldCount: number;
}

export interface CellFile {
  spans: CellSpans;
  /** Reads more of the file; false once every byte is read (a row cut short is an error). */
  more(): Promise<boolean>;
  /** The next row whose bytes are read (true), or false when more() must read on first. */
  next(): boolean;
  close(): Promise<void>;
}

const READ_BYTES = 1 << 20;

/** A window's cell files, written with `count` cells per row, read one after the other as one. */
export async function openCellFiles(files: readonly string[], count: number): Promise<CellFile> {
  let index = 0;
  let current = await openCellFile(files[0] ?? "", count);
  let open = true;
  // Every file reads into the first one's spans, so the caller's view of the row stays the same object.
  const spans = current.spans;
  const close = async (): Promise<void> => {
    if (open) await current.close();
    open = false;
  };
  return {
    spans,
    async more() {
      for (;;) {
        if (!open) return false;
        if (await current.more()) return true;
        await close();
        if (++index >= files.length) return false;
        current = await openCellFile(files[index] ?? "", count, spans);
        open = true;
      }
    },
    next: () => open && current.next(),
    close,
  };
}

/** A window's cell file, written with `count` cells per row (into `spans` when given). */
async function openCellFile(file: string, count: number, into?: CellSpans): Promise<CellFile> {
  const handle = await open(file, "r");
  const spans: CellSpans = into ?? {
    buffer: Buffer.allocUnsafe(READ_BYTES),
    starts: new Int32Array(count),
    ends: new Int32Array(count),
    quoted: new Uint8Array(count),
    fieldCount: count,
  };
  let at = 0;
  let filled = 0;
  let ended = false;
  return {
    spans,
    async more() {
      if (ended) {
        if (at < filled) throw new Error(`${file} ends inside a row (${filled - at} byte(s) left)`);
        return false;
      }
      // The row cut at the end of the last read moves to the front; a row longer than the buffer grows it.
      let buffer = spans.buffer;
      const left = filled - at;
      if (left * 2 > buffer.length) {
        const grown = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(grown, 0, at, filled);
        spans.buffer = buffer = grown;
      } else buffer.copy(buffer, 0, at, filled);
      at = 0;
      filled = left;
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      filled += bytesRead;
      if (bytesRead === 0) ended = true;
      return true;
    },
    next() {
      const { buffer, starts, ends } = spans;
      let p = at;
      for (let i = 0; i < count; i++) {
        if (p >= filled) return false;
        let length = buffer[p++]!;
        if (length === LONG) {
          if (p + 4 > filled) return false;
          length = buffer.readUInt32LE(p);
          p += 4;
        }
        if (p + length > filled) return false;
        starts[i] = p;
        ends[i] = p += length;
      }
      at = p;
      return true;
    },
    close: () => handle.close(),
  };
}
