import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  EPS,
  binaryLogLoss,
  codesFor,
  descendingOrder,
  flagsPerRow,
  floatsPerRow,
  metricsFromConfusion,
  multiclassLogLosses,
  oneVsOneRocAuc,
  oneVsRestRocAuc,
  oneVsRestWeightedRocAuc,
  r2Score,
  rankingMetrics,
  rowsSumToOne,
  truthIndexIn
} from "./chunk-BUY5QZDY.js";
import {
  CALIBRATION_BINS,
  calibrationBin,
  topClassConfidence
} from "./chunk-X2I57EAR.js";
import {
  perClassMetric
} from "./chunk-KIGM2236.js";

// src/gate/significance/probability-statistics.ts
var MULTICLASS_ROC = {
  roc_auc: oneVsRestRocAuc,
  roc_auc_ovr_weighted: oneVsRestWeightedRocAuc,
  roc_auc_ovo: oneVsOneRocAuc
};
function isMulticlassRocMetric(metric) {
  return Object.hasOwn(MULTICLASS_ROC, metric);
}
function multiclassRocAuc(metric, data) {
  const classes = data.probabilityClasses ?? [];
  const candidate = data.candidateProbabilities;
  const baseline = data.baselineProbabilities;
  if (!candidate || !baseline || classes.length <= 2)
    return { unavailable: `"${metric}" needs the class probabilities (more than two classes) of both models` };
  if (!rowsSumToOne(candidate, data.n) || !rowsSumToOne(baseline, data.n))
    return { unavailable: `"${metric}" is undefined: the class probabilities of a row do not sum to 1` };
  const truth = truthIndexIn(data, classes);
  const score = MULTICLASS_ROC[metric];
  const orders = (columns) => columns.map((column) => descendingOrder(column));
  const candidateOrders = orders(candidate);
  const baselineOrders = orders(baseline);
  return {
    statistic: {
      family: "weights",
      finalize: (weights) => [
        score(candidateOrders, truth, weights) ?? Number.NaN,
        score(baselineOrders, truth, weights) ?? Number.NaN
      ]
    }
  };
}
function calibrationStatistic(data) {
  const classes = data.probabilityClasses;
  let sides;
  if (classes && classes.length > 2 && data.candidateProbabilities && data.baselineProbabilities) {
    const truth = truthIndexIn(data, classes);
    sides = [
      topClassConfidence(truth, data.candidateProbabilities),
      topClassConfidence(truth, data.baselineProbabilities)
    ];
  } else if (data.candidateScores && data.baselineScores && data.positive !== null) {
    const positive = flagsPerRow(data.n, (i) => data.truth[i] === data.positive);
    sides = [
      { confidence: data.candidateScores, correct: positive },
      { confidence: data.baselineScores, correct: positive }
    ];
  } else {
    return {
      unavailable: '"expected_calibration_error" needs the positive-class score (or the class probabilities) of both models'
    };
  }
  const [candidate, baseline] = sides.map(({ confidence, correct }) => {
    const bins = new Uint8Array(data.n);
    for (let i = 0; i < data.n; i++) bins[i] = calibrationBin(confidence[i] ?? 0);
    return { bins, gaps: floatsPerRow(data.n, (i) => (correct[i] ?? 0) - (confidence[i] ?? 0)) };
  });
  const gap = new Float64Array(CALIBRATION_BINS);
  const ece = (side, weights) => {
    gap.fill(0);
    let drawn = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (w === 0 || !side) continue;
      const bin = side.bins[i] ?? 0;
      gap[bin] = (gap[bin] ?? 0) + w * (side.gaps[i] ?? 0);
      drawn += w;
    }
    let sum = 0;
    for (const g of gap) sum += Math.abs(g);
    return sum / drawn;
  };
  return { statistic: { family: "weights", finalize: (weights) => [ece(candidate, weights), ece(baseline, weights)] } };
}

