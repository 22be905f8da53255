/**
 * Ranking metrics (ROC AUC, average precision) as scikit-learn computes them (DOMAIN.md §1): one threshold per
 * distinct score, walked from the highest down, ties moving together. They take optional per-row weights (how often
 * a row was drawn), so the gate's bootstrap evaluates a resample exactly as scikit-learn would on the resampled rows.
 */

/**
 * Row indices ordered by score, highest first; equal scores keep their row order. Scores must be >= 0 (probabilities),
 * whose IEEE-754 bit patterns sort like the numbers, so this is a stable LSD radix sort on 16-bit digits: O(n), and
 * several times faster than a comparator sort over a million rows.
 *
 * Memory: the keys travel as whole float64s (their two 32-bit words side by side), so the buffer the last pass fills
 * is the sorted scores themselves; with the row indices and one spare buffer of each, 24 bytes a row at the peak
 * (a million rows: 24 MB, of which the 12 MB returned stay). The spare pair comes from {@link SortBuffers}' pool, so a
 * run of sorts allocates only what it returns.
 */
export function descendingOrder(scores: Float64Array): Ranked {
  return sortInto(scores, { order: new Uint32Array(scores.length), keys: new Float64Array(scores.length) });
}

/**
 * {@link descendingOrder} for a ranking that `use` reads and lets go of (keeps no part of it in what it returns): its
 * buffers go back to the pool afterwards, so a sort for one metric and the next allocate nothing. `use` is done when it
 * returns: a promise it returned would read buffers the next sort may already be writing.
 */
export function withDescendingOrder<T>(scores: Float64Array, use: (ranked: Ranked) => T, rows?: ArrayLike<number>): T {
  const buffers = takeBuffers(rows?.length ?? scores.length);
  const out = use(sortInto(scores, buffers, rows));
  keepBuffers(buffers);
  return out;
}

/**
 * Sorts into `into` (at least as long as what is sorted), with a pooled spare pair for the passes' ping-pong. With
 * `rows`, the scores of those rows are sorted, gathered straight into the key buffer, and `order` indexes `rows`.
 */
