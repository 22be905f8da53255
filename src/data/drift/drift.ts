import type { MlopsConfig } from "../../config/schema/index.ts";
import type { ColumnProfile, DatasetProfile } from "../profile.ts";
import { KLL_RANK_ERROR, KllView } from "../sketch/kll.ts";
import { populationStd } from "../sketch/moments.ts";
import { capText } from "../text-cap.ts";
import { formatDatetime } from "../values.ts";
import { chiSquare, type Distribution, jensenShannon, ksTest, psi, wasserstein } from "./stats.ts";

/**
 * Drift of the current data against a reference profile, column by column (DOMAIN.md §3), with Evidently's automatic
 * choice of method and a dataset-level rule on the share of drifted columns. Every number carries its method, unit,
 * threshold, the direction that means drift, and the verdict; results from sketches say how far off they can be.
 */

type DriftConfig = NonNullable<NonNullable<MlopsConfig["data"]>["drift"]>;
export type DriftMethod = "psi" | "ks" | "chi2" | "jensen_shannon" | "wasserstein";

export interface ColumnDrift {
  column: string;
  kind: "numeric" | "categorical";
  method: DriftMethod;
  chosenBy: "auto" | "config";
  /** What is compared with the threshold: the p-value for tests, else the distance or index. */
  value: number;
  /** The test statistic, for tests (KS D, chi-square). */
  statistic: number | null;
  /** The method and unit in words, e.g. "Jensen-Shannon distance (natural log; 0 same, 0.833 disjoint)". */
  measure: string;
  threshold: number;
  /** "below" for p-values (drift when p < threshold), "at or above" for distances. */
  driftWhen: "below" | "at or above";
  drifted: boolean;
  /** How far off a result from sketches can be, in words; null when computed from exact values. */
  approximation: string | null;
  warnings: string[];
  referenceCount: number;
  currentCount: number;
  /** Shares per bin (numeric: reference deciles) or per category, for the report's chart. */
  bins: { label: string; reference: number; current: number }[];
}

export interface SkippedColumn {
  column: string;
  reason: string;
}

export interface DriftResult {
  /** What the data was compared with, in words. */
  reference: string;
  columns: ColumnDrift[];
  skipped: SkippedColumn[];
  drifted: number;
  share: number;
  maxDriftedShare: number;
  datasetDrift: boolean;
  severity: "error" | "warn";
}

const DEFAULT_THRESHOLD: Record<DriftMethod, number> = {
  ks: 0.05,
  chi2: 0.05,
  wasserstein: 0.1,
  jensen_shannon: 0.1,
  psi: 0.25,
};

/** Below this many values a drift number means little; the report warns. */
export const MIN_DRIFT_SAMPLE = 30;

export function measureDrift(
  current: DatasetProfile,
  reference: DatasetProfile,
  config: DriftConfig,
  referenceName: string,
): DriftResult {
  const columns: ColumnDrift[] = [];
  const skipped: SkippedColumn[] = [];
  const referenceColumns = new Map(reference.columns.map((c) => [c.name, c]));
  for (const column of current.columns) {
    const override = config.columns[column.name];
    if (override?.skip) {
      skipped.push({ column: column.name, reason: "skip: true in data.drift.columns" });
      continue;
    }
    const base = referenceColumns.get(column.name);
    if (!base) {
      skipped.push({ column: column.name, reason: "not in the reference" });
      continue;
    }
    const outcome = columnDrift(column, base, reference.rows, config);
    if ("reason" in outcome) skipped.push(outcome);
    else columns.push(outcome);
  }
  for (const name of referenceColumns.keys()) {
    if (!current.columns.some((c) => c.name === name))
      skipped.push({ column: name, reason: "not in the current data" });
  }
  const drifted = columns.filter((c) => c.drifted).length;
  const share = columns.length > 0 ? drifted / columns.length : 0;
  return {
    reference: referenceName,
    columns,
    skipped,
    drifted,
    share,
    maxDriftedShare: config.max_drifted_share,
    datasetDrift: columns.length > 0 && share >= config.max_drifted_share,
    severity: config.severity,
  };
}

