import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DataSources,
  Direction,
  MatrixShards,
  Name,
  PathOrS3Uri,
  RelativePath,
  Scalar,
  Severity
} from "./chunk-QIGPZSLN.js";
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  record,
  strictObject,
  string,
  union,
  url
} from "./chunk-I7GHSQM2.js";

// src/config/schema/data.ts
var COLUMN_TYPES = ["integer", "number", "string", "boolean", "category", "datetime"];
var DRIFT_METHODS = ["auto", "psi", "ks", "chi2", "jensen_shannon", "wasserstein"];
var DATA_FORMATS = ["auto", "csv", "tsv", "jsonl", "parquet"];
var Bound = union([number(), string()], { error: "expected a number (or an ISO date for datetime columns)" });
var ColumnSpec = strictObject({
  type: _enum(COLUMN_TYPES).optional().describe("The column's type. Inferred from the data when left out."),
  required: boolean().default(true).describe("The column must be present."),
  nullable: boolean().default(true).describe("Empty values are allowed."),
  max_null_fraction: number().min(0).max(1).optional().describe("Largest allowed share of empty values (0-1)."),
  min: Bound.optional().describe("Smallest allowed value (inclusive)."),
  max: Bound.optional().describe("Largest allowed value (inclusive)."),
  values: array(Scalar).min(1).optional().describe("The allowed values of a category column."),
  regex: string().optional().describe("A regular expression every non-empty value must match in full."),
  unique: boolean().default(false).describe("No value may appear twice."),
  severity: Severity.default("error"),
  description: string().optional().describe("What the column holds.")
}).describe("Rules for one column.");
var DatasetSchema = strictObject({
  columns: record(string().min(1), ColumnSpec).default({}).describe("Rules per column, by column name."),
  rows: strictObject({
    min: number().int().min(0).optional().describe(
      "Fewest rows allowed. A file with a header and no rows fails unless this is 0 (empty data is expected)."
    ),
    max: number().int().min(0).optional().describe("Most rows allowed.")
  }).optional().describe("Row-count bounds."),
  unique_key: array(string().min(1)).min(1).optional().describe("Columns whose combined values must be unique in every row (a primary key)."),
  duplicate_rows: _enum(["allow", "warn", "error"]).default("warn").describe("What an exact duplicate row is: allowed, a warning, or an error."),
  extra_columns: _enum(["allow", "warn", "error"]).default("allow").describe("What a column that `columns` does not declare is.")
}).describe("What valid data looks like.");
var DriftColumnOverride = strictObject({
  method: _enum(DRIFT_METHODS).optional().describe("Drift statistic for this column."),
  threshold: number().positive().optional().describe("Drift threshold for this column."),
  skip: boolean().default(false).describe("Leave this column out of drift checks.")
}).describe("Drift settings for one column.");
var DriftConfig = strictObject({
  reference: union([literal("champion"), PathOrS3Uri]).default("champion").describe(
    "What current data is compared with: `champion` (the training-data profile stored with the registry's champion), a data file, or a stored profile JSON."
  ),
  method: _enum(DRIFT_METHODS).default("auto").describe(
    "Drift statistic. `auto` picks as Evidently does: KS or chi-square for small references, normed Wasserstein or Jensen-Shannon distance for large ones."
  ),
  threshold: number().positive().optional().describe("Threshold for the chosen method (p-value for tests, distance otherwise). Default per method."),
  columns: record(string().min(1), DriftColumnOverride).default({}).describe("Per-column overrides."),
  max_drifted_share: number().min(0).max(1).default(0.5).describe(
    "A comparison counts as drifted when at least this share of its columns drifted. It applies to each comparison on its own: the training data against the reference, the evaluation data against the reference, and the evaluation data against the training data (skew)."
  ),
  severity: Severity.default("warn").describe(
    "Whether a drifted comparison (drift of train or eval, or skew of eval against train) fails validation (`error`) or only reports (`warn`)."
  )
}).describe(
  "Drift of the training and evaluation data against a reference, and skew of the evaluation data against the training data, all with these settings."
);
var DataSection = strictObject({
  train: DataSources.describe("Training data: a path, glob, or s3:// URI, or a list of them."),
  eval: DataSources.optional().describe("Evaluation data, validated with the same schema."),
  target: string().min(1).optional().describe("The label column."),
  format: _enum(DATA_FORMATS).default("auto").describe("File format; `auto` goes by the file extension."),
  header: boolean().default(true).describe(
    "Whether the first row of a CSV or TSV file names its columns. With `false` every row is data, and the columns are named by `data.schema.columns`, which must list every column in its order in the file (DVC's prepared TSVs have no header). Never guessed from the data. Applies to data.train, data.eval and a data file given as data.drift.reference; not to JSON Lines or Parquet, which name their columns."
  ),
  schema: DatasetSchema.optional(),
  drift: DriftConfig.optional()
}).describe("The data the model is trained and evaluated on.");

