import { computeMetrics, resolvePositiveLabel, type SliceMetrics, sliceMetrics } from "../evaluate/evaluate.ts";
import { internColumn } from "../evaluate/coded.ts";
import type { Predictions } from "../evaluate/predictions.ts";
import type { MetricValues } from "../evaluate/metrics.ts";
import type { WindowRows } from "./window-rows.ts";

/**
 * Realised metrics of a window: the gate's own metric code (src/evaluate/) on the rows whose labels joined, so a
 * realised value and the gate's on the same rows are one number. Per slice too.
 */

export interface RealisedMetrics {
  /** Rows the metrics are computed on (those with a label). */
  rows: number;
  metrics: MetricValues;
  /** Metrics undefined on these rows, with why. */
  undefined: Record<string, string>;
  slices: SliceMetrics[];
  warnings: string[];
}

export function realisedMetrics(
  task: "classification" | "regression",
  rows: WindowRows,
  labels: readonly (string | null)[],
  positiveLabel: string | number | boolean | undefined,
): RealisedMetrics {
  const labelled: number[] = [];
  labels.forEach((label, i) => {
    if (label !== null) labelled.push(i);
  });
  const table = predictionsOf(
    task,
    rows.pick(labelled),
    labelled.map((i) => labels[i] ?? ""),
  );
  const warnings: string[] = [];
  // A row without a valid score (empty, or not a probability) leaves the metrics that need scores undefined rather
  // than computed on a guess; the others are computed on every labelled row.
  const invalid = countNaN(table.scores) + (table.probabilities?.columns.reduce((n, c) => n + countNaN(c), 0) ?? 0);
  if (invalid > 0) {
    warnings.push(`${invalid} score value(s) are empty or not probabilities, so metrics that need scores are left out`);
    table.scores = null;
    table.probabilities = null;
  }
  if (task === "regression") {
    const labelsNaN = countNaN(table.actual);
    const predictionsNaN = countNaN(table.predicted);
    if (labelsNaN + predictionsNaN > 0) {
      const usable = [...labelled.keys()].filter(
        (i) => Number.isFinite(table.actual?.[i] ?? Number.NaN) && Number.isFinite(table.predicted?.[i] ?? Number.NaN),
      );
      // Counted in rows (a row whose label and prediction are both unusable is one row left out), then by cause.
      warnings.push(
        `${labelled.length - usable.length} labelled row(s) left out of the realised metrics: ${labelsNaN} label(s) and ${predictionsNaN} prediction(s) are not numbers`,
      );
      return finish(task, table, undefined, usable, warnings);
    }
  }
  const positive = task === "classification" ? resolvePositiveLabel(positiveLabel, table.labels.classes) : undefined;
  return finish(task, table, positive, undefined, warnings);
}

function finish(
  task: "classification" | "regression",
  table: Predictions,
  positive: string | undefined,
  usable: number[] | undefined,
  warnings: string[],
): RealisedMetrics {
  const overall = computeMetrics(task, table, positive, usable);
  return {
    rows: usable?.length ?? table.rows,
    metrics: overall.metrics,
    undefined: overall.undefined,
    slices: sliceMetrics(task, table, positive, usable),
    warnings: [...warnings, ...overall.warnings],
  };
}

function predictionsOf(task: "classification" | "regression", rows: WindowRows, labels: string[]): Predictions {
  const regression = task === "regression";
  return {
    source: "the window's labelled predictions",
    rows: rows.count,
    labels: internColumn(labels),
    predictions: internColumn(rows.predictions),
    actual: regression ? Float64Array.from(labels, numberOf) : null,
    predicted: regression ? Float64Array.from(rows.predictions, numberOf) : null,
    scores: regression ? null : rows.scores,
    probabilities: regression ? null : rows.probabilities,
    ids: null,
    slices: new Map([...rows.slices].map(([column, values]) => [column, internColumn(values)])),
  };
}

function numberOf(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

function countNaN(values: Float64Array | null): number {
  let count = 0;
  for (const value of values ?? []) if (!Number.isFinite(value)) count++;
  return count;
}
