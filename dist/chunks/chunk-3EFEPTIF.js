import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DelimitedReader,
  MORE,
  RECORD,
  cellText,
  fileReader,
  gzipReader,
  isGzip,
  jsonLines,
  openParquet,
  utf8
} from "./chunk-Z7WWPMG5.js";
import {
  DataReadError,
  InputError,
  isErrnoException
} from "./chunk-XOZC47AQ.js";

// src/data/table.ts
import { existsSync } from "node:fs";

// src/data/regular-file.ts
import { statSync } from "node:fs";
function refuseIrregularFile(file, shown) {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return;
  }
  if (stats.isFile()) return;
  const kind = stats.isDirectory() ? "a folder" : stats.isFIFO() ? "a FIFO" : stats.isCharacterDevice() ? "a character device" : stats.isBlockDevice() ? "a block device" : stats.isSocket() ? "a socket" : "not a file";
  throw new InputError(`${shown} is not a regular file (it is ${kind})`, {
    hint: "point the config at a regular file; copy a stream or a device into one first"
  });
}

// src/data/table.ts
function formatOf(file, configured = "auto") {
  if (configured === "csv" || configured === "tsv" || configured === "jsonl" || configured === "parquet")
    return configured;
  const name = file.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".tsv") || name.endsWith(".tab")) return "tsv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".csv") || name.endsWith(".txt")) return "csv";
  if (name.endsWith(".parquet") || name.endsWith(".pq")) return "parquet";
  throw new InputError(`cannot tell the format of ${file} from its extension`, {
    hint: "name it .csv, .tsv, .jsonl (optionally .gz) or .parquet, or set data.format"
  });
}
async function openTable(file, format, options = {}) {
  const shown = options.displayName ?? file;
  if (!existsSync(file)) {
    throw new InputError(`${options.what ?? "data file"} not found: ${shown}`, {
      hint: options.missingHint ?? "paths are relative to the folder of mlops.yml"
    });
  }
  refuseIrregularFile(file, shown);
  if (format === "parquet") {
    const source = await openParquet(file, shown).catch((error) => {
      throw explainReadError(error, shown, () => null);
    });
    checkHeader(source.columns, shown);
    return {
      file,
      columns: source.columns,
      // hyparquet opens the file for each slice it reads: nothing stays open between them.
      close: () => void 0,
      rows: (async function* () {
        let record = 0;
        try {
          for await (const group of source.rowGroups()) for (const cells of group) yield { cells, record: ++record };
        } catch (error) {
          throw explainReadError(error, shown, (r) => r + 1);
        }
      })()
    };
  }
  const opened = isGzip(file) ? gzipReader(file) : fileReader(file, 0);
  let closed = false;
  const reader = {
    ...opened,
    close: () => {
      if (closed) return;
      closed = true;
      opened.close();
    }
  };
  const delimited = format === "jsonl" ? null : wholeFileReader(reader, shown, format);
  const records = delimited === null ? jsonRecords(reader, shown) : recordsOf(delimited);
  const iterator = records[Symbol.asyncIterator]();
  const first = await nextOrExplain(iterator, shown);
  const given = format === "jsonl" ? void 0 : options.columns;
  if (first.done && given === void 0) {
    reader.close();
    throw new InputError(`${shown} is empty`, { hint: "a table needs a header row and data rows" });
  }
  if (given !== void 0 && !first.done && first.value.cells.length !== given.length) {
    reader.close();
    throw new InputError(
      `${shown} has ${first.value.cells.length} fields in its first row, but data.schema.columns lists ${given.length} columns (data.header is false, so they name the file's columns in order)`,
      { hint: "list every column of the file, and only those, under data.schema.columns, in their order in the file" }
    );
  }
  const columns = given !== void 0 ? [...given] : first.done ? [] : first.value.names ?? first.value.cells.map((cell, i) => (cell ?? "").trim() || `column_${i + 1}`);
  checkHeader(columns, shown);
  const shift = given === void 0 ? 0 : 1;
  const held = given === void 0 || first.done ? null : first.value;
  const rows = (async function* () {
    try {
      if (held) yield { cells: held.cells, record: held.record + shift };
      for (; ; ) {
        const next = await nextOrExplain(iterator, shown);
        if (next.done) return;
        yield { cells: next.value.cells, record: next.value.record + shift };
      }
    } finally {
      reader.close();
    }
  })();
  if (delimited === null || held !== null) return { file, columns, rows, close: reader.close };
  const spans = async (visit) => {
    try {
      for (; ; ) {
        const got = delimited.next();
        if (got === MORE) await delimited.fill();
        else if (got !== RECORD || !visit(delimited)) return;
      }
    } catch (error) {
      throw explainReadError(error, shown, (record) => record + 1);
    } finally {
      reader.close();
    }
  };
  return { file, columns, rows, spans, close: reader.close };
}
function checkHeader(columns, shown) {
  const seen = /* @__PURE__ */ new Map();
  for (const [index, name] of columns.entries()) {
    const earlier = seen.get(name);
    if (earlier !== void 0) {
      throw new InputError(
        `${shown}: column "${name}" appears twice in the header (columns ${earlier + 1} and ${index + 1})`,
        { hint: "column names must be unique" }
      );
    }
    seen.set(name, index);
  }
}
async function nextOrExplain(iterator, shown) {
  try {
    return await iterator.next();
  } catch (error) {
    throw explainReadError(error, shown, (record) => record + 1);
  }
}
function explainReadError(error, shown, rowOf) {
  if (error instanceof DataReadError) {
    const row = error.record === null ? null : rowOf(error.record);
    const where = row === null ? `byte ${error.byteOffset}` : `row ${row}, byte ${error.byteOffset}`;
    return new InputError(`${shown}: ${error.detail} (${where})`, {
      ...error.hint ? { hint: error.hint } : {},
      cause: error
    });
  }
  if (error instanceof InputError) return error;
  const code = error.code;
  if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR" || code === "ERR_ZLIB_INITIALIZATION_FAILED")
    return new InputError(`${shown} is not a valid gzip file`, { cause: error });
  if (isErrnoException(error, "ENOENT")) return new InputError(`data file not found: ${shown}`, { cause: error });
  if (isErrnoException(error)) return new InputError(`cannot read ${shown}: ${error.message}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}
function wholeFileReader(reader, shown, format, buffer) {
  return new DelimitedReader({
    reader,
    ...buffer ? { buffer } : {},
    file: shown,
    offset: 0,
    delimiter: format === "tsv" ? 9 : 44,
    align: false,
    stopAt: Infinity,
    atFileStart: true
  });
}
async function* delimitedRecords(reader, shown, format, buffer) {
  yield* recordsOf(wholeFileReader(reader, shown, format, buffer));
}
async function* recordsOf(delimited) {
  let record = 0;
  for (; ; ) {
    const got = delimited.next();
    if (got === MORE) {
      await delimited.fill();
      continue;
    }
    if (got !== RECORD) return;
    const { buffer, starts, ends, quoted } = delimited;
    const cells = [];
    for (let i = 0; i < delimited.fieldCount; i++) {
      const start = starts[i];
      const end = ends[i];
      cells.push(start === end && quoted[i] === 0 ? null : utf8(buffer, start, end));
    }
    yield { cells, record: record++ };
  }
}
async function* jsonRecords(reader, shown) {
  let columns;
  let record = 0;
  for await (const { object } of jsonLines(reader, shown)) {
    if (!columns) {
      columns = Object.keys(object);
      yield { cells: [...columns], record: record++, names: columns };
    }
    yield { cells: columns.map((key) => cellText(object[key])), record: record++ };
  }
}

export {
  refuseIrregularFile,
  formatOf,
  openTable,
  checkHeader,
  explainReadError,
  wholeFileReader,
  delimitedRecords,
  jsonRecords
};
