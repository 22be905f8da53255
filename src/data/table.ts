import { createReadStream } from "node:fs";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { InputError } from "../errors.ts";

/**
 * Streaming readers for tabular files. Each yields the header once and then rows of text cells (null = empty), so
 * checks and profiles see one row at a time and memory stays flat whatever the file size.
 */

export type TableFormat = "csv" | "tsv" | "jsonl";

export interface TableRow {
  cells: (string | null)[];
  /** 1-based data-record number (the first row after the header is 1). */
  record: number;
}

export interface Table {
  file: string;
  columns: string[];
  rows: AsyncIterable<TableRow>;
}

export function formatOf(file: string, configured: string = "auto"): TableFormat {
  if (configured === "csv" || configured === "tsv" || configured === "jsonl") return configured;
  const name = file.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".tsv") || name.endsWith(".tab")) return "tsv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".csv") || name.endsWith(".txt")) return "csv";
  throw new InputError(`cannot tell the format of ${file} from its extension`, {
    hint: "name it .csv, .tsv or .jsonl (optionally .gz), or set data.format",
  });
}

export interface OpenOptions {
  /** How to show the file in messages. */
  displayName?: string;
  /** What the file is, for "not found" messages: "data file", "predictions file" ... */
  what?: string;
  /** What to do when it is missing. */
  missingHint?: string;
}

/** Opens a table file; the header is read before this returns so a bad file fails early with its name. */
export async function openTable(file: string, format: TableFormat, options: OpenOptions = {}): Promise<Table> {
  const displayName = options.displayName ?? file;
  const source: SourceInfo = {
    displayName,
    what: options.what ?? "data file",
    missingHint: options.missingHint ?? "paths are relative to the folder of mlops.yml",
  };
  const records = format === "jsonl" ? jsonLines(file, source) : delimited(file, format === "tsv" ? "\t" : ",", source);
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new InputError(`${displayName} is empty`, { hint: "a table needs a header row and data rows" });
  const header = first.value;
  const columns = header.cells.map((cell, index) => (cell ?? "").trim() || `column_${index + 1}`);
  const seen = new Map<string, number>();
  for (const [index, name] of columns.entries()) {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new InputError(
        `${displayName}: column "${name}" appears twice in the header (columns ${earlier + 1} and ${index + 1})`,
        {
          hint: "column names must be unique",
        },
      );
    }
    seen.set(name, index);
  }
  const rows = (async function* (): AsyncGenerator<TableRow> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  return { file, columns: header.keys ?? columns, rows };
}

interface SourceInfo {
  displayName: string;
  what: string;
  missingHint: string;
}

interface RawRecord extends TableRow {
  /** JSON Lines carries its own column names per record. */
  keys?: string[];
}

function byteStream(file: string): AsyncIterable<Buffer> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  return file.toLowerCase().endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}

async function* decodedText(file: string, source: SourceInfo): AsyncGenerator<string> {
  const { displayName } = source;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let offset = 0;
  try {
    for await (const chunk of byteStream(file)) {
      yield decoder.decode(chunk, { stream: true });
      offset += chunk.length;
    }
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) {
      throw new InputError(`${displayName} is not valid UTF-8 (in the block starting at byte ${offset})`, {
        hint: "save the file as UTF-8",
        cause: error,
      });
    }
    throw readError(error, source);
  }
}

function readError(error: unknown, source: SourceInfo): Error {
  const { displayName } = source;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT")
    return new InputError(`${source.what} not found: ${displayName}`, { hint: source.missingHint, cause: error });
  if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") {
    return new InputError(`${displayName} is not a valid gzip file`, { cause: error });
  }
  return new InputError(`cannot read ${displayName}: ${(error as Error).message}`, { cause: error });
}

/** RFC 4180: quoted fields, "" escapes, newlines inside quotes, CRLF or LF line ends. Record 0 is the header. */
async function* delimited(file: string, delimiter: string, source: SourceInfo): AsyncGenerator<RawRecord> {
  const { displayName } = source;
  let cells: (string | null)[] = [];
  let field = "";
  let inQuotes = false;
  let fieldWasQuoted = false; // so that "" is an empty string and an empty unquoted field is null
  let justClosedQuote = false; // a '"' right after a closing quote is an escaped quote, even across chunks
  let skipLineFeed = false; // the previous chunk ended in the '\r' of a CRLF
  let record = 0;
  let line = 1;
  let recordStartLine = 1;
  const endField = (): void => {
    cells.push(field === "" && !fieldWasQuoted ? null : field);
    field = "";
    fieldWasQuoted = false;
    justClosedQuote = false;
  };
  for await (const text of decodedText(file, source)) {
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (char === "\n") continue;
      }
      if (inQuotes) {
        if (char === '"') {
          inQuotes = false;
          justClosedQuote = true;
        } else {
          if (char === "\n") line++;
          field += char;
        }
      } else if (char === '"' && justClosedQuote) {
        field += '"';
        inQuotes = true;
        justClosedQuote = false;
      } else if (char === delimiter) {
        endField();
      } else if (char === "\n" || char === "\r") {
        skipLineFeed = char === "\r";
        line++;
        endField();
        // Blank lines are skipped, as pandas and DuckDB do.
        if (!(cells.length === 1 && cells[0] === null)) yield { cells, record: record++ };
        cells = [];
        recordStartLine = line;
      } else if (char === '"' && field === "" && !fieldWasQuoted) {
        inQuotes = true;
        fieldWasQuoted = true;
      } else if (justClosedQuote) {
        throw new InputError(`${displayName}:${line}: unexpected text after a closing quote`, {
          hint: 'inside a quoted field, write a quote as two quotes ("")',
        });
      } else {
        field += char;
      }
    }
  }
  if (inQuotes) {
    throw new InputError(`${displayName}:${recordStartLine}: a quoted field is never closed (unterminated quote)`, {
      hint: "check this record for a missing closing quote",
    });
  }
  if (field !== "" || fieldWasQuoted || cells.length > 0) {
    endField();
    yield { cells, record };
  }
}

/** JSON Lines: one object per line; the first object's keys are the columns. */
async function* jsonLines(file: string, source: SourceInfo): AsyncGenerator<RawRecord> {
  const { displayName } = source;
  let buffer = "";
  let line = 0;
  let columns: string[] | undefined;
  let record = 0;
  const parse = (text: string): RawRecord | undefined => {
    line++;
    if (text.trim() === "") return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${displayName}:${line}: not valid JSON (${(error as Error).message})`, {
        hint: "each line of a JSON Lines file is one JSON object",
      });
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new InputError(`${displayName}:${line}: expected a JSON object on each line`);
    }
    const object = value as Record<string, unknown>;
    columns ??= Object.keys(object);
    const cells = columns.map((key) => cellText(object[key]));
    return { cells, record: record++ };
  };
  for await (const text of decodedText(file, source)) {
    buffer += text;
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const parsed = parse(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      if (!parsed) continue;
      // The header record (0) is synthesised from the first object's keys.
      if (parsed.record === 0) yield { cells: columns ?? [], record: 0, keys: columns ?? [] };
      yield { ...parsed, record: parsed.record + 1 };
    }
  }
  const last = parse(buffer);
  if (last) {
    if (last.record === 0) yield { cells: columns ?? [], record: 0, keys: columns ?? [] };
    yield { ...last, record: last.record + 1 };
  }
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith("..") ? file : relative;
}
