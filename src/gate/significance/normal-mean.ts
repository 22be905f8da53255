import { normalQuantile } from "./normal-quantile.ts";

/**
 * The normal interval of a mean over rows, mean ± z·s/√n with s the sample standard deviation of the per-row values:
 * the report's interval for a slice's mean loss (log loss, Brier score, MAE, MSE, MAPE; RMSE through MSE's), whose
 * per-row values come from the gate's own statistics (statistics.ts, "sums"), so the clipping and the definitions are
 * the metric's. One pass over the slice's rows (two, for a stable variance), where a bootstrap costs resamples × rows.
 */
export function normalMeanInterval(values: Float64Array, level: number): { mean: number; low: number; high: number } {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(squares / (n - 1) / n);
  return { mean, low: mean - half, high: mean + half };
}
