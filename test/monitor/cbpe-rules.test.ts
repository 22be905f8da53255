import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { Random } from "../../src/gate/significance/random.ts";
import { estimatePerformance, type CbpeInput } from "../../src/monitor/cbpe.ts";
import { simulateRealisedMetrics } from "../../src/monitor/cbpe-simulation.ts";
import { normalQuantile } from "../../src/gate/significance/normal-quantile.ts";
import { poissonBinomialInterval, poissonBinomialPmf } from "../../src/monitor/poisson-binomial.ts";
import { binaryWindow } from "./synthetic.ts";

/** What CBPE computes, refuses and rejects, on inputs small enough to check by hand or against scipy. */

const binary = (predictions: string[], scores: number[], metrics: string[]): CbpeInput => ({
  predictions,
  scores: { kind: "binary", positive: "yes", negative: "no", scores: Float64Array.from(scores) },
  metrics,
});

const valueOf = (input: CbpeInput, metric: string): number | undefined =>
  estimatePerformance(input).estimates.find((estimate) => estimate.metric === metric)?.estimate;

describe("the expected confusion matrix", () => {
  // Rows predicted yes add their score to (yes, yes) and its complement to (no, yes); rows predicted no add to the
  // "no" column: TP = 0.9 + 0.6, FP = 0.1 + 0.4, FN = 0.2, TN = 0.8.
  const input = binary(["yes", "no", "yes"], [0.9, 0.2, 0.6], ["accuracy", "precision", "recall", "f1", "f1_macro"]);

  it("sums each row's class probabilities into the column of its predicted class", () => {
    const { expectedConfusion } = estimatePerformance(input);
    expect(expectedConfusion.labels).toEqual(["no", "yes"]);
    expect(expectedConfusion.matrix[0]?.[0]).toBeCloseTo(0.8, 12);
    expect(expectedConfusion.matrix[0]?.[1]).toBeCloseTo(0.5, 12);
    expect(expectedConfusion.matrix[1]?.[0]).toBeCloseTo(0.2, 12);
    expect(expectedConfusion.matrix[1]?.[1]).toBeCloseTo(1.5, 12);
  });

  it("gives the gate's metrics of that matrix", () => {
    expect(valueOf(input, "accuracy")).toBeCloseTo(2.3 / 3, 12);
    expect(valueOf(input, "precision")).toBeCloseTo(1.5 / 2, 12);
    expect(valueOf(input, "recall")).toBeCloseTo(1.5 / 1.7, 12);
    expect(valueOf(input, "f1")).toBeCloseTo(3 / 3.7, 12);
    // Class "no": precision 0.8 / 1.0, recall 0.8 / 1.3.
    const f1No = (2 * 0.8 * (0.8 / 1.3)) / (0.8 + 0.8 / 1.3);
    expect(valueOf(input, "f1_macro")).toBeCloseTo((f1No + 3 / 3.7) / 2, 12);
  });

  it("estimates ROC AUC from the expected ROC curve (NannyML)", () => {
    // Ranked 0.9, 0.6, 0.2: expected positives 1.7, negatives 1.3. Points (FPR, TPR): (0.1/1.3, 0.9/1.7),
    // (0.5/1.3, 1.5/1.7), (1, 1).
    const points = [
      [0, 0],
      [0.1 / 1.3, 0.9 / 1.7],
      [0.5 / 1.3, 1.5 / 1.7],
      [1, 1],
    ];
    let area = 0;
    for (let i = 1; i < points.length; i++) {
      const [x0 = 0, y0 = 0] = points[i - 1] ?? [];
      const [x1 = 0, y1 = 0] = points[i] ?? [];
      area += ((x1 - x0) * (y0 + y1)) / 2;
    }
    // Thirty copies of each row: the same expected curve, and enough rows that every simulated window has both classes.
    const copies = (values: string[] | number[]) => Array.from({ length: 30 }, () => values).flat();
    const input = binary(copies(["yes", "no", "yes"]) as string[], copies([0.9, 0.2, 0.6]) as number[], ["roc_auc"]);
    expect(valueOf(input, "roc_auc")).toBeCloseTo(area, 12);
  });

  it("puts multiclass probabilities under the classes sorted as the gate sorts them", () => {
    const result = estimatePerformance({
      predictions: ["b", "a"],
      scores: {
        kind: "multiclass",
        probabilities: {
          classes: ["b", "a", "c"],
          columns: [Float64Array.from([0.7, 0.2]), Float64Array.from([0.2, 0.5]), Float64Array.from([0.1, 0.3])],
        },
      },
      metrics: ["accuracy"],
    });
    expect(result.expectedConfusion.labels).toEqual(["a", "b", "c"]);
    expect(result.expectedConfusion.matrix).toEqual([
      [0.5, 0.2, 0],
      [0.2, 0.7, 0],
      [0.3, 0.1, 0],
    ]);
    expect(result.estimates[0]?.estimate).toBeCloseTo((0.5 + 0.7) / 2, 12);
  });
});