function isNumeric(column: ColumnProfile): boolean {
  return (column.kind === "numeric" || column.kind === "datetime") && column.sketch !== null;
}

function columnDrift(
  current: ColumnProfile,
  reference: ColumnProfile,
  referenceRows: number,
  config: DriftConfig,
): ColumnDrift | SkippedColumn {
  const name = current.name;
  const numeric = isNumeric(current);
  if (numeric !== isNumeric(reference)) {
    return { column: name, reason: `its type differs (${reference.type} in the reference, ${current.type} now)` };
  }
  const override = config.columns[name];
  const configured = override?.method ?? config.method;
  const few = numeric ? fewValues(current, reference) : null;
  let method: DriftMethod;
  if (configured !== "auto") method = configured;
  else if (referenceRows <= 1000) method = numeric && !few ? "ks" : "chi2";
  else method = numeric && !few ? "wasserstein" : "jensen_shannon";
  // data.drift.threshold belongs to data.drift.method: with `auto` the method differs per column, so it does not apply.
  const global = override?.method === undefined && config.method !== "auto" ? config.threshold : undefined;
  const threshold = override?.threshold ?? global ?? DEFAULT_THRESHOLD[method];
  const chosenBy = configured === "auto" ? "auto" : "config";
  if (numeric) return numericDrift(current, reference, method, threshold, chosenBy, few);
  return categoricalDrift(current, reference, method, threshold, chosenBy);
}

/** Exact value counts of a numeric column with at most 5 distinct values in both profiles together, else null. */
function fewValues(a: ColumnProfile, b: ColumnProfile): Map<number, [number, number]> | null {
  if (!a.numbers || !b.numbers) return null;
  const counts = new Map<number, [number, number]>();
  for (const [value, count] of b.numbers) counts.set(value, [count, 0]);
  for (const [value, count] of a.numbers) counts.set(value, [counts.get(value)?.[0] ?? 0, count]);
  return counts.size <= 5 ? counts : null;
}

function distributionOf(view: KllView): Distribution {
  return { values: view.values, cumulative: view.cumulative, n: view.n };
}

function sampleWarnings(referenceCount: number, currentCount: number): string[] {
  const warnings: string[] = [];
  if (referenceCount < MIN_DRIFT_SAMPLE)
    warnings.push(
      `the reference has only ${referenceCount} values (fewer than ${MIN_DRIFT_SAMPLE}): too few to mean much`,
    );
  if (currentCount < MIN_DRIFT_SAMPLE)
    warnings.push(
      `the current data has only ${currentCount} values (fewer than ${MIN_DRIFT_SAMPLE}): too few to mean much`,
    );
  return warnings;
}

