import * as z from "../../zod.ts";
import { DataSources, MatrixShards, Name } from "./common.ts";
import { DATA_FORMATS } from "./data.ts";
import { GateRule } from "./gate.ts";

/**
 * The monitor (DOMAIN.md §7, docs/monitoring.md): what the serving code logs, where labels arrive later, how the
 * log is cut into windows, and the rules a window must pass.
 */

const ColumnName = z.string().check(z.minLength(1));

/** `90m`, `36h`, `3d`, `1w`: how long after a window's end its labels may still arrive. */
export const DURATION_PATTERN = /^(\d+)\s*(m|h|d|w)$/;
const DURATION_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** A duration as the config writes it, in milliseconds (`0`, no delay, only as monitor.labels.delay has it). */
export function durationMs(text: string): number {
  if (text.trim() === "0") return 0;
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * DURATION_MS[match[2] as keyof typeof DURATION_MS];
}

/** How long a window of each size lasts (an ISO week is always 7 days; windows are cut in UTC, which has no DST). */
export const WINDOW_MS = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export const Duration = z.described(
  z.string().check(z.regex(DURATION_PATTERN, { error: "expected a duration such as 90m, 36h, 3d or 1w" })),
  "A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks).",
);

/**
 * A label delay: a duration, or 0 for labels that arrive with their window. YAML reads `delay: 0` as a number, which
 * is taken as the text "0" rather than refused with "expected text".
 */
const LabelDelay = z.described(
  z.coerce
    .string()
    .check(
      z.regex(/^(?:0|\d+\s*(?:m|h|d|w))$/, { error: "expected a duration such as 90m, 36h, 3d or 1w, or 0 for none" }),
    ),
  "A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks); 0 for labels that arrive with their window.",
);

export const PredictionLog = z.described(
  z.strictObject({
    path: z.described(
      DataSources,
      "The prediction logs: paths, globs or s3:// URIs (e.g. `logs/predictions/date=*/*.jsonl`). CSV, TSV, JSON Lines " +
        "(optionally .gz) or Parquet.",
    ),
    format: z.described(z._default(z.enum(DATA_FORMATS), "auto"), "File format; `auto` goes by the file extension."),
    timestamp: z.described(
      z._default(ColumnName, "timestamp"),
      "Column with when the prediction was made: ISO 8601 with an offset (`2026-03-28T23:30:00Z`), a date, or a number " +
        "since 1970 in `timestamp_unit`.",
    ),
    timestamp_unit: z.described(
      z._default(z.enum(["seconds", "milliseconds"]), "seconds"),
      "The unit of numeric timestamps (declared, never guessed).",
    ),
    prediction: z.described(z._default(ColumnName, "prediction"), "Column with the predicted label (or value)."),
    score: z.described(z.optional(ColumnName), "Column with the positive-class probability (binary classifiers)."),
    score_prefix: z.described(
      z.optional(ColumnName),
      "Prefix of per-class probability columns (multiclass), e.g. `proba_` for proba_cat, proba_dog.",
    ),
    id: z.described(z.optional(ColumnName), "Column with the request id that labels are joined by."),
    latency: z.described(z.optional(ColumnName), "Column with the request's latency in milliseconds."),
    features: z.described(
      z.optional(z.array(ColumnName).check(z.minLength(1))),
      "The feature columns to check and compare with the training data. Default: every column of the training-data " +
        "profile but the target, the columns named above and evaluate.predictions.id; a log without one of them is " +
        "an error.",
    ),
  }),
  "What the serving code logs for each prediction.",
);

export const LabelSource = z.described(
  z.strictObject({
    path: z.described(
      DataSources,
      "Label files, partitioned by the date they arrived: the first `YYYY-MM-DD` in each path is that date " +
        "(`labels/2026-03-28.csv`, `labels/date=2026-03-28/part-0.jsonl`).",
    ),
    format: z.described(z._default(z.enum(DATA_FORMATS), "auto"), "File format; `auto` goes by the file extension."),
    id: z.described(z._default(ColumnName, "id"), "Column with the request id, as the prediction log has it."),
    label: z.described(z._default(ColumnName, "label"), "Column with the true label (or true value)."),
    delay: z.described(
      z._default(LabelDelay, "1d"),
      "How long after a window's end its labels may still arrive (`2d`; `0` when they arrive with their window); " +
        "until then the window's realised metrics are marked incomplete.",
    ),
  }),
  "Labels that arrive after the predictions, joined to them by request id.",
);

export const MonitorRule = z.described(
  z.extend(z.omit(GateRule, { significance: true, test: true }), {
    action: z.described(
      z._default(z.enum(["none", "retrain"]), "none"),
      "What a breach of this rule does besides failing the run: `retrain` runs the retraining workflow " +
        "(mlops-retrain.yml, by workflow_dispatch) with the breach as its reason (needs `actions: write`).",
    ),
  }),
  "A rule a window must pass, in the gate's rule language: a value rule (min/max) or a change rule against the " +
    "baseline (the monitored version's evaluation for performance metrics; the median of the previous windows for " +
    "the others). Metrics: `rows`, `drift_share`, `drifted_features`, `prediction_drift`, `quality_errors`, " +
    "`quality_warnings`, `latency_p50`/`p90`/`p95`/`p99`, `labelled_share`, a realised metric by the gate's name " +
    "(`accuracy`, `roc_auc` ...), or a CBPE estimate as `estimated_<metric>`.",
);

