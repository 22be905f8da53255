import { internColumn } from "../../src/evaluate/coded.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ClassificationInput, classificationMetrics, regressionMetrics } from "../../src/evaluate/metrics.ts";
import { REPO } from "../helpers/temp.ts";

/**
 * Built-in metrics against scikit-learn (DOMAIN.md §1: equal to within 1e-9). The expected numbers come from
 * test/fixtures/metrics/generate.py (its header and the JSON files record the command and the sklearn version), so
 * these tests need no Python.
 */

interface Fixture<Case> {
  command: string;
  sklearn: string;
  cases: Case[];
}

interface ClassificationCase {
  name: string;
  labels: string[];
  predictions: string[];
  positive?: string;
  scores?: number[];
  /** Per-class probability columns (score_prefix), by class. */
  probabilities?: Record<string, number[]>;
  expected: Record<string, number>;
  /** Metrics sklearn refuses to compute for this case (the kit leaves them out, with a warning). */
  undefined: string[];
  /** What sklearn warned is ill-defined and set to 0: "Precision", "Recall", "F-score". */
  sklearn_ill_defined: string[];
}

interface RegressionCase {
  name: string;
  actual: number[];
  predicted: number[];
  expected: Record<string, number>;
}

function fixture<Case>(name: string): Fixture<Case> {
  return JSON.parse(readFileSync(path.join(REPO, "test", "fixtures", "metrics", name), "utf8")) as Fixture<Case>;
}

const classification = fixture<ClassificationCase>("classification.json");
const regression = fixture<RegressionCase>("regression.json");

/** Within 1e-9, relative for large values (MAPE with a zero target is ~5.6e14: 1e-9 absolute is below its ulp). */
function expectClose(actual: number | undefined, expected: number, what: string): void {
  expect(actual, what).toBeTypeOf("number");
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual ?? Number.NaN) - expected), `${what}: ${actual} vs sklearn ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

describe("the reference fixtures", () => {
  it("record how they were made", () => {
    for (const file of [classification, regression]) {
      expect(file.command).toBe("/usr/bin/python3 test/fixtures/metrics/generate.py");
      expect(file.sklearn).toMatch(/^\d+\.\d+/);
    }
    expect(classification.cases.length).toBeGreaterThanOrEqual(19);
    expect(classification.cases.filter((c) => c.probabilities).length).toBeGreaterThanOrEqual(7);
    expect(regression.cases.length).toBeGreaterThanOrEqual(5);
  });
});

/** The kit's input for a fixture case. */
function inputOf(c: ClassificationCase): ClassificationInput {
  return {
    labels: internColumn(c.labels),
    predictions: internColumn(c.predictions),
    ...(c.scores ? { scores: c.scores } : {}),
    ...(c.probabilities
      ? {
          probabilities: {
            classes: Object.keys(c.probabilities),
            columns: Object.values(c.probabilities).map((values) => Float64Array.from(values)),
          },
        }
      : {}),
    ...(c.positive === undefined ? {} : { positiveLabel: c.positive }),
  };
}

describe("classification metrics match scikit-learn", () => {
  it.each(classification.cases.map((c) => [c.name, c] as const))("%s", (_name, fixtureCase) => {
    const { metrics, warnings, undefined: undefinedMetrics } = classificationMetrics(inputOf(fixtureCase));
    for (const [name, expected] of Object.entries(fixtureCase.expected)) expectClose(metrics[name], expected, name);
    // Nothing beyond what sklearn computed, except metrics sklearn refuses (checked below) that the kit leaves out.
    expect(Object.keys(metrics).sort()).toEqual(Object.keys(fixtureCase.expected).sort());
    // Exactly the metrics sklearn refuses are undefined, each with a reason and one warning naming it.
    expect(Object.keys(undefinedMetrics).sort()).toEqual([...fixtureCase.undefined].sort());
    for (const name of fixtureCase.undefined) {
      expect(metrics[name], name).toBeUndefined();
      expect(undefinedMetrics[name], name).toMatch(/^(only one class|no row is labelled|the class probabilities)/);
      expect(warnings.filter((w) => new RegExp(`\\b${name}\\b[^_].*undefined because`).test(w))).toHaveLength(1);
    }
    // Zero divisions are reported as warnings exactly where sklearn warns.
    const illDefined = warnings.flatMap((w) => /^(precision|recall|f1) is ill-defined/.exec(w)?.[1] ?? []).sort();
    const sklearnIllDefined = fixtureCase.sklearn_ill_defined
      .map((word) => ({ Precision: "precision", Recall: "recall", "F-score": "f1" })[word] ?? word)
      .sort();
    expect(illDefined).toEqual(sklearnIllDefined);
  });
});

describe("regression metrics match scikit-learn", () => {
  it.each(regression.cases.map((c) => [c.name, c] as const))("%s", (_name, fixtureCase) => {
    const { metrics } = regressionMetrics(fixtureCase.actual, fixtureCase.predicted);
    for (const [name, expected] of Object.entries(fixtureCase.expected)) expectClose(metrics[name], expected, name);
    expect(Object.keys(metrics).sort()).toEqual(Object.keys(fixtureCase.expected).sort());
  });
});

describe("undefined cases are warnings, never exceptions or NaN", () => {
  it("asks for the positive class when binary labels have no conventional one", () => {
    const { metrics, warnings } = classificationMetrics({
      labels: internColumn(["cat", "dog"]),
      predictions: internColumn(["cat", "cat"]),
    });
    expect(metrics.precision).toBeUndefined();
    expect(metrics.accuracy).toBe(0.5);
    expect(warnings).toEqual([
      'binary metrics (precision, recall, f1, roc_auc ...) need the positive class; the labels are "cat" and "dog": set model.positive_label',
      "precision is ill-defined for a class with no predicted samples; set to 0 as scikit-learn does",
    ]);
  });

  it("says so when r2 is ill-defined for a constant target", () => {
    const { metrics, warnings } = regressionMetrics([3, 3, 3], [3, 3, 4]);
    expect(metrics.r2).toBe(0);
    expect(metrics.explained_variance).toBe(0);
    expect(warnings).toEqual([
      "r2 and explained_variance are ill-defined for a constant target; reported as scikit-learn does (1 if perfect, else 0)",
    ]);
  });

  it("produces only finite numbers for every fixture", () => {
    for (const c of classification.cases) {
      const { metrics } = classificationMetrics(inputOf(c));
      for (const [name, value] of Object.entries(metrics))
        expect(Number.isFinite(value), `${c.name} ${name}`).toBe(true);
    }
    for (const c of regression.cases) {
      for (const [name, value] of Object.entries(regressionMetrics(c.actual, c.predicted).metrics)) {
        expect(Number.isFinite(value), `${c.name} ${name}`).toBe(true);
      }
    }
  });
});