// src/config/schema/gate.ts
var GateRule = strictObject({
  metric: string().min(1).describe(
    'The metric the rule checks: a built-in one (e.g. `accuracy`, `balanced_accuracy`, `f1`, `roc_auc`, `roc_auc_ovr_weighted`, `roc_auc_ovo`, `expected_calibration_error`, `r2`, `explained_variance`, `max_error`), one class\'s `precision[<class>]`, `recall[<class>]` or `f1[<class>]` with the label as written in the predictions file (e.g. `recall[malignant]`; quote it inside `{ }`: `"recall[malignant]"`), or one from evaluate.metrics_file.'
  ),
  min: number().optional().describe("Value rule: the metric must be at least this (inclusive)."),
  max: number().optional().describe("Value rule: the metric must be at most this (inclusive)."),
  max_regression: number().min(0).optional().describe("Change rule: the candidate may be at most this much worse than the baseline."),
  min_improvement: number().min(0).optional().describe("Change rule: the candidate must be at least this much better than the baseline."),
  relative: boolean().default(false).describe("Change rules compare (candidate - baseline) / |baseline| instead of the plain difference."),
  direction: Direction.optional().describe("Which way is better; built-in metrics know it, custom ones need it."),
  significance: number().gt(0.5).lt(1).optional().describe(
    "Confidence level (e.g. 0.95) of a paired test on the same rows: a regression rule then fails only when the whole interval lies past the tolerance."
  ),
  test: _enum(["bootstrap", "mcnemar"]).default("bootstrap").describe("Paired test used with `significance`: bootstrap interval of the delta, or McNemar (accuracy only)."),
  slice: string().min(1).optional().describe("Apply the rule to every value of this slice column (from evaluate.slices)."),
  severity: Severity.default("error"),
  description: string().optional().describe("Why the rule exists; shown in the report.")
}).describe("One gate rule: a value rule (min/max), a change rule against the baseline, or both.");
var BaselineSpec = union([
  literal("none"),
  Name,
  strictObject({
    alias: Name.optional().describe("Registry alias whose version is the baseline (default `champion`)."),
    metrics_file: RelativePath.optional().describe(
      "Fallback: a metrics JSON or YAML file (e.g. from the base branch)."
    )
  })
]).describe("`none`, a registry alias (default `champion`), or { alias, metrics_file }.");
var GateSection = strictObject({
  baseline: BaselineSpec.default("champion"),
  primary_metric: string().optional().describe("The headline metric: used to rank sweep legs. Default: the first rule's metric."),
  rules: array(GateRule).default([]).describe("The rules. A gate with no rules is refused: it could never fail."),
  bootstrap: strictObject({
    resamples: number().int().min(100).max(1e5).default(1e3).describe("Bootstrap resamples."),
    seed: number().int().default(42).describe("Seed, so a re-run gives the same interval.")
  }).prefault({}).describe("Settings of the paired bootstrap.")
}).describe("The evaluation gate: rules the candidate model must pass against the baseline.");

