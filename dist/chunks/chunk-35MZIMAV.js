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
} from "./chunk-LNIKRDBK.js";
import {
  _default,
  _enum,
  _gt,
  _gte,
  _lt,
  _lte,
  _minLength,
  _positive,
  _regex,
  array,
  boolean,
  coerce_exports,
  described,
  extend,
  int,
  literal,
  number,
  omit,
  optional,
  prefault,
  record,
  strictObject,
  string,
  union,
  url
} from "./chunk-MOKAEFJD.js";

// src/config/schema/data.ts
var COLUMN_TYPES = ["integer", "number", "string", "boolean", "category", "datetime"];
var DRIFT_METHODS = ["auto", "psi", "ks", "chi2", "jensen_shannon", "wasserstein"];
var DATA_FORMATS = ["auto", "csv", "tsv", "jsonl", "parquet"];
var Bound = union([number(), string()], { error: "expected a number (or an ISO date for datetime columns)" });
var nonEmptyString = () => string().check(_minLength(1));
var share = () => number().check(_gte(0), _lte(1));
var rowCount = () => number().check(int(), _gte(0));
var ColumnSpec = described(
  strictObject({
    type: described(optional(_enum(COLUMN_TYPES)), "The column's type. Inferred from the data when left out."),
    required: described(_default(boolean(), true), "The column must be present."),
    nullable: described(_default(boolean(), true), "Empty values are allowed."),
    max_null_fraction: described(optional(share()), "Largest allowed share of empty values (0-1)."),
    min: described(optional(Bound), "Smallest allowed value (inclusive)."),
    max: described(optional(Bound), "Largest allowed value (inclusive)."),
    values: described(optional(array(Scalar).check(_minLength(1))), "The allowed values of a category column."),
    regex: described(optional(string()), "A regular expression every non-empty value must match in full."),
    unique: described(_default(boolean(), false), "No value may appear twice."),
    severity: _default(Severity, "error"),
    description: described(optional(string()), "What the column holds.")
  }),
  "Rules for one column."
);
var DatasetSchema = described(
  strictObject({
    columns: described(_default(record(nonEmptyString(), ColumnSpec), {}), "Rules per column, by column name."),
    rows: described(
      optional(
        strictObject({
          min: described(
            optional(rowCount()),
            "Fewest rows allowed. A file with a header and no rows fails unless this is 0 (empty data is expected)."
          ),
          max: described(optional(rowCount()), "Most rows allowed.")
        })
      ),
      "Row-count bounds."
    ),
    unique_key: described(
      optional(array(nonEmptyString()).check(_minLength(1))),
      "Columns whose combined values must be unique in every row (a primary key)."
    ),
    duplicate_rows: described(
      _default(_enum(["allow", "warn", "error"]), "warn"),
      "What an exact duplicate row is: allowed, a warning, or an error."
    ),
    extra_columns: described(
      _default(_enum(["allow", "warn", "error"]), "allow"),
      "What a column that `columns` does not declare is."
    )
  }),
  "What valid data looks like."
);
var DriftColumnOverride = described(
  strictObject({
    method: described(optional(_enum(DRIFT_METHODS)), "Drift statistic for this column."),
    threshold: described(optional(number().check(_positive())), "Drift threshold for this column."),
    skip: described(_default(boolean(), false), "Leave this column out of drift checks.")
  }),
  "Drift settings for one column."
);
var DriftConfig = described(
  strictObject({
    reference: described(
      _default(union([literal("champion"), PathOrS3Uri]), "champion"),
      "What current data is compared with: `champion` (the training-data profile stored with the registry's champion), a data file, or a stored profile JSON."
    ),
    method: described(
      _default(_enum(DRIFT_METHODS), "auto"),
      "Drift statistic. `auto` picks as Evidently does: KS or chi-square for small references, normed Wasserstein or Jensen-Shannon distance for large ones."
    ),
    threshold: described(
      optional(number().check(_positive())),
      "Threshold for the chosen method (p-value for tests, distance otherwise). Default per method."
    ),
    columns: described(_default(record(nonEmptyString(), DriftColumnOverride), {}), "Per-column overrides."),
    max_drifted_share: described(
      _default(share(), 0.5),
      "A comparison counts as drifted when at least this share of its columns drifted. It applies to each comparison on its own: the training data against the reference, the evaluation data against the reference, and the evaluation data against the training data (skew)."
    ),
    severity: described(
      _default(Severity, "warn"),
      "Whether a drifted comparison (drift of train or eval, or skew of eval against train) fails validation (`error`) or only reports (`warn`)."
    )
  }),
  "Drift of the training and evaluation data against a reference, and skew of the evaluation data against the training data, all with these settings."
);
var DataSection = described(
  strictObject({
    train: described(DataSources, "Training data: a path, glob, or s3:// URI, or a list of them."),
    eval: described(optional(DataSources), "Evaluation data, validated with the same schema."),
    target: described(optional(nonEmptyString()), "The label column."),
    format: described(_default(_enum(DATA_FORMATS), "auto"), "File format; `auto` goes by the file extension."),
    header: described(
      _default(boolean(), true),
      "Whether the first row of a CSV or TSV file names its columns. With `false` every row is data, and the columns are named by `data.schema.columns`, which must list every column in its order in the file (DVC's prepared TSVs have no header). Never guessed from the data. Applies to data.train, data.eval and a data file given as data.drift.reference; not to JSON Lines or Parquet, which name their columns."
    ),
    schema: optional(DatasetSchema),
    drift: optional(DriftConfig)
  }),
  "The data the model is trained and evaluated on."
);

