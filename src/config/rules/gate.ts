import { bestValueIsZero, BUILTIN_METRICS, builtinMetric } from "../metrics.ts";
import type { GateRule, MlopsConfig } from "../schema/index.ts";
import { closestMatch } from "../suggest.ts";
import type { FieldPath, Report } from "./report.ts";

/** The gate's rules: each checks something, can pass, and names a metric something produces. */
export function checkGate(config: MlopsConfig, report: Report): void {
  const gate = config.gate;
  if (!gate) return;
  if (gate.rules.length === 0) {
    report(
      "error",
      ["gate", "rules"],
      "the gate has no rules, so it could never fail",
      "add a rule such as `- { metric: accuracy, min: 0.8 }`, or remove the gate section",
    );
    return;
  }
  if (!config.evaluate) {
    report(
      "error",
      ["gate"],
      "the gate has rules but nothing computes metrics",
      "add an `evaluate` section with `predictions` or `metrics_file`",
    );
  }
  gate.rules.forEach((rule, index) => checkRule(config, rule, ["gate", "rules", index], report));
  if (gate.primary_metric !== undefined && !gate.rules.some((rule) => rule.metric === gate.primary_metric)) {
    if (!builtinMetric(gate.primary_metric) && !config.evaluate?.custom_metrics[gate.primary_metric]) {
      report("error", ["gate", "primary_metric"], `no rule or declared metric is named "${gate.primary_metric}"`);
    }
  }
}

function checkRule(config: MlopsConfig, rule: GateRule, at: FieldPath, report: Report): void {
  const hasChangeRule = rule.max_regression !== undefined || rule.min_improvement !== undefined;
  checkRuleBounds(rule, at, report);
  checkRuleMetric(config, rule, at, report);
  if (rule.significance !== undefined && !hasChangeRule) {
    report(
      "error",
      [...at, "significance"],
      "significance applies to change rules only",
      "add `max_regression` or `min_improvement`, or remove `significance`",
    );
  }
  if (rule.significance !== undefined && !builtinMetric(rule.metric)) {
    report(
      "error",
      [...at, "significance"],
      `"${rule.metric}" comes from a metrics file, which has no per-example values to test`,
      "significance needs a built-in metric computed from predictions",
    );
  }
  if (rule.test === "mcnemar" && rule.metric !== "accuracy") {
    report(
      "error",
      [...at, "test"],
      "McNemar's test compares accuracies only",
      "use `test: bootstrap` for other metrics",
    );
  }
  if (rule.slice !== undefined && !builtinMetric(rule.metric) && (config.evaluate?.slices ?? []).includes(rule.slice)) {
    report(
      "error",
      [...at, "slice"],
      `"${rule.metric}" comes from a metrics file, and per-slice metrics are the built-in ones computed from predictions`,
      "slice a built-in metric, or write the per-slice values into your metrics file as separate metrics",
    );
  }
  if (rule.slice !== undefined && !(config.evaluate?.slices ?? []).includes(rule.slice)) {
    report(
      "error",
      [...at, "slice"],
      `"${rule.slice}" is not one of evaluate.slices`,
      "add it to evaluate.slices so per-slice metrics are computed",
    );
  }
}

function checkRuleMetric(config: MlopsConfig, rule: GateRule, at: FieldPath, report: Report): void {
  const evaluate = config.evaluate;
  const builtin = builtinMetric(rule.metric);
  if (builtin) {
    if (builtin.task !== config.model.task) {
      report(
        "error",
        [...at, "metric"],
        `"${rule.metric}" is a ${builtin.task} metric but model.task is ${config.model.task}`,
      );
    } else if (evaluate && !evaluate.predictions) {
      report(
        "error",
        [...at, "metric"],
        `nothing produces "${rule.metric}": built-in metrics are computed from evaluate.predictions`,
        "set evaluate.predictions to the file your evaluate command writes",
      );
    }
    if (rule.direction !== undefined && rule.direction !== builtin.direction) {
      report(
        "error",
        [...at, "direction"],
        `"${rule.metric}" is ${builtin.direction}-is-better; a rule cannot turn it around`,
        "remove `direction`",
      );
    }
    return;
  }
  const declared = evaluate?.custom_metrics[rule.metric];
  if (!evaluate?.metrics_file) {
    const near = closestMatch(rule.metric, Object.keys(BUILTIN_METRICS));
    report(
      "error",
      [...at, "metric"],
      `nothing produces "${rule.metric}": it is not a built-in metric and evaluate.metrics_file is not set`,
      near ? `did you mean "${near}"?` : "set evaluate.metrics_file to the JSON or YAML file your code writes",
    );
    return;
  }
  if (rule.direction === undefined && declared === undefined) {
    const near = closestMatch(rule.metric, Object.keys(BUILTIN_METRICS));
    report(
      "error",
      [...at, "metric"],
      `custom metric "${rule.metric}" has no direction`,
      near
        ? `did you mean the built-in "${near}"? Otherwise add \`direction: higher\` or \`lower\``
        : "add `direction: higher` or `direction: lower` to the rule, or declare it in evaluate.custom_metrics",
    );
  }
  if (rule.direction !== undefined && declared !== undefined && rule.direction !== declared.direction) {
    report(
      "error",
      [...at, "direction"],
      `the rule says "${rule.direction}" but evaluate.custom_metrics says "${declared.direction}"`,
    );
  }
}

