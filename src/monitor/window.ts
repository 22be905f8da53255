import type { MlopsConfig, MonitorConfig } from "../config/schema/index.ts";
import { InputError } from "../errors.ts";
import type { ProfiledDataset } from "../data/comparisons.ts";
import { type DriftResult, measureDrift } from "../data/drift/drift.ts";
import { findingsOf, type Finding } from "../data/findings.ts";
import type { DatasetSchema } from "../data/plan.ts";
import type { DatasetProfile } from "../data/profile.ts";
import { type CbpeResult, estimatePerformance } from "./cbpe.ts";
import { type JoinedLabels } from "./labels.ts";
import { type RealisedMetrics, realisedMetrics } from "./realised.ts";
import type { StampedFile } from "./plan.ts";
import type { SpoolColumns } from "./spool.ts";
import type { WindowRows } from "./window-rows.ts";
import { quantile } from "../gate/significance/bootstrap.ts";
import { sortDoubles } from "../data/radix-sort.ts";
import { LATENCY_PERCENTILES } from "../config/window-metrics.ts";
import { isoUtc, type TimeWindow } from "./windows.ts";

/**
 * One window's figures (DOMAIN.md §7), from its rows as the spool holds them: volume, data quality (the data.schema
 * rules), feature drift against the monitored version's training-data profile and prediction drift against its
 * evaluation predictions (the validate stage's drift code, with data.drift's methods and thresholds), latency
 * percentiles, realised metrics on the rows whose labels joined (the gate's metric code), and the CBPE estimate.
 * Pure: profiles and rows in, a JSON-able result out.
 */

export const WINDOW_RESULT_FORMAT = "mlops-kit/monitor-window@1";

export interface EstimatedMetrics {
  estimates: CbpeResult["estimates"];
  unavailable: Record<string, string>;
  assumption: string;
  slices: { column: string; value: string; rows: number; estimates: CbpeResult["estimates"] }[];
}

export interface WindowResult {
  format: typeof WINDOW_RESULT_FORMAT;
  window: { key: string; start: string; end: string };
  rows: number;
  /** The log files with rows in the window, with their change stamps: a change computes the window again. */
  sources: StampedFile[];
  quality: { errors: number; warnings: number; findings: WindowFinding[] };
  /** Feature drift against the training data; null with `driftNote` saying why it was not measured. */
  drift: DriftResult | null;
  driftNote: string | null;
  predictionDrift: DriftResult | null;
  predictionDriftNote: string | null;
  latency: { count: number; invalid: number; percentiles: Record<string, number> } | null;
  duplicateIds: number | null;
  labels: {
    complete: boolean;
    completeAt: string;
    /** Rows whose label joined. */
    joined: number;
    /**
     * Joined rows the realised metrics leave out (a regression label or prediction that is not a number): the
     * labelled share counts only the rest.
     */
    unusable: number;
    /** Label rows whose id a label read before had (the first one stands). */
    duplicates: number;
    /** Label rows with an empty id or label, in the label files read for the window (not joined). */
    empty: number;
    /** The label files read for the window, with their change stamps: a change computes the window again. */
    files: { shown: string; stamp: string }[];
  } | null;
  /** On the rows whose labels joined; `complete: false` above means more may join. */
  realised: RealisedMetrics | null;
  realisedNote: string | null;
  estimated: EstimatedMetrics | null;
  estimatedNote: string | null;
  /** The flat figures rules and charts read: the measures, realised metrics, and `estimated_<metric>`. */
  metrics: Record<string, number>;
  slices: { column: string; value: string; rows: number; metrics: Record<string, number> }[];
  warnings: string[];
}

/**
 * A broken data.schema rule on the window's rows, with its first rows as the window holds them: `row` counts the
 * window's rows in the logs' order from 1, and `id` is the row's request id when the log has one (the spool keeps no
 * log file and line per row, so the id is what finds the row in the logs).
 */
export interface WindowFinding extends Finding {
  examples: { row: number; id: string | null }[];
}

export interface WindowInput {
  window: TimeWindow;
  sources: StampedFile[];
  /** The window's profile (from its spool file) with the values held while reading. */
  profiled: ProfiledDataset;
  rows: WindowRows;
  columns: SpoolColumns;
  config: MonitorConfig;
  task: "classification" | "regression";
  positiveLabel: string | number | boolean | undefined;
  /** The classes the model knows (the training data's labels), which name the negative class of a binary score. */
  classes: readonly string[];
  schema: DatasetSchema | undefined;
  drift: NonNullable<NonNullable<MlopsConfig["data"]>["drift"]>;
  training: { profile: DatasetProfile; name: string } | { none: string };
  predictions: (ProfiledDataset & { name: string; rename: Map<string, string> }) | { none: string };
  labels: {
    joined: JoinedLabels;
    complete: boolean;
    completeAt: number;
    files: { shown: string; stamp: string }[];
  } | null;
  /** Metrics to estimate (CBPE) and realise, by the gate's names. */
  metrics: readonly string[];
}