describe("the intervals", () => {
  it("are the exact Poisson-binomial bounds, which equal scipy's binomial ones when every row has the same score", () => {
    // python3 -c "from scipy.stats import binom; print(binom.interval(0.95,100,0.5), binom.interval(0.9,37,0.3))"
    expect(poissonBinomialInterval(new Float64Array(100).fill(0.5), 0.95)).toMatchObject({ low: 40, high: 60 });
    expect(poissonBinomialInterval(new Float64Array(37).fill(0.3), 0.9)).toMatchObject({ low: 7, high: 16 });
  });

  it("come from the distribution of the count of correct rows", () => {
    // python3 -c "import numpy as np; pmf=np.array([1.0]); [pmf := np.convolve(pmf,[1-q,q]) for q in [0.1,0.5,0.9,0.3]]; print(repr(pmf))"
    const pmf = poissonBinomialPmf([0.1, 0.5, 0.9, 0.3]);
    [0.0315, 0.332, 0.455, 0.168, 0.0135].forEach((p, k) => expect(pmf[k]).toBeCloseTo(p, 12));
  });

  it("use the normal quantile of the stated level", () => {
    // python3 -c "from scipy.stats import norm; print(norm.ppf([0.001,0.025,0.3,0.5,0.8,0.975,0.999]).tolist())"
    const scipy = [-3.090232306167813, -1.9599639845400545, -0.5244005127080409, 0, 0.8416212335729143];
    [0.001, 0.025, 0.3, 0.5, 0.8].forEach((q, i) => expect(normalQuantile(q)).toBeCloseTo(scipy[i] ?? 0, 8));
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
  });

  it("are stated with their level and method, and widen with the level", () => {
    const window = binaryWindow(7, 500);
    const input: CbpeInput = {
      predictions: window.predictions,
      scores: { kind: "binary", positive: "yes", negative: "no", scores: window.scores },
      metrics: ["accuracy", "f1"],
    };
    const at95 = estimatePerformance(input).estimates;
    const at99 = estimatePerformance({ ...input, level: 0.99 }).estimates;
    for (const [i, estimate] of at95.entries()) {
      const wider = at99[i];
      expect(estimate.interval.level).toBe(0.95);
      expect(wider?.interval.level).toBe(0.99);
      expect(estimate.interval.low).toBeLessThanOrEqual(estimate.estimate);
      expect(estimate.interval.high).toBeGreaterThanOrEqual(estimate.estimate);
      expect(wider?.interval.low).toBeLessThanOrEqual(estimate.interval.low);
      expect(wider?.interval.high).toBeGreaterThanOrEqual(estimate.interval.high);
    }
    expect(at95.map((e) => e.method)).toEqual(["poisson-binomial", "monte-carlo"]);
    expect(at95[1]?.how).toMatch(/1000 simulated windows \(seed 42\)/);
  });

  it("draw each row's class from the gate's seeded generator, so an interval can be replayed anywhere", () => {
    // One row predicted "a" with P(a) = 0.3: it is right in a simulated window exactly when that window's 32 random
    // bits, as a fraction of 2^32, fall below 0.3.
    const rows = {
      classes: ["a", "b"],
      probabilities: [Float64Array.of(0.3), Float64Array.of(0.7)],
      predicted: Int32Array.of(0),
      positive: 1,
    };
    const drawn = simulateRealisedMetrics(rows, null, ["accuracy"], 500, 11).get("accuracy");
    const random = new Random(11);
    const replayed = Float64Array.from({ length: 500 }, () => (random.nextUint32() / 2 ** 32 < 0.3 ? 1 : 0));
    expect(drawn).toEqual(replayed);
  });

  it("are reproduced by the same seed and moved by another", () => {
    const window = binaryWindow(8, 400);
    const input = binary(window.predictions, [...window.scores], ["f1"]);
    const interval = (seed: number) => estimatePerformance({ ...input, seed }).estimates[0]?.interval;
    expect(interval(5)).toEqual(interval(5));
    expect(interval(5)).not.toEqual(interval(6));
  });
});

