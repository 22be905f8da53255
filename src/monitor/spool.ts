import { mkdir } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import type { LogLayout } from "./log-layout.ts";
import { formatOf } from "../data/table.ts";
import { SAMPLE_ROWS, TypeSample } from "../data/type-sample.ts";
import type { SourceFile } from "../data/sources.ts";
import { isBlankLog, type LogRows, openLogRows } from "./log-rows.ts";
import { cellColumns, csvField, WindowBuffer } from "./window-files.ts";
import { dateCache } from "./zulu-bytes.ts";
import {
  isoUtc,
  parseTimestamp,
  SKIPPED_EXAMPLES,
  type SkippedRow,
  type TimeWindow,
  windowOf,
  type WindowSize,
} from "./windows.ts";

/**
 * The first pass of a monitoring run: reads the prediction logs once, as a stream, and writes each row's logged
 * columns to a CSV file of its window (the "spool"), so every window is then measured from its own file with the
 * validate stage's reader (the same profile, rules and drift code as `mlops validate`), and memory never holds more
 * than the rows of one write buffer. Rows whose timestamp cannot be read or lies after the run's time are counted,
 * with a few examples, never thrown: one bad line must not hide a day.
 */

/** The columns of a prediction log the monitor reads (monitor.logs, with features resolved). */
export interface SpooledWindow {
  window: TimeWindow;
  rows: number;
  /**
   * The window's rows as CSV, each file with the spool header first: one file, or one per thread that spooled some
   * of the logs (spool-threads.ts), whose rows follow one another in the logs' order.
   */
  files: string[];
  /** The cells of the window's rows the monitor reads itself (cellColumns' order, window-files.ts), file by file. */
  cells: string[];
  /** The log files that had rows in the window, as messages name them. */
  sources: string[];
  /**
   * The types of the window's first rows, sampled as they were written, for the window's profile (PlanHints); null
   * when no thread's sample is the window's first rows (the profile then samples the files itself).
   */
  sample: TypeSample | null;
}

export interface SpoolColumns {
  /** The spool's header: the timestamp, the features, the prediction and scores, id, latency, slices, in the order of the first log's columns. */
  header: string[];
  features: string[];
  /** The per-class probability columns (score_prefix), as the log names them. */
  probabilities: string[];
}

export interface Spool {
  columns: SpoolColumns;
  /** By window key, oldest first. */
  windows: Map<string, SpooledWindow>;
  unparseable: { count: number; examples: (SkippedRow & { file: string })[] };
  future: { count: number; examples: (SkippedRow & { file: string })[] };
  /**
   * Each file read: its rows, the windows it had rows in, how many rows were stamped after the run's time but
   * within two days of it (a clock ahead, a run before the day's end; further off is a wrong timestamp, not early),
   * and how many fell in the open window (the one holding the run's time, not ended yet), which are not spooled: a
   * window is measured once it has ended, so a daily run never judges the first hours of its own day.
   */
  files: { shown: string; rows: number; windows: string[]; soon: number; open: number }[];
  /** The log files that held nothing (0 bytes, white space only), read as 0 rows: a file just rotated in. */
  blank: string[];
}

export interface SpoolOptions {
  format: string;
  layout: LogLayout;
  size: WindowSize;
  now: number;
  /** Where the window files go (created), and their cell files to `${dir}-cells`. */
  dir: string;
  /** The columns the training-data profile has, for the default features; null when there is no profile. */
  known: ReadonlySet<string> | null;
  /** The label column of the training data, never a feature. */
  target: string | undefined;
  /** Rows of windows this returns false for are read but not spooled (an incremental run re-reading an old file). */
  keep?: (window: TimeWindow) => boolean;
  /**
   * Whether a file's unreadable and future rows count in this spool's totals (default: all): not for a file read
   * again for a few windows (it was counted when it was new), nor in a matrix leg for a file another leg counts.
   */
  countSkipped?: (shown: string) => boolean;
}

/** How far after the run's time a row counts as early rather than wrongly stamped. */
const SOON_MS = 2 * 86_400_000;

/** Bytes a window's buffer holds before it is appended to its file (its cells: a quarter of that). */
const FLUSH_BYTES = 1 << 20;
const CELL_FLUSH_BYTES = FLUSH_BYTES >> 2;

/**
 * Spools `files` into their windows' files. With `into`, adds to an earlier spool of the same run (its columns and
 * window files), as a run does when it reads known files again for the windows it computes.
 */