export function measureWindow(input: WindowInput): WindowResult {
  const { window, profiled, rows, columns } = input;
  const warnings: string[] = [];
  const findings = windowFindings(profiled, input.schema, rows);
  const errors = findings.filter((f) => f.severity === "error").length;

  const features = new Set(columns.features);
  const drift =
    "none" in input.training
      ? null
      : measureDrift(
          restrict(profiled.profile, (name) => features.has(name)),
          restrict(input.training.profile, (name) => features.has(name)),
          input.drift,
          { comparison: "drift", referenceName: input.training.name, held: { current: profiled.held } },
        );
  const reference = input.predictions;
  const predictionDrift =
    "none" in reference
      ? null
      : measureDrift(
          restrict(profiled.profile, (name) => reference.rename.has(name)),
          renamed(reference),
          { ...input.drift, columns: {} },
          {
            comparison: "drift",
            referenceName: reference.name,
            held: { current: profiled.held, reference: renamedHeld(reference) },
          },
        );

  const latency = rows.latency ? latencyOf(rows.latency) : null;
  const labels = input.labels;
  // A window whose rows the metric code refuses (probabilities that do not sum to 1, a prediction that is not one of
  // the scored classes) says why, and the run goes on with the other windows.
  let realised: RealisedMetrics | null = null;
  let realisedRefused: string | null = null;
  try {
    realised =
      labels && labels.joined.joined > 0
        ? realisedMetrics(input.task, rows, labels.joined.labels, input.positiveLabel)
        : null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    realisedRefused = `realised metrics could not be computed: ${error.message}`;
    warnings.push(realisedRefused);
  }
  if (realised) warnings.push(...realised.warnings);
  let estimated: EstimatedMetrics | { note: string } | null = null;
  try {
    estimated = input.task === "classification" ? estimate(input, rows) : null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    estimated = { note: `CBPE could not estimate this window: ${error.message}` };
    warnings.push(estimated.note);
  }

  const metrics: Record<string, number> = {
    rows: profiled.profile.rows,
    quality_errors: errors,
    quality_warnings: findings.length - errors,
  };
  if (drift && drift.columns.length > 0) {
    metrics.drift_share = drift.share;
    metrics.drifted_features = drift.drifted;
  }
  if (predictionDrift && predictionDrift.columns.length > 0) metrics.prediction_drift = predictionDrift.share;
  if (rows.rowIds) metrics.duplicate_ids = rows.duplicateIds;
  for (const [name, value] of Object.entries(latency?.percentiles ?? {}))
    if (Number.isFinite(value)) metrics[name] = value;
  // Joined rows the metrics could not use are not labelled for any purpose a figure serves.
  const unusable = realised && labels ? labels.joined.joined - realised.rows : 0;
  if (labels) metrics.labelled_share = rows.count === 0 ? 0 : (labels.joined.joined - unusable) / rows.count;
  for (const [name, value] of Object.entries(realised?.metrics ?? {})) metrics[name] = value;
  const estimates = estimated && "estimates" in estimated ? estimated : null;
  for (const e of estimates?.estimates ?? []) metrics[`estimated_${e.metric}`] = e.estimate;

  return {
    format: WINDOW_RESULT_FORMAT,
    window: { key: window.key, start: isoUtc(window.start), end: isoUtc(window.end) },
    rows: profiled.profile.rows,
    sources: input.sources,
    quality: { errors, warnings: findings.length - errors, findings },
    drift,
    driftNote: "none" in input.training ? input.training.none : null,
    predictionDrift,
    predictionDriftNote: "none" in input.predictions ? input.predictions.none : null,
    latency,
    duplicateIds: rows.rowIds ? rows.duplicateIds : null,
    labels: labels
      ? {
          complete: labels.complete,
          completeAt: isoUtc(labels.completeAt),
          joined: labels.joined.joined,
          unusable,
          duplicates: labels.joined.duplicates,
          empty: labels.joined.empty,
          files: labels.files,
        }
      : null,
    realised,
    realisedNote:
      realisedRefused ??
      (labels
        ? labels.joined.joined === 0
          ? labels.complete
            ? `no label joined, though the window's labels were all due by ${isoUtc(labels.completeAt)}`
            : "no label has joined yet"
          : null
        : "no labels are configured (monitor.labels)"),
    estimated: estimates,
    estimatedNote: estimated && "note" in estimated ? estimated.note : null,
    metrics,
    slices: sliceMetrics(rows, realised, estimates),
    warnings,
  };
}

/**
 * The schema's findings on the window's profile. The profile numbers the rows of the window's spool files as a
 * spreadsheet would (from its `firstRow`, counting on across files), which are the window's rows in the logs' order:
 * that number is turned back into the window's row and its request id. The spool file itself is gone after the run.
 */
