import { describe, expect, it } from "vitest";
import { validateSection } from "../../src/data/report.ts";
import type { DriftResult } from "../../src/data/drift/drift.ts";
import type { ValidateResult } from "../../src/data/validate.ts";
import { renderMarkdown, renderText } from "../../src/report/sections.ts";

/** The validate report: every drift number with its method, unit, threshold, direction and verdict; chart + table. */

const drift: DriftResult = {
  comparison: "drift",
  dataset: "train",
  reference: "the champion's training data (v1)",
  columns: [
    {
      column: "age",
      kind: "numeric",
      method: "wasserstein",
      chosenBy: "auto",
      value: 0.42,
      statistic: null,
      measure:
        "Wasserstein-1 distance in reference standard deviations (normed, as Evidently; std with n in the denominator)",
      unit: "reference standard deviations",
      threshold: 0.1,
      driftWhen: "at or above",
      drifted: true,
      sources: { reference: "sketch", current: "values" },
      approximation: "from quantile sketches: within ±0.05 standard deviations",
      bounds: [0.37, 0.47],
      edges: null,
      warnings: [],
      referenceCount: 5000,
      currentCount: 4000,
      bins: [
        { label: "< 30", reference: 0.5, current: 0.2 },
        { label: '≥ 30 "quoted" [x]', reference: 0.5, current: 0.8 },
      ],
    },
    {
      column: "plan",
      kind: "categorical",
      method: "chi2",
      chosenBy: "config",
      value: 0.3,
      statistic: 2.4,
      measure:
        "p-value of Pearson's chi-square test of homogeneity (χ² = 2.4, 2 degrees of freedom, no continuity correction; counts of each category)",
      unit: "p-value",
      threshold: 0.05,
      driftWhen: "below",
      drifted: false,
      sources: { reference: "value counts", current: "value counts" },
      approximation: null,
      bounds: null,
      edges: null,
      warnings: ["the reference has only 20 values (fewer than 30): too few to mean much"],
      referenceCount: 20,
      currentCount: 4000,
      bins: [],
    },
  ],
  skipped: [
    {
      column: "comment",
      reason: "more than 2048 distinct values: free text or an id, not a category (set `skip: true` to say so)",
    },
  ],
  drifted: 1,
  share: 0.5,
  maxDriftedShare: 0.5,
  datasetDrift: true,
  severity: "warn",
};

const result: ValidateResult = {
  stage: "validate",
  verdict: "pass",
  datasets: [{ name: "train", files: ["data/train.csv"], rows: 4000, columns: [], findings: [], notes: [] }],
  errors: 0,
  warnings: 1,
  profile: null,
  drift,
  evalDrift: null,
  skew: null,
  driftNote: null,
};

describe("validateSection", () => {
  it("states each drift number's method, unit, threshold, direction and verdict, with the notes", () => {
    const markdown = renderMarkdown(validateSection(result));
    expect(markdown).toContain(
      "| age | wasserstein (auto) | 0.42 | Wasserstein-1 distance in reference standard deviations (normed, as Evidently; std with n in the denominator) | reference standard deviations | 0.1 | ≥ 0.1 | drifted | reference: sketch, current: values | from quantile sketches: within ±0.05 standard deviations |",
    );
    expect(markdown).toContain("| plan | chi2 | 0.3 | p-value of Pearson's chi-square test");
    expect(markdown).toContain(
      "| p-value | 0.05 | &lt; 0.05 | stable | value counts | the reference has only 20 values (fewer than 30): too few to mean much |",
    );
    expect(markdown).toContain(
      "Drift of train against the champion's training data (v1): 1 of 2 columns drifted (share 0.50), so the dataset drifted (share ≥ 0.5; severity warn).",
    );
    expect(markdown).toContain("<summary>Columns without a drift check (1)</summary>");
  });

  it("charts the most drifted column for GitHub, with its numbers in a table beside the chart, and labels made safe", () => {
    const markdown = renderMarkdown(validateSection(result));
    expect(markdown).toContain(
      'age: train as bars, the champion\'s training data (v1) as a line (share of rows, %).\n\n```mermaid\nxychart-beta\n    title "train_ age_ share of rows in percent"\n    x-axis ["below 30", "from 30 _quoted_ _x_"]\n    y-axis 0 --> 80\n    bar [20, 80]\n    line [50, 50]\n```',
    );
    expect(markdown).toContain("| age (bin) | reference % | current % |");
    expect(markdown).toContain('| ≥ 30 "quoted" \\[x\\] | 50.0 | 80.0 |');
    // The terminal has no mermaid: the text report keeps the table and leaves the chart out.
    const text = renderText(validateSection(result));
    expect(text).not.toContain("xychart");
    expect(text).toContain("age (bin)");
  });

  it("says in words when there is no reference yet", () => {
    const none = {
      ...result,
      drift: null,
      driftNote: "No drift check yet: churn has no champion in registry, so there is no reference to compare with.",
    };
    const section = validateSection(none);
    expect(renderMarkdown(section)).toContain("No drift check yet: churn has no champion in registry");
    expect(section.headline).toBe("4000 train rows, 0 error(s), 1 warning(s), no drift reference yet");
  });
});
