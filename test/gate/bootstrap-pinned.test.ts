import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bootstrapDeltas } from "../../src/gate/significance/bootstrap.ts";
import type { PairedData } from "../../src/gate/significance/paired-data.ts";
import { Random } from "../../src/gate/significance/random.ts";
import { pairedStatistic } from "../../src/gate/significance/statistics.ts";

/**
 * The bootstrap's every delta, bit for bit (issue 22): a faster loop must draw the same rows from the same stream and
 * count them the same way, on one thread or several. The digests are sha256 over each case's Float64Array of deltas,
 * recorded when each resample got a stream of its own (the seed's stream jumped r times, so threads can share the
 * resamples; the draw loops were those of commit 1f8ab21, and test/fixtures/gate/generate.py replays the new streams
 * against scikit-learn resample by resample); the cases cover each
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
    sha256: "00fe294c6a282a2f8f15a9f25a701c0099f2eaf7966ae58672209884547d5672",
  },
  {
    name: "binary f1, relative",
    metric: "f1",
    data: classification(20_011, 2, 2),
    resamples: 40,
    relative: true,
    sha256: "33af956006d710e5e52c397f245105f55a44715be2613ae6289df9280579f43b",
  },
  {
    name: "binary precision on 3 rows (undefined resamples)",
    metric: "precision",
    data: classification(3, 2, 3),
    resamples: 60,
    relative: false,
    sha256: "a3e2732391bba12a7646ee529100b9f1c8968fd9c72d64ac4d5ad950fcb8ed10",
  },
  {
    name: "binary accuracy on 4,096 rows (no rejections)",
    metric: "accuracy",
    data: classification(4096, 2, 4),
    resamples: 30,
    relative: false,
    sha256: "80fed16624022b025510b17507570a4dde1dac8d682bb72b67d94a39027114b4",
  },
  {
    name: "3 classes f1_macro, 27 cells",
    metric: "f1_macro",
    data: classification(9001, 3, 5),
    resamples: 30,
    relative: false,
    sha256: "89abb60f44eb1a5f728d04f305aa10e95a80e4eafc3e1f14662498cfd1c038cb",
  },
  {
    name: "12 classes accuracy, 1,728 cells",
    metric: "accuracy",
    data: classification(3001, 12, 6),
    resamples: 20,
    relative: false,
    sha256: "11641a072e44903bc63c8a57587de45596a44379f84707860e4f73b787f58595",
  },
  {
    name: "binary log loss (sums)",
    metric: "log_loss",
    data: classification(5003, 2, 7),
    resamples: 30,
    relative: false,
    sha256: "8711c76f46c676455fc97eb3173a99db4e57153458158798aa66da04ed7f8a4a",
  },
  {
    name: "binary ROC AUC (weights)",
    metric: "roc_auc",
    data: classification(4099, 2, 8),
    resamples: 20,
    relative: false,
    sha256: "c6586fc4d75ba39e7abef3e85d0aff65626afc87ec57f5b8cf07ee8e6615926e",
  },
  {
    name: "regression MAE (sums)",
    metric: "mae",
    data: regression(5003, 9),
    resamples: 30,
    relative: false,
    sha256: "8d83797c4133e3d060271ceab01909c339e169cdaafcda7d79983b1bddc6f0d1",
  },
  {
    name: "regression R² (weights)",
    metric: "r2",
    data: regression(3001, 10),
    resamples: 20,
    relative: true,
    sha256: "3fa9fac77f6ae891d6f10dbe20fe325d483a52acc79afb4151ff856f45074ac0",
  },
];

describe("the bootstrap's deltas stay bit-identical", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const built = pairedStatistic(c.metric, c.data);
    if (!("statistic" in built)) throw new Error(built.unavailable);
    const deltas = bootstrapDeltas(built.statistic, c.data.n, { resamples: c.resamples, seed: 42 }, c.relative);
    expect(createHash("sha256").update(new Uint8Array(deltas.buffer)).digest("hex")).toBe(c.sha256);
  });

  // Drawn on every core for big predictions (draw-threads.ts): a ranking metric's statistic (weights) is built again
  // in each thread from what it was built from.
  it.each(cases.map((c) => [c.name, c] as const))("%s, on two threads", (_name, c) => {
    const built = pairedStatistic(c.metric, c.data);
    if (!("statistic" in built)) throw new Error(built.unavailable);
    const settings = { resamples: c.resamples, seed: 42, threads: 2 };
    const source = { metric: c.metric, data: c.data };
    const deltas = bootstrapDeltas(built.statistic, c.data.n, settings, c.relative, source);
    expect(createHash("sha256").update(new Uint8Array(deltas.buffer)).digest("hex")).toBe(c.sha256);
  });
});
