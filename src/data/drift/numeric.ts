import type { ColumnProfile } from "../profile.ts";
import { KLL_RANK_ERROR, KllView } from "../sketch/kll.ts";
import { populationStd } from "../sketch/moments.ts";
import { formatDatetime } from "../values.ts";
import { formatShort, pct } from "./format.ts";
import { countsMeasure, PSI_BANDS, psiBand, sampleWarnings } from "./measures.ts";
import { decileBins, type PsiSide, psiAtDeciles } from "./psi.ts";
import { ksTest, sortedDistribution, wasserstein } from "./stats.ts";
import type { ColumnDrift, DriftMethod, DriftSource, SkippedColumn } from "./types.ts";

/**
 * Drift of a numeric (or datetime) column. Each side is computed from the best the profile has: every value when
 * they were held while reading (held-values.ts) or the sketch kept them all (at most 1,024), exact counts of each
 * value (at most 2,048 distinct), else the KLL sketch, whose CDF is within ±ε of rank; results from a sketch say
 * so, and how far off they can be.
 */

export interface NumericSide extends PsiSide {
  source: DriftSource;
  min: number;
  max: number;
}

/** The column's distribution: `held` is every value, sorted, when they were held. */
export function numericSide(column: ColumnProfile, held: Float64Array | undefined): NumericSide {
  const view = new KllView(column.sketch!);
  const bounds = { min: view.min, max: view.max };
  if (held && held.length === view.n)
    return { distribution: sortedDistribution(held), rankError: 0, source: "values", ...bounds };
  const counts = column.numbers;
  if (counts && counts.reduce((sum, [, count]) => sum + count, 0) === view.n) {
    const sorted = [...counts].sort((a, b) => a[0] - b[0]);
    const values = Float64Array.from(sorted, (e) => e[0]);
    const cumulative = new Float64Array(sorted.length);
    let total = 0;
    sorted.forEach(([, count], i) => (cumulative[i] = total += count));
    return { distribution: { values, cumulative, n: view.n }, rankError: 0, source: "value counts", ...bounds };
  }
  const distribution = { values: view.values, cumulative: view.cumulative, n: view.n };
  return view.exact
    ? { distribution, rankError: 0, source: "values", ...bounds }
    : { distribution, rankError: KLL_RANK_ERROR, source: "sketch", deciles: column.deciles, ...bounds };
}

export interface NumericChoice {
  method: DriftMethod;
  threshold: number;
  chosenBy: "auto" | "config";
  /** Exact counts per value when the column has at most 5 distinct values in both profiles together. */
  few: Map<number, [number, number]> | null;
}

