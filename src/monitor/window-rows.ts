import { resolvePositiveLabel } from "../evaluate/evaluate.ts";
import type { CbpeScores } from "./cbpe.ts";
import { parsed, parseNumber } from "../data/values.ts";
import { ByteStrings, cellOf, type FieldSpans, interned } from "./delimited-spans.ts";
import { cellColumns, openCellFiles } from "./window-files.ts";
import { RowIds } from "./row-ids.ts";
import type { LogLayout } from "./log-layout.ts";
import type { SpoolColumns, SpooledWindow } from "./spool.ts";

/**
 * A window's logged predictions in memory, read back from its spool file: the prediction, scores, request ids,
 * latencies and slice values of each row (the features are measured from the profile instead). One window at a time,
 * so memory is bounded by the largest window.
 */

export interface WindowRows {
  count: number;
  predictions: string[];
  /** The positive-class score per row (monitor.logs.score); NaN where it is empty or not a probability. */
  scores: Float64Array | null;
  /** Per-class probabilities (monitor.logs.score_prefix): classes as the column names give them. */
  probabilities: { classes: string[]; columns: Float64Array[] } | null;
  /** The request ids (decoded when asked for); null when the log has none. */
  readonly ids: string[] | null;
  /** The request ids as bytes, indexed for the label join; null when the log has none. */
  readonly rowIds: RowIds | null;
  /** Rows whose id an earlier row of the window had. */
  readonly duplicateIds: number;
  latency: { values: Float64Array; invalid: number } | null;
  slices: Map<string, string[]>;
  /** The rows at `indices`, as a window of their own (a slice). */
  pick(indices: readonly number[]): WindowRows;
  /**
   * The scores as CBPE reads them, or why they cannot be: `classes` are the classes the model knows (from the
   * training data's label column), which name the negative class when every row is predicted positive.
   */
  cbpeScores(
    positive: string | number | boolean | undefined,
    classes: readonly string[],
  ): { scores: CbpeScores } | { none: string };
}

export async function readWindowRows(
  window: Pick<SpooledWindow, "cells" | "rows">,
  columns: SpoolColumns,
  layout: LogLayout,
): Promise<WindowRows> {
  // The spool wrote these cells beside the window's CSV: read as byte spans, numbers parsed in place.
  const cellNames = cellColumns(layout, columns.probabilities);
  const file = await openCellFiles(window.cells, cellNames.length);
  const reader = file.spans;
  const at = (column: string | undefined): number => (column === undefined ? -1 : cellNames.indexOf(column));
  const predictionAt = at(layout.prediction);
  const scoreAt = at(layout.score);
  const probabilityAts = columns.probabilities.map((c) => at(c));
  const idAt = at(layout.id);
  const latencyAt = at(layout.latency);
  const sliceAts = layout.slices.map((c) => [c, at(c)] as const);
  const predictions: string[] = [];
  // The spool counted the window's rows: each column of numbers is one array of that length from the start, neither
  // grown nor copied, so a window leaves no blocks or half-filled arrays behind for the collector.
  const doubles = (): RowDoubles => new RowDoubles(window.rows);
  const scores = scoreAt >= 0 ? doubles() : null;
  const probabilities = probabilityAts.map(doubles);
  const ids = idAt >= 0 ? new RowIds(window.rows) : null;
  const latencies = latencyAt >= 0 ? doubles() : null;
  let invalidLatency = 0;
  const slices = new Map<string, string[]>(layout.slices.map((c) => [c, []]));
  // Predictions repeat a few values: one string each, not one per row.
  const labels = new Map<string, string>();
  const classes = new ByteStrings(labels);
  try {
    while (await file.more()) {
      while (file.next()) {
        predictions.push(classes.of(reader, predictionAt));
        if (scores) scores.add(probability(reader, scoreAt));
        for (let c = 0; c < probabilityAts.length; c++)
          probabilities[c]?.add(probability(reader, probabilityAts[c] ?? -1));
        if (ids) {
          if (idAt < reader.fieldCount) ids.add(reader.buffer, reader.starts[idAt]!, reader.ends[idAt]!);
          else ids.add(reader.buffer, 0, 0);
        }
        if (latencies) {
          const value = numberAt(reader, latencyAt);
          if (Number.isFinite(value) && value >= 0) latencies.add(value);
          else invalidLatency++;
        }
        for (const [column, index] of sliceAts)
          slices.get(column)?.push(interned(labels, cellOf(reader, index) ?? "(empty)"));
      }
    }
  } finally {
    await file.close();
  }
  const joined = (values: RowDoubles): Float64Array => values.result();
  return windowRows({
    predictions,
    scores: scores ? joined(scores) : null,
    probabilities:
      layout.scorePrefix === undefined
        ? null
        : {
            classes: columns.probabilities.map((c) => c.slice(layout.scorePrefix?.length ?? 0)),
            columns: probabilities.map(joined),
          },
    ids,
    latency: latencies ? { values: joined(latencies), invalid: invalidLatency } : null,
    slices,
  });
}

/** Doubles in an array sized for the window's rows; one more row than the spool counted grows it (it never should). */
class RowDoubles {
  private values: Float64Array;
  private count = 0;

  constructor(rows: number) {
    this.values = new Float64Array(rows);
  }

