import { lemireThreshold, Random } from "./random.ts";
import type { PairedStatistic } from "./statistics.ts";

/**
 * The paired bootstrap (DOMAIN.md §2): draw n rows with replacement, compute the metric of BOTH models on the same
 * drawn rows, keep the difference; repeat. The percentile interval of those differences is the interval of the
 * delta, candidate minus baseline (or relative to the baseline, as the rule says). Seeded, so a re-run of the same
 * predictions gives the same interval. Memory: a few arrays as long as the predictions plus one number per resample,
 * never a resamples × rows matrix.
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
): BootstrapOutcome {
  const deltas = bootstrapDeltas(statistic, n, settings, relative);
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

/** One delta per resample (NaN where undefined), in resample order. */
export function bootstrapDeltas(
  statistic: PairedStatistic,
  n: number,
  settings: Pick<BootstrapSettings, "resamples" | "seed">,
  relative: boolean,
): Float64Array {
  const random = new Random(settings.seed);
  const threshold = lemireThreshold(n);
  const deltas = new Float64Array(settings.resamples);
  const delta = ([candidate, baseline]: [number, number]): number =>
    relative ? (baseline === 0 ? Number.NaN : (candidate - baseline) / Math.abs(baseline)) : candidate - baseline;
  // One loop per family, each monomorphic, so the draw and the accumulation stay in one tight compiled loop.
  switch (statistic.family) {
    case "cells": {
      const { codes } = statistic;
      const counts = new Uint32Array(statistic.cells);
      for (let r = 0; r < settings.resamples; r++) {
        counts.fill(0);
        for (let j = 0; j < n; j++) {
          const cell = codes[random.below(n, threshold)] ?? 0;
          counts[cell] = (counts[cell] ?? 0) + 1;
        }
        deltas[r] = delta(statistic.finalize(counts));
      }
      break;
    }
    case "sums": {
      const [first, second] = statistic.columns;
      if (!first || !second || statistic.columns.length !== 2) throw new Error("a sums statistic has two columns");
      const sums = new Float64Array(2);
      for (let r = 0; r < settings.resamples; r++) {
        let a = 0;
        let b = 0;
        for (let j = 0; j < n; j++) {
          const i = random.below(n, threshold);
          a += first[i] ?? 0;
          b += second[i] ?? 0;
        }
        sums[0] = a;
        sums[1] = b;
        deltas[r] = delta(statistic.finalize(sums, n));
      }
      break;
    }
    case "weights": {
      const weights = new Uint32Array(n);
      for (let r = 0; r < settings.resamples; r++) {
        weights.fill(0);
        for (let j = 0; j < n; j++) {
          const i = random.below(n, threshold);
          weights[i] = (weights[i] ?? 0) + 1;
        }
        deltas[r] = delta(statistic.finalize(weights));
      }
      break;
    }
  }
  return deltas;
}

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
