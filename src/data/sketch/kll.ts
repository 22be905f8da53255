import { Random } from "./hash.ts";
import { sortedLevel, sortNumbers } from "./level-sort.ts";
import { sortedLevels } from "./sorted-levels.ts";

/**
 * A KLL quantile sketch (Karnin, Lang & Liberty, "Optimal Quantile Approximation in Streams", 2016), mergeable, with
 * the paper's sampler below the compactors so that a long stream costs a counter per value instead of a sort.
 *
 * - Level h holds items of weight 2^h; a full level is sorted and every other item (odd or even, by a coin) moves up.
 *   Capacities shrink by 2/3 per level down from the top (k), never below 8, as in Apache DataSketches.
 * - Once the sketch is deep, values enter at level s (weight 2^s) through a sampler that keeps one value, chosen at
 *   random, from each block of 2^s: the levels it skips would hold fewer than {@link SAMPLER_MIN_CAPACITY} items.
 * - Until its first compaction (n <= k) the sketch holds every value exactly, so small samples are exact.
 *
 * The error bound stated in reports, {@link KLL_RANK_ERROR}, is the normalized rank error: a quantile's true rank is
 * within ±KLL_RANK_ERROR·n of the requested one (and a CDF value within ±KLL_RANK_ERROR), measured with 99%
 * confidence over many streams and merges (see test/data/kll.test.ts).
 */

export const KLL_K = 1024;
const MIN_WIDTH = 8;
const SAMPLER_MIN_CAPACITY = 128;
/** The normalized rank error at 99% confidence, for k = {@link KLL_K}. */
export const KLL_RANK_ERROR = 0.0075;

export interface KllState {
  /** The sketch's k (the top level's capacity). */
  k: number;
  /** Number of values summarised (each counted once, whatever its level). */
  n: number;
  min: number | null;
  max: number | null;
  /** Level h holds values of weight 2^h. */
  levels: number[][];
  /** Whether every value is held exactly (no compaction or sampling happened). */
  exact: boolean;
}

function capacity(k: number, depth: number): number {
  return Math.max(MIN_WIDTH, Math.ceil(k * Math.pow(2 / 3, depth)));
}

/** How many top levels have at least SAMPLER_MIN_CAPACITY items: deeper levels are replaced by the sampler. */
function compactorLevels(k: number): number {
  let depth = 0;
  while (capacity(k, depth) >= SAMPLER_MIN_CAPACITY) depth++;
  return depth;
}

export class KllSketch {
  readonly k: number;
  private levels: Float64Array[] = [];
  private sizes: number[] = [];
  /** Whether each level's items are in order (levels that only received compacted halves are, by merging). */
  private sorted: boolean[] = [];
  /** Each level's capacity at the current height (capacity() per level, kept: compress() reads them often). */
  private capacities: number[] = [];
  private retained = 0;
  private totalCapacity = 0;
  private readonly random: Random;
  private readonly samplerDepth: number;
  n = 0;
  min = Infinity;
  max = -Infinity;
  exact = true;
  // The sampler: values enter level `samplerLevel`; one of each block of 2^samplerLevel is kept.
  private samplerLevel = 0;
  private block = 1;
  private pending = new Float64Array(1);
  private pendingCount = 0;
  private pick = 0;

  constructor(seed = 1, k = KLL_K) {
    this.k = k;
    this.random = new Random(seed);
    this.samplerDepth = compactorLevels(k);
    this.addLevel();
  }

