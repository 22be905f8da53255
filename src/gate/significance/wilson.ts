import { normalQuantile } from "./normal-quantile.ts";

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
