/**
 * Label-based classification metrics from a (possibly weighted) confusion matrix, as scikit-learn defines them
 * (DOMAIN.md §1). The evaluate stage calls this once with plain counts; the gate's paired bootstrap calls it once per
 * resample with the resample's counts, so a point estimate and its interval always share one definition.
 */

export type MetricValues = Record<string, number>;

/** What scikit-learn warned about ("precision", "recall", "f1"), to be turned into words by the caller. */
export type ZeroDivision = "precision" | "recall" | "f1";

/** Compares strings by code point, as Python (and so scikit-learn's sorted labels) does; JS `<` uses UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]?.codePointAt(0) ?? 0;
    const y = right[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return left.length - right.length;
}

/** Per-class metrics are computed up to this many classes: beyond it they would swamp the report and the registry. */
export const MAX_PER_CLASS = 30;

/**
 * Accuracy, balanced accuracy, macro/micro/weighted precision, recall and F1, and the binary ones for `positive` (a
 * class index, or -1 when that class does not occur) when `binary` is set. Given the class names (`classes`, at most
 * {@link MAX_PER_CLASS} present), also each class's precision, recall and F1 as `precision[<class>]` and so on
 * (scikit-learn's `average=None`). Classes that occur neither as a label nor as a prediction (count 0 in their row and
 * column) are left out, as scikit-learn's unique_labels leaves them out.
 */
export function metricsFromConfusion(
  counts: Float64Array,
  k: number,
  binary: { positive: number } | null,
  zeroDivisions?: Set<ZeroDivision>,
  classes?: readonly string[],
): MetricValues {
  const present: number[] = [];
  const rowSum = new Float64Array(k);
  const colSum = new Float64Array(k);
  let total = 0;
  let trace = 0;
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const c = counts[t * k + p] ?? 0;
      rowSum[t] = (rowSum[t] ?? 0) + c;
      colSum[p] = (colSum[p] ?? 0) + c;
      total += c;
      if (t === p) trace += c;
    }
  }
  for (let c = 0; c < k; c++) if ((rowSum[c] ?? 0) + (colSum[c] ?? 0) > 0) present.push(c);
  const ratio = (num: number, den: number, what: ZeroDivision): number => {
    if (den === 0) {
      zeroDivisions?.add(what);
      return 0;
    }
    return num / den;
  };
  const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const metrics: MetricValues = { accuracy: trace / total };
  // Kept apart so the report lists them after the averages.
  const perClass: MetricValues | null = classes !== undefined && present.length <= MAX_PER_CLASS ? {} : null;
  // scikit-learn's balanced_accuracy_score: the mean recall over the classes that occur as labels.
  let recallOfLabels = 0;
  let labelClasses = 0;
  let precisionSum = 0;
  let recallSum = 0;
  let f1Sum = 0;
  let precisionWeighted = 0;
  let recallWeighted = 0;
  let f1Weighted = 0;
  for (const c of present) {
    const tp = counts[c * k + c] ?? 0;
    const predictedCount = colSum[c] ?? 0;
    const support = rowSum[c] ?? 0;
    const precision = ratio(tp, predictedCount, "precision");
    const recall = ratio(tp, support, "recall");
    const f1 = f1Of(precision, recall);
    precisionSum += precision;
    recallSum += recall;
    f1Sum += f1;
    precisionWeighted += precision * support;
    recallWeighted += recall * support;
    f1Weighted += f1 * support;
    if (support > 0) {
      recallOfLabels += recall;
      labelClasses++;
    }
    if (perClass) {
      const name = classes?.[c] ?? "";
      perClass[`precision[${name}]`] = precision;
      perClass[`recall[${name}]`] = recall;
      perClass[`f1[${name}]`] = f1;
    }
  }
  if (labelClasses > 0) metrics.balanced_accuracy = recallOfLabels / labelClasses;
  metrics.precision_macro = precisionSum / present.length;
  metrics.recall_macro = recallSum / present.length;
  metrics.f1_macro = f1Sum / present.length;
  metrics.precision_weighted = total === 0 ? 0 : precisionWeighted / total;
  metrics.recall_weighted = total === 0 ? 0 : recallWeighted / total;
  metrics.f1_weighted = total === 0 ? 0 : f1Weighted / total;
  // Single-label micro averages pool every class: precision and recall both come to correct / total.
  metrics.precision_micro = ratio(trace, total, "precision");
  metrics.recall_micro = ratio(trace, total, "recall");
  metrics.f1_micro = f1Of(metrics.precision_micro, metrics.recall_micro);
  if (binary && present.length <= 2) {
    const c = binary.positive;
    const tp = c >= 0 ? (counts[c * k + c] ?? 0) : 0;
    const predictedCount = c >= 0 ? (colSum[c] ?? 0) : 0;
    const support = c >= 0 ? (rowSum[c] ?? 0) : 0;
    metrics.precision = ratio(tp, predictedCount, "precision");
    metrics.recall = ratio(tp, support, "recall");
    // From counts, as scikit-learn's binary F1: 2tp / (2tp + fp + fn); 0/0 is a zero division.
    const fpFn = predictedCount - tp + (support - tp);
    metrics.f1 = 2 * tp + fpFn === 0 ? ratio(0, 0, "f1") : (2 * tp) / (2 * tp + fpFn);
  }
  return perClass ? Object.assign(metrics, perClass) : metrics;
}
