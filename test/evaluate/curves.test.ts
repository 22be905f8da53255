import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedCalibrationError } from "../../src/evaluate/calibration.ts";
import { binaryCurves, CURVE_GRID, regressionCurves, SINGLE_CLASS } from "../../src/evaluate/curves.ts";
import { descendingOrder } from "../../src/evaluate/ranking.ts";

/**
 * The report's curves against scikit-learn: roc_curve, precision_recall_curve and calibration_curve read off at the
 * kit's grid. Fixture: test/fixtures/curves/curves.json, made by `/usr/bin/python3 test/fixtures/curves/generate.py`
 * (Debian 12's python3-sklearn 1.2.1; the script says how each grid value is read off scikit-learn's curve).
 */

interface Case {
  name: string;
  labels: number[];
  scores: number[];
  roc: number[];
  precision: number[];
  calibration: { bin: number; rows: number; meanScore: number; positiveRate: number }[];
}

const fixture = JSON.parse(readFileSync(new URL("../fixtures/curves/curves.json", import.meta.url), "utf8")) as {
  grid: number[];
  cases: Case[];
};

function curvesOf(labels: readonly number[], scoreList: readonly number[]) {
  const scores = Float64Array.from(scoreList);
  return binaryCurves(descendingOrder(scores), Uint8Array.from(labels));
}

describe("binary curves", () => {
  it("use the grid the fixture was read at", () => {
    expect(CURVE_GRID).toEqual(fixture.grid);
  });

  describe.each(fixture.cases)("$name", (c) => {
    const curves = curvesOf(c.labels, c.scores);
    it("ROC matches scikit-learn's roc_curve at every grid FPR", () => {
      expect(curves.roc).toHaveLength(c.roc.length);
      curves.roc?.forEach((tpr, i) => expect(tpr).toBeCloseTo(c.roc[i] ?? NaN, 12));
    });
    it("precision matches scikit-learn's precision_recall_curve at every grid recall", () => {
      expect(curves.precision).toHaveLength(c.precision.length);
      curves.precision?.forEach((p, i) => expect(p).toBeCloseTo(c.precision[i] ?? NaN, 12));
    });
    it("the reliability curve matches scikit-learn's calibration_curve, bin by bin", () => {
      expect(curves.calibration.map((b) => [b.bin, b.rows])).toEqual(c.calibration.map((b) => [b.bin, b.rows]));
      curves.calibration.forEach((b, i) => {
        expect(b.meanScore).toBeCloseTo(c.calibration[i]?.meanScore ?? NaN, 12);
        expect(b.positiveRate).toBeCloseTo(c.calibration[i]?.positiveRate ?? NaN, 12);
      });
    });
  });

  it.each(fixture.cases)("give $name the ECE the metric has", (c) => {
    const curves = curvesOf(c.labels, c.scores);
    expect(curves.expectedCalibrationError).toBeCloseTo(
      expectedCalibrationError(Float64Array.from(c.scores), Uint8Array.from(c.labels)),
      12,
    );
  });

  it("say the model ranks nothing when every score is equal", () => {
    expect(curvesOf([0, 1, 1], [0.5, 0.5, 0.5]).notes).toEqual([
      "all scores are equal: the model ranks no row above another",
    ]);
  });

  it("leave ROC and precision-recall out, with why, when the labels hold one class; calibration stays", () => {
    const curves = curvesOf([1, 1, 1], [0.2, 0.9, 0.55]);
    expect(curves.roc).toBeNull();
    expect(curves.precision).toBeNull();
    expect(curves.notes).toEqual([SINGLE_CLASS]);
    expect(curves.calibration.map((b) => b.bin)).toEqual([1, 5, 8]);
    expect(curves.expectedCalibrationError).toBeCloseTo((0.8 + 0.1 + 0.45) / 3, 12);
  });
});

describe("regression bins", () => {
  it("bin by predicted value with each bin's means, so residual = actual - predicted", () => {
    const predicted = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
    const actual = Float64Array.from([1, 1, 2, 2, 5, 5, 5, 8, 8, 8, 9, 13]);
    const { bins, rows, notes } = regressionCurves(actual, predicted);
    expect(rows).toBe(12);
    expect(notes).toEqual([]);
    expect(bins.map((b) => b.rows)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
    expect(bins.map((b) => [b.low, b.high])[9]).toEqual([9, 10]);
    const last = bins[9];
    expect(last?.meanPredicted).toBeCloseTo(29 / 3, 12);
    expect(last?.meanActual).toBeCloseTo(30 / 3, 12);
    expect(last?.meanResidual).toBeCloseTo(1 / 3, 12);
    expect(bins[0]?.meanResidual).toBe(1);
  });

  it("make one bin, and say so, when every prediction is the same", () => {
    const curves = regressionCurves(Float64Array.from([1, 2, 6]), Float64Array.from([3, 3, 3]));
    expect(curves.bins).toEqual([{ low: 3, high: 3, rows: 3, meanPredicted: 3, meanActual: 3, meanResidual: 0 }]);
    expect(curves.notes).toEqual(["every prediction is the same value, so there is one bin"]);
  });
});
