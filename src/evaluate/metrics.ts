import { expectedCalibrationError, topClassConfidence } from "./calibration.ts";
import { type Coded, type Codes, unionOfClasses } from "./coded.ts";
import { MAX_PER_CLASS, type MetricValues, metricsFromConfusion, type ZeroDivision } from "./confusion.ts";
import { binaryCurves, type BinaryCurves } from "./curves.ts";
import {
  descendingOrder,
  oneVsOneRocAuc,
  oneVsRestRocAucs,
  rankingMetrics,
  supportWeighted,
  withDescendingOrder,
} from "./ranking.ts";

/**
 * Built-in metrics, defined as scikit-learn defines them (DOMAIN.md §1). Pure functions over arrays. Undefined cases
 * follow scikit-learn's result (e.g. zero division gives 0) and add a warning instead of throwing; metrics scikit-learn
 * refuses to compute are left out, with the reason in `undefined` (never NaN).
 */

export type { MetricValues } from "./confusion.ts";

export interface MetricsOutcome {
  metrics: MetricValues;
  warnings: string[];
  /**
   * Metrics that cannot be computed on this data, each with why ("only one class is present in the labels"), to be
   * read after "undefined because". Per-class metrics past {@link MAX_PER_CLASS} classes are one entry per kind,
   * under `precision[*]`, `recall[*]` and `f1[*]`.
   */
  undefined: Record<string, string>;
}

/** Leaves `names` out with one reason, and one warning that says so. */
function markUndefined(outcome: Omit<MetricsOutcome, "metrics">, names: readonly string[], reason: string): void {
  for (const name of names) outcome.undefined[name] = reason;
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
  outcome.warnings.push(`${listed} ${names.length === 1 ? "is" : "are"} undefined because ${reason}`);
}

/** float64 machine epsilon: scikit-learn's clip for log loss and its floor for MAPE denominators. */
export const EPS = 2.220446049250313e-16;

// --- classification ---------------------------------------------------------------------------------------------

/** Per-class probabilities (multiclass), one column per class, each as long as the labels. */
export interface ClassProbabilities {
  classes: readonly string[];
  columns: readonly Float64Array[];
}

export interface ClassificationInput {
  labels: Coded;
  predictions: Coded;
  /** P(positive class) per row, when the file has a score column. */
  scores?: ArrayLike<number>;
  /** Per-class probabilities, when the file has score_prefix columns. */
  probabilities?: ClassProbabilities;
  /** The positive class for binary metrics, when known. */
  positiveLabel?: string;
  /** Also compute the report's curves (ROC, precision-recall, reliability) from the ranking the metrics sort once. */
  withCurves?: boolean;
}

export interface ConfusionMatrix {
  /** Class labels, sorted as scikit-learn sorts them; rows are true classes, columns predicted ones. */
  labels: string[];
  matrix: number[][];
}

export function classificationMetrics(
  input: ClassificationInput,
): MetricsOutcome & { confusion: ConfusionMatrix; curves?: BinaryCurves } {
  const { labels, predictions } = input;
  const warnings: string[] = [];
  const undefinedMetrics: Record<string, string> = {};
  const outcome = { warnings, undefined: undefinedMetrics };
  const {
    classes,
    remaps: [truthClass = new Int32Array(), predictedClass = new Int32Array()],
  } = unionOfClasses(labels, predictions);
  const k = classes.length;
  const counts = remappedConfusionCounts(labels.codes, truthClass, predictions.codes, predictedClass, k);
  const positive = input.positiveLabel;
  const zeroDivisions = new Set<ZeroDivision>();
  const binary = k <= 2 && positive !== undefined ? { positive: classes.indexOf(positive) } : null;
  const metrics = metricsFromConfusion(counts, k, binary, zeroDivisions, classes);
  if (k > MAX_PER_CLASS) {
    for (const name of ["precision", "recall", "f1"])
      undefinedMetrics[`${name}[*]`] =
        `per-class metrics are computed for at most ${MAX_PER_CLASS} classes and the data has ${k}`;
  }
  if (k <= 2 && positive === undefined) {
    warnings.push(
      `binary metrics (precision, recall, f1, roc_auc ...) need the positive class; the labels are ${classes.map((c) => JSON.stringify(c)).join(" and ")}: set model.positive_label`,
    );
  }
  let curves: BinaryCurves | undefined;
  if (binary && positive !== undefined && input.scores) {
    // A Float64Array is used as it is (the ranking reads its bits); anything else is copied into one.
    const scores = input.scores instanceof Float64Array ? input.scores : Float64Array.from(input.scores);
    const scored = binaryScoreMetrics(labels, scores, positive, outcome, input.withCurves);
    Object.assign(metrics, scored.metrics);
    curves = scored.curves;
  }
  if (input.probabilities) Object.assign(metrics, probabilityMetrics(labels, input.probabilities, k, outcome));
  for (const what of zeroDivisions) {
    warnings.push(
      `${what} is ill-defined for a class with no ${what === "recall" ? "true" : "predicted"} samples; set to 0 as scikit-learn does`,
    );
  }
  const matrix = classes.map((_, t) => classes.map((__, p) => counts[t * k + p] ?? 0));
  return {
    metrics,
    warnings,
    undefined: undefinedMetrics,
    confusion: { labels: classes, matrix },
    ...(curves ? { curves } : {}),
  };
}

