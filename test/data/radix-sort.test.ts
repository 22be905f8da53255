import { describe, expect, it } from "vitest";
import { sortDoubles } from "../../src/data/radix-sort.ts";

/** Seeded values of every kind a held column can have: negative and positive, -0 and 0, repeats, infinities. */
function values(n: number, seed: number, extra: readonly number[] = []): Float64Array {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const out = new Float64Array(n + extra.length);
  for (let i = 0; i < n; i++) {
    const kind = next();
    out[i] =
      kind < 0.1
        ? Math.round(next() * 10) - 5
        : kind < 0.15
          ? -0
          : kind < 0.2
            ? 0
            : (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
  }
  out.set(extra, n);
  return out;
}

const bits = (array: Float64Array): string[] => Array.from(array, (v) => (Object.is(v, -0) ? "-0" : String(v)));

describe("sortDoubles", () => {
  it.each([
    [10, 1, []],
    [5000, 2, []],
    [100_000, 3, [Infinity, -Infinity, Number.MAX_VALUE, -Number.MIN_VALUE, Number.MIN_VALUE]],
    [20_000, 4, [Number.NaN, 1, -Number.NaN]],
  ])("orders %i values as Float64Array.prototype.sort does (seed %i)", (n, seed, extra) => {
    const input = values(n, seed, extra);
    const expected = Float64Array.from(input).sort();
    const sorted = sortDoubles(input);
    expect(sorted).toBe(input);
    expect(bits(sorted)).toEqual(bits(expected));
  });

  it("turns the keys it made back when it meets a NaN half-way, and leaves the sort to the built-in one", () => {
    const input = values(20_000, 5);
    input[10_000] = Number.NaN;
    const expected = Float64Array.from(input).sort();
    expect(bits(sortDoubles(input))).toEqual(bits(expected));
  });

  it("sorts values that share their high bits, and a view into a larger buffer", () => {
    const buffer = new Float64Array(30_000);
    for (let i = 0; i < buffer.length; i++) buffer[i] = 1 + ((i * 7919) % 10_007) / 1e12;
    const view = buffer.subarray(1000, 25_000);
    const expected = Float64Array.from(view).sort();
    sortDoubles(view);
    expect(bits(view)).toEqual(bits(expected));
    expect(buffer[0]).toBe(1);
  });
});