// src/gate/significance/statistics.ts
var LABEL_METRICS = /* @__PURE__ */ new Set([
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_micro",
  "recall_micro",
  "f1_micro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted"
]);
var MAX_CELLS = 1 << 16;
function pairedStatistic(metric, data) {
  return data.task === "classification" ? classificationStatistic(metric, data) : regressionStatistic(metric, data);
}
function classificationStatistic(metric, data) {
  const { n, k } = { n: data.n, k: data.classes.length };
  if (LABEL_METRICS.has(metric) || perClassMetric(metric)) {
    if (["precision", "recall", "f1"].includes(metric) && data.positive === null)
      return { unavailable: `"${metric}" needs the positive class (model.positive_label)` };
    const binary = data.positive === null ? null : { positive: data.positive };
    const classes = perClassMetric(metric) ? data.classes : void 0;
    const fromConfusions = (candidate, baseline) => [
      metricsFromConfusion(candidate, k, binary, void 0, classes)[metric] ?? Number.NaN,
      metricsFromConfusion(baseline, k, binary, void 0, classes)[metric] ?? Number.NaN
    ];
    if (k * k * k <= MAX_CELLS) {
      const codes = codesFor(k * k * k, n);
      for (let i = 0; i < n; i++)
        codes[i] = ((data.truth[i] ?? 0) * k + (data.candidate[i] ?? 0)) * k + (data.baseline[i] ?? 0);
      const candidate = new Float64Array(k * k);
      const baseline = new Float64Array(k * k);
      return {
        statistic: {
          family: "cells",
          cells: k * k * k,
          codes,
          finalize(counts) {
            candidate.fill(0);
            baseline.fill(0);
            for (let cell = 0; cell < counts.length; cell++) {
              const count = counts[cell] ?? 0;
              if (count === 0) continue;
              const b = cell % k;
              const truthAndCandidate = (cell - b) / k;
              const t = Math.floor(truthAndCandidate / k);
              candidate[truthAndCandidate] = (candidate[truthAndCandidate] ?? 0) + count;
              baseline[t * k + b] = (baseline[t * k + b] ?? 0) + count;
            }
            return fromConfusions(candidate, baseline);
          }
        }
      };
    }
    return {
      statistic: {
        family: "weights",
        finalize(weights) {
          const candidate = new Float64Array(k * k);
          const baseline = new Float64Array(k * k);
          for (let i = 0; i < n; i++) {
            const w = weights[i] ?? 0;
            if (w === 0) continue;
            const t = data.truth[i] ?? 0;
            candidate[t * k + (data.candidate[i] ?? 0)] = (candidate[t * k + (data.candidate[i] ?? 0)] ?? 0) + w;
            baseline[t * k + (data.baseline[i] ?? 0)] = (baseline[t * k + (data.baseline[i] ?? 0)] ?? 0) + w;
          }
          return fromConfusions(candidate, baseline);
        }
      }
    };
  }
  if (metric === "log_loss") return logLossStatistic(data);
  if (metric === "expected_calibration_error") return calibrationStatistic(data);
  if (metric === "roc_auc_ovr_weighted" || metric === "roc_auc_ovo") return multiclassRocAuc(metric, data);
  if (metric === "brier_score" || metric === "roc_auc" || metric === "average_precision") {
    if (data.probabilityClasses && data.probabilityClasses.length > 2 && isMulticlassRocMetric(metric))
      return multiclassRocAuc(metric, data);
    const { candidateScores, baselineScores } = data;
    if (!candidateScores || !baselineScores)
      return { unavailable: `"${metric}" needs the positive-class score of both models on every row` };
    if (data.positive === null) return { unavailable: `"${metric}" needs the positive class (model.positive_label)` };
    const positive = new Uint8Array(n);
    for (let i = 0; i < n; i++) positive[i] = data.truth[i] === data.positive ? 1 : 0;
    if (metric === "brier_score") {
      const squared = (scores) => floatsPerRow(n, (i) => ((positive[i] ?? 0) - (scores[i] ?? 0)) ** 2);
      return sums([squared(candidateScores), squared(baselineScores)], (s, count) => [
        (s[0] ?? 0) / count,
        (s[1] ?? 0) / count
      ]);
    }
    const orders = [descendingOrder(candidateScores), descendingOrder(baselineScores)];
    const pick = metric === "roc_auc" ? "rocAuc" : "averagePrecision";
    return {
      statistic: {
        family: "weights",
        finalize(weights) {
          const c = rankingMetrics(orders[0], positive, weights);
          const b = rankingMetrics(orders[1], positive, weights);
          return [c ? c[pick] : Number.NaN, b ? b[pick] : Number.NaN];
        }
      }
    };
  }
  return { unavailable: `"${metric}" is not a classification metric the kit computes from predictions` };
}
function logLossStatistic(data) {
  if (data.candidateProbabilities && data.baselineProbabilities && data.probabilityClasses) {
    const truth = truthIndexIn(data, data.probabilityClasses);
    return sums(
      [multiclassLogLosses(truth, data.candidateProbabilities), multiclassLogLosses(truth, data.baselineProbabilities)],
      meanOfBoth
    );
  }
  const { candidateScores, baselineScores } = data;
  if (!candidateScores || !baselineScores || data.positive === null)
    return { unavailable: '"log_loss" needs the probabilities of both models on every row' };
  const losses = (scores) => floatsPerRow(data.n, (i) => binaryLogLoss(data.truth[i] === data.positive, scores[i] ?? 0));
  return sums([losses(candidateScores), losses(baselineScores)], meanOfBoth);
}
function regressionStatistic(metric, data) {
  const { n, truth } = data;
  const perRow = (f) => (predicted) => floatsPerRow(n, (i) => f(truth[i] ?? 0, predicted[i] ?? 0));
  const both = (f) => [
    perRow(f)(data.candidate),
    perRow(f)(data.baseline)
  ];
  switch (metric) {
    case "mae":
      return sums(
        both((y, p) => Math.abs(y - p)),
        meanOfBoth
      );
    case "mse":
      return sums(
        both((y, p) => (y - p) ** 2),
        meanOfBoth
      );
    case "rmse":
      return sums(
        both((y, p) => (y - p) ** 2),
        (s, count) => [Math.sqrt((s[0] ?? 0) / count), Math.sqrt((s[1] ?? 0) / count)]
      );
    case "mape":
      return sums(
        both((y, p) => Math.abs(y - p) / Math.max(Math.abs(y), EPS)),
        meanOfBoth
      );
    case "median_absolute_error": {
      const errors = both((y, p) => Math.abs(y - p));
      const orders = errors.map(
        (values) => Uint32Array.from(values.keys()).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0))
      );
      return {
        statistic: {
          family: "weights",
          finalize: (weights) => [
            weightedMedian(errors[0] ?? new Float64Array(), orders[0] ?? new Uint32Array(), weights, n),
            weightedMedian(errors[1] ?? new Float64Array(), orders[1] ?? new Uint32Array(), weights, n)
          ]
        }
      };
    }
    case "max_error":
      return {
        statistic: {
          family: "weights",
          finalize(weights) {
            let candidate = 0;
            let baseline = 0;
            for (let i = 0; i < n; i++) {
              if ((weights[i] ?? 0) === 0) continue;
              const y = truth[i] ?? 0;
              candidate = Math.max(candidate, Math.abs(y - (data.candidate[i] ?? 0)));
              baseline = Math.max(baseline, Math.abs(y - (data.baseline[i] ?? 0)));
            }
            return [candidate, baseline];
          }
        }
      };
    case "explained_variance":
      return {
        statistic: {
          family: "weights",
          finalize: (weights) => [
            explainedVariance(truth, data.candidate, weights),
            explainedVariance(truth, data.baseline, weights)
          ]
        }
      };
    case "r2":
      return {
        statistic: {
          family: "weights",
          finalize(weights) {
            let sum = 0;
            for (let i = 0; i < n; i++) sum += (weights[i] ?? 0) * (truth[i] ?? 0);
            const mean = sum / n;
            let total = 0;
            let candidate = 0;
            let baseline = 0;
            for (let i = 0; i < n; i++) {
              const w = weights[i] ?? 0;
              if (w === 0) continue;
              const y = truth[i] ?? 0;
              total += w * (y - mean) ** 2;
              candidate += w * (y - (data.candidate[i] ?? 0)) ** 2;
              baseline += w * (y - (data.baseline[i] ?? 0)) ** 2;
            }
            return [r2Score(candidate, total), r2Score(baseline, total)];
          }
        }
      };
    default:
      return { unavailable: `"${metric}" is not a regression metric the kit computes from predictions` };
  }
}
function explainedVariance(truth, predicted, weights) {
  let count = 0;
  let truthSum = 0;
  let residualSum = 0;
  for (let i = 0; i < truth.length; i++) {
    const w = weights[i] ?? 0;
    count += w;
    truthSum += w * (truth[i] ?? 0);
    residualSum += w * ((truth[i] ?? 0) - (predicted[i] ?? 0));
  }
  const truthMean = truthSum / count;
  const residualMean = residualSum / count;
  let total = 0;
  let residual = 0;
  for (let i = 0; i < truth.length; i++) {
    const w = weights[i] ?? 0;
    if (w === 0) continue;
    total += w * ((truth[i] ?? 0) - truthMean) ** 2;
    residual += w * ((truth[i] ?? 0) - (predicted[i] ?? 0) - residualMean) ** 2;
  }
  return r2Score(residual, total);
}
function sums(columns, finalize) {
  return { statistic: { family: "sums", columns, finalize } };
}
function meanOfBoth(s, n) {
  return [(s[0] ?? 0) / n, (s[1] ?? 0) / n];
}
function weightedMedian(values, ascending, weights, n) {
  const lowRank = n - 1 >> 1;
  const highRank = n >> 1;
  let seen = 0;
  let low = Number.NaN;
  for (let k = 0; k < ascending.length; k++) {
    const i = ascending[k] ?? 0;
    const w = weights[i] ?? 0;
    if (w === 0) continue;
    const value = values[i] ?? 0;
    if (seen <= lowRank && lowRank < seen + w) low = value;
    if (seen <= highRank && highRank < seen + w) return (low + value) / 2;
    seen += w;
  }
  return Number.NaN;
}

export {
  pairedStatistic
};