export async function spoolLogs(files: readonly SourceFile[], options: SpoolOptions, into?: Spool): Promise<Spool> {
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

/** The windows by key, oldest first (Spool.windows' order). */
export function oldestFirst(windows: Map<string, SpooledWindow>): Map<string, SpooledWindow> {
  return new Map([...windows].sort(([, a], [, b]) => a.window.start - b.window.start));
}

/** A spool with nothing in it yet; its columns empty until the first file names them. */
export function emptySpool(columns: SpoolColumns): Spool {
  return {
    columns,
    windows: new Map(),
    unparseable: { count: 0, examples: [] },
    future: { count: 0, examples: [] },
    files: [],
    blank: [],
  };
}

/**
 * The spool's columns as the first log that is not blank gives them: its header read, no row; empty when every one
 * is blank.
 */
export async function logColumns(files: readonly SourceFile[], options: SpoolOptions): Promise<SpoolColumns> {
  let file: SourceFile | undefined;
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

async function spoolFile(file: SourceFile, rows: LogRows, options: SpoolOptions, spool: Spool): Promise<void> {
  if (spool.columns.header.length === 0) spool.columns = spoolColumns(rows.columns, file.shown, options);
  const at = spool.columns.header.map((column) => {
    const index = rows.columns.indexOf(column);
    if (index < 0) throw missingColumn(file.shown, column, rows.columns, spool.columns, options.layout);
    return index;
  });
  const timestampAt = at[spool.columns.header.indexOf(options.layout.timestamp)] ?? 0;
  // Every cell column is in the header (its missing column was refused just above).
  const cellsAt = cellColumns(options.layout, spool.columns.probabilities).map(
    (column) => at[spool.columns.header.indexOf(column)] ?? -1,
  );
  const read = { shown: file.shown, rows: 0, windows: new Set<string>(), soon: 0, open: 0 };
  const openFrom = windowOf(options.now, options.size).start;
  const counted = options.countSkipped?.(file.shown) ?? true;
  const buffers = new Map<string, WindowBuffers>();
  const dates = dateCache();
  // Rows come in time order, mostly: the window of the row before is checked first.
  let current: { window: TimeWindow; spooled: SpooledWindow | undefined; out: WindowBuffers | null } | null = null;
  const skip = (into: Spool["unparseable"], value: string | null, reason: string): void => {
    if (!counted) return;
    into.count++;
    if (into.examples.length < SKIPPED_EXAMPLES)
      into.examples.push({ file: file.shown, row: rows.record, value: value ?? "", reason });
  };
  while (rows.nextHere() ?? (await rows.next())) {
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
      const spooled = out ? spool.windows.get(window.key) : undefined;
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

function addSource(spooled: SpooledWindow, shown: string): void {
  if (spooled.sources.at(-1) !== shown && !spooled.sources.includes(shown)) spooled.sources.push(shown);
}

/** A window's buffers: its CSV rows and its cells. */
interface WindowBuffers {
  rows: WindowBuffer;
  cells: WindowBuffer;
}

function cellsDir(dir: string): string {
  return `${dir}-cells`;
}

/** The buffers of a window's files, creating the window's entry (and its CSV header line) the first time. */
function windowBuffer(
  window: TimeWindow,
  spool: Spool,
  buffers: Map<string, WindowBuffers>,
  dir: string,
): WindowBuffers {
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
  // Rows read again for a window go after all of its rows: to its last file.
  buffer = {
    rows: new WindowBuffer(spooled.files.at(-1) ?? "", FLUSH_BYTES + (64 << 10)),
    cells: new WindowBuffer(spooled.cells.at(-1) ?? "", CELL_FLUSH_BYTES + (16 << 10)),
  };
  if (fresh) buffer.rows.text(`${spool.columns.header.map(csvField).join(",")}\n`);
  buffers.set(window.key, buffer);
  return buffer;
}

/** The spool's columns from the first log's header: what the layout names, and the features. */
function spoolColumns(columns: readonly string[], shown: string, options: SpoolOptions): SpoolColumns {
  const { layout } = options;
  const probabilities =
    layout.scorePrefix === undefined ? [] : columns.filter((c) => c.startsWith(layout.scorePrefix ?? ""));
  if (layout.scorePrefix !== undefined && probabilities.length === 0) {
    throw new InputError(`${shown} has no columns starting with "${layout.scorePrefix}" (monitor.logs.score_prefix)`, {
      hint: `its columns are: ${columns.join(", ")}`,
    });
  }
  const named = [layout.prediction, layout.score, layout.id, layout.latency].filter(
    (c): c is string => c !== undefined,
  );
  // A slice column (country) may well be a feature too; the prediction, scores, id and latency never are.
  const taken = new Set([layout.timestamp, ...named, ...probabilities]);
  const features =
    layout.features !== null
      ? [...layout.features]
      : columns.filter(
          (c) => !taken.has(c) && c !== options.target && (options.known === null || options.known.has(c)),
        );
  // In the log's order, so a row the spool keeps whole is copied as it is (a column the log lacks goes last, to fail).
  const order = (column: string): number => {
    const index = columns.indexOf(column);
    return index < 0 ? Infinity : index;
  };
  const header = [...new Set([layout.timestamp, ...features, ...named, ...probabilities, ...layout.slices])].sort(
    (a, b) => order(a) - order(b),
  );
  return { header, features, probabilities };
}

function missingColumn(
  shown: string,
  column: string,
  columns: readonly string[],
  spool: SpoolColumns,
  layout: LogLayout,
): InputError {
  const field =
    column === layout.timestamp
      ? "monitor.logs.timestamp"
      : column === layout.prediction
        ? "monitor.logs.prediction"
        : column === layout.score
          ? "monitor.logs.score"
          : column === layout.id
            ? "monitor.logs.id"
            : column === layout.latency
              ? "monitor.logs.latency"
              : layout.slices.includes(column)
                ? "monitor.slices"
                : spool.probabilities.includes(column)
                  ? "monitor.logs.score_prefix (another log file has it)"
                  : layout.features
                    ? "monitor.logs.features"
                    : "a feature another log file has";
  return new InputError(`${shown} has no "${column}" column (${field})`, {
    hint: `its columns are: ${columns.join(", ")}; every log file needs the columns the monitor reads`,
  });
}