  update(value: number): void {
    this.n++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.samplerLevel === 0) {
      this.insert(0, value);
      return;
    }
    this.pending[this.pendingCount++] = value;
    if (this.pendingCount === this.block) {
      const kept = this.pending[this.pick]!;
      this.pendingCount = 0;
      this.exact = false;
      this.insert(this.samplerLevel, kept);
      this.adjustSampler();
      this.pick = this.random.below(this.block);
    }
  }

  /**
   * update() for values[0..count), with the same outcome: values for level 0 are copied in runs up to the next
   * compaction, and the sampler reads only the one value it keeps from each block (all but the last, unfinished
   * block are never stored).
   */
  updateMany(values: Float64Array, count: number): void {
    let min = this.min;
    let max = this.max;
    for (let i = 0; i < count; i++) {
      const value = values[i]!;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    this.min = min;
    this.max = max;
    this.n += count;
    let i = 0;
    while (i < count && this.samplerLevel === 0) {
      // As many values as fit before the sketch is over its capacity; the last of them may make it compress.
      const run = Math.min(count - i, Math.max(1, this.totalCapacity - this.retained + 1));
      this.insertRun(values, i, run);
      i += run;
    }
    while (i < count) {
      const missing = this.block - this.pendingCount;
      if (count - i < missing) {
        this.pending.set(values.subarray(i, count), this.pendingCount);
        this.pendingCount += count - i;
        return;
      }
      const pick = this.pick;
      const kept = pick < this.pendingCount ? this.pending[pick]! : values[i + pick - this.pendingCount]!;
      i += missing;
      this.pendingCount = 0;
      this.exact = false;
      this.insert(this.samplerLevel, kept);
      this.adjustSampler();
      this.pick = this.random.below(this.block);
    }
  }

  /** insert(0, v) for each of values[from, from + count), where only the last may make the sketch compress. */
  private insertRun(values: Float64Array, from: number, count: number): void {
    let items = this.levels[0]!;
    const size = this.sizes[0]!;
    if (size + count > items.length) {
      const grown = new Float64Array(Math.max(16, items.length * 2, size + count));
      grown.set(items.subarray(0, size));
      this.levels[0] = items = grown;
    }
    items.set(values.subarray(from, from + count), size);
    this.sizes[0] = size + count;
    this.sorted[0] = size + count === 1;
    this.retained += count;
    if (this.retained > this.totalCapacity) this.compress();
  }

  private adjustSampler(): void {
    const wanted = Math.max(0, this.levels.length - this.samplerDepth);
    if (wanted > this.samplerLevel) {
      this.samplerLevel = wanted;
      this.block = 2 ** wanted;
      this.pending = new Float64Array(this.block);
      this.pick = this.random.below(this.block);
    }
  }

  private insert(level: number, value: number): void {
    let items = this.levels[level]!;
    const size = this.sizes[level]!;
    if (size === items.length) {
      const grown = new Float64Array(Math.max(16, items.length * 2));
      grown.set(items);
      this.levels[level] = items = grown;
    }
    items[size] = value;
    this.sizes[level] = size + 1;
    this.sorted[level] = size === 0;
    this.retained++;
    if (this.retained > this.totalCapacity) this.compress();
  }

  private addLevel(): void {
    this.levels.push(new Float64Array(16));
    this.sizes.push(0);
    this.sorted.push(true);
    let total = 0;
    for (let h = 0; h < this.levels.length; h++) {
      const levelCapacity = capacity(this.k, this.levels.length - 1 - h);
      this.capacities[h] = levelCapacity;
      total += levelCapacity;
    }
    this.totalCapacity = total;
  }

  /** Compacts the lowest level that is at or over its capacity (there is one while retained >= totalCapacity). */
  private compress(): void {
    const height = this.levels.length;
    let level = 0;
    while (level < height - 1 && this.sizes[level]! < this.capacities[level]!) level++;
    if (level === height - 1) this.addLevel();
    this.compact(level);
    if (this.samplerLevel > 0 || this.levels.length > this.samplerDepth) this.adjustSampler();
  }

  private compact(level: number): void {
    this.exact = false;
    const size = this.sizes[level]!;
    const items = this.levels[level]!;
    if (!this.sorted[level]) sortNumbers(items, size);
    const odd = size % 2;
    const even = size - odd;
    const offset = this.random.next() & 1;
    const moving = even / 2;
    // Every other item moves up (each now stands for two); the rest are dropped.
    if (this.sorted[level + 1]) {
      this.mergeUp(level + 1, items, offset, moving);
    } else {
      for (let i = offset; i < even; i += 2) this.pushRaw(level + 1, items[i]!);
    }
    this.retained -= even;
    if (odd) items[0] = items[size - 1]!;
    this.sizes[level] = odd;
    this.sorted[level] = true;
  }

  /** Merges items[offset], items[offset + 2] ... (in order, `count` of them) into the sorted level. */
  private mergeUp(level: number, from: Float64Array, offset: number, count: number): void {
    let items = this.levels[level]!;
    const size = this.sizes[level]!;
    if (size + count > items.length) {
      const grown = new Float64Array(Math.max(16, (size + count) * 2));
      grown.set(items.subarray(0, size));
      this.levels[level] = items = grown;
    }
    let i = size - 1;
    let j = count - 1;
    for (let write = size + count - 1; j >= 0; write--) {
      const candidate = from[offset + 2 * j]!;
      if (i >= 0 && items[i]! > candidate) items[write] = items[i--]!;
      else {
        items[write] = candidate;
        j--;
      }
    }
    this.sizes[level] = size + count;
    this.retained += count;
  }

  private pushRaw(level: number, value: number): void {
    let items = this.levels[level]!;
    const size = this.sizes[level]!;
    if (size === items.length) {
      const grown = new Float64Array(items.length * 2);
      grown.set(items);
      this.levels[level] = items = grown;
    }
    items[size] = value;
    this.sizes[level] = size + 1;
    this.sorted[level] = size === 0;
    this.retained++;
  }

  /** Moves values still waiting in the sampler into the sketch at their true weight (1), before reading or saving. */
  private flush(): void {
    const waiting = this.pendingCount;
    this.pendingCount = 0;
    for (let i = 0; i < waiting; i++) this.insert(0, this.pending[i]!);
  }

  merge(state: KllState): void {
    if (state.n === 0) return;
    this.flush();
    while (this.levels.length < state.levels.length) this.addLevel();
    state.levels.forEach((values, level) => {
      for (const value of values) this.pushRaw(level, value);
    });
    this.n += state.n;
    if (state.min !== null && state.min < this.min) this.min = state.min;
    if (state.max !== null && state.max > this.max) this.max = state.max;
    this.exact &&= state.exact;
    while (this.retained > this.totalCapacity) this.compress();
  }

  toState(): KllState {
    this.flush();
    return {
      k: this.k,
      n: this.n,
      min: this.n > 0 ? this.min : null,
      max: this.n > 0 ? this.max : null,
      levels: this.levels.map((items, level) => sortedLevel(items, this.sizes[level]!)),
      exact: this.exact,
    };
  }

  static fromState(state: KllState, seed = 1): KllSketch {
    const sketch = new KllSketch(seed, state.k);
    sketch.merge(state);
    return sketch;
  }
}

