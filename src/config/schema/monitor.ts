import * as z from "zod";
import { DataSources, MatrixShards, Name } from "./common.ts";
import { DATA_FORMATS } from "./data.ts";
import { GateRule } from "./gate.ts";

/**
 * The monitor (DOMAIN.md §7, docs/monitoring.md): what the serving code logs, where labels arrive later, how the
 * log is cut into windows, and the rules a window must pass.
 */

const ColumnName = z.string().min(1);

/** `90m`, `36h`, `3d`, `1w`: how long after a window's end its labels may still arrive. */
export const DURATION_PATTERN = /^(\d+)\s*(m|h|d|w)$/;
const DURATION_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** A duration as the config writes it, in milliseconds. */
export function durationMs(text: string): number {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * DURATION_MS[match[2] as keyof typeof DURATION_MS];
}

/** How long a window of each size lasts (an ISO week is always 7 days; windows are cut in UTC, which has no DST). */
export const WINDOW_MS = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export const Duration = z
  .string()
  .regex(DURATION_PATTERN, { error: "expected a duration such as 90m, 36h, 3d or 1w" })
  .describe("A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks).");

export const PredictionLog = z
  .strictObject({
    path: DataSources.describe(
      "The prediction logs: paths, globs or s3:// URIs (e.g. `logs/predictions/date=*/*.jsonl`). CSV, TSV, JSON Lines " +
        "(optionally .gz) or Parquet.",
    ),
    format: z.enum(DATA_FORMATS).default("auto").describe("File format; `auto` goes by the file extension."),
    timestamp: ColumnName.default("timestamp").describe(
      "Column with when the prediction was made: ISO 8601 with an offset (`2026-03-28T23:30:00Z`), a date, or a number " +
        "since 1970 in `timestamp_unit`.",
    ),
    timestamp_unit: z
      .enum(["seconds", "milliseconds"])
      .default("seconds")
      .describe("The unit of numeric timestamps (declared, never guessed)."),
    prediction: ColumnName.default("prediction").describe("Column with the predicted label (or value)."),
    score: ColumnName.optional().describe("Column with the positive-class probability (binary classifiers)."),
    score_prefix: ColumnName.optional().describe(
      "Prefix of per-class probability columns (multiclass), e.g. `proba_` for proba_cat, proba_dog.",
    ),
    id: ColumnName.optional().describe("Column with the request id that labels are joined by."),
    latency: ColumnName.optional().describe("Column with the request's latency in milliseconds."),
    features: z
      .array(ColumnName)
      .min(1)
      .optional()
      .describe(
        "The feature columns to check and compare with the training data. Default: every column of the log that the " +
          "training-data profile has (the target left out).",
      ),
  })
  .describe("What the serving code logs for each prediction.");

export const LabelSource = z
  .strictObject({
    path: DataSources.describe(
      "Label files, partitioned by the date they arrived: the first `YYYY-MM-DD` in each path is that date " +
        "(`labels/2026-03-28.csv`, `labels/date=2026-03-28/part-0.jsonl`).",
    ),
    format: z.enum(DATA_FORMATS).default("auto").describe("File format; `auto` goes by the file extension."),
    id: ColumnName.default("id").describe("Column with the request id, as the prediction log has it."),
    label: ColumnName.default("label").describe("Column with the true label (or true value)."),
    delay: Duration.default("1d").describe(
      "How long after a window's end its labels may still arrive; until then the window's realised metrics are " +
        "marked incomplete.",
    ),
  })
  .describe("Labels that arrive after the predictions, joined to them by request id.");

export const MonitorRule = GateRule.omit({ significance: true, test: true })
  .extend({
    action: z
      .enum(["none", "retrain"])
      .default("none")
      .describe(
        "What a breach of this rule does besides failing the run: `retrain` runs the retraining workflow " +
          "(mlops-retrain.yml, by workflow_dispatch) with the breach as its reason (needs `actions: write`).",
      ),
  })
  .describe(
    "A rule a window must pass, in the gate's rule language: a value rule (min/max) or a change rule against the " +
      "baseline (the monitored version's evaluation for performance metrics; the median of the previous windows for " +
      "the others). Metrics: `rows`, `drift_share`, `drifted_features`, `prediction_drift`, `quality_errors`, " +
      "`quality_warnings`, `latency_p50`/`p90`/`p95`/`p99`, `labelled_share`, a realised metric by the gate's name " +
      "(`accuracy`, `roc_auc` ...), or a CBPE estimate as `estimated_<metric>`.",
  );

