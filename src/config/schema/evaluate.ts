import * as z from "../../zod.ts";
import { Command, Direction, RelativePath, TimeoutMinutes } from "./common.ts";

export const PredictionsFile = z.described(
  z.strictObject({
    path: z.described(RelativePath, "The predictions file (CSV, TSV, JSON Lines or Parquet)."),
    label: z.described(z._default(z.string(), "label"), "Column with the true label (or true value)."),
    prediction: z.described(z._default(z.string(), "prediction"), "Column with the predicted label (or value)."),
    score: z.described(
      z.optional(z.string()),
      "Column with the positive-class probability (binary); needed for ROC AUC, log loss, Brier.",
    ),
    score_prefix: z.described(
      z.optional(z.string()),
      "Prefix of per-class probability columns (multiclass), e.g. `proba_` for proba_cat, proba_dog.",
    ),
    id: z.described(z.optional(z.string()), "Row id column; lets the gate pair candidate and baseline rows safely."),
  }),
  "Per-example predictions; the kit computes the built-in metrics from them.",
);

export const CustomMetric = z.strictObject({
  direction: Direction,
  description: z.described(z.optional(z.string()), "What the metric measures."),
});

export const EvaluateSection = z.described(
  z.strictObject({
    command: z.described(z.optional(Command), "The command that writes predictions and/or metrics files."),
    timeout_minutes: z.optional(TimeoutMinutes),
    predictions: z.described(
      z.optional(z.union([RelativePath, PredictionsFile], { error: "expected a predictions file path or mapping" })),
      "A predictions file (path, or mapping with column names). Columns default to label, prediction.",
    ),
    metrics_file: z.described(
      z.optional(z.union([RelativePath, z.array(RelativePath).check(z.minLength(1))])),
      "JSON or YAML (.yaml, .yml) file(s) of extra metrics your code computes (flat or nested, as DVC metrics files).",
    ),
    custom_metrics: z.described(
      z._default(z.record(z.string().check(z.minLength(1)), CustomMetric), {}),
      "Direction (and a description) of each metric from metrics files that a rule or report uses.",
    ),
    slices: z.described(
      z._default(z.array(z.string().check(z.minLength(1))), []),
      "Columns of the predictions file to compute metrics per value of (e.g. country, device).",
    ),
  }),
  "How the model is evaluated.",
);
