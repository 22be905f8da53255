import * as z from "zod";
import { Direction, Name, RelativePath, Severity } from "./common.ts";

export const GateRule = z
  .strictObject({
    metric: z
      .string()
      .min(1)
      .describe(
        "The metric the rule checks: a built-in one (e.g. `accuracy`, `balanced_accuracy`, `f1`, `roc_auc`, " +
          "`roc_auc_ovr_weighted`, `roc_auc_ovo`, `expected_calibration_error`, `r2`, `explained_variance`, " +
          "`max_error`), one class's `precision[<class>]`, `recall[<class>]` or `f1[<class>]` with the label as " +
          'written in the predictions file (e.g. `recall[malignant]`; quote it inside `{ }`: `"recall[malignant]"`), ' +
          "or one from evaluate.metrics_file.",
      ),
    min: z.number().optional().describe("Value rule: the metric must be at least this (inclusive)."),
    max: z.number().optional().describe("Value rule: the metric must be at most this (inclusive)."),
    max_regression: z
      .number()
      .min(0)
      .optional()
      .describe("Change rule: the candidate may be at most this much worse than the baseline."),
    min_improvement: z
      .number()
      .min(0)
      .optional()
      .describe("Change rule: the candidate must be at least this much better than the baseline."),
    relative: z
      .boolean()
      .default(false)
      .describe("Change rules compare (candidate - baseline) / |baseline| instead of the plain difference."),
    direction: Direction.optional().describe("Which way is better; built-in metrics know it, custom ones need it."),
    significance: z
      .number()
      .gt(0.5)
      .lt(1)
      .optional()
      .describe(
        "Confidence level (e.g. 0.95) of a paired test on the same rows: a regression rule then fails only when " +
          "the whole interval lies past the tolerance.",
      ),
    test: z
      .enum(["bootstrap", "mcnemar"])
      .default("bootstrap")
      .describe("Paired test used with `significance`: bootstrap interval of the delta, or McNemar (accuracy only)."),
    slice: z
      .string()
      .min(1)
      .optional()
      .describe("Apply the rule to every value of this slice column (from evaluate.slices)."),
    severity: Severity.default("error"),
    description: z.string().optional().describe("Why the rule exists; shown in the report."),
  })
  .describe("One gate rule: a value rule (min/max), a change rule against the baseline, or both.");

export const BaselineSpec = z
  .union([
    z.literal("none"),
    Name,
    z.strictObject({
      alias: Name.optional().describe("Registry alias whose version is the baseline (default `champion`)."),
      metrics_file: RelativePath.optional().describe(
        "Fallback: a metrics JSON or YAML file (e.g. from the base branch).",
      ),
    }),
  ])
  .describe("`none`, a registry alias (default `champion`), or { alias, metrics_file }.");

export const GateSection = z
  .strictObject({
    baseline: BaselineSpec.default("champion"),
    primary_metric: z
      .string()
      .optional()
      .describe("The headline metric: used to rank sweep legs. Default: the first rule's metric."),
    rules: z.array(GateRule).default([]).describe("The rules. A gate with no rules is refused: it could never fail."),
    bootstrap: z
      .strictObject({
        resamples: z.number().int().min(100).max(100_000).default(1000).describe("Bootstrap resamples."),
        seed: z.number().int().default(42).describe("Seed, so a re-run gives the same interval."),
      })
      .prefault({})
      .describe("Settings of the paired bootstrap."),
  })
  .describe("The evaluation gate: rules the candidate model must pass against the baseline.");
