import type { Deciles } from "../profile.ts";
import type { Distribution } from "./stats.ts";

/**
 * The population stability index as DOMAIN.md §3 fixes it, the recipe users reproduce in numpy: inner edges
 * e_k = numpy.quantile(reference, k/10), k = 1..9 (linear interpolation, numpy's arithmetic); bins
 * [-inf, e_1), [e_1, e_2) ... [e_9, +inf) (left-closed, like numpy.histogram); shares r_i and c_i; an empty bin's
 * share becomes 1e-4 and nothing is renormalised; PSI = sum (c_i - r_i) ln(c_i / r_i). Duplicate edges give bins
 * that are empty on both sides and add 0.
 *
 * On exact values (every value, or exact counts of each) this is that recipe to the last bit of the edges (test:
 * test/data/psi.test.ts against numpy 1.24). When a side is a quantile sketch, its CDF is known only to within its
 * rank error ε, so each share is off by at most 2ε (ε for the two outer bins, which have one inner edge), and the
 * PSI is an approximation: {@link psiBounds} gives the interval the value over the same bins lies in.
 */

export const PSI_FLOOR = 1e-4;
const BINS = 10;

/**
 * One side of the comparison: its distribution and how far its CDF can be off (0 when it is exact). A reference
 * profile may also carry its exact deciles and bin shares (stored when every value was held): they are used instead.
 */
export interface PsiSide {
  distribution: Distribution;
  rankError: number;
  deciles?: Deciles | undefined;
}

/** numpy's deciles of sorted values, and the values' share of each bin: what a profile stores (profile.ts). */
export function exactDeciles(distribution: Distribution): Deciles {
  const edges = Array.from({ length: BINS - 1 }, (_, k) => numpyQuantile(distribution, (k + 1) / BINS));
  return { edges, shares: binShares(distribution, edges) };
}

export interface PsiOutcome {
  value: number;
  /** The nine inner edges (numpy's deciles of the reference, or the reference sketch's). */
  edges: number[];
  /** Shares per bin, before the floor. */
  reference: number[];
  current: number[];
  /** Where the PSI over these bins lies given the sketches' rank errors; null when both sides are exact. */
  bounds: [number, number] | null;
}

/**
 * The j-th smallest value (0-based), counting each value as often as its weight: the first value whose cumulative
 * weight exceeds j. Sketch weights are rescaled to add up to n, so the comparison allows for their rounding.
 */
function orderStatistic(d: Distribution, j: number): number {
  const target = j + 1 - 1e-9;
  let lo = 0;
  let hi = d.values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return d.values[lo]!;
}

