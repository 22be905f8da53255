/**
 * A KLL sketch's levels (each sorted, as toState gives them) as one ascending run of values with their weights,
 * merged level by level in linear time. It gives exactly the order of a stable sort by value of the values listed
 * level by level (ties: the lower level first, then the level's own order), which is what KllView had from sorting
 * [value, weight] pairs with a comparator: the same order, without an array per value or a comparator call per step.
 */

/** The levels' values in ascending order with their weights: merged when they allow it, else the comparator sort. */
export function sortedLevels(levels: readonly (readonly number[])[]): WeightedRun {
  return mergeSortedLevels(levels) ?? sortedPairs(levels);
}

export interface WeightedRun {
  values: Float64Array;
  /** The weight of values[i]: 2 ** its level. */
  weights: Float64Array;
}

/**
 * The levels merged, or null when a level is out of order or holds a value that is not finite: NaN has no order, and
 * the comparator's Infinity - Infinity is NaN, so for those only the comparator sort itself says what it gives.
 */
export function mergeSortedLevels(levels: readonly (readonly number[])[]): WeightedRun | null {
  let total = 0;
  for (const level of levels) {
    for (let i = 0; i < level.length; i++) {
      if (!Number.isFinite(level[i]) || (i > 0 && !(level[i - 1]! <= level[i]!))) return null;
    }
    total += level.length;
  }
  let values = new Float64Array(total);
  let weights = new Float64Array(total);
  let spareValues = new Float64Array(total);
  let spareWeights = new Float64Array(total);
  let size = 0;
  levels.forEach((level, depth) => {
    const weight = 2 ** depth;
    // Merge the run so far (a) with this level (b) into the spare arrays; on a tie the run so far goes first.
    let a = 0;
    let b = 0;
    let out = 0;
    while (a < size && b < level.length) {
      const next = level[b]!;
      if (next < values[a]!) {
        spareValues[out] = next;
        spareWeights[out++] = weight;
        b++;
      } else {
        spareValues[out] = values[a]!;
        spareWeights[out++] = weights[a++]!;
      }
    }
    for (; a < size; a++) {
      spareValues[out] = values[a]!;
      spareWeights[out++] = weights[a]!;
    }
    for (; b < level.length; b++) {
      spareValues[out] = level[b]!;
      spareWeights[out++] = weight;
    }
    [values, spareValues] = [spareValues, values];
    [weights, spareWeights] = [spareWeights, weights];
    size = out;
  });
  return { values, weights };
}

/** The levels' values with their weights, by a stable sort on the value (levels that are not all in order). */
function sortedPairs(levels: readonly (readonly number[])[]): WeightedRun {
  const pairs: [number, number][] = [];
  levels.forEach((values, level) => {
    for (const value of values) pairs.push([value, 2 ** level]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return { values: Float64Array.from(pairs, (p) => p[0]), weights: Float64Array.from(pairs, (p) => p[1]) };
}