function numericDrift(
  current: ColumnProfile,
  reference: ColumnProfile,
  method: DriftMethod,
  threshold: number,
  chosenBy: "auto" | "config",
  few: Map<number, [number, number]> | null,
): ColumnDrift | SkippedColumn {
  const cur = new KllView(current.sketch!);
  const ref = new KllView(reference.sketch!);
  if (cur.n === 0 || ref.n === 0)
    return { column: current.name, reason: "no values in the reference or the current data" };
  const epsilon = (ref.exact ? 0 : KLL_RANK_ERROR) + (cur.exact ? 0 : KLL_RANK_ERROR);
  const show = (v: number): string => (current.kind === "datetime" ? formatDatetime(v) : formatShort(v));
  const deciles = decileBins(ref, cur, show);
  const base = {
    column: current.name,
    kind: "numeric" as const,
    method,
    chosenBy,
    threshold,
    referenceCount: ref.n,
    currentCount: cur.n,
    warnings: sampleWarnings(ref.n, cur.n),
    bins: few ? valueBins(few, show) : deciles.bins,
  };
  const approximate = (what: string): string | null =>
    epsilon === 0 ? null : `from quantile sketches: ${what} (each sketch's ranks are within ±${pct(KLL_RANK_ERROR)})`;
  switch (method) {
    case "ks": {
      const result = ksTest(distributionOf(ref), distributionOf(cur));
      return {
        ...base,
        value: result.pValue,
        statistic: result.statistic,
        measure: `p-value of the two-sample Kolmogorov-Smirnov test (D = ${formatShort(result.statistic)}, ${result.method} as scipy's ks_2samp)`,
        driftWhen: "below",
        drifted: result.pValue < threshold,
        approximation: approximate(`D is within ±${formatShort(epsilon)}, and the p-value is computed from that D`),
      };
    }
    case "wasserstein": {
      const std = populationStd(reference.moments!) ?? 0;
      const distance = wasserstein(distributionOf(ref), distributionOf(cur));
      const range = Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min);
      if (std === 0) {
        return {
          ...base,
          value: distance,
          statistic: null,
          measure:
            "Wasserstein-1 distance in the column's own unit (the reference's standard deviation is 0, so it is not normed)",
          driftWhen: "at or above",
          drifted: distance >= threshold,
          approximation: approximate(`within ±${formatShort(epsilon * range)}`),
        };
      }
      return {
        ...base,
        value: distance / std,
        statistic: null,
        measure:
          "Wasserstein-1 distance in reference standard deviations (normed, as Evidently; std with n in the denominator)",
        driftWhen: "at or above",
        drifted: distance / std >= threshold,
        approximation: approximate(`within ±${formatShort((epsilon * range) / std)} standard deviations`),
      };
    }
    case "psi":
    case "chi2":
    case "jensen_shannon": {
      const counts = few ? [...few.values()] : deciles.counts;
      const referenceCounts = counts.map((c) => c[0]);
      const currentCounts = counts.map((c) => c[1]);
      const binning = few ? "counts of each value" : "10 bins at the reference's deciles";
      return {
        ...base,
        ...binnedMeasure(method, referenceCounts, currentCounts, threshold, binning),
        approximation: few ? null : approximate(`each bin's share is within ±${formatShort(2 * epsilon)}`),
      };
    }
  }
}

function binnedMeasure(
  method: "psi" | "chi2" | "jensen_shannon",
  reference: number[],
  current: number[],
  threshold: number,
  binning: string,
): Pick<ColumnDrift, "value" | "statistic" | "measure" | "driftWhen" | "drifted" | "warnings"> & {
  warnings: string[];
} {
  if (method === "chi2") {
    const result = chiSquare(reference, current);
    const warnings =
      result.smallExpected > 0.2
        ? [
            `${pct(result.smallExpected)} of the expected counts are below 5: the chi-square test is unreliable (Cochran)`,
          ]
        : [];
    return {
      value: result.pValue,
      statistic: result.statistic,
      measure: `p-value of Pearson's chi-square test of homogeneity (χ² = ${formatShort(result.statistic)}, ${result.dof} degrees of freedom, ${result.yates ? "with Yates' correction, as scipy applies to 2x2" : "no continuity correction"}; ${binning})`,
      driftWhen: "below",
      drifted: result.pValue < threshold,
      warnings,
    };
  }
  if (method === "psi") {
    const value = psi(reference, current);
    const band = value < 0.1 ? "stable" : value <= 0.25 ? "moderate shift" : "major shift";
    return {
      value,
      statistic: null,
      measure: `population stability index (natural log; empty bins as 0.0001; < 0.1 stable, 0.1-0.25 moderate, > 0.25 major: ${band}; ${binning})`,
      driftWhen: "at or above",
      drifted: value >= threshold,
      warnings: [],
    };
  }
  const value = jensenShannon(reference, current);
  return {
    value,
    statistic: null,
    measure: `Jensen-Shannon distance (square root of the divergence, natural log; 0 same, 0.833 disjoint; ${binning})`,
    driftWhen: "at or above",
    drifted: value >= threshold,
    warnings: [],
  };
}

