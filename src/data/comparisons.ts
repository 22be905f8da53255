import type { MlopsConfig } from "../config/schema/index.ts";
import { type DriftResult, type HeldColumns, measureDrift } from "./drift/drift.ts";
import type { Finding } from "./findings.ts";
import type { DatasetProfile } from "./profile.ts";

/**
 * The validate stage's drift comparisons, all with data.drift's settings (DOMAIN.md §3):
 * - drift: the training data against data.drift.reference;
 * - drift of the evaluation data against the same reference (shifting only the evaluation data is drift too);
 * - skew: the evaluation data against the training data (a model evaluated on data unlike its training data).
 * Each comparison is judged on its own: it drifted when its share of drifted columns reaches
 * data.drift.max_drifted_share, and that is one finding of data.drift.severity on the dataset measured. Skew needs no
 * reference, so it is measured even before there is a champion.
 */

type DataSection = NonNullable<MlopsConfig["data"]>;

export interface ProfiledDataset {
  profile: DatasetProfile;
  /** Every value of its numeric columns, when they were held while reading (held-values.ts). */
  held: HeldColumns;
}

export interface Comparisons {
  /** The training data against the reference; null when there is no reference (or no drift settings). */
  drift: DriftResult | null;
  /** The evaluation data against the reference; null without evaluation data or a reference. */
  evalDrift: DriftResult | null;
  /** The evaluation data against the training data; null without both. */
  skew: DriftResult | null;
}

export function compareDatasets(
  data: DataSection,
  datasets: { train?: ProfiledDataset; eval?: ProfiledDataset },
  reference: (ProfiledDataset & { name: string }) | null,
): Comparisons {
  const settings = data.drift;
  const none: Comparisons = { drift: null, evalDrift: null, skew: null };
  if (!settings) return none;
  const against = (
    comparison: DriftResult["comparison"],
    current: ProfiledDataset | undefined,
    base: ProfiledDataset | undefined,
    name: string,
  ): DriftResult | null =>
    current && base
      ? measureDrift(current.profile, base.profile, settings, {
          comparison,
          referenceName: name,
          held: { current: current.held, reference: base.held },
        })
      : null;
  return {
    drift: against("drift", datasets.train, reference ?? undefined, reference?.name ?? ""),
    evalDrift: against("drift", datasets.eval, reference ?? undefined, reference?.name ?? ""),
    skew: against("skew", datasets.eval, datasets.train, "the training data"),
  };
}

/** A comparison whose share of drifted columns reached the limit, as a finding on the dataset it measured. */
export function driftFinding(result: DriftResult): Finding | null {
  if (!result.datasetDrift) return null;
  const what = result.comparison === "skew" ? "skew" : "dataset drift";
  return {
    dataset: result.dataset,
    column: null,
    rule: result.comparison,
    severity: result.severity,
    message: `${what}: ${result.drifted} of ${result.columns.length} columns drifted (share ${result.share.toFixed(2)} >= ${result.maxDriftedShare}) against ${result.reference}`,
    observed: result.columns
      .filter((c) => c.drifted)
      .map((c) => c.column)
      .join(", "),
    count: result.drifted,
    rows: [],
    configPath: ["data", "drift", "max_drifted_share"],
  };
}
