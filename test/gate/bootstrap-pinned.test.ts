import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bootstrapDeltas } from "../../src/gate/significance/bootstrap.ts";
import type { PairedData } from "../../src/gate/significance/paired-data.ts";
import { Random } from "../../src/gate/significance/random.ts";
import { pairedStatistic } from "../../src/gate/significance/statistics.ts";

/**
 * The bootstrap's every delta, bit for bit, as the kit computed them before its draw loops were rewritten for speed
 * (issue 22): a faster loop must draw the same rows from the same stream and count them the same way. The digests are
 * sha256 over each case's Float64Array of deltas, recorded from the draw loops of commit 1f8ab21; the cases cover each
 * family (cells, sums, weights), binary and multiclass label cells (8, 27 and 1,728 cells, so draws land in table
 * slices that straddle a cell boundary), a power-of-two row count (no rejected draws), a relative delta and a
 * statistic that is undefined on some resamples.
 */

/** Two correlated models over n rows of k classes (codes), with P(class k-1) scores for the binary ones. */
function classification(n: number, k: number, seed: number): PairedData {
  const random = new Random(seed);
  const uniform = (): number => random.nextUint32() / 4294967296;
  const truth = new Int32Array(n);
  const candidate = new Int32Array(n);
  const baseline = new Int32Array(n);
  const candidateScores = new Float64Array(n);
  const baselineScores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Skewed classes, so cells have very different sizes and some are empty.
    const t = Math.min(k - 1, Math.floor(k * uniform() ** 1.7));
    truth[i] = t;
    const guess = (right: number): number => (uniform() < right ? t : Math.floor(k * uniform()));
    candidate[i] = guess(0.8);
    baseline[i] = guess(0.75);
    const base = Math.min(1, Math.max(0, 0.3 * (t === k - 1 ? 1 : 0) + 0.7 * uniform()));
    baselineScores[i] = Math.round(base * 1000) / 1000;
    candidateScores[i] = Math.round(Math.min(1, Math.max(0, base + 0.2 * (uniform() - 0.45))) * 1000) / 1000;
  }
  return {
    task: "classification",
    n,
    classes: Array.from({ length: k }, (_, c) => `c${String(c).padStart(2, "0")}`),
    truth,
    candidate,
    baseline,
    positive: k - 1,
    candidateScores: k === 2 ? candidateScores : null,
    baselineScores: k === 2 ? baselineScores : null,
    probabilityClasses: null,
    candidateProbabilities: null,
    baselineProbabilities: null,
  };
}

function regression(n: number, seed: number): PairedData {
  const random = new Random(seed);
  const uniform = (): number => random.nextUint32() / 4294967296;
  const truth = Float64Array.from({ length: n }, () => 10 * uniform());
  return {
    task: "regression",
    n,
    truth,
    candidate: truth.map((y) => y + uniform() - 0.5),
    baseline: truth.map((y) => y + 1.2 * (uniform() - 0.5)),
  };
}

const cases: {
  name: string;
  metric: string;
  data: PairedData;
  resamples: number;
  relative: boolean;
  sha256: string;
}[] = [
  {
    name: "binary accuracy, 8 cells",
    metric: "accuracy",
    data: classification(20_011, 2, 1),
    resamples: 40,
    relative: false,
    sha256: "5342e27540cbed11f6fa72ed4ea15f5cd3cb575dc0913f58bae93ff0b476a795",
  },
  {
    name: "binary f1, relative",
    metric: "f1",
    data: classification(20_011, 2, 2),
    resamples: 40,
    relative: true,
    sha256: "2c485ccf3c4fb7fe07241f875c4f6f9de17c263409e8008c500fac540284b255",
  },
  {
    name: "binary precision on 3 rows (undefined resamples)",
    metric: "precision",
    data: classification(3, 2, 3),
    resamples: 60,
    relative: false,
    sha256: "dccfd714f28402ff61708182127732c7536cc838a5034f189b53a824dc2d8d31",
  },
  {
    name: "binary accuracy on 4,096 rows (no rejections)",
    metric: "accuracy",
    data: classification(4096, 2, 4),
    resamples: 30,
    relative: false,
    sha256: "a7fd4aa2f76b42079873516b04ac9d0a7611f6d905aca223edafaa82292552d6",
  },
  {
    name: "3 classes f1_macro, 27 cells",
    metric: "f1_macro",
    data: classification(9001, 3, 5),
    resamples: 30,
    relative: false,
    sha256: "e577e78301461e2371e37300bf36d30f4b24469e735c1751650a9c2a34fec20b",
  },
  {
    name: "12 classes accuracy, 1,728 cells",
    metric: "accuracy",
    data: classification(3001, 12, 6),
    resamples: 20,
    relative: false,
    sha256: "bc927b4822bf4b7b6101f255b9fd8cb8b40e08b5eea9c7b362adc983f77c376a",
  },
  {
    name: "binary log loss (sums)",
    metric: "log_loss",
    data: classification(5003, 2, 7),
    resamples: 30,
    relative: false,
    sha256: "153f5d64ee52bbe38cc009bf4750fc32ffffac8354cb1a5972a3caa89488a3ae",
  },
  {
    name: "binary ROC AUC (weights)",
    metric: "roc_auc",
    data: classification(4099, 2, 8),
    resamples: 20,
    relative: false,
    sha256: "8c07de9c8cf05fbed2d8b5807967ee1d7bb8ee1e8b84521dfac56e63582ee8d0",
  },
  {
    name: "regression MAE (sums)",
    metric: "mae",
    data: regression(5003, 9),
    resamples: 30,
    relative: false,
    sha256: "861221c28825ff759f15e63269d4e2bdf00e472a0c7d2a1916bc637a6d5d99d0",
  },
  {
    name: "regression R² (weights)",
    metric: "r2",
    data: regression(3001, 10),
    resamples: 20,
    relative: true,
    sha256: "cf0c0c3abbae71dd6dbc9cb05072c9ac30264c0cc4eaba85c0302843a53e9bec",
  },
];

describe("the bootstrap's deltas stay bit-identical", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const built = pairedStatistic(c.metric, c.data);
    if (!("statistic" in built)) throw new Error(built.unavailable);
    const deltas = bootstrapDeltas(built.statistic, c.data.n, { resamples: c.resamples, seed: 42 }, c.relative);
    expect(createHash("sha256").update(new Uint8Array(deltas.buffer)).digest("hex")).toBe(c.sha256);
  });
});
