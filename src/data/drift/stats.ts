import { chiSquareSf, ksTwoSamplePValue } from "./special.ts";

/**
 * Drift statistics between a reference and a current distribution, each given as sorted values with cumulative
 * weights (an exact sample, or a KLL sketch's weighted values). On exact samples every function equals scipy's
 * (ks_2samp, wasserstein_distance, chi2_contingency, spatial.distance.jensenshannon); see special.ts for the p-values.
 */

export interface Distribution {
  /** Sorted values. */
  values: Float64Array;
  /** cumulative[i]: total weight of values[0..i]. */
  cumulative: Float64Array;
  /** Total weight (the number of values summarised). */
  n: number;
}

export function exactDistribution(values: Iterable<number>): Distribution {
  return sortedDistribution(Float64Array.from(values).sort());
}

/** Values already sorted, each counted once (not copied). */
export function sortedDistribution(sorted: Float64Array): Distribution {
  return { values: sorted, cumulative: countsUpTo(sorted.length), n: sorted.length };
}

/**
 * 1, 2, 3 ... n: the cumulative weights of values counted once each. One array serves every distribution (read only)
 * while any of them holds it, rather than one more array as long as the values for each column compared.
 */
let counts: WeakRef<Float64Array> | null = null;

function countsUpTo(n: number): Float64Array {
  let shared = counts?.deref();
  if (!shared || shared.length < n) {
    shared = new Float64Array(Math.max(n, Math.ceil((shared?.length ?? 0) * 1.25)));
    for (let i = 0; i < shared.length; i++) shared[i] = i + 1;
    counts = new WeakRef(shared);
  }
  return shared.subarray(0, n);
}

/** Share of the distribution at or below x. */
export function cdfAt(d: Distribution, x: number): number {
  let lo = 0;
  let hi = d.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : d.cumulative[lo - 1]! / d.n;
}

/** The largest gap between the two empirical CDFs, over every value of either (scipy's statistic). */
export function ksStatistic(a: Distribution, b: Distribution): number {
  let i = 0;
  let j = 0;
  let best = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && a.values[i]! <= b.values[j]!) ? a.values[i]! : b.values[j]!;
    while (i < na && a.values[i]! <= x) i++;
    while (j < nb && b.values[j]! <= x) j++;
    const fa = i === 0 ? 0 : a.cumulative[i - 1]! / a.n;
    const fb = j === 0 ? 0 : b.cumulative[j - 1]! / b.n;
    const gap = Math.abs(fa - fb);
    if (gap > best) best = gap;
  }
  return best;
}

export interface KsResult {
  statistic: number;
  pValue: number;
  method: "exact" | "asymptotic";
}

export function ksTest(a: Distribution, b: Distribution): KsResult {
  const d = ksStatistic(a, b);
  return ksTwoSamplePValue(d, Math.round(a.n), Math.round(b.n));
}

/** Wasserstein-1 (earth mover's) distance: the area between the two CDFs, in the values' own unit. */
export function wasserstein(a: Distribution, b: Distribution): number {
  let i = 0;
  let j = 0;
  let total = 0;
  let previous = NaN;
  let gap = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && a.values[i]! <= b.values[j]!) ? a.values[i]! : b.values[j]!;
    if (!Number.isNaN(previous)) total += gap * (x - previous);
    while (i < na && a.values[i]! <= x) i++;
    while (j < nb && b.values[j]! <= x) j++;
    gap = Math.abs((i === 0 ? 0 : a.cumulative[i - 1]! / a.n) - (j === 0 ? 0 : b.cumulative[j - 1]! / b.n));
    previous = x;
  }
  return total;
}

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
  /** Yates' continuity correction, applied (as scipy does) when there is one degree of freedom. */
  yates: boolean;
  /** Share of cells whose expected count is below 5 (Cochran: the test is unreliable above 20%). */
  smallExpected: number;
}

/** Pearson's chi-square test of homogeneity on a 2 x k table of counts (scipy.stats.chi2_contingency). */
export function chiSquare(reference: number[], current: number[]): ChiSquareResult {
  const columns: [number, number][] = [];
  reference.forEach((r, i) => {
    const c = current[i] ?? 0;
    if (r + c > 0) columns.push([r, c]);
  });
  const totalReference = columns.reduce((s, c) => s + c[0], 0);
  const totalCurrent = columns.reduce((s, c) => s + c[1], 0);
  const total = totalReference + totalCurrent;
  const dof = columns.length - 1;
  if (dof <= 0 || totalReference === 0 || totalCurrent === 0)
    return { statistic: 0, pValue: 1, dof: Math.max(dof, 0), yates: false, smallExpected: 0 };
  const yates = dof === 1;
  let statistic = 0;
  let small = 0;
  for (const [r, c] of columns) {
    const share = (r + c) / total;
    for (const [observed, rowTotal] of [
      [r, totalReference],
      [c, totalCurrent],
    ] as const) {
      const expected = rowTotal * share;
      if (expected < 5) small++;
      let o = observed;
      if (yates) {
        const diff = expected - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += ((o - expected) * (o - expected)) / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, yates, smallExpected: small / (2 * columns.length) };
}

/** Jensen-Shannon distance (the square root of the divergence), natural log: 0 same, sqrt(ln 2) = 0.833 disjoint. */
export function jensenShannon(p: number[], q: number[]): number {
  const sp = p.reduce((s, v) => s + v, 0);
  const sq = q.reduce((s, v) => s + v, 0);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]! / sp;
    const b = (q[i] ?? 0) / sq;
    const m = (a + b) / 2;
    if (a > 0) divergence += a * Math.log(a / m);
    if (b > 0) divergence += b * Math.log(b / m);
  }
  return Math.sqrt(Math.max(0, divergence / 2));
}
