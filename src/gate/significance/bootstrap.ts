import type { Codes } from "../../evaluate/coded.ts";
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
  const state = random.state;
  const threshold = lemireThreshold(n);
  const deltas = new Float64Array(settings.resamples);
  const delta = ([candidate, baseline]: [number, number]): number =>
    relative ? (baseline === 0 ? Number.NaN : (candidate - baseline) / Math.abs(baseline)) : candidate - baseline;
  switch (statistic.family) {
    case "cells": {
      const lookup = cellLookup(statistic.codes, statistic.cells, n);
      const counts = new Int32Array(statistic.cells);
      for (let r = 0; r < settings.resamples; r++) {
        counts.fill(0);
        countCells(random, n, threshold, lookup, counts);
        deltas[r] = delta(statistic.finalize(counts));
      }
      break;
    }
    case "sums": {
      const pairs = interleave(statistic.columns, n);
      const sums = new Float64Array(2);
      for (let r = 0; r < settings.resamples; r++) {
        drawSums(state[0]!, state[1]!, state[2]!, state[3]!, n, threshold, pairs, sums, state);
        deltas[r] = delta(statistic.finalize(sums, n));
      }
      break;
    }
    case "weights": {
      const weights = new Int32Array(n);
      for (let r = 0; r < settings.resamples; r++) {
        weights.fill(0);
        drawWeights(state[0]!, state[1]!, state[2]!, state[3]!, n, threshold, weights, state);
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
 * where arithmetic needs the value.
 *
 * They are written for V8's optimising compiler, which compiles code from the feedback it has gathered so far and
 * deoptimises (falls back to the interpreter) when it reaches code that had not run by then. Issue 22 measured the
 * cost: the first resample's loop was compiled while it ran (on-stack replacement), before its exit had run; in about
 * 40% of runs V8 never replaced that code (the loop's entry had run before V8 kept any feedback, so the fresh
 * compilation deoptimised too), and every later resample ran it, deoptimised at its exit, and took half as long again.
 * So nothing these functions do depends on a rare event having happened before they are compiled:
 * - the generator's state comes in as arguments (no feedback needed on entry) and goes back through `state` at the
 *   one exit, which every call runs;
 * - no code inside a loop runs rarely: a draw that needs more than the cell table stops the loop before it is drawn,
 *   and the caller draws and places it (test/gate/bootstrap-pinned.test.ts holds the deltas to what they were).
 */

/**
 * Counts n draws of rows taken in cell order (see cellLookup) into `counts`: the table places most draws, and this
 * places each draw that lands in a table slice straddling a cell boundary (one in 64 or fewer).
 */
function countCells(random: Random, n: number, threshold: number, lookup: CellLookup, counts: Int32Array): void {
  const { table, shift, thresholds } = lookup;
  const state = random.state;
  for (let left = n; left > 0;) {
    left = drawCells(state[0]!, state[1]!, state[2]!, state[3]!, left, n, threshold, table, shift, counts, state);
    if (left > 0) {
      // drawCells stopped just before a row drawn into a straddling slice: draw it here and place it.
      const cell = cellAbove(random.nextUint32(), thresholds);
      counts[cell] = counts[cell]! + 1;
      left--;
    }
  }
}

/**
 * Counts up to `left` draws into their cells; stops early, before drawing it, at a row whose slice of the table
 * straddles a cell boundary. Returns the draws still to make.
 */
function drawCells(
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  left: number,
  n: number,
  threshold: number,
  table: Uint16Array,
  shift: number,
  counts: Int32Array,
  state: Int32Array,
): number {
  while (left > 0) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul((times5 << 7) | (times5 >>> 25), 9);
    const rejected = Math.imul(x, n) >>> 0 < threshold;
    const cell = table[x >>> shift]!;
    if (cell === STRADDLES && !rejected) break;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    // This order of statements compiled to the fastest loop of those measured (V8 11; issue 22).
    if (!rejected) {
      left--;
      counts[cell] = counts[cell]! + 1;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return left;
}

/** The cell of a draw: the first whose threshold lies above it (a binary search; the last threshold is 2^32). */
function cellAbove(x: number, thresholds: Float64Array): number {
  let low = 0;
  let high = thresholds.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (x < thresholds[middle]!) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Sums two interleaved per-row columns over n drawn rows. */
function drawSums(
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  n: number,
  threshold: number,
  pairs: Float64Array,
  sums: Float64Array,
  state: Int32Array,
): void {
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
function drawWeights(
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  n: number,
  threshold: number,
  weights: Int32Array,
  state: Int32Array,
): void {
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
/** The table entry of a slice of draws that straddles a cell boundary (cells are fewer than 2^16 - 1: MAX_CELLS). */
const STRADDLES = 0xffff;

interface CellLookup {
  /** Per slice of the draws' top bits, its cell, or STRADDLES. */
  table: Uint16Array;
  /** 32 minus the table's bits: x >>> shift is x's slice. */
  shift: number;
  /** Per cell, the first draw past it (ceil(end * 2^32 / n)); the last is 2^32. */
  thresholds: Float64Array;
}

/**
 * Label metrics depend only on how many draws land in each cell, so the rows are taken in cell order (a fixed
 * permutation: by cell, then by row) and a draw's cell follows from its random number alone. The drawn index is the
 * high word of x * n, so "index < end of cell c" is "x < ceil(end * 2^32 / n)": one threshold per cell. A table on
 * x's top bits answers at once for all but the few slices of x that straddle a threshold. This is the same
 * bootstrap as drawing indices into the cell-ordered rows (test/fixtures/gate/generate.py replays it that way).
 *
 * The table has 2^12 slices (8 KiB, in the fastest cache) and more only when there are many boundaries, up to 2^16:
 * enough that at most about one slice in 64 straddles one, so the caller seldom has to place a draw itself.
 */
function cellLookup(codes: Codes, cells: number, n: number): CellLookup {
  if (cells >= STRADDLES) throw new Error(`${cells} cells do not fit a 16-bit cell table`);
  const sizes = new Float64Array(cells);
  for (const code of codes) sizes[code] = (sizes[code] ?? 0) + 1;
  const thresholds = new Float64Array(cells);
  let end = 0n;
  let boundaries = 0;
  for (let c = 0; c < cells; c++) {
    end += BigInt(sizes[c] ?? 0);
    thresholds[c] = Number(((end << 32n) + BigInt(n) - 1n) / BigInt(n));
    if (c > 0 && thresholds[c] !== thresholds[c - 1]) boundaries++;
  }
  const bits = Math.min(16, Math.max(12, Math.ceil(Math.log2(64 * boundaries + 1))));
  const shift = 32 - bits;
  const width = 2 ** shift;
  const table = new Uint16Array(2 ** bits);
  for (let slice = 0; slice < table.length; slice++) {
    const first = cellAbove(slice * width, thresholds);
    table[slice] = first === cellAbove(slice * width + width - 1, thresholds) ? first : STRADDLES;
  }
  return { table, shift, thresholds };
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
