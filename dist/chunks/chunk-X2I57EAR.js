import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/evaluate/calibration.ts
var CALIBRATION_BINS = 10;
var INNER_EDGES = Array.from({ length: CALIBRATION_BINS - 1 }, (_, i) => (i + 1) * (1 / CALIBRATION_BINS));
function calibrationBin(confidence) {
  if (!(confidence > (INNER_EDGES[0] ?? 1))) return 0;
  let bin = Math.min(INNER_EDGES.length, Math.ceil(confidence * CALIBRATION_BINS) - 1);
  while (bin > 1 && confidence <= (INNER_EDGES[bin - 1] ?? 0)) bin--;
  while (bin < INNER_EDGES.length && confidence > (INNER_EDGES[bin] ?? 1)) bin++;
  return bin;
}
function expectedCalibrationError(confidence, correct) {
  const n = confidence.length;
  const gap = new Float64Array(CALIBRATION_BINS);
  for (let i = 0; i < n; i++) {
    const c = confidence[i] ?? 0;
    const bin = calibrationBin(c);
    gap[bin] = (gap[bin] ?? 0) + ((correct[i] ?? 0) - c);
  }
  let ece = 0;
  for (const g of gap) ece += Math.abs(g);
  return ece / n;
}
function topClassConfidence(truth, columns) {
  const n = truth.length;
  const confidence = new Float64Array(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let top = 0;
    let best = columns[0]?.[i] ?? 0;
    for (let c = 1; c < columns.length; c++) {
      const p = columns[c]?.[i] ?? 0;
      if (p > best) {
        best = p;
        top = c;
      }
    }
    confidence[i] = best;
    correct[i] = truth[i] === top ? 1 : 0;
  }
  return { confidence, correct };
}

// src/evaluate/curves.ts
var CURVE_POINTS = 21;
var REGRESSION_BINS = 10;
var CURVE_GRID = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));
var SINGLE_CLASS = "only one class is present in the labels, so ROC and precision-recall curves are undefined";
function binaryCurves({ order, sorted }, positive) {
  const n = order.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += positive[i] ?? 0;
  const negatives = n - positives;
  const notes = [];
  const withCurves = positives > 0 && negatives > 0;
  if (!withCurves) notes.push(SINGLE_CLASS);
  else if (sorted[0] === sorted[n - 1]) notes.push("all scores are equal: the model ranks no row above another");
  const roc = new Array(CURVE_POINTS).fill(1);
  const precision = new Array(CURVE_POINTS).fill(0);
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
      roc[rocAt++] = x === prevFpr ? prevTpr : prevTpr + (tpr - prevTpr) * (x - prevFpr) / (fpr - prevFpr);
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
    notes
  };
}
var CalibrationSums = class {
  rows = new Float64Array(CALIBRATION_BINS);
  scoreSum = new Float64Array(CALIBRATION_BINS);
  positiveSum = new Float64Array(CALIBRATION_BINS);
  /** `rows` rows scored `score`, `positives` of them positive. */
  add(score, rows, positives) {
    const bin = calibrationBin(score);
    this.rows[bin] = (this.rows[bin] ?? 0) + rows;
    this.scoreSum[bin] = (this.scoreSum[bin] ?? 0) + score * rows;
    this.positiveSum[bin] = (this.positiveSum[bin] ?? 0) + positives;
  }
  /** The reliability diagram's points: the non-empty bins, lowest first. */
  points() {
    const points = [];
    this.rows.forEach((count, bin) => {
      if (count === 0) return;
      points.push({
        bin,
        rows: count,
        meanScore: (this.scoreSum[bin] ?? 0) / count,
        positiveRate: (this.positiveSum[bin] ?? 0) / count
      });
    });
    return points;
  }
};
function calibrationError(points, n) {
  let sum = 0;
  for (const point of points) sum += point.rows * Math.abs(point.positiveRate - point.meanScore);
  return sum / n;
}
function regressionCurves(actual, predicted) {
  const n = predicted.length;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = predicted[i] ?? 0;
    if (p < low) low = p;
    if (p > high) high = p;
  }
  const notes = [];
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
  const bins = [];
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
      meanResidual: meanActual - meanPredicted
    });
  });
  return { task: "regression", rows: n, bins, notes };
}

export {
  CALIBRATION_BINS,
  calibrationBin,
  expectedCalibrationError,
  topClassConfidence,
  CURVE_POINTS,
  REGRESSION_BINS,
  CURVE_GRID,
  binaryCurves,
  regressionCurves
};