  add(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(Math.max(1024, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }

  /** The values added, in order (a view when fewer came than there is room for: latencies left out as invalid). */
  result(): Float64Array {
    return this.count === this.values.length ? this.values : this.values.subarray(0, this.count);
  }
}

/** Number(cell) of a cell (NaN when it is missing), parsed in place when it is a plain decimal number. */
function numberAt(reader: FieldSpans, index: number): number {
  if (index >= 0 && index < reader.fieldCount) {
    const start = reader.starts[index]!;
    const end = reader.ends[index]!;
    if (start < end && parseNumber(reader.buffer, start, end) && Number.isFinite(parsed.value)) return parsed.value;
  }
  return Number(cellOf(reader, index) ?? Number.NaN);
}

function probability(reader: FieldSpans, index: number): number {
  if (index >= 0 && index < reader.fieldCount) {
    const start = reader.starts[index]!;
    const end = reader.ends[index]!;
    if (start < end && parseNumber(reader.buffer, start, end) && Number.isFinite(parsed.value))
      return parsed.value >= 0 && parsed.value <= 1 ? parsed.value : Number.NaN;
  }
  const cell = cellOf(reader, index);
  if (cell === null || cell.trim() === "") return Number.NaN;
  const value = Number(cell);
  return value >= 0 && value <= 1 ? value : Number.NaN;
}

interface Parts {
  predictions: string[];
  scores: Float64Array | null;
  probabilities: WindowRows["probabilities"];
  /** The ids, or how to make them when they are first asked for. */
  ids: RowIds | null | (() => RowIds | null);
  latency: WindowRows["latency"];
  slices: Map<string, string[]>;
}

function windowRows(parts: Parts): WindowRows {
  let ids: string[] | null | undefined;
  let rowIds: RowIds | null | undefined = typeof parts.ids === "function" ? undefined : parts.ids;
  const idsOf = (): RowIds | null => (rowIds ??= typeof parts.ids === "function" ? parts.ids() : parts.ids);
  const rows: WindowRows = {
    predictions: parts.predictions,
    scores: parts.scores,
    probabilities: parts.probabilities,
    latency: parts.latency,
    slices: parts.slices,
    count: parts.predictions.length,
    get rowIds() {
      return idsOf();
    },
    get ids() {
      const index = idsOf();
      ids ??= index ? Array.from({ length: index.count }, (_, i) => index.text(i)) : null;
      return ids;
    },
    get duplicateIds() {
      return idsOf()?.duplicates ?? 0;
    },
    pick: (indices) => {
      // A plain loop: Float64Array.from with a mapping function calls it per row, several times slower.
      const take = (values: Float64Array): Float64Array => {
        const out = new Float64Array(indices.length);
        for (let k = 0; k < indices.length; k++) out[k] = values[indices[k]!] ?? Number.NaN;
        return out;
      };
      // The slice's ids are made only if something asks for them (realised metrics and CBPE do not).
      const picked = (): RowIds | null => {
        const index = idsOf();
        if (!index) return null;
        const out = new RowIds();
        for (const i of indices) out.addText(i < index.count ? index.text(i) : "");
        return out;
      };
      return windowRows({
        predictions: indices.map((i) => parts.predictions[i] ?? ""),
        scores: parts.scores ? take(parts.scores) : null,
        probabilities: parts.probabilities
          ? { classes: parts.probabilities.classes, columns: parts.probabilities.columns.map(take) }
          : null,
        ids: parts.ids === null ? null : picked,
        latency: null,
        slices: new Map([...parts.slices].map(([column, values]) => [column, indices.map((i) => values[i] ?? "")])),
      });
    },
    cbpeScores: (positive, classes) => cbpeScores(rows, positive, classes),
  };
  return rows;
}

function cbpeScores(
  rows: WindowRows,
  configured: string | number | boolean | undefined,
  known: readonly string[],
): { scores: CbpeScores } | { none: string } {
  if (rows.probabilities) {
    const invalid = countInvalid(rows.probabilities.columns);
    if (invalid > 0) return { none: `${invalid} row(s) have a class probability that is empty or not in [0, 1]` };
    return { scores: { kind: "multiclass", probabilities: rows.probabilities } };
  }
  if (!rows.scores) return { none: "the log has no scores (monitor.logs.score or score_prefix)" };
  const invalid = countInvalid([rows.scores]);
  if (invalid > 0) return { none: `${invalid} row(s) have a score that is empty or not in [0, 1]` };
  const classes = [...new Set([...known, ...rows.predictions])];
  const positive = resolvePositiveLabel(configured, classes);
  if (positive === undefined) {
    return { none: `the positive class is unknown among ${classes.join(", ")}: set model.positive_label` };
  }
  const negatives = classes.filter((c) => c !== positive);
  if (negatives.length !== 1) {
    return {
      none:
        negatives.length === 0
          ? "every row is predicted positive and the training data names no other class"
          : `a score column is for two classes, and the predictions have ${classes.length}: use score_prefix`,
    };
  }
  return { scores: { kind: "binary", positive, negative: negatives[0] ?? "", scores: rows.scores } };
}

function countInvalid(columns: readonly Float64Array[]): number {
  let invalid = 0;
  for (const column of columns) for (const value of column) if (Number.isNaN(value)) invalid++;
  return invalid;
}
