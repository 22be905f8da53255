/** The latency percentiles each window reports, as `latency_p<n>` (config/window-metrics.ts names them). */
export const LATENCY_PERCENTILES = [50, 90, 95, 99] as const;

/** numpy's default (linear) percentile of sorted values; NaN when there are none. */
export function percentileOfSorted(sorted: Float64Array, percent: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = ((sorted.length - 1) * percent) / 100;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  const lowValue = sorted[low] ?? Number.NaN;
  return lowValue + (at - low) * ((sorted[high] ?? lowValue) - lowValue);
}