/**
 * Row-major k×k counts over the union's classes, straight from each column's codes: no per-row re-encoding, so no
 * row-length temporaries.
 */
function remappedConfusionCounts(
  truth: Codes,
  truthClass: Int32Array,
  predicted: Codes,
  predictedClass: Int32Array,
  k: number,
): Float64Array {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < truth.length; i++) {
    const cell = (truthClass[truth[i] ?? 0] ?? 0) * k + (predictedClass[predicted[i] ?? 0] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
  return counts;
}

/** Per-row log loss of a binary probability, clipped as scikit-learn clips it. */
export function binaryLogLoss(isPositive: boolean, score: number): number {
  const clipped = Math.min(Math.max(score, EPS), 1 - EPS);
  return isPositive ? -Math.log(clipped) : -Math.log(1 - clipped);
}

/**
 * Flags the positives into `isPositive` and sums the Brier score and the log loss over the rows. A function of its
 * own, ending with its loop: V8's code for a long loop, compiled mid-loop and cached, otherwise left the caller at the
 * loop's end on every call for want of type feedback there.
 */
function flagsAndLosses(
  codes: Codes,
  positiveCode: number,
  scores: Float64Array,
  isPositive: Uint8Array,
): { brier: number; logLoss: number } {
  let brier = 0;
  let logLoss = 0;
  for (let i = 0; i < isPositive.length; i++) {
    const y = codes[i] === positiveCode ? 1 : 0;
    isPositive[i] = y;
    const p = scores[i] ?? 0;
    brier += (y - p) ** 2;
    logLoss += binaryLogLoss(y === 1, p);
  }
  return { brier, logLoss };
}

function binaryScoreMetrics(
  labels: Coded,
  scores: Float64Array,
  positive: string,
  outcome: Omit<MetricsOutcome, "metrics">,
  withCurves = false,
): { metrics: MetricValues; curves?: BinaryCurves } {
  const n = labels.codes.length;
  const isPositive = new Uint8Array(n);
  const { brier, logLoss } = flagsAndLosses(labels.codes, labels.classes.indexOf(positive), scores, isPositive);
  const metrics: MetricValues = {
    brier_score: brier / n,
    log_loss: logLoss / n,
    expected_calibration_error: expectedCalibrationError(scores, isPositive),
  };
  const { curves, ranking } = withDescendingOrder(scores, (ranked) => ({
    curves: withCurves ? { curves: binaryCurves(ranked, isPositive) } : {},
    ranking: rankingMetrics(ranked, isPositive),
  }));
  if (!ranking) {
    markUndefined(outcome, ["roc_auc", "average_precision"], "only one class is present in the labels");
    return { metrics, ...curves };
  }
  metrics.roc_auc = ranking.rocAuc;
  metrics.average_precision = ranking.averagePrecision;
  return { metrics, ...curves };
}

/**
 * Per-row multiclass log loss as scikit-learn's `log_loss(y, P, labels=classes)`: clip each probability to
 * [eps, 1 - eps], renormalise the row, take -log of the true class's share.
 */
export function multiclassLogLosses(truth: Int32Array, columns: readonly Float64Array[]): Float64Array {
  const n = truth.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += Math.min(Math.max(column[i] ?? 0, EPS), 1 - EPS);
    const own = Math.min(Math.max(columns[truth[i] ?? 0]?.[i] ?? 0, EPS), 1 - EPS);
    losses[i] = -Math.log(own / sum);
  }
  return losses;
}