function sortInto(scores: Float64Array, into: SortBuffers, rows?: ArrayLike<number>): Ranked {
  const n = rows?.length ?? scores.length;
  const target = { order: into.order.subarray(0, n), keys: into.keys.subarray(0, n) };
  let { order, keys }: { order: Uint32Array; keys: Float64Array } = target;
  if (rows) gatherKeys(scores, rows, order, keys);
  else copyKeys(scores, order, keys);
  const spare = takeBuffers(n);
  let nextOrder = spare.order.subarray(0, n);
  let nextKeys = spare.keys.subarray(0, n);
  // A digit histogram too, 256 KB, so that slice after slice does not leave one behind each.
  const count = (spare.count ??= new Uint32Array(65536));
  // Word 0 of a key is its low 32 bits, word 1 its high (little-endian, as every platform Node runs on).
  for (let pass = 0; pass < 4; pass++) {
    if (!radixPass(order, keys, nextOrder, nextKeys, count, pass >> 1, (pass & 1) * 16)) continue;
    [order, nextOrder] = [nextOrder, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  // After an odd number of passes the result sits in the spare pair, which goes back to the pool: copy it home.
  if (order.buffer !== target.order.buffer) {
    target.order.set(order);
    target.keys.set(keys);
  }
  keepBuffers(spare);
  return { order: target.order, sorted: target.keys };
}

/*
 * Every loop of the sort is a function of its own, ending where its loop ends. V8 compiles a long loop's function
 * while it is still in the loop (on-stack replacement) and caches that code for the loop: with code after the loop
 * that had not yet run, the cached code left the function at the loop's end for want of type feedback, and did so
 * again on every later call (a deopt per loop per sort, the rest of the call in the interpreter).
 */

/** Keys of every row, in row order; -0 and +0 are the same score, and +0 has the smaller bit pattern. */
function copyKeys(scores: Float64Array, order: Uint32Array, keys: Float64Array): void {
  for (let i = 0; i < keys.length; i++) {
    order[i] = i;
    const score = scores[i] ?? 0;
    keys[i] = score === 0 ? 0 : score;
  }
}

/** Keys of the rows `rows` picks out of `scores`, `order` indexing `rows`. */
function gatherKeys(scores: Float64Array, rows: ArrayLike<number>, order: Uint32Array, keys: Float64Array): void {
  for (let i = 0; i < keys.length; i++) {
    order[i] = i;
    const score = scores[rows[i] ?? 0] ?? 0;
    keys[i] = score === 0 ? 0 : score;
  }
}

/** A row-index and a key buffer of {@link descendingOrder}, possibly longer than the scores being sorted. */
interface SortBuffers {
  order: Uint32Array;
  keys: Float64Array;
  /** The passes' digit counts, once the pair has served as a spare. */
  count?: Uint32Array;
}

/**
 * Sort buffers no one holds any more, kept weakly for the next sort. The gate sorts a million scores again and again
 * (metrics of two models, their curves, slice after slice, DeLong's intervals), and 12 MB of fresh buffers each time
 * were garbage V8 seldom collected in time (array buffers are freed by full collections, which typed-array work
 * rarely triggers), so the process's peak memory grew with every sort. A WeakRef holds nothing a collection wants
 * back. Sorting is synchronous and a taken pair leaves the pool, so no two sorts ever share one.
 */
const pool: WeakRef<SortBuffers>[] = [];
const POOLED = 2;

/** The smallest pooled pair that holds n rows (a slice reuses a whole column's), else a new one. */
function takeBuffers(n: number): SortBuffers {
  let best = -1;
  for (let k = 0; k < pool.length; k++) {
    const length = pool[k]?.deref()?.order.length ?? -1;
    if (length >= n && (best < 0 || length < (pool[best]?.deref()?.order.length ?? 0))) best = k;
  }
  const taken = best < 0 ? undefined : pool.splice(best, 1)[0]?.deref();
  return taken ?? { order: new Uint32Array(n), keys: new Float64Array(n) };
}

/** Back to the pool, which keeps the POOLED largest pairs (collected ones count as empty). */
function keepBuffers(buffers: SortBuffers): void {
  pool.push(new WeakRef(buffers));
  pool.sort((a, b) => (b.deref()?.order.length ?? -1) - (a.deref()?.order.length ?? -1));
  pool.length = Math.min(pool.length, POOLED);
}

/**
 * One stable pass of {@link descendingOrder} on the 16-bit digit at `shift` of each key's word `word`: scatters rows
 * and keys into `nextOrder` and `nextKeys`, highest digit first. False, having moved nothing, when every row has the
 * same digit (e.g. the exponent of probabilities in [0.5, 1)). A function of its own, called four times, so V8
 * compiles its loops once for all the passes rather than each loop of one long function as it first runs (a first
 * sort of a million rows in a fresh process took half as long again).
 */
function radixPass(
  order: Uint32Array,
  keys: Float64Array,
  nextOrder: Uint32Array,
  nextKeys: Float64Array,
  count: Uint32Array,
  word: number,
  shift: number,
): boolean {
  const n = order.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  countDigits(words, count, word, shift);
  if (count[((words[word] ?? 0) >>> shift) & 0xffff] === n) return false;
  // Descending: the highest digit's bucket starts at 0.
  bucketStarts(count);
  scatter(order, keys, words, nextOrder, nextKeys, count, word, shift);
  return true;
}

/** How many keys have each value of the digit. */
function countDigits(words: Uint32Array, count: Uint32Array, word: number, shift: number): void {
  count.fill(0);
  for (let i = word; i < words.length; i += 2) {
    const digit = ((words[i] ?? 0) >>> shift) & 0xffff;
    count[digit] = (count[digit] ?? 0) + 1;
  }
}

/** Each digit's count turned into where its bucket starts, the highest digit's first. */
function bucketStarts(count: Uint32Array): void {
  let start = 0;
  for (let digit = 65535; digit >= 0; digit--) {
    const size = count[digit] ?? 0;
    count[digit] = start;
    start += size;
  }
}

/** Rows and keys moved to their digit's bucket, in order within it (the pass is stable). */
function scatter(
  order: Uint32Array,
  keys: Float64Array,
  words: Uint32Array,
  nextOrder: Uint32Array,
  nextKeys: Float64Array,
  count: Uint32Array,
  word: number,
  shift: number,
): void {
  for (let i = 0; i < order.length; i++) {
    const digit = ((words[2 * i + word] ?? 0) >>> shift) & 0xffff;
    const at = count[digit] ?? 0;
    count[digit] = at + 1;
    nextOrder[at] = order[i] ?? 0;
    nextKeys[at] = keys[i] ?? 0;
  }
}

// The counts over the first n rows before a ranking's walk: functions of their own, as the sort's loops are.

function weightTotal(weights: Int32Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] ?? 0;
  return total;
}

function positiveWeight(positive: Uint8Array, weights: Int32Array, n: number): number {
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives += weights[i] ?? 0;
  return positives;
}

function positiveCount(positive: Uint8Array, n: number): number {
  let positives = 0;
  for (let i = 0; i < n; i++) positives += positive[i] ? 1 : 0;
  return positives;
}

/** Rows by score, highest first, and the scores in that order. */
export interface Ranked {
  order: Uint32Array;
  /** sorted[k] is the score of row order[k]. */
  sorted: Float64Array;
}

export interface RankingValues {
  rocAuc: number;
  averagePrecision: number;
}

/**
 * ROC AUC (trapezoidal) and average precision (step-wise: sum of (R_n - R_{n-1}) P_n) of the rows flagged in
 * `positive`, visiting them ranked by score (from {@link descendingOrder}). `weights` counts each row that many
 * times (undefined: once). Undefined (null) when the weighted rows hold only one class, as scikit-learn refuses then.
 */
export function rankingMetrics(
  { order, sorted }: Ranked,
  positive: Uint8Array,
  weights?: Int32Array,
): RankingValues | null {
  const n = order.length;
  const total = weights ? weightTotal(weights, n) : n;
  const positives = weights ? positiveWeight(positive, weights, n) : positiveCount(positive, n);
  const negatives = total - positives;
  if (positives === 0 || negatives === 0) return null;
  let tp = 0;
  let fp = 0;
  let prevTpr = 0;
  let prevFpr = 0;
  let area = 0;
  let averagePrecision = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    const w = weights ? (weights[i] ?? 0) : 1;
    if (positive[i]) tp += w;
    else fp += w;
    if (k + 1 < n && sorted[k + 1] === sorted[k]) continue;
    // A threshold none of the (weighted) rows sits at adds nothing, as it does not exist in the resampled data.
    if (tp + fp === 0) continue;
    const tpr = tp / positives;
    const fpr = fp / negatives;
    area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
    averagePrecision += (tpr - prevTpr) * (tp / (tp + fp));
    prevTpr = tpr;
    prevFpr = fpr;
  }
  return { rocAuc: area, averagePrecision };
}

