import { withDescendingOrder } from "../../evaluate/ranking.ts";
import { normalQuantile } from "./normal-quantile.ts";

/**
 * DeLong's interval of a binary ROC AUC (DeLong, DeLong & Clarke-Pearson 1988), by the fast midrank algorithm of Sun &
 * Xu (2014): one sort of the scores. Each positive's structural component V10 is the share of negatives it outranks,
 * each negative's V01 the share of positives that outrank it, ties counting half (as scikit-learn's roc_auc_score);
 * the AUC is their mean, its variance s10/m + s01/n (sample variances over the m positives and the n negatives), and
 * the interval the normal one at the level, clamped to [0, 1].
 */

export interface DeLongInterval {
  auc: number;
  low: number;
  high: number;
  /** An end fell outside [0, 1] and was moved to it. */
  clamped: boolean;
}

/** The interval, or why there is none. `scores` are the positive-class scores (>= 0), `positive` flags the positives. */
export function deLongInterval(scores: Float64Array, positive: Uint8Array, level: number): DeLongInterval | string {
  const total = scores.length;
  let m = 0;
  for (let i = 0; i < total; i++) m += positive[i] ? 1 : 0;
  const n = total - m;
  if (m < 2 || n < 2)
    return `${m < 2 ? `${m} positive` : `${n} negative`} row${Math.min(m, n) === 1 ? "" : "s"}: DeLong's variance needs two of each class`;
  const groups = withDescendingOrder(scores, ({ order, sorted }) => {
    // Tie groups of equal scores, highest first: every row of a group has the same component.
    const tieGroups: { positives: number; negatives: number; v10: number; v01: number }[] = [];
    let positivesAbove = 0;
    let negativesAbove = 0;
    let start = 0;
    for (let k = 0; k < total; k++) {
      if (k + 1 < total && sorted[k + 1] === sorted[k]) continue;
      let positives = 0;
      for (let j = start; j <= k; j++) positives += positive[order[j] ?? 0] ? 1 : 0;
      const negatives = k + 1 - start - positives;
      const negativesBelow = n - negativesAbove - negatives;
      tieGroups.push({
        positives,
        negatives,
        v10: (negativesBelow + negatives / 2) / n,
        v01: (positivesAbove + positives / 2) / m,
      });
      positivesAbove += positives;
      negativesAbove += negatives;
      start = k + 1;
    }
    return tieGroups;
  });
  let sum10 = 0;
  let sum01 = 0;
  for (const g of groups) {
    sum10 += g.positives * g.v10;
    sum01 += g.negatives * g.v01;
  }
  const auc = sum10 / m;
  const mean01 = sum01 / n;
  let squares10 = 0;
  let squares01 = 0;
  for (const g of groups) {
    squares10 += g.positives * (g.v10 - auc) ** 2;
    squares01 += g.negatives * (g.v01 - mean01) ** 2;
  }
  const variance = squares10 / (m - 1) / m + squares01 / (n - 1) / n;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(variance);
  const low = auc - half;
  const high = auc + half;
  return { auc, low: Math.max(0, low), high: Math.min(1, high), clamped: low < 0 || high > 1 };
}
