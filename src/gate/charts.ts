import type { MlopsConfig } from "../config/schema/index.ts";
import { binaryCurves, type Curves, regressionCurves } from "../evaluate/curves.ts";
import type { SliceMetrics } from "../evaluate/evaluate.ts";
import type { Predictions } from "../evaluate/predictions.ts";
import { descendingOrder } from "../evaluate/ranking.ts";
import type { Baseline, RuleOutcome } from "./rules.ts";

/**
 * What the gate report draws (docs/reports.md), kept in the gate result so a trusted job renders it without reading
 * any predictions: the candidate's curves (from the evaluate stage), the baseline's from its stored predictions, and
 * per slice column the primary metric by slice value with the paired interval of its change where the gate has one.
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
  /** The paired interval of candidate minus baseline, from a slice rule on this metric with significance. */
  interval: { low: number; high: number; level: number; relative: boolean } | null;
}

export interface SliceBars {
  metric: string;
  column: string;
  /** The largest slices, most rows first (ties by value). */
  bars: SliceBar[];
  /** Slices left out, and their rows. */
  omitted: { slices: number; rows: number };
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
  const positive = Uint8Array.from(table.labels, (label) => (label === positiveLabel ? 1 : 0));
  return binaryCurves(descendingOrder(scores), scores, positive);
}

/** The gate's primary metric (gate.primary_metric, else the first rule's), or null without rules. */
function primaryMetricOf(config: MlopsConfig): string | null {
  return config.gate?.primary_metric ?? config.gate?.rules[0]?.metric ?? null;
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
                }
              : null,
        };
      }),
      omitted: { slices: left.length, rows: left.reduce((sum, s) => sum + s.rows, 0) },
    };
  });
}
