import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  binaryCurves,
  expectedCalibrationError,
  topClassConfidence
} from "./chunk-X2I57EAR.js";

// src/gate/significance/random.ts
var TWO_32 = 4294967296;
var JUMP = [2271477771, 4114797267, 1872770499, 2012404571];
var MASK_64 = (1n << 64n) - 1n;
var Random = class {
  /**
   * xoshiro128** state; an Int32Array so stepping it allocates nothing. Hot loops (the bootstrap) copy it into local
   * variables, step them inline with exactly {@link nextUint32}'s code, and store them back.
   */
  state = new Int32Array(4);
  constructor(seed) {
    let x = BigInt.asUintN(64, BigInt(Math.trunc(seed)));
    const next = () => {
      x = x + 0x9e3779b97f4a7c15n & MASK_64;
      let z = x;
      z = (z ^ z >> 30n) * 0xbf58476d1ce4e5b9n & MASK_64;
      z = (z ^ z >> 27n) * 0x94d049bb133111ebn & MASK_64;
      return z ^ z >> 31n;
    };
    const a = next();
    const b = next();
    this.state[0] = Number(a & 0xffffffffn);
    this.state[1] = Number(a >> 32n);
    this.state[2] = Number(b & 0xffffffffn);
    this.state[3] = Number(b >> 32n);
    if (this.state.every((word) => word === 0)) this.state[0] = 1;
  }
  /** The next 32 random bits, as an unsigned integer. */
  nextUint32() {
    const s = this.state;
    const s1 = s[1] ?? 0;
    const times5 = Math.imul(s1, 5);
    const result = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const t = s1 << 9;
    const s2 = (s[2] ?? 0) ^ (s[0] ?? 0);
    const s3 = (s[3] ?? 0) ^ s1;
    s[1] = s1 ^ s2;
    s[0] = (s[0] ?? 0) ^ s3;
    s[2] = s2 ^ t;
    s[3] = s3 << 11 | s3 >>> 21;
    return result >>> 0;
  }
  /**
   * Moves the generator 2^64 draws on (Blackman and Vigna's jump polynomial for xoshiro128**), so streams jumped
   * from one seed never overlap: the bootstrap draws resample r from the seed's stream jumped r times, which lets any
   * thread draw any resample (test/fixtures/gate/generate.py checks the jump against 2^64 steps of the state's matrix).
   */
  jump() {
    const s = this.state;
    let [s0, s1, s2, s3] = [s[0], s[1], s[2], s[3]];
    let j0 = 0;
    let j1 = 0;
    let j2 = 0;
    let j3 = 0;
    for (const word of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if (word >>> bit & 1) {
          j0 ^= s0;
          j1 ^= s1;
          j2 ^= s2;
          j3 ^= s3;
        }
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = s3 << 11 | s3 >>> 21;
      }
    }
    s[0] = j0;
    s[1] = j1;
    s[2] = j2;
    s[3] = j3;
  }
  /**
   * A uniform integer in [0, n), for 1 <= n < 2^32: the high word of x * n, redrawing x while the low word falls
   * below 2^32 mod n (Lemire 2019). `threshold` is {@link lemireThreshold}(n), passed in so hot loops compute it once.
   */
  below(n, threshold) {
    for (; ; ) {
      const x = this.nextUint32();
      const low = Math.imul(x, n) >>> 0;
      if (low >= threshold) return Math.round((x * n - low) / TWO_32);
    }
  }
};
function lemireThreshold(n) {
  return (TWO_32 - n) % n;
}
var TWO_TO_MINUS_32 = 2 ** -32;
function fillUniform(random, uniforms) {
  const state = random.state;
  let s0 = state[0] ?? 0;
  let s1 = state[1] ?? 0;
  let s2 = state[2] ?? 0;
  let s3 = state[3] ?? 0;
  for (let i = 0; i < uniforms.length; i++) {
    const times5 = Math.imul(s1, 5);
    uniforms[i] = (Math.imul(times5 << 7 | times5 >>> 25, 9) >>> 0) * TWO_TO_MINUS_32;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

// src/gate/significance/draws.ts
function countCells(random, n, threshold, lookup, counts) {
  const { table, shift, thresholds } = lookup;
  const state = random.state;
  for (let left = n; left > 0; ) {
    left = drawCells(state[0], state[1], state[2], state[3], left, n, threshold, table, shift, counts, state);
    if (left > 0) {
      const cell = cellAbove(random.nextUint32(), thresholds);
      counts[cell] = counts[cell] + 1;
      left--;
    }
  }
}
function drawCells(s0, s1, s2, s3, left, n, threshold, table, shift, counts, state) {
  while (left > 0) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const rejected = Math.imul(x, n) >>> 0 < threshold;
    const cell = table[x >>> shift];
    if (cell === STRADDLES && !rejected) break;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
    if (!rejected) {
      left--;
      counts[cell] = counts[cell] + 1;
    }
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return left;
}
function cellAbove(x, thresholds) {
  let low = 0;
  let high = thresholds.length - 1;
  while (low < high) {
    const middle = low + high >>> 1;
    if (x < thresholds[middle]) high = middle;
    else low = middle + 1;
  }
  return low;
}
function drawSums(s0, s1, s2, s3, n, threshold, pairs, sums, state) {
  let a = 0;
  let b = 0;
  for (let j = 0; j < n; ) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
    const low = Math.imul(x, n) >>> 0;
    if (low < threshold) continue;
    j++;
    const i = Math.round(((x >>> 0) * n - low) / TWO_322);
    a += pairs[2 * i];
    b += pairs[2 * i + 1];
  }
  sums[0] = a;
  sums[1] = b;
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
function drawWeights(s0, s1, s2, s3, n, threshold, weights, state) {
  for (let j = 0; j < n; ) {
    const times5 = Math.imul(s1, 5);
    const x = Math.imul(times5 << 7 | times5 >>> 25, 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = s3 << 11 | s3 >>> 21;
    const low = Math.imul(x, n) >>> 0;
    if (low < threshold) continue;
    j++;
    const i = Math.round(((x >>> 0) * n - low) / TWO_322);
    weights[i] = weights[i] + 1;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
var TWO_322 = 4294967296;
var STRADDLES = 65535;
function cellLookup(codes, cells, n) {
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
function interleave(columns, n, shared) {
  const [first, second] = columns;
  if (!first || !second || columns.length !== 2) throw new Error("a sums statistic has two columns");
  const pairs = typedArray(Float64Array, 2 * n, shared);
  for (let i = 0; i < n; i++) {
    pairs[2 * i] = first[i] ?? 0;
    pairs[2 * i + 1] = second[i] ?? 0;
  }
  return pairs;
}
function resampleStates(seed, resamples, shared = false) {
  const states = typedArray(Int32Array, 4 * resamples, shared);
  const random = new Random(seed);
  for (let r = 0; r < resamples; r++) {
    states.set(random.state, 4 * r);
    random.jump();
  }
  return states;
}
function typedArray(type, length, shared) {
  const bytes = length * type.BYTES_PER_ELEMENT;
  return new type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

// src/gate/significance/draw-job.ts
function claimsFor(count, shared) {
  return typedArray(Int32Array, 1 + count, shared);
}
function drawClaimed(job, finalize) {
  const drawer = resampleDrawer(job, finalize);
  let drawn = 0;
  for (; ; ) {
    const slot = Atomics.add(job.claims, 0, 1);
    if (slot >= job.count) return drawn;
    drawer(slot);
    drawn++;
  }
}
function resampleDrawer(job, finalize) {
  const random = new Random(0);
  const state = random.state;
  const { states } = job;
  const start = (slot) => {
    const at = 4 * (job.first + slot);
    state[0] = states[at];
    state[1] = states[at + 1];
    state[2] = states[at + 2];
    state[3] = states[at + 3];
  };
  const mark = (slot) => {
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
      drawSums(state[0], state[1], state[2], state[3], job.n, job.threshold, job.pairs, sums, state);
      job.sums.set(sums, 2 * slot);
      mark(slot);
    };
  }
  if (!finalize) throw new Error("a weights job is drawn with its statistic's finalize");
  const weights = new Int32Array(job.n);
  return (slot) => {
    start(slot);
    weights.fill(0);
    drawWeights(state[0], state[1], state[2], state[3], job.n, job.threshold, weights, state);
    job.values.set(finalize(weights), 2 * slot);
    mark(slot);
  };
}

// src/evaluate/confusion.ts
function compareCodePoints(a, b) {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]?.codePointAt(0) ?? 0;
    const y = right[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x - y;
  }
  return left.length - right.length;
}
var MAX_PER_CLASS = 30;
function metricsFromConfusion(counts, k, binary, zeroDivisions, classes) {
  const present = [];
  const rowSum = new Float64Array(k);
  const colSum = new Float64Array(k);
  let total = 0;
  let trace = 0;
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const c = counts[t * k + p] ?? 0;
      rowSum[t] = (rowSum[t] ?? 0) + c;
      colSum[p] = (colSum[p] ?? 0) + c;
      total += c;
      if (t === p) trace += c;
    }
  }
  for (let c = 0; c < k; c++) if ((rowSum[c] ?? 0) + (colSum[c] ?? 0) > 0) present.push(c);
  const ratio = (num, den, what) => {
    if (den === 0) {
      zeroDivisions?.add(what);
      return 0;
    }
    return num / den;
  };
  const f1Of = (p, r) => p + r === 0 ? 0 : 2 * p * r / (p + r);
  const metrics = { accuracy: trace / total };
  const perClass = classes !== void 0 && present.length <= MAX_PER_CLASS ? {} : null;
  let recallOfLabels = 0;
  let labelClasses = 0;
  let precisionSum = 0;
  let recallSum = 0;
  let f1Sum = 0;
  let precisionWeighted = 0;
  let recallWeighted = 0;
  let f1Weighted = 0;
  for (const c of present) {
    const tp = counts[c * k + c] ?? 0;
    const predictedCount = colSum[c] ?? 0;
    const support = rowSum[c] ?? 0;
    const precision = ratio(tp, predictedCount, "precision");
    const recall = ratio(tp, support, "recall");
    const f1 = f1Of(precision, recall);
    precisionSum += precision;
    recallSum += recall;
    f1Sum += f1;
    precisionWeighted += precision * support;
    recallWeighted += recall * support;
    f1Weighted += f1 * support;
    if (support > 0) {
      recallOfLabels += recall;
      labelClasses++;
    }
    if (perClass) {
      const name = classes?.[c] ?? "";
      perClass[`precision[${name}]`] = precision;
      perClass[`recall[${name}]`] = recall;
      perClass[`f1[${name}]`] = f1;
    }
  }
  if (labelClasses > 0) metrics.balanced_accuracy = recallOfLabels / labelClasses;
  metrics.precision_macro = precisionSum / present.length;
  metrics.recall_macro = recallSum / present.length;
  metrics.f1_macro = f1Sum / present.length;
  metrics.precision_weighted = total === 0 ? 0 : precisionWeighted / total;
  metrics.recall_weighted = total === 0 ? 0 : recallWeighted / total;
  metrics.f1_weighted = total === 0 ? 0 : f1Weighted / total;
  metrics.precision_micro = ratio(trace, total, "precision");
  metrics.recall_micro = ratio(trace, total, "recall");
  metrics.f1_micro = f1Of(metrics.precision_micro, metrics.recall_micro);
  if (binary && present.length <= 2) {
    const c = binary.positive;
    const tp = c >= 0 ? counts[c * k + c] ?? 0 : 0;
    const predictedCount = c >= 0 ? colSum[c] ?? 0 : 0;
    const support = c >= 0 ? rowSum[c] ?? 0 : 0;
    metrics.precision = ratio(tp, predictedCount, "precision");
    metrics.recall = ratio(tp, support, "recall");
    const fpFn = predictedCount - tp + (support - tp);
    metrics.f1 = 2 * tp + fpFn === 0 ? ratio(0, 0, "f1") : 2 * tp / (2 * tp + fpFn);
  }
  return perClass ? Object.assign(metrics, perClass) : metrics;
}

// src/evaluate/coded.ts
function codesFor(classCount, length) {
  if (classCount <= 256) return new Uint8Array(length);
  if (classCount <= 65536) return new Uint16Array(length);
  return new Uint32Array(length);
}
var ColumnInterner = class {
  seen = /* @__PURE__ */ new Map();
  codes = new Uint8Array(1024);
  length = 0;
  add(value) {
    let code = this.seen.get(value);
    if (code === void 0) {
      code = this.seen.size;
      this.seen.set(value, code);
      if (code === 256 || code === 65536) this.resize(this.codes.length);
    }
    if (this.length === this.codes.length) this.resize(this.codes.length * 2);
    this.codes[this.length++] = code;
  }
  resize(capacity) {
    const grown = codesFor(this.seen.size, capacity);
    grown.set(this.codes.subarray(0, this.length));
    this.codes = grown;
  }
  /** The column: codes handed out in order of first sight, renumbered once in sorted order. */
  finish() {
    const firstSight = [...this.seen.keys()];
    const classes = [...firstSight].sort(compareCodePoints);
    const renumber = new Uint32Array(firstSight.length);
    classes.forEach((value, sorted) => renumber[this.seen.get(value) ?? 0] = sorted);
    const codes = this.codes.slice(0, this.length);
    for (let i = 0; i < codes.length; i++) codes[i] = renumber[codes[i] ?? 0] ?? 0;
    return { classes, codes };
  }
};
function internColumn(values) {
  const interner = new ColumnInterner();
  for (const value of values) interner.add(value);
  return interner.finish();
}
function valueAt(column, row) {
  return column.classes[column.codes[row] ?? 0] ?? "";
}
function pickRows(column, rows, into) {
  const codes = into ? into.subarray(0, rows.length) : codesFor(column.classes.length, rows.length);
  for (let j = 0; j < rows.length; j++) codes[j] = column.codes[rows[j] ?? 0] ?? 0;
  return { classes: column.classes, codes };
}
function unionOfClasses(...columns) {
  const present = /* @__PURE__ */ new Set();
  for (const column of columns) {
    const occurs = new Uint8Array(column.classes.length);
    let seen = 0;
    for (let i = 0; i < column.codes.length && seen < occurs.length; i++) {
      const code = column.codes[i] ?? 0;
      if (occurs[code] === 1) continue;
      occurs[code] = 1;
      seen++;
    }
    column.classes.forEach((value, code) => {
      if (occurs[code] === 1) present.add(value);
    });
  }
  const classes = [...present].sort(compareCodePoints);
  const index = new Map(classes.map((value, at) => [value, at]));
  const remaps = columns.map((column) => Int32Array.from(column.classes, (value) => index.get(value) ?? -1));
  return { classes, remaps };
}
function rowsByCode(column, rows, keep) {
  const count = rows ? rows.length : column.codes.length;
  const sizes = new Uint32Array(column.classes.length);
  for (let j = 0; j < count; j++) {
    const code = column.codes[rows ? rows[j] ?? 0 : j] ?? 0;
    sizes[code] = (sizes[code] ?? 0) + 1;
  }
  const groups = Array.from(sizes, (size, code) => new Uint32Array(!keep || keep(code) ? size : 0));
  const filled = new Uint32Array(column.classes.length);
  for (let j = 0; j < count; j++) {
    const row = rows ? rows[j] ?? 0 : j;
    const code = column.codes[row] ?? 0;
    const group = groups[code];
    if (group.length === 0) continue;
    const at = filled[code] ?? 0;
    group[at] = row;
    filled[code] = at + 1;
  }
  return groups;
}

// src/evaluate/ranking.ts
function descendingOrder(scores) {
  return sortInto(scores, { order: new Uint32Array(scores.length), keys: new Float64Array(scores.length) });
}
function withDescendingOrder(scores, use, rows) {
  const buffers = takeBuffers(rows?.length ?? scores.length);
  const out = use(sortInto(scores, buffers, rows));
  keepBuffers(buffers);
  return out;
}
function sortInto(scores, into, rows) {
  const n = rows?.length ?? scores.length;
  const target = { order: into.order.subarray(0, n), keys: into.keys.subarray(0, n) };
  let { order, keys } = target;
  if (rows) gatherKeys(scores, rows, order, keys);
  else copyKeys(scores, order, keys);
  const spare = takeBuffers(n);
  let nextOrder = spare.order.subarray(0, n);
  let nextKeys = spare.keys.subarray(0, n);
  const count = spare.count ??= new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    if (!radixPass(order, keys, nextOrder, nextKeys, count, pass >> 1, (pass & 1) * 16)) continue;
    [order, nextOrder] = [nextOrder, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  if (order.buffer !== target.order.buffer) {
    target.order.set(order);
    target.keys.set(keys);
  }
  keepBuffers(spare);
  return { order: target.order, sorted: target.keys };
}
function copyKeys(scores, order, keys) {
  for (let i = 0; i < keys.length; i++) {
    order[i] = i;
    const score = scores[i] ?? 0;
    keys[i] = score === 0 ? 0 : score;
  }
}
function gatherKeys(scores, rows, order, keys) {
  for (let i = 0; i < keys.length; i++) {
    order[i] = i;
    const score = scores[rows[i] ?? 0] ?? 0;
    keys[i] = score === 0 ? 0 : score;
  }
}
var pool = [];
var POOLED = 2;
function takeBuffers(n) {
  let best = -1;
  for (let k = 0; k < pool.length; k++) {
    const length = pool[k]?.deref()?.order.length ?? -1;
    if (length >= n && (best < 0 || length < (pool[best]?.deref()?.order.length ?? 0))) best = k;
  }
  const taken = best < 0 ? void 0 : pool.splice(best, 1)[0]?.deref();
  return taken ?? { order: new Uint32Array(n), keys: new Float64Array(n) };
}
function keepBuffers(buffers) {
  pool.push(new WeakRef(buffers));
  pool.sort((a, b) => (b.deref()?.order.length ?? -1) - (a.deref()?.order.length ?? -1));
  pool.length = Math.min(pool.length, POOLED);
}
function radixPass(order, keys, nextOrder, nextKeys, count, word, shift) {
  const n = order.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  countDigits(words, count, word, shift);
  if (count[(words[word] ?? 0) >>> shift & 65535] === n) return false;
  bucketStarts(count);
  scatter(order, keys, words, nextOrder, nextKeys, count, word, shift);
  return true;
}
function countDigits(words, count, word, shift) {
  count.fill(0);
  for (let i = word; i < words.length; i += 2) {
    const digit = (words[i] ?? 0) >>> shift & 65535;
    count[digit] = (count[digit] ?? 0) + 1;
  }
}
function bucketStarts(count) {
  let start = 0;
  for (let digit = 65535; digit >= 0; digit--) {
    const size = count[digit] ?? 0;
    count[digit] = start;
    start += size;
  }
}
function scatter(order, keys, words, nextOrder, nextKeys, count, word, shift) {
  for (let i = 0; i < order.length; i++) {
    const digit = (words[2 * i + word] ?? 0) >>> shift & 65535;
    const at = count[digit] ?? 0;
    count[digit] = at + 1;
    nextOrder[at] = order[i] ?? 0;
    nextKeys[at] = keys[i] ?? 0;
  }
}
function weightTotal(weights, n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] ?? 0;
  return total;
}
function positiveWeight(positive, weights, n) {
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives += weights[i] ?? 0;
  return positives;
}
function positiveCount(positive, n) {
  let positives = 0;
  for (let i = 0; i < n; i++) positives += positive[i] ? 1 : 0;
  return positives;
}
function rankingMetrics({ order, sorted }, positive, weights) {
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
    const w = weights ? weights[i] ?? 0 : 1;
    if (positive[i]) tp += w;
    else fp += w;
    if (k + 1 < n && sorted[k + 1] === sorted[k]) continue;
    if (tp + fp === 0) continue;
    const tpr = tp / positives;
    const fpr = fp / negatives;
    area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
    averagePrecision += (tpr - prevTpr) * (tp / (tp + fp));
    prevTpr = tpr;
    prevFpr = fpr;
  }
  return { rocAuc: area, averagePrecision };
}
function oneVsRestRocAucs(ranked, truth, weights) {
  const aucs = [];
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
function oneVsRestRocAuc(ranked, truth, weights) {
  const aucs = oneVsRestRocAucs(ranked, truth, weights);
  return aucs ? aucs.reduce((sum, auc) => sum + auc, 0) / aucs.length : null;
}
function oneVsRestWeightedRocAuc(ranked, truth, weights) {
  const aucs = oneVsRestRocAucs(ranked, truth, weights);
  return aucs ? supportWeighted(aucs, truth, weights) : null;
}
function supportWeighted(aucs, truth, weights) {
  const support = new Float64Array(aucs.length);
  for (let i = 0; i < truth.length; i++) {
    const c = truth[i] ?? 0;
    support[c] = (support[c] ?? 0) + (weights ? weights[i] ?? 0 : 1);
  }
  let sum = 0;
  let total = 0;
  aucs.forEach((auc, c) => {
    sum += auc * (support[c] ?? 0);
    total += support[c] ?? 0;
  });
  return sum / total;
}
function oneVsOneRocAuc(ranked, truth, weights) {
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
function ranksByClass(column, truth, k, weights) {
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
function pairRocAuc({ order, sorted }, positives, negatives, weights) {
  if (!positives || !negatives || positives.length === 0 || negatives.length === 0) return null;
  const weightAt = (rank) => weights ? weights[order[rank] ?? 0] ?? 0 : 1;
  let tp = 0;
  let fp = 0;
  let prevTp = 0;
  let prevFp = 0;
  let area = 0;
  let p = 0;
  let q = 0;
  while (p < positives.length || q < negatives.length) {
    const takePositive = q >= negatives.length || p < positives.length && (positives[p] ?? 0) < (negatives[q] ?? 0);
    const rank = takePositive ? positives[p++] ?? 0 : negatives[q++] ?? 0;
    if (takePositive) tp += weightAt(rank);
    else fp += weightAt(rank);
    const next = p < positives.length && (q >= negatives.length || (positives[p] ?? 0) < (negatives[q] ?? 0)) ? positives[p] : negatives[q];
    if (next !== void 0 && (p < positives.length || q < negatives.length) && sorted[next] === sorted[rank]) continue;
    area += (fp - prevFp) * (tp + prevTp) / 2;
    prevTp = tp;
    prevFp = fp;
  }
  return area / (tp * fp);
}

// src/evaluate/metrics.ts
function markUndefined(outcome, names, reason) {
  for (const name of names) outcome.undefined[name] = reason;
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
  outcome.warnings.push(`${listed} ${names.length === 1 ? "is" : "are"} undefined because ${reason}`);
}
var EPS = 2220446049250313e-31;
function classificationMetrics(input) {
  const { labels, predictions } = input;
  const warnings = [];
  const undefinedMetrics = {};
  const outcome = { warnings, undefined: undefinedMetrics };
  const {
    classes,
    remaps: [truthClass = new Int32Array(), predictedClass = new Int32Array()]
  } = unionOfClasses(labels, predictions);
  const k = classes.length;
  const counts = remappedConfusionCounts(labels.codes, truthClass, predictions.codes, predictedClass, k);
  const positive = input.positiveLabel;
  const zeroDivisions = /* @__PURE__ */ new Set();
  const binary = k <= 2 && positive !== void 0 ? { positive: classes.indexOf(positive) } : null;
  const metrics = metricsFromConfusion(counts, k, binary, zeroDivisions, classes);
  if (k > MAX_PER_CLASS) {
    for (const name of ["precision", "recall", "f1"])
      undefinedMetrics[`${name}[*]`] = `per-class metrics are computed for at most ${MAX_PER_CLASS} classes and the data has ${k}`;
  }
  if (k <= 2 && positive === void 0) {
    warnings.push(
      `binary metrics (precision, recall, f1, roc_auc ...) need the positive class; the labels are ${classes.map((c) => JSON.stringify(c)).join(" and ")}: set model.positive_label`
    );
  }
  let curves;
  if (binary && positive !== void 0 && input.scores) {
    const scores = input.scores instanceof Float64Array ? input.scores : Float64Array.from(input.scores);
    const scored = binaryScoreMetrics(labels, scores, positive, outcome, input.withCurves);
    Object.assign(metrics, scored.metrics);
    curves = scored.curves;
  }
  if (input.probabilities) Object.assign(metrics, probabilityMetrics(labels, input.probabilities, k, outcome));
  for (const what of zeroDivisions) {
    warnings.push(
      `${what} is ill-defined for a class with no ${what === "recall" ? "true" : "predicted"} samples; set to 0 as scikit-learn does`
    );
  }
  const matrix = classes.map((_, t) => classes.map((__, p) => counts[t * k + p] ?? 0));
  return {
    metrics,
    warnings,
    undefined: undefinedMetrics,
    confusion: { labels: classes, matrix },
    ...curves ? { curves } : {}
  };
}
function remappedConfusionCounts(truth, truthClass, predicted, predictedClass, k) {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < truth.length; i++) {
    const cell = (truthClass[truth[i] ?? 0] ?? 0) * k + (predictedClass[predicted[i] ?? 0] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
  return counts;
}
function binaryLogLoss(isPositive, score) {
  const clipped = Math.min(Math.max(score, EPS), 1 - EPS);
  return isPositive ? -Math.log(clipped) : -Math.log(1 - clipped);
}
function flagsAndLosses(codes, positiveCode, scores, isPositive) {
  let brier = 0;
  let logLoss = 0;
  for (let i = 0; i < isPositive.length; i++) {
    const y = codes[i] === positiveCode ? 1 : 0;
    isPositive[i] = y;
    const p = scores[i] ?? 0;
    brier += (y - p) ** 2;
    logLoss += binaryLogLoss(y === 1, p);
  }
  return { brier, logLoss };
}
function binaryScoreMetrics(labels, scores, positive, outcome, withCurves = false) {
  const n = labels.codes.length;
  const isPositive = new Uint8Array(n);
  const { brier, logLoss } = flagsAndLosses(labels.codes, labels.classes.indexOf(positive), scores, isPositive);
  const metrics = {
    brier_score: brier / n,
    log_loss: logLoss / n,
    expected_calibration_error: expectedCalibrationError(scores, isPositive)
  };
  const { curves, ranking } = withDescendingOrder(scores, (ranked) => ({
    curves: withCurves ? { curves: binaryCurves(ranked, isPositive) } : {},
    ranking: rankingMetrics(ranked, isPositive)
  }));
  if (!ranking) {
    markUndefined(outcome, ["roc_auc", "average_precision"], "only one class is present in the labels");
    return { metrics, ...curves };
  }
  metrics.roc_auc = ranking.rocAuc;
  metrics.average_precision = ranking.averagePrecision;
  return { metrics, ...curves };
}
function multiclassLogLosses(truth, columns) {
  const n = truth.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += Math.min(Math.max(column[i] ?? 0, EPS), 1 - EPS);
    const own = Math.min(Math.max(columns[truth[i] ?? 0]?.[i] ?? 0, EPS), 1 - EPS);
    losses[i] = -Math.log(own / sum);
  }
  return losses;
}
function rowsSumToOne(columns, n) {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += column[i] ?? 0;
    if (Math.abs(1 - sum) > 1e-8 + 1e-5 * Math.abs(sum)) return false;
  }
  return true;
}
function probabilityMetrics(labels, probabilities, k, outcome) {
  const column = new Map(probabilities.classes.map((cls, c) => [cls, c]));
  const columnOfClass = Int32Array.from(labels.classes, (cls) => column.get(cls) ?? -1);
  const n = labels.codes.length;
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) truth[i] = columnOfClass[labels.codes[i] ?? 0] ?? -1;
  const metrics = {};
  const losses = multiclassLogLosses(truth, probabilities.columns);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += losses[i] ?? 0;
  metrics.log_loss = sum / n;
  if (k > 2 || probabilities.classes.length > 2) {
    const { confidence, correct } = topClassConfidence(truth, probabilities.columns);
    metrics.expected_calibration_error = expectedCalibrationError(confidence, correct);
    const names = ["roc_auc", "roc_auc_ovr_weighted", "roc_auc_ovo"];
    const labelled = new Uint8Array(probabilities.classes.length);
    for (const c of truth) if (c >= 0) labelled[c] = 1;
    const unlabelled = probabilities.classes.filter((_, c) => labelled[c] === 0);
    if (!rowsSumToOne(probabilities.columns, n)) {
      markUndefined(outcome, names, "the class probabilities of a row do not sum to 1");
    } else if (unlabelled.length > 0) {
      const distinct = unionOfClasses(labels).classes.length;
      markUndefined(
        outcome,
        names,
        distinct === 1 ? "only one class is present in the labels" : `no row is labelled ${unlabelled.map((c) => JSON.stringify(c)).join(", ")}`
      );
    } else {
      const ranked = probabilities.columns.map((column2) => descendingOrder(column2));
      const perClass = oneVsRestRocAucs(ranked, truth) ?? [];
      metrics.roc_auc = perClass.reduce((total, auc) => total + auc, 0) / perClass.length;
      metrics.roc_auc_ovr_weighted = supportWeighted(perClass, truth);
      metrics.roc_auc_ovo = oneVsOneRocAuc(ranked, truth) ?? Number.NaN;
    }
  }
  return metrics;
}
function regressionMetrics(actual, predicted) {
  const n = actual.length;
  let absolute = 0;
  let squared = 0;
  let percentage = 0;
  let sum = 0;
  const errors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = actual[i] ?? 0;
    const error = Math.abs(y - (predicted[i] ?? 0));
    errors[i] = error;
    absolute += error;
    squared += error * error;
    percentage += error / Math.max(Math.abs(y), EPS);
    sum += y;
  }
  const mean = sum / n;
  let total = 0;
  for (let i = 0; i < n; i++) total += ((actual[i] ?? 0) - mean) ** 2;
  const warnings = [];
  const r2 = r2Score(squared, total);
  let maxError = 0;
  let residualSum = 0;
  for (let i = 0; i < n; i++) {
    const residual = (actual[i] ?? 0) - (predicted[i] ?? 0);
    residualSum += residual;
    maxError = Math.max(maxError, Math.abs(residual));
  }
  const residualMean = residualSum / n;
  let residualVariance = 0;
  for (let i = 0; i < n; i++) residualVariance += ((actual[i] ?? 0) - (predicted[i] ?? 0) - residualMean) ** 2;
  if (total === 0)
    warnings.push(
      "r2 and explained_variance are ill-defined for a constant target; reported as scikit-learn does (1 if perfect, else 0)"
    );
  return {
    metrics: {
      mae: absolute / n,
      mse: squared / n,
      rmse: Math.sqrt(squared / n),
      r2,
      mape: percentage / n,
      median_absolute_error: median(errors.sort()),
      explained_variance: r2Score(residualVariance, total),
      max_error: maxError
    },
    warnings,
    undefined: {}
  };
}
function r2Score(residual, total) {
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
function median(sorted) {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] ?? 0 : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// src/gate/significance/paired-data.ts
function floatsPerRow(n, f) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}
function flagsPerRow(n, f) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i) ? 1 : 0;
  return out;
}
function truthIndexIn(data, classes) {
  const indexOfCode = Int32Array.from(data.classes, (value) => classes.indexOf(value));
  const out = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) out[i] = indexOfCode[data.truth[i] ?? 0] ?? -1;
  return out;
}
function restrictRows(data, rows) {
  const floats = (values) => {
    const out = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = values[rows[j] ?? 0] ?? 0;
    return out;
  };
  const classCount = data.task === "classification" ? data.classes.length : 0;
  const codes = (values) => {
    const out = codesFor(classCount, rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = values[rows[j] ?? 0] ?? 0;
    return out;
  };
  return withColumns(data, rows.length, codes, floats);
}
function inSharedMemory(data) {
  const shared = (values) => {
    const type = values.constructor;
    const copy = new type(new SharedArrayBuffer(values.byteLength));
    copy.set(values);
    return copy;
  };
  return withColumns(data, data.n, shared, shared);
}
function withColumns(data, n, codes, floats) {
  if (data.task === "regression") {
    return {
      task: "regression",
      n,
      truth: floats(data.truth),
      candidate: floats(data.candidate),
      baseline: floats(data.baseline)
    };
  }
  return {
    ...data,
    n,
    truth: codes(data.truth),
    candidate: codes(data.candidate),
    baseline: codes(data.baseline),
    candidateScores: data.candidateScores && floats(data.candidateScores),
    baselineScores: data.baselineScores && floats(data.baselineScores),
    candidateProbabilities: data.candidateProbabilities?.map(floats) ?? null,
    baselineProbabilities: data.baselineProbabilities?.map(floats) ?? null
  };
}

export {
  compareCodePoints,
  metricsFromConfusion,
  codesFor,
  ColumnInterner,
  internColumn,
  valueAt,
  pickRows,
  unionOfClasses,
  rowsByCode,
  descendingOrder,
  withDescendingOrder,
  rankingMetrics,
  oneVsRestRocAucs,
  oneVsRestRocAuc,
  oneVsRestWeightedRocAuc,
  supportWeighted,
  oneVsOneRocAuc,
  EPS,
  classificationMetrics,
  binaryLogLoss,
  multiclassLogLosses,
  rowsSumToOne,
  regressionMetrics,
  r2Score,
  floatsPerRow,
  flagsPerRow,
  truthIndexIn,
  restrictRows,
  inSharedMemory,
  Random,
  lemireThreshold,
  fillUniform,
  cellLookup,
  interleave,
  resampleStates,
  typedArray,
  claimsFor,
  drawClaimed,
  resampleDrawer
};
