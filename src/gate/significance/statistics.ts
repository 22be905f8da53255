import { perClassMetric } from "../../config/metrics.ts";
import { type Codes, codesFor } from "../../evaluate/coded.ts";
import { metricsFromConfusion } from "../../evaluate/confusion.ts";
import { binaryLogLoss, EPS, multiclassLogLosses, r2Score } from "../../evaluate/metrics.ts";
import { descendingOrder, rankingMetrics } from "../../evaluate/ranking.ts";
import {
  floatsPerRow,
  type PairedClassification,
  type PairedData,
  type PairedRegression,
  truthIndexIn,
} from "./paired-data.ts";
import { calibrationStatistic, isMulticlassRocMetric, multiclassRocAuc } from "./probability-statistics.ts";

/**
 * Each built-in metric as a statistic of a resample, for both models at once. A resample is n rows drawn with
 * replacement; what a metric needs from it decides how the bootstrap accumulates the draws (cheapest first):
 *
 * - `cells`: label metrics depend only on how often each (label, candidate prediction, baseline prediction)
 *   combination was drawn, so a draw increments one of k³ counters;
 * - `sums`: mean losses (log loss, Brier, MAE, MSE, RMSE, MAPE) depend only on sums of per-row values;
 * - `weights`: ranking metrics, medians and R² need how often each row was drawn (a count per row).
 *
 * Every family computes exactly what scikit-learn computes on the resampled rows (checked in test/gate).
 * `finalize` returns [candidate, baseline]; NaN where the metric is undefined on that resample.
 */
export type PairedStatistic =
  | { family: "cells"; cells: number; codes: Codes; finalize(counts: Int32Array): [number, number] }
  | { family: "sums"; columns: Float64Array[]; finalize(sums: Float64Array, n: number): [number, number] }
  | { family: "weights"; finalize(weights: Int32Array): [number, number] };

/** A statistic, or why the metric cannot be tested on these predictions. */
export type StatisticOrReason = { statistic: PairedStatistic } | { unavailable: string };

/** [candidate, baseline] on all rows, each drawn once: the point estimates the intervals are about. */
export function pointValues(statistic: PairedStatistic, n: number): [number, number] {
  switch (statistic.family) {
    case "cells": {
      const counts = new Int32Array(statistic.cells);
      for (const cell of statistic.codes) counts[cell] = (counts[cell] ?? 0) + 1;
      return statistic.finalize(counts);
    }
    case "sums":
      return statistic.finalize(
        Float64Array.from(statistic.columns, (column) => column.reduce((a, b) => a + b, 0)),
        n,
      );
    case "weights":
      return statistic.finalize(new Int32Array(n).fill(1));
  }
}

const LABEL_METRICS = new Set([
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
  "f1_weighted",
]);

/** Joint codes beyond this many cells fall back to per-row weights (over ~40 classes). */
const MAX_CELLS = 1 << 16;

export function pairedStatistic(metric: string, data: PairedData): StatisticOrReason {
  return data.task === "classification" ? classificationStatistic(metric, data) : regressionStatistic(metric, data);
}

function classificationStatistic(metric: string, data: PairedClassification): StatisticOrReason {
  const { n, k } = { n: data.n, k: data.classes.length };
  // Per-class metrics (`recall[cat]`) are label metrics too: each resample's confusion gives them.
  if (LABEL_METRICS.has(metric) || perClassMetric(metric)) {
    if (["precision", "recall", "f1"].includes(metric) && data.positive === null)
      return { unavailable: `"${metric}" needs the positive class (model.positive_label)` };
    const binary = data.positive === null ? null : { positive: data.positive };
    // Class names only when the metric is one class's: they cost a key per class on every resample.
    const classes = perClassMetric(metric) ? data.classes : undefined;
    const fromConfusions = (candidate: Float64Array, baseline: Float64Array): [number, number] => [
      metricsFromConfusion(candidate, k, binary, undefined, classes)[metric] ?? Number.NaN,
      metricsFromConfusion(baseline, k, binary, undefined, classes)[metric] ?? Number.NaN,
    ];
    if (k * k * k <= MAX_CELLS) {
      // Each row's cell in the narrowest array that holds k³ of them: one byte a row up to six classes.
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
          },
        },
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
        },
      },
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
      const squared = (scores: Float64Array): Float64Array =>
        floatsPerRow(n, (i) => ((positive[i] ?? 0) - (scores[i] ?? 0)) ** 2);
      return sums([squared(candidateScores), squared(baselineScores)], (s, count) => [
        (s[0] ?? 0) / count,
        (s[1] ?? 0) / count,
      ]);
    }
    const orders = [descendingOrder(candidateScores), descendingOrder(baselineScores)] as const;
    const pick = metric === "roc_auc" ? "rocAuc" : "averagePrecision";
    return {
      statistic: {
        family: "weights",
        finalize(weights) {
          const c = rankingMetrics(orders[0], positive, weights);
          const b = rankingMetrics(orders[1], positive, weights);
          return [c ? c[pick] : Number.NaN, b ? b[pick] : Number.NaN];
        },
      },
    };
  }
  return { unavailable: `"${metric}" is not a classification metric the kit computes from predictions` };
}