/**
 * What every rule in the gate's language must be, the gate's and the monitor's: it checks something, its bounds can
 * be met, it is one kind of change rule, and a relative tolerance reads as the fraction it is.
 */
export function checkRuleBounds(
  rule: Pick<GateRule, "metric" | "min" | "max" | "max_regression" | "min_improvement" | "relative">,
  at: FieldPath,
  report: Report,
  /** The figure's range when it is not a built-in metric's (a monitor's share, say). */
  range?: readonly [number, number],
): void {
  const hasValueRule = rule.min !== undefined || rule.max !== undefined;
  const hasChangeRule = rule.max_regression !== undefined || rule.min_improvement !== undefined;
  if (!hasValueRule && !hasChangeRule) {
    report(
      "error",
      at,
      `the rule on "${rule.metric}" checks nothing`,
      "give it `min`, `max`, `max_regression` or `min_improvement`",
    );
  }
  const [lowest, highest] = range ?? builtinMetric(rule.metric)?.bounds ?? [-Infinity, Infinity];
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    report("error", [...at, "min"], `min (${rule.min}) is greater than max (${rule.max}), so the rule can never pass`);
  } else if (rule.min !== undefined && rule.min > highest) {
    report(
      "error",
      [...at, "min"],
      `min (${rule.min}) is above the highest ${rule.metric} there is (${highest}), so the rule can never pass`,
      // `min: 80` for 80% accuracy is the likely slip.
      highest === 1 && rule.min >= 2 && rule.min <= 100
        ? `write fractions: ${rule.min}% is ${rule.min / 100}`
        : undefined,
    );
  }
  // `max: 30` for a share of 30% is the same slip as `min: 80`: a rule that can never break.
  if (rule.max !== undefined && highest === 1 && rule.max >= 2 && rule.max <= 100) {
    report(
      "error",
      [...at, "max"],
      `max (${rule.max}) is above the highest ${rule.metric} there is (1), so the rule can never break`,
      `write fractions: ${rule.max}% is ${rule.max / 100}`,
    );
  }
  if (rule.max !== undefined && rule.max < lowest) {
    report(
      "error",
      [...at, "max"],
      `max (${rule.max}) is below the lowest ${rule.metric} there is (${lowest}), so the rule can never pass`,
    );
  }
  if (rule.max_regression !== undefined && rule.min_improvement !== undefined) {
    report(
      "error",
      [...at, "min_improvement"],
      "a rule has either max_regression or min_improvement, not both",
      "split it into two rules",
    );
  }
  if (rule.relative && !hasChangeRule) {
    report("warning", [...at, "relative"], "`relative` only affects change rules; this rule has none");
  }
  if (rule.relative && hasChangeRule) {
    const tolerance = rule.max_regression ?? rule.min_improvement ?? 0;
    if (tolerance >= 1) {
      report(
        "warning",
        [...at, rule.max_regression !== undefined ? "max_regression" : "min_improvement"],
        `a relative tolerance of ${tolerance} means ${tolerance * 100}%`,
        `write fractions: 5% is 0.05`,
      );
    }
    if (bestValueIsZero(rule.metric)) {
      report(
        "warning",
        [...at, "relative"],
        `a relative change of "${rule.metric}" is undefined when the baseline is 0 (a perfect score); the rule then fails`,
        "prefer an absolute tolerance for this metric",
      );
    }
  }
}