// src/config/schema/gate.ts
var GateRule = described(
  strictObject({
    metric: described(
      string().check(_minLength(1)),
      'The metric the rule checks: a built-in one (e.g. `accuracy`, `balanced_accuracy`, `f1`, `roc_auc`, `roc_auc_ovr_weighted`, `roc_auc_ovo`, `expected_calibration_error`, `r2`, `explained_variance`, `max_error`), one class\'s `precision[<class>]`, `recall[<class>]` or `f1[<class>]` with the label as written in the predictions file (e.g. `recall[malignant]`; quote it inside `{ }`: `"recall[malignant]"`), or one from evaluate.metrics_file.'
    ),
    min: described(optional(number()), "Value rule: the metric must be at least this (inclusive)."),
    max: described(optional(number()), "Value rule: the metric must be at most this (inclusive)."),
    max_regression: described(
      optional(number().check(_gte(0))),
      "Change rule: the candidate may be at most this much worse than the baseline."
    ),
    min_improvement: described(
      optional(number().check(_gte(0))),
      "Change rule: the candidate must be at least this much better than the baseline."
    ),
    relative: described(
      _default(boolean(), false),
      "Change rules compare (candidate - baseline) / |baseline| instead of the plain difference."
    ),
    direction: described(
      optional(Direction),
      "Which way is better; built-in metrics know it, custom ones need it."
    ),
    significance: described(
      optional(number().check(_gt(0.5), _lt(1))),
      "Confidence level (e.g. 0.95) of a paired test on the same rows: a regression rule then fails only when the whole interval lies past the tolerance."
    ),
    test: described(
      _default(_enum(["bootstrap", "mcnemar"]), "bootstrap"),
      "Paired test used with `significance`: bootstrap interval of the delta, or McNemar (accuracy only)."
    ),
    slice: described(
      optional(string().check(_minLength(1))),
      "Apply the rule to every value of this slice column (from evaluate.slices)."
    ),
    severity: _default(Severity, "error"),
    description: described(optional(string()), "Why the rule exists; shown in the report.")
  }),
  "One gate rule: a value rule (min/max), a change rule against the baseline, or both."
);
var BaselineSpec = described(
  union([
    literal("none"),
    Name,
    strictObject({
      alias: described(optional(Name), "Registry alias whose version is the baseline (default `champion`)."),
      metrics_file: described(
        optional(RelativePath),
        "Fallback: a metrics JSON or YAML file (e.g. from the base branch)."
      )
    })
  ]),
  "`none`, a registry alias (default `champion`), or { alias, metrics_file }."
);
var GateSection = described(
  strictObject({
    baseline: _default(BaselineSpec, "champion"),
    primary_metric: described(
      optional(string()),
      "The headline metric: used to rank sweep legs. Default: the first rule's metric."
    ),
    rules: described(
      _default(array(GateRule), []),
      "The rules. A gate with no rules is refused: it could never fail."
    ),
    bootstrap: described(
      prefault(
        strictObject({
          resamples: described(
            _default(number().check(int(), _gte(100), _lte(1e5)), 1e3),
            "Bootstrap resamples."
          ),
          seed: described(_default(number().check(int()), 42), "Seed, so a re-run gives the same interval.")
        }),
        {}
      ),
      "Settings of the paired bootstrap."
    )
  }),
  "The evaluation gate: rules the candidate model must pass against the baseline."
);

