import { describe, expect, it } from "vitest";
import { FREQUENT_CAPACITY, FrequentItems } from "../../src/data/sketch/frequent.ts";
import {
  addNumbersToRegisters,
  hashBytes,
  hashed,
  hashKey,
  hashNumber,
  hashRecord,
  KeySet,
  Random,
} from "../../src/data/sketch/hash.ts";
import { HLL_STANDARD_ERROR, HyperLogLog } from "../../src/data/sketch/hll.ts";
import { KLL_K, KLL_RANK_ERROR, KllSketch, KllView } from "../../src/data/sketch/kll.ts";
import { sortNumbers } from "../../src/data/sketch/level-sort.ts";
import { mergeMoments, Moments, sampleStd } from "../../src/data/sketch/moments.ts";
import { NumberCounts } from "../../src/data/sketch/numbers.ts";

/** The sketches behind profiles: their stated error bounds hold, and merged sketches equal one sketch of the whole. */

/** Deterministic data (xorshift), so every run checks the same numbers. */
function data(kind: string, n: number, seed = 7): Float64Array {
  const random = new Random(seed);
  const uniform = (): number => random.next() / 4294967296;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (kind === "uniform") values[i] = uniform() * 100;
    else if (kind === "skewed") values[i] = Math.exp(4 * uniform()) * uniform();
    else if (kind === "sorted") values[i] = i;
    else if (kind === "ties") values[i] = Math.floor(uniform() * 30);
    else values[i] = (uniform() + uniform() + uniform() - 1.5) * 10; // roughly normal
  }
  return values;
}

/** Largest distance, over 99 quantiles, between the rank the sketch's answer has and the rank asked for (share). */
function worstRankError(values: Float64Array, view: KllView): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const rankRange = (x: number): [number, number] => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = n;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (sorted[mid]! <= x) end = mid + 1;
      else hi = mid;
    }
    return [lo, end];
  };
  let worst = 0;
  for (let i = 1; i < 100; i++) {
    const q = i / 100;
    const [below, atOrBelow] = rankRange(view.quantile(q));
    const target = q * n;
    const error = target < below ? below - target : target > atOrBelow ? target - atOrBelow : 0;
    worst = Math.max(worst, error / n);
  }
  return worst;
}

describe("KLL quantile sketch", () => {
  it("is exact while it holds at most k values", () => {
    const values = data("skewed", KLL_K);
    const sketch = new KllSketch(3);
    for (const v of values) sketch.update(v);
    const state = sketch.toState();
    expect(state.exact).toBe(true);
    const view = new KllView(state);
    expect(worstRankError(values, view)).toBe(0);
    expect(view.cdf(Float64Array.from(values).sort()[100]!)).toBe(101 / KLL_K);
  });

  it.each(["uniform", "skewed", "sorted", "ties", "normal"])(
    "keeps every quantile of 300,000 %s values within the stated rank error, alone and merged from 7 parts",
    (kind) => {
      const values = data(kind, 300_000);
      const whole = new KllSketch(11);
      for (const v of values) whole.update(v);
      expect(whole.toState().exact).toBe(false);
      expect(worstRankError(values, new KllView(whole.toState()))).toBeLessThan(KLL_RANK_ERROR);
      const merged = new KllSketch(12);
      const part = Math.ceil(values.length / 7);
      for (let p = 0; p < 7; p++) {
        const sketch = new KllSketch(20 + p);
        sketch.updateMany(values.subarray(p * part, (p + 1) * part), Math.min(part, values.length - p * part));
        merged.merge(sketch.toState());
      }
      const state = merged.toState();
      expect(state.n).toBe(values.length);
      expect(state.min).toBe(values.reduce((a, b) => Math.min(a, b)));
      expect(state.max).toBe(values.reduce((a, b) => Math.max(a, b)));
      expect(worstRankError(values, new KllView(state))).toBeLessThan(KLL_RANK_ERROR);
      // Bounded memory: about 3k values whatever n is.
      expect(state.levels.flat().length).toBeLessThan(4 * KLL_K);
    },
  );
});

describe("HyperLogLog", () => {
  it("estimates distinct counts within 3 standard errors, and merges as the union", () => {
    const bytes = Buffer.alloc(16);
    const add = (hll: HyperLogLog, i: number): void => {
      const length = bytes.write(`value-${i}`);
      hashBytes(bytes, 0, length);
      hll.add(hashed.h1, hashed.h2);
    };
    for (const n of [100, 5_000, 200_000]) {
      const hll = new HyperLogLog();
      for (let i = 0; i < n; i++) add(hll, i);
      expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(3 * HLL_STANDARD_ERROR);
    }
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    for (let i = 0; i < 60_000; i++) add(a, i);
    for (let i = 40_000; i < 100_000; i++) add(b, i);
    a.merge(b.registers);
    expect(Math.abs(a.estimate() - 100_000) / 100_000).toBeLessThan(3 * HLL_STANDARD_ERROR);
  });
});

