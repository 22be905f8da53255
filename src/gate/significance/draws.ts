import type { Codes } from "../../evaluate/coded.ts";
import { Random } from "./random.ts";

/**
 * The paired bootstrap's draws (bootstrap.ts): n rows drawn with replacement per resample, accumulated as the
 * statistic's family needs them (cell counts, two sums, or a count per row). Plain loops over typed arrays and the
 * generator's state, imported by the bootstrap and by the threads that draw resamples beside it (draw-worker.ts).
 */

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
export function countCells(random: Random, n: number, threshold: number, lookup: CellLookup, counts: Int32Array): void {
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
export function drawSums(
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
export function drawWeights(
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

export interface CellLookup {
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
export function cellLookup(codes: Codes, cells: number, n: number): CellLookup {
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
export function interleave(columns: readonly Float64Array[], n: number, shared: boolean): Float64Array {
  const [first, second] = columns;
  if (!first || !second || columns.length !== 2) throw new Error("a sums statistic has two columns");
  // Shared when other threads draw resamples too: they read the rows where they are.
  const pairs = typedArray(Float64Array, 2 * n, shared);
  for (let i = 0; i < n; i++) {
    pairs[2 * i] = first[i] ?? 0;
    pairs[2 * i + 1] = second[i] ?? 0;
  }
  return pairs;
}

/**
 * The generator states the bootstrap's resamples start from, four words each: resample r's is the seed's state jumped
 * r times ({@link Random.jump}). A resample is then the same draws whichever thread draws it, and in whatever order.
 */
export function resampleStates(seed: number, resamples: number, shared = false): Int32Array {
  const states = typedArray(Int32Array, 4 * resamples, shared);
  const random = new Random(seed);
  for (let r = 0; r < resamples; r++) {
    states.set(random.state, 4 * r);
    random.jump();
  }
  return states;
}

/** A typed array of `length` zeros, in shared memory when other threads read or write it. */
export function typedArray<T extends Int32Array | Float64Array>(
  type: { new (buffer: ArrayBuffer | SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = length * type.BYTES_PER_ELEMENT;
  return new type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}
