import type { ColumnType } from "../config/schema/data.ts";
import { InputError } from "../errors.ts";
import { KIT_VERSION } from "../version.ts";
import { mergeColumnState } from "./column/merge.ts";
import type { ColumnPlan, ValueKind } from "./column/plan.ts";
import type { ColumnState } from "./column/state.ts";
import type { ScanOutcome } from "./parallel/merger.ts";
import type { ScanPlan } from "./plan.ts";
import { FREQUENT_CAPACITY } from "./sketch/frequent.ts";
import { decodeRegisters, HLL_STANDARD_ERROR, HyperLogLog } from "./sketch/hll.ts";
import { KLL_RANK_ERROR, KllView } from "./sketch/kll.ts";
import { sampleStd } from "./sketch/moments.ts";
import { mergeTallies, shiftTallies, type Tally } from "./tally.ts";
import { capText, isCut } from "./text-cap.ts";
import { formatDatetime } from "./values.ts";

/**
 * A dataset's profile (DOMAIN.md §3): per column counts, nulls, distinct values, min, max, mean, std, quantiles,
 * histogram and top values, plus the rule tallies found while reading. It keeps its sketches, so profiles of shards
 * merge into the profile of the whole (mergeProfiles), and drift can be measured against a stored one.
 */

export const PROFILE_FORMAT = "mlops-profile/1";

export interface ColumnProfile extends ColumnState {
  type: ColumnType;
  declared: boolean;
  /** The type the first rows suggested; null when they held no value. */
  inferred: ColumnType | null;
  kind: ValueKind;
  summary: ColumnSummary;
  /**
   * numpy's deciles of the column and its share of each of the ten bins they make (drift/psi.ts), when every value
   * was held while reading (held-values.ts): a later run's PSI against this profile then has numpy's bins exactly.
   * Absent in profiles of shards and merged profiles (deciles do not merge).
   */
  deciles?: Deciles;
}

export interface Deciles {
  /** The nine inner edges, numpy.quantile(values, k / 10). */
  edges: number[];
  /** The share of values in [-inf, e1), [e1, e2) ... [e9, +inf), before any floor. */
  shares: number[];
}

export interface ColumnSummary {
  count: number;
  nulls: number;
  /** Distinct values: exact while at most 2048, else a HyperLogLog estimate (± about 0.81%, one standard error). */
  distinct: { value: number; exact: boolean } | null;
  min: number | string | null;
  max: number | string | null;
  mean: number | string | null;
  /** Sample standard deviation (n - 1). For datetimes, in milliseconds. */
  std: number | null;
  /** Quantiles by nearest rank from the KLL sketch; `rankError` is its bound (0 when exact). */
  quantiles: { q: number; value: number | string }[];
  rankError: number;
  /** 10 equal-width bins from min to max; counts from the sketch (exact when it is exact). */
  histogram: { edges: (number | string)[]; counts: number[] } | null;
  /**
   * Most frequent values; each count is exact to within `topError` (too low, never too high). A value longer than 256
   * characters is cut to its first 256 and "…", and `cut: true` says so (text-cap.ts).
   */
  top: { value: string; count: number; cut?: true }[];
  topError: number;
}

export interface DatasetProfile {
  format: typeof PROFILE_FORMAT;
  kit: string;
  dataset: string;
  /** The data.schema the rules came from (see plan.ts schemaHash). */
  schemaHash: string;
  files: { path: string; bytes: number; rows: number; columns: string[] }[];
  rows: number;
  /** Row number of the first data row (2 under a header row, else 1). */
  firstRow: number;
  sampledRows: number;
  columns: ColumnProfile[];
  /** Dataset-level rule tallies: ragged_rows, extra_fields, duplicate_rows, unique_key, unique:<column>. */
  checks: Record<string, Tally>;
  /** Profiles merged into this one (1 for one pass over the data). */
  parts: number;
  /** Which block of the dataset's files this profile covers (`mlops profile --shard i/n`), or null for all of it. */
  shard: { index: number; count: number } | null;
  /** Whole-dataset rules checked only within each part (after a merge), in words. */
  notes: string[];
  settings: { kllRankError: number; hllStandardError: number; exactDistinct: number };
}

const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

