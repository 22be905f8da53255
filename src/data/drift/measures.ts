import { formatShort, pct } from "./format.ts";
import { psiOfCounts } from "./psi.ts";
import { chiSquare, jensenShannon } from "./stats.ts";
import type { ColumnDrift } from "./types.ts";

/** Below this many values a drift number means little; the report warns. */
export const MIN_DRIFT_SAMPLE = 30;

export function sampleWarnings(referenceCount: number, currentCount: number): string[] {
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

export const PSI_BANDS = "< 0.1 stable, 0.1-0.25 moderate, > 0.25 major";

export function psiBand(value: number): string {
  return value < 0.1 ? "stable" : value <= 0.25 ? "moderate shift" : "major shift";
}

type Measured = Pick<ColumnDrift, "value" | "statistic" | "measure" | "unit" | "driftWhen" | "drifted" | "warnings">;

/** Chi-square, PSI or Jensen-Shannon over counts per category (or per value of a numeric column with few values). */
export function countsMeasure(
  method: "psi" | "chi2" | "jensen_shannon",
  reference: number[],
  current: number[],
  threshold: number,
  binning: string,
): Measured {
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
      unit: "p-value",
      driftWhen: "below",
      drifted: result.pValue < threshold,
      warnings,
    };
  }
  if (method === "psi") {
    const value = psiOfCounts(reference, current);
    return {
      value,
      statistic: null,
      measure: `population stability index (natural log; empty ${binning.startsWith("counts") ? "categories" : "bins"} as 0.0001; ${PSI_BANDS}: ${psiBand(value)}; ${binning})`,
      unit: "index (natural log)",
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
    unit: "distance (natural log)",
    driftWhen: "at or above",
    drifted: value >= threshold,
    warnings: [],
  };
}
