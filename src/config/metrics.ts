import type { MlopsConfig } from "./schema/index.ts";

/**
 * The built-in metrics (DOMAIN.md §1): which task each belongs to, which way is better, and what it needs from the
 * predictions file. The gate, the config checks and the reports all read directions from here.
 */

export type Task = MlopsConfig["model"]["task"];
export type MetricDirection = "higher" | "lower";

export interface BuiltinMetric {
  task: Task;
  direction: MetricDirection;
  /** `labels`: true and predicted labels/values; `scores`: probabilities too. */
  needs: "labels" | "scores";
  description: string;
  /** The lowest and highest value the metric can take: a rule past them can never pass (or never fail). */
  bounds: readonly [lowest: number, highest: number];
}

/** Shares and rates: accuracy, precision, ROC AUC, the Brier score, the calibration error. */
const FRACTION = [0, 1] as const;
/** Errors and losses: 0 at best, unbounded above. */
const NON_NEGATIVE = [0, Infinity] as const;
/** R² and explained variance: 1 at best, unbounded below. */
const AT_MOST_ONE = [-Infinity, 1] as const;

const classification = (
  direction: MetricDirection,
  needs: "labels" | "scores",
  description: string,
  bounds: BuiltinMetric["bounds"] = FRACTION,
): BuiltinMetric => ({
  task: "classification",
  direction,
  needs,
  description,
  bounds,
});
const regression = (
  direction: MetricDirection,
  description: string,
  bounds: BuiltinMetric["bounds"] = NON_NEGATIVE,
): BuiltinMetric => ({
  task: "regression",
  direction,
  needs: "labels",
  description,
  bounds,
});

export const BUILTIN_METRICS = {
  accuracy: classification("higher", "labels", "share of rows predicted correctly"),
  balanced_accuracy: classification("higher", "labels", "mean recall over the classes that occur as labels"),
  precision: classification("higher", "labels", "precision of the positive class"),
  recall: classification("higher", "labels", "recall of the positive class"),
  f1: classification("higher", "labels", "F1 of the positive class"),
  precision_macro: classification("higher", "labels", "unweighted mean of per-class precision"),
  recall_macro: classification("higher", "labels", "unweighted mean of per-class recall"),
  f1_macro: classification("higher", "labels", "unweighted mean of per-class F1"),
  precision_micro: classification("higher", "labels", "precision over all classes pooled"),
  recall_micro: classification("higher", "labels", "recall over all classes pooled"),
  f1_micro: classification("higher", "labels", "F1 over all classes pooled"),
  precision_weighted: classification("higher", "labels", "per-class precision weighted by support"),
  recall_weighted: classification("higher", "labels", "per-class recall weighted by support"),
  f1_weighted: classification("higher", "labels", "per-class F1 weighted by support"),
  roc_auc: classification(
    "higher",
    "scores",
    "area under the ROC curve (trapezoidal); multiclass: one-vs-rest, macro average",
  ),
  roc_auc_ovr_weighted: classification(
    "higher",
    "scores",
    "multiclass ROC AUC, one-vs-rest, weighted by each class's count among the labels",
  ),
  roc_auc_ovo: classification("higher", "scores", "multiclass ROC AUC, one-vs-one (Hand & Till), macro average"),
  average_precision: classification("higher", "scores", "average precision (step-wise, as scikit-learn)"),
  log_loss: classification("lower", "scores", "cross-entropy of the predicted probabilities", NON_NEGATIVE),
  brier_score: classification("lower", "scores", "mean squared error of the positive-class probability"),
  expected_calibration_error: classification(
    "lower",
    "scores",
    "expected calibration error over 10 equal-width confidence bins (DOMAIN.md §1)",
  ),
  mae: regression("lower", "mean absolute error"),
  mse: regression("lower", "mean squared error"),
  rmse: regression("lower", "root mean squared error"),
  r2: regression("higher", "coefficient of determination", AT_MOST_ONE),
  mape: regression("lower", "mean absolute percentage error (a fraction, as scikit-learn)"),
  median_absolute_error: regression("lower", "median absolute error"),
  explained_variance: regression("higher", "explained variance score", AT_MOST_ONE),
  max_error: regression("lower", "largest absolute error of any row"),
} as const satisfies Record<string, BuiltinMetric>;

export type BuiltinMetricName = keyof typeof BUILTIN_METRICS;

/** The metrics that also exist per class, named `<metric>[<class>]`. */
export const PER_CLASS_METRICS = ["precision", "recall", "f1"] as const;

const PER_CLASS: Record<(typeof PER_CLASS_METRICS)[number], BuiltinMetric> = {
  precision: classification("higher", "labels", "precision of one class"),
  recall: classification("higher", "labels", "recall of one class"),
  f1: classification("higher", "labels", "F1 of one class"),
};

/**
 * A per-class metric's parts: `recall[malignant]` is recall of the class `malignant` (the label as written in the
 * predictions file; everything between the first `[` and the final `]`). Null for any other name.
 */
export function perClassMetric(name: string): { metric: (typeof PER_CLASS_METRICS)[number]; label: string } | null {
  const match = /^(precision|recall|f1)\[(.+)\]$/s.exec(name);
  if (!match) return null;
  return { metric: match[1] as (typeof PER_CLASS_METRICS)[number], label: match[2] ?? "" };
}

export function builtinMetric(name: string): BuiltinMetric | undefined {
  if (Object.hasOwn(BUILTIN_METRICS, name)) return BUILTIN_METRICS[name as BuiltinMetricName];
  const perClass = perClassMetric(name);
  return perClass ? PER_CLASS[perClass.metric] : undefined;
}

/** Metrics whose best value is 0, where a relative change against a perfect baseline is undefined. */
export function bestValueIsZero(name: string): boolean {
  const metric = builtinMetric(name);
  return metric !== undefined && metric.direction === "lower";
}

/**
 * The gate's primary metric (gate.primary_metric, else the first rule's), or null without rules: what the sweep ranks
 * by, the slice chart draws and the model page charts first.
 */
export function primaryMetricOf(config: MlopsConfig): string | null {
  return config.gate?.primary_metric ?? config.gate?.rules[0]?.metric ?? null;
}
