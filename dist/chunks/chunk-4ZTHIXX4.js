import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  SKIPPED_EXAMPLES,
  cellOf,
  isoUtc,
  openDelimitedSpans,
  parseTimestamp,
  windowOf
} from "./chunk-IYKSYI5H.js";
import {
  SAMPLE_ROWS,
  TypeSample
} from "./chunk-G6IL24PE.js";
import {
  startWorkerThread
} from "./chunk-N6JR4UVL.js";
import {
  formatOf,
  openTable
} from "./chunk-3EFEPTIF.js";
import {
  isGzip
} from "./chunk-Z7WWPMG5.js";
import {
  InputError
} from "./chunk-XOZC47AQ.js";

// src/monitor/spool.ts
import { mkdir } from "node:fs/promises";
import path from "node:path";

// src/monitor/log-rows.ts
import { open as openFile, readFile, stat } from "node:fs/promises";
import { gunzipSync } from "node:zlib";

// src/monitor/window-files.ts
import { appendFile, open } from "node:fs/promises";
function cellColumns(layout, probabilities) {
  const named = [layout.prediction, layout.score, ...probabilities, layout.id, layout.latency, ...layout.slices];
  return [...new Set(named.filter((c) => c !== void 0))];
}
function csvField(value) {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
var LONG = 255;
var SHORT_CELL = 32;
var WindowBuffer = class {
  constructor(file, size) {
    this.file = file;
    this.bytes = Buffer.allocUnsafe(size);
  }
  file;
  bytes;
  length = 0;
  room(more) {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
  copy(source, start, end) {
    this.room(end - start);
    this.length += source.copy(this.bytes, this.length, start, end);
  }
  byte(value) {
    this.room(1);
    this.bytes[this.length++] = value;
  }
  text(value) {
    this.room(value.length * 3);
    this.length += this.bytes.write(value, this.length);
  }
  /** One cell of a cell file: source[start, end) (empty: missing). */
  cell(source, start, end) {
    const length = end - start;
    this.lengthOf(length);
    if (length > SHORT_CELL) {
      this.copy(source, start, end);
      return;
    }
    this.room(length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = start; i < end; i++) bytes[at++] = source[i];
    this.length = at;
  }
  /** One cell of a cell file, given as text (null and "" are both missing, as in the CSV). */
  cellText(value) {
    if (value === null || value === "") {
      this.lengthOf(0);
      return;
    }
    const bytes = Buffer.from(value);
    this.cell(bytes, 0, bytes.length);
  }
  lengthOf(length) {
    this.room(5);
    if (length < LONG) {
      this.bytes[this.length++] = length;
      return;
    }
    this.bytes[this.length++] = LONG;
    this.length = this.bytes.writeUInt32LE(length, this.length);
  }
  async flush() {
    if (this.length === 0) return;
    await appendFile(this.file, this.bytes.subarray(0, this.length));
    this.length = 0;
  }
};
var READ_BYTES = 1 << 20;
async function openCellFiles(files, count) {
  let index = 0;
  let current = await openCellFile(files[0] ?? "", count);
  let open2 = true;
  const spans = current.spans;
  const close = async () => {
    if (open2) await current.close();
    open2 = false;
  };
  return {
    spans,
    async more() {
      for (; ; ) {
        if (!open2) return false;
        if (await current.more()) return true;
        await close();
        if (++index >= files.length) return false;
        current = await openCellFile(files[index] ?? "", count, spans);
        open2 = true;
      }
    },
    next: () => open2 && current.next(),
    close
  };
}
async function openCellFile(file, count, into) {
  const handle = await open(file, "r");
  const spans = into ?? {
    buffer: Buffer.allocUnsafe(READ_BYTES),
    starts: new Int32Array(count),
    ends: new Int32Array(count),
    quoted: new Uint8Array(count),
    fieldCount: count
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
        let length = buffer[p++];
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
    close: () => handle.close()
  };
}

// src/monitor/zulu-bytes.ts
var digit = (bytes, at) => {
  const value = (bytes[at] ?? 0) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};
function isoZuluMs(bytes, start, end, dates) {
  const length = end - start;
  if (length < 20 || bytes[start + 10] !== 84 || bytes[end - 1] !== 90) return Number.NaN;
  if (bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return Number.NaN;
  if (!sameDate(bytes, start, dates.bytes) || Number.isNaN(dates.midnight)) {
    const parsed = parseTimestamp(bytes.toString("latin1", start, start + 10), "seconds");
    if ("unparseable" in parsed || !/^\d{4}-\d{2}-\d{2}$/.test(bytes.toString("latin1", start, start + 10)))
      return Number.NaN;
    bytes.copy(dates.bytes, 0, start, start + 10);
    dates.midnight = parsed.ms;
  }
  const hours = digit(bytes, start + 11) * 10 + digit(bytes, start + 12);
  const minutes = digit(bytes, start + 14) * 10 + digit(bytes, start + 15);
  const seconds = digit(bytes, start + 17) * 10 + digit(bytes, start + 18);
  if (!(hours <= 23 && minutes <= 59 && seconds <= 60)) return Number.NaN;
  let millis = 0;
  if (length > 20) {
    if (bytes[start + 19] !== 46 && bytes[start + 19] !== 44 || length < 22) return Number.NaN;
    for (let at = start + 20, scale = 100; at < end - 1; at++, scale /= 10) {
      const value = digit(bytes, at);
      if (Number.isNaN(value)) return Number.NaN;
      if (scale >= 1) millis += value * scale;
    }
  }
  const ms = dates.midnight + hours * 36e5 + minutes * 6e4 + seconds * 1e3 + millis;
  return ms < END_OF_RANGE ? ms : Number.NaN;
}
function sameDate(bytes, start, date) {
  for (let i = 0; i < 10; i++) if (bytes[start + i] !== date[i]) return false;
  return true;
}
var END_OF_RANGE = 2534023008e5;
function dateCache() {
  return { bytes: Buffer.alloc(10), midnight: Number.NaN };
}

// src/monitor/log-rows.ts
var COMMA = 44;
var NEWLINE = 10;
async function looksLikeJsonLines(file) {
  let handle;
  try {
    handle = await openFile(file, "r");
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "");
    return text.trimStart().startsWith("{");
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
var BLANK_BYTES = 4096;
async function isBlankLog(file) {
  const { size } = await stat(file.path);
  if (size === 0) return true;
  if (size > BLANK_BYTES) return false;
  const bytes = await readFile(file.path);
  let text;
  try {
    text = isGzip(file.path) ? gunzipSync(bytes) : bytes;
  } catch {
    return false;
  }
  return text.length <= BLANK_BYTES && /^\s*$/.test(text.toString("latin1"));
}
async function openLogRows(file, format) {
  const open2 = { what: "prediction log", missingHint: "check monitor.logs.path" };
  if (format === "csv" || format === "tsv") {
    let spans;
    try {
      spans = await openDelimitedSpans(file.path, format, { ...open2, shown: file.shown });
    } catch (error) {
      throw await looksLikeJsonLines(file.path) && error instanceof InputError ? new InputError(error.message, {
        hint: `${file.shown} starts with "{", as JSON Lines do: set monitor.logs.format: jsonl, or name the files .jsonl`,
        cause: error
      }) : error;
    }
    return delimitedRows(spans, format);
  }
  const table = await openTable(file.path, format, { ...open2, displayName: file.shown });
  const iterator = table.rows[Symbol.asyncIterator]();
  let row = null;
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
    nextHere: () => void 0,
    cell: (index) => row?.cells[index] ?? null,
    utcMs: () => Number.NaN,
    write(out, at) {
      out.text(`${at.map((index) => csvField(row?.cells[index] ?? null)).join(",")}
`);
    },
    writeCells(out, at) {
      for (const index of at) out.cellText(row?.cells[index] ?? null);
    },
    sample: (into, header, at) => into.add(
      header,
      at.map((index) => row?.cells[index] ?? null)
    ),
    // The file, whether or not a row was read (a reader never started runs no `finally` of its own).
    close: () => table.close()
  };
}
function delimitedRows(spans, format) {
  const { reader, columns } = spans;
  let whole = null;
  return {
    columns,
    get record() {
      return spans.record;
    },
    next: () => spans.next(),
    nextHere: () => spans.nextHere(),
    cell: (index) => cellOf(reader, index),
    utcMs: (index, dates) => index < reader.fieldCount ? isoZuluMs(reader.buffer, reader.starts[index] ?? 0, reader.ends[index] ?? 0, dates) : Number.NaN,
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
      const { buffer, starts, ends, fieldCount } = reader;
      for (const index of at) {
        if (index < fieldCount) out.cell(buffer, starts[index] ?? 0, ends[index] ?? 0);
        else out.cellText(null);
      }
    },
    sample: (into, header, at) => into.addSpans(header, at, reader.buffer, reader.starts, reader.ends, reader.fieldCount),
    close: () => spans.close()
  };
}
function anyQuoted(quoted, count) {
  for (let i = 0; i < count; i++) if (quoted[i] !== 0) return true;
  return false;
}

// src/monitor/spool.ts
var SOON_MS = 2 * 864e5;
var FLUSH_BYTES = 1 << 20;
var CELL_FLUSH_BYTES = FLUSH_BYTES >> 2;
async function spoolLogs(files, options, into) {
  await mkdir(options.dir, { recursive: true });
  await mkdir(cellsDir(options.dir), { recursive: true });
  const spool = into ?? emptySpool({ header: [], features: [], probabilities: [] });
  for (const file of files) {
    if (await isBlankLog(file)) {
      spool.blank.push(file.shown);
      spool.files.push({ shown: file.shown, rows: 0, windows: [], soon: 0, open: 0 });
      continue;
    }
    const rows = await openLogRows(file, formatOf(file.path, options.format));
    try {
      await spoolFile(file, rows, options, spool);
    } finally {
      rows.close();
    }
  }
  spool.windows = oldestFirst(spool.windows);
  return spool;
}
function oldestFirst(windows) {
  return new Map([...windows].sort(([, a], [, b]) => a.window.start - b.window.start));
}
function emptySpool(columns) {
  return {
    columns,
    windows: /* @__PURE__ */ new Map(),
    unparseable: { count: 0, examples: [] },
    future: { count: 0, examples: [] },
    files: [],
    blank: []
  };
}
async function logColumns(files, options) {
  let file;
  for (const candidate of files) {
    if (await isBlankLog(candidate)) continue;
    file = candidate;
    break;
  }
  if (!file) return { header: [], features: [], probabilities: [] };
  const rows = await openLogRows(file, formatOf(file.path, options.format));
  try {
    return spoolColumns(rows.columns, file.shown, options);
  } finally {
    rows.close();
  }
}
async function spoolFile(file, rows, options, spool) {
  if (spool.columns.header.length === 0) spool.columns = spoolColumns(rows.columns, file.shown, options);
  const at = spool.columns.header.map((column) => {
    const index = rows.columns.indexOf(column);
    if (index < 0) throw missingColumn(file.shown, column, rows.columns, spool.columns, options.layout);
    return index;
  });
  const timestampAt = at[spool.columns.header.indexOf(options.layout.timestamp)] ?? 0;
  const cellsAt = cellColumns(options.layout, spool.columns.probabilities).map(
    (column) => at[spool.columns.header.indexOf(column)] ?? -1
  );
  const read = { shown: file.shown, rows: 0, windows: /* @__PURE__ */ new Set(), soon: 0, open: 0 };
  const openFrom = windowOf(options.now, options.size).start;
  const counted = options.countSkipped?.(file.shown) ?? true;
  const buffers = /* @__PURE__ */ new Map();
  const dates = dateCache();
  let current = null;
  const skip = (into, value, reason) => {
    if (!counted) return;
    into.count++;
    if (into.examples.length < SKIPPED_EXAMPLES)
      into.examples.push({ file: file.shown, row: rows.record, value: value ?? "", reason });
  };
  while (rows.nextHere() ?? await rows.next()) {
    read.rows++;
    let ms = rows.utcMs(timestampAt, dates);
    if (Number.isNaN(ms)) {
      const value = rows.cell(timestampAt);
      const parsed = parseTimestamp(value, options.layout.unit);
      if ("unparseable" in parsed) {
        skip(spool.unparseable, value, parsed.unparseable);
        continue;
      }
      ms = parsed.ms;
    }
    if (ms > options.now) {
      if (ms < options.now + SOON_MS) read.soon++;
      skip(spool.future, rows.cell(timestampAt), `it is after the run's time, ${isoUtc(options.now)}`);
      continue;
    }
    if (ms >= openFrom) {
      read.open++;
      continue;
    }
    if (!current || ms < current.window.start || ms >= current.window.end) {
      const window = windowOf(ms, options.size);
      read.windows.add(window.key);
      const out = !options.keep || options.keep(window) ? windowBuffer(window, spool, buffers, options.dir) : null;
      const spooled = out ? spool.windows.get(window.key) : void 0;
      if (spooled) addSource(spooled, file.shown);
      current = { window, spooled, out };
    }
    if (!current.out || !current.spooled) continue;
    current.spooled.rows++;
    const sample = current.spooled.sample;
    if (sample && sample.rows < SAMPLE_ROWS) rows.sample(sample, spool.columns.header, at);
    rows.write(current.out.rows, at);
    rows.writeCells(current.out.cells, cellsAt);
    if (current.out.rows.length >= FLUSH_BYTES || current.out.cells.length >= CELL_FLUSH_BYTES) {
      await current.out.rows.flush();
      await current.out.cells.flush();
    }
  }
  for (const buffer of buffers.values()) {
    await buffer.rows.flush();
    await buffer.cells.flush();
  }
  spool.files.push({ ...read, windows: [...read.windows].sort() });
}
function addSource(spooled, shown) {
  if (spooled.sources.at(-1) !== shown && !spooled.sources.includes(shown)) spooled.sources.push(shown);
}
function cellsDir(dir) {
  return `${dir}-cells`;
}
function windowBuffer(window, spool, buffers, dir) {
  let buffer = buffers.get(window.key);
  if (buffer) return buffer;
  let spooled = spool.windows.get(window.key);
  const fresh = !spooled;
  if (!spooled) {
    const file = path.join(dir, `${window.key}.csv`);
    const cells = path.join(cellsDir(dir), `${window.key}.cells`);
    spooled = { window, rows: 0, files: [file], cells: [cells], sources: [], sample: new TypeSample() };
    spool.windows.set(window.key, spooled);
  }
  buffer = {
    rows: new WindowBuffer(spooled.files.at(-1) ?? "", FLUSH_BYTES + (64 << 10)),
    cells: new WindowBuffer(spooled.cells.at(-1) ?? "", CELL_FLUSH_BYTES + (16 << 10))
  };
  if (fresh) buffer.rows.text(`${spool.columns.header.map(csvField).join(",")}
`);
  buffers.set(window.key, buffer);
  return buffer;
}
function spoolColumns(columns, shown, options) {
  const { layout } = options;
  const probabilities = layout.scorePrefix === void 0 ? [] : columns.filter((c) => c.startsWith(layout.scorePrefix ?? ""));
  if (layout.scorePrefix !== void 0 && probabilities.length === 0) {
    throw new InputError(`${shown} has no columns starting with "${layout.scorePrefix}" (monitor.logs.score_prefix)`, {
      hint: `its columns are: ${columns.join(", ")}`
    });
  }
  const named = [layout.prediction, layout.score, layout.id, layout.latency].filter(
    (c) => c !== void 0
  );
  const taken = /* @__PURE__ */ new Set([layout.timestamp, ...named, ...probabilities]);
  const features = layout.features !== null ? [...layout.features] : columns.filter(
    (c) => !taken.has(c) && c !== options.target && (options.known === null || options.known.has(c))
  );
  const order = (column) => {
    const index = columns.indexOf(column);
    return index < 0 ? Infinity : index;
  };
  const header = [.../* @__PURE__ */ new Set([layout.timestamp, ...features, ...named, ...probabilities, ...layout.slices])].sort(
    (a, b) => order(a) - order(b)
  );
  return { header, features, probabilities };
}
function missingColumn(shown, column, columns, spool, layout) {
  const field = column === layout.timestamp ? "monitor.logs.timestamp" : column === layout.prediction ? "monitor.logs.prediction" : column === layout.score ? "monitor.logs.score" : column === layout.id ? "monitor.logs.id" : column === layout.latency ? "monitor.logs.latency" : layout.slices.includes(column) ? "monitor.slices" : spool.probabilities.includes(column) ? "monitor.logs.score_prefix (another log file has it)" : layout.features ? "monitor.logs.features" : "a feature another log file has";
  return new InputError(`${shown} has no "${column}" column (${field})`, {
    hint: `its columns are: ${columns.join(", ")}; every log file needs the columns the monitor reads`
  });
}

// src/monitor/spool-threads.ts
import { stat as stat2 } from "node:fs/promises";
var PARALLEL_SPOOL_FROM = 32 << 20;
async function spoolOnThreads(files, options, cores, parallelFrom = PARALLEL_SPOOL_FROM) {
  if (cores < 2 || files.length < 2 || options.keep || options.countSkipped) return spoolLogs(files, options);
  const sizes = await Promise.all(files.map(async (file) => (await stat2(file.path)).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total < parallelFrom) return spoolLogs(files, options);
  let split = 1;
  for (let bytes = sizes[0] ?? 0; split < files.length - 1 && bytes + (sizes[split] ?? 0) / 2 < total / 2; split++)
    bytes += sizes[split] ?? 0;
  const columns = await logColumns(files, options);
  const second = files.slice(split);
  const job = { files: second, options: sendableOptions(options), columns };
  let worker;
  try {
    worker = startWorkerThread(
      { name: "spool-worker", source: new URL("./spool-worker.ts", import.meta.url), caller: import.meta.url },
      { workerData: job }
    );
  } catch {
    return spoolLogs(files, options);
  }
  try {
    const [spool, theirs] = await Promise.all([
      spoolLogs(files.slice(0, split), options, emptySpool(columns)),
      resultOf(worker)
    ]);
    return theirs ? joined(spool, received(theirs)) : await spoolLogs(second, options, spool);
  } finally {
    await worker.terminate();
  }
}
function sendableSpool(spool) {
  const windows = [...spool.windows.values()].map((w) => ({ ...w, sample: w.sample?.state() ?? null }));
  return { ...spool, windows };
}
function received(sent) {
  const windows = sent.windows.map((w) => [
    w.window.key,
    { ...w, sample: w.sample ? TypeSample.from(w.sample) : null }
  ]);
  return { ...sent, windows: new Map(windows) };
}
function sendableOptions(options) {
  const { format, layout, size, now, dir, known, target } = options;
  return { format, layout, size, now, dir: `${dir}-2`, known: known ? [...known] : null, target };
}
function resultOf(worker) {
  return new Promise((resolve) => {
    worker.once("message", (message) => resolve(message.spool ?? null));
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
}
function joined(first, later) {
  for (const [key, theirs] of later.windows) {
    const mine = first.windows.get(key);
    if (!mine) {
      first.windows.set(key, theirs);
      continue;
    }
    mine.files.push(...theirs.files);
    mine.cells.push(...theirs.cells);
    mine.rows += theirs.rows;
    for (const source of theirs.sources) if (!mine.sources.includes(source)) mine.sources.push(source);
    if (!mine.sample || mine.sample.rows < SAMPLE_ROWS) mine.sample = null;
  }
  first.windows = oldestFirst(first.windows);
  for (const kind of ["unparseable", "future"]) {
    first[kind].count += later[kind].count;
    first[kind].examples = [...first[kind].examples, ...later[kind].examples].slice(0, SKIPPED_EXAMPLES);
  }
  first.files.push(...later.files);
  first.blank.push(...later.blank);
  return first;
}

export {
  cellColumns,
  openCellFiles,
  dateCache,
  isBlankLog,
  openLogRows,
  spoolLogs,
  emptySpool,
  logColumns,
  spoolOnThreads,
  sendableSpool
};
