import type { MonitorConfig } from "../config/schema/index.ts";
import type { EpochUnit } from "./windows.ts";

/** Which columns of a prediction log the monitor reads, from monitor.logs and monitor.slices. */

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

/** The layout monitor.logs and monitor.slices describe. */
export function logLayout(monitor: MonitorConfig): LogLayout {
  const logs = monitor.logs;
  return {
    timestamp: logs.timestamp,
    unit: logs.timestamp_unit,
    prediction: logs.prediction,
    score: logs.score,
    scorePrefix: logs.score_prefix,
    id: logs.id,
    latency: logs.latency,
    features: logs.features ?? null,
    slices: monitor.slices,
  };
}

/**
 * The columns every log file needs by the config alone (the timestamp, prediction, score, id, latency, declared
 * features and slices; per-class probabilities are matched by prefix): what a batch-scoring output is checked for.
 */
export function declaredColumns(layout: LogLayout): string[] {
  const named = [
    layout.timestamp,
    ...(layout.features ?? []),
    layout.prediction,
    layout.score,
    layout.id,
    layout.latency,
  ];
  return [...new Set([...named, ...layout.slices].filter((column): column is string => column !== undefined))];
}
