/**
 * The size of a sweep, which the config's rules check and the sweep planner (train/sweep.ts) enforces: both need it,
 * so it lives with the config, below both.
 */

export type MatrixValue = string | number | boolean;

/** GitHub runs at most 256 jobs from one matrix (PLATFORM.md "Runners"). */
export const MAX_LEGS = 256;

/** The number of legs train.matrix describes (the product of its value counts); 1 without a matrix. */
export function legCount(matrix: Record<string, readonly MatrixValue[]> | undefined): number {
  return Object.values(matrix ?? {}).reduce((count, values) => count * values.length, 1);
}