/** numpy.allclose(1, row sums): scikit-learn's test that multiclass scores are probabilities. */
export function rowsSumToOne(columns: readonly Float64Array[], n: number): boolean {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += column[i] ?? 0;
    if (Math.abs(1 - sum) > 1e-8 + 1e-5 * Math.abs(sum)) return false;
  }
  return true;
}

function probabilityMetrics(
  labels: Coded,
  probabilities: ClassProbabilities,
  k: number,
  outcome: Omit<MetricsOutcome, "metrics">,
): MetricValues {
  const column = new Map(probabilities.classes.map((cls, c) => [cls, c]));
  const columnOfClass = Int32Array.from(labels.classes, (cls) => column.get(cls) ?? -1);
  const n = labels.codes.length;
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) truth[i] = columnOfClass[labels.codes[i] ?? 0] ?? -1;
  const metrics: MetricValues = {};
  const losses = multiclassLogLosses(truth, probabilities.columns);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += losses[i] ?? 0;
  metrics.log_loss = sum / n;
  // Binary files with two probability columns get roc_auc from the score column instead (see binaryScoreMetrics).
  if (k > 2 || probabilities.classes.length > 2) {
    const { confidence, correct } = topClassConfidence(truth, probabilities.columns);
    metrics.expected_calibration_error = expectedCalibrationError(confidence, correct);
    const names = ["roc_auc", "roc_auc_ovr_weighted", "roc_auc_ovo"];
    const labelled = new Uint8Array(probabilities.classes.length);
    for (const c of truth) if (c >= 0) labelled[c] = 1;
    const unlabelled = probabilities.classes.filter((_, c) => labelled[c] === 0);
    if (!rowsSumToOne(probabilities.columns, n)) {
      markUndefined(outcome, names, "the class probabilities of a row do not sum to 1");
    } else if (unlabelled.length > 0) {
      const distinct = unionOfClasses(labels).classes.length;
      markUndefined(
        outcome,
        names,
        distinct === 1
          ? "only one class is present in the labels"
          : `no row is labelled ${unlabelled.map((c) => JSON.stringify(c)).join(", ")}`,
      );
    } else {
      const ranked = probabilities.columns.map((column) => descendingOrder(column));
      // Every class occurs and is not every row (there are three or more), so each AUC below is defined.
      const perClass = oneVsRestRocAucs(ranked, truth) ?? [];
      metrics.roc_auc = perClass.reduce((total, auc) => total + auc, 0) / perClass.length;
      metrics.roc_auc_ovr_weighted = supportWeighted(perClass, truth);
      metrics.roc_auc_ovo = oneVsOneRocAuc(ranked, truth) ?? Number.NaN;
    }
  }
  return metrics;
}

// --- regression ---------------------------------------------------------------------------------------------

export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): MetricsOutcome {
  const n = actual.length;
  let absolute = 0;
  let squared = 0;
  let percentage = 0;
  let sum = 0;
  const errors = new Float64Array(n);
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
  const r2 = r2Score(squared, total);
  let maxError = 0;
  let residualSum = 0;
  for (let i = 0; i < n; i++) {
    const residual = (actual[i] ?? 0) - (predicted[i] ?? 0);
    residualSum += residual;
    maxError = Math.max(maxError, Math.abs(residual));
  }
  // scikit-learn's explained_variance_score: the variance of the residuals against that of the target.
  const residualMean = residualSum / n;
  let residualVariance = 0;
  for (let i = 0; i < n; i++) residualVariance += ((actual[i] ?? 0) - (predicted[i] ?? 0) - residualMean) ** 2;
  if (total === 0)
    warnings.push(
      "r2 and explained_variance are ill-defined for a constant target; reported as scikit-learn does (1 if perfect, else 0)",
    );
  return {
    metrics: {
      mae: absolute / n,
      mse: squared / n,
      rmse: Math.sqrt(squared / n),
      r2,
      mape: percentage / n,
      median_absolute_error: median(errors.sort()),
      explained_variance: r2Score(residualVariance, total),
      max_error: maxError,
    },
    warnings,
    undefined: {},
  };
}

/** R² from the residual and total sums of squares; scikit-learn (force_finite) gives 1 or 0 for a constant target. */
export function r2Score(residual: number, total: number): number {
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}

/** The median of an ascending array: the middle value, or the mean of the two middle ones. */
function median(sorted: Float64Array): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
