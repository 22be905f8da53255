import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.ts";
import { formatOf, openTable } from "../data/table.ts";
import type { SourceFile } from "../data/sources.ts";
import {
  type EpochUnit,
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
export interface LogLayout {
  timestamp: string;
  unit: EpochUnit;
  prediction: string;
  score: string | undefined;
  scorePrefix: string | undefined;
  id: string | undefined;
  latency: string | undefined;
  /** The features to check and compare; null: every column the training profile has (`known`), else every other. */
  features: readonly string[] | null;
  slices: readonly string[];
}

export interface SpooledWindow {
  window: TimeWindow;
  rows: number;
  /** The window's rows as CSV, the spool header first. */
  file: string;
  /** The log files that had rows in the window, as messages name them. */
  sources: string[];
}

export interface SpoolColumns {
  /** The spool's header, in order: the timestamp, the features, the prediction and scores, id, latency, slices. */
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
  /** Each file read: its rows and the windows it had rows in. */
  files: { shown: string; rows: number; windows: string[] }[];
}

export interface SpoolOptions {
  format: string;
  layout: LogLayout;
  size: WindowSize;
  now: number;
  /** Where the window files go (created). */
  dir: string;
  /** The columns the training-data profile has, for the default features; null when there is no profile. */
  known: ReadonlySet<string> | null;
  /** The label column of the training data, never a feature. */
  target: string | undefined;
  /** Rows of windows this returns false for are read but not spooled (an incremental run re-reading an old file). */
  keep?: (window: TimeWindow) => boolean;
}

/** Bytes a window's buffer holds before it is appended to its file. */
const FLUSH_BYTES = 1 << 20;

/**
 * Spools `files` into their windows' files. With `into`, adds to an earlier spool of the same run (its columns and
 * window files), as a run does when it reads known files again for the windows it computes.
 */
export async function spoolLogs(files: readonly SourceFile[], options: SpoolOptions, into?: Spool): Promise<Spool> {
  await mkdir(options.dir, { recursive: true });
  const spool: Spool = into ?? {
    columns: { header: [], features: [], probabilities: [] },
    windows: new Map(),
    unparseable: { count: 0, examples: [] },
    future: { count: 0, examples: [] },
    files: [],
  };
  const buffers = new Map<string, { text: string[]; bytes: number }>();
  const flush = async (key: string): Promise<void> => {
    const buffer = buffers.get(key);
    const window = spool.windows.get(key);
    if (!buffer || !window || buffer.text.length === 0) return;
    await appendFile(window.file, buffer.text.join(""));
    buffer.text = [];
    buffer.bytes = 0;
  };
  for (const file of files) {
    const table = await openTable(file.path, formatOf(file.path, options.format), {
      displayName: file.shown,
      what: "prediction log",
      missingHint: "check monitor.logs.path",
    });
    if (spool.columns.header.length === 0) spool.columns = spoolColumns(table.columns, file.shown, options);
    const at = spool.columns.header.map((column) => {
      const index = table.columns.indexOf(column);
      if (index < 0) throw missingColumn(file.shown, column, table.columns, spool.columns, options.layout);
      return index;
    });
    const timestampAt = at[0] ?? 0;
    const read = { shown: file.shown, rows: 0, windows: new Set<string>() };
    for await (const row of table.rows) {
      read.rows++;
      const value = row.cells[timestampAt] ?? null;
      const parsed = parseTimestamp(value, options.layout.unit);
      const skip = (into: Spool["unparseable"], reason: string): void => {
        into.count++;
        if (into.examples.length < SKIPPED_EXAMPLES)
          into.examples.push({ file: file.shown, row: row.record, value: value ?? "", reason });
      };
      if ("unparseable" in parsed) {
        skip(spool.unparseable, parsed.unparseable);
        continue;
      }
      if (parsed.ms > options.now) {
        skip(spool.future, `it is after the run's time, ${isoUtc(options.now)}`);
        continue;
      }
      const window = windowOf(parsed.ms, options.size);
      read.windows.add(window.key);
      if (options.keep && !options.keep(window)) continue;
      let spooled = spool.windows.get(window.key);
      if (!spooled) {
        spooled = { window, rows: 0, file: path.join(options.dir, `${window.key}.csv`), sources: [] };
        spool.windows.set(window.key, spooled);
        buffers.set(window.key, { text: [`${spool.columns.header.map(csvField).join(",")}\n`], bytes: 0 });
      } else if (!buffers.has(window.key)) buffers.set(window.key, { text: [], bytes: 0 });
      spooled.rows++;
      if (spooled.sources.at(-1) !== file.shown && !spooled.sources.includes(file.shown))
        spooled.sources.push(file.shown);
      const line = `${at.map((index) => csvField(row.cells[index] ?? null)).join(",")}\n`;
      const buffer = buffers.get(window.key);
      if (!buffer) continue;
      buffer.text.push(line);
      buffer.bytes += line.length;
      if (buffer.bytes >= FLUSH_BYTES) await flush(window.key);
    }
    spool.files.push({ shown: read.shown, rows: read.rows, windows: [...read.windows].sort() });
  }
  for (const key of buffers.keys()) await flush(key);
  spool.windows = new Map([...spool.windows].sort(([, a], [, b]) => a.window.start - b.window.start));
  return spool;
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
  const header = unique([layout.timestamp, ...features, ...named, ...probabilities, ...layout.slices]);
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

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** One CSV field as RFC 4180 writes it; null and empty text are an empty field, which CSV readers read as null. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
