/**
 * McNemar's exact test for two classifiers on the same rows (DOMAIN.md §2): only the discordant rows count, those
 * one model got right and the other wrong. Under "equal accuracy" each discordant row is a fair coin, so the
 * two-sided p-value is the exact binomial one, as scipy.stats.binomtest(k, n, 0.5).pvalue computes it.
 */

export interface McNemarResult {
  /** Rows only the candidate got right. */
  candidateOnly: number;
  /** Rows only the baseline got right. */
  baselineOnly: number;
  pValue: number;
}

export function mcnemarExact(candidateCorrect: Uint8Array, baselineCorrect: Uint8Array): McNemarResult {
  let candidateOnly = 0;
  let baselineOnly = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    const c = candidateCorrect[i] ?? 0;
    const b = baselineCorrect[i] ?? 0;
    if (c > b) candidateOnly++;
    else if (b > c) baselineOnly++;
  }
  return { candidateOnly, baselineOnly, pValue: binomialTwoSidedHalf(candidateOnly, candidateOnly + baselineOnly) };
}

/**
 * Two-sided exact binomial p-value for k successes in n trials at p = 1/2: 2 P(X <= min(k, n - k)), at most 1. With
 * no trials there is no evidence either way: 1. Summed from the largest term (at the mode side) down, in log space,
 * so neither large n nor tiny p-values overflow or lose precision.
 */
export function binomialTwoSidedHalf(k: number, n: number): number {
  if (n === 0) return 1;
  const m = Math.min(k, n - k);
  if (2 * m === n) return 1;
  // log C(n, m) - n log 2: the largest term of the tail P(X <= m), since m < n / 2.
  let logTerm = -n * Math.LN2;
  for (let i = 0; i < m; i++) logTerm += Math.log(n - i) - Math.log(i + 1);
  // Relative to that term: term(i - 1) / term(i) = i / (n - i + 1).
  let relative = 1;
  let term = 1;
  for (let i = m; i > 0; i--) {
    term *= i / (n - i + 1);
    relative += term;
    if (term < relative * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTerm + Math.log(relative)));
}
