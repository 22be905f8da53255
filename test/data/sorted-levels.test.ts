import { describe, expect, it } from "vitest";
import { KllSketch, KllView } from "../../src/data/sketch/kll.ts";
import { mergeSortedLevels } from "../../src/data/sketch/sorted-levels.ts";

/** What KllView did before the merge: [value, weight] pairs, stable-sorted by a comparator on the value. */
function pairSort(levels: number[][]): { values: string[]; weights: number[] } {
  const pairs: [number, number][] = [];
  levels.forEach((values, level) => {
    for (const value of values) pairs.push([value, 2 ** level]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return { values: pairs.map((p) => shown(p[0])), weights: pairs.map((p) => p[1]) };
}

const shown = (value: number): string => (Object.is(value, -0) ? "-0" : String(value));

/** Seeded sorted levels with ties across levels and both zeros, in either order among themselves. */
function levels(seed: number): number[][] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const depth = 1 + Math.floor(next() * 8);
  return Array.from({ length: depth }, () => {
    const level = Array.from({ length: Math.floor(next() * 300) }, () => {
      const kind = next();
      return kind < 0.1 ? 0 : kind < 0.2 ? -0 : Math.round((next() - 0.5) * 40) / 4;
    });
    // Sorted with -0 and 0 as equal, so a level may list 0 before -0 (as a stable sort leaves them).
    return level.sort((a, b) => a - b);
  });
}

describe("mergeSortedLevels", () => {
  it.each(Array.from({ length: 50 }, (_, i) => i + 1))("gives the stable pair sort's order (seed %i)", (seed) => {
    const given = levels(seed);
    const merged = mergeSortedLevels(given);
    if (!merged) throw new Error("sorted levels were refused");
    expect({ values: Array.from(merged.values, shown), weights: Array.from(merged.weights) }).toEqual(pairSort(given));
  });

  it("refuses levels out of order or holding a value that is not finite", () => {
    expect(mergeSortedLevels([[1, 0]])).toBeNull();
    expect(mergeSortedLevels([[0], [1, Number.NaN]])).toBeNull();
    expect(mergeSortedLevels([[1, Number.POSITIVE_INFINITY]])).toBeNull();
  });

  it("leaves KllView's values and ranks as they were, unsorted levels included", () => {
    const sketch = new KllSketch(7);
    for (let i = 0; i < 20_000; i++) sketch.update(Math.round(Math.sin(i) * 1000) / 10);
    const state = sketch.toState();
    const view = new KllView(state);
    const expected = pairSort(state.levels);
    expect(Array.from(view.values, shown)).toEqual(expected.values);
    const reversed = state.levels.map((level) => [...level].reverse());
    const unsorted = new KllView({ ...state, levels: reversed });
    expect(Array.from(unsorted.values, shown)).toEqual(pairSort(reversed).values);
  });
});
