import { isUtf8 } from "node:buffer";
import { DataReadError } from "../../errors.ts";
import type { ChunkReader } from "./chunks.ts";

/**
 * A streaming RFC 4180 reader over bytes: quoted fields, "" escapes, delimiters and line ends inside quotes, CRLF, LF
 * or CR line ends, a UTF-8 byte order mark, blank lines skipped (as pandas and DuckDB do). No strings are made: each
 * record's fields are byte spans of one buffer, so callers parse numbers in place. UTF-8 is checked as bytes arrive.
 *
 * It reads any byte range of a file: from a record start, or from an arbitrary offset, where it first skips past the
 * next line end (a guess that the offset is not inside a quoted field; the caller checks the guess, see scan.ts).
 *
 * Use: `for (;;) { const got = reader.next(); if (got === RECORD) use(); else if (got === MORE) await reader.fill();
 * else break; }`: records come synchronously while they are in the buffer, so the loop costs no promise per record.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;
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

export const RECORD = 1;
export const MORE = 0;
export const DONE = -1;

export interface DelimitedOptions {
  reader: ChunkReader;
  /** Shown in errors. */
  file: string;
  /** File offset of the first byte the reader returns. */
  offset: number;
  delimiter: number;
  /** Skip past the first line end before reading records (a range that starts mid-record). */
  align: boolean;
  /** Stop before the first record that starts at or after this file offset. */
  stopAt: number;
  /** The start of the file: drop a byte order mark. */
  atFileStart: boolean;
  /** A buffer to read into (reused across ranges, so memory does not pile up waiting for the garbage collector). */
  buffer?: Buffer;
}

/**
 * Records parsed in one go, as field spans of the reader's buffer: field f of record r is
 * buffer[starts[r * stride + f], ends[r * stride + f]). A record with more than `stride` fields keeps its first
 * `stride` (fieldCounts says how many it had). Valid until the reader's next fill().
 */
export class RecordBatch {
  starts: Int32Array;
  ends: Int32Array;
  /** 0 unquoted, 1 quoted (so an empty quoted field is "", not missing). */
  quoted: Uint8Array;
  readonly fieldCounts: Int32Array;
  /** Each record's span in the buffer, without its line end. */
  readonly recordStarts: Int32Array;
  readonly contentEnds: Int32Array;
  /** Records in the batch now. */
  size = 0;

  constructor(
    /** Records the batch holds at most. */
    readonly capacity: number,
    /** Field slots per record (at least 1). */
    public stride: number,
    /** Whether the stride grows to hold every field of a record (a batch of one record only). */
    readonly growable = false,
  ) {
    if (growable && capacity !== 1) throw new Error("only a batch of one record can grow");
    this.stride = Math.max(1, stride);
    this.starts = new Int32Array(capacity * this.stride);
    this.ends = new Int32Array(capacity * this.stride);
    this.quoted = new Uint8Array(capacity * this.stride);
    this.fieldCounts = new Int32Array(capacity);
    this.recordStarts = new Int32Array(capacity);
    this.contentEnds = new Int32Array(capacity);
  }

  grow(fields: number): void {
    this.stride = Math.max(fields, this.stride * 2);
    this.starts = new Int32Array(this.capacity * this.stride);
    this.ends = new Int32Array(this.capacity * this.stride);
    this.quoted = new Uint8Array(this.capacity * this.stride);
  }
}

export class DelimitedReader {
  /** Field spans of the current record (after next()): buffer[starts[i], ends[i]). */
  starts: Int32Array;
  ends: Int32Array;
  /** 0 unquoted, 1 quoted (so an empty quoted field is "", not missing). */
  quoted: Uint8Array;
  fieldCount = 0;
  /** The current record's span in the buffer, without its line end. */
  recordStart = 0;
  contentEnd = 0;
  /** Records returned so far. */
  records = 0;
  buffer: Buffer;
  /** File offset of buffer[0]. */
  base: number;
  /** File offset of the first record (after alignment); -1 before it is known. */
  firstStart = -1;
  private filled = 0;
  private eof = false;
  private p = 0;
  private validated = 0;
  private badUtf8At = Infinity;
  private aligned: boolean;
  private bomChecked: boolean;
  /** The delimiter or the carriage return, whichever is greater: bytes above it end no unquoted field. */
  private readonly high: number;
  /** `high + 1` in each byte of a word: a word with no byte below it holds no end of a field. */
  private readonly belowWord: number;
  /** The buffer as little-endian words, for the field loop's word-at-a-time test. */
  private words: DataView;
  /** next()'s one-record batch. */
  private readonly single = new RecordBatch(1, 64, true);
  /** An unreadable record found after the records before it in the same batch: thrown by the next call. */
  private failure: Error | null = null;

  constructor(private readonly options: DelimitedOptions) {
    this.high = Math.max(options.delimiter, CR);
    if (this.high >= 128) throw new Error("the delimiter must be an ASCII character");
    this.belowWord = (this.high + 1) * 0x01010101;
    this.buffer = options.buffer ?? Buffer.allocUnsafeSlow(CHUNK);
    this.words = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    this.base = options.offset;
    this.aligned = !options.align;
    this.bomChecked = !options.atFileStart;
    this.starts = this.single.starts;
    this.ends = this.single.ends;
    this.quoted = this.single.quoted;
  }