export function buildProfile(plan: ScanPlan, outcome: ScanOutcome): DatasetProfile {
  const columns: ColumnProfile[] = [];
  plan.columns.forEach((column, i) => {
    const state = outcome.columns[i];
    if (state) columns.push(finishColumn(column, state));
  });
  return {
    format: PROFILE_FORMAT,
    kit: KIT_VERSION,
    dataset: plan.dataset,
    schemaHash: plan.schemaHash,
    files: plan.files.map((f, i) => ({
      path: f.shown,
      bytes: f.bytes,
      rows: outcome.fileRows[i] ?? 0,
      columns: f.columns,
    })),
    rows: outcome.rows,
    firstRow: plan.firstRow,
    sampledRows: plan.sampledRows,
    columns,
    checks: outcome.checks,
    parts: 1,
    shard: null,
    notes: [],
    settings: settings(),
  };
}

function settings(): DatasetProfile["settings"] {
  return { kllRankError: KLL_RANK_ERROR, hllStandardError: HLL_STANDARD_ERROR, exactDistinct: FREQUENT_CAPACITY };
}

/** Decides the column's type (declared, or inferred and widened by what the whole pass saw) and summarises it. */
function finishColumn(plan: ColumnPlan, state: ColumnState): ColumnProfile {
  let type: ColumnType;
  let kind = plan.kind;
  const finished: ColumnState = { ...state };
  if (plan.declared) {
    type = plan.declared;
  } else if (plan.kind === "any") {
    const numeric =
      state.values > 0 && state.numericValues > 0 && state.numericValues + state.missingTokens === state.values;
    if (numeric) {
      type = state.fractional > 0 ? "number" : "integer";
      kind = "numeric";
      finished.nulls += state.missingTokens;
      finished.values -= state.missingTokens;
      finished.frequent = null;
    } else {
      type = "string";
      kind = "text";
      finished.missingTokens = 0;
      finished.moments = null;
      finished.sketch = null;
      finished.numbers = null;
      finished.hll = null;
    }
  } else {
    type = plan.inferred === "integer" && state.fractional > 0 ? "number" : (plan.inferred ?? "string");
  }
  const profile: ColumnProfile = {
    ...finished,
    type,
    declared: plan.declared !== null,
    inferred: plan.inferred,
    kind,
    summary: emptySummary(),
  };
  profile.summary = summarize(profile);
  return profile;
}

function emptySummary(): ColumnSummary {
  return {
    count: 0,
    nulls: 0,
    distinct: null,
    min: null,
    max: null,
    mean: null,
    std: null,
    quantiles: [],
    rankError: 0,
    histogram: null,
    top: [],
    topError: 0,
  };
}

export function summarize(column: ColumnProfile): ColumnSummary {
  const summary = emptySummary();
  summary.nulls = column.nulls;
  summary.count = column.values - column.invalid - column.nonFinite;
  const show = (value: number): number | string => (column.kind === "datetime" ? formatDatetime(value) : value);
  if (column.sketch && column.sketch.n > 0 && column.moments) {
    const view = new KllView(column.sketch);
    summary.min = show(view.min);
    summary.max = show(view.max);
    summary.mean = show(column.moments.mean);
    summary.std = sampleStd(column.moments);
    summary.rankError = view.exact ? 0 : KLL_RANK_ERROR;
    summary.quantiles = QUANTILES.map((q) => ({ q, value: show(view.quantile(q)) }));
    summary.histogram = histogram(view, show);
  }
  if (column.frequent) {
    // Only values counted more often than the error bound are surely among the most frequent.
    const error = column.frequent.error;
    summary.top = column.frequent.entries
      .filter(([, count, text]) => count > error && text !== null)
      .slice(0, 10)
      .map(([, count, text]) => {
        // Capped again: a profile written before values were capped may hold them whole.
        const value = capText(text ?? "");
        return isCut(value) ? { value, count, cut: true as const } : { value, count };
      });
    summary.topError = error;
  }
  summary.distinct = distinctOf(column);
  return summary;
}

function distinctOf(column: ColumnState & { kind: ValueKind }): { value: number; exact: boolean } | null {
  const numeric = column.kind === "numeric" || column.kind === "datetime";
  if (numeric && column.numbers) return { value: column.numbers.length, exact: true };
  if (!numeric && column.frequent && column.frequent.error === 0 && column.hll === null)
    return { value: column.frequent.entries.length, exact: true };
  const registers = column.hll === null ? undefined : decodeRegisters(column.hll);
  return registers ? { value: new HyperLogLog(registers).estimate(), exact: false } : null;
}

