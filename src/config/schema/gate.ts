import * as z from "../../zod.ts";
import { Direction, Name, RelativePath, Severity } from "./common.ts";

export const GateRule = z.described(
  z.strictObject({
    metric: z.described(
      z.string().check(z.minLength(1)),
      "The metric the rule checks: a built-in one (e.g. `accuracy`, `balanced_accuracy`, `f1`, `roc_auc`, " +
        "`roc_auc_ovr_weighted`, `roc_auc_ovo`, `expected_calibration_error`, `r2`, `explained_variance`, " +
        "`max_error`), one class's `precision[<class>]`, `recall[<class>]` or `f1[<class>]` with the label as " +
        'written in the predictions file (e.g. `recall[malignant]`; quote it inside `{ }`: `"recall[malignant]"`), ' +
        "or one from evaluate.metrics_file.",
    ),
    min: z.described(z.optional(z.number()), "Value rule: the metric must be at least this (inclusive)."),
    max: z.described(z.optional(z.number()), "Value rule: the metric must be at most this (inclusive)."),
    max_regression: z.described(
      z.optional(z.number().check(z.gte(0))),
      "Change rule: the candidate may be at most this much worse than the baseline.",
    ),
    min_improvement: z.described(
      z.optional(z.number().check(z.gte(0))),
      "Change rule: the candidate must be at least this much better than the baseline.",
    ),
    relative: z.described(
      z._default(z.boolean(), false),
      "Change rules compare (candidate - baseline) / |baseline| instead of the plain difference.",
    ),
    direction: z.described(
      z.optional(Direction),
      "Which way is better; built-in metrics know it, custom ones need it.",
    ),
    significance: z.described(
      z.optional(z.number().check(z.gt(0.5), z.lt(1))),
      "Confidence level (e.g. 0.95) of a paired test on the same rows: a regression rule then fails only when " +
        "the whole interval lies past the tolerance.",
    ),
    test: z.described(
      z._default(z.enum(["bootstrap", "mcnemar"]), "bootstrap"),
      "Paired test used with `significance`: bootstrap interval of the delta, or McNemar (accuracy only).",
    ),
    slice: z.described(
      z.optional(z.string().check(z.minLength(1))),
      "Apply the rule to every value of this slice column (from evaluate.slices).",
    ),
    severity: z._default(Severity, "error"),
    description: z.described(z.optional(z.string()), "Why the rule exists; shown in the report."),
  }),
  "One gate rule: a value rule (min/max), a change rule against the baseline, or both.",
);

export const BaselineSpec = z.described(
  z.union([
    z.literal("none"),
    Name,
    z.strictObject({
      alias: z.described(z.optional(Name), "Registry alias whose version is the baseline (default `champion`)."),
      metrics_file: z.described(
        z.optional(RelativePath),
        "Fallback: a metrics JSON or YAML file (e.g. from the base branch).",
      ),
    }),
  ]),
  "`none`, a registry alias (default `champion`), or { alias, metrics_file }.",
);

export const GateSection = z.described(
  z.strictObject({
    baseline: z._default(BaselineSpec, "champion"),
    primary_metric: z.described(
      z.optional(z.string()),
      "The headline metric: used to rank sweep legs. Default: the first rule's metric.",
    ),
    rules: z.described(
      z._default(z.array(GateRule), []),
      "The rules. A gate with no rules is refused: it could never fail.",
    ),
    bootstrap: z.described(
      z.prefault(
        z.strictObject({
          resamples: z.described(
            z._default(z.number().check(z.int(), z.gte(100), z.lte(100_000)), 1000),
            "Bootstrap resamples.",
          ),
          seed: z.described(z._default(z.number().check(z.int()), 42), "Seed, so a re-run gives the same interval."),
        }),
        {},
      ),
      "Settings of the paired bootstrap.",
    ),
  }),
  "The evaluation gate: rules the candidate model must pass against the baseline.",
);
