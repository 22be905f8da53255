import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  builtinMetric,
  perClassMetric
} from "./chunk-KIGM2236.js";

// src/config/window-metrics.ts
var WINDOW_MEASURES = {
  rows: { direction: "higher", description: "predictions logged in the window" },
  drift_share: { direction: "lower", description: "share of the features that drifted from the training data" },
  drifted_features: { direction: "lower", description: "features that drifted from the training data" },
  prediction_drift: {
    direction: "lower",
    description: "share of the prediction and score columns that drifted from the version's evaluation predictions"
  },
  quality_errors: { direction: "lower", description: "broken data.schema rules of severity error" },
  quality_warnings: { direction: "lower", description: "broken data.schema rules of severity warn" },
  duplicate_ids: { direction: "lower", description: "request ids logged more than once in the window" },
  latency_p50: { direction: "lower", description: "median latency (ms)" },
  latency_p90: { direction: "lower", description: "90th percentile of latency (ms)" },
  latency_p95: { direction: "lower", description: "95th percentile of latency (ms)" },
  latency_p99: { direction: "lower", description: "99th percentile of latency (ms)" },
  labelled_share: { direction: "higher", description: "share of the window's predictions whose label joined" }
};
var LATENCY_PERCENTILES = [50, 90, 95, 99];
var ESTIMATED_PREFIX = "estimated_";
function windowMetricKind(name) {
  if (name in WINDOW_MEASURES) {
    const measure = name;
    return { kind: "measure", name: measure, direction: WINDOW_MEASURES[measure].direction };
  }
  const estimated = name.startsWith(ESTIMATED_PREFIX);
  const metric = estimated ? name.slice(ESTIMATED_PREFIX.length) : name;
  const builtin = builtinMetric(metric);
  const perClass = perClassMetric(metric);
  const direction = builtin?.direction ?? (perClass ? "higher" : void 0);
  if (direction === void 0) return void 0;
  return { kind: estimated ? "estimated" : "realised", metric, direction };
}
var MEASURE_NAMES = Object.keys(WINDOW_MEASURES);
function monitorMetrics(config) {
  if (config.monitor?.metrics) return [...config.monitor.metrics];
  const fromRules = (config.monitor?.rules ?? []).flatMap((rule) => {
    const kind = windowMetricKind(rule.metric);
    return kind && kind.kind !== "measure" ? [kind.metric] : [];
  });
  const fromGate = (config.gate?.rules ?? []).map((rule) => rule.metric).filter((m) => builtinMetric(m) || perClassMetric(m));
  return [...new Set(fromRules.length > 0 ? fromRules : fromGate)];
}

export {
  WINDOW_MEASURES,
  LATENCY_PERCENTILES,
  ESTIMATED_PREFIX,
  windowMetricKind,
  MEASURE_NAMES,
  monitorMetrics
};
