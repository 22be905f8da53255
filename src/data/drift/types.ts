/** What a drift comparison reports (DOMAIN.md §3: every number with its method, unit, threshold and direction). */

export type DriftMethod = "psi" | "ks" | "chi2" | "jensen_shannon" | "wasserstein";

/**
 * What a side of a comparison was computed from: every value (held while reading, or all of a small column), exact
 * counts of each value (a column with at most 2,048 distinct values), numpy's deciles and bin shares stored in the
 * reference profile (exact, for binned methods), or a quantile sketch (approximate).
 */
export type DriftSource = "values" | "value counts" | "deciles" | "sketch";

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
  /** The unit of `value` and `threshold`, e.g. "p-value", "reference standard deviations". */
  unit: string;
  threshold: number;
  /** "below" for p-values (drift when p < threshold), "at or above" for distances. */
  driftWhen: "below" | "at or above";
  drifted: boolean;
  /** What each side was computed from; a sketch makes the value approximate. */
  sources: { reference: DriftSource; current: DriftSource };
  /** How far off a result from sketches can be, in words; null when computed from exact values. */
  approximation: string | null;
  /** The interval the exact value lies in, when sketches stand in for the data and it can be bounded. */
  bounds: [number, number] | null;
  warnings: string[];
  referenceCount: number;
  currentCount: number;
  /** Numeric columns binned at the reference's deciles: the nine inner edges (datetimes in milliseconds). */
  edges: number[] | null;
  /** Shares per bin (numeric: reference deciles) or per category, for the report's chart. */
  bins: { label: string; reference: number; current: number }[];
}

export interface SkippedColumn {
  column: string;
  reason: string;
}

export interface DriftResult {
  /** `drift`: a dataset against data.drift.reference; `skew`: the evaluation data against the training data. */
  comparison: "drift" | "skew";
  /** The dataset measured: train or eval. */
  dataset: string;
  /** What it was compared with, in words. */
  reference: string;
  columns: ColumnDrift[];
  skipped: SkippedColumn[];
  drifted: number;
  share: number;
  /** The dataset-level rule: it drifted when `share` is at or above this (data.drift.max_drifted_share). */
  maxDriftedShare: number;
  datasetDrift: boolean;
  /** What a dataset drift is (data.drift.severity): `error` fails validation. */
  severity: "error" | "warn";
}
