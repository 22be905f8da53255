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
  const state = new Random(settings.seed).state;
  const threshold = lemireThreshold(n);
  const deltas = new Float64Array(settings.resamples);
  const delta = ([candidate, baseline]: [number, number]): number =>
    relative ? (baseline === 0 ? Number.NaN : (candidate - baseline) / Math.abs(baseline)) : candidate - baseline;
  switch (statistic.family) {
    case "cells": {
      const { table, thresholds } = cellLookup(statistic.codes, statistic.cells, n);
      const counts = new Int32Array(statistic.cells);
      for (let r = 0; r < settings.resamples; r++) {
        counts.fill(0);
        drawCells(state, n, threshold, table, thresholds, counts);
        deltas[r] = delta(statistic.finalize(counts));
      }
      break;
    }
    case "sums": {
      const pairs = interleave(statistic.columns, n);
      const sums = new Float64Array(2);
      for (let r = 0; r < settings.resamples; r++) {
        drawSums(state, n, threshold, pairs, sums);
        deltas[r] = delta(statistic.finalize(sums, n));
      }
      break;
    }
    case "weights": {
      const weights = new Int32Array(n);
      for (let r = 0; r < settings.resamples; r++) {
        weights.fill(0);
        drawWeights(state, n, threshold, weights);
        deltas[r] = delta(statistic.finalize(weights));
      }
      break;
    }
  }
  return deltas;
}

/*
 * The draw loops. Each is Random.below inlined, n times, with the generator's state in local variables (a method call
 * per draw costs several times the draw, and 1,000 resamples of a million rows are a billion draws). x stays a signed
 * 32-bit integer, the same bits as the unsigned draw, so V8 keeps it in a register; `>>> 0` makes it unsigned only
 * where arithmetic needs the value. The loops are small, separate functions so each compiles tight.
 */

/** Counts, per cell, n draws of rows taken in cell order (see cellLookup). */
function drawCells(
  state: Int32Array,
  n: number,
  threshold: number,
  table: Int32Array,
  thresholds: Float64Array,
  counts: Int32Array,
): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let j = 0; j < n;) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul((times5 << 7) | (times5 >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    if (Math.imul(x, n) >>> 0 < threshold) continue;
    j++;
    let cell = table[x >>> 16]!;
    if (cell < 0) cell = cellAbove(x >>> 0, thresholds);
    counts[cell] = counts[cell]! + 1;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

/** The cell of a draw whose top 16 bits straddle a threshold (rare): the first threshold above it. */
function cellAbove(x: number, thresholds: Float64Array): number {
  let cell = 0;
  while (x >= thresholds[cell]!) cell++;
  return cell;
}

/** Sums two interleaved per-row columns over n drawn rows. */
function drawSums(state: Int32Array, n: number, threshold: number, pairs: Float64Array, sums: Float64Array): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  let a = 0;
  let b = 0;
  for (let j = 0; j < n;) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul((times5 << 7) | (times5 >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const low = Math.imul(x, n) >>> 0;
    if (low < threshold) continue;
    j++;
    const i = Math.round(((x >>> 0) * n - low) / TWO_32);
    a += pairs[2 * i]!;
    b += pairs[2 * i + 1]!;
  }
  sums[0] = a;
  sums[1] = b;
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

/** Counts, per row, how often n draws picked it. */
function drawWeights(state: Int32Array, n: number, threshold: number, weights: Int32Array): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let j = 0; j < n;) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul((times5 << 7) | (times5 >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const low = Math.imul(x, n) >>> 0;
    if (low < threshold) continue;
    j++;
    const i = Math.round(((x >>> 0) * n - low) / TWO_32);
    weights[i] = weights[i]! + 1;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

const TWO_32 = 4294967296;
/** A table entry for a 2^16-wide slice of draws that straddles a cell threshold. */
const SPLIT = -1;

/**
 * Label metrics depend only on how many draws land in each cell, so the rows are taken in cell order (a fixed
 * permutation: by cell, then by row) and a draw's cell follows from its random number alone. The drawn index is the
 * high word of x * n, so "index < end of cell c" is "x < ceil(end * 2^32 / n)": one threshold per cell. A table on
 * x's top 16 bits answers at once for all but the few slices of x that straddle a threshold. This is the same
 * bootstrap as drawing indices into the cell-ordered rows (test/fixtures/gate/generate.py replays it that way).
 */
function cellLookup(codes: Uint32Array, cells: number, n: number): { table: Int32Array; thresholds: Float64Array } {
  const sizes = new Float64Array(cells);
  for (const code of codes) sizes[code] = (sizes[code] ?? 0) + 1;
  const thresholds = new Float64Array(cells);
  let end = 0n;
  for (let c = 0; c < cells; c++) {
    end += BigInt(sizes[c] ?? 0);
    thresholds[c] = Number(((end << 32n) + BigInt(n) - 1n) / BigInt(n));
  }
  const cellOf = (x: number): number => {
    let cell = 0;
    while (x >= (thresholds[cell] ?? TWO_32)) cell++;
    return cell;
  };
  const table = new Int32Array(65536);
  for (let high = 0; high < 65536; high++) {
    const first = cellOf(high * 65536);
    table[high] = first === cellOf(high * 65536 + 65535) ? first : SPLIT;
  }
  return { table, thresholds };
}

/** Two per-row columns side by side, so a draw reads one cache line instead of two. */
function interleave(columns: readonly Float64Array[], n: number): Float64Array {
  const [first, second] = columns;
  if (!first || !second || columns.length !== 2) throw new Error("a sums statistic has two columns");
  const pairs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pairs[2 * i] = first[i] ?? 0;
    pairs[2 * i + 1] = second[i] ?? 0;
  }
  return pairs;
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
