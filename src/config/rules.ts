import path from "node:path";
import type { ConfigDiagnostic } from "../errors.ts";
import { bestValueIsZero, BUILTIN_METRICS, builtinMetric } from "../evaluate/catalog.ts";
import { isS3Uri } from "../files/safe-path.ts";
import { legCount, MAX_LEGS } from "../train/sweep.ts";
import { checkCron, isKnownTimeZone } from "./cron.ts";
import { checkPaths } from "./rules/paths.ts";
import { collectInto, type FieldPath as Path, type Report, type RuleContext } from "./rules/report.ts";
import type { GateRule, MlopsConfig } from "./schema/index.ts";
import { closestMatch } from "./suggest.ts";

/**
 * Rules that span fields (STYLE.md "validate in phases"): the shape is already valid here; these find configs that
 * parse but cannot work, or probably do not mean what they say. Returned as data; the door decides how to print.
 * Paths are found through the schema's marks (schema/path-field.ts, rules/paths.ts).
 */

export type { RuleContext };

export function checkConfigRules(config: MlopsConfig, context: RuleContext): ConfigDiagnostic[] {
  const found: ConfigDiagnostic[] = [];
  const report = collectInto(found);
  checkPaths(config, context, report);
  checkGate(config, report);
  checkEvaluate(config, report);
  checkData(config, report);
  checkTrain(config, report);
  checkPublishAndRetrain(config, report);
  return found;
}

// --- gate ---------------------------------------------------------------------------------------------------------

function checkGate(config: MlopsConfig, report: Report): void {
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

function checkRule(config: MlopsConfig, rule: GateRule, at: Path, report: Report): void {
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
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    report("error", [...at, "min"], `min (${rule.min}) is greater than max (${rule.max}), so the rule can never pass`);
  }
  if (rule.max_regression !== undefined && rule.min_improvement !== undefined) {
    report(
      "error",
      [...at, "min_improvement"],
      "a rule has either max_regression or min_improvement, not both",
      "split it into two rules",
    );
  }
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
        `a relative change of "${rule.metric}" is undefined when the baseline is 0 (a perfect score); the gate then fails`,
        "prefer an absolute tolerance for this metric",
      );
    }
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

