import { describe, expect, it } from "vitest";
import { brief, configErrorOf, parse } from "../helpers/config.ts";

/** The config checks the evaluation gate adds (src/config/rules.ts: checkGate, checkEvaluate). */

const errorsOf = (text: string): string[] =>
  brief(configErrorOf(() => parse(text)).diagnostics.filter((d) => d.severity === "error"));

describe("evaluate.predictions", () => {
  it("takes either a score column or per-class probability columns, not both", () => {
    const text = `version: 1
model: { name: demo }
evaluate:
  predictions: { path: p.csv, score: proba, score_prefix: proba_ }
`;
    expect(errorsOf(text)).toEqual([
      "4:59 error evaluate.predictions.score_prefix: set either `score` (the positive class's probability) or `score_prefix` (one probability column per class), not both",
    ]);
  });

  it("refuses probability columns on a regression model", () => {
    const text = `version: 1
model: { name: demo, task: regression }
evaluate:
  predictions: { path: p.csv, score_prefix: p_ }
`;
    expect(errorsOf(text)).toEqual([
      "4:45 error evaluate.predictions.score_prefix: probability columns belong to classification; model.task is regression",
    ]);
  });
});

describe("slice rules", () => {
  it("refuse a metric from a metrics file: slices have the built-in metrics only", () => {
    const text = `version: 1
model: { name: demo }
evaluate:
  predictions: p.csv
  metrics_file: m.json
  custom_metrics: { latency_ms: { direction: lower } }
  slices: [country]
gate:
  rules:
    - { metric: latency_ms, slice: country, max: 50 }
`;
    expect(errorsOf(text)).toEqual([
      '10:36 error gate.rules.0.slice: "latency_ms" comes from a metrics file, and per-slice metrics are the built-in ones computed from predictions',
    ]);
  });

  it("accept significance per slice on a built-in metric", () => {
    const text = `version: 1
model: { name: demo }
evaluate:
  predictions: { path: p.csv, id: id }
  slices: [country]
gate:
  rules:
    - { metric: accuracy, slice: country, max_regression: 0.02, significance: 0.95 }
`;
    expect(parse(text).warnings.filter((w) => w.path[0] === "gate" || w.path[0] === "evaluate")).toEqual([]);
  });
});
