import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/config/metrics.ts
var FRACTION = [0, 1];
var NON_NEGATIVE = [0, Infinity];
var AT_MOST_ONE = [-Infinity, 1];
var classification = (direction, needs, description, bounds = FRACTION) => ({
  task: "classification",
  direction,
  needs,
  description,
  bounds
});
var regression = (direction, description, bounds = NON_NEGATIVE) => ({
  task: "regression",
  direction,
  needs: "labels",
  description,
  bounds
});
var BUILTIN_METRICS = {
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
    "area under the ROC curve (trapezoidal); multiclass: one-vs-rest, macro average"
  ),
  roc_auc_ovr_weighted: classification(
    "higher",
    "scores",
    "multiclass ROC AUC, one-vs-rest, weighted by each class's count among the labels"
  ),
  roc_auc_ovo: classification("higher", "scores", "multiclass ROC AUC, one-vs-one (Hand & Till), macro average"),
  average_precision: classification("higher", "scores", "average precision (step-wise, as scikit-learn)"),
  log_loss: classification("lower", "scores", "cross-entropy of the predicted probabilities", NON_NEGATIVE),
  brier_score: classification("lower", "scores", "mean squared error of the positive-class probability"),
  expected_calibration_error: classification(
    "lower",
    "scores",
    "expected calibration error over 10 equal-width confidence bins (DOMAIN.md \xA71)"
  ),
  mae: regression("lower", "mean absolute error"),
  mse: regression("lower", "mean squared error"),
  rmse: regression("lower", "root mean squared error"),
  r2: regression("higher", "coefficient of determination", AT_MOST_ONE),
  mape: regression("lower", "mean absolute percentage error (a fraction, as scikit-learn)"),
  median_absolute_error: regression("lower", "median absolute error"),
  explained_variance: regression("higher", "explained variance score", AT_MOST_ONE),
  max_error: regression("lower", "largest absolute error of any row")
};
var PER_CLASS = {
  precision: classification("higher", "labels", "precision of one class"),
  recall: classification("higher", "labels", "recall of one class"),
  f1: classification("higher", "labels", "F1 of one class")
};
function perClassMetric(name) {
  const match = /^(precision|recall|f1)\[(.+)\]$/s.exec(name);
  if (!match) return null;
  return { metric: match[1], label: match[2] ?? "" };
}
function builtinMetric(name) {
  if (Object.hasOwn(BUILTIN_METRICS, name)) return BUILTIN_METRICS[name];
  const perClass = perClassMetric(name);
  return perClass ? PER_CLASS[perClass.metric] : void 0;
}
function bestValueIsZero(name) {
  const metric = builtinMetric(name);
  return metric !== void 0 && metric.direction === "lower";
}
function primaryMetricOf(config) {
  return config.gate?.primary_metric ?? config.gate?.rules[0]?.metric ?? null;
}

export {
  BUILTIN_METRICS,
  perClassMetric,
  builtinMetric,
  bestValueIsZero,
  primaryMetricOf
};
