import { InputError } from "../errors.ts";
import { formatOf, openTable, type TableFormat } from "../data/table.ts";
import { ByteStrings, openDelimitedSpans } from "./delimited-spans.ts";
import type { SourceFile } from "../data/sources.ts";
import type { RowIds } from "./row-ids.ts";
import { isoUtc, labelCompleteness, type TimeWindow } from "./windows.ts";

/**
 * Labels that arrive after the predictions (DOMAIN.md §7): files partitioned by the date they arrived, joined to a
 * window's predictions by request id. A window reads only the label files that can hold its labels: those that
 * arrived between its start and its end plus the label delay, so a run holds one window's ids at a time.
 */

const DAY = 86_400_000;

/** A label file with the day it arrived (from its path). */
export interface LabelFile {
  shown: string;
  /** Midnight UTC of the arrival date. */
  arrival: number;
}

/**
 * The arrival date a label file's path names: its first `YYYY-MM-DD` (`labels/2026-03-28.csv`,
 * `labels/date=2026-03-28/part-0.csv`) or `YYYY/MM/DD` (`labels/2026/03/28/part-0.csv`); undefined when it names none.
 */
export function arrivalDateOf(shown: string): number | undefined {
  const match = /(?:^|[^0-9])(\d{4})([-/])(\d{2})\2(\d{2})(?![0-9])/.exec(shown);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? ms
    : undefined;
}

/** Reads the arrival date of every label file; a path without one is a user error naming it. */
export function labelFiles(shown: readonly string[]): LabelFile[] {
  return shown.map((name) => {
    const arrival = arrivalDateOf(name);
    if (arrival === undefined) {
      throw new InputError(`cannot tell when the labels in ${name} arrived: its path names no date`, {
        hint: "partition label files by arrival date: labels/2026-03-28.csv or labels/date=2026-03-28/part-0.csv (monitor.labels.path)",
      });
    }
    return { shown: name, arrival };
  });
}

/**
 * Refuses a labels path that matches no file once some window's labels are all due (its end plus the delay has
 * passed): a typo would otherwise show every window as labelled by none and skip every realised rule. Before then,
 * a path that matches nothing yet is what a new deployment has.
 */
export function requireLabelFiles(
  found: number,
  pattern: string | readonly string[],
  windows: Iterable<TimeWindow>,
  delayMs: number,
  now: number,
): void {
  if (found > 0) return;
  let due: { window: TimeWindow; at: number } | null = null;
  for (const window of windows) {
    const { complete, completeAt } = labelCompleteness(window, delayMs, now);
    if (complete && (!due || window.start < due.window.start)) due = { window, at: completeAt };
  }
  if (!due) return;
  const shown = typeof pattern === "string" ? pattern : pattern.join(", ");
  throw new InputError(
    `no file matches ${shown} (monitor.labels.path), yet the labels of window ${due.window.key} were all due by ${isoUtc(due.at)}`,
    {
      hint:
        "check the pattern and where it is relative to (the folder of mlops.yml); a path that matches nothing is " +
        "accepted only until the first window's labels are due (its end plus monitor.labels.delay)",
    },
  );
}

/** The label files that can hold labels of `window`: those arriving in [start, end + delay). */
export function labelFilesFor<File extends LabelFile>(
  window: TimeWindow,
  files: readonly File[],
  delayMs: number,
): File[] {
  return files.filter((file) => file.arrival < window.end + delayMs && file.arrival + DAY > window.start);
}

export interface LabelColumns {
  format: string;
  id: string;
  label: string;
}

export interface JoinedLabels {
  /** Per row of the window, its label, or null when none joined. */
  labels: (string | null)[];
  joined: number;
  /** Label rows whose id was seen a second time in the files read (the first one counts). */
  duplicates: number;
  /** Label rows with an empty id or label. */
  empty: number;
}

/**
 * Joins the labels in `files` to a window's rows by id (`ids`, null when the log has none). Marks in `matched` (one array per
 * label file, by its label row) which labels found a prediction, so a run can count those that matched none.
 */
export async function joinLabels(
  ids: RowIds | null,
  rowCount: number,
  files: readonly SourceFile[],
  columns: LabelColumns,
  matched: Map<string, Uint8Array>,
): Promise<JoinedLabels> {
  const labels: (string | null)[] = new Array<string | null>(rowCount).fill(null);
  const result: JoinedLabels = { labels, joined: 0, duplicates: 0, empty: 0 };
  // Labels repeat a few values: one string each, not one per row, found by their bytes (no text decoded per row).
  const labelText = new ByteStrings(new Map());
  for (const file of files) {
    const rows = await openLabelRows(file, formatOf(file.path, columns.format));
    try {
      const idAt = rows.columns.indexOf(columns.id);
      const labelAt = rows.columns.indexOf(columns.label);
      for (const [at, column, field] of [
        [idAt, columns.id, "monitor.labels.id"],
        [labelAt, columns.label, "monitor.labels.label"],
      ] as const) {
        if (at < 0) {
          throw new InputError(`${file.shown} has no "${column}" column (${field})`, {
            hint: `its columns are: ${rows.columns.join(", ")}`,
          });
        }
      }
      let marks = matched.get(file.shown) ?? new Uint8Array(1024);
      let rowsRead = 0;
      while (rows.nextHere() ?? (await rows.next())) {
        const index = rowsRead++;
        if (index >= marks.length) {
          const grown = new Uint8Array(marks.length * 2);
          grown.set(marks);
          marks = grown;
        }
        if (rows.empty(idAt) || rows.empty(labelAt)) {
          result.empty++;
          marks[index] = 2;
          continue;
        }
        const at = ids === null ? undefined : rows.rowsOf(ids, idAt);
        if (at === undefined) continue;
        marks[index] = 1;
        // An id's rows get their label together: a labelled first row means the id was seen before.
        if (labels[typeof at === "number" ? at : (at[0] ?? 0)] !== null) {
          result.duplicates++;
          continue;
        }
        const label = rows.text(labelAt, labelText);
        if (typeof at === "number") {
          labels[at] = label;
          result.joined++;
        } else {
          for (const row of at) labels[row] = label;
          result.joined += at.length;
        }
      }
      matched.set(file.shown, marks.length === rowsRead ? marks : marks.subarray(0, Math.max(rowsRead, 0)));
    } finally {
      rows.close();
    }
  }
  return result;
}

