/**
 * The Wilson score interval of a proportion (Wilson 1927), as scipy.stats.binomtest(k, n).proportion_ci(level,
 * method="wilson") computes it. The report uses it for a slice's accuracy, recall or precision: each is exactly a
 * proportion of rows (correct, or positive among the slice's positives / predicted positives), so its interval has a
 * closed form that costs one pass over the rows, where a bootstrap costs resamples × rows draws; and at the few rows
 * of a small slice it keeps its coverage, where the percentile bootstrap of a proportion is known to fall short.
 */

export function wilsonInterval(successes: number, trials: number, level: number): { low: number; high: number } {
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  // Clamped: at p = 0 or 1 rounding can put an end a hair outside [0, 1].
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The standard normal quantile, Acklam's rational approximation (relative error below 1.2e-9 over (0, 1)). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (coefficients: number[], x: number): number => coefficients.reduce((sum, k) => sum * x + k, 0);
  const tail = 0.02425;
  if (p < tail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - tail) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
