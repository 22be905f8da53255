import { existsSync } from "node:fs";
import path from "node:path";
import { DataReadError, InputError, isErrnoException } from "../errors.ts";
import { fileReader, gzipReader, isGzip, type ChunkReader } from "./formats/chunks.ts";
import { DelimitedReader, MORE, RECORD } from "./formats/delimited/reader.ts";
import { cellText, jsonLines } from "./formats/jsonl.ts";
import { openParquet } from "./formats/parquet.ts";
import { refuseIrregularFile } from "./regular-file.ts";
import { utf8 } from "./values.ts";

/**
 * Tables as rows of text cells (null = empty), read as a stream: the door for code that wants rows (the evaluate
 * stage's predictions, the validate stage's type sample). CSV, TSV, JSON Lines (each optionally gzip-compressed) and
 * Parquet. The validate stage's full pass reads bytes directly (scan.ts) for speed, and so does its type sample of a
 * CSV or TSV file (Table.spans); all share the same readers.
 */

export type TableFormat = "csv" | "tsv" | "jsonl" | "parquet";

export interface TableRow {
  cells: (string | null)[];
  /** 1-based data-record number (the first row after the header is 1). */
  record: number;
}

export interface Table {
  file: string;
  columns: string[];
  rows: AsyncIterable<TableRow>;
  /**
   * A CSV or TSV file with a header: its data records as byte spans instead of `rows` (no string per cell, no promise
   * per record), each passed to `visit` (the reader's buffer, starts, ends and fieldCount) until it returns false or
   * the file ends; then the file is closed. Use `rows` or this, not both.
   */
  spans?: (visit: (record: DelimitedReader) => boolean) => Promise<void>;
  /**
   * Closes the file now, whatever was read (once is enough; more does nothing). `rows` and `spans` close it at their
   * end, but a table neither of them started holds its file open: a reader that never began (an async generator
   * never started runs no `finally`) would otherwise leak its descriptor, one per file of a glob.
   */
  close(): void;
}

export function formatOf(file: string, configured: string = "auto"): TableFormat {
  if (configured === "csv" || configured === "tsv" || configured === "jsonl" || configured === "parquet")
    return configured;
  const name = file.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".tsv") || name.endsWith(".tab")) return "tsv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".csv") || name.endsWith(".txt")) return "csv";
  if (name.endsWith(".parquet") || name.endsWith(".pq")) return "parquet";
  throw new InputError(`cannot tell the format of ${file} from its extension`, {
    hint: "name it .csv, .tsv, .jsonl (optionally .gz) or .parquet, or set data.format",
  });
}

export interface OpenOptions {
  /** How to show the file in messages. */
  displayName?: string;
  /** What the file is, for "not found" messages: "data file", "predictions file" ... */
  what?: string;
  /** What to do when it is missing. */
  missingHint?: string;
  /**
   * The column names of a CSV or TSV file with no header row (data.header: false): every record is data, and the
   * first must have exactly this many fields. Ignored for JSON Lines and Parquet, which name their columns.
   */
  columns?: readonly string[];
}

/** Opens a table file; the header is read before this returns so a bad file fails early with its name. */
export async function openTable(file: string, format: TableFormat, options: OpenOptions = {}): Promise<Table> {
  const shown = options.displayName ?? file;
  if (!existsSync(file)) {
    throw new InputError(`${options.what ?? "data file"} not found: ${shown}`, {
      hint: options.missingHint ?? "paths are relative to the folder of mlops.yml",
    });
  }
  refuseIrregularFile(file, shown);
  if (format === "parquet") {
    const source = await openParquet(file, shown).catch((error: unknown) => {
      throw explainReadError(error, shown, () => null);
    });
    checkHeader(source.columns, shown);
    return {
      file,
      columns: source.columns,
      // hyparquet opens the file for each slice it reads: nothing stays open between them.
      close: () => undefined,
      rows: (async function* () {
        let record = 0;
        try {
          for await (const group of source.rowGroups()) for (const cells of group) yield { cells, record: ++record };
        } catch (error) {
          throw explainReadError(error, shown, (r) => r + 1);
        }
      })(),
    };
  }
  const opened = isGzip(file) ? gzipReader(file) : fileReader(file, 0);
  let closed = false;
  // Closed once: a descriptor closed twice could be another file's by then.
  const reader = {
    ...opened,
    close: () => {
      if (closed) return;
      closed = true;
      opened.close();
    },
  };
  const delimited = format === "jsonl" ? null : wholeFileReader(reader, shown, format);
  const records = delimited === null ? jsonRecords(reader, shown) : recordsOf(delimited);
  const iterator = records[Symbol.asyncIterator]();
  const first = await nextOrExplain(iterator, shown);
  const given = format === "jsonl" ? undefined : options.columns;
  if (first.done && given === undefined) {
    reader.close();
    throw new InputError(`${shown} is empty`, { hint: "a table needs a header row and data rows" });
  }
  if (given !== undefined && !first.done && first.value.cells.length !== given.length) {
    reader.close();
    throw new InputError(
      `${shown} has ${first.value.cells.length} fields in its first row, but data.schema.columns lists ${given.length} columns (data.header is false, so they name the file's columns in order)`,
      { hint: "list every column of the file, and only those, under data.schema.columns, in their order in the file" },
    );
  }
  const columns =
    given !== undefined
      ? [...given]
      : first.done
        ? []
        : (first.value.names ?? first.value.cells.map((cell, i) => (cell ?? "").trim() || `column_${i + 1}`));
  checkHeader(columns, shown);
  // Without a header the first record is data, and records count from 1 (with one, the header is record 0).
  const shift = given === undefined ? 0 : 1;
  const held = given === undefined || first.done ? null : first.value;
  const rows = (async function* (): AsyncGenerator<TableRow> {
    try {
      if (held) yield { cells: held.cells, record: held.record + shift };
      for (;;) {
        const next = await nextOrExplain(iterator, shown);
        if (next.done) return;
        yield { cells: next.value.cells, record: next.value.record + shift };
      }
    } finally {
      reader.close();
    }
  })();
  if (delimited === null || held !== null) return { file, columns, rows, close: reader.close };
  const spans = async (visit: (record: DelimitedReader) => boolean): Promise<void> => {
    try {
      for (;;) {
        const got = delimited.next();
        if (got === MORE) await delimited.fill();
        else if (got !== RECORD || !visit(delimited)) return;
      }
    } catch (error) {
      // As nextOrExplain words it for `rows`.
      throw explainReadError(error, shown, (record) => record + 1);
    } finally {
      reader.close();
    }
  };
  return { file, columns, rows, spans, close: reader.close };
}

