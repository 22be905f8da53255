import { builtinMetric, perClassMetric, type MetricDirection } from "./metrics.ts";
import type { MlopsConfig } from "./schema/index.ts";

/**
 * The names a monitor rule (and `mlops monitor history`) can use for a window's figures: the window's own
 * measurements, the gate's metrics realised once labels join, and their CBPE estimates as `estimated_<metric>`.
 */

export interface WindowMeasure {
  direction: MetricDirection;
  /** What it is, for docs and reports. */
  description: string;
}

export const WINDOW_MEASURES = {
  rows: { direction: "higher", description: "predictions logged in the window" },
  drift_share: { direction: "lower", description: "share of the features that drifted from the training data" },
  drifted_features: { direction: "lower", description: "features that drifted from the training data" },
  prediction_drift: {
    direction: "lower",
    description: "share of the prediction and score columns that drifted from the version's evaluation predictions",
  },
  quality_errors: { direction: "lower", description: "broken data.schema rules of severity error" },
  quality_warnings: { direction: "lower", description: "broken data.schema rules of severity warn" },
  duplicate_ids: { direction: "lower", description: "request ids logged more than once in the window" },
  latency_p50: { direction: "lower", description: "median latency (ms)" },
  latency_p90: { direction: "lower", description: "90th percentile of latency (ms)" },
  latency_p95: { direction: "lower", description: "95th percentile of latency (ms)" },
  latency_p99: { direction: "lower", description: "99th percentile of latency (ms)" },
  labelled_share: { direction: "higher", description: "share of the window's predictions whose label joined" },
} as const satisfies Record<string, WindowMeasure>;

export type WindowMeasureName = keyof typeof WINDOW_MEASURES;

/** The latency percentiles a window reports, as the `latency_p<n>` measures above. */
export const LATENCY_PERCENTILES = [50, 90, 95, 99] as const;

export const ESTIMATED_PREFIX = "estimated_";

/** What a metric name in a monitor rule means. */
export type WindowMetricKind =
  | { kind: "measure"; name: WindowMeasureName; direction: MetricDirection }
  /** A performance metric by the gate's name: realised (labels joined) or estimated (CBPE), of `metric`. */
  | { kind: "realised" | "estimated"; metric: string; direction: MetricDirection };

export function windowMetricKind(name: string): WindowMetricKind | undefined {
  if (name in WINDOW_MEASURES) {
    const measure = name as WindowMeasureName;
    return { kind: "measure", name: measure, direction: WINDOW_MEASURES[measure].direction };
  }
  const estimated = name.startsWith(ESTIMATED_PREFIX);
  const metric = estimated ? name.slice(ESTIMATED_PREFIX.length) : name;
  const builtin = builtinMetric(metric);
  const perClass = perClassMetric(metric);
  const direction = builtin?.direction ?? (perClass ? "higher" : undefined);
  if (direction === undefined) return undefined;
  return { kind: estimated ? "estimated" : "realised", metric, direction };
}

/** Every name {@link windowMetricKind} knows besides the gate's metrics, for suggestions. */
export const MEASURE_NAMES: readonly string[] = Object.keys(WINDOW_MEASURES);

/**
 * The performance metrics a window computes (realised, and estimated by CBPE): monitor.metrics, else every metric a
 * monitor rule names (`estimated_f1` names f1), else the gate rules' built-in metrics.
 */
export function monitorMetrics(config: MlopsConfig): string[] {
  if (config.monitor?.metrics) return [...config.monitor.metrics];
  const fromRules = (config.monitor?.rules ?? []).flatMap((rule) => {
    const kind = windowMetricKind(rule.metric);
    return kind && kind.kind !== "measure" ? [kind.metric] : [];
  });
  const fromGate = (config.gate?.rules ?? [])
    .map((rule) => rule.metric)
    .filter((m) => builtinMetric(m) || perClassMetric(m));
  return [...new Set(fromRules.length > 0 ? fromRules : fromGate)];
}