function checkRuleMetric(config: MlopsConfig, rule: GateRule, at: Path, report: Report): void {
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
      near ? `did you mean "${near}"?` : "set evaluate.metrics_file to the JSON file your code writes",
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

// --- evaluate, data, train ------------------------------------------------------------------------------------

function checkEvaluate(config: MlopsConfig, report: Report): void {
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

function checkData(config: MlopsConfig, report: Report): void {
  checkDrift(config, report);
  const schema = config.data?.schema;
  if (!schema) return;
  for (const [name, column] of Object.entries(schema.columns)) {
    const at: Path = ["data", "schema", "columns", name];
    if (typeof column.min === "number" && typeof column.max === "number" && column.min > column.max) {
      report("error", [...at, "min"], `min (${column.min}) is greater than max (${column.max})`);
    }
    if (column.regex !== undefined) {
      try {
        new RegExp(column.regex, "u");
      } catch (error) {
        report("error", [...at, "regex"], `invalid regular expression: ${(error as Error).message}`);
      }
    }
    if (
      column.values !== undefined &&
      column.type !== undefined &&
      column.type !== "category" &&
      column.type !== "string"
    ) {
      report("warning", [...at, "values"], `allowed values are checked as text, but the column type is ${column.type}`);
    }
    if (!column.nullable && column.max_null_fraction !== undefined) {
      report("warning", [...at, "max_null_fraction"], "max_null_fraction has no effect when nullable is false");
    }
  }
  const target = config.data?.target;
  if (target !== undefined && Object.keys(schema.columns).length > 0 && !(target in schema.columns)) {
    report("warning", ["data", "target"], `the target "${target}" is not declared in data.schema.columns`);
  }
  if (schema.rows?.min !== undefined && schema.rows.max !== undefined && schema.rows.min > schema.rows.max) {
    report(
      "error",
      ["data", "schema", "rows", "min"],
      `rows.min (${schema.rows.min}) is greater than rows.max (${schema.rows.max})`,
    );
  }
}

const TESTS = new Set(["ks", "chi2"]);

/** Drift settings that parse but cannot mean what they say (DOMAIN.md §3: p-values for tests, distances otherwise). */
function checkDrift(config: MlopsConfig, report: Report): void {
  const drift = config.data?.drift;
  if (!drift) return;
  if (drift.threshold !== undefined && drift.method === "auto") {
    report(
      "warning",
      ["data", "drift", "threshold"],
      "with method auto the statistic differs per column (a p-value for tests, a distance otherwise), so this threshold is not used",
      "set data.drift.method, or put thresholds in data.drift.columns",
    );
  }
  const pValue = (method: string | undefined, threshold: number | undefined, at: Path): void => {
    if (method !== undefined && TESTS.has(method) && threshold !== undefined && threshold >= 1) {
      report(
        "error",
        at,
        `${method} is a test: its threshold is a p-value below 1, not ${threshold}`,
        "the usual value is 0.05",
      );
    }
  };
  pValue(drift.method, drift.threshold, ["data", "drift", "threshold"]);
  const declared = config.data?.schema?.columns ?? {};
  for (const [name, column] of Object.entries(drift.columns)) {
    const at: Path = ["data", "drift", "columns", name];
    pValue(column.method, column.threshold, [...at, "threshold"]);
    const type = declared[name]?.type;
    if (
      (column.method === "ks" || column.method === "wasserstein") &&
      (type === "string" || type === "category" || type === "boolean")
    ) {
      report(
        "error",
        [...at, "method"],
        `${column.method} compares numbers, and "${name}" is declared ${type}`,
        "use chi2, jensen_shannon or psi",
      );
    }
    if (Object.keys(declared).length > 0 && !(name in declared)) {
      report("warning", at, `"${name}" is not declared in data.schema.columns`, "check the column name");
    }
  }
}

function checkTrain(config: MlopsConfig, report: Report): void {
  const train = config.train;
  if (!train) return;
  const cache = train.cache;
  const cacheEnabled = cache === true || (typeof cache === "object" && cache.enabled);
  if (cacheEnabled && train.outputs.length === 0) {
    report(
      "warning",
      ["train", "cache"],
      "the run cache is on but train.outputs is empty, so a cache hit restores nothing",
      "list what the command writes in train.outputs",
    );
  }
  if (
    typeof cache === "object" &&
    cache.backend === "s3" &&
    cache.uri === undefined &&
    !isS3Uri(config.registry.uri ?? "")
  ) {
    report("error", ["train", "cache", "uri"], "the s3 cache backend needs `uri: s3://bucket/prefix`");
  }
  if (typeof cache === "object" && cache.uri !== undefined) {
    if (cache.backend === "local" && isS3Uri(cache.uri)) {
      report(
        "error",
        ["train", "cache", "uri"],
        "the local cache backend needs a folder, not an s3:// URI",
        "use `backend: s3` (or `auto`) for a cache in a bucket",
      );
    } else if (cache.backend === "actions") {
      report("warning", ["train", "cache", "uri"], "the actions cache backend has no uri; it is ignored");
    }
  }
  // A cache hit replaces each declared output wholesale: one that holds mlops.yml or the workspace would be deleted.
  train.outputs.forEach((output, index) => {
    const normal = path.posix.normalize(output).replace(/\/+$/, "");
    const workspace = path.posix.normalize(config.workspace).replace(/\/+$/, "");
    if (normal === "." || normal === "" || workspace === normal || workspace.startsWith(`${normal}/`)) {
      report(
        "error",
        ["train", "outputs", index],
        `"${output}" holds ${normal === "." || normal === "" ? "mlops.yml" : "the workspace"}, so it cannot be an output`,
        "list the folders or files the command writes, e.g. model/",
      );
    }
  });
  if (train.matrix) {
    const combinations = legCount(train.matrix);
    if (combinations > MAX_LEGS) {
      report(
        "error",
        ["train", "matrix"],
        `the sweep has ${combinations} combinations; GitHub runs at most ${MAX_LEGS} jobs from one matrix`,
        "sweep fewer values, or split the sweep",
      );
    }
  }
  if (train.matrix && typeof train.params === "object") {
    for (const key of Object.keys(train.matrix)) {
      if (!(key in train.params) && !hasDotted(train.params, key)) {
        report(
          "warning",
          ["train", "matrix", key],
          `"${key}" is not one of train.params, so the sweep adds a new param`,
        );
      }
    }
  }
}

/** A dotted name (`opt.lr`) names a value inside nested params. */
function hasDotted(params: Record<string, unknown>, name: string): boolean {
  let current: unknown = params;
  for (const key of name.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

function checkPublishAndRetrain(config: MlopsConfig, report: Report): void {
  if (config.publish.promote !== false && !config.gate) {
    report(
      "warning",
      ["publish", "promote"],
      `without a gate nothing is ever promoted to "${config.publish.promote}"`,
      "add a gate section, or set `promote: false`",
    );
  }
  if (config.publish.files === undefined && (config.train?.outputs.length ?? 0) === 0) {
    report("warning", ["publish"], "nothing to publish: neither publish.files nor train.outputs lists any file");
  }
  if (config.registry.endpoint !== undefined && !isS3Uri(config.registry.uri ?? "")) {
    report("warning", ["registry", "endpoint"], "an endpoint is only used with an s3:// registry uri");
  }
  if (config.publish.promote !== false && /^v?\d+$|^v\d{8}T\d{9}Z-/.test(config.publish.promote)) {
    report(
      "error",
      ["publish", "promote"],
      `"${config.publish.promote}" cannot be an alias name: it reads as a version number or id`,
      "use a word such as champion or staging",
    );
  }
  if (config.registry.force_path_style !== undefined && config.registry.endpoint === undefined) {
    report(
      "warning",
      ["registry", "force_path_style"],
      "force_path_style only matters with an endpoint (AWS S3 itself uses virtual-hosted addressing)",
    );
  }
  const retrain = config.retrain;
  if (!retrain) return;
  const cron = checkCron(retrain.schedule);
  if (!cron.ok) {
    report(
      "error",
      ["retrain", "schedule"],
      `invalid cron schedule "${retrain.schedule}": ${cron.error}`,
      'for example "17 3 * * 1" is every Monday at 03:17',
    );
  } else {
    for (const warning of cron.warnings) report("warning", ["retrain", "schedule"], warning);
  }
  if (!isKnownTimeZone(retrain.timezone)) {
    const near = closestMatch(retrain.timezone, Intl.supportedValuesOf("timeZone"));
    report(
      "error",
      ["retrain", "timezone"],
      `unknown time zone "${retrain.timezone}"`,
      near ? `did you mean "${near}"?` : "use an IANA name such as Europe/Berlin",
    );
  }
  if (retrain.when.drift && !config.data?.drift) {
    report(
      "error",
      ["retrain", "when", "drift"],
      "retraining on drift needs data.drift to be configured",
      "add `data: { drift: { reference: champion } }`, or set `drift: false`",
    );
  }
}
