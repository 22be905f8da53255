import { DataReadError } from "../../../errors.ts";
import type { ChunkReader } from "../chunks.ts";
import { RecordBatch } from "./batch.ts";
import {
  belowWordOf,
  closingQuote,
  CR,
  LF,
  NEEDS_MORE,
  QUOTE,
  quoteScan,
  unescape,
  unquotedFieldEnd,
} from "./fields.ts";
import { InputBuffer } from "./input.ts";

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
 *
 * This module is the record parser: records, their line ends, blank lines and what makes a record unreadable. The
 * bytes come from input.ts, the fields' ends from the field scanner (fields.ts).
 */

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
  /** File offset of the first record (after alignment); -1 before it is known. */
  firstStart = -1;
  private readonly input: InputBuffer;
  /** Where parsing goes on in the input's buffer. */
  private p = 0;
  private aligned: boolean;
  private bomChecked: boolean;
  /** See belowWordOf: a word with no byte below it holds no end of an unquoted field. */
  private readonly belowWord: number;
  /** next()'s one-record batch. */
  private readonly single = new RecordBatch(1, 64, true);
  /** An unreadable record found after the records before it in the same batch: thrown by the next call. */
  private failure: Error | null = null;

  constructor(private readonly options: DelimitedOptions) {
    this.belowWord = belowWordOf(options.delimiter);
    this.aligned = !options.align;
    this.bomChecked = !options.atFileStart;
    this.input = new InputBuffer(options.reader, options.file, options.offset, options.buffer, this.aligned);
    this.starts = this.single.starts;
    this.ends = this.single.ends;
    this.quoted = this.single.quoted;
  }

  /** The buffer the fields' spans point into (valid until the next fill()). */
  get buffer(): Buffer {
    return this.input.buffer;
  }

  /** File offset of buffer[0]. */
  get base(): number {
    return this.input.base;
  }

  /** File offset where the next record starts (after DONE: where reading stopped). */
  get nextStart(): number {
    return this.input.base + this.p;
  }

  /** Reads more; the unfinished record moves to the front of the buffer. */
  async fill(): Promise<void> {
    const keep = this.p;
    // Parsing goes on at the front: where the kept record moves, however the filling ends.
    this.p = 0;
    await this.input.fill(keep, this.records);
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
    const { buffer: buf, filled, eof } = this.input;
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
            this.firstStart = this.input.base + p;
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
      this.input.checkUtf8From(p);
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
    // The input changes only in fill(): its state is read once per batch.
    const { buffer: buf, words, filled, eof, base, badUtf8At } = this.input;
    const belowWord = this.belowWord;
    const delimiter = this.options.delimiter;
    const stop = this.options.stopAt - base;
    const { capacity, fieldCounts, recordStarts, contentEnds } = batch;
    let { stride, starts, ends, quoted } = batch;
    let n = 0;
    let p = this.p;
    let got = RECORD;
    try {
      records: while (n < capacity) {
        if (this.firstStart < 0) this.firstStart = base + p;
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
            const close = closingQuote(buf, q + 1, filled, eof);
            if (close === NEEDS_MORE) {
              got = MORE;
              break records;
            }
            if (close < 0) {
              throw new DataReadError(
                this.options.file,
                "a quoted field is never closed (unterminated quote)",
                base + q,
                this.records,
                { hint: "check this record for a missing closing quote" },
              );
            }
            const escaped = quoteScan.escaped;
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
                base + q,
                this.records,
                { hint: 'inside a quoted field, write a quote as two quotes ("")' },
              );
            }
          } else {
            // Stops at the sentinel line end at buf[filled] at the latest.
            const r = unquotedFieldEnd(buf, words, q, belowWord, delimiter);
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
        if (base + contentEnd > badUtf8At) {
          throw new DataReadError(this.options.file, "not valid UTF-8", badUtf8At, this.records, {
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
}
