import type { CardConfig } from "../config/schema/card.ts";
import type { GateResult } from "../gate/gate.ts";
import type { Manifest } from "../registry/manifest.ts";

/**
 * What a version's model card and ML-BOM say, gathered in one place so both tell the same facts (DOMAIN.md §8): the
 * `card:` section as written, everything else from what the version's manifest records and what its gate computed.
 * Nothing here is estimated for the card: a metric the gate gave no interval has none, a dataset the validate stage
 * did not count has no rows.
 */

export interface CardFacts {
  model: string;
  /** The version's id, number and creation time, as the registry gave them while writing it (VersionIdentity). */
  version: string;
  sequence: number;
  createdAt: string;
  task: "classification" | "regression";
  description: string | null;
  card: CardConfig | null;
  files: Manifest["files"];
  metrics: Record<string, number>;
  data: Manifest["data"];
  /** Rows per dataset as the validate stage counted them (train, eval); absent when it did not run. */
  rows: Record<string, number>;
  /** Rows the evaluation's metrics were computed on; null when unknown. */
  evaluationRows: number | null;
  params: Record<string, unknown>;
  gate: Manifest["gate"];
  /**
   * Intervals of a metric's value: over all rows for each metric where one could be computed (card/intervals.ts), and
   * those the gate computed for the primary metric per slice.
   */
  intervals: ValueIntervalFact[];
  /** Why a metric has no interval over all rows, by metric. */
  noInterval: Record<string, string>;
  /** The training data's profile the version stores (its `profile` attachment); null when it has none. */
  profile: ProfileFact | null;
  /** Intervals of the change against the baseline from the gate's paired tests. */
  changes: ChangeFact[];
  git: Manifest["git"];
  repository: string | null;
  runUrl: string | null;
  actor: string | null;
  kitVersion: string;
}

export interface ValueIntervalFact {
  metric: string;
  /** `column=value`; null for all rows. */
  slice: string | null;
  rows: number;
  value: number;
  low: number;
  high: number;
  level: number;
  method: "wilson" | "delong" | "normal" | "bootstrap";
  /** The bootstrap's resamples; null for a closed form. */
  resamples: number | null;
}

/** What the card tells of the stored training-data profile: what the profile file holds, and its digest. */
export interface ProfileFact {
  dataset: string;
  /** sha256 of the profile file, as the manifest lists it under attachments.profile. */
  sha256: string;
  rows: number;
  columns: { name: string; type: string; nulls: number; distinct: { value: number; exact: boolean } | null }[];
  /** Profiles of shards merged into it (1 for one pass over the data). */
  parts: number;
}

export interface ChangeFact {
  metric: string;
  slice: string | null;
  /** Candidate minus baseline, in the rule's units (a fraction of the baseline when relative). */
  delta: number | null;
  relative: boolean;
  test: "bootstrap" | "mcnemar";
  level: number;
  low: number | null;
  high: number | null;
  pValue: number | null;
}

/** The intervals a gate result holds, as card facts; none for a gate that did not run. */
export function gateIntervals(gate: GateResult | null): Pick<CardFacts, "intervals" | "changes"> {
  if (!gate || gate.verdict === "skipped") return { intervals: [], changes: [] };
  const intervals: ValueIntervalFact[] = [];
  for (const bars of gate.charts?.slices ?? []) {
    for (const bar of bars.bars) {
      const interval = bar.candidateInterval;
      if (!interval || bar.candidate === null) continue;
      intervals.push({
        metric: bars.metric,
        slice: `${bars.column}=${bar.value}`,
        rows: bar.rows,
        value: bar.candidate,
        low: interval.low,
        high: interval.high,
        level: interval.level,
        method: interval.method,
        resamples: interval.resamples,
      });
    }
  }
  const changes: ChangeFact[] = [];
  for (const outcome of gate.outcomes) {
    const test = outcome.significance;
    if (!test || test.status !== "applied") continue;
    changes.push({
      metric: outcome.metric,
      slice: outcome.slice ? `${outcome.slice.column}=${outcome.slice.value}` : null,
      delta: outcome.delta,
      relative: outcome.relative,
      test: test.test,
      level: test.level,
      low: test.test === "bootstrap" ? test.low : null,
      high: test.test === "bootstrap" ? test.high : null,
      pValue: test.test === "mcnemar" ? test.pValue : null,
    });
  }
  return { intervals, changes };
}