function histogram(view: KllView, show: (v: number) => number | string): ColumnSummary["histogram"] {
  if (!(view.max > view.min)) return { edges: [show(view.min), show(view.max)], counts: [view.n] };
  const bins = 10;
  const edges = Array.from({ length: bins + 1 }, (_, i) =>
    i === bins ? view.max : view.min + ((view.max - view.min) * i) / bins,
  );
  const counts: number[] = [];
  let below = 0;
  for (let i = 1; i <= bins; i++) {
    const atOrBelow = i === bins ? view.n : Math.round(view.cdfBelow(edges[i]!) * view.n);
    counts.push(atOrBelow - below);
    below = atOrBelow;
  }
  return { edges: edges.map(show), counts };
}

/**
 * Merges profiles of consecutive parts of one dataset (shards, in order) into the profile of the whole: counts and
 * tallies add, row numbers of later parts shift by the rows before them, sketches merge. Rules that need every row
 * at once (unique values, duplicate rows, a unique key) were checked within each part only: the merged profile says
 * so in `notes`.
 */
export function mergeProfiles(input: DatasetProfile[]): DatasetProfile {
  const profiles = orderShards(input);
  const [first, ...rest] = profiles;
  if (!first) throw new InputError("no profiles to merge");
  for (const other of rest) {
    if (other.schemaHash !== first.schemaHash) {
      throw new InputError(
        `the profiles were made with different data.schema sections (${first.schemaHash}, ${other.schemaHash})`,
        {
          hint: "profile every shard with the same mlops.yml",
        },
      );
    }
    if (other.dataset !== first.dataset) {
      throw new InputError(`cannot merge profiles of different datasets (${first.dataset} and ${other.dataset})`);
    }
  }
  const merged: DatasetProfile = structuredClone(first);
  for (const part of rest) {
    const offset = merged.rows;
    const byName = new Map(merged.columns.map((c) => [c.name, c]));
    for (const column of part.columns) {
      const shifted: ColumnProfile = structuredClone(column);
      shiftTallies(shifted.checks, offset);
      const into = byName.get(column.name);
      if (!into) {
        merged.columns.push(shifted);
        byName.set(column.name, shifted);
        continue;
      }
      const type = widen(into, shifted);
      mergeColumnState(into, shifted);
      into.type = type;
      into.summary = summarize(into);
    }
    const checks = structuredClone(part.checks);
    shiftTallies(checks, offset);
    mergeTallies(merged.checks, checks);
    merged.files.push(...part.files);
    merged.rows += part.rows;
    merged.parts += part.parts;
    merged.notes = [...new Set([...merged.notes, ...part.notes])];
  }
  if (profiles.length > 1) {
    merged.notes = [
      ...new Set([
        ...merged.notes,
        "unique values, unique keys and duplicate rows were checked within each part, not across parts",
      ]),
    ];
  }
  for (const column of merged.columns) {
    column.summary = summarize(column);
    // A part's deciles are not the whole's.
    if (profiles.length > 1) delete column.deciles;
  }
  merged.shard = null;
  return merged;
}

/** Shards in their dataset order (so rows number as in the whole); all of them, once each, or a clear error. */
function orderShards(profiles: DatasetProfile[]): DatasetProfile[] {
  const shards = profiles.map((p) => p.shard ?? null);
  if (shards.every((s) => s === null)) return profiles;
  if (shards.some((s) => s === null))
    throw new InputError("some profiles are shards (mlops profile --shard) and some are not");
  const count = shards[0]!.count;
  const byIndex = new Map<number, DatasetProfile>();
  for (const profile of profiles) {
    const shard = profile.shard!;
    if (shard.count !== count)
      throw new InputError(`the shards were cut differently (${shard.index}/${shard.count} and ?/${count})`);
    if (byIndex.has(shard.index)) throw new InputError(`shard ${shard.index}/${count} is there twice`);
    byIndex.set(shard.index, profile);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new InputError(
      `shard(s) ${missing.map((i) => `${i}/${count}`).join(", ")} missing: the merged profile would not be the whole dataset`,
      {
        hint: "download every matrix leg's profile before merging",
      },
    );
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/** The type of a column seen in two parts: the same, or integer and number (number), else a clear error. */
function widen(a: ColumnProfile, b: ColumnProfile): ColumnType {
  if (a.type === b.type) return a.type;
  const numeric = new Set<ColumnType>(["integer", "number"]);
  if (numeric.has(a.type) && numeric.has(b.type)) return "number";
  if (a.kind === "any" || b.kind === "any") return a.kind === "any" ? b.type : a.type;
  throw new InputError(`column "${a.name}" is ${a.type} in one part and ${b.type} in another`, {
    hint: `declare its type in data.schema.columns.${a.name}.type so every shard reads it the same way`,
  });
}
