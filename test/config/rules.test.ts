import { describe, expect, it } from "vitest";
import { brief, configErrorOf, MINIMAL_CONFIG, parse } from "../helpers/config.ts";

/**
 * Cross-field rules (src/config/rules.ts): configs whose shape is fine but that cannot work (errors) or probably do
 * not mean what they say (warnings). Each case checks the exact diagnostic and where it points.
 */

/** Model, train and evaluate sections that satisfy every rule; the gate comes from the test. Lines 1-7. */
const HEAD = `version: 1
model: { name: demo }
train: { command: node train.mjs, outputs: [model/] }
evaluate:
  predictions: predictions.csv
  metrics_file: metrics.json
  slices: [country]
`;

/** A gate with the given rules, one per line from line 10 on. */
const withRules = (...rules: string[]): string =>
  `${HEAD}gate:\n  rules:\n${rules.map((r) => `    - ${r}\n`).join("")}`;

/** The errors (not the warnings) a config is refused with. */
const errorsOf = (text: string): string[] =>
  brief(configErrorOf(() => parse(text)).diagnostics.filter((d) => d.severity === "error"));
const warningsOf = (text: string): string[] => brief(parse(text).warnings);
const hintsOf = (text: string): (string | undefined)[] =>
  configErrorOf(() => parse(text))
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => d.hint);

