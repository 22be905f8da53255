import { primaryMetricOf } from "../config/metrics.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import { binaryCurves, type Curves, regressionCurves } from "../evaluate/curves.ts";
import type { SliceMetrics } from "../evaluate/evaluate.ts";
import type { Predictions } from "../evaluate/predictions.ts";
import { withDescendingOrder } from "../evaluate/ranking.ts";
import type { Baseline, RuleOutcome } from "./rules.ts";
import { flagsPerRow } from "./significance/paired-data.ts";

/**
 * What the gate report draws (docs/reports.md), kept in the gate result so a trusted job renders it without reading
 * any predictions: the candidate's curves (from the evaluate stage), the baseline's from its stored predictions, and
 * per slice column the primary metric by slice value, each with its interval (slice-intervals.ts adds them).
 */

/** More slice values than this are not drawn: the largest are, and the rest are counted. */
export const MAX_SLICE_BARS = 20;

export interface GateCharts {
  candidate: Curves | null;
  baseline: Curves | null;
  /** Why the baseline has no curves, when the candidate has some and the baseline none. */
  baselineMissing: string | null;
  slices: SliceBars[];
}

export interface SliceBar {
  value: string;
  rows: number;
  candidate: number | null;
  baseline: number | null;
  /** Why the candidate's value is missing ("only one class is present in the labels"). */
  undefinedBecause: string | null;
  /**
   * The paired interval of candidate minus baseline: a slice rule's on this metric with bootstrap significance, else
   * the report's own where both models' predictions are on the same rows.
   */
  interval: ChangeInterval | null;
  /** The interval of the candidate's value in the slice, drawn as the bar's error bar. Absent in older results. */
  candidateInterval?: ValueInterval | null;
  /** Why the candidate has no interval, in words ("one row: nothing to resample"). Absent in older results. */
  candidateIntervalMissing?: string | null;
  /** Why the change has no interval when both models' rows are paired. Absent in older results. */
  changeIntervalMissing?: string | null;
}

export interface ChangeInterval {
  low: number;
  high: number;
  level: number;
  relative: boolean;
  /** Absent in older results. */
  resamples?: number;
  /** A slice rule's significance test, or computed for the report. Absent in older results (always a rule's). */
  source?: "rule" | "report";
}

export interface ValueInterval {
  low: number;
  high: number;
  level: number;
  /**
   * Wilson's score interval (a proportion), DeLong's (binary ROC AUC), the normal interval of a mean over rows (a mean
   * loss), or the percentile bootstrap of the slice's rows.
   */
  method: "wilson" | "delong" | "normal" | "bootstrap";
  /** The bootstrap's resamples; null for the closed forms. */
  resamples: number | null;
  /** An end fell outside the metric's range ([0, 1] for ROC AUC, >= 0 for a loss) and was moved to it. */
  clamped?: boolean;
}

export interface SliceBars {
  metric: string;
  column: string;
  /** The largest slices, most rows first (ties by value). */
  bars: SliceBar[];
  /** Slices left out, and their rows. */
  omitted: { slices: number; rows: number };
  /** Why no bar has a paired interval of the change (no baseline, rows not paired). Absent in older results. */
  unpaired?: string | null;
}

/** The baseline's curves from its predictions, on the candidate's task and positive label. */
export function curvesOfPredictions(
  task: "classification" | "regression",
  table: Predictions,
  positiveLabel: string | undefined,
): Curves | null {
  if (task === "regression") {
    return table.actual && table.predicted ? regressionCurves(table.actual, table.predicted) : null;
  }
  const scores =
    table.scores ??
    (table.probabilities && positiveLabel !== undefined && table.probabilities.classes.length === 2
      ? (table.probabilities.columns[table.probabilities.classes.indexOf(positiveLabel)] ?? null)
      : null);
  if (!scores || positiveLabel === undefined) return null;
  const positiveCode = table.labels.classes.indexOf(positiveLabel);
  const codes = table.labels.codes;
  const positive = flagsPerRow(codes.length, (i) => codes[i] === positiveCode);
  return withDescendingOrder(scores, (ranked) => binaryCurves(ranked, positive));
}

/** Per slice column, the primary metric of the largest slices, with the baseline's value and the paired interval. */
export function sliceBars(
  config: MlopsConfig,
  slices: readonly SliceMetrics[],
  baseline: Baseline | null,
  outcomes: readonly RuleOutcome[],
): SliceBars[] {
  const metric = primaryMetricOf(config);
  if (metric === null || slices.length === 0) return [];
  const columns = [...new Set(slices.map((s) => s.column))];
  return columns.map((column) => {
    const all = slices
      .filter((s) => s.column === column)
      .sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const shown = all.slice(0, MAX_SLICE_BARS);
    const left = all.slice(MAX_SLICE_BARS);
    return {
      metric,
      column,
      bars: shown.map((s) => {
        const outcome = outcomes.find(
          (o) =>
            o.metric === metric &&
            o.slice?.column === column &&
            o.slice.value === s.value &&
            o.significance?.status === "applied" &&
            o.significance.test === "bootstrap",
        );
        const significance = outcome?.significance;
        return {
          value: s.value,
          rows: s.rows,
          candidate: s.metrics[metric] ?? null,
          baseline: baseline?.slices.find((b) => b.column === column && b.value === s.value)?.metrics[metric] ?? null,
          undefinedBecause: s.undefinedMetrics?.[metric] ?? null,
          interval:
            significance?.status === "applied" && significance.test === "bootstrap"
              ? {
                  low: significance.low,
                  high: significance.high,
                  level: significance.level,
                  relative: outcome?.relative ?? false,
                  resamples: significance.resamples,
                  source: "rule" as const,
                }
              : null,
        };
      }),
      omitted: { slices: left.length, rows: left.reduce((sum, s) => sum + s.rows, 0) },
    };
  });
}