function categoricalDrift(
  current: ColumnProfile,
  reference: ColumnProfile,
  method: DriftMethod,
  threshold: number,
  chosenBy: "auto" | "config",
): ColumnDrift | SkippedColumn {
  const name = current.name;
  if (method === "ks" || method === "wasserstein") {
    return { column: name, reason: `${method} compares numbers; "${name}" is ${current.type}` };
  }
  const cur = current.frequent;
  const ref = reference.frequent;
  if (!cur || !ref) return { column: name, reason: "no value counts in one of the profiles" };
  if (cur.error > 0 || ref.error > 0) {
    return {
      column: name,
      reason: "more than 2048 distinct values: free text or an id, not a category (set `skip: true` to say so)",
    };
  }
  const keys = new Map<number, { label: string; reference: number; current: number }>();
  // Labels capped again: a stored profile written before values were capped may hold them whole.
  const label = (key: number, text: string | null): string => capText(text ?? String(key));
  for (const [key, count, text] of ref.entries)
    keys.set(key, { label: label(key, text), reference: count, current: 0 });
  for (const [key, count, text] of cur.entries) {
    const entry = keys.get(key);
    if (entry) entry.current = count;
    else keys.set(key, { label: label(key, text), reference: 0, current: count });
  }
  const entries = [...keys.values()].sort((a, b) => b.reference - a.reference || b.current - a.current);
  const referenceCount = entries.reduce((s, e) => s + e.reference, 0);
  const currentCount = entries.reduce((s, e) => s + e.current, 0);
  if (referenceCount === 0 || currentCount === 0)
    return { column: name, reason: "no values in the reference or the current data" };
  const measure = binnedMeasure(
    method,
    entries.map((e) => e.reference),
    entries.map((e) => e.current),
    threshold,
    "counts of each category",
  );
  return {
    column: name,
    kind: "categorical",
    method,
    chosenBy,
    threshold,
    referenceCount,
    currentCount,
    ...measure,
    warnings: [...sampleWarnings(referenceCount, currentCount), ...measure.warnings],
    approximation: null,
    bins: entries.slice(0, 12).map((e) => ({
      label: e.label,
      reference: e.reference / referenceCount,
      current: e.current / currentCount,
    })),
  };
}

function decileBins(
  ref: KllView,
  cur: KllView,
  show: (v: number) => string,
): { counts: [number, number][]; bins: ColumnDrift["bins"] } {
  const edges: number[] = [];
  for (let i = 1; i < 10; i++) {
    const edge = ref.quantile(i / 10);
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  const counts: [number, number][] = [];
  const bins: ColumnDrift["bins"] = [];
  let previousRef = 0;
  let previousCur = 0;
  for (let i = 0; i <= edges.length; i++) {
    const r = i === edges.length ? 1 : ref.cdf(edges[i]!);
    const c = i === edges.length ? 1 : cur.cdf(edges[i]!);
    counts.push([(r - previousRef) * ref.n, (c - previousCur) * cur.n]);
    const label =
      i === 0
        ? `≤ ${show(edges[0] ?? ref.max)}`
        : i === edges.length
          ? `> ${show(edges[i - 1]!)}`
          : `≤ ${show(edges[i]!)}`;
    bins.push({ label, reference: r - previousRef, current: c - previousCur });
    previousRef = r;
    previousCur = c;
  }
  return { counts, bins };
}

function valueBins(counts: Map<number, [number, number]>, show: (v: number) => string): ColumnDrift["bins"] {
  const totalRef = [...counts.values()].reduce((s, c) => s + c[0], 0);
  const totalCur = [...counts.values()].reduce((s, c) => s + c[1], 0);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([value, [r, c]]) => ({ label: show(value), reference: r / totalRef, current: c / totalCur }));
}

export function formatShort(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

function pct(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}