/** A label file's rows: CSV and TSV read as byte spans (only the id and the label decoded), the rest through openTable. */
interface LabelRows {
  columns: string[];
  next(): Promise<boolean>;
  /** The next row without a promise when it is read already (see DelimitedSpans.nextHere); undefined: call next(). */
  nextHere(): boolean | undefined;
  /** The cell's text ("" when empty), one string per distinct value through `strings`. */
  text(index: number, strings: ByteStrings): string;
  /** Whether the cell is empty (null or ""), without decoding it. */
  empty(index: number): boolean;
  /** The window's rows whose id is the cell's, found by its bytes. */
  rowsOf(ids: RowIds, index: number): number | number[] | undefined;
  close(): void;
}

async function openLabelRows(file: SourceFile, format: TableFormat): Promise<LabelRows> {
  const open = { what: "label file", missingHint: "check monitor.labels.path" };
  if (format === "csv" || format === "tsv") {
    const spans = await openDelimitedSpans(file.path, format, { ...open, shown: file.shown });
    const { reader } = spans;
    return {
      columns: spans.columns,
      next: () => spans.next(),
      nextHere: () => spans.nextHere(),
      text: (index, strings) => strings.of(reader, index),
      empty: (index) => index >= reader.fieldCount || reader.starts[index] === reader.ends[index],
      rowsOf: (ids, index) => ids.rowsOf(reader.buffer, reader.starts[index] ?? 0, reader.ends[index] ?? 0),
      close: () => spans.close(),
    };
  }
  const table = await openTable(file.path, format, { ...open, displayName: file.shown });
  const iterator = table.rows[Symbol.asyncIterator]();
  let cells: (string | null)[] = [];
  return {
    columns: table.columns,
    async next() {
      const got = await iterator.next();
      cells = got.done ? [] : got.value.cells;
      return !got.done;
    },
    nextHere: () => undefined,
    text: (index, strings) => strings.text(cells[index] ?? ""),
    empty: (index) => (cells[index] ?? "") === "",
    rowsOf(ids, index) {
      const bytes = Buffer.from(cells[index] ?? "");
      return ids.rowsOf(bytes, 0, bytes.length);
    },
    // The file, whether or not a row was read (a reader never started runs no `finally` of its own).
    close: () => table.close(),
  };
}

/** How many label rows of the files read matched no window's prediction (rows with an empty id are counted apart). */
export function unmatchedLabels(matched: ReadonlyMap<string, Uint8Array>): { count: number; files: string[] } {
  let count = 0;
  const files: string[] = [];
  for (const [shown, marks] of matched) {
    let here = 0;
    for (const mark of marks) if (mark === 0) here++;
    if (here > 0) files.push(shown);
    count += here;
  }
  return { count, files };
}

/**
 * A label file's marks as a matrix leg hands them to the merge job: one bit per label row, set when the row matched a
 * prediction of the leg's windows (or had no id), base64. A label can match a window of another leg, so only the
 * merge, OR-ing every leg's bits, can tell which matched none.
 */
export interface PackedMarks {
  rows: number;
  bits: string;
}

export function packMarks(matched: ReadonlyMap<string, Uint8Array>): Record<string, PackedMarks> {
  const packed: Record<string, PackedMarks> = {};
  for (const [shown, marks] of matched) {
    const bits = new Uint8Array(Math.ceil(marks.length / 8));
    marks.forEach((mark, i) => {
      if (mark !== 0) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
    });
    packed[shown] = { rows: marks.length, bits: Buffer.from(bits).toString("base64") };
  }
  return packed;
}

/** The legs' marks OR-ed into one map of the kind {@link unmatchedLabels} counts. */
export function unpackMarks(legs: readonly Record<string, PackedMarks>[]): Map<string, Uint8Array> {
  const matched = new Map<string, Uint8Array>();
  for (const leg of legs) {
    for (const [shown, { rows, bits }] of Object.entries(leg)) {
      const bytes = Buffer.from(bits, "base64");
      const marks = matched.get(shown) ?? new Uint8Array(rows);
      for (let i = 0; i < Math.min(rows, marks.length); i++) if (((bytes[i >> 3] ?? 0) >> (i & 7)) & 1) marks[i] = 1;
      matched.set(shown, marks);
    }
  }
  return matched;
}
