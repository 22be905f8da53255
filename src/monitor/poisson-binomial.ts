import { normalQuantile } from "../gate/significance/normal-quantile.ts";

/**
 * The number of correct rows in a window whose rows are each right with their own probability p_i (independent
 * Bernoulli trials) follows the Poisson-binomial distribution. CBPE's accuracy interval is a central interval of it
 * (DOMAIN.md §7): exact, by the O(n²) convolution of the trials, up to {@link EXACT_POISSON_BINOMIAL_ROWS} rows; past
 * that, the normal approximation with the same mean Σp and variance Σp(1-p), which is within a row or two of the
 * exact bounds at that size (the Berry–Esseen bound shrinks as 1/sd).
 */

/** Up to this many rows the interval is exact: 10,000 rows cost 5·10⁷ multiply-adds. */
export const EXACT_POISSON_BINOMIAL_ROWS = 10_000;

export interface CountInterval {
  /** The interval's bounds, as counts of successes (real numbers under the normal approximation). */
  low: number;
  high: number;
  method: "poisson-binomial" | "normal-approximation";
}

/**
 * A central interval at `level` of the number of successes among independent trials with success probabilities `p`:
 * at most (1 - level) / 2 of the probability lies below `low` and at most as much above `high`, so exact bounds cover
 * at least `level` (discrete bounds cannot hit it exactly).
 */
export function poissonBinomialInterval(
  p: ArrayLike<number>,
  level: number,
  exactRows = EXACT_POISSON_BINOMIAL_ROWS,
): CountInterval {
  const tail = (1 - level) / 2;
  if (p.length <= exactRows) {
    const pmf = poissonBinomialPmf(p);
    let cumulative = 0;
    let low = -1;
    let high = p.length;
    for (let k = 0; k < pmf.length; k++) {
      cumulative += pmf[k] ?? 0;
      // P(X < low) <= tail: low is the first count at which the cumulative probability passes the tail.
      if (low < 0 && cumulative > tail) low = k;
      // P(X > high) <= tail; the small slack keeps rounding in the sum from moving a bound a whole count.
      if (cumulative >= 1 - tail - 1e-12) {
        high = k;
        break;
      }
    }
    return { low: Math.max(low, 0), high, method: "poisson-binomial" };
  }
  let mean = 0;
  let variance = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[i] ?? 0;
    mean += q;
    variance += q * (1 - q);
  }
  const spread = normalQuantile(1 - tail) * Math.sqrt(variance);
  return {
    low: Math.max(mean - spread, 0),
    high: Math.min(mean + spread, p.length),
    method: "normal-approximation",
  };
}

/** P(X = k) for k = 0..n, by adding one trial at a time (numerically stable: every step is a convex combination). */
export function poissonBinomialPmf(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    const q = p[i] ?? 0;
    const stay = 1 - q;
    // Walking down keeps pmf[k - 1] the previous step's value when pmf[k] is updated.
    for (let k = i + 1; k > 0; k--) pmf[k] = (pmf[k] ?? 0) * stay + (pmf[k - 1] ?? 0) * q;
    pmf[0] = (pmf[0] ?? 0) * stay;
  }
  return pmf;
}
