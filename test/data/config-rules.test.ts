import { describe, expect, it } from "vitest";
import { brief, configErrorOf, parse } from "../helpers/config.ts";

/** The data.drift cross-field rules (src/config/rules.ts checkDrift): thresholds that cannot mean what they say. */

const config = (drift: string): string =>
  `version: 1\nmodel: { name: demo }\ndata:\n  train: t.csv\n  schema:\n    columns:\n      plan: { type: category }\n  drift:\n${drift}publish: { promote: false, files: [model.bin] }\n`;

describe("data.drift rules", () => {
  it("accepts sound drift settings without warnings", () => {
    expect(
      brief(
        parse(
          config("    method: psi\n    threshold: 0.2\n    columns:\n      plan: { method: chi2, threshold: 0.01 }\n"),
        ).warnings,
      ),
    ).toEqual([]);
  });

  it("warns that a threshold does nothing with method auto", () => {
    expect(brief(parse(config("    threshold: 0.2\n")).warnings)).toEqual([
      "9:16 warning data.drift.threshold: with method auto the statistic differs per column (a p-value for tests, a distance otherwise), so this threshold is not used",
    ]);
  });

  it("refuses a test whose threshold is not a p-value, and a numeric method on a category", () => {
    const errors = brief(
      configErrorOf(() =>
        parse(config("    method: ks\n    threshold: 5\n    columns:\n      plan: { method: wasserstein }\n")),
      ).diagnostics.filter((d) => d.severity === "error"),
    );
    expect(errors).toEqual([
      "10:16 error data.drift.threshold: ks is a test: its threshold is a p-value below 1, not 5",
      '12:23 error data.drift.columns.plan.method: wasserstein compares numbers, and "plan" is declared category',
    ]);
  });

  it("warns about a drift setting for a column the schema does not declare", () => {
    expect(brief(parse(config("    columns:\n      palne: { skip: true }\n")).warnings)).toEqual([
      '10:14 warning data.drift.columns.palne: "palne" is not declared in data.schema.columns',
    ]);
  });
});
