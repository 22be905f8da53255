import { builtinMetric } from "../metrics.ts";
import type { MlopsConfig } from "../schema/index.ts";
import type { Report } from "./report.ts";

/** The evaluate section produces metrics, and its prediction columns fit the model's task. */
export function checkEvaluate(config: MlopsConfig, report: Report): void {
  const evaluate = config.evaluate;
  if (!evaluate) return;
  if (!evaluate.predictions && !evaluate.metrics_file) {
    report(
      "error",
      ["evaluate"],
      "evaluate produces no metrics",
      "set `predictions` (built-in metrics) and/or `metrics_file` (your own)",
    );
  }
  const predictions = typeof evaluate.predictions === "object" ? evaluate.predictions : undefined;
  if (predictions?.score !== undefined && predictions.score_prefix !== undefined) {
    report(
      "error",
      ["evaluate", "predictions", "score_prefix"],
      "set either `score` (the positive class's probability) or `score_prefix` (one probability column per class), not both",
    );
  }
  if (
    config.model.task === "regression" &&
    (predictions?.score !== undefined || predictions?.score_prefix !== undefined)
  ) {
    report(
      "error",
      ["evaluate", "predictions", predictions.score !== undefined ? "score" : "score_prefix"],
      "probability columns belong to classification; model.task is regression",
    );
  }
  if (evaluate.slices.length > 0 && !evaluate.predictions) {
    report(
      "error",
      ["evaluate", "slices"],
      "slices are computed from the predictions file, and evaluate.predictions is not set",
    );
  }
  for (const name of Object.keys(evaluate.custom_metrics)) {
    if (builtinMetric(name)) {
      report(
        "error",
        ["evaluate", "custom_metrics", name],
        `"${name}" is a built-in metric; its direction is fixed`,
        "rename your metric",
      );
    }
  }
  if (config.model.task === "regression" && config.model.positive_label !== undefined) {
    report("warning", ["model", "positive_label"], "positive_label is ignored for regression");
  }
}