// src/config/schema/monitor.ts
var ColumnName = string().min(1);
var DURATION_PATTERN = /^(\d+)\s*(m|h|d|w)$/;
var DURATION_MS = { m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function durationMs(text) {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * DURATION_MS[match[2]];
}
var WINDOW_MS = { hour: 36e5, day: 864e5, week: 6048e5 };
var Duration = string().regex(DURATION_PATTERN, { error: "expected a duration such as 90m, 36h, 3d or 1w" }).describe("A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks).");
var PredictionLog = strictObject({
  path: DataSources.describe(
    "The prediction logs: paths, globs or s3:// URIs (e.g. `logs/predictions/date=*/*.jsonl`). CSV, TSV, JSON Lines (optionally .gz) or Parquet."
  ),
  format: _enum(DATA_FORMATS).default("auto").describe("File format; `auto` goes by the file extension."),
  timestamp: ColumnName.default("timestamp").describe(
    "Column with when the prediction was made: ISO 8601 with an offset (`2026-03-28T23:30:00Z`), a date, or a number since 1970 in `timestamp_unit`."
  ),
  timestamp_unit: _enum(["seconds", "milliseconds"]).default("seconds").describe("The unit of numeric timestamps (declared, never guessed)."),
  prediction: ColumnName.default("prediction").describe("Column with the predicted label (or value)."),
  score: ColumnName.optional().describe("Column with the positive-class probability (binary classifiers)."),
  score_prefix: ColumnName.optional().describe(
    "Prefix of per-class probability columns (multiclass), e.g. `proba_` for proba_cat, proba_dog."
  ),
  id: ColumnName.optional().describe("Column with the request id that labels are joined by."),
  latency: ColumnName.optional().describe("Column with the request's latency in milliseconds."),
  features: array(ColumnName).min(1).optional().describe(
    "The feature columns to check and compare with the training data. Default: every column of the log that the training-data profile has (the target left out)."
  )
}).describe("What the serving code logs for each prediction.");
var LabelSource = strictObject({
  path: DataSources.describe(
    "Label files, partitioned by the date they arrived: the first `YYYY-MM-DD` in each path is that date (`labels/2026-03-28.csv`, `labels/date=2026-03-28/part-0.jsonl`)."
  ),
  format: _enum(DATA_FORMATS).default("auto").describe("File format; `auto` goes by the file extension."),
  id: ColumnName.default("id").describe("Column with the request id, as the prediction log has it."),
  label: ColumnName.default("label").describe("Column with the true label (or true value)."),
  delay: Duration.default("1d").describe(
    "How long after a window's end its labels may still arrive; until then the window's realised metrics are marked incomplete."
  )
}).describe("Labels that arrive after the predictions, joined to them by request id.");
var MonitorRule = GateRule.omit({ significance: true, test: true }).extend({
  action: _enum(["none", "retrain"]).default("none").describe(
    "What a breach of this rule does besides failing the run: `retrain` runs the retraining workflow (mlops-retrain.yml, by workflow_dispatch) with the breach as its reason (needs `actions: write`)."
  )
}).describe(
  "A rule a window must pass, in the gate's rule language: a value rule (min/max) or a change rule against the baseline (the monitored version's evaluation for performance metrics; the median of the previous windows for the others). Metrics: `rows`, `drift_share`, `drifted_features`, `prediction_drift`, `quality_errors`, `quality_warnings`, `latency_p50`/`p90`/`p95`/`p99`, `labelled_share`, a realised metric by the gate's name (`accuracy`, `roc_auc` ...), or a CBPE estimate as `estimated_<metric>`."
);
var MonitorSection = strictObject({
  alias: Name.default("champion").describe("The alias whose version serves (and is monitored)."),
  logs: PredictionLog,
  labels: LabelSource.optional(),
  window: _enum(["hour", "day", "week"]).default("day").describe("Window size, by the timestamp (UTC)."),
  slices: array(ColumnName).default([]).describe("Columns of the log to compute each window's metrics per value of (e.g. country)."),
  metrics: array(string().min(1)).optional().describe(
    "Performance metrics to compute per window (realised once labels join, estimated by CBPE before). Default: the metrics the monitor's rules name (estimated_f1 names f1), else the gate rules' metrics."
  ),
  level: number().gt(0.5).lt(1).default(0.95).describe("Level of the CBPE intervals (the range the realised metric lies in if scores are calibrated)."),
  rules: array(MonitorRule).default([]).describe("Rules each window must pass; a breach makes the run exit 1."),
  alerts: strictObject({
    issue: strictObject({
      open: boolean().default(true).describe("Open (and update, and close) the issue at all."),
      labels: array(string().min(1)).default(["mlops", "monitoring"]).describe("Labels of the issue."),
      assignees: array(string().min(1)).default([]).describe("Who is assigned the issue.")
    }).prefault({}).describe(
      "One issue per model and alias: opened on a breach, updated while it lasts, closed with a comment when a later window is healthy (needs a token with `issues: write`)."
    ),
    webhook: strictObject({
      url_env: string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "expected an environment variable name" }).default("MLOPS_WEBHOOK_URL").describe("The environment variable holding the webhook's URL, set from a secret in the workflow."),
      send: _enum(["breach", "always"]).default("breach").describe("Post when the verdict is fail (`breach`), or after every run (`always`)."),
      timeout_seconds: number().positive().max(300).default(10).describe("Longest wait for one attempt."),
      budget_seconds: number().positive().max(900).default(60).describe("All attempts and the waits between them stay within this.")
    }).optional().describe(
      "A Slack-compatible message (text and blocks; Discord takes its text at the webhook URL + /slack) to a URL from a secret; retried on 5xx and 429; a failure is reported and never changes the verdict."
    ),
    prometheus: strictObject({
      pushgateway: url({ protocol: /^https?$/, error: "expected the Pushgateway's http(s):// URL" }).optional().describe("The Pushgateway's base URL; each window is one group (job, model, alias, window)."),
      job: string().min(1).default("mlops_monitor").describe("The `job` label of every group."),
      retry_seconds: number().min(0).max(300).default(10).describe("How long one window's push keeps retrying."),
      timeout_seconds: number().positive().max(120).default(10).describe("How long one request may take."),
      keep_windows: number().int().min(1).default(24).describe("Groups of each window size the gateway keeps per model and alias; older ones are deleted."),
      textfile: string().regex(/\.prom$/, { error: "expected a file ending in .prom (the textfile collector reads only those)" }).optional().describe(
        "A file for a node exporter's textfile collector (relative to mlops.yml, or absolute), written atomically with the latest window of each size."
      )
    }).optional().describe(
      "Every window's figures in Prometheus' text format, pushed to a Pushgateway and/or written for the textfile collector; a failure is reported and never changes the verdict."
    )
  }).prefault({}).describe("Where a breach is told besides the run's verdict."),
  shards: MatrixShards.describe(
    "Matrix legs the scheduled workflow splits a backlog of windows into (mlops-monitor.yml)."
  ),
  schedule: string().default("17 4 * * *").describe("When the scheduled workflow runs the monitor: a 5-field cron expression (UTC).")
}).describe("Monitoring of the served model's predictions (docs/monitoring.md).");

export {
  DATA_FORMATS,
  DriftConfig,
  DataSection,
  GateRule,
  GateSection,
  durationMs,
  WINDOW_MS,
  Duration,
  MonitorSection
};