function windowFindings(
  profiled: ProfiledDataset,
  schema: DatasetSchema | undefined,
  rows: WindowRows,
): WindowFinding[] {
  const first = profiled.profile.firstRow;
  return findingsOf(profiled.profile, schema).map((finding) => ({
    ...finding,
    rows: [],
    examples: finding.rows.map((row) => {
      const index = row - first;
      return { row: index + 1, id: rows.ids?.[index] ?? null };
    }),
  }));
}

function restrict(profile: DatasetProfile, keep: (name: string) => boolean): DatasetProfile {
  return { ...profile, columns: profile.columns.filter((column) => keep(column.name)) };
}

/** The reference predictions' profile with its columns named as the log names them. */
function renamed(reference: { profile: DatasetProfile; rename: Map<string, string> }): DatasetProfile {
  const byReference = new Map([...reference.rename].map(([log, ref]) => [ref, log]));
  return {
    ...reference.profile,
    columns: reference.profile.columns.flatMap((column) => {
      const name = byReference.get(column.name);
      return name === undefined ? [] : [{ ...column, name }];
    }),
  };
}

function renamedHeld(reference: ProfiledDataset & { rename: Map<string, string> }): Map<string, Float64Array> {
  const held = new Map<string, Float64Array>();
  for (const [log, ref] of reference.rename) {
    const values = reference.held.get(ref);
    if (values) held.set(log, values);
  }
  return held;
}

function latencyOf(values: { values: Float64Array; invalid: number }): WindowResult["latency"] {
  // The radix sort gives the built-in sort's order (latencies are finite, >= 0) in a fraction of its time.
  const sorted = sortDoubles(values.values.slice());
  const percentiles: Record<string, number> = {};
  for (const p of LATENCY_PERCENTILES) percentiles[`latency_p${p}`] = quantile(sorted, p / 100);
  return { count: sorted.length, invalid: values.invalid, percentiles };
}

function estimate(input: WindowInput, rows: WindowRows): EstimatedMetrics | { note: string } {
  const scores = rows.cbpeScores(input.positiveLabel, input.classes);
  if ("none" in scores) return { note: scores.none };
  if (input.metrics.length === 0) return { note: "no metric to estimate (monitor.metrics, or the rules' metrics)" };
  const level = input.config.level;
  const overall = estimatePerformance({
    predictions: rows.predictions,
    scores: scores.scores,
    metrics: input.metrics,
    level,
  });
  const slices: EstimatedMetrics["slices"] = [];
  for (const [column, values] of rows.slices) {
    for (const [value, indices] of groupRows(values)) {
      const part = rows.pick(indices).cbpeScores(input.positiveLabel, input.classes);
      if ("none" in part) continue;
      const result = estimatePerformance({
        predictions: indices.map((i) => rows.predictions[i] ?? ""),
        scores: part.scores,
        metrics: input.metrics,
        level,
      });
      slices.push({ column, value, rows: indices.length, estimates: result.estimates });
    }
  }
  return { estimates: overall.estimates, unavailable: overall.unavailable, assumption: overall.assumption, slices };
}

/** Row indices by value, in order of first appearance. */
export function groupRows(values: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  values.forEach((value, i) => {
    const group = groups.get(value);
    if (group) group.push(i);
    else groups.set(value, [i]);
  });
  return groups;
}

function sliceMetrics(
  rows: WindowRows,
  realised: RealisedMetrics | null,
  estimated: EstimatedMetrics | null,
): WindowResult["slices"] {
  const out: WindowResult["slices"] = [];
  for (const [column, values] of rows.slices) {
    for (const [value, indices] of groupRows(values)) {
      const metrics: Record<string, number> = { rows: indices.length };
      const real = realised?.slices.find((s) => s.column === column && s.value === value);
      for (const [name, v] of Object.entries(real?.metrics ?? {})) metrics[name] = v;
      const est = estimated?.slices.find((s) => s.column === column && s.value === value);
      for (const e of est?.estimates ?? []) metrics[`estimated_${e.metric}`] = e.estimate;
      out.push({ column, value, rows: indices.length, metrics });
    }
  }
  return out;
}

/** A window without rows (a gap in the log, or one whose files are gone): its volume, and nothing to measure. */
export function emptyWindow(window: TimeWindow, why: string): WindowResult {
  return {
    format: WINDOW_RESULT_FORMAT,
    window: { key: window.key, start: isoUtc(window.start), end: isoUtc(window.end) },
    rows: 0,
    sources: [],
    quality: { errors: 0, warnings: 0, findings: [] },
    drift: null,
    driftNote: `nothing to compare: ${why}`,
    predictionDrift: null,
    predictionDriftNote: `nothing to compare: ${why}`,
    latency: null,
    duplicateIds: null,
    labels: null,
    realised: null,
    realisedNote: `no rows: ${why}`,
    estimated: null,
    estimatedNote: `no rows: ${why}`,
    metrics: { rows: 0 },
    slices: [],
    warnings: [`the window has no rows: ${why}`],
  };
}