  /** File offset where the next record starts (after DONE: where reading stopped). */
  get nextStart(): number {
    return this.base + this.p;
  }

  async fill(): Promise<void> {
    let buf = this.buffer;
    if (this.p > 0) {
      // Keep the unfinished record: move it to the front.
      buf.copyWithin(0, this.p, this.filled);
      this.base += this.p;
      this.validated = Math.max(0, this.validated - this.p);
      this.filled -= this.p;
      this.p = 0;
    }
    if (this.filled >= buf.length - SLACK) {
      if (buf.length >= MAX_RECORD_BYTES) {
        throw new DataReadError(
          this.options.file,
          `a record is longer than ${MAX_RECORD_BYTES >> 20} MiB`,
          this.base,
          this.records,
          { hint: LONG_RECORD_HINT },
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
    const n = await this.options.reader.read(buf, this.filled, buf.length - this.filled - SLACK);
    if (n === 0) this.eof = true;
    this.filled += n;
    buf[this.filled] = LF;
    buf[this.filled + 1] = QUOTE;
    // Before alignment the buffer may start inside a character: checking starts at the first record.
    if (this.aligned) this.checkUtf8();
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

  /** Parses the next record: RECORD (its fields are set), MORE (call fill() first) or DONE. */
  next(): number {
    const single = this.single;
    const got = this.nextBatch(single);
    if (got === RECORD) {
      this.starts = single.starts;
      this.ends = single.ends;
      this.quoted = single.quoted;
      this.fieldCount = single.fieldCounts[0]!;
      this.recordStart = single.recordStarts[0]!;
      this.contentEnd = single.contentEnds[0]!;
    }
    return got;
  }

  /** Drops a byte order mark and skips to the first record start: false when that needs more bytes (or at the end). */
  private prepare(): number {
    const buf = this.buffer;
    const filled = this.filled;
    const eof = this.eof;
    if (!this.bomChecked) {
      if (filled < 3 && !eof) return MORE;
      if (filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.p = 3;
      this.bomChecked = true;
    }
    if (!this.aligned) {
      let p = this.p;
      for (;;) {
        if (p >= filled) {
          this.p = p;
          if (eof) {
            this.firstStart = this.base + p;
            return DONE;
          }
          return MORE;
        }
        const c = buf[p]!;
        if (c === LF) {
          p++;
          break;
        }
        if (c === CR) {
          if (p + 1 >= filled && !eof) {
            this.p = p; // keep the CR: the next byte tells CRLF from CR
            return MORE;
          }
          p += buf[p + 1] === LF ? 2 : 1;
          break;
        }
        p++;
      }
      this.p = p;
      this.aligned = true;
      // UTF-8 is checked from the first record on (a line end is never inside a character).
      this.validated = p;
      this.checkUtf8();
    }
    return RECORD;
  }

  /**
   * Parses the records in the buffer into `batch`, up to its capacity: RECORD (batch.size records), MORE (call fill()
   * first) or DONE. An unreadable record after readable ones in the same batch is thrown by the next call.
   */
  nextBatch(batch: RecordBatch): number {
    batch.size = 0;
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
    if (!this.bomChecked || !this.aligned) {
      const got = this.prepare();
      if (got !== RECORD) return got;
    }
    const buf = this.buffer;
    const filled = this.filled;
    const eof = this.eof;
    const belowWord = this.belowWord;
    const words = this.words;
    const delimiter = this.options.delimiter;
    const stop = this.options.stopAt - this.base;
    const { capacity, fieldCounts, recordStarts, contentEnds } = batch;
    let { stride, starts, ends, quoted } = batch;
    let n = 0;
    let p = this.p;
    let got = RECORD;
    try {
      records: while (n < capacity) {
        if (this.firstStart < 0) this.firstStart = this.base + p;
        if (p >= stop) {
          got = DONE;
          break;
        }
        const row = n * stride;
        let q = p;
        let nf = 0;
        let escapes = false;
        let contentEnd = -1;
        let next = -1;
        for (;;) {
          if (q >= filled) {
            if (!eof) {
              got = MORE;
              break records;
            }
            if (q === p) {
              got = DONE; // nothing left
              break records;
            }
            // The last record has no line end and ends in an empty field ("a,b," at the end of the file).
            if (nf < stride) {
              starts[row + nf] = q;
              ends[row + nf] = q;
              quoted[row + nf] = 0;
            }
            nf++;
            contentEnd = next = q;
            break;
          }
          if (buf[q] === QUOTE) {
            const close = this.closingQuote(q + 1, filled, eof);
            if (close === NEEDS_MORE) {
              got = MORE;
              break records;
            }
            if (close < 0) {
              throw new DataReadError(
                this.options.file,
                "a quoted field is never closed (unterminated quote)",
                this.base + q,
                this.records,
                { hint: "check this record for a missing closing quote" },
              );
            }
            const escaped = this.escaped;
            if (nf < stride) {
              starts[row + nf] = q + 1;
              ends[row + nf] = close;
              // Escaped quotes are undone once the record is complete (a partial record is parsed again later).
              quoted[row + nf] = escaped ? 2 : 1;
            }
            nf++;
            escapes ||= escaped;
            q = close + 1;
            if (q >= filled) {
              if (!eof) {
                got = MORE;
                break records;
              }
              contentEnd = next = q;
              break;
            }
            const c = buf[q]!;
            if (c === delimiter) {
              q++;
              continue;
            }
            if (c !== LF && c !== CR) {
              throw new DataReadError(
                this.options.file,
                "unexpected text after a closing quote",
                this.base + q,
                this.records,
                { hint: 'inside a quoted field, write a quote as two quotes ("")' },
              );
            }
          } else {
            // Four bytes at a time: `below` marks the bytes under belowWord's (the first mark is exact), and only a
            // marked byte can be the delimiter or a line end. Stops at the sentinel at buf[filled] at the latest.
            let r = q;
            for (;;) {
              const word = words.getInt32(r, true);
              const below = (word - belowWord) & ~word & 0x80808080;
              if (below === 0) {
                r += 4;
                continue;
              }
              r += (31 - Math.clz32(below & -below)) >>> 3;
              const c = buf[r]!;
              if (c === delimiter || c === LF || c === CR) break;
              r++;
            }
            if (r >= filled && !eof) {
              got = MORE;
              break records;
            }
            if (nf < stride) {
              starts[row + nf] = q;
              ends[row + nf] = r;
              quoted[row + nf] = 0;
            }
            nf++;
            if (r >= filled) {
              contentEnd = next = r;
              break;
            }
            q = r;
            if (buf[r] === delimiter) {
              q++;
              continue;
            }
          }
          // buf[q] is a line end.
          contentEnd = q;
          if (buf[q] === CR) {
            if (q + 1 >= filled && !eof) {
              got = MORE;
              break records;
            }
            next = buf[q + 1] === LF ? q + 2 : q + 1;
          } else {
            next = q + 1;
          }
          break;
        }
        if (nf > stride && batch.growable) {
          // Read the record again with room for all of its fields.
          batch.grow(nf);
          ({ stride, starts, ends, quoted } = batch);
          continue;
        }
        if (this.base + contentEnd > this.badUtf8At) {
          throw new DataReadError(this.options.file, "not valid UTF-8", this.badUtf8At, this.records, {
            hint: "save the file as UTF-8",
          });
        }
        const recordStart = p;
        p = next;
        if (nf === 1 && quoted[row] === 0 && starts[row] === ends[row]) continue; // a blank line
        if (escapes) {
          const kept = Math.min(nf, stride);
          for (let i = row; i < row + kept; i++) {
            if (quoted[i] === 2) {
              ends[i] = unescape(buf, starts[i]!, ends[i]!);
              quoted[i] = 1;
            }
          }
        }
        fieldCounts[n] = nf;
        recordStarts[n] = recordStart;
        contentEnds[n] = contentEnd;
        n++;
        this.records++;
      }
    } catch (error) {
      this.p = p;
      if (n === 0) throw error;
      this.failure = error as Error;
      batch.size = n;
      return RECORD;
    }
    this.p = p;
    batch.size = n;
    return n > 0 ? RECORD : got;
  }

  /** Set by closingQuote: whether the field held "" escapes. */
  private escaped = false;

  /**
   * The closing quote of the quoted field whose text starts at `from` (after its opening quote); NEEDS_MORE when the
   * buffer ends first, -1 when the file does.
   */
  private closingQuote(from: number, filled: number, eof: boolean): number {
    const buf = this.buffer;
    let escaped = false;
    let at = from;
    for (;;) {
      // The sentinel quote at buf[filled + 1] ends the search at the latest.
      const found = buf.indexOf(QUOTE, at);
      if (found >= filled) return eof ? -1 : NEEDS_MORE;
      if (found + 1 >= filled && !eof) return NEEDS_MORE;
      if (buf[found + 1] === QUOTE) {
        escaped = true;
        at = found + 2;
        continue;
      }
      this.escaped = escaped;
      return found;
    }
  }
}

const NEEDS_MORE = -2;

/** Turns each "" in buf[start, end) into ", in place; returns the new end. */
function unescape(buf: Buffer, start: number, end: number): number {
  let write = start;
  for (let read = start; read < end; read++) {
    buf[write++] = buf[read]!;
    if (buf[read] === QUOTE) read++;
  }
  return write;
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

/** Reads a whole delimited source record by record; `use` sees the reader with the record's fields set. */
export async function readDelimited(reader: DelimitedReader, use: (reader: DelimitedReader) => void): Promise<void> {
  for (;;) {
    const got = reader.next();
    if (got === RECORD) use(reader);
    else if (got === MORE) await reader.fill();
    else return;
  }
}
