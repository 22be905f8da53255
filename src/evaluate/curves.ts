import { CALIBRATION_BINS, calibrationBin } from "./calibration.ts";
import type { Ranked } from "./ranking.ts";

/**
 * The curves a report draws (docs/reports.md), resampled to a fixed grid so their size is bounded whatever the row
 * count: ROC (true positive rate at fixed false positive rates), precision at fixed recalls, the reliability curve
 * over the ten calibration bins of DOMAIN.md §1, and for regression the mean actual value and residual per bin of the
 * predicted value. Pure, and each one pass over rows the evaluate stage has already ranked.
 */

/** Points on the FPR and recall grids: 0, 0.05, ..., 1. */
export const CURVE_POINTS = 21;
/** Bins of the predicted value for the regression charts. */
export const REGRESSION_BINS = 10;

/** i / (CURVE_POINTS - 1): the same float a rate k / n equal to it has, so grid points are hit exactly. */
export const CURVE_GRID: readonly number[] = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));

export interface CalibrationPoint {
  /** Bin index 0..9: (i/10, (i+1)/10], the first including 0. */
  bin: number;
  rows: number;
  /** Mean score in the bin (scikit-learn's `prob_pred`). */
  meanScore: number;
  /** Share of positive rows in the bin (`prob_true`). */
  positiveRate: number;
}

export interface BinaryCurves {
  task: "binary";
  rows: number;
  positives: number;
  /** True positive rate at each FPR of {@link CURVE_GRID}; null when the labels hold one class. */
  roc: number[] | null;
  /** Precision at each recall of {@link CURVE_GRID}; null when the labels hold one class. */
  precision: number[] | null;
  /** Non-empty calibration bins, lowest first. */
  calibration: CalibrationPoint[];
  expectedCalibrationError: number;
  /** Why a curve is missing or says little, in words ("only one class is present in the labels"). */
  notes: string[];
}

export interface RegressionBin {
  /** The bin's range of predicted values, [low, high]. */
  low: number;
  high: number;
  rows: number;
  meanPredicted: number;
  meanActual: number;
  /** Mean of actual minus predicted. */
  meanResidual: number;
}

export interface RegressionCurves {
  task: "regression";
  rows: number;
  /** Non-empty bins of the predicted value, lowest first. */
  bins: RegressionBin[];
  notes: string[];
}

export type Curves = BinaryCurves | RegressionCurves;

export const SINGLE_CLASS = "only one class is present in the labels, so ROC and precision-recall curves are undefined";

/**
 * The binary curves of scores ranked highest first ({@link Ranked}) against `positive` flags, in one pass over the
 * ranking: each distinct score is a threshold, ties moving together, as scikit-learn's `roc_curve` and
 * `precision_recall_curve` walk them.
 *
 * ROC at a grid FPR: the highest TPR among thresholds at exactly that FPR, else the straight line between the
 * thresholds either side (ties are a diagonal step). Precision at a grid recall: at the highest threshold whose
 * recall reaches it (the step curve whose area is average precision). The reliability curve's bins are summed in the
 * same walk, a tie group at a time (its rows all fall in one bin): no pass over the rows of its own.
 */
export function binaryCurves({ order, sorted }: Ranked, positive: Uint8Array): BinaryCurves {
  const n = order.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += positive[i] ?? 0;
  const negatives = n - positives;
  const notes: string[] = [];
  const withCurves = positives > 0 && negatives > 0;
  if (!withCurves) notes.push(SINGLE_CLASS);
  else if (sorted[0] === sorted[n - 1]) notes.push("all scores are equal: the model ranks no row above another");
  const roc = new Array<number>(CURVE_POINTS).fill(1);
  const precision = new Array<number>(CURVE_POINTS).fill(0);
  const bins = new CalibrationSums();
  let rocAt = 0;
  let precisionAt = 0;
  let tp = 0;
  let fp = 0;
  let prevFpr = 0;
  let prevTpr = 0;
  let groupStart = 0;
  let groupTp = 0;
  for (let k = 0; k < n; k++) {
    if (positive[order[k] ?? 0]) tp++;
    else fp++;
    if (k + 1 < n && sorted[k + 1] === sorted[k]) continue;
    bins.add(sorted[k] ?? 0, k + 1 - groupStart, tp - groupTp);
    groupStart = k + 1;
    groupTp = tp;
    if (!withCurves) continue;
    const fpr = fp / negatives;
    const tpr = tp / positives;
    while (rocAt < CURVE_POINTS && (CURVE_GRID[rocAt] ?? 1) < fpr) {
      const x = CURVE_GRID[rocAt] ?? 1;
      roc[rocAt++] = x === prevFpr ? prevTpr : prevTpr + ((tpr - prevTpr) * (x - prevFpr)) / (fpr - prevFpr);
    }
    while (precisionAt < CURVE_POINTS && (CURVE_GRID[precisionAt] ?? 1) <= tpr)
      precision[precisionAt++] = tp / (tp + fp);
    prevFpr = fpr;
    prevTpr = tpr;
  }
  const calibration = bins.points();
  return {
    task: "binary",
    rows: n,
    positives,
    calibration,
    expectedCalibrationError: n === 0 ? 0 : calibrationError(calibration, n),
    // The last threshold has FPR 1 and TPR 1: grid points left over sit there.
    roc: withCurves ? roc : null,
    precision: withCurves ? precision : null,
    notes,
  };
}

