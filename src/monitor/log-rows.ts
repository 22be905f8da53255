import { type FileHandle, open as openFile, readFile, stat } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { isGzip } from "../data/formats/chunks.ts";
import { InputError } from "../errors.ts";
import { openTable, type TableFormat, type TableRow } from "../data/table.ts";
import type { TypeSample } from "../data/type-sample.ts";
import type { SourceFile } from "../data/sources.ts";
import { cellOf, type DelimitedSpans, openDelimitedSpans } from "./delimited-spans.ts";
import { csvField, type WindowBuffer } from "./window-files.ts";
import { type DateCache, isoZuluMs } from "./zulu-bytes.ts";

/**
 * A prediction log's rows as the spool (spool.ts) reads them, whatever the format: the cells it asks for, the
 * timestamp straight from its bytes, and the row written to a window's files.
 */

const COMMA = 44;
const NEWLINE = 10;

/** A log file's rows: the cells the loop asks for, and the row written to a window's file as CSV. */
export interface LogRows {
  columns: string[];
  /** Data record number of the current row (the first after the header is 1). */
  readonly record: number;
  next(): Promise<boolean>;
  /** The next row without a promise when it is read already (see DelimitedSpans.nextHere); undefined: call next(). */
  nextHere(): boolean | undefined;
  cell(index: number): string | null;
  /** The cell as `YYYY-MM-DDTHH:MM:SS[.fff]Z`, read from its bytes (see {@link isoZuluMs}); NaN in any other form. */
  utcMs(index: number, dates: DateCache): number;
  /** Writes the current row's fields at `at` as one CSV line. */
  write(out: WindowBuffer, at: readonly number[]): void;
  /** Writes the current row's fields at `at` as cells (window-files.ts): the texts the CSV line gives back. */
  writeCells(out: WindowBuffer, at: readonly number[]): void;
  /** Adds the current row's fields at `at` (the values the line written holds), named `header`, to a type sample. */
  sample(into: TypeSample, header: string[], at: readonly number[]): void;
  close(): void;
}

/** Whether a file's first byte (after spaces and a byte-order mark) opens a JSON object; false for gzip. */
async function looksLikeJsonLines(file: string): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    handle = await openFile(file, "r");
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    return text.trimStart().startsWith("{");
  } catch {
    // A file that cannot be read again: the reader's own error stands without the hint.
    return false;
  } finally {
    await handle?.close();
  }
}

/** Files past this size are left to their reader: white space that long is no freshly rotated file. */
const BLANK_BYTES = 4096;

/**
 * Whether a log file holds nothing but white space (0 bytes, a lone newline, a gzip of that): a file a serving
 * process has just rotated in, whose rows are still to come. The monitor reads it as 0 rows rather than stopping
 * the run, and the rows rule catches a real outage.
 */
export async function isBlankLog(file: SourceFile): Promise<boolean> {
  const { size } = await stat(file.path);
  if (size === 0) return true;
  if (size > BLANK_BYTES) return false;
  const bytes = await readFile(file.path);
  let text: Buffer;
  try {
    text = isGzip(file.path) ? gunzipSync(bytes) : bytes;
  } catch {
    // Not gzip after all: its reader says what is wrong with it.
    return false;
  }
  return text.length <= BLANK_BYTES && /^\s*$/.test(text.toString("latin1"));
}

/** A prediction log's rows, any format: CSV and TSV as byte spans (see {@link delimitedRows}), the rest via openTable. */
export async function openLogRows(file: SourceFile, format: TableFormat): Promise<LogRows> {
  const open = { what: "prediction log", missingHint: "check monitor.logs.path" };
  if (format === "csv" || format === "tsv") {
    let spans: DelimitedSpans;
    try {
      spans = await openDelimitedSpans(file.path, format, { ...open, shown: file.shown });
    } catch (error) {
      throw (await looksLikeJsonLines(file.path)) && error instanceof InputError
        ? new InputError(error.message, {
            hint: `${file.shown} starts with "{", as JSON Lines do: set monitor.logs.format: jsonl, or name the files .jsonl`,
            cause: error,
          })
        : error;
    }
    return delimitedRows(spans, format);
  }
  const table = await openTable(file.path, format, { ...open, displayName: file.shown });
  const iterator = table.rows[Symbol.asyncIterator]();
  let row: TableRow | null = null;
  return {
    columns: table.columns,
    get record() {
      return row?.record ?? 0;
    },
    async next() {
      const got = await iterator.next();
      row = got.done ? null : got.value;
      return row !== null;
    },
    nextHere: () => undefined,
    cell: (index) => row?.cells[index] ?? null,
    utcMs: () => Number.NaN,
    write(out, at) {
      out.text(`${at.map((index) => csvField(row?.cells[index] ?? null)).join(",")}\n`);
    },
    writeCells(out, at) {
      for (const index of at) out.cellText(row?.cells[index] ?? null);
    },
    sample: (into, header, at) =>
      into.add(
        header,
        at.map((index) => row?.cells[index] ?? null),
      ),
    // The file, whether or not a row was read (a reader never started runs no `finally` of its own).
    close: () => table.close(),
  };
}

/**
 * CSV and TSV logs are copied as bytes: a CSV row whose fields the spool keeps all of, in order and unquoted, is
 * copied whole; otherwise each unquoted CSV field is copied and the others (quoted, or TSV text that may hold a comma)
 * are written as CSV text.
 */
function delimitedRows(spans: DelimitedSpans, format: "csv" | "tsv"): LogRows {
  const { reader, columns } = spans;
  let whole: boolean | null = null;
  return {
    columns,
    get record() {
      return spans.record;
    },
    next: () => spans.next(),
    nextHere: () => spans.nextHere(),
    cell: (index) => cellOf(reader, index),
    utcMs: (index, dates) =>
      index < reader.fieldCount
        ? isoZuluMs(reader.buffer, reader.starts[index] ?? 0, reader.ends[index] ?? 0, dates)
        : Number.NaN,
    write(out, at) {
      whole ??= format === "csv" && at.length === columns.length && at.every((index, i) => index === i);
      const { buffer, starts, ends, quoted, fieldCount } = reader;
      if (whole && fieldCount === at.length && !anyQuoted(quoted, fieldCount)) {
        out.copy(buffer, reader.recordStart, reader.contentEnd);
        out.byte(NEWLINE);
        return;
      }
      for (let i = 0; i < at.length; i++) {
        if (i > 0) out.byte(COMMA);
        const index = at[i] ?? -1;
        if (index >= fieldCount) continue;
        if (format === "csv" && quoted[index] === 0) out.copy(buffer, starts[index] ?? 0, ends[index] ?? 0);
        else out.text(csvField(cellOf(reader, index)));
      }
      out.byte(NEWLINE);
    },
    writeCells(out, at) {
      // A field's span holds its text (a quoted field's unescaped), as cellOf decodes it.
      const { buffer, starts, ends, fieldCount } = reader;
      for (const index of at) {
        if (index < fieldCount) out.cell(buffer, starts[index] ?? 0, ends[index] ?? 0);
        else out.cellText(null);
      }
    },
    sample: (into, header, at) =>
      into.addSpans(header, at, reader.buffer, reader.starts, reader.ends, reader.fieldCount),
    close: () => spans.close(),
  };
}

function anyQuoted(quoted: Uint8Array, count: number): boolean {
  for (let i = 0; i < count; i++) if (quoted[i] !== 0) return true;
  return false;
}