export function checkHeader(columns: readonly string[], shown: string): void {
  const seen = new Map<string, number>();
  for (const [index, name] of columns.entries()) {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new InputError(
        `${shown}: column "${name}" appears twice in the header (columns ${earlier + 1} and ${index + 1})`,
        { hint: "column names must be unique" },
      );
    }
    seen.set(name, index);
  }
}

export interface RawRecord {
  cells: (string | null)[];
  record: number;
  /** JSON Lines: the first object's keys are the columns. */
  names?: string[];
}

async function nextOrExplain(iterator: AsyncIterator<RawRecord>, shown: string): Promise<IteratorResult<RawRecord>> {
  try {
    return await iterator.next();
  } catch (error) {
    throw explainReadError(error, shown, (record) => record + 1);
  }
}

/**
 * Turns a failure while reading into one InputError that names the file and the row (when `rowOf` knows it) or the
 * byte offset. Other failures (a missing file, a broken gzip stream) get their own words.
 */
export function explainReadError(error: unknown, shown: string, rowOf: (record: number) => number | null): Error {
  if (error instanceof DataReadError) {
    const row = error.record === null ? null : rowOf(error.record);
    const where = row === null ? `byte ${error.byteOffset}` : `row ${row}, byte ${error.byteOffset}`;
    return new InputError(`${shown}: ${error.detail} (${where})`, {
      ...(error.hint ? { hint: error.hint } : {}),
      cause: error,
    });
  }
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR" || code === "ERR_ZLIB_INITIALIZATION_FAILED")
    return new InputError(`${shown} is not a valid gzip file`, { cause: error });
  if (isErrnoException(error, "ENOENT")) return new InputError(`data file not found: ${shown}`, { cause: error });
  if (isErrnoException(error)) return new InputError(`cannot read ${shown}: ${error.message}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** A reader of a whole CSV or TSV file's records, from its first byte to its last. */
export function wholeFileReader(
  reader: ChunkReader,
  shown: string,
  format: "csv" | "tsv",
  buffer?: Buffer,
): DelimitedReader {
  return new DelimitedReader({
    reader,
    ...(buffer ? { buffer } : {}),
    file: shown,
    offset: 0,
    delimiter: format === "tsv" ? 9 : 44,
    align: false,
    stopAt: Infinity,
    atFileStart: true,
  });
}

export async function* delimitedRecords(
  reader: ChunkReader,
  shown: string,
  format: "csv" | "tsv",
  /** A buffer to start with (it grows for a long record): a small one when only the first records are wanted. */
  buffer?: Buffer,
): AsyncGenerator<RawRecord> {
  yield* recordsOf(wholeFileReader(reader, shown, format, buffer));
}

async function* recordsOf(delimited: DelimitedReader): AsyncGenerator<RawRecord> {
  let record = 0;
  for (;;) {
    const got = delimited.next();
    if (got === MORE) {
      await delimited.fill();
      continue;
    }
    if (got !== RECORD) return;
    const { buffer, starts, ends, quoted } = delimited;
    const cells: (string | null)[] = [];
    for (let i = 0; i < delimited.fieldCount; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      cells.push(start === end && quoted[i] === 0 ? null : utf8(buffer, start, end));
    }
    yield { cells, record: record++ };
  }
}

export async function* jsonRecords(reader: ChunkReader, shown: string): AsyncGenerator<RawRecord> {
  let columns: string[] | undefined;
  let record = 0;
  for await (const { object } of jsonLines(reader, shown)) {
    if (!columns) {
      columns = Object.keys(object);
      yield { cells: [...columns], record: record++, names: columns };
    }
    yield { cells: columns.map((key) => cellText(object[key])), record: record++ };
  }
}

export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative;
}
