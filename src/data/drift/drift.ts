import type { MlopsConfig } from "../../config/schema/index.ts";
import type { ColumnProfile, DatasetProfile } from "../profile.ts";
import { capText } from "../text-cap.ts";
import { countsMeasure, sampleWarnings } from "./measures.ts";
import { numericDrift } from "./numeric.ts";
import type { ColumnDrift, DriftMethod, DriftResult, SkippedColumn } from "./types.ts";

/**
 * Drift of one dataset against another, column by column (DOMAIN.md §3), with Evidently's automatic choice of method
 * and a dataset-level rule on the share of drifted columns. Every number carries its method, unit, threshold, the
 * direction that means drift, and the verdict; results from sketches say how far off they can be.
 *
 * The validate stage makes up to three comparisons with the same settings (data.drift): the training data against
 * the reference, the evaluation data against the reference, and the evaluation data against the training data (skew).
 * Each is judged on its own: it drifted when its share of drifted columns reaches max_drifted_share, and then it is
 * a finding of data.drift.severity.
 */

export type { ColumnDrift, DriftMethod, DriftResult, DriftSource, SkippedColumn } from "./types.ts";
export { formatShort } from "./format.ts";
export { MIN_DRIFT_SAMPLE } from "./measures.ts";

type DriftConfig = NonNullable<NonNullable<MlopsConfig["data"]>["drift"]>;

const DEFAULT_THRESHOLD: Record<DriftMethod, number> = {
  ks: 0.05,
  chi2: 0.05,
  wasserstein: 0.1,
  jensen_shannon: 0.1,
  psi: 0.25,
};

/** Every value of numeric columns, sorted, by column name: what a dataset held while it was read. */
export type HeldColumns = ReadonlyMap<string, Float64Array>;

export interface Comparison {
  comparison: DriftResult["comparison"];
  /** The reference, in words. */
  referenceName: string;
  held?: { current?: HeldColumns; reference?: HeldColumns };
}

export function measureDrift(
  current: DatasetProfile,
  reference: DatasetProfile,
  config: DriftConfig,
  { comparison, referenceName, held }: Comparison,
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
    const values = {
      current: held?.current?.get(column.name),
      reference: held?.reference?.get(column.name),
    };
    const outcome = columnDrift(column, base, reference.rows, config, values);
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
    comparison,
    dataset: current.dataset,
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
  held: { current: Float64Array | undefined; reference: Float64Array | undefined },
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
  if (numeric) return numericDrift(current, reference, { method, threshold, chosenBy, few }, held);
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
  const measured = countsMeasure(
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
    ...measured,
    warnings: [...sampleWarnings(referenceCount, currentCount), ...measured.warnings],
    sources: { reference: "value counts", current: "value counts" },
    approximation: null,
    bounds: null,
    edges: null,
    bins: entries.slice(0, 12).map((e) => ({
      label: e.label,
      reference: e.reference / referenceCount,
      current: e.current / currentCount,
    })),
  };
}