/**
 * Each class's one-vs-rest ROC AUC: the binary AUC of that class's probability column against "the label is this
 * class". Null when a class has no positive or no negative row (scikit-learn raises then).
 */
export function oneVsRestRocAucs(ranked: readonly Ranked[], truth: Int32Array, weights?: Int32Array): number[] | null {
  const aucs: number[] = [];
  const flags = new Uint8Array(truth.length);
  for (let c = 0; c < ranked.length; c++) {
    for (let i = 0; i < truth.length; i++) flags[i] = truth[i] === c ? 1 : 0;
    const column = ranked[c];
    const values = column ? rankingMetrics(column, flags, weights) : null;
    if (!values) return null;
    aucs.push(values.rocAuc);
  }
  return aucs;
}

/**
 * Multiclass ROC AUC, one-vs-rest, macro average (scikit-learn's `roc_auc_score(multi_class="ovr")`): the mean over
 * classes of the binary AUC of that class's probability column. Null when a class has no positive or no negative row.
 */
export function oneVsRestRocAuc(ranked: readonly Ranked[], truth: Int32Array, weights?: Int32Array): number | null {
  const aucs = oneVsRestRocAucs(ranked, truth, weights);
  return aucs ? aucs.reduce((sum, auc) => sum + auc, 0) / aucs.length : null;
}

/** One-vs-rest, weighted by each class's count among the labels (`average="weighted"`). */
export function oneVsRestWeightedRocAuc(
  ranked: readonly Ranked[],
  truth: Int32Array,
  weights?: Int32Array,
): number | null {
  const aucs = oneVsRestRocAucs(ranked, truth, weights);
  return aucs ? supportWeighted(aucs, truth, weights) : null;
}

