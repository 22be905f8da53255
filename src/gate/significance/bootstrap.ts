import { claimsFor, type DrawJob, resampleDrawer, type StatisticSource } from "./draw-job.ts";
import { drawResamples, drawThreadsFor } from "./draw-threads.ts";
import { cellLookup, interleave, resampleStates, typedArray } from "./draws.ts";
import { inSharedMemory } from "./paired-data.ts";
import { lemireThreshold } from "./random.ts";
import type { PairedStatistic } from "./statistics.ts";

/**
 * The paired bootstrap (DOMAIN.md §2): draw n rows with replacement, compute the metric of BOTH models on the same
 * drawn rows, keep the difference; repeat. The percentile interval of those differences is the interval of the
 * delta, candidate minus baseline (or relative to the baseline, as the rule says). Seeded, so a re-run of the same
 * predictions gives the same interval. Memory: a few arrays as long as the predictions, plus per resample its delta,
 * its generator state and, while threads draw (MAX_SHARED_OUTPUT), its cell counts or sums; never resamples × rows.
 */

export interface BootstrapSettings {
  resamples: number;
  seed: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

export interface BootstrapInterval {
  low: number;
  high: number;
  level: number;
  resamples: number;
  seed: number;
  /** Resamples where the metric was undefined for either model (e.g. a single class drawn), left out. */
  undefinedResamples: number;
}

/** Above this share of undefined resamples the interval would describe a different population: no interval. */
export const MAX_UNDEFINED_SHARE = 0.05;

export type BootstrapOutcome = { interval: BootstrapInterval } | { unavailable: string };

export function pairedBootstrap(
  statistic: PairedStatistic,
  n: number,
  settings: BootstrapSettings,
  relative: boolean,
  source?: StatisticSource,
): BootstrapOutcome {
  const deltas = bootstrapDeltas(statistic, n, settings, relative, source);
  const defined = deltas.filter((value) => !Number.isNaN(value)).sort();
  const undefinedResamples = deltas.length - defined.length;
  if (defined.length === 0 || undefinedResamples > MAX_UNDEFINED_SHARE * deltas.length) {
    return {
      unavailable: `the metric${relative ? " or its relative change" : ""} is undefined in ${undefinedResamples} of ${deltas.length} resamples (too few rows of some class)`,
    };
  }
  const tail = (1 - settings.level) / 2;
  return {
    interval: {
      low: quantile(defined, tail),
      high: quantile(defined, 1 - tail),
      level: settings.level,
      resamples: settings.resamples,
      seed: settings.seed,
      undefinedResamples,
    },
  };
}

/**
 * One delta per resample (NaN where undefined), in resample order. Resample r draws from the seed's stream jumped r
 * times (draws.ts's resampleStates), so resamples are drawn on every core (draw-threads.ts) with the same result as on
 * one: the label metrics' counts and the mean losses' sums always, a statistic of per-row counts (ranking metrics,
 * medians, R²) when `source` says what it was built from, so each thread can build it too. `threads` overrides how
 * many threads draw (tests).
 */
export function bootstrapDeltas(
  statistic: PairedStatistic,
  n: number,
  settings: Pick<BootstrapSettings, "resamples" | "seed"> & { threads?: number },
  relative: boolean,
  source?: StatisticSource,
): Float64Array {
  const { resamples } = settings;
  const threshold = lemireThreshold(n);
  const deltas = new Float64Array(resamples);
  const delta = ([candidate, baseline]: [number, number]): number =>
    relative ? (baseline === 0 ? Number.NaN : (candidate - baseline) / Math.abs(baseline)) : candidate - baseline;
  if (statistic.family === "weights") {
    const threads = source ? (settings.threads ?? drawThreadsFor(n * resamples, "weights")) : 1;
    const shared = threads > 1;
    const job: DrawJob = {
      family: "weights",
      n,
      threshold,
      first: 0,
      count: resamples,
      states: resampleStates(settings.seed, resamples, shared),
      claims: claimsFor(resamples, shared),
      source: source && shared ? { ...source, data: inSharedMemory(source.data) } : null,
      values: typedArray(Float64Array, 2 * resamples, shared),
    };
    drawResamples(job, threads, { finalize: (weights) => statistic.finalize(weights) });
    const values = job.values;
    for (let r = 0; r < resamples; r++) deltas[r] = delta([values[2 * r]!, values[2 * r + 1]!]);
    return deltas;
  }
  // Threads draw every resample in one job, its outputs side by side (a few values each); outputs that would take more
  // memory than that is worth (label cells of many classes) are drawn here one resample at a time.
  const width = statistic.family === "cells" ? statistic.cells : 2;
  const wanted = settings.threads ?? drawThreadsFor(n * resamples, statistic.family);
  const threads = width * resamples <= MAX_SHARED_OUTPUT ? wanted : 1;
  const shared = threads > 1;
  const batch = shared ? resamples : 1;
  const base = {
    n,
    threshold,
    first: 0,
    count: batch,
    states: resampleStates(settings.seed, resamples, shared),
    claims: claimsFor(batch, shared),
  };
  // The job, and how a slot of its output becomes the statistic's [candidate, baseline].
  let job: DrawJob;
  let valueOf: (slot: number) => [number, number];
  if (statistic.family === "cells") {
    const counts = typedArray(Int32Array, width * batch, shared);
    job = { ...base, family: "cells", cells: width, lookup: cellLookup(statistic.codes, width, n), counts };
    valueOf = shared
      ? (slot) => statistic.finalize(counts.subarray(slot * width, (slot + 1) * width))
      : () => statistic.finalize(counts);
  } else {
    const sums = typedArray(Float64Array, width * batch, shared);
    job = { ...base, family: "sums", pairs: interleave(statistic.columns, n, shared), sums };
    valueOf = shared
      ? (slot) => statistic.finalize(sums.subarray(slot * width, (slot + 1) * width), n)
      : () => statistic.finalize(sums, n);
  }
  if (shared) {
    drawResamples(job, threads);
    for (let r = 0; r < resamples; r++) deltas[r] = delta(valueOf(r));
  } else {
    // One resample at a time into the job's one slot (a small sample's resamples cost microseconds each).
    const draw = resampleDrawer(job);
    for (let r = 0; r < resamples; r++) {
      job.first = r;
      draw(0);
      deltas[r] = delta(valueOf(0));
    }
  }
  return deltas;
}

/** Values (cell counts or sums) all resamples' outputs may hold at once for threads to share them: 16 MiB of counts. */
const MAX_SHARED_OUTPUT = 4 * 1024 * 1024;

/** numpy.quantile's default ("linear", type 7) of ascending values, with numpy's two-sided interpolation. */
export function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const a = sorted[below] ?? Number.NaN;
  const b = sorted[Math.min(below + 1, sorted.length - 1)] ?? a;
  const t = position - below;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}