/** scikit-learn's `calibration_curve(n_bins=10)` with each bin's row count, summed a tie group at a time. */
class CalibrationSums {
  private readonly rows = new Float64Array(CALIBRATION_BINS);
  private readonly scoreSum = new Float64Array(CALIBRATION_BINS);
  private readonly positiveSum = new Float64Array(CALIBRATION_BINS);

  /** `rows` rows scored `score`, `positives` of them positive. */
  add(score: number, rows: number, positives: number): void {
    const bin = calibrationBin(score);
    this.rows[bin] = (this.rows[bin] ?? 0) + rows;
    this.scoreSum[bin] = (this.scoreSum[bin] ?? 0) + score * rows;
    this.positiveSum[bin] = (this.positiveSum[bin] ?? 0) + positives;
  }

  /** The reliability diagram's points: the non-empty bins, lowest first. */
  points(): CalibrationPoint[] {
    const points: CalibrationPoint[] = [];
    this.rows.forEach((count, bin) => {
      if (count === 0) return;
      points.push({
        bin,
        rows: count,
        meanScore: (this.scoreSum[bin] ?? 0) / count,
        positiveRate: (this.positiveSum[bin] ?? 0) / count,
      });
    });
    return points;
  }
}

/** DOMAIN.md §1's ECE from the reliability curve's bins: sum of (n_bin / N) * |share positive - mean score|. */
function calibrationError(points: readonly CalibrationPoint[], n: number): number {
  let sum = 0;
  for (const point of points) sum += point.rows * Math.abs(point.positiveRate - point.meanScore);
  return sum / n;
}

/**
 * Predicted against actual by {@link REGRESSION_BINS} equal-width bins of the predicted value (one bin when every
 * prediction is the same), each with its mean prediction, mean actual value and mean residual. Two passes, no sort.
 */
export function regressionCurves(actual: Float64Array, predicted: Float64Array): RegressionCurves {
  const n = predicted.length;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = predicted[i] ?? 0;
    if (p < low) low = p;
    if (p > high) high = p;
  }
  const notes: string[] = [];
  const count = n === 0 ? 0 : high > low ? REGRESSION_BINS : 1;
  if (n > 0 && count === 1) notes.push("every prediction is the same value, so there is one bin");
  const width = (high - low) / Math.max(count, 1);
  const rows = new Float64Array(count);
  const predictedSum = new Float64Array(count);
  const actualSum = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const p = predicted[i] ?? 0;
    const bin = count === 1 ? 0 : Math.min(count - 1, Math.floor((p - low) / width));
    rows[bin] = (rows[bin] ?? 0) + 1;
    predictedSum[bin] = (predictedSum[bin] ?? 0) + p;
    actualSum[bin] = (actualSum[bin] ?? 0) + (actual[i] ?? 0);
  }
  const bins: RegressionBin[] = [];
  rows.forEach((size, bin) => {
    if (size === 0) return;
    const meanPredicted = (predictedSum[bin] ?? 0) / size;
    const meanActual = (actualSum[bin] ?? 0) / size;
    bins.push({
      low: low + bin * width,
      high: bin === count - 1 ? high : low + (bin + 1) * width,
      rows: size,
      meanPredicted,
      meanActual,
      meanResidual: meanActual - meanPredicted,
    });
  });
  return { task: "regression", rows: n, bins, notes };
}
