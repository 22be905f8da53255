import { type CellLookup, countCells, drawSums, drawWeights, typedArray } from "./draws.ts";
import type { PairedData } from "./paired-data.ts";
import { Random } from "./random.ts";

/**
 * Resamples of a bootstrap, drawn by one thread or several (draw-threads.ts). Each resample has a generator state of
 * its own (draws.ts's resampleStates), so it is the same draws whoever draws it: a thread claims the next resample
 * nobody has taken (an atomic counter), draws it, writes what it accumulated into its slot of the job's output (the
 * resample's cell counts, or its two sums) and marks it done. The statistic itself (a closure) stays with the caller,
 * which finalizes each slot once the job is done (a weights job's threads finalize themselves: WeightsJob). The arrays
 * are shared memory when several threads draw.
 */
export type DrawJob = CellsJob | SumsJob | WeightsJob;

interface JobBase {
  n: number;
  /** lemireThreshold(n). */
  threshold: number;
  /** The resamples of this job: `count` of them from resample `first` on (the output's slot i is resample first + i). */
  first: number;
  count: number;
  /** Four words per resample of the whole bootstrap: the generator state it starts from. */
  states: Int32Array;
  /** [0]: the next slot to claim; [1 + i]: 1 once slot i's output is written. */
  claims: Int32Array;
}

export interface CellsJob extends JobBase {
  family: "cells";
  cells: number;
  lookup: CellLookup;
  /** `cells` counts per slot. */
  counts: Int32Array;
}

export interface SumsJob extends JobBase {
  family: "sums";
  /** The statistic's two per-row columns, interleaved (draws.ts's interleave). */
  pairs: Float64Array;
  /** Two sums per slot. */
  sums: Float64Array;
}

/**
 * A statistic that needs every row's count (ranking metrics, medians, R²) is finalized where its resample is drawn:
 * each thread builds it again from what it was built from (pairedStatistic(metric, data); the same code on the same
 * data, so the same values), and writes the resample's [candidate, baseline].
 */
export interface WeightsJob extends JobBase {
  family: "weights";
  /** Null when only this thread draws (it has the statistic). */
  source: StatisticSource | null;
  /** [candidate, baseline] per slot. */
  values: Float64Array;
}

/** What a paired statistic was built from: pairedStatistic(metric, data) builds it again, in another thread too. */
export interface StatisticSource {
  metric: string;
  data: PairedData;
}

/** A claims array for jobs of up to `count` resamples (shared when other threads draw too). */
export function claimsFor(count: number, shared: boolean): Int32Array {
  return typedArray(Int32Array, 1 + count, shared);
}

/**
 * One thread's share: resamples drawn until none is left to claim. Returns how many this thread drew. A weights job
 * needs its statistic's `finalize` (the thread builds it from the job's source).
 */
export function drawClaimed(job: DrawJob, finalize?: WeightsFinalize): number {
  const drawer = resampleDrawer(job, finalize);
  let drawn = 0;
  for (;;) {
    const slot = Atomics.add(job.claims, 0, 1);
    if (slot >= job.count) return drawn;
    drawer(slot);
    drawn++;
  }
}

/**
 * A function that draws the resample of a slot and writes its output: into this thread's own accumulator first,
 * copied into the job's output at the end, so output is only ever written whole (a resample drawn twice, by a thread
 * that gave up waiting for another, writes the same values).
 */
export function resampleDrawer(job: DrawJob, finalize?: WeightsFinalize): (slot: number) => void {
  const random = new Random(0);
  const state = random.state;
  const { states } = job;
  const start = (slot: number): void => {
    const at = 4 * (job.first + slot);
    state[0] = states[at]!;
    state[1] = states[at + 1]!;
    state[2] = states[at + 2]!;
    state[3] = states[at + 3]!;
  };
  const mark = (slot: number): void => {
    Atomics.store(job.claims, 1 + slot, 1);
    Atomics.notify(job.claims, 1 + slot);
  };
  if (job.family === "cells") {
    const counts = new Int32Array(job.cells);
    return (slot) => {
      start(slot);
      counts.fill(0);
      countCells(random, job.n, job.threshold, job.lookup, counts);
      job.counts.set(counts, slot * job.cells);
      mark(slot);
    };
  }
  if (job.family === "sums") {
    const sums = new Float64Array(2);
    return (slot) => {
      start(slot);
      drawSums(state[0]!, state[1]!, state[2]!, state[3]!, job.n, job.threshold, job.pairs, sums, state);
      job.sums.set(sums, 2 * slot);
      mark(slot);
    };
  }
  if (!finalize) throw new Error("a weights job is drawn with its statistic's finalize");
  const weights = new Int32Array(job.n);
  return (slot) => {
    start(slot);
    weights.fill(0);
    drawWeights(state[0]!, state[1]!, state[2]!, state[3]!, job.n, job.threshold, weights, state);
    job.values.set(finalize(weights), 2 * slot);
    mark(slot);
  };
}

/** A weights statistic's finalize: [candidate, baseline] of a resample, from each row's count. */
export type WeightsFinalize = (weights: Int32Array) => [number, number];