describe("what CBPE refuses, with a reason", () => {
  const window = binaryWindow(9, 50);
  const refused = (metrics: string[], input: CbpeInput = binary(window.predictions, [...window.scores], metrics)) =>
    estimatePerformance({ ...input, metrics }).unavailable;

  it("calibration metrics, which it assumes", () => {
    const reasons = refused(["log_loss", "brier_score", "expected_calibration_error"]);
    expect(Object.keys(reasons)).toEqual(["log_loss", "brier_score", "expected_calibration_error"]);
    for (const reason of Object.values(reasons)) expect(reason).toMatch(/calibrated/);
  });

  it("regression, custom and unsupported metrics", () => {
    const reasons = refused(["mae", "my_metric", "average_precision", "roc_auc_ovo"]);
    expect(reasons.mae).toMatch(/regressor/);
    expect(reasons.my_metric).toMatch(/built-in/);
    expect(reasons.average_precision).toMatch(/realised/);
    expect(reasons.roc_auc_ovo).toMatch(/one-vs-one/);
  });

  it("binary metrics of a multiclass classifier, and a class the scores are not for", () => {
    const multiclass: CbpeInput = {
      predictions: new Array<string>(200).fill("a"),
      scores: {
        kind: "multiclass",
        probabilities: { classes: ["a", "b", "c"], columns: [0.5, 0.3, 0.2].map((p) => new Float64Array(200).fill(p)) },
      },
      metrics: [],
    };
    const reasons = refused(["f1", "recall[d]", "recall[b]"], multiclass);
    expect(reasons.f1).toMatch(/f1_macro/);
    expect(reasons["recall[d]"]).toMatch(/"d" is not one of the classes/);
    expect(reasons["recall[b]"]).toBeUndefined();
  });

  it("every metric of a window with no rows", () => {
    expect(refused(["accuracy", "f1"], binary([], [], []))).toEqual({
      accuracy: "the window has no rows",
      f1: "the window has no rows",
    });
  });
});

describe("input CBPE rejects, naming the row", () => {
  it("a score that is not a probability", () => {
    const reject = () => estimatePerformance(binary(["yes", "no"], [0.4, 1.7], ["accuracy"]));
    expect(reject).toThrow(InputError);
    expect(reject).toThrow("row 2: the score 1.7 is not a probability between 0 and 1");
  });

  it("a prediction that is not one of the classes", () => {
    expect(() => estimatePerformance(binary(["yes", "maybe"], [0.4, 0.5], ["accuracy"]))).toThrow(
      /row 2: the prediction "maybe" is not one of the classes the scores are for \("no", "yes"\)/,
    );
  });

  it("class probabilities that do not sum to 1", () => {
    const input: CbpeInput = {
      predictions: ["a"],
      scores: {
        kind: "multiclass",
        probabilities: { classes: ["a", "b", "c"], columns: [[0.5], [0.3], [0.3]].map((c) => Float64Array.from(c)) },
      },
      metrics: ["accuracy"],
    };
    expect(() => estimatePerformance(input)).toThrow(InputError);
  });

  it("a class probability outside [0, 1], even when the row sums to 1", () => {
    const input: CbpeInput = {
      predictions: ["a"],
      scores: {
        kind: "multiclass",
        probabilities: { classes: ["a", "b", "c"], columns: [[1.2], [-0.1], [-0.1]].map((c) => Float64Array.from(c)) },
      },
      metrics: ["accuracy"],
    };
    expect(() => estimatePerformance(input)).toThrow("row 1: the class probability 1.2 is not between 0 and 1");
  });

  it("probabilities for fewer than two classes, or a column per class missing", () => {
    const input = (classes: string[], columns: number[][]): CbpeInput => ({
      predictions: ["a"],
      scores: { kind: "multiclass", probabilities: { classes, columns: columns.map((c) => Float64Array.from(c)) } },
      metrics: ["accuracy"],
    });
    expect(() => estimatePerformance(input(["a"], [[1]]))).toThrow(/two or more distinct classes/);
    expect(() => estimatePerformance(input(["a", "b"], [[1]]))).toThrow(/two or more distinct classes/);
    expect(() => estimatePerformance(input(["a", "a"], [[0.5], [0.5]]))).toThrow(/two or more distinct classes/);
  });
});
