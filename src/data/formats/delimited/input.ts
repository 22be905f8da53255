import { isUtf8 } from "node:buffer";
import { DataReadError } from "../../../errors.ts";
import type { ChunkReader } from "../chunks.ts";
import { LF, QUOTE } from "./fields.ts";

/**
 * The bytes under the delimited reader (reader.ts): one buffer refilled from a ChunkReader, the unfinished record
 * moved to its front each time, grown for a long record up to MAX_RECORD_BYTES, with sentinels after the data for the
 * field scanner (fields.ts), and its UTF-8 checked as bytes arrive.
 */

export const CHUNK = 4 << 20;
/** Bytes kept free after the data in the buffer (see fill). */
const SLACK = 4;
/**
 * A record longer than this is refused: a quote that never closes, or a file with no line ends (a device, a binary
 * file), would otherwise swallow the file into memory. Readers count the bytes they hold, not what `stat` says.
 */
export const MAX_RECORD_BYTES = 64 << 20;
export const LONG_RECORD_HINT =
  "a line with no line end, or a quote that is never closed, makes the rest of the file one record: check that the file is text in the configured format, and its quotes";

export class InputBuffer {
  buffer: Buffer;
  /** The buffer as little-endian words, for the field scanner's word-at-a-time test. */
  words: DataView;
  /** File offset of buffer[0]. */
  base: number;
  /** Bytes of data in the buffer. */
  filled = 0;
  eof = false;
  /** File offset of the first byte that breaks UTF-8 (Infinity: none so far). */
  badUtf8At = Infinity;
  private validated = 0;

  constructor(
    private readonly reader: ChunkReader,
    /** Shown in errors. */
    private readonly file: string,
    /** File offset of the first byte the reader returns. */
    offset: number,
    /** A buffer to read into (reused across ranges, so memory does not pile up waiting for the garbage collector). */
    buffer: Buffer | undefined,
    /**
     * Whether UTF-8 is checked from the first byte on: not when the data may start inside a character (a range that
     * starts at an arbitrary byte), where checkUtf8From starts it at the first record.
     */
    private checking: boolean,
  ) {
    this.buffer = buffer ?? Buffer.allocUnsafeSlow(CHUNK);
    this.words = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    this.base = offset;
  }

  /**
   * Reads more, keeping buffer[keepFrom, filled) (the unfinished record), which moves to the front: buffer offsets
   * before the call are `keepFrom` greater than after it. `records` (read so far) goes into a long record's error.
   */
  async fill(keepFrom: number, records: number): Promise<void> {
    let buf = this.buffer;
    if (keepFrom > 0) {
      buf.copyWithin(0, keepFrom, this.filled);
      this.base += keepFrom;
      this.validated = Math.max(0, this.validated - keepFrom);
      this.filled -= keepFrom;
    }
    if (this.filled >= buf.length - SLACK) {
      if (buf.length >= MAX_RECORD_BYTES) {
        throw new DataReadError(
          this.file,
          `a record is longer than ${MAX_RECORD_BYTES >> 20} MiB`,
          this.base,
          records,
          {
            hint: LONG_RECORD_HINT,
          },
        );
      }
      const grown = Buffer.allocUnsafeSlow(buf.length * 2);
      buf.copy(grown, 0, 0, this.filled);
      this.buffer = buf = grown;
      this.words = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
    }
    // SLACK bytes stay free after the data: sentinels, a line end (the field loop then needs no bounds check) and a
    // quote (a search for a closing quote stops there, not in stale bytes further on), and room to read a word at
    // the line end.
    const n = await this.reader.read(buf, this.filled, buf.length - this.filled - SLACK);
    if (n === 0) this.eof = true;
    this.filled += n;
    buf[this.filled] = LF;
    buf[this.filled + 1] = QUOTE;
    if (this.checking) this.checkUtf8();
  }

  /** Starts checking UTF-8 at buffer[from], the first record's start (a line end is never inside a character). */
  checkUtf8From(from: number): void {
    this.checking = true;
    this.validated = from;
    this.checkUtf8();
  }

  /** Checks the UTF-8 of the bytes read since the last check (up to the last line end: no character spans one). */
  private checkUtf8(): void {
    const buf = this.buffer;
    const safe = this.eof ? this.filled : buf.lastIndexOf(LF, this.filled - 1) + 1;
    if (safe > this.validated && this.badUtf8At === Infinity) {
      if (!isUtf8(buf.subarray(this.validated, safe)))
        this.badUtf8At = this.base + firstInvalidUtf8(buf, this.validated, safe);
      this.validated = safe;
    }
  }
}

/** Index of the first byte that breaks UTF-8 in buf[start, end). */
function firstInvalidUtf8(buf: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = buf[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > end) return i;
    if (length > 1 && !isUtf8(buf.subarray(i, i + length))) return i;
    i += length;
  }
  return end;
}