function logLossStatistic(data: PairedClassification): StatisticOrReason {
  if (data.candidateProbabilities && data.baselineProbabilities && data.probabilityClasses) {
    const truth = truthIndexIn(data, data.probabilityClasses);
    return sums(
      [multiclassLogLosses(truth, data.candidateProbabilities), multiclassLogLosses(truth, data.baselineProbabilities)],
      meanOfBoth,
    );
  }
  const { candidateScores, baselineScores } = data;
  if (!candidateScores || !baselineScores || data.positive === null)
    return { unavailable: '"log_loss" needs the probabilities of both models on every row' };
  const losses = (scores: Float64Array): Float64Array =>
    floatsPerRow(data.n, (i) => binaryLogLoss(data.truth[i] === data.positive, scores[i] ?? 0));
  return sums([losses(candidateScores), losses(baselineScores)], meanOfBoth);
}

function regressionStatistic(metric: string, data: PairedRegression): StatisticOrReason {
  const { n, truth } = data;
  const perRow = (f: (y: number, p: number) => number) => (predicted: Float64Array) =>
    floatsPerRow(n, (i) => f(truth[i] ?? 0, predicted[i] ?? 0));
  const both = (f: (y: number, p: number) => number): Float64Array[] => [
    perRow(f)(data.candidate),
    perRow(f)(data.baseline),
  ];
  switch (metric) {
    case "mae":
      return sums(
        both((y, p) => Math.abs(y - p)),
        meanOfBoth,
      );
    case "mse":
      return sums(
        both((y, p) => (y - p) ** 2),
        meanOfBoth,
      );
    case "rmse":
      return sums(
        both((y, p) => (y - p) ** 2),
        (s, count) => [Math.sqrt((s[0] ?? 0) / count), Math.sqrt((s[1] ?? 0) / count)],
      );
    case "mape":
      return sums(
        both((y, p) => Math.abs(y - p) / Math.max(Math.abs(y), EPS)),
        meanOfBoth,
      );
    case "median_absolute_error": {
      const errors = both((y, p) => Math.abs(y - p));
      // Sorted once; a resample's median walks the sorted errors counting each row as often as it was drawn.
      const orders = errors.map((values) =>
        Uint32Array.from(values.keys()).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0)),
      );
      return {
        statistic: {
          family: "weights",
          finalize: (weights) => [
            weightedMedian(errors[0] ?? new Float64Array(), orders[0] ?? new Uint32Array(), weights, n),
            weightedMedian(errors[1] ?? new Float64Array(), orders[1] ?? new Uint32Array(), weights, n),
          ],
        },
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
          },
        },
      };
    case "explained_variance":
      return {
        statistic: {
          family: "weights",
          finalize: (weights) => [
            explainedVariance(truth, data.candidate, weights),
            explainedVariance(truth, data.baseline, weights),
          ],
        },
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
          },
        },
      };
    default:
      return { unavailable: `"${metric}" is not a regression metric the kit computes from predictions` };
  }
}

/** scikit-learn's explained_variance_score over the rows drawn weights[i] times each. */
function explainedVariance(truth: Float64Array, predicted: Float64Array, weights: Int32Array): number {
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

function sums(
  columns: Float64Array[],
  finalize: (sums: Float64Array, n: number) => [number, number],
): StatisticOrReason {
  return { statistic: { family: "sums", columns, finalize } };
}

function meanOfBoth(s: Float64Array, n: number): [number, number] {
  return [(s[0] ?? 0) / n, (s[1] ?? 0) / n];
}

/** The median of the multiset in which row i appears weights[i] times (n in all), as numpy.median of it. */
function weightedMedian(values: Float64Array, ascending: Uint32Array, weights: Int32Array, n: number): number {
  const lowRank = (n - 1) >> 1;
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
