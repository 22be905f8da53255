import { once } from "node:events";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { claimsFor, type DrawJob, type WeightsJob } from "../../src/gate/significance/draw-job.ts";
import { drawResamples, startDrawThread } from "../../src/gate/significance/draw-threads.ts";
import { cellLookup, interleave, resampleStates } from "../../src/gate/significance/draws.ts";
import { inSharedMemory, type PairedData } from "../../src/gate/significance/paired-data.ts";
import { lemireThreshold, Random } from "../../src/gate/significance/random.ts";
import { pairedStatistic } from "../../src/gate/significance/statistics.ts";
import { REPO } from "../helpers/temp.ts";

/**
 * The bootstrap's resamples drawn by several threads (draw-threads.ts): a thread of the kit's draws from shared memory
 * exactly what this one would, resample by resample; several share the work with the same output as one; a resample
 * another thread claimed and never wrote (a thread that died) is drawn here after the wait.
 */

const SEED = 7;

/** Rows of 27 cells (three classes) with skewed sizes, so some draws land in slices straddling a cell boundary. */
function codesOf(n: number): Uint8Array {
  const random = new Random(11);
  return Uint8Array.from({ length: n }, () => Math.min(26, Math.floor(27 * (random.nextUint32() / 2 ** 32) ** 2)));
}

function cellsJob(n: number, resamples: number, shared: boolean): DrawJob & { family: "cells" } {
  const cells = 27;
  const bytes = cells * resamples * 4;
  return {
    family: "cells",
    n,
    threshold: lemireThreshold(n),
    first: 0,
    count: resamples,
    states: resampleStates(SEED, resamples, shared),
    claims: claimsFor(resamples, shared),
    cells,
    lookup: cellLookup(codesOf(n), cells, n),
    counts: new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)),
  };
}

function sumsJob(n: number, resamples: number, shared: boolean): DrawJob & { family: "sums" } {
  const random = new Random(3);
  const column = (): Float64Array => Float64Array.from({ length: n }, () => random.nextUint32() / 2 ** 32);
  const bytes = 2 * resamples * 8;
  return {
    family: "sums",
    n,
    threshold: lemireThreshold(n),
    first: 0,
    count: resamples,
    states: resampleStates(SEED, resamples, shared),
    claims: claimsFor(resamples, shared),
    pairs: interleave([column(), column()], n, shared),
    sums: new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)),
  };
}

/** Two binary classifiers' scores over n rows (the candidate a noisy copy of the baseline). */
function scored(n: number): PairedData {
  const random = new Random(5);
  const uniform = (): number => random.nextUint32() / 2 ** 32;
  const truth = new Uint8Array(n);
  const candidateScores = new Float64Array(n);
  const baselineScores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    truth[i] = uniform() < 0.4 ? 1 : 0;
    baselineScores[i] = Math.round(Math.min(1, 0.3 * truth[i]! + 0.7 * uniform()) * 1000) / 1000;
    candidateScores[i] =
      Math.round(Math.min(1, Math.max(0, baselineScores[i]! + 0.2 * (uniform() - 0.45))) * 1000) / 1000;
  }
  const predicted = (scores: Float64Array): Uint8Array => Uint8Array.from(scores, (score) => (score >= 0.5 ? 1 : 0));
  return {
    task: "classification",
    n,
    classes: ["0", "1"],
    truth,
    candidate: predicted(candidateScores),
    baseline: predicted(baselineScores),
    positive: 1,
    candidateScores,
    baselineScores,
    probabilityClasses: null,
    candidateProbabilities: null,
    baselineProbabilities: null,
  };
}

function weightsJob(data: PairedData, metric: string, resamples: number, shared: boolean): WeightsJob {
  return {
    family: "weights",
    n: data.n,
    threshold: lemireThreshold(data.n),
    first: 0,
    count: resamples,
    states: resampleStates(SEED, resamples, shared),
    claims: claimsFor(resamples, shared),
    source: shared ? { metric, data: inSharedMemory(data) } : null,
    values: shared ? new Float64Array(new SharedArrayBuffer(16 * resamples)) : new Float64Array(2 * resamples),
  };
}

const outputOf = (job: DrawJob): Int32Array | Float64Array =>
  job.family === "cells" ? job.counts : job.family === "sums" ? job.sums : job.values;

describe("resamples drawn on other threads", () => {
  it.each([
    ["cell counts", (shared: boolean) => cellsJob(50_000, 40, shared)],
    ["sums", (shared: boolean) => sumsJob(50_000, 40, shared)],
  ] as const)("a drawing thread writes the %s this thread draws, resample by resample", async (_what, job) => {
    const here = job(false);
    expect(drawResamples(here, 1)).toBe(40);
    const shared = job(true);
    const thread = startDrawThread(shared);
    expect(await once(thread, "exit")).toEqual([0]);
    expect(Array.from(shared.claims.subarray(1))).toEqual(new Array(40).fill(1));
    expect(outputOf(shared)).toEqual(outputOf(here));
  });

  it.each(["roc_auc", "average_precision"])(
    "a drawing thread builds the %s statistic from its source and writes what this thread finalizes",
    async (metric) => {
      const data = scored(30_000);
      const built = pairedStatistic(metric, data);
      if (!("statistic" in built) || built.statistic.family !== "weights") throw new Error(`${metric}: no weights`);
      const here = weightsJob(data, metric, 12, false);
      const { statistic } = built;
      drawResamples(here, 1, { finalize: (weights) => statistic.finalize(weights) });
      const shared = weightsJob(data, metric, 12, true);
      const thread = startDrawThread(shared);
      expect(await once(thread, "exit")).toEqual([0]);
      expect(Array.from(shared.claims.subarray(1))).toEqual(new Array(12).fill(1));
      expect(shared.values).toEqual(here.values);
      expect(here.values.every((value) => value > 0.5 && value < 1)).toBe(true);
    },
  );

  it("the bundle's thread entry (dist/draw-worker.js, as the actions and the CLI start it) writes the same", async () => {
    const here = cellsJob(30_000, 20, false);
    drawResamples(here, 1);
    const shared = cellsJob(30_000, 20, true);
    const thread = new Worker(path.join(REPO, "dist/draw-worker.js"), { workerData: shared });
    expect(await once(thread, "exit"), "run `npm run build`").toEqual([0]);
    expect(shared.counts).toEqual(here.counts);
  });

  it("several threads draw the same output as one", () => {
    const one = cellsJob(200_000, 200, false);
    drawResamples(one, 1);
    const three = cellsJob(200_000, 200, true);
    drawResamples(three, 3);
    expect(three.counts).toEqual(one.counts);
  });

  it("draws here a resample another thread claimed and never wrote", () => {
    const one = sumsJob(20_000, 12, false);
    drawResamples(one, 1);
    const job = sumsJob(20_000, 12, true);
    // Resamples 0-2 claimed by a thread that is gone: nothing will ever write them.
    job.claims[0] = 3;
    expect(drawResamples(job, 2, { patience: 20 })).toBeGreaterThanOrEqual(3);
    expect(job.sums).toEqual(one.sums);
  });
});
