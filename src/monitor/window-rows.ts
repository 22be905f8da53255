import { resolvePositiveLabel } from "../evaluate/evaluate.ts";
import type { CbpeScores } from "./cbpe.ts";
import { cellOf, openDelimitedSpans } from "./delimited-spans.ts";
import type { LogLayout, SpoolColumns } from "./spool.ts";

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
  ids: string[] | null;
  /** Each id's row, or rows when it was logged more than once. */
  rowsById: Map<string, number | number[]>;
  /** Rows whose id an earlier row of the window had. */
  duplicateIds: number;
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

export async function readWindowRows(file: string, columns: SpoolColumns, layout: LogLayout): Promise<WindowRows> {
  // The spool is CSV: its rows are read as byte spans, and only the cells kept here are decoded.
  const spans = await openDelimitedSpans(file, "csv", { shown: file, what: "window file" });
  const { reader } = spans;
  const at = (column: string | undefined): number => (column === undefined ? -1 : spans.columns.indexOf(column));
  const predictionAt = at(layout.prediction);
  const scoreAt = at(layout.score);
  const probabilityAts = columns.probabilities.map((c) => at(c));
  const idAt = at(layout.id);
  const latencyAt = at(layout.latency);
  const sliceAts = layout.slices.map((c) => [c, at(c)] as const);
  const predictions: string[] = [];
  const scores: number[] | null = scoreAt >= 0 ? [] : null;
  const probabilities: number[][] = probabilityAts.map(() => []);
  const ids: string[] | null = idAt >= 0 ? [] : null;
  const latencies: number[] | null = latencyAt >= 0 ? [] : null;
  let invalidLatency = 0;
  const slices = new Map<string, string[]>(layout.slices.map((c) => [c, []]));
  // Predictions repeat a few values: one string each, not one per row.
  const labels = new Map<string, string>();
  try {
    while (await spans.next()) {
      predictions.push(interned(labels, cellOf(reader, predictionAt) ?? ""));
      if (scores) scores.push(probability(cellOf(reader, scoreAt)));
      for (let c = 0; c < probabilityAts.length; c++)
        probabilities[c]?.push(probability(cellOf(reader, probabilityAts[c] ?? -1)));
      if (ids) ids.push(cellOf(reader, idAt) ?? "");
      if (latencies) {
        const cell = cellOf(reader, latencyAt);
        const value = Number(cell ?? Number.NaN);
        if (cell !== null && Number.isFinite(value) && value >= 0) latencies.push(value);
        else invalidLatency++;
      }
      for (const [column, index] of sliceAts)
        slices.get(column)?.push(interned(labels, cellOf(reader, index) ?? "(empty)"));
    }
  } finally {
    spans.close();
  }
  return windowRows({
    predictions,
    scores: scores ? Float64Array.from(scores) : null,
    probabilities:
      layout.scorePrefix === undefined
        ? null
        : {
            classes: columns.probabilities.map((c) => c.slice(layout.scorePrefix?.length ?? 0)),
            columns: probabilities.map((values) => Float64Array.from(values)),
          },
    ids,
    latency: latencies ? { values: Float64Array.from(latencies), invalid: invalidLatency } : null,
    slices,
  });
}

function interned(strings: Map<string, string>, value: string): string {
  const known = strings.get(value);
  if (known !== undefined) return known;
  if (strings.size < 10_000) strings.set(value, value);
  return value;
}

function probability(cell: string | null | undefined): number {
  if (cell === null || cell === undefined || cell.trim() === "") return Number.NaN;
  const value = Number(cell);
  return value >= 0 && value <= 1 ? value : Number.NaN;
}

type Parts = Pick<WindowRows, "predictions" | "scores" | "probabilities" | "ids" | "latency" | "slices">;

function windowRows(parts: Parts): WindowRows {
  const rowsById = new Map<string, number | number[]>();
  let duplicateIds = 0;
  parts.ids?.forEach((id, row) => {
    if (id === "") return;
    const earlier = rowsById.get(id);
    if (earlier === undefined) rowsById.set(id, row);
    else {
      duplicateIds++;
      rowsById.set(id, typeof earlier === "number" ? [earlier, row] : [...earlier, row]);
    }
  });
  const rows: WindowRows = {
    ...parts,
    count: parts.predictions.length,
    rowsById,
    duplicateIds,
    pick: (indices) => {
      const take = (values: Float64Array): Float64Array => Float64Array.from(indices, (i) => values[i] ?? Number.NaN);
      return windowRows({
        predictions: indices.map((i) => parts.predictions[i] ?? ""),
        scores: parts.scores ? take(parts.scores) : null,
        probabilities: parts.probabilities
          ? { classes: parts.probabilities.classes, columns: parts.probabilities.columns.map(take) }
          : null,
        ids: parts.ids ? indices.map((i) => parts.ids?.[i] ?? "") : null,
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
