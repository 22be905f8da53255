import { existsSync } from "node:fs";
import { InputError } from "../errors.ts";
import { fileReader, gzipReader, isGzip } from "../data/formats/chunks.ts";
import { CHUNK } from "../data/formats/delimited/input.ts";
import { type DelimitedReader, MORE, RECORD } from "../data/formats/delimited/reader.ts";
import { refuseIrregularFile } from "../data/regular-file.ts";
import { checkHeader, explainReadError, wholeFileReader } from "../data/table.ts";
import { utf8 } from "../data/values.ts";

/**
 * A CSV or TSV file (optionally gzip) as the monitor's hot loops read it: each record's fields as byte spans of the
 * reader's buffer, never as an array of strings, so a loop decodes only the cells it needs (the timestamp of a log
 * row, the id and label of a label row) and copies the rest as bytes. The same reader, header rules and messages as
 * openTable (src/data/table.ts), which the other formats go through.
 */

export interface DelimitedSpans {
  columns: string[];
  reader: DelimitedReader;
  /** The next record's fields in `reader` (true), or false at the end; read errors name the file and the row. */
  next(): Promise<boolean>;
  /**
   * The next record when its bytes are read already (true), false at the end, undefined when next() must read on:
   * a loop calls this first and awaits next() only then, so a record costs no promise (most records are in the buffer).
   */
  nextHere(): boolean | undefined;
  /** 1-based number of the current data record (the header is 0). */
  record: number;
  close(): void;
}

export interface SpanOpenOptions {
  shown: string;
  /** What the file is, for "not found": "prediction log", "label file". */
  what: string;
  missingHint?: string;
}

export async function openDelimitedSpans(
  file: string,
  format: "csv" | "tsv",
  options: SpanOpenOptions,
): Promise<DelimitedSpans> {
  const { shown } = options;
  if (!existsSync(file)) {
    throw new InputError(`${options.what} not found: ${shown}`, {
      hint: options.missingHint ?? "paths are relative to the folder of mlops.yml",
    });
  }
  refuseIrregularFile(file, shown);
  const chunks = isGzip(file) ? gzipReader(file) : fileReader(file, 0);
  const reader = wholeFileReader(chunks, shown, format, spareBuffers.pop());
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    chunks.close();
    // Its buffer reads the next file: a run opens a few files per window, and each new 4 MiB buffer would wait for
    // the garbage collector (and leave the allocator's heap in pieces) long after the file was read.
    if (reader.buffer.length === CHUNK && spareBuffers.length < SPARE_BUFFERS) spareBuffers.push(reader.buffer);
  };
  let record = -1;
  const nextHere = (): boolean | undefined => {
    let got: number;
    try {
      got = reader.next();
    } catch (error) {
      throw explainReadError(error, shown, (r) => r + 1);
    }
    if (got === RECORD) {
      record++;
      spans.record = record;
      return true;
    }
    return got === MORE ? undefined : false;
  };
  const next = async (): Promise<boolean> => {
    for (;;) {
      const here = nextHere();
      if (here !== undefined) return here;
      try {
        await reader.fill();
      } catch (error) {
        throw explainReadError(error, shown, (r) => r + 1);
      }
    }
  };
  const spans: DelimitedSpans = { columns: [], reader, next, nextHere, record: 0, close };
  try {
    if (!(await next()))
      throw new InputError(`${shown} is empty`, { hint: "a table needs a header row and data rows" });
    spans.columns = Array.from({ length: reader.fieldCount }, (_, i) => {
      return cellOf(reader, i)?.trim() || `column_${i + 1}`;
    });
    checkHeader(spans.columns, shown);
  } catch (error) {
    close();
    throw error;
  }
  return spans;
}

/** Read buffers of closed files, for the next file opened: at most two files are open at once. */
const spareBuffers: Buffer[] = [];
const SPARE_BUFFERS = 2;

/** A record's fields as byte spans: the CSV reader's, or a cell file's (window-files.ts). */
export type FieldSpans = Pick<DelimitedReader, "buffer" | "starts" | "ends" | "quoted" | "fieldCount">;

/** The text of field `index` of the current record; null when it is empty and unquoted (or the record is short). */
export function cellOf(reader: FieldSpans, index: number): string | null {
  if (index < 0 || index >= reader.fieldCount) return null;
  const start = reader.starts[index] ?? 0;
  const end = reader.ends[index] ?? 0;
  return start === end && reader.quoted[index] === 0 ? null : utf8(reader.buffer, start, end);
}

export function interned(strings: Map<string, string>, value: string): string {
  const known = strings.get(value);
  if (known !== undefined) return known;
  if (strings.size < 10_000) strings.set(value, value);
  return value;
}

/**
 * A cell's text, interned, found by its bytes among the first few distinct values (a prediction column holds a few
 * classes), so a row costs a byte comparison rather than a string; past those, by the text (`interned`).
 */
export class ByteStrings {
  private readonly bytes: Buffer[] = [];
  private readonly texts: string[] = [];
  constructor(private readonly strings: Map<string, string>) {}

  /** `value`, interned. */
  text(value: string): string {
    return interned(this.strings, value);
  }

  /** cellOf(reader, index) ?? "", interned. */
  of(reader: FieldSpans, index: number): string {
    if (index < 0 || index >= reader.fieldCount) return "";
    const start = reader.starts[index]!;
    const end = reader.ends[index]!;
    if (start === end) return "";
    const buffer = reader.buffer;
    for (let k = 0; k < this.bytes.length; k++) {
      const known = this.bytes[k]!;
      if (known.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < known.length; i++) {
        if (known[i] !== buffer[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.texts[k]!;
    }
    const text = interned(this.strings, utf8(buffer, start, end));
    if (this.bytes.length < 16) {
      this.bytes.push(Buffer.from(buffer.subarray(start, end)));
      this.texts.push(text);
    }
    return text;
  }
}