/** Each class's value weighted by its (drawn) count among the labels. */
export function supportWeighted(aucs: readonly number[], truth: Int32Array, weights?: Int32Array): number {
  const support = new Float64Array(aucs.length);
  for (let i = 0; i < truth.length; i++) {
    const c = truth[i] ?? 0;
    support[c] = (support[c] ?? 0) + (weights ? (weights[i] ?? 0) : 1);
  }
  let sum = 0;
  let total = 0;
  aucs.forEach((auc, c) => {
    sum += auc * (support[c] ?? 0);
    total += support[c] ?? 0;
  });
  return sum / total;
}

/**
 * Multiclass ROC AUC, one-vs-one, macro average (Hand & Till; scikit-learn's `multi_class="ovo"`): for each pair of
 * classes (a, b), on the rows labelled a or b only, the mean of the AUC of column a for "label is a" and of column b
 * for "label is b"; then the mean over pairs. Null when a class has no row (a pair with one class has no AUC).
 * Each column's ranking is split by label once, so a pair costs its own rows, not all of them.
 */
export function oneVsOneRocAuc(ranked: readonly Ranked[], truth: Int32Array, weights?: Int32Array): number | null {
  const k = ranked.length;
  const byClass = ranked.map((column) => ranksByClass(column, truth, k, weights));
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const columnA = ranked[a];
      const columnB = ranked[b];
      if (!columnA || !columnB) return null;
      const aVsB = pairRocAuc(columnA, byClass[a]?.[a], byClass[a]?.[b], weights);
      const bVsA = pairRocAuc(columnB, byClass[b]?.[b], byClass[b]?.[a], weights);
      if (aVsB === null || bVsA === null) return null;
      sum += (aVsB + bVsA) / 2;
      pairs++;
    }
  }
  return pairs === 0 ? null : sum / pairs;
}

/** For each class, the ranks (positions in `column.order`, ascending: highest score first) of its rows. */
function ranksByClass(column: Ranked, truth: Int32Array, k: number, weights?: Int32Array): Uint32Array[] {
  const counts = new Uint32Array(k);
  for (let i = 0; i < truth.length; i++) {
    if (weights && (weights[i] ?? 0) === 0) continue;
    const c = truth[i] ?? 0;
    counts[c] = (counts[c] ?? 0) + 1;
  }
  const lists = Array.from(counts, (count) => new Uint32Array(count));
  const filled = new Uint32Array(k);
  for (let rank = 0; rank < column.order.length; rank++) {
    const row = column.order[rank] ?? 0;
    if (weights && (weights[row] ?? 0) === 0) continue;
    const c = truth[row] ?? 0;
    const at = filled[c] ?? 0;
    filled[c] = at + 1;
    const list = lists[c];
    if (list) list[at] = rank;
  }
  return lists;
}

/**
 * The trapezoidal ROC AUC of the rows at `positives` against those at `negatives` (ranks in one column's ranking),
 * merging the two lists by rank; rows with equal scores form one threshold. Null when either side is empty.
 */
function pairRocAuc(
  { order, sorted }: Ranked,
  positives: Uint32Array | undefined,
  negatives: Uint32Array | undefined,
  weights?: Int32Array,
): number | null {
  if (!positives || !negatives || positives.length === 0 || negatives.length === 0) return null;
  const weightAt = (rank: number): number => (weights ? (weights[order[rank] ?? 0] ?? 0) : 1);
  let tp = 0;
  let fp = 0;
  let prevTp = 0;
  let prevFp = 0;
  let area = 0;
  let p = 0;
  let q = 0;
  while (p < positives.length || q < negatives.length) {
    const takePositive = q >= negatives.length || (p < positives.length && (positives[p] ?? 0) < (negatives[q] ?? 0));
    const rank = takePositive ? (positives[p++] ?? 0) : (negatives[q++] ?? 0);
    if (takePositive) tp += weightAt(rank);
    else fp += weightAt(rank);
    const next =
      p < positives.length && (q >= negatives.length || (positives[p] ?? 0) < (negatives[q] ?? 0))
        ? positives[p]
        : negatives[q];
    if (next !== undefined && (p < positives.length || q < negatives.length) && sorted[next] === sorted[rank]) continue;
    area += ((fp - prevFp) * (tp + prevTp)) / 2;
    prevTp = tp;
    prevFp = fp;
  }
  return area / (tp * fp);
}