/** numpy.quantile(values, q) with the default linear method, in numpy's own arithmetic (`_lerp`). */
export function numpyQuantile(d: Distribution, q: number): number {
  const n = Math.round(d.n);
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return orderStatistic(d, n - 1);
  if (virtual <= 0) return orderStatistic(d, 0);
  const previous = Math.floor(virtual);
  const gamma = virtual - previous;
  const a = orderStatistic(d, previous);
  const b = orderStatistic(d, previous + 1);
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** The total weight of values below x. */
function weightBelow(d: Distribution, x: number): number {
  let lo = 0;
  let hi = d.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : d.cumulative[lo - 1]!;
}

/** Shares of the bins [-inf, e_1), [e_1, e_2) ... [e_9, +inf). */
function binShares(d: Distribution, edges: number[]): number[] {
  const below = [0, ...edges.map((e) => Math.min(d.n, weightBelow(d, e))), d.n];
  return below.slice(1).map((b, i) => (b - below[i]!) / d.n);
}

/** A share as the recipe uses it: an empty bin's becomes 1e-4. */
const floored = (share: number): number => (share === 0 ? PSI_FLOOR : share);

/** One bin's term, (c - r) ln(c / r), of shares already floored. */
const term = (c: number, r: number): number => (c - r) * Math.log(c / r);

/** PSI of shares (or counts, turned into shares), empty ones floored. */
export function psiOfShares(reference: number[], current: number[]): number {
  let total = 0;
  for (let i = 0; i < reference.length; i++) total += term(floored(current[i] ?? 0), floored(reference[i]!));
  return total;
}

/** PSI over counts per bin or per category (the shares are the counts over their totals). */
export function psiOfCounts(reference: number[], current: number[]): number {
  const sr = reference.reduce((s, v) => s + v, 0);
  const sc = current.reduce((s, v) => s + v, 0);
  return psiOfShares(
    reference.map((v) => v / sr),
    reference.map((_, i) => (current[i] ?? 0) / sc),
  );
}

/** The reference's deciles (numpy's) and each side's share of the ten bins they make. */
export function decileBins(
  reference: PsiSide,
  current: PsiSide,
): { edges: number[]; reference: number[]; current: number[] } {
  const { edges, shares } = reference.deciles ?? exactDeciles(reference.distribution);
  return { edges, reference: shares, current: binShares(current.distribution, edges) };
}

/** PSI of a numeric column at the reference's deciles. */
export function psiAtDeciles(reference: PsiSide, current: PsiSide): PsiOutcome {
  const bins = decileBins(reference, current);
  // Stored deciles are exact: the reference's shares are known.
  const base = reference.deciles ? { ...reference, rankError: 0 } : reference;
  const exact = base.rankError === 0 && current.rankError === 0;
  return {
    value: psiOfShares(bins.reference, bins.current),
    ...bins,
    bounds: exact
      ? null
      : psiBounds(bins.edges, { shares: bins.reference, side: base }, { shares: bins.current, side: current }),
  };
}

/**
 * The interval the PSI over these bins lies in when shares come from sketches. A share is the difference of the CDF
 * at the bin's two edges; each CDF value is off by at most the side's rank error ε, so an inner bin's share by 2ε and
 * an outer bin's by ε (a bin between two equal edges is empty on every side: 0). The true share, floored as the recipe
 * floors it, lies in [lo, hi]: an empty bin counts 1e-4, a non-empty one at least one value in n.
 *
 * The term g(c, r) = (c - r) ln(c / r) is convex, 0 where c = r, growing in c and falling in r where c > r (and the
 * other way round where c < r). Over the box of possible (c, r) its largest value is at one of the corners
 * (c_hi, r_lo) and (c_lo, r_hi); its smallest is 0 when the box meets c = r, else the corner nearest to it. The sums
 * of those bound the PSI. (A looser form, as a function of ε alone: each term moves by at most
 * (δc + δr)(ln T + T - 1), where δ is the share's error and T the largest ratio of c to r, or r to c, in the box.)
 */
export function psiBounds(
  edges: number[],
  reference: { shares: number[]; side: PsiSide },
  current: { shares: number[]; side: PsiSide },
): [number, number] {
  const range = ({ shares, side }: { shares: number[]; side: PsiSide }, i: number): [number, number] => {
    const share = shares[i]!;
    const delta = side.rankError * ((i > 0 ? 1 : 0) + (i < BINS - 1 ? 1 : 0));
    if (delta === 0) return [floored(share), floored(share)];
    const lo = share - delta;
    const hi = Math.min(1, share + delta);
    if (lo > 0) return [lo, hi];
    const smallest = 1 / side.distribution.n;
    return [Math.min(PSI_FLOOR, Math.max(lo, smallest)), Math.max(hi, PSI_FLOOR)];
  };
  let low = 0;
  let high = 0;
  for (let i = 0; i < BINS; i++) {
    // Between two equal edges no value lies, on either side: the term is 0 exactly.
    if (i > 0 && i < BINS - 1 && edges[i - 1] === edges[i]) continue;
    const [rl, rh] = range(reference, i);
    const [cl, ch] = range(current, i);
    high += Math.max(term(ch, rl), term(cl, rh));
    if (cl > rh) low += term(cl, rh);
    else if (ch < rl) low += term(ch, rl);
  }
  return [low, high];
}
