import * as z from "zod";
import { Command, Direction, RelativePath, TimeoutMinutes } from "./common.ts";

export const PredictionsFile = z
  .strictObject({
    path: RelativePath.describe("The predictions file (CSV, TSV, JSON Lines or Parquet)."),
    label: z.string().default("label").describe("Column with the true label (or true value)."),
    prediction: z.string().default("prediction").describe("Column with the predicted label (or value)."),
    score: z
      .string()
      .optional()
      .describe("Column with the positive-class probability (binary); needed for ROC AUC, log loss, Brier."),
    score_prefix: z
      .string()
      .optional()
      .describe("Prefix of per-class probability columns (multiclass), e.g. `proba_` for proba_cat, proba_dog."),
    id: z.string().optional().describe("Row id column; lets the gate pair candidate and baseline rows safely."),
  })
  .describe("Per-example predictions; the kit computes the built-in metrics from them.");

export const CustomMetric = z.strictObject({
  direction: Direction,
  description: z.string().optional().describe("What the metric measures."),
});

export const EvaluateSection = z
  .strictObject({
    command: Command.optional().describe("The command that writes predictions and/or metrics files."),
    timeout_minutes: TimeoutMinutes.optional(),
    predictions: z
      .union([RelativePath, PredictionsFile], { error: "expected a predictions file path or mapping" })
      .optional()
      .describe("A predictions file (path, or mapping with column names). Columns default to label, prediction."),
    metrics_file: z
      .union([RelativePath, z.array(RelativePath).min(1)])
      .optional()
      .describe(
        "JSON or YAML (.yaml, .yml) file(s) of extra metrics your code computes (flat or nested, as DVC metrics files).",
      ),
    custom_metrics: z
      .record(z.string().min(1), CustomMetric)
      .default({})
      .describe("Direction (and a description) of each metric from metrics files that a rule or report uses."),
    slices: z
      .array(z.string().min(1))
      .default([])
      .describe("Columns of the predictions file to compute metrics per value of (e.g. country, device)."),
  })
  .describe("How the model is evaluated.");