export const MonitorSection = z
  .strictObject({
    alias: Name.default("champion").describe("The alias whose version serves (and is monitored)."),
    logs: PredictionLog,
    labels: LabelSource.optional(),
    window: z.enum(["hour", "day", "week"]).default("day").describe("Window size, by the timestamp (UTC)."),
    slices: z
      .array(ColumnName)
      .default([])
      .describe("Columns of the log to compute each window's metrics per value of (e.g. country)."),
    metrics: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Performance metrics to compute per window (realised once labels join, estimated by CBPE before). " +
          "Default: the metrics the monitor's rules name (estimated_f1 names f1), else the gate rules' metrics.",
      ),
    level: z
      .number()
      .gt(0.5)
      .lt(1)
      .default(0.95)
      .describe("Level of the CBPE intervals (the range the realised metric lies in if scores are calibrated)."),
    rules: z.array(MonitorRule).default([]).describe("Rules each window must pass; a breach makes the run exit 1."),
    alerts: z
      .strictObject({
        issue: z
          .strictObject({
            open: z.boolean().default(true).describe("Open (and update, and close) the issue at all."),
            labels: z.array(z.string().min(1)).default(["mlops", "monitoring"]).describe("Labels of the issue."),
            assignees: z.array(z.string().min(1)).default([]).describe("Who is assigned the issue."),
          })
          .prefault({})
          .describe(
            "One issue per model and alias: opened on a breach, updated while it lasts, closed with a comment when a " +
              "later window is healthy (needs a token with `issues: write`).",
          ),
        webhook: z
          .strictObject({
            url_env: z
              .string()
              .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "expected an environment variable name" })
              .default("MLOPS_WEBHOOK_URL")
              .describe("The environment variable holding the webhook's URL, set from a secret in the workflow."),
            send: z
              .enum(["breach", "always"])
              .default("breach")
              .describe("Post when the verdict is fail (`breach`), or after every run (`always`)."),
            timeout_seconds: z.number().positive().max(300).default(10).describe("Longest wait for one attempt."),
            budget_seconds: z
              .number()
              .positive()
              .max(900)
              .default(60)
              .describe("All attempts and the waits between them stay within this."),
          })
          .optional()
          .describe(
            "A Slack-compatible message (text and blocks; Discord takes its text at the webhook URL + /slack) to a URL " +
              "from a secret; retried on 5xx and 429; a failure is reported and never changes the verdict.",
          ),
        prometheus: z
          .strictObject({
            pushgateway: z
              .url({ protocol: /^https?$/, error: "expected the Pushgateway's http(s):// URL" })
              .optional()
              .describe("The Pushgateway's base URL; each window is one group (job, model, alias, window)."),
            job: z.string().min(1).default("mlops_monitor").describe("The `job` label of every group."),
            retry_seconds: z
              .number()
              .min(0)
              .max(300)
              .default(10)
              .describe("How long one window's push keeps retrying."),
            timeout_seconds: z.number().positive().max(120).default(10).describe("How long one request may take."),
            keep_windows: z
              .number()
              .int()
              .min(1)
              .default(24)
              .describe("Groups of each window size the gateway keeps per model and alias; older ones are deleted."),
            textfile: z
              .string()
              .regex(/\.prom$/, { error: "expected a file ending in .prom (the textfile collector reads only those)" })
              .optional()
              .describe(
                "A file for a node exporter's textfile collector (relative to mlops.yml, or absolute), written " +
                  "atomically with the latest window of each size.",
              ),
          })
          .optional()
          .describe(
            "Every window's figures in Prometheus' text format, pushed to a Pushgateway and/or written for the textfile " +
              "collector; a failure is reported and never changes the verdict.",
          ),
      })
      .prefault({})
      .describe("Where a breach is told besides the run's verdict."),
    shards: MatrixShards.describe(
      "Matrix legs the scheduled workflow splits a backlog of windows into (mlops-monitor.yml).",
    ),
    schedule: z
      .string()
      .default("17 4 * * *")
      .describe("When the scheduled workflow runs the monitor: a 5-field cron expression (UTC)."),
  })
  .describe("Monitoring of the served model's predictions (docs/monitoring.md).");
