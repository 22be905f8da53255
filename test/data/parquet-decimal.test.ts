import { describe, expect, it } from "vitest";
import { exactDecimal } from "../../src/data/formats/parquet.ts";

/** Parquet DECIMAL values read as the decimal's nearest double, as the same value written as text would read. */
describe("exactDecimal", () => {
  it.each([
    [6 * 10 ** -1, 1, 0.6],
    [12345 * 10 ** -2, 2, 123.45],
    [-7 * 10 ** -3, 3, -0.007],
    [10 * 10 ** -1, 1, 1],
    [29 * 10 ** -2, 2, 0.29],
  ])("%f at scale %i is %f", (read, scale, expected) => {
    expect(exactDecimal(read, scale)).toBe(expected);
    expect(exactDecimal(read, scale)).toBe(Number(String(expected)));
  });

  it("leaves what it cannot recover exactly as it is", () => {
    expect(exactDecimal(null, 2)).toBeNull();
    expect(exactDecimal("1.5", 1)).toBe("1.5");
    expect(exactDecimal(1e300, 2)).toBe(1e300); // the unscaled integer would not be safe
    expect(exactDecimal(0.5, 30)).toBe(0.5); // 10 ** 30 is not exact in a double
  });
});