describe("frequent items (Misra-Gries)", () => {
  const keyOf = (text: string): number => {
    const bytes = Buffer.from(text);
    hashBytes(bytes, 0, bytes.length);
    return hashKey(hashed.h1, hashed.h2);
  };
  const add = (items: FrequentItems, text: string): void => {
    const bytes = Buffer.from(text);
    items.add(keyOf(text), bytes, 0, bytes.length);
  };

  it("counts exactly while there are few distinct values", () => {
    const items = new FrequentItems();
    for (let i = 0; i < 1000; i++) add(items, `c${i % 20}`);
    const state = items.toState();
    expect(state.error).toBe(0);
    expect(items.exactDistinct).toBe(20);
    expect(state.entries.every(([, count]) => count === 50)).toBe(true);
    expect(state.entries.map((e) => e[2]).sort()[0]).toBe("c0");
  });

  it("undercounts by at most its error once it overflows, and never drops a value more frequent than the error", () => {
    const items = new FrequentItems();
    const truth = new Map<string, number>();
    const random = new Random(5);
    for (let i = 0; i < 90_000; i++) {
      // 10 heavy values (a third of the rows) among 100,000 possible rare ones.
      const value = i % 3 === 0 ? `heavy${random.below(10)}` : `rare${random.below(100_000)}`;
      truth.set(value, (truth.get(value) ?? 0) + 1);
      add(items, value);
    }
    const state = items.toState();
    expect(state.error).toBeGreaterThan(0);
    expect(items.exactDistinct).toBeNull();
    expect(state.entries.length).toBeLessThanOrEqual(FREQUENT_CAPACITY);
    const counted = new Map(state.entries.map(([key, count]) => [key, count]));
    for (const [value, count] of truth) {
      const estimate = counted.get(keyOf(value)) ?? 0;
      expect(estimate).toBeLessThanOrEqual(count);
      expect(count - estimate).toBeLessThanOrEqual(state.error);
    }
    expect(state.entries.slice(0, 10).map((e) => e[2]?.slice(0, 5))).toEqual(Array(10).fill("heavy"));
  });
});

describe("moments and exact number counts", () => {
  it("merge to the same mean and standard deviation as one pass (timestamps keep their digits)", () => {
    const values = Array.from({ length: 1000 }, (_, i) => 1.7e12 + i * 1000 + (i % 7));
    const whole = new Moments();
    for (const v of values) whole.add(v);
    const a = new Moments();
    const b = new Moments();
    values.forEach((v, i) => (i < 400 ? a : b).add(v));
    const merged = mergeMoments(a.toState(), b.toState());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
    const std = Math.sqrt(variance);
    expect(Math.abs(merged.mean - mean) / std).toBeLessThan(1e-9);
    expect(Math.abs(sampleStd(merged)! - std) / std).toBeLessThan(1e-9);
    expect(Math.abs(sampleStd(whole.toState())! - std) / std).toBeLessThan(1e-9);
  });

  it("count each number exactly up to their capacity, then refuse new ones", () => {
    const counts = new NumberCounts(3);
    expect([1, 2, 1, -0, 0].map((v) => counts.add(v))).toEqual([true, true, true, true, true]);
    expect(counts.add(7)).toBe(false);
    expect(counts.entries()).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
  });
});

