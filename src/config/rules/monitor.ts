import { checkCron } from "../cron.ts";
import { BUILTIN_METRICS, builtinMetric } from "../metrics.ts";
import type { MlopsConfig } from "../schema/index.ts";
import { closestMatch } from "../suggest.ts";
import { ESTIMATED_PREFIX, MEASURE_NAMES, type WindowMeasureName, windowMetricKind } from "../window-metrics.ts";
import { checkRuleBounds } from "./gate.ts";
import type { FieldPath, Report } from "./report.ts";

/** The monitor: labels it can join, rules that name a figure a window has, and a schedule that exists. */
export function checkMonitor(config: MlopsConfig, report: Report): void {
  const monitor = config.monitor;
  if (!monitor) return;
  const logs = monitor.logs;
  if (monitor.labels && logs.id === undefined) {
    report(
      "error",
      ["monitor", "labels"],
      "labels are joined to predictions by request id, and monitor.logs has no id column",
      "set monitor.logs.id to the column your serving code logs the request id in",
    );
  }
  if (logs.score !== undefined && logs.score_prefix !== undefined) {
    report(
      "error",
      ["monitor", "logs", "score_prefix"],
      "a log has either a score column (binary) or per-class probability columns (score_prefix), not both",
    );
  }
  if (config.model.task === "regression" && (logs.score !== undefined || logs.score_prefix !== undefined)) {
    report("warning", ["monitor", "logs", "score"], "a regression model has no class scores; they are not read");
  }
  const target = config.data?.target;
  if (target !== undefined && logs.features?.includes(target)) {
    report(
      "error",
      ["monitor", "logs", "features"],
      `"${target}" is data.target, the label: a prediction log has no label column`,
      "labels arrive later through monitor.labels",
    );
  }
  const prometheus = monitor.alerts.prometheus;
  if (prometheus && prometheus.pushgateway === undefined && prometheus.textfile === undefined) {
    report(
      "error",
      ["monitor", "alerts", "prometheus"],
      "the prometheus section says neither where to push nor where to write",
      "give it `pushgateway: http://host:9091` or `textfile: path/to/mlops.prom`, or both",
    );
  }
  const dispatching = monitor.rules.findIndex((rule) => rule.action === "retrain");
  if (dispatching >= 0 && !config.retrain) {
    report(
      "error",
      ["monitor", "rules", dispatching, "action"],
      "`action: retrain` runs mlops-retrain.yml, which mlops init writes only with a retrain section",
      'add `retrain: { schedule: "17 3 * * 1" }`, or remove the action',
    );
  }
  const cron = checkCron(monitor.schedule);
  if (!cron.ok) {
    report(
      "error",
      ["monitor", "schedule"],
      `invalid cron schedule "${monitor.schedule}": ${cron.error}`,
      'for example "17 4 * * *" is every day at 04:17 UTC',
    );
  }
  for (const metric of monitor.metrics ?? []) {
    if (!builtinMetric(metric) && windowMetricKind(metric)?.kind !== "realised") {
      report(
        "error",
        ["monitor", "metrics"],
        `"${metric}" is not a built-in metric`,
        suggestion(metric, Object.keys(BUILTIN_METRICS)),
      );
    }
  }
  monitor.rules.forEach((rule, index) => {
    const at: FieldPath = ["monitor", "rules", index];
    const kind = windowMetricKind(rule.metric);
    if (!kind) {
      report(
        "error",
        [...at, "metric"],
        `a window has no figure "${rule.metric}"`,
        suggestion(rule.metric, [...MEASURE_NAMES, ...Object.keys(BUILTIN_METRICS)]) ??
          `use ${MEASURE_NAMES.join(", ")}, a built-in metric, or estimated_<metric>`,
      );
      return;
    }
    checkRuleBounds(rule, at, report, kind.kind === "measure" ? MEASURE_BOUNDS[kind.name] : undefined);
    if (kind.kind === "estimated" && config.model.task === "regression") {
      // Said once: that the metric is also of the wrong task, or that the log has no scores, would not help.
      const realised = builtinMetric(kind.metric)?.task === "regression";
      report(
        "error",
        [...at, "metric"],
        `"${rule.metric}" is a CBPE estimate, which only a classifier's scores give, and model.task is regression`,
        realised
          ? `judge the realised "${kind.metric}" once labels join (monitor.labels), or the drift that comes before it`
          : "a regression model is judged on realised metrics (rmse, mae, ...) once labels join",
      );
    } else if (kind.kind !== "measure") {
      const task = builtinMetric(kind.metric)?.task;
      if (task !== undefined && task !== config.model.task) {
        report(
          "error",
          [...at, "metric"],
          `"${kind.metric}" is a ${task} metric but model.task is ${config.model.task}`,
        );
      }
      if (kind.kind === "realised" && !monitor.labels) {
        report(
          "error",
          [...at, "metric"],
          `a realised "${kind.metric}" needs labels`,
          `add monitor.labels, or judge the estimate: ${ESTIMATED_PREFIX}${kind.metric}`,
        );
      }
      if (
        kind.kind === "estimated" &&
        (config.model.task !== "classification" || (logs.score === undefined && logs.score_prefix === undefined))
      ) {
        report(
          "error",
          [...at, "metric"],
          "CBPE estimates a classifier's performance from its scores, and the log has none",
          "set monitor.logs.score (binary) or score_prefix (multiclass)",
        );
      }
    }
    const needs: Record<string, [string | undefined, string]> = {
      duplicate_ids: [logs.id, "monitor.logs.id"],
      labelled_share: [monitor.labels ? "labels" : undefined, "monitor.labels"],
    };
    const need = rule.metric.startsWith("latency_p") ? [logs.latency, "monitor.logs.latency"] : needs[rule.metric];
    if (need && need[0] === undefined) {
      report("error", [...at, "metric"], `"${rule.metric}" needs ${need[1]}, which is not set`);
    }
    if (rule.slice !== undefined && !monitor.slices.includes(rule.slice)) {
      report(
        "error",
        [...at, "slice"],
        `"${rule.slice}" is not one of monitor.slices`,
        "add it to monitor.slices so windows are measured per value",
      );
    }
    if (rule.slice !== undefined && kind.kind === "measure" && rule.metric !== "rows") {
      report(
        "error",
        [...at, "slice"],
        `"${rule.metric}" is measured on the whole window; per slice there are rows and performance metrics`,
      );
    }
  });
}

/** The measures that are shares, between 0 and 1; the other measures are counts or milliseconds, never below 0. */
const MEASURE_BOUNDS: Record<WindowMeasureName, readonly [number, number]> = {
  rows: [0, Infinity],
  drift_share: [0, 1],
  drifted_features: [0, Infinity],
  prediction_drift: [0, 1],
  quality_errors: [0, Infinity],
  quality_warnings: [0, Infinity],
  duplicate_ids: [0, Infinity],
  latency_p50: [0, Infinity],
  latency_p90: [0, Infinity],
  latency_p95: [0, Infinity],
  latency_p99: [0, Infinity],
  labelled_share: [0, 1],
};

function suggestion(input: string, candidates: readonly string[]): string | undefined {
  const near = closestMatch(input, candidates);
  return near ? `did you mean "${near}"?` : undefined;
}
