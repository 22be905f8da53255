import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chiSquareSf, kolmogorovSf, ksTwoSamplePValue } from "../../src/data/drift/special.ts";
import { psiOfCounts as psi } from "../../src/data/drift/psi.ts";
import { chiSquare, exactDistribution, jensenShannon, ksTest, wasserstein } from "../../src/data/drift/stats.ts";

/**
 * The drift statistics against scipy 1.10.1 on the same data (test/fixtures/data/drift.json, made by
 * test/fixtures/data/generate_drift.py with Debian's python3-scipy; the command is in that script): KS statistics and
 * Wasserstein distances within 1e-9, p-values within 1e-6 (in practice they agree to about 1e-15).
 */

interface Fixture {
  versions: Record<string, string>;
  ks_2samp: { name: string; x: number[]; y: number[]; statistic: number; pvalue: number }[];
  ks_pvalues: { n1: number; n2: number; d: number; statistic: number; pvalue: number; method: string }[];
  kstwo_sf: { n: number; x: number; sf: number }[];
  chi2_contingency: { name: string; table: number[][]; statistic: number; pvalue: number; dof: number }[];
  chi2_sf: { x: number; df: number; sf: number }[];
  jensenshannon: { p: number[]; q: number[]; distance: number; distance_base2: number }[];
  wasserstein_distance: { name: string; x: number[]; y: number[]; distance: number; reference_std: number }[];
}

const fixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../fixtures/data/drift.json"), "utf8"),
) as Fixture;

describe("scipy reference values", () => {
  it("come from scipy 1.10.1", () => {
    expect(fixture.versions).toMatchObject({ scipy: "1.10.1", numpy: "1.24.2" });
  });

  it.each(fixture.ks_2samp.map((c) => [c.name, c] as const))("ks_2samp: %s", (_name, c) => {
    const result = ksTest(exactDistribution(c.x), exactDistribution(c.y));
    expect(Math.abs(result.statistic - c.statistic)).toBeLessThan(1e-9);
    expect(Math.abs(result.pValue - c.pvalue)).toBeLessThan(1e-6);
    expect(result.method).toBe(Math.max(c.x.length, c.y.length) <= 10_000 ? "exact" : "asymptotic");
  });

  it("ks_2samp's p-value for a statistic and sample sizes, exact and asymptotic", () => {
    for (const c of fixture.ks_pvalues) {
      const result = ksTwoSamplePValue(c.d, c.n1, c.n2);
      expect(result.method, `${c.n1} x ${c.n2}`).toBe(c.method);
      expect(Math.abs(result.statistic - c.statistic)).toBeLessThan(1e-9);
      expect(Math.abs(result.pValue - c.pvalue), `${c.n1} x ${c.n2}`).toBeLessThan(1e-6);
    }
  });

  it("the Kolmogorov distribution's survival function (kstwo.sf) on every branch of scipy's algorithm", () => {
    for (const c of fixture.kstwo_sf) {
      expect(Math.abs(kolmogorovSf(c.n, c.x) - c.sf), `n=${c.n} x=${c.x}`).toBeLessThan(1e-9);
    }
  });

  it.each(fixture.chi2_contingency.map((c) => [c.name, c] as const))("chi2_contingency: %s", (_name, c) => {
    const result = chiSquare(c.table[0]!, c.table[1]!);
    expect(result.dof).toBe(c.dof);
    expect(result.yates).toBe(c.dof === 1);
    expect(Math.abs(result.statistic - c.statistic)).toBeLessThan(1e-9);
    expect(Math.abs(result.pValue - c.pvalue)).toBeLessThan(1e-6);
  });

  it("chi2.sf", () => {
    for (const c of fixture.chi2_sf) expect(Math.abs(chiSquareSf(c.x, c.df) - c.sf)).toBeLessThan(1e-12);
  });

  it("spatial.distance.jensenshannon (natural log: a distance, the square root of the divergence)", () => {
    for (const c of fixture.jensenshannon) expect(Math.abs(jensenShannon(c.p, c.q) - c.distance)).toBeLessThan(1e-12);
    // Disjoint distributions are sqrt(ln 2) apart in natural log (1 in base 2).
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
  });

  it.each(fixture.wasserstein_distance.map((c) => [c.name, c] as const))("wasserstein_distance: %s", (_name, c) => {
    expect(Math.abs(wasserstein(exactDistribution(c.x), exactDistribution(c.y)) - c.distance)).toBeLessThan(1e-9);
  });
});

describe("PSI (no scipy function; the formula DOMAIN.md §3 states)", () => {
  it("is sum((c - r) ln(c / r)) over bins, with empty bins as 0.0001", () => {
    const expected = (0.3 - 0.2) * Math.log(0.3 / 0.2) + (0.7 - 0.8) * Math.log(0.7 / 0.8);
    expect(psi([20, 80], [30, 70])).toBeCloseTo(expected, 15);
    expect(psi([50, 50, 0], [50, 40, 10])).toBeCloseTo(
      0 + (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.1 - 0.0001) * Math.log(0.1 / 0.0001),
      12,
    );
    expect(psi([1, 2, 3], [2, 4, 6])).toBe(0);
  });
});
