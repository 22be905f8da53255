import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/data/sketch/hash.ts
var hashed = { h1: 0, h2: 0 };
var float = new Float64Array(1);
var words = new Int32Array(float.buffer);
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
var viewed = new Uint8Array(0);
var view = new DataView(viewed.buffer);
function hashBytes(bytes, start, end) {
  if (bytes !== viewed) {
    viewed = bytes;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const data = view;
  let h1 = 2538058380 ^ end - start;
  let h2 = 1540483477 ^ end - start;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const word = data.getInt32(i, true);
    let k = Math.imul(word, 3432918353);
    k = k << 15 | k >>> 17;
    h1 ^= Math.imul(k, 461845907);
    h1 = h1 << 13 | h1 >>> 19;
    h1 = Math.imul(h1, 5) + 3864292196 | 0;
    h2 = Math.imul(h2 ^ word, 739982445) + 695872825;
    h2 = h2 << 17 | h2 >>> 15;
  }
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i] << shift;
  h1 ^= Math.imul(tail, 461845907);
  h2 = Math.imul(h2 ^ tail, 739982445);
  hashed.h1 = fmix(h1);
  hashed.h2 = fmix(h2 ^ h1);
}
function hashRecord(bytes, start, end) {
  if (bytes !== viewed) {
    viewed = bytes;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const data = view;
  const length = end - start;
  let a = 2538058380 ^ length;
  let b = 1540483477;
  let c = 668265263;
  let d = 374761393;
  let i = start;
  for (; i + 16 <= end; i += 16) {
    a = Math.imul(a ^ data.getInt32(i, true), 2654435761);
    b = Math.imul(b ^ data.getInt32(i + 4, true), 2246822519);
    c = Math.imul(c ^ data.getInt32(i + 8, true), 3266489917);
    d = Math.imul(d ^ data.getInt32(i + 12, true), 668265263);
    a ^= a >>> 15;
    b ^= b >>> 13;
    c ^= c >>> 16;
    d ^= d >>> 14;
  }
  for (let lane = 0; i + 4 <= end; i += 4, lane++) {
    const word = data.getInt32(i, true);
    if (lane === 0) a = Math.imul(a ^ word, 2654435761) ^ 1597463007;
    else if (lane === 1) b = Math.imul(b ^ word, 2246822519) ^ 1597463007;
    else c = Math.imul(c ^ word, 3266489917) ^ 1597463007;
  }
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i] << shift;
  d = Math.imul(d ^ tail, 668265263);
  a = fmix(a);
  b = fmix(b);
  c = fmix(c);
  d = fmix(d);
  hashed.h1 = fmix(a + Math.imul(b, 2654435761) + Math.imul(c, 2246822519) + Math.imul(d, 3266489917) | 0);
  hashed.h2 = fmix(Math.imul(a, 668265263) + Math.imul(b, 374761393) + c + Math.imul(d, 1540483477) ^ hashed.h1);
}
function hashNumber(value) {
  float[0] = value === 0 ? 0 : value;
  const lo = words[0];
  const hi = words[1];
  hashed.h1 = fmix(Math.imul(lo, 3432918353) ^ hi ^ 1597463007);
  hashed.h2 = fmix(Math.imul(hi ^ 668265263, 374761393) ^ lo);
}
function addNumbersToRegisters(registers, values, from, count) {
  const mask = registers.length - 1;
  for (let i = from; i < count; i++) {
    const value = values[i];
    float[0] = value === 0 ? 0 : value;
    const lo = words[0];
    const hi = words[1];
    let h1 = Math.imul(lo, 3432918353) ^ hi ^ 1597463007;
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 2246822507);
    h1 ^= h1 >>> 13;
    h1 = Math.imul(h1, 3266489909);
    h1 ^= h1 >>> 16;
    let h2 = Math.imul(hi ^ 668265263, 374761393) ^ lo;
    h2 ^= h2 >>> 16;
    h2 = Math.imul(h2, 2246822507);
    h2 ^= h2 >>> 13;
    h2 = Math.imul(h2, 3266489909);
    h2 ^= h2 >>> 16;
    const index = h2 & mask;
    const rank = Math.clz32(h1) + 1;
    if (rank > registers[index]) registers[index] = rank;
  }
}
function hashKey(h1, h2) {
  return h1 * 2097152 + (h2 & 2097151);
}
function keyParts(key) {
  const h1 = Math.floor(key / 2097152);
  return { h1, h2: key - h1 * 2097152 };
}
var KeySet = class {
  highs;
  lows;
  used;
  mask;
  constructor(keys) {
    let slots = 16;
    while (slots < keys.length * 2) slots *= 2;
    this.highs = new Int32Array(slots);
    this.lows = new Int32Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
    for (const key of keys) {
      const { h1, h2 } = keyParts(key);
      if (!this.has(h1, h2)) {
        let slot = this.slotOf(h1, h2);
        while (this.used[slot] === 1) slot = slot + 1 & this.mask;
        this.used[slot] = 1;
        this.highs[slot] = h1 | 0;
        this.lows[slot] = h2 & 2097151;
      }
    }
  }
  slotOf(h1, h2) {
    return (h1 ^ h2 & 2097151) & this.mask;
  }
  /** Whether hashKey(h1, h2) is in the set. */
  has(h1, h2) {
    const high = h1 | 0;
    const low = h2 & 2097151;
    for (let slot = this.slotOf(h1, h2); this.used[slot] === 1; slot = slot + 1 & this.mask)
      if (this.highs[slot] === high && this.lows[slot] === low) return true;
    return false;
  }
};
var Random = class {
  state;
  constructor(seed) {
    this.state = seed >>> 0 || 2654435769;
  }
  next() {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  /** An integer in [0, bound). */
  below(bound) {
    const x = this.next();
    return bound > 0 && bound <= 2147483648 && (bound & bound - 1) === 0 ? x & bound - 1 : x % bound;
  }
  get seed() {
    return this.state;
  }
};

// src/data/sketch/level-sort.ts
function sortedLevel(items, size) {
  const level = items.slice(0, size);
  for (let i = 0; i < size; i++) if (Object.is(level[i], -0)) return Array.from(level).sort((a, b) => a - b);
  level.sort();
  const out = new Array(size);
  for (let i = 0; i < size; i++) out[i] = level[i];
  return out;
}
function sortNumbers(items, size) {
  let ordered = 1;
  while (ordered < size && items[ordered - 1] <= items[ordered]) ordered++;
  if (ordered < size) quicksort(items, 0, size - 1);
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (items[mid] < 0) lo = mid + 1;
    else hi = mid;
  }
  let negativeZeros = 0;
  let end = lo;
  for (; end < size && items[end] === 0; end++) if (Object.is(items[end], -0)) negativeZeros++;
  if (negativeZeros > 0) for (let i = lo; i < end; i++) items[i] = i < lo + negativeZeros ? -0 : 0;
}
function quicksort(items, lo, hi) {
  while (hi - lo > 16) {
    const a = items[lo];
    const b = items[lo + hi >>> 1];
    const c = items[hi];
    const pivot = a < b ? b < c ? b : a < c ? c : a : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (items[i] < pivot) i++;
      while (items[j] > pivot) j--;
      if (i <= j) {
        const t = items[i];
        items[i++] = items[j];
        items[j--] = t;
      }
    }
    if (j - lo < hi - i) {
      quicksort(items, lo, j);
      lo = i;
    } else {
      quicksort(items, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const value = items[i];
    let j = i - 1;
    while (j >= lo && items[j] > value) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = value;
  }
}

// src/data/sketch/sorted-levels.ts
function sortedLevels(levels) {
  return mergeSortedLevels(levels) ?? sortedPairs(levels);
}
function mergeSortedLevels(levels) {
  let total = 0;
  for (const level of levels) {
    for (let i = 0; i < level.length; i++) {
      if (!Number.isFinite(level[i]) || i > 0 && !(level[i - 1] <= level[i])) return null;
    }
    total += level.length;
  }
  let values = new Float64Array(total);
  let weights = new Float64Array(total);
  let spareValues = new Float64Array(total);
  let spareWeights = new Float64Array(total);
  let size = 0;
  levels.forEach((level, depth) => {
    const weight = 2 ** depth;
    let a = 0;
    let b = 0;
    let out = 0;
    while (a < size && b < level.length) {
      const next = level[b];
      if (next < values[a]) {
        spareValues[out] = next;
        spareWeights[out++] = weight;
        b++;
      } else {
        spareValues[out] = values[a];
        spareWeights[out++] = weights[a++];
      }
    }
    for (; a < size; a++) {
      spareValues[out] = values[a];
      spareWeights[out++] = weights[a];
    }
    for (; b < level.length; b++) {
      spareValues[out] = level[b];
      spareWeights[out++] = weight;
    }
    [values, spareValues] = [spareValues, values];
    [weights, spareWeights] = [spareWeights, weights];
    size = out;
  });
  return { values, weights };
}
function sortedPairs(levels) {
  const pairs = [];
  levels.forEach((values, level) => {
    for (const value of values) pairs.push([value, 2 ** level]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return { values: Float64Array.from(pairs, (p) => p[0]), weights: Float64Array.from(pairs, (p) => p[1]) };
}

// src/data/sketch/kll.ts
var KLL_K = 1024;
var MIN_WIDTH = 8;
var SAMPLER_MIN_CAPACITY = 128;
var KLL_RANK_ERROR = 75e-4;
function capacity(k, depth) {
  return Math.max(MIN_WIDTH, Math.ceil(k * Math.pow(2 / 3, depth)));
}
function compactorLevels(k) {
  let depth = 0;
  while (capacity(k, depth) >= SAMPLER_MIN_CAPACITY) depth++;
  return depth;
}
var KllSketch = class _KllSketch {
  k;
  levels = [];
  sizes = [];
  /** Whether each level's items are in order (levels that only received compacted halves are, by merging). */
  sorted = [];
  /** Each level's capacity at the current height (capacity() per level, kept: compress() reads them often). */
  capacities = [];
  retained = 0;
  totalCapacity = 0;
  random;
  samplerDepth;
  n = 0;
  min = Infinity;
  max = -Infinity;
  exact = true;
  // The sampler: values enter level `samplerLevel`; one of each block of 2^samplerLevel is kept.
  samplerLevel = 0;
  block = 1;
  pending = new Float64Array(1);
  pendingCount = 0;
  pick = 0;
  constructor(seed = 1, k = KLL_K) {
    this.k = k;
    this.random = new Random(seed);
    this.samplerDepth = compactorLevels(k);
    this.addLevel();
  }
  update(value) {
    this.n++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.samplerLevel === 0) {
      this.insert(0, value);
      return;
    }
    this.pending[this.pendingCount++] = value;
    if (this.pendingCount === this.block) {
      const kept = this.pending[this.pick];
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
  updateMany(values, count) {
    let min = this.min;
    let max = this.max;
    for (let i2 = 0; i2 < count; i2++) {
      const value = values[i2];
      if (value < min) min = value;
      if (value > max) max = value;
    }
    this.min = min;
    this.max = max;
    this.n += count;
    let i = 0;
    while (i < count && this.samplerLevel === 0) {
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
      const kept = pick < this.pendingCount ? this.pending[pick] : values[i + pick - this.pendingCount];
      i += missing;
      this.pendingCount = 0;
      this.exact = false;
      this.insert(this.samplerLevel, kept);
      this.adjustSampler();
      this.pick = this.random.below(this.block);
    }
  }
  /** insert(0, v) for each of values[from, from + count), where only the last may make the sketch compress. */
  insertRun(values, from, count) {
    let items = this.levels[0];
    const size = this.sizes[0];
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
  adjustSampler() {
    const wanted = Math.max(0, this.levels.length - this.samplerDepth);
    if (wanted > this.samplerLevel) {
      this.samplerLevel = wanted;
      this.block = 2 ** wanted;
      this.pending = new Float64Array(this.block);
      this.pick = this.random.below(this.block);
    }
  }
  insert(level, value) {
    let items = this.levels[level];
    const size = this.sizes[level];
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
  addLevel() {
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
  compress() {
    const height = this.levels.length;
    let level = 0;
    while (level < height - 1 && this.sizes[level] < this.capacities[level]) level++;
    if (level === height - 1) this.addLevel();
    this.compact(level);
    if (this.samplerLevel > 0 || this.levels.length > this.samplerDepth) this.adjustSampler();
  }
  compact(level) {
    this.exact = false;
    const size = this.sizes[level];
    const items = this.levels[level];
    if (!this.sorted[level]) sortNumbers(items, size);
    const odd = size % 2;
    const even = size - odd;
    const offset = this.random.next() & 1;
    const moving = even / 2;
    if (this.sorted[level + 1]) {
      this.mergeUp(level + 1, items, offset, moving);
    } else {
      for (let i = offset; i < even; i += 2) this.pushRaw(level + 1, items[i]);
    }
    this.retained -= even;
    if (odd) items[0] = items[size - 1];
    this.sizes[level] = odd;
    this.sorted[level] = true;
  }
  /** Merges items[offset], items[offset + 2] ... (in order, `count` of them) into the sorted level. */
  mergeUp(level, from, offset, count) {
    let items = this.levels[level];
    const size = this.sizes[level];
    if (size + count > items.length) {
      const grown = new Float64Array(Math.max(16, (size + count) * 2));
      grown.set(items.subarray(0, size));
      this.levels[level] = items = grown;
    }
    let i = size - 1;
    let j = count - 1;
    for (let write = size + count - 1; j >= 0; write--) {
      const candidate = from[offset + 2 * j];
      if (i >= 0 && items[i] > candidate) items[write] = items[i--];
      else {
        items[write] = candidate;
        j--;
      }
    }
    this.sizes[level] = size + count;
    this.retained += count;
  }
  pushRaw(level, value) {
    let items = this.levels[level];
    const size = this.sizes[level];
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
  flush() {
    const waiting = this.pendingCount;
    this.pendingCount = 0;
    for (let i = 0; i < waiting; i++) this.insert(0, this.pending[i]);
  }
  merge(state) {
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
  toState() {
    this.flush();
    return {
      k: this.k,
      n: this.n,
      min: this.n > 0 ? this.min : null,
      max: this.n > 0 ? this.max : null,
      levels: this.levels.map((items, level) => sortedLevel(items, this.sizes[level])),
      exact: this.exact
    };
  }
  static fromState(state, seed = 1) {
    const sketch = new _KllSketch(seed, state.k);
    sketch.merge(state);
    return sketch;
  }
};
var KllView = class {
  values;
  /** cumulative[i] = total weight of values[0..i]. */
  cumulative;
  n;
  exact;
  min;
  max;
  constructor(state) {
    const run = sortedLevels(state.levels);
    this.values = run.values;
    this.cumulative = new Float64Array(run.values.length);
    let total = 0;
    for (let i = 0; i < run.weights.length; i++) this.cumulative[i] = total += run.weights[i];
    if (total > 0 && total !== state.n)
      for (let i = 0; i < run.values.length; i++) this.cumulative[i] *= state.n / total;
    this.n = state.n;
    this.exact = state.exact;
    this.min = state.min ?? NaN;
    this.max = state.max ?? NaN;
  }
  /** The share of values <= x (the empirical CDF at x). */
  cdf(x) {
    if (this.n === 0) return NaN;
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.values[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : Math.min(1, this.cumulative[lo - 1] / this.n);
  }
  /** The share of values < x. */
  cdfBelow(x) {
    if (this.n === 0) return NaN;
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.values[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : Math.min(1, this.cumulative[lo - 1] / this.n);
  }
  /** The q-quantile by nearest rank: the smallest value whose CDF is at least q (q = 0 gives the minimum). */
  quantile(q) {
    if (this.n === 0) return NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const target = q * this.n;
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return this.values[lo];
  }
};

// src/data/sketch/hll.ts
var HLL_PRECISION = 14;
var REGISTERS = 1 << HLL_PRECISION;
var Q = 32;
var HLL_STANDARD_ERROR = 1.04 / Math.sqrt(REGISTERS);
var HyperLogLog = class {
  registers;
  constructor(registers) {
    this.registers = registers ?? new Uint8Array(REGISTERS);
  }
  /** Adds a value by its hash pair (see hash.ts): h2's low 14 bits pick the register, h1 gives the rank. */
  add(h1, h2) {
    const index = h2 & REGISTERS - 1;
    const rank = Math.clz32(h1) + 1;
    if (rank > this.registers[index]) this.registers[index] = rank;
  }
  merge(other) {
    const registers = this.registers;
    for (let i = 0; i < REGISTERS; i++) if (other[i] > registers[i]) registers[i] = other[i];
  }
  estimate() {
    const counts = new Array(Q + 2).fill(0);
    for (const rank of this.registers) counts[rank]++;
    const m = REGISTERS;
    let z = m * tau(1 - counts[Q + 1] / m);
    for (let k = Q; k >= 1; k--) z = 0.5 * (z + counts[k]);
    z += m * sigma(counts[0] / m);
    return Math.round(m / (2 * Math.LN2) / z * m);
  }
};
function sigma(x) {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (; ; ) {
    x *= x;
    const previous = z;
    z += x * y;
    y += y;
    if (z === previous) return z;
  }
}
function tau(x) {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (; ; ) {
    x = Math.sqrt(x);
    const previous = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
    if (z === previous) return z / 3;
  }
}
function encodeRegisters(registers) {
  return Buffer.from(registers.buffer, registers.byteOffset, registers.byteLength).toString("base64");
}
function decodeRegisters(text) {
  const bytes = Buffer.from(text, "base64");
  return bytes.length === REGISTERS ? new Uint8Array(bytes) : void 0;
}
function hllOfKeys(keys) {
  const hll = new HyperLogLog();
  for (const key of keys) {
    const { h1, h2 } = keyParts(key);
    hll.add(h1, h2);
  }
  return hll;
}
function hllOfNumbers(values) {
  const hll = new HyperLogLog();
  for (const value of values) {
    hashNumber(value);
    hll.add(hashed.h1, hashed.h2);
  }
  return hll;
}

export {
  hashed,
  hashBytes,
  hashRecord,
  hashNumber,
  addNumbersToRegisters,
  hashKey,
  KeySet,
  KLL_RANK_ERROR,
  KllSketch,
  KllView,
  HLL_STANDARD_ERROR,
  HyperLogLog,
  encodeRegisters,
  decodeRegisters,
  hllOfKeys,
  hllOfNumbers
};