const IssueAlert = z.described(
  z.prefault(
    z.strictObject({
      open: z.described(z._default(z.boolean(), true), "Open (and update, and close) the issue at all."),
      labels: z.described(
        z._default(z.array(z.string().check(z.minLength(1))), ["mlops", "monitoring"]),
        "Labels of the issue.",
      ),
      assignees: z.described(z._default(z.array(z.string().check(z.minLength(1))), []), "Who is assigned the issue."),
    }),
    {},
  ),
  "One issue per model and alias: opened on a breach, updated while it lasts, closed with a comment when a " +
    "later window is healthy (needs a token with `issues: write`).",
);

const WebhookAlert = z.described(
  z.optional(
    z.strictObject({
      url_env: z.described(
        z._default(
          z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "expected an environment variable name" })),
          "MLOPS_WEBHOOK_URL",
        ),
        "The environment variable holding the webhook's URL, set from a secret in the workflow.",
      ),
      send: z.described(
        z._default(z.enum(["breach", "always"]), "breach"),
        "Post when the verdict is fail (`breach`), or after every run (`always`).",
      ),
      timeout_seconds: z.described(
        z._default(z.number().check(z.positive(), z.lte(300)), 10),
        "Longest wait for one attempt.",
      ),
      budget_seconds: z.described(
        z._default(z.number().check(z.positive(), z.lte(900)), 60),
        "All attempts and the waits between them stay within this.",
      ),
    }),
  ),
  "A Slack-compatible message (text and blocks; Discord takes its text at the webhook URL + /slack) to a URL " +
    "from a secret; retried on 5xx and 429; a failure is reported and never changes the verdict.",
);

const PrometheusAlert = z.described(
  z.optional(
    z.strictObject({
      pushgateway: z.described(
        z.optional(z.url({ protocol: /^https?$/, error: "expected the Pushgateway's http(s):// URL" })),
        "The Pushgateway's base URL; each window is one group (job, model, alias, window).",
      ),
      job: z.described(
        z._default(z.string().check(z.minLength(1)), "mlops_monitor"),
        "The `job` label of every group.",
      ),
      retry_seconds: z.described(
        z._default(z.number().check(z.gte(0), z.lte(300)), 10),
        "How long one window's push keeps retrying.",
      ),
      timeout_seconds: z.described(
        z._default(z.number().check(z.positive(), z.lte(120)), 10),
        "How long one request may take.",
      ),
      keep_windows: z.described(
        z._default(z.number().check(z.int(), z.gte(1)), 24),
        "Groups of each window size the gateway keeps per model and alias; older ones are deleted.",
      ),
      textfile: z.described(
        z.optional(
          z.string().check(
            z.regex(/\.prom$/, {
              error: "expected a file ending in .prom (the textfile collector reads only those)",
            }),
          ),
        ),
        "A file for a node exporter's textfile collector (relative to mlops.yml, or absolute), written " +
          "atomically with the latest window of each size.",
      ),
    }),
  ),
  "Every window's figures in Prometheus' text format, pushed to a Pushgateway and/or written for the textfile " +
    "collector; a failure is reported and never changes the verdict.",
);

export const MonitorSection = z.described(
  z.strictObject({
    alias: z.described(z._default(Name, "champion"), "The alias whose version serves (and is monitored)."),
    logs: PredictionLog,
    labels: z.optional(LabelSource),
    window: z.described(z._default(z.enum(["hour", "day", "week"]), "day"), "Window size, by the timestamp (UTC)."),
    slices: z.described(
      z._default(z.array(ColumnName), []),
      "Columns of the log to compute each window's metrics per value of (e.g. country).",
    ),
    metrics: z.described(
      z.optional(z.array(z.string().check(z.minLength(1)))),
      "Performance metrics to compute per window (realised once labels join, estimated by CBPE before). " +
        "Default: the metrics the monitor's rules name (estimated_f1 names f1), else the gate rules' metrics.",
    ),
    level: z.described(
      z._default(z.number().check(z.gt(0.5), z.lt(1)), 0.95),
      "Level of the CBPE intervals (the range the realised metric lies in if scores are calibrated).",
    ),
    rules: z.described(
      z._default(z.array(MonitorRule), []),
      "Rules each window must pass; a breach makes the run exit 1.",
    ),
    alerts: z.described(
      z.prefault(z.strictObject({ issue: IssueAlert, webhook: WebhookAlert, prometheus: PrometheusAlert }), {}),
      "Where a breach is told besides the run's verdict.",
    ),
    shards: z.described(
      MatrixShards,
      "Matrix legs the scheduled workflow splits a backlog of windows into (mlops-monitor.yml).",
    ),
    schedule: z.described(
      z._default(z.string(), "17 4 * * *"),
      "When the scheduled workflow runs the monitor: a 5-field cron expression (UTC).",
    ),
  }),
  "Monitoring of the served model's predictions (docs/monitoring.md).",
);
