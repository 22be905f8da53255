import { metricsFromConfusion } from "../evaluate/confusion.ts";
import { oneVsRestRocAucs, rankingMetrics, type Ranked, supportWeighted } from "../evaluate/ranking.ts";
import { fillUniform, Random } from "../gate/significance/random.ts";

/**
 * The distribution of a window's realised metrics if its scores are calibrated (DOMAIN.md §7): each simulated window
 * keeps the rows and their predictions and draws each row's true class from the row's own class probabilities, then
 * computes the metrics with the gate's code (metricsFromConfusion, the ranking metrics) on the drawn labels. Seeded
 * with the gate's generator, so a re-run gives the same interval. Memory: one label per row plus one number per
 * simulation and metric.
 */

/** The window's classes, each row's class probabilities and predicted class, checked. */
export interface ScoredRows {
  /** Sorted as the gate sorts classes. */
  classes: string[];
  /** One column per class: probabilities[c][i] = P(row i is class c). */
  probabilities: Float64Array[];
  predicted: Int32Array;
  /** Index of the positive class (binary), else null. */
  positive: number | null;
}

/**
 * For each of `metrics`, its value in each of `simulations` simulated windows (NaN where it is undefined, e.g. a ROC
 * AUC when one class was never drawn). `ranked` is the ranking of each ROC AUC's score column, needed when a ROC AUC
 * is among the metrics.
 */
export function simulateRealisedMetrics(
  rows: ScoredRows,
  ranked: readonly Ranked[] | null,
  metrics: readonly string[],
  simulations: number,
  seed: number,
): Map<string, Float64Array> {
  const { classes, probabilities, predicted, positive } = rows;
  const n = predicted.length;
  const k = classes.length;
  const random = new Random(seed);
  const values = new Map(metrics.map((metric) => [metric, new Float64Array(simulations)]));
  const wantsRocAuc = metrics.includes("roc_auc") || metrics.includes("roc_auc_ovr_weighted");
  const perClassNames = metrics.some((metric) => metric.includes("[")) ? classes : undefined;
  const truth = new Int32Array(n);
  const isPositive = new Uint8Array(n);
  const counts = new Float64Array(k * k);
  const first = probabilities[0] ?? new Float64Array(n);
  const uniforms = new Float64Array(n);
  for (let s = 0; s < simulations; s++) {
    counts.fill(0);
    fillUniform(random, uniforms);
    if (k === 2) drawBinary(uniforms, first, predicted, truth, counts);
    else drawMulticlass(uniforms, probabilities, predicted, truth, counts);
    const realised = metricsFromConfusion(counts, k, positive === null ? null : { positive }, undefined, perClassNames);
    if (wantsRocAuc && ranked) Object.assign(realised, realisedRocAucs(truth, isPositive, positive, ranked));
    for (const [metric, column] of values) column[s] = realised[metric] ?? Number.NaN;
  }
  return values;
}

/** Draws each row's class (0 with the row's probability of class 0, else 1) and counts the confusion matrix. */
function drawBinary(
  uniforms: Float64Array,
  first: Float64Array,
  predicted: Int32Array,
  truth: Int32Array,
  counts: Float64Array,
): void {
  for (let i = 0; i < predicted.length; i++) {
    const c = (uniforms[i] ?? 0) < (first[i] ?? 0) ? 0 : 1;
    truth[i] = c;
    const cell = c * 2 + (predicted[i] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
}

/** Draws each row's class from its probabilities (the first class whose cumulative probability passes a uniform). */
function drawMulticlass(
  uniforms: Float64Array,
  probabilities: readonly Float64Array[],
  predicted: Int32Array,
  truth: Int32Array,
  counts: Float64Array,
): void {
  const k = probabilities.length;
  for (let i = 0; i < predicted.length; i++) {
    const u = uniforms[i] ?? 0;
    let c = 0;
    let cumulative = probabilities[0]?.[i] ?? 0;
    while (u >= cumulative && c < k - 1) {
      c++;
      cumulative += probabilities[c]?.[i] ?? 0;
    }
    truth[i] = c;
    const cell = c * k + (predicted[i] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
}

/** The ROC AUCs of drawn labels against the fixed ranking of the scores; NaN when only one class was drawn. */
function realisedRocAucs(
  truth: Int32Array,
  isPositive: Uint8Array,
  positive: number | null,
  ranked: readonly Ranked[],
): Record<string, number> {
  if (positive !== null) {
    for (let i = 0; i < truth.length; i++) isPositive[i] = truth[i] === positive ? 1 : 0;
    const column = ranked[0];
    return { roc_auc: (column && rankingMetrics(column, isPositive)?.rocAuc) ?? Number.NaN };
  }
  const aucs = oneVsRestRocAucs(ranked, truth);
  if (!aucs) return { roc_auc: Number.NaN, roc_auc_ovr_weighted: Number.NaN };
  return {
    roc_auc: aucs.reduce((sum, auc) => sum + auc, 0) / aucs.length,
    roc_auc_ovr_weighted: supportWeighted(aucs, truth),
  };
}
