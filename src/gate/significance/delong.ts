import { type Ranked, withDescendingOrder } from "../../evaluate/ranking.ts";
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

/**
 * The interval, or why there is none. `scores` are the positive-class scores (>= 0), `positive` flags the positives.
 * With `rows` (a slice), the interval of those rows of `scores`, `positive[j]` flagging row `rows[j]`: the slice's
 * scores are never copied out of the column (a slice bar after another would leave a copy behind each).
 */
export function deLongInterval(
  scores: Float64Array,
  positive: Uint8Array,
  level: number,
  rows?: ArrayLike<number>,
): DeLongInterval | string {
  const total = rows?.length ?? scores.length;
  let m = 0;
  for (let i = 0; i < total; i++) m += positive[i] ? 1 : 0;
  const n = total - m;
  if (m < 2 || n < 2)
    return `${m < 2 ? `${m} positive` : `${n} negative`} row${Math.min(m, n) === 1 ? "" : "s"}: DeLong's variance needs two of each class`;
  // Two walks over one ranking: the components' means first, then their squared deviations (the two-pass variance).
  const { auc, squares10, squares01 } = withDescendingOrder(
    scores,
    (ranked) => {
      const [sum10, sum01] = componentSums(ranked, positive, m, n, null);
      const means = { auc: sum10 / m, mean01: sum01 / n };
      const [squares10, squares01] = componentSums(ranked, positive, m, n, means);
      return { auc: means.auc, squares10, squares01 };
    },
    rows,
  );
  const variance = squares10 / (m - 1) / m + squares01 / (n - 1) / n;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(variance);
  const low = auc - half;
  const high = auc + half;
  return { auc, low: Math.max(0, low), high: Math.min(1, high), clamped: low < 0 || high > 1 };
}

/**
 * Over the tie groups of equal scores, highest first (every row of a group has the same component): Σ V10 over the
 * positives and Σ V01 over the negatives, or, given their means, the sums of squared deviations from them. Walked
 * rather than stored: an object a tie group made a million distinct scores' interval mostly garbage collection.
 */
function componentSums(
  { order, sorted }: Ranked,
  positive: Uint8Array,
  m: number,
  n: number,
  around: { auc: number; mean01: number } | null,
): [number, number] {
  const total = order.length;
  let sum10 = 0;
  let sum01 = 0;
  let positivesAbove = 0;
  let negativesAbove = 0;
  let start = 0;
  for (let k = 0; k < total; k++) {
    if (k + 1 < total && sorted[k + 1] === sorted[k]) continue;
    let positives = 0;
    for (let j = start; j <= k; j++) positives += positive[order[j] ?? 0] ? 1 : 0;
    const negatives = k + 1 - start - positives;
    const negativesBelow = n - negativesAbove - negatives;
    const v10 = (negativesBelow + negatives / 2) / n;
    const v01 = (positivesAbove + positives / 2) / m;
    sum10 += around ? positives * (v10 - around.auc) ** 2 : positives * v10;
    sum01 += around ? negatives * (v01 - around.mean01) ** 2 : negatives * v01;
    positivesAbove += positives;
    negativesAbove += negatives;
    start = k + 1;
  }
  return [sum10, sum01];
}
