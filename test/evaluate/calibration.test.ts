import { describe, expect, it } from "vitest";
import { CALIBRATION_BINS, calibrationBin } from "../../src/evaluate/calibration.ts";

/** numpy.digitize(x, np.linspace(0, 1, 11)[1:-1], right=True), written as the walk from the first edge. */
function digitize(x: number): number {
  const edges = Array.from({ length: CALIBRATION_BINS - 1 }, (_, i) => (i + 1) * (1 / CALIBRATION_BINS));
  let bin = 0;
  while (bin < edges.length && x > (edges[bin] ?? 1)) bin++;
  return bin;
}

/** The next float64 above (up) or below x, for x > 0. */
function ulp(x: number, up: boolean): number {
  const view = new Float64Array([x]);
  const bits = new BigInt64Array(view.buffer);
  bits[0] = (bits[0] ?? 0n) + (up ? 1n : -1n);
  return view[0] ?? x;
}

describe("calibrationBin", () => {
  it("is numpy.digitize over the edges i * 0.1 (right-closed), at every edge and one ulp either side", () => {
    const values = [Number.NaN, -1, -0, 0, 1e-300, 1, 2, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (let k = 0; k <= CALIBRATION_BINS; k++) {
      for (const edge of [k / 10, k * 0.1, k * (1 / 10)]) {
        values.push(edge);
        if (edge > 0) values.push(ulp(edge, true), ulp(edge, false));
      }
    }
    for (let i = 0; i <= 10_000; i++) values.push(i / 10_000);
    for (const x of values) expect([x, calibrationBin(x)]).toEqual([x, digitize(x)]);
  });
});
