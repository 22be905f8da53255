/**
 * Built-in metrics, defined as scikit-learn defines them (DOMAIN.md §1). Pure functions over arrays. Undefined cases
 * follow scikit-learn's result (e.g. zero division gives 0) and add a warning instead of throwing.
 */

export type MetricValues = Record<string, number>;

export interface MetricsOutcome {
  metrics: MetricValues;
  warnings: string[];
}

/** float64 machine epsilon: scikit-learn's clip for log loss and its floor for MAPE denominators. */
const EPS = 2.220446049250313e-16;

// --- classification ---------------------------------------------------------------------------------------------

export interface ClassificationInput {
  labels: readonly string[];
  predictions: readonly string[];
  /** P(positive class) per row, when the file has a score column. */
  scores?: readonly number[];
  /** The positive class for binary metrics, when known. */
  positiveLabel?: string;
}

export function classificationMetrics(input: ClassificationInput): MetricsOutcome {
  const { labels, predictions } = input;
  const warnings: string[] = [];
  const metrics: MetricValues = {};
  const n = labels.length;
  let correct = 0;
  for (let i = 0; i < n; i++) if (labels[i] === predictions[i]) correct++;
  metrics.accuracy = correct / n;

  // scikit-learn's unique_labels: the sorted union of true and predicted labels.
  const classes = [...new Set([...labels, ...predictions])].sort();
  const perClass = classes.map((cls) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < n; i++) {
      const isTrue = labels[i] === cls;
      const isPredicted = predictions[i] === cls;
      if (isTrue && isPredicted) tp++;
      else if (isPredicted) fp++;
      else if (isTrue) fn++;
    }
    return { cls, tp, fp, fn, support: tp + fn };
  });
  const zeroDivisions = new Set<string>();
  const ratio = (num: number, den: number, what: string): number => {
    if (den === 0) {
      zeroDivisions.add(what);
      return 0;
    }
    return num / den;
  };
  const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const precisions = perClass.map((c) => ratio(c.tp, c.tp + c.fp, "precision"));
  const recalls = perClass.map((c) => ratio(c.tp, c.tp + c.fn, "recall"));
  const f1s = perClass.map((c, i) => {
    const p = precisions[i] ?? 0;
    const r = recalls[i] ?? 0;
    // scikit-learn computes F1 from counts: 2tp / (2tp + fp + fn); 0/0 is a zero division.
    return 2 * c.tp + c.fp + c.fn === 0 ? ratio(0, 0, "f1") : f1Of(p, r);
  });
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const totalSupport = perClass.reduce((a, c) => a + c.support, 0);
  const weighted = (values: number[]): number =>
    totalSupport === 0 ? 0 : values.reduce((a, v, i) => a + v * (perClass[i]?.support ?? 0), 0) / totalSupport;
  metrics.precision_macro = mean(precisions);
  metrics.recall_macro = mean(recalls);
  metrics.f1_macro = mean(f1s);
  metrics.precision_weighted = weighted(precisions);
  metrics.recall_weighted = weighted(recalls);
  metrics.f1_weighted = weighted(f1s);
  const tp = perClass.reduce((a, c) => a + c.tp, 0);
  const fp = perClass.reduce((a, c) => a + c.fp, 0);
  const fn = perClass.reduce((a, c) => a + c.fn, 0);
  metrics.precision_micro = ratio(tp, tp + fp, "precision");
  metrics.recall_micro = ratio(tp, tp + fn, "recall");
  metrics.f1_micro = f1Of(metrics.precision_micro, metrics.recall_micro);

  const positive = input.positiveLabel;
  if (classes.length <= 2 && positive !== undefined) {
    const index = classes.indexOf(positive);
    const c = perClass[index] ?? { tp: 0, fp: 0, fn: 0 };
    metrics.precision = ratio(c.tp, c.tp + c.fp, "precision");
    metrics.recall = ratio(c.tp, c.tp + c.fn, "recall");
    metrics.f1 = 2 * c.tp + c.fp + c.fn === 0 ? ratio(0, 0, "f1") : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
    if (input.scores) Object.assign(metrics, binaryScoreMetrics(labels, input.scores, positive, warnings));
  } else if (classes.length <= 2) {
    warnings.push(
      `binary metrics (precision, recall, f1, roc_auc ...) need the positive class; the labels are ${classes.map((c) => JSON.stringify(c)).join(" and ")}: set model.positive_label`,
    );
  }
  for (const what of zeroDivisions) {
    warnings.push(
      `${what} is ill-defined for a class with no ${what === "recall" ? "true" : "predicted"} samples; set to 0 as scikit-learn does`,
    );
  }
  return { metrics, warnings };
}

function binaryScoreMetrics(
  labels: readonly string[],
  scores: readonly number[],
  positive: string,
  warnings: string[],
): MetricValues {
  const metrics: MetricValues = {};
  const n = labels.length;
  const isPositive = labels.map((label) => label === positive);
  const positives = isPositive.filter(Boolean).length;
  let brier = 0;
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    const y = isPositive[i] ? 1 : 0;
    const p = scores[i] ?? 0;
    brier += (y - p) ** 2;
    const clipped = Math.min(Math.max(p, EPS), 1 - EPS);
    logLoss -= y === 1 ? Math.log(clipped) : Math.log(1 - clipped);
  }
  metrics.brier_score = brier / n;
  metrics.log_loss = logLoss / n;
  if (positives === 0 || positives === n) {
    warnings.push("roc_auc and average_precision are undefined when only one class is present in the labels");
    return metrics;
  }
  // Walk thresholds from the highest score down, one step per distinct score (ties move together).
  const order = [...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  let tp = 0;
  let fp = 0;
  let prevTpr = 0;
  let prevFpr = 0;
  let area = 0;
  let averagePrecision = 0;
  let prevRecall = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    if (isPositive[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    const tpr = tp / positives;
    const fpr = fp / (n - positives);
    area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
    const precision = tp / (tp + fp);
    averagePrecision += (tpr - prevRecall) * precision;
    prevTpr = tpr;
    prevFpr = fpr;
    prevRecall = tpr;
  }
  metrics.roc_auc = area;
  metrics.average_precision = averagePrecision;
  return metrics;
}

// --- regression ---------------------------------------------------------------------------------------------

export function regressionMetrics(actual: readonly number[], predicted: readonly number[]): MetricsOutcome {
  const n = actual.length;
  let absolute = 0;
  let squared = 0;
  let percentage = 0;
  let sum = 0;
  const errors: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const y = actual[i] ?? 0;
    const error = Math.abs(y - (predicted[i] ?? 0));
    errors[i] = error;
    absolute += error;
    squared += error * error;
    percentage += error / Math.max(Math.abs(y), EPS);
    sum += y;
  }
  const mean = sum / n;
  let total = 0;
  for (let i = 0; i < n; i++) total += ((actual[i] ?? 0) - mean) ** 2;
  const warnings: string[] = [];
  let r2: number;
  if (total === 0) {
    // scikit-learn (force_finite=True): a constant target gives 1 for a perfect fit, else 0.
    r2 = squared === 0 ? 1 : 0;
    warnings.push("r2 is ill-defined for a constant target; reported as scikit-learn does (1 if perfect, else 0)");
  } else {
    r2 = 1 - squared / total;
  }
  return {
    metrics: {
      mae: absolute / n,
      mse: squared / n,
      rmse: Math.sqrt(squared / n),
      r2,
      mape: percentage / n,
      median_absolute_error: median(errors),
    },
    warnings,
  };
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
