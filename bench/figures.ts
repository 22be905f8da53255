/**
 * How the benches state a figure: the median of its runs with the range beside it (never a best-of: the machine is
 * shared, and a best run says what the code can do on a lucky round, not what a user sees).
 */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** `median (min-max)`, with `digits` decimals and an optional unit after the median. */
export function spread(values: readonly number[], digits = 0, unit = ""): string {
  const fixed = (value: number): string => value.toFixed(digits);
  return `${fixed(median(values))}${unit} (${fixed(Math.min(...values))}-${fixed(Math.max(...values))})`;
}

export const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;

/**
 * A ratio as the benches judge it: the median of one side over the median of the other, with the range of the
 * round-by-round ratios (each run against its peer's run of the same round) beside it.
 */
export function pairedRatio(ours: readonly number[], peer: readonly number[]): { ratio: number; shown: string } {
  const ratio = median(ours) / median(peer);
  const rounds = ours.map((value, i) => value / (peer[i] ?? Number.NaN));
  return { ratio, shown: `${percent(ratio)} (${percent(Math.min(...rounds))}-${percent(Math.max(...rounds))})` };
}

/** A transfer's speed, `sizeMiB` in `seconds`, right-aligned for a table. */
export function rate(sizeMiB: number, seconds: number): string {
  return `${(sizeMiB / seconds).toFixed(0).padStart(5)} MiB/s`;
}
