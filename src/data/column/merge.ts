import { FrequentItems, type FrequentState } from "../sketch/frequent.ts";
import { decodeRegisters, encodeRegisters, hllOfKeys, hllOfNumbers, HyperLogLog } from "../sketch/hll.ts";
import { KllSketch } from "../sketch/kll.ts";
import { mergeMoments } from "../sketch/moments.ts";
import { mergeTallies } from "../tally.ts";
import { type ColumnState, EXACT_NUMBERS } from "./state.ts";

/**
 * Merges `later` (rows after `into`'s) into `into`. Sketches merge as the sketches of the concatenated rows would
 * (exactly for counts, moments, exact tables and HyperLogLog; within the stated error for KLL and Misra-Gries).
 */
export function mergeColumnState(into: ColumnState, later: ColumnState, seed = 1): void {
  into.rows += later.rows;
  into.values += later.values;
  into.nulls += later.nulls;
  into.missingTokens += later.missingTokens;
  into.invalid += later.invalid;
  into.nonFinite += later.nonFinite;
  into.fractional += later.fractional;
  into.numericValues += later.numericValues;
  if (later.moments) into.moments = into.moments ? mergeMoments(into.moments, later.moments) : { ...later.moments };
  if (later.sketch) {
    const sketch = into.sketch ? KllSketch.fromState(into.sketch, seed) : new KllSketch(seed);
    sketch.merge(later.sketch);
    into.sketch = sketch.toState();
  }
  if (into.sketch !== null || later.sketch !== null) mergeNumberDistinct(into, later);
  else mergeTextDistinct(into, later);
  if (into.sketch !== null && later.frequent !== null) {
    // A column read as `any`: its value table merges; its distinct count comes from the numbers side.
    const frequent = new FrequentItems();
    if (into.frequent) frequent.merge(into.frequent);
    frequent.merge(later.frequent);
    into.frequent = frequent.toState();
  }
  mergeTallies(into.checks, later.checks);
}

/** Distinct numbers: the exact tables while their union is small, else HyperLogLog over everything. */
function mergeNumberDistinct(into: ColumnState, later: ColumnState): void {
  if (into.numbers && later.numbers && into.hll === null && later.hll === null) {
    const counts = new Map(into.numbers);
    for (const [value, count] of later.numbers) counts.set(value, (counts.get(value) ?? 0) + count);
    if (counts.size <= EXACT_NUMBERS) {
      into.numbers = [...counts];
      return;
    }
  }
  const hll = new HyperLogLog();
  for (const side of [into, later]) {
    if (side.numbers) hll.merge(hllOfNumbers(side.numbers.map((e) => e[0])).registers);
    const registers = side.hll === null ? undefined : decodeRegisters(side.hll);
    if (registers) hll.merge(registers);
  }
  into.numbers = null;
  into.hll = encodeRegisters(hll.registers);
}

/** Distinct texts: the exact value table while it never overflowed, else HyperLogLog over everything. */
function mergeTextDistinct(into: ColumnState, later: ColumnState): void {
  const sides = [into.frequent, later.frequent].filter((f): f is FrequentState => f !== null);
  const frequent = new FrequentItems();
  for (const side of sides) frequent.merge(side);
  const merged = frequent.toState();
  const exact = merged.error === 0 && into.hll === null && later.hll === null;
  if (!exact) {
    const hll = new HyperLogLog();
    for (const side of [into, later]) {
      if (side.frequent && side.frequent.error === 0 && side.hll === null)
        hll.merge(hllOfKeys(side.frequent.entries.map((e) => e[0])).registers);
      const registers = side.hll === null ? undefined : decodeRegisters(side.hll);
      if (registers) hll.merge(registers);
    }
    into.hll = encodeRegisters(hll.registers);
  }
  into.frequent = sides.length > 0 ? merged : null;
}