describe("the sketches' own loops give what the built-ins give", () => {
  it("sortNumbers orders as Float64Array.prototype.sort, -0 before 0 and ties included", () => {
    const random = new Random(17);
    for (const size of [0, 1, 2, 5, 17, 18, 100, 1000, 5000]) {
      for (const kind of ["uniform", "ties", "sorted", "reversed", "zeros"]) {
        const values = new Float64Array(size + 3);
        for (let i = 0; i < size; i++) {
          const u = random.next();
          values[i] =
            kind === "uniform"
              ? (u / 65536 - 32768) / 7
              : kind === "ties"
                ? u % 5
                : kind === "sorted"
                  ? i
                  : kind === "reversed"
                    ? size - i
                    : [0, -0, 1, -1][u % 4]!;
        }
        const expected = values.slice(0, size).sort();
        sortNumbers(values, size);
        // Object.is tells -0 from 0, which toEqual on typed arrays would not.
        expect(Array.from(values.subarray(0, size), (v, i) => Object.is(v, expected[i]))).not.toContain(false);
      }
    }
  });

  it("addNumbersToRegisters sets the registers HyperLogLog.add sets after hashNumber", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? -0 : (i * 7919) / 13 - 900));
    const one = new HyperLogLog();
    for (const value of values) {
      hashNumber(value);
      one.add(hashed.h1, hashed.h2);
    }
    const many = new HyperLogLog();
    addNumbersToRegisters(many.registers, values, 0, values.length);
    expect(many.registers).toEqual(one.registers);
  });

  it("KeySet holds exactly the keys it was given", () => {
    const key = (text: string): [number, number, number] => {
      const bytes = Buffer.from(text);
      hashBytes(bytes, 0, bytes.length);
      return [hashKey(hashed.h1, hashed.h2), hashed.h1, hashed.h2];
    };
    const set = new KeySet(Array.from({ length: 40 }, (_, i) => key(`in${i}`)[0]));
    for (let i = 0; i < 40; i++) expect(set.has(...(key(`in${i}`).slice(1) as [number, number]))).toBe(true);
    for (let i = 0; i < 1000; i++) expect(set.has(...(key(`out${i}`).slice(1) as [number, number]))).toBe(false);
  });

  it("Random.below is the remainder of next() for every bound", () => {
    const a = new Random(3);
    const b = new Random(3);
    for (const bound of [1, 2, 3, 8, 1024, 1000, 2 ** 31, 2 ** 31 + 1, 4294967295]) {
      for (let i = 0; i < 100; i++) expect(a.below(bound)).toBe(b.next() % bound);
    }
  });
});

describe("KLL updates in batches", () => {
  it("leave exactly the sketch that updates value by value leave, however the values are cut", () => {
    for (const kind of ["uniform", "sorted", "ties"]) {
      const values = data(kind, 120_000, 31);
      const one = new KllSketch(5);
      for (const v of values) one.update(v);
      const random = new Random(4);
      for (const cut of [1, 7, 1024, 0]) {
        const many = new KllSketch(5);
        for (let at = 0; at < values.length;) {
          const size = Math.min(values.length - at, cut || 1 + random.below(3000));
          many.updateMany(values.slice(at, at + size), size);
          at += size;
        }
        expect(many.toState()).toEqual(one.toState());
      }
    }
  });
});

describe("hashRecord (the duplicate-rows check's hash)", () => {
  const hashOf = (bytes: Uint8Array, start = 0, end = bytes.length): string => {
    hashRecord(bytes, start, end);
    return `${hashed.h1}:${hashed.h2}`;
  };

  it("gives equal records the same hash wherever they are, and records one byte apart different ones", () => {
    const random = new Random(12);
    for (let length = 0; length <= 70; length++) {
      const record = Buffer.from(Array.from({ length }, () => 32 + random.below(90)));
      const moved = Buffer.concat([Buffer.from("xyz"), record]);
      const expected = hashOf(record);
      expect(hashOf(moved, 3)).toBe(expected);
      const seen = new Set([expected]);
      for (let at = 0; at < length; at++) {
        const changed = Buffer.from(record);
        changed[at] = changed[at]! ^ (1 << random.below(8));
        seen.add(hashOf(changed));
      }
      expect(seen.size).toBe(length + 1);
      // A record and the same bytes one byte longer or shorter.
      if (length > 0) expect(hashOf(record, 0, length - 1)).not.toBe(expected);
    }
  });

  it("spreads structured records like random ones (each 32-bit half collides about as often as chance)", () => {
    const bytes = Buffer.alloc(128);
    const halves = [new Set<number>(), new Set<number>()];
    const collisions = [0, 0];
    const whole = new Set<string>();
    const rows = 300_000;
    for (let i = 0; i < rows; i++) {
      const length = bytes.write(`${i % 1000},${Math.floor(i / 1000)},seg_${i % 20},2024-01-01T00:00:${i % 60}Z,x`);
      whole.add(hashOf(bytes, 0, length));
      [hashed.h1, hashed.h2].forEach((half, h) => {
        if (halves[h]!.has(half)) collisions[h]!++;
        halves[h]!.add(half);
      });
    }
    expect(whole.size).toBe(rows);
    // Expected rows^2 / 2^33, about 10; a weak mix on such records gives thousands.
    for (const count of collisions) expect(count).toBeLessThan(40);
  });
});