// src/config/schema/monitor.ts
var ColumnName = string().check(_minLength(1));
var DURATION_PATTERN = /^(\d+)\s*(m|h|d|w)$/;
var DURATION_MS = { m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function durationMs(text) {
  if (text.trim() === "0") return 0;
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * DURATION_MS[match[2]];
}
var WINDOW_MS = { hour: 36e5, day: 864e5, week: 6048e5 };
var Duration = described(
  string().check(_regex(DURATION_PATTERN, { error: "expected a duration such as 90m, 36h, 3d or 1w" })),
  "A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks)."
);
var LabelDelay = described(
  coerce_exports.string().check(
    _regex(/^(?:0|\d+\s*(?:m|h|d|w))$/, { error: "expected a duration such as 90m, 36h, 3d or 1w, or 0 for none" })
  ),
  "A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks); 0 for labels that arrive with their window."
);
var PredictionLog = described(
  strictObject({
    path: described(
      DataSources,
      "The prediction logs: paths, globs or s3:// URIs (e.g. `logs/predictions/date=*/*.jsonl`). CSV, TSV, JSON Lines (optionally .gz) or Parquet."
    ),
    format: described(_default(_enum(DATA_FORMATS), "auto"), "File format; `auto` goes by the file extension."),
    timestamp: described(
      _default(ColumnName, "timestamp"),
      "Column with when the prediction was made: ISO 8601 with an offset (`2026-03-28T23:30:00Z`), a date, or a number since 1970 in `timestamp_unit`."
    ),
    timestamp_unit: described(
      _default(_enum(["seconds", "milliseconds"]), "seconds"),
      "The unit of numeric timestamps (declared, never guessed)."
    ),
    prediction: described(_default(ColumnName, "prediction"), "Column with the predicted label (or value)."),
    score: described(optional(ColumnName), "Column with the positive-class probability (binary classifiers)."),
    score_prefix: described(
      optional(ColumnName),
      "Prefix of per-class probability columns (multiclass), e.g. `proba_` for proba_cat, proba_dog."
    ),
    id: described(optional(ColumnName), "Column with the request id that labels are joined by."),
    latency: described(optional(ColumnName), "Column with the request's latency in milliseconds."),
    features: described(
      optional(array(ColumnName).check(_minLength(1))),
      "The feature columns to check and compare with the training data. Default: every column of the training-data profile but the target, the columns named above and evaluate.predictions.id; a log without one of them is an error."
    )
  }),
  "What the serving code logs for each prediction."
);
var LabelSource = described(
  strictObject({
    path: described(
      DataSources,
      "Label files, partitioned by the date they arrived: the first `YYYY-MM-DD` in each path is that date (`labels/2026-03-28.csv`, `labels/date=2026-03-28/part-0.jsonl`)."
    ),
    format: described(_default(_enum(DATA_FORMATS), "auto"), "File format; `auto` goes by the file extension."),
    id: described(_default(ColumnName, "id"), "Column with the request id, as the prediction log has it."),
    label: described(_default(ColumnName, "label"), "Column with the true label (or true value)."),
    delay: described(
      _default(LabelDelay, "1d"),
      "How long after a window's end its labels may still arrive (`2d`; `0` when they arrive with their window); until then the window's realised metrics are marked incomplete."
    )
  }),
  "Labels that arrive after the predictions, joined to them by request id."
);
var MonitorRule = described(
  extend(omit(GateRule, { significance: true, test: true }), {
    action: described(
      _default(_enum(["none", "retrain"]), "none"),
      "What a breach of this rule does besides failing the run: `retrain` runs the retraining workflow (mlops-retrain.yml, by workflow_dispatch) with the breach as its reason (needs `actions: write`)."
    )
  }),
  "A rule a window must pass, in the gate's rule language: a value rule (min/max) or a change rule against the baseline (the monitored version's evaluation for performance metrics; the median of the previous windows for the others). Metrics: `rows`, `drift_share`, `drifted_features`, `prediction_drift`, `quality_errors`, `quality_warnings`, `latency_p50`/`p90`/`p95`/`p99`, `labelled_share`, a realised metric by the gate's name (`accuracy`, `roc_auc` ...), or a CBPE estimate as `estimated_<metric>`."
);
var IssueAlert = described(
  prefault(
    strictObject({
      open: described(_default(boolean(), true), "Open (and update, and close) the issue at all."),
      labels: described(
        _default(array(string().check(_minLength(1))), ["mlops", "monitoring"]),
        "Labels of the issue."
      ),
      assignees: described(_default(array(string().check(_minLength(1))), []), "Who is assigned the issue.")
    }),
    {}
  ),
  "One issue per model and alias: opened on a breach, updated while it lasts, closed with a comment when a later window is healthy (needs a token with `issues: write`)."
);
var WebhookAlert = described(
  optional(
    strictObject({
      url_env: described(
        _default(
          string().check(_regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "expected an environment variable name" })),
          "MLOPS_WEBHOOK_URL"
        ),
        "The environment variable holding the webhook's URL, set from a secret in the workflow."
      ),
      send: described(
        _default(_enum(["breach", "always"]), "breach"),
        "Post when the verdict is fail (`breach`), or after every run (`always`)."
      ),
      timeout_seconds: described(
        _default(number().check(_positive(), _lte(300)), 10),
        "Longest wait for one attempt."
      ),
      budget_seconds: described(
        _default(number().check(_positive(), _lte(900)), 60),
        "All attempts and the waits between them stay within this."
      )
    })
  ),
  "A Slack-compatible message (text and blocks; Discord takes its text at the webhook URL + /slack) to a URL from a secret; retried on 5xx and 429; a failure is reported and never changes the verdict."
);
var PrometheusAlert = described(
  optional(
    strictObject({
      pushgateway: described(
        optional(url({ protocol: /^https?$/, error: "expected the Pushgateway's http(s):// URL" })),
        "The Pushgateway's base URL; each window is one group (job, model, alias, window)."
      ),
      job: described(
        _default(string().check(_minLength(1)), "mlops_monitor"),
        "The `job` label of every group."
      ),
      retry_seconds: described(
        _default(number().check(_gte(0), _lte(300)), 10),
        "How long one window's push keeps retrying."
      ),
      timeout_seconds: described(
        _default(number().check(_positive(), _lte(120)), 10),
        "How long one request may take."
      ),
      keep_windows: described(
        _default(number().check(int(), _gte(1)), 24),
        "Groups of each window size the gateway keeps per model and alias; older ones are deleted."
      ),
      textfile: described(
        optional(
          string().check(
            _regex(/\.prom$/, {
              error: "expected a file ending in .prom (the textfile collector reads only those)"
            })
          )
        ),
        "A file for a node exporter's textfile collector (relative to mlops.yml, or absolute), written atomically with the latest window of each size."
      )
    })
  ),
  "Every window's figures in Prometheus' text format, pushed to a Pushgateway and/or written for the textfile collector; a failure is reported and never changes the verdict."
);
var MonitorSection = described(
  strictObject({
    alias: described(_default(Name, "champion"), "The alias whose version serves (and is monitored)."),
    logs: PredictionLog,
    labels: optional(LabelSource),
    window: described(_default(_enum(["hour", "day", "week"]), "day"), "Window size, by the timestamp (UTC)."),
    slices: described(
      _default(array(ColumnName), []),
      "Columns of the log to compute each window's metrics per value of (e.g. country)."
    ),
    metrics: described(
      optional(array(string().check(_minLength(1)))),
      "Performance metrics to compute per window (realised once labels join, estimated by CBPE before). Default: the metrics the monitor's rules name (estimated_f1 names f1), else the gate rules' metrics."
    ),
    level: described(
      _default(number().check(_gt(0.5), _lt(1)), 0.95),
      "Level of the CBPE intervals (the range the realised metric lies in if scores are calibrated)."
    ),
    rules: described(
      _default(array(MonitorRule), []),
      "Rules each window must pass; a breach makes the run exit 1."
    ),
    alerts: described(
      prefault(strictObject({ issue: IssueAlert, webhook: WebhookAlert, prometheus: PrometheusAlert }), {}),
      "Where a breach is told besides the run's verdict."
    ),
    shards: described(
      MatrixShards,
      "Matrix legs the scheduled workflow splits a backlog of windows into (mlops-monitor.yml)."
    ),
    schedule: described(
      _default(string(), "17 4 * * *"),
      "When the scheduled workflow runs the monitor: a 5-field cron expression (UTC)."
    )
  }),
  "Monitoring of the served model's predictions (docs/monitoring.md)."
);

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