describe("gate rules", () => {
  it("accepts a sound gate without warnings", () => {
    expect(
      warningsOf(
        withRules(
          "{ metric: accuracy, min: 0.8 }",
          "{ metric: f1_macro, max_regression: 0.01, significance: 0.95 }",
          "{ metric: accuracy, max_regression: 0.01, significance: 0.9, test: mcnemar }",
          "{ metric: latency_ms, max: 50, direction: lower }",
          "{ metric: accuracy, slice: country, min: 0.7 }",
          "{ metric: accuracy, min_improvement: 0.05, relative: true }",
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a gate without rules: it could never fail", () => {
    const text = `${HEAD}gate:\n  rules: []\n`;
    expect(errorsOf(text)).toEqual(["9:10 error gate.rules: the gate has no rules, so it could never fail"]);
    expect(hintsOf(text)).toEqual([
      "add a rule such as `- { metric: accuracy, min: 0.8 }`, or remove the gate section",
    ]);
    // Leaving `rules` out is the same mistake; it points at the gate.
    expect(errorsOf(`${HEAD}gate:\n  baseline: champion\n`)).toEqual([
      "9:3 error gate.rules: the gate has no rules, so it could never fail",
    ]);
  });

  it("refuses a rule that checks nothing", () => {
    expect(errorsOf(withRules("{ metric: accuracy }"))).toEqual([
      '10:7 error gate.rules.0: the rule on "accuracy" checks nothing',
    ]);
  });

  it("refuses min greater than max", () => {
    expect(errorsOf(withRules("{ metric: accuracy, min: 0.9, max: 0.8 }"))).toEqual([
      "10:32 error gate.rules.0.min: min (0.9) is greater than max (0.8), so the rule can never pass",
    ]);
    // Equal bounds are a legitimate (if strict) rule: both are inclusive.
    expect(warningsOf(withRules("{ metric: accuracy, min: 0.9, max: 0.9 }"))).toEqual([]);
  });

  it("refuses a bound past what the metric can be, with the percent slip named", () => {
    const text = withRules(
      "{ metric: accuracy, min: 80 }",
      "{ metric: log_loss, max: -0.1 }",
      '{ metric: "recall[malignant]", min: 1.5 }',
      "{ metric: latency_ms, min: 500, direction: lower }",
    );
    expect(errorsOf(text)).toEqual([
      "10:32 error gate.rules.0.min: min (80) is above the highest accuracy there is (1), so the rule can never pass",
      "11:32 error gate.rules.1.max: max (-0.1) is below the lowest log_loss there is (0), so the rule can never pass",
      "12:43 error gate.rules.2.min: min (1.5) is above the highest recall[malignant] there is (1), so the rule can " +
        "never pass",
    ]);
    // Only a whole percentage reads as one: 1.5 is no likelier 1.5% than a typo.
    expect(hintsOf(text)).toEqual(["write fractions: 80% is 0.8", undefined, undefined]);
    // The bounds themselves can be met (a perfect score, no loss at all), and a custom metric has no known bounds.
    expect(warningsOf(withRules("{ metric: accuracy, min: 1 }", "{ metric: log_loss, max: 0 }"))).toEqual([]);
  });

  it("refuses max_regression together with min_improvement", () => {
    const text = withRules("{ metric: accuracy, max_regression: 0.1, min_improvement: 0.1 }");
    expect(errorsOf(text)).toEqual([
      "10:65 error gate.rules.0.min_improvement: a rule has either max_regression or min_improvement, not both",
    ]);
    expect(hintsOf(text)).toEqual(["split it into two rules"]);
  });

  it("refuses a custom metric without a direction, and suggests a built-in near-miss", () => {
    const unknown = withRules("{ metric: latency_ms, max: 50 }");
    expect(errorsOf(unknown)).toEqual(['10:17 error gate.rules.0.metric: custom metric "latency_ms" has no direction']);
    expect(hintsOf(unknown)).toEqual([
      "add `direction: higher` or `direction: lower` to the rule, or declare it in evaluate.custom_metrics",
    ]);
    const typo = withRules("{ metric: acuracy, min: 0.5 }");
    expect(hintsOf(typo)).toEqual([
      'did you mean the built-in "accuracy"? Otherwise add `direction: higher` or `lower`',
    ]);
  });

  it("takes a custom metric's direction from evaluate.custom_metrics, and refuses a rule that contradicts it", () => {
    const declared = HEAD.replace("  slices:", "  custom_metrics:\n    latency_ms: { direction: lower }\n  slices:");
    expect(warningsOf(`${declared}gate:\n  rules:\n    - { metric: latency_ms, max: 50 }\n`)).toEqual([]);
    expect(errorsOf(`${declared}gate:\n  rules:\n    - { metric: latency_ms, max: 50, direction: higher }\n`)).toEqual([
      '12:49 error gate.rules.0.direction: the rule says "higher" but evaluate.custom_metrics says "lower"',
    ]);
  });

  it("refuses a metric nothing produces", () => {
    const noMetricsFile = HEAD.replace("  metrics_file: metrics.json\n", "");
    expect(
      errorsOf(`${noMetricsFile}gate:\n  rules:\n    - { metric: latency_ms, max: 50, direction: lower }\n`),
    ).toEqual([
      '9:17 error gate.rules.0.metric: nothing produces "latency_ms": it is not a built-in metric and evaluate.metrics_file is not set',
    ]);
    expect(
      errorsOf(`version: 1\nmodel: { name: demo }\ngate:\n  rules:\n    - { metric: accuracy, min: 0.5 }\n`),
    ).toEqual(["4:3 error gate: the gate has rules but nothing computes metrics"]);
  });

  it("refuses a built-in metric of the other task", () => {
    expect(errorsOf(withRules("{ metric: rmse, max: 5 }"))).toEqual([
      '10:17 error gate.rules.0.metric: "rmse" is a regression metric but model.task is classification',
    ]);
    const regression = HEAD.replace("name: demo }", "name: demo, task: regression }");
    expect(errorsOf(`${regression}gate:\n  rules:\n    - { metric: roc_auc, min: 0.7 }\n`)).toEqual([
      '10:17 error gate.rules.0.metric: "roc_auc" is a classification metric but model.task is regression',
    ]);
  });

  it("refuses a built-in metric when evaluate.predictions is not set", () => {
    const text = `version: 1
model: { name: demo }
train: { command: node train.mjs, outputs: [model/] }
evaluate:
  metrics_file: metrics.json
gate:
  rules:
    - { metric: accuracy, min: 0.5 }
`;
    expect(errorsOf(text)).toEqual([
      '8:17 error gate.rules.0.metric: nothing produces "accuracy": built-in metrics are computed from evaluate.predictions',
    ]);
    expect(hintsOf(text)).toEqual(["set evaluate.predictions to the file your evaluate command writes"]);
  });

  it("refuses a direction that turns a built-in metric around", () => {
    expect(errorsOf(withRules("{ metric: log_loss, max: 0.5, direction: higher }"))).toEqual([
      '10:48 error gate.rules.0.direction: "log_loss" is lower-is-better; a rule cannot turn it around',
    ]);
  });

  it("refuses significance on a value-only rule and on a metric from a metrics file", () => {
    expect(errorsOf(withRules("{ metric: accuracy, min: 0.5, significance: 0.95 }"))).toEqual([
      "10:51 error gate.rules.0.significance: significance applies to change rules only",
    ]);
    expect(
      errorsOf(withRules("{ metric: latency_ms, max_regression: 1, direction: lower, significance: 0.95 }")),
    ).toEqual([
      '10:80 error gate.rules.0.significance: "latency_ms" comes from a metrics file, which has no per-example values to test',
    ]);
  });

  it("refuses McNemar's test on anything but accuracy", () => {
    const text = withRules("{ metric: f1_macro, max_regression: 0.01, significance: 0.95, test: mcnemar }");
    expect(errorsOf(text)).toEqual(["10:75 error gate.rules.0.test: McNemar's test compares accuracies only"]);
    expect(hintsOf(text)).toEqual(["use `test: bootstrap` for other metrics"]);
  });

  it("warns about a relative tolerance of 1 or more: it reads as a percentage", () => {
    expect(warningsOf(withRules("{ metric: accuracy, max_regression: 5, relative: true }"))).toEqual([
      "10:43 warning gate.rules.0.max_regression: a relative tolerance of 5 means 500%",
    ]);
    expect(warningsOf(withRules("{ metric: accuracy, min_improvement: 1, relative: true }"))).toEqual([
      "10:44 warning gate.rules.0.min_improvement: a relative tolerance of 1 means 100%",
    ]);
    expect(warningsOf(withRules("{ metric: accuracy, max_regression: 0.99, relative: true }"))).toEqual([]);
  });

  it("warns about a relative rule on a lower-is-better built-in (its perfect value is 0)", () => {
    expect(warningsOf(withRules("{ metric: log_loss, max_regression: 0.05, relative: true }"))).toEqual([
      '10:59 warning gate.rules.0.relative: a relative change of "log_loss" is undefined when the baseline is 0 (a perfect score); the rule then fails',
    ]);
  });

  it("warns that `relative` does nothing on a value rule", () => {
    expect(warningsOf(withRules("{ metric: accuracy, min: 0.5, relative: true }"))).toEqual([
      "10:47 warning gate.rules.0.relative: `relative` only affects change rules; this rule has none",
    ]);
  });

  it("refuses a rule on a slice that evaluate does not compute", () => {
    const text = withRules("{ metric: accuracy, min: 0.5, slice: device }");
    expect(errorsOf(text)).toEqual(['10:44 error gate.rules.0.slice: "device" is not one of evaluate.slices']);
    expect(hintsOf(text)).toEqual(["add it to evaluate.slices so per-slice metrics are computed"]);
  });

  it("refuses a primary metric that no rule or declaration names", () => {
    expect(
      errorsOf(`${HEAD}gate:\n  primary_metric: latency\n  rules:\n    - { metric: accuracy, min: 0.5 }\n`),
    ).toEqual(['9:19 error gate.primary_metric: no rule or declared metric is named "latency"']);
  });
});

describe("evaluate, data, train, publish and retrain", () => {
  it("refuses custom_metrics that shadow a built-in metric", () => {
    const text = HEAD.replace("  slices:", "  custom_metrics:\n    accuracy: { direction: lower }\n  slices:");
    expect(errorsOf(`${text}gate:\n  rules:\n    - { metric: f1_macro, min: 0.5 }\n`)).toEqual([
      '8:15 error evaluate.custom_metrics.accuracy: "accuracy" is a built-in metric; its direction is fixed',
    ]);
  });

  it("refuses an evaluate section that produces no metrics, and slices without predictions", () => {
    expect(errorsOf("version: 1\nmodel: { name: demo }\nevaluate:\n  command: node eval.mjs\n")).toEqual([
      "4:3 error evaluate: evaluate produces no metrics",
    ]);
    expect(
      errorsOf("version: 1\nmodel: { name: demo }\nevaluate:\n  metrics_file: m.json\n  slices: [country]\n"),
    ).toEqual([
      "5:11 error evaluate.slices: slices are computed from the predictions file, and evaluate.predictions is not set",
    ]);
  });

  it("refuses retraining on drift when data.drift is not configured", () => {
    const text = `${MINIMAL_CONFIG}retrain:\n  schedule: "17 3 * * 1"\n`;
    expect(errorsOf(text)).toEqual([
      "10:3 error retrain.when.drift: retraining on drift needs data.drift to be configured",
    ]);
    expect(hintsOf(text)).toEqual(["add `data: { drift: { reference: champion } }`, or set `drift: false`"]);
    const withDrift = `${MINIMAL_CONFIG}data:\n  train: train.csv\n  drift: { reference: champion }\nretrain:\n  schedule: "17 3 * * 1"\n`;
    expect(warningsOf(withDrift)).toEqual([]);
  });

  it("warns when the run cache is on but there are no outputs to restore", () => {
    const text = `version: 1
model: { name: demo }
train: { command: node train.mjs }
evaluate:
  predictions: predictions.csv
gate:
  rules:
    - { metric: accuracy, min: 0.5 }
publish: { files: [model.bin] }
`;
    expect(warningsOf(text)).toEqual([
      "3:8 warning train.cache: the run cache is on but train.outputs is empty, so a cache hit restores nothing",
    ]);
    expect(warningsOf(text.replace("command: node train.mjs", "command: node train.mjs, cache: false"))).toEqual([]);
  });

  it("checks column rules in data.schema", () => {
    const text = `${MINIMAL_CONFIG}data:
  train: train.csv
  target: label
  schema:
    columns:
      age: { type: integer, min: 10, max: 5 }
      code: { type: string, regex: "([a-z" }
      plan: { type: integer, values: [1, 2] }
      note: { nullable: false, max_null_fraction: 0.1 }
    rows: { min: 10, max: 5 }
`;
    const error = configErrorOf(() => parse(text));
    expect(brief(error.diagnostics)).toEqual([
      '11:11 warning data.target: the target "label" is not declared in data.schema.columns',
      "14:34 error data.schema.columns.age.min: min (10) is greater than max (5)",
      expect.stringMatching(/^15:36 error data\.schema\.columns\.code\.regex: invalid regular expression: /),
      "16:38 warning data.schema.columns.plan.values: allowed values are checked as text, but the column type is integer",
      "17:51 warning data.schema.columns.note.max_null_fraction: max_null_fraction has no effect when nullable is false",
      "18:18 error data.schema.rows.min: rows.min (10) is greater than rows.max (5)",
    ]);
  });

  it("warns when nothing would be published or promoted", () => {
    expect(warningsOf("version: 1\nmodel: { name: demo }\n")).toEqual([
      '1:1 warning publish.promote: without a gate nothing is ever promoted to "champion"',
      "1:1 warning publish: nothing to publish: neither publish.files nor train.outputs lists any file",
    ]);
  });

  it("reports every rule problem of a file, errors and warnings, sorted by line", () => {
    const error = configErrorOf(() =>
      parse(
        withRules(
          "{ metric: accuracy }",
          "{ metric: rmse, max: 1 }",
          "{ metric: accuracy, max_regression: 2, relative: true }",
          "{ metric: accuracy, min: 2, max: 1 }",
        ),
      ),
    );
    expect(brief(error.diagnostics)).toEqual([
      '10:7 error gate.rules.0: the rule on "accuracy" checks nothing',
      '11:17 error gate.rules.1.metric: "rmse" is a regression metric but model.task is classification',
      "12:43 warning gate.rules.2.max_regression: a relative tolerance of 2 means 200%",
      "13:32 error gate.rules.3.min: min (2) is greater than max (1), so the rule can never pass",
    ]);
    expect(error.message).toBe("3 problems in the config");
  });
});