export function numericDrift(
  current: ColumnProfile,
  reference: ColumnProfile,
  choice: NumericChoice,
  held: { current: Float64Array | undefined; reference: Float64Array | undefined },
): ColumnDrift | SkippedColumn {
  const cur = numericSide(current, held.current);
  const ref = numericSide(reference, held.reference);
  if (cur.distribution.n === 0 || ref.distribution.n === 0)
    return { column: current.name, reason: "no values in the reference or the current data" };
  const { method, threshold, chosenBy, few } = choice;
  const show = (v: number): string => (current.kind === "datetime" ? formatDatetime(v) : formatShort(v));
  // Binned methods use the reference profile's stored deciles when it has them: numpy's, exact.
  const binnedRef: NumericSide = ref.deciles ? { ...ref, rankError: 0, source: "deciles" } : ref;
  const binned = method === "psi" || ((method === "chi2" || method === "jensen_shannon") && !few);
  const sides = binned ? { reference: binnedRef, current: cur } : { reference: ref, current: cur };
  const epsilon = sides.reference.rankError + sides.current.rankError;
  const sketched = [
    sides.reference.rankError > 0 ? "the reference" : null,
    sides.current.rankError > 0 ? "the current data" : null,
  ]
    .filter(Boolean)
    .join(" and ");
  const approximate = (what: string): string | null =>
    epsilon === 0
      ? null
      : `from the quantile sketch of ${sketched}: ${what} (a sketch's ranks are within ±${pct(KLL_RANK_ERROR)}, 99% confidence)`;
  const base = {
    column: current.name,
    kind: "numeric" as const,
    method,
    chosenBy,
    threshold,
    sources: { reference: sides.reference.source, current: cur.source },
    referenceCount: ref.distribution.n,
    currentCount: cur.distribution.n,
    warnings: sampleWarnings(ref.distribution.n, cur.distribution.n),
    bounds: null,
    edges: null,
  };
  const deciles = decileBins(binnedRef, cur);
  const decileChart = few ? valueBins(few, show) : chartBins(deciles, show);
  switch (method) {
    case "ks": {
      const result = ksTest(ref.distribution, cur.distribution);
      return {
        ...base,
        value: result.pValue,
        statistic: result.statistic,
        measure: `p-value of the two-sample Kolmogorov-Smirnov test (D = ${formatShort(result.statistic)}, ${result.method} as scipy's ks_2samp)`,
        unit: "p-value",
        driftWhen: "below",
        drifted: result.pValue < threshold,
        approximation: approximate(`D is within ±${formatShort(epsilon)}, and the p-value is computed from that D`),
        bins: decileChart,
      };
    }
    case "wasserstein": {
      const std = populationStd(reference.moments!) ?? 0;
      const distance = wasserstein(ref.distribution, cur.distribution);
      const off = epsilon * (Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min));
      const normed = std > 0;
      const value = normed ? distance / std : distance;
      const within = normed ? off / std : off;
      return {
        ...base,
        value,
        statistic: null,
        measure: normed
          ? "Wasserstein-1 distance in reference standard deviations (normed, as Evidently; std with n in the denominator)"
          : "Wasserstein-1 distance in the column's own unit (the reference's standard deviation is 0, so it is not normed)",
        unit: normed ? "reference standard deviations" : "the column's unit",
        driftWhen: "at or above",
        drifted: value >= threshold,
        approximation: approximate(`within ±${formatShort(within)}${normed ? " standard deviations" : ""}`),
        bounds: epsilon === 0 ? null : [Math.max(0, value - within), value + within],
        bins: decileChart,
      };
    }
    case "psi": {
      const outcome = psiAtDeciles(binnedRef, cur);
      const edgesNote =
        binnedRef.rankError > 0
          ? "; the bins are the reference sketch's deciles, each within its rank error of numpy's"
          : "";
      const bounds = outcome.bounds;
      return {
        ...base,
        value: outcome.value,
        statistic: null,
        measure: `population stability index (natural log; 10 bins at the reference's deciles as numpy.quantile computes them, left-closed, empty bins as 0.0001, no renormalising; ${PSI_BANDS}: ${psiBand(outcome.value)})`,
        unit: "index (natural log)",
        driftWhen: "at or above",
        drifted: outcome.value >= threshold,
        approximation:
          bounds &&
          approximate(
            `each bin's share is within ±${formatShort(2 * KLL_RANK_ERROR)} of the data's, so the PSI over these bins lies in [${formatShort(bounds[0])}, ${formatShort(bounds[1])}]${edgesNote}`,
          ),
        bounds,
        edges: outcome.edges,
        bins: decileChart,
      };
    }
    case "chi2":
    case "jensen_shannon": {
      const counts = few
        ? [...few.values()]
        : deciles.reference.map((r, i): [number, number] => [
            r * ref.distribution.n,
            deciles.current[i]! * cur.distribution.n,
          ]);
      const binning = few ? "counts of each value" : "10 bins at the reference's deciles";
      const measured = countsMeasure(
        method,
        counts.map((c) => c[0]),
        counts.map((c) => c[1]),
        threshold,
        binning,
      );
      return {
        ...base,
        ...measured,
        warnings: [...base.warnings, ...measured.warnings],
        approximation: few ? null : approximate(`each bin's share is within ±${formatShort(2 * epsilon)}`),
        edges: few ? null : deciles.edges,
        bins: decileChart,
      };
    }
  }
}

/** The decile bins for the chart, without the empty ones between equal edges. */
function chartBins(
  deciles: { edges: number[]; reference: number[]; current: number[] },
  show: (v: number) => string,
): ColumnDrift["bins"] {
  const { edges } = deciles;
  const bins: ColumnDrift["bins"] = [];
  for (let i = 0; i <= edges.length; i++) {
    if (i > 0 && i < edges.length && edges[i - 1] === edges[i]) continue;
    // Left-closed bins: each starts at its edge; the next row's edge ends it.
    const label = i === 0 ? `< ${show(edges[0]!)}` : `≥ ${show(edges[i - 1]!)}`;
    bins.push({ label, reference: deciles.reference[i]!, current: deciles.current[i]! });
  }
  return bins;
}

function valueBins(counts: Map<number, [number, number]>, show: (v: number) => string): ColumnDrift["bins"] {
  const totalRef = [...counts.values()].reduce((s, c) => s + c[0], 0);
  const totalCur = [...counts.values()].reduce((s, c) => s + c[1], 0);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([value, [r, c]]) => ({ label: show(value), reference: r / totalRef, current: c / totalCur }));
}