/** A finished sketch, read-only: the weighted, sorted values, for ranks, quantiles and CDFs. */
export class KllView {
  readonly values: Float64Array;
  /** cumulative[i] = total weight of values[0..i]. */
  readonly cumulative: Float64Array;
  readonly n: number;
  readonly exact: boolean;
  readonly min: number;
  readonly max: number;

  constructor(state: KllState) {
    const run = sortedLevels(state.levels);
    this.values = run.values;
    this.cumulative = new Float64Array(run.values.length);
    let total = 0;
    for (let i = 0; i < run.weights.length; i++) this.cumulative[i] = total += run.weights[i]!;
    // Rescale so the weights add up to n exactly (sampling keeps the expectation, not the sum).
    if (total > 0 && total !== state.n)
      for (let i = 0; i < run.values.length; i++) this.cumulative[i]! *= state.n / total;
    this.n = state.n;
    this.exact = state.exact;
    this.min = state.min ?? NaN;
    this.max = state.max ?? NaN;
  }

  /** The share of values <= x (the empirical CDF at x). */
  cdf(x: number): number {
    if (this.n === 0) return NaN;
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : Math.min(1, this.cumulative[lo - 1]! / this.n);
  }

  /** The share of values < x. */
  cdfBelow(x: number): number {
    if (this.n === 0) return NaN;
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : Math.min(1, this.cumulative[lo - 1]! / this.n);
  }

  /** The q-quantile by nearest rank: the smallest value whose CDF is at least q (q = 0 gives the minimum). */
  quantile(q: number): number {
    if (this.n === 0) return NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const target = q * this.n;
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.values[lo]!;
  }
}
