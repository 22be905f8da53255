import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  KeySet,
  KllSketch,
  addNumbersToRegisters,
  encodeRegisters,
  hashBytes,
  hashKey,
  hashNumber,
  hashRecord,
  hashed,
  hllOfKeys,
  hllOfNumbers
} from "./chunk-VZY6JDFA.js";
import {
  CHUNK,
  DelimitedReader,
  MORE,
  POWERS_OF_TEN,
  RECORD,
  RecordBatch,
  cellText,
  fileReader,
  gzipReader,
  isMissingToken,
  jsonLines,
  openParquet,
  parseBoolean,
  parseDatetime,
  parseNumber,
  parsed,
  usualDatetime,
  utf8
} from "./chunk-Z7WWPMG5.js";
import {
  DataReadError
} from "./chunk-XOZC47AQ.js";

// src/data/text-cap.ts
var TEXT_CAP = 256;
var CUT_MARK = "\u2026";
function capText(text) {
  if (text.length <= TEXT_CAP) return text;
  let units = 0;
  let characters = 0;
  while (units < text.length && characters < TEXT_CAP) {
    const code = text.charCodeAt(units);
    units += code >= 55296 && code <= 56319 && units + 1 < text.length ? 2 : 1;
    characters++;
  }
  return units === text.length ? text : `${text.slice(0, units)}${CUT_MARK}`;
}
function isCut(text) {
  if (text.length <= TEXT_CAP || !text.endsWith(CUT_MARK)) return false;
  let characters = 0;
  for (const _ of text) if (++characters > TEXT_CAP) return true;
  return false;
}
function decodeCapped(bytes, start, end) {
  const stop = Math.min(end, start + 4 * (TEXT_CAP + 1) + 3);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, stop - start).toString("utf8");
  return capText(text);
}

// src/data/sketch/frequent.ts
var FREQUENT_CAPACITY = 2048;
var textOf = decodeCapped;
var INDEX_SIZE = FREQUENT_CAPACITY * 4;
var FrequentItems = class {
  /** Open-addressing index from key to slot + 1 (0 = empty): no allocation per lookup, unlike a Map of doubles. */
  index = new Int32Array(INDEX_SIZE);
  counts = new Float64Array(FREQUENT_CAPACITY + 1);
  keys = new Float64Array(FREQUENT_CAPACITY + 1);
  texts = [];
  used = 0;
  error = 0;
  /**
   * Counts one occurrence of bytes[start, end) (hashed to `key`). Its words are only decoded when needed: for a new
   * value while the table is exact, or for a value seen twice (after the table has overflowed, most new values are
   * seen once and dropped again, so decoding each would be wasted work).
   */
  add(key, bytes, start, end) {
    const slot = this.find(key);
    if (slot >= 0) {
      this.counts[slot]++;
      if (this.texts[slot] === null) this.texts[slot] = textOf(bytes, start, end);
      return;
    }
    if (this.used === FREQUENT_CAPACITY) this.purge();
    this.insert(key, 1, this.error === 0 ? textOf(bytes, start, end) : null);
  }
  /** Counts `count` occurrences of bytes[start, end) at once (see add). */
  addCount(key, count, bytes, start, end) {
    const slot = this.find(key);
    if (slot >= 0) {
      this.counts[slot] += count;
      if (this.texts[slot] === null) this.texts[slot] = textOf(bytes, start, end);
      return;
    }
    if (this.used === FREQUENT_CAPACITY) this.purge();
    this.insert(key, count, this.error === 0 || count > 1 ? textOf(bytes, start, end) : null);
  }
  /** The key's slot, or -1. Keys are integers below 2^53; `key | 0` keeps their low 32 bits, hash bits all. */
  find(key) {
    const index = this.index;
    const mask = INDEX_SIZE - 1;
    for (let i = (key | 0) & mask; ; i = i + 1 & mask) {
      const entry = index[i];
      if (entry === 0) return -1;
      if (this.keys[entry - 1] === key) return entry - 1;
    }
  }
  insert(key, count, text) {
    const slot = this.used++;
    const index = this.index;
    const mask = INDEX_SIZE - 1;
    let i = (key | 0) & mask;
    while (index[i] !== 0) i = i + 1 & mask;
    index[i] = slot + 1;
    this.keys[slot] = key;
    this.counts[slot] = count;
    this.texts[slot] = text;
  }
  /** Subtracts the median count from every entry and drops those that reach zero (at least half of them). */
  purge() {
    const median = medianCount(this.counts, this.used);
    this.error += median;
    const keys = this.keys;
    const counts = this.counts;
    const texts = this.texts;
    this.index.fill(0);
    let kept = 0;
    for (let i = 0; i < this.used; i++) {
      const count = counts[i] - median;
      if (count <= 0) continue;
      keys[kept] = keys[i];
      counts[kept] = count;
      texts[kept] = texts[i];
      kept++;
    }
    texts.length = kept;
    this.used = 0;
    const survivors = kept;
    for (let i = 0; i < survivors; i++) this.insert(keys[i], counts[i], texts[i] ?? null);
  }
  merge(state) {
    this.error += state.error;
    for (const [key, count, text] of state.entries) {
      const slot = this.find(key);
      if (slot >= 0) {
        this.counts[slot] += count;
        this.texts[slot] ??= text;
      } else {
        if (this.used === FREQUENT_CAPACITY) this.purge();
        this.insert(key, count, text);
      }
    }
  }
  /** Values in the table now. */
  get size() {
    return this.used;
  }
  /** Number of distinct values, when it is exactly known (the table never overflowed). */
  get exactDistinct() {
    return this.error === 0 ? this.used : null;
  }
  keysInTable() {
    return this.keys.slice(0, this.used);
  }
  toState() {
    const entries = [];
    for (let i = 0; i < this.used; i++) entries.push([this.keys[i], this.counts[i], this.texts[i] ?? null]);
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { entries, error: this.error };
  }
};
var scratch = new Float64Array(FREQUENT_CAPACITY + 1);
function medianCount(counts, used) {
  const k = used >>> 1;
  let smallest = Infinity;
  let atSmallest = 0;
  for (let i = 0; i < used; i++) {
    const count = counts[i];
    if (count < smallest) {
      smallest = count;
      atSmallest = 1;
    } else if (count === smallest) atSmallest++;
  }
  if (atSmallest > k) return smallest;
  scratch.set(counts.subarray(0, used));
  return kthSmallest(scratch.subarray(0, used), k);
}
function kthSmallest(values, k) {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[lo + hi >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

// src/data/held-values.ts
var HELD_VALUES_BUDGET = 1 << 22;
function heldValuesLimit(budget, numericColumns) {
  return numericColumns === 0 ? 0 : Math.floor(budget / numericColumns);
}
var BLOCK = 1 << 14;
var HeldValues = class {
  constructor(limit) {
    this.limit = limit;
    this.filled = limit > 0 ? [] : null;
  }
  limit;
  /** Full blocks, then the one being filled; null once let go (or never kept). */
  filled;
  size = 0;
  /** values[0, count), in order; past the limit everything held is let go, for good. */
  addMany(values, count) {
    const blocks = this.filled;
    if (blocks === null) return;
    if (this.size + count > this.limit) {
      this.filled = null;
      return;
    }
    for (let from = 0; from < count; ) {
      const at = this.size % BLOCK;
      const block = at === 0 ? pushed(blocks, new Float64Array(Math.min(BLOCK, this.limit))) : blocks.at(-1);
      const take = Math.min(count - from, block.length - at);
      block.set(values.subarray(from, from + take), at);
      from += take;
      this.size += take;
    }
  }
  /** One value (the monitor collects a window's scores and latencies this way, with no limit). */
  add(value) {
    const blocks = this.filled;
    if (blocks === null) return;
    if (this.size + 1 > this.limit) {
      this.filled = null;
      return;
    }
    const at = this.size % BLOCK;
    const block = at === 0 ? pushed(blocks, new Float64Array(Math.min(BLOCK, this.limit))) : blocks.at(-1);
    block[at] = value;
    this.size++;
  }
  /**
   * The values held, in arrival order, as the blocks that hold them (the last cut to what it holds), or null when they
   * were let go (or never kept): a worker thread hands these over as they are, and the reading thread joins a column's
   * blocks from every range once (HeldParts).
   */
  blocks() {
    const blocks = this.filled;
    if (blocks === null) return null;
    const used = this.size - (blocks.length - 1) * BLOCK;
    const last = blocks.at(-1);
    if (last && used < last.length) blocks[blocks.length - 1] = last.slice(0, used);
    return blocks;
  }
  /**
   * The values held, in arrival order, or null when they were let go (or never kept): copied once into an array of
   * their exact size (growing one array by doubling held up to three times its size at a time, and left that much for
   * the collector).
   */
  result() {
    const blocks = this.filled;
    if (blocks === null) return null;
    const out = new Float64Array(this.size);
    let at = 0;
    for (const block of blocks) {
      const take = Math.min(block.length, this.size - at);
      out.set(take === block.length ? block : block.subarray(0, take), at);
      at += take;
    }
    return out;
  }
};
function pushed(blocks, block) {
  blocks.push(block);
  return block;
}
var HeldParts = class {
  constructor(limit) {
    this.limit = limit;
    this.parts = limit > 0 ? [] : null;
  }
  limit;
  parts;
  size = 0;
  /** A range's values, in blocks (null: the range could not hold its own, so neither can the whole). */
  addAll(values) {
    if (this.parts === null) return;
    const count = values?.reduce((sum, block) => sum + block.length, 0) ?? 0;
    if (values === null || this.size + count > this.limit) {
      this.parts = null;
      return;
    }
    this.parts.push(...values);
    this.size += count;
  }
  /**
   * The values held, in range order, or null when they were let go (or never kept). Call it once. With `arrays`, the
   * values are joined into one of theirs rather than a new array.
   */
  result(arrays) {
    const parts = this.parts;
    if (parts === null) return null;
    this.parts = [];
    if (parts.length === 1) return parts[0];
    const joined = arrays ? arrays.take(this.size) : new Float64Array(this.size);
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  }
};
var HeldArrays = class {
  /** Whole arrays given back, free to take; at most as many as were last given back. */
  free = [];
  /** An array of `length` values (a view of the front of a larger one given back, or a new one; its contents are stale). */
  take(length) {
    let best = -1;
    this.free.forEach((array2, i) => {
      if (array2.length >= length && (best < 0 || array2.length < this.free[best].length)) best = i;
    });
    if (best < 0) {
      this.free.pop();
      return new Float64Array(length + (length >> 4)).subarray(0, length);
    }
    const [array] = this.free.splice(best, 1);
    return array.length === length ? array : array.subarray(0, length);
  }
  /** Gives back arrays from {@link take} that nothing reads any more (others are ignored). */
  give(arrays) {
    const given = [];
    for (const array of arrays)
      if (array.byteOffset === 0 && array.buffer instanceof ArrayBuffer) given.push(new Float64Array(array.buffer));
    this.free = [...this.free, ...given].sort((a, b) => b.length - a.length).slice(0, Math.max(given.length, 1));
  }
};

// src/data/sketch/moments.ts
var Moments = class {
  count = 0;
  shift = 0;
  sum = 0;
  sumSquares = 0;
  add(value) {
    if (this.count === 0) this.shift = value;
    const d = value - this.shift;
    this.sum += d;
    this.sumSquares += d * d;
    this.count++;
  }
  /** add() for values[0, count), in one loop. */
  addMany(values, count) {
    if (count === 0) return;
    if (this.count === 0) this.shift = values[0];
    const shift = this.shift;
    let sum = this.sum;
    let sumSquares = this.sumSquares;
    for (let i = 0; i < count; i++) {
      const d = values[i] - shift;
      sum += d;
      sumSquares += d * d;
    }
    this.sum = sum;
    this.sumSquares = sumSquares;
    this.count += count;
  }
  toState() {
    if (this.count === 0) return { count: 0, mean: 0, m2: 0 };
    const meanShifted = this.sum / this.count;
    return {
      count: this.count,
      mean: this.shift + meanShifted,
      m2: Math.max(0, this.sumSquares - this.sum * meanShifted)
    };
  }
};
function mergeMoments(a, b) {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  return {
    count,
    mean: a.mean + delta * b.count / count,
    m2: a.m2 + b.m2 + delta * delta * a.count * b.count / count
  };
}
function sampleStd(state) {
  return state.count > 1 ? Math.sqrt(state.m2 / (state.count - 1)) : null;
}
function populationStd(state) {
  return state.count > 0 ? Math.sqrt(state.m2 / state.count) : null;
}

// src/data/sketch/numbers.ts
var NumberCounts = class {
  constructor(capacity) {
    this.capacity = capacity;
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Float64Array(slots);
    this.counts = new Float64Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
  }
  capacity;
  keys;
  counts;
  used;
  mask;
  size = 0;
  /**
   * Counts `value` (hashed by the caller with hashNumber, so {@link hashed} holds its hash). False when the value is
   * new and the table is full: the caller then stops counting exactly.
   */
  addHashed(value) {
    const mask = this.mask;
    let slot = hashed.h2 & mask;
    const keys = this.keys;
    const used = this.used;
    while (used[slot] === 1) {
      if (keys[slot] === value) {
        this.counts[slot]++;
        return true;
      }
      slot = slot + 1 & mask;
    }
    if (this.size === this.capacity) return false;
    used[slot] = 1;
    keys[slot] = value + 0;
    this.counts[slot] = 1;
    this.size++;
    return true;
  }
  add(value, count = 1) {
    hashNumber(value);
    if (!this.addHashed(value)) return false;
    if (count !== 1) {
      let slot = hashed.h2 & this.mask;
      while (this.keys[slot] !== value) slot = slot + 1 & this.mask;
      this.counts[slot] += count - 1;
    }
    return true;
  }
  /** [number, count] in ascending order of the numbers. */
  entries() {
    const out = [];
    for (let slot = 0; slot < this.used.length; slot++)
      if (this.used[slot] === 1) out.push([this.keys[slot], this.counts[slot]]);
    return out.sort((a, b) => a[0] - b[0]);
  }
  /** The numbers counted, in no particular order. */
  values() {
    const values = new Float64Array(this.size);
    let at = 0;
    for (let slot = 0; slot < this.used.length; slot++) if (this.used[slot] === 1) values[at++] = this.keys[slot];
    return values;
  }
};

// src/data/tally.ts
var EXAMPLE_ROWS = 5;
function addToTally(tallies, rule, row, observed) {
  const tally = tallies[rule];
  if (tally === void 0) {
    tallies[rule] = { count: 1, rows: [row], observed: capText(observed()) };
    return;
  }
  tally.count++;
  if (tally.rows.length < EXAMPLE_ROWS) tally.rows.push(row);
}
function mergeTallies(earlier, later) {
  for (const [rule, tally] of Object.entries(later)) {
    const into = earlier[rule];
    if (into === void 0) {
      earlier[rule] = { count: tally.count, rows: [...tally.rows], observed: tally.observed };
      continue;
    }
    into.count += tally.count;
    for (const row of tally.rows) if (into.rows.length < EXAMPLE_ROWS) into.rows.push(row);
  }
}
function shiftTallies(tallies, by) {
  for (const tally of Object.values(tallies)) tally.rows = tally.rows.map((row) => row + by);
}

// src/data/column/plan.ts
function keyOf(text) {
  const bytes = Buffer.from(text, "utf8");
  hashBytes(bytes, 0, bytes.length);
  return hashKey(hashed.h1, hashed.h2);
}

// src/data/column/state.ts
var EXACT_NUMBERS = FREQUENT_CAPACITY;

// src/data/column/unique.ts
var UniqueValues = class {
  constructor(check, repeats, ordered) {
    this.check = check;
    this.repeats = repeats;
    this.ordered = ordered;
  }
  check;
  repeats;
  ordered;
  order = {
    inOrder: 0,
    first: NaN,
    last: NaN,
    inOrderEnd: 0,
    keyed: null,
    spilled: 0,
    min: Infinity,
    max: -Infinity
  };
  /** Where the repeat checks find record i (its file offset), set before a value of it may be spilled. */
  locate(batch, i, offsetBase) {
    this.repeats.offset = offsetBase < 0 ? -1 : offsetBase + batch.recordStarts[i];
  }
  /**
   * A value of a unique column: left out of the spill while values ascend (see KeyOrder), else spilled with its
   * text's hash (in {@link hashed} already when `hashedAlready`).
   */
  add(bytes, start, end, record, key, hashedAlready) {
    const order = this.order;
    const repeats = this.repeats;
    if (this.ordered && order.spilled === 0 && (order.inOrder === 0 ? key === key : key > order.last)) {
      if (order.inOrder === 0) order.first = key;
      order.last = key;
      order.inOrder++;
      order.inOrderEnd = record + 1;
      let keyed = order.keyed;
      if (keyed === null || record >>> 3 >= keyed.length) {
        const grown = new Uint8Array(Math.max(1024, (record >>> 3) * 2));
        if (keyed !== null) grown.set(keyed);
        order.keyed = keyed = grown;
      }
      keyed[record >>> 3] |= 1 << (record & 7);
      const rows = repeats.rows;
      if (rows !== null && rows.check === this.check) rows.carried[record - rows.base] = 1;
      return;
    }
    if (!hashedAlready) hashBytes(bytes, start, end);
    repeats.add(this.check, hashed.h1, hashed.h2, record, bytes, start, end);
    order.spilled++;
    if (key !== key) order.min = order.max = NaN;
    else if (order.min === order.min) {
      if (key < order.min) order.min = key;
      if (key > order.max) order.max = key;
    }
  }
  /** How this range's values went to the repeat check (see KeyOrder). */
  keyOrder() {
    const order = this.order;
    return { ...order, keyed: order.keyed && order.keyed.slice(0, order.inOrderEnd + 7 >>> 3) };
  }
};

// src/data/column/accumulator.ts
var NUMBER_BATCH = 1024;
var TRUE_KEY = keyOf("true");
var FALSE_KEY = keyOf("false");
var TRUE_BYTES = Buffer.from("true");
var FALSE_BYTES = Buffer.from("false");
var ColumnAccumulator = class {
  constructor(plan, seed, repeats, rereadable = false) {
    this.plan = plan;
    this.kind = plan.kind;
    this.rules = plan.rules;
    this.allowed = plan.rules?.allowed ? new KeySet(plan.rules.allowed) : null;
    this.pattern = plan.rules?.regex ? new RegExp(`^(?:${plan.rules.regex})$`, "u") : null;
    this.integerOnly = plan.declared === "integer";
    this.textChecks = this.allowed !== null || this.pattern !== null || plan.rules?.unique === true;
    this.readsNumbers = plan.kind === "numeric" || plan.kind === "datetime" || plan.kind === "any";
    this.unique = repeats !== null && plan.rules?.unique === true && plan.uniqueCheck !== null ? new UniqueValues(
      plan.uniqueCheck,
      repeats,
      rereadable && (plan.kind === "numeric" || plan.kind === "datetime")
    ) : null;
    const bounded = plan.rules !== null && plan.kind !== "any";
    this.low = bounded ? plan.rules?.min ?? -Infinity : -Infinity;
    this.high = bounded ? plan.rules?.max ?? Infinity : Infinity;
    this.moments = this.readsNumbers ? new Moments() : null;
    this.sketch = this.readsNumbers ? new KllSketch(seed) : null;
    this.numbers = this.readsNumbers ? new NumberCounts(EXACT_NUMBERS) : null;
    this.held = this.readsNumbers && plan.valuesLimit > 0 ? new HeldValues(plan.valuesLimit) : null;
    this.frequent = plan.kind === "text" || plan.kind === "boolean" || plan.kind === "any" ? new FrequentItems() : null;
  }
  plan;
  rows = 0;
  values = 0;
  nulls = 0;
  missingTokens = 0;
  invalid = 0;
  nonFinite = 0;
  fractional = 0;
  numericValues = 0;
  moments;
  sketch;
  numbers;
  held;
  /** Numbers waiting for the sketches (see number()); the batch loops fill it directly. */
  batch = new Float64Array(NUMBER_BATCH);
  batched = 0;
  frequent;
  hll = null;
  checks = {};
  kind;
  rules;
  allowed;
  pattern;
  integerOnly;
  readsNumbers;
  textChecks;
  /** The `unique` rule's way to the repeat checks, when its values go there; else null. */
  unique;
  /** The min and max rules as bounds (infinite without them): one comparison finds the values that break them. */
  low;
  high;
  observeNull(record) {
    this.rows++;
    this.nulls++;
    if (this.rules && !this.rules.nullable) addToTally(this.checks, "nullable", record, () => "empty");
  }
  /** One non-empty cell: bytes[start, end). */
  observe(bytes, start, end, record) {
    const kind = this.kind;
    const first = bytes[start];
    if (kind !== "text" && kind !== "any" && (first < 48 || first > 57) && isMissingToken(bytes, start, end)) {
      this.rows++;
      this.nulls++;
      this.missingTokens++;
      if (this.rules && !this.rules.nullable)
        addToTally(this.checks, "nullable", record, () => decodeCapped(bytes, start, end));
      return;
    }
    this.rows++;
    this.values++;
    if (kind === "numeric") {
      if (!parseNumber(bytes, start, end)) return this.reject(bytes, start, end, record);
      if (!parsed.integer) {
        if (this.integerOnly) return this.reject(bytes, start, end, record);
        this.fractional++;
      }
      this.number(parsed.value, bytes, start, end, record);
    } else if (kind === "datetime") {
      if (!parseDatetime(bytes, start, end)) return this.reject(bytes, start, end, record);
      this.number(parsed.value, bytes, start, end, record);
    } else if (kind === "boolean") {
      if (!parseBoolean(bytes, start, end)) return this.reject(bytes, start, end, record);
      if (parsed.value === 1) this.frequent.add(TRUE_KEY, TRUE_BYTES, 0, 4);
      else this.frequent.add(FALSE_KEY, FALSE_BYTES, 0, 5);
    } else {
      if (kind === "any") {
        if (isMissingToken(bytes, start, end)) this.missingTokens++;
        else if (parseNumber(bytes, start, end) && Number.isFinite(parsed.value)) {
          this.numericValues++;
          if (!parsed.integer) this.fractional++;
          this.number(parsed.value, bytes, start, end, record);
        }
      }
      this.text(bytes, start, end);
    }
    if (this.textChecks) {
      const key = kind === "numeric" || kind === "datetime" ? parsed.value : NaN;
      this.textRules(bytes, start, end, record, kind === "text" || kind === "any", key);
    }
  }
  /** The min and max rules, for a value outside [low, high]. */
  outOfBounds(value, bytes, start, end, record) {
    const rules = this.rules;
    if (rules.min !== null && value < rules.min)
      addToTally(this.checks, "min", record, () => decodeCapped(bytes, start, end));
    if (rules.max !== null && value > rules.max)
      addToTally(this.checks, "max", record, () => decodeCapped(bytes, start, end));
  }
  reject(bytes, start, end, record) {
    this.invalid++;
    addToTally(this.checks, "type", record, () => decodeCapped(bytes, start, end));
  }
  number(value, bytes, start, end, record) {
    if (value - value !== 0) {
      this.nonFinite++;
      addToTally(this.checks, "finite", record, () => decodeCapped(bytes, start, end));
      return;
    }
    const rules = this.rules;
    if (rules !== null && this.kind !== "any") {
      if (rules.min !== null && value < rules.min)
        addToTally(this.checks, "min", record, () => decodeCapped(bytes, start, end));
      if (rules.max !== null && value > rules.max)
        addToTally(this.checks, "max", record, () => decodeCapped(bytes, start, end));
    }
    this.batch[this.batched++] = value;
    if (this.batched === NUMBER_BATCH) this.flushNumbers();
  }
  flushNumbers() {
    const batch = this.batch;
    const count = this.batched;
    this.batched = 0;
    if (count === 0) return;
    const moments = this.moments;
    const sketch = this.sketch;
    moments.addMany(batch, count);
    sketch.updateMany(batch, count);
    this.held?.addMany(batch, count);
    let numbers = this.numbers;
    let i = 0;
    for (; i < count && numbers !== null; i++) {
      const value = batch[i];
      hashNumber(value);
      if (numbers.addHashed(value)) continue;
      this.overflowNumbers(numbers);
      numbers = null;
      this.hll.add(hashed.h1, hashed.h2);
    }
    if (i < count) addNumbersToRegisters(this.hll.registers, batch, i, count);
  }
  /** More distinct numbers than the exact table holds: from now on HyperLogLog counts them (all of them). */
  overflowNumbers(numbers) {
    const { h1, h2 } = hashed;
    this.hll = hllOfNumbers(numbers.values());
    this.numbers = null;
    hashed.h1 = h1;
    hashed.h2 = h2;
  }
  text(bytes, start, end) {
    hashBytes(bytes, start, end);
    const { h1, h2 } = hashed;
    const frequent = this.frequent;
    if (this.hll === null && frequent.size >= FREQUENT_CAPACITY) this.hll = hllOfKeys(frequent.keysInTable());
    if (this.hll !== null && this.kind !== "any") this.hll.add(h1, h2);
    frequent.add(hashKey(h1, h2), bytes, start, end);
  }
  /**
   * The rules on a value's text; `hashedAlready` when text() just hashed these bytes. `key` is the value as a number
   * in numeric and datetime columns (NaN in others), for the order of a unique column's values (see keyOrder).
   */
  textRules(bytes, start, end, record, hashedAlready, key) {
    let hashedNow = hashedAlready;
    if (this.allowed) {
      if (!hashedNow) hashBytes(bytes, start, end);
      hashedNow = true;
      if (!this.allowed.has(hashed.h1, hashed.h2))
        addToTally(this.checks, "values", record, () => decodeCapped(bytes, start, end));
    }
    if (this.pattern && !this.pattern.test(utf8(bytes, start, end)))
      addToTally(this.checks, "regex", record, () => decodeCapped(bytes, start, end));
    this.unique?.add(bytes, start, end, record, key, hashedNow);
  }
  /** How this range's values of a unique column went to the repeat check (see KeyOrder), or null. */
  keyOrder() {
    return this.unique?.keyOrder() ?? null;
  }
  /** Every number of the range in blocks, when they were held (see held-values.ts); null otherwise. Call after toState(). */
  heldValues() {
    return this.held?.blocks() ?? null;
  }
  toState() {
    if (this.readsNumbers) this.flushNumbers();
    const numbers = this.numbers === null ? null : this.numbers.entries();
    return {
      name: this.plan.name,
      rows: this.rows,
      values: this.values,
      nulls: this.nulls,
      missingTokens: this.missingTokens,
      invalid: this.invalid,
      nonFinite: this.nonFinite,
      fractional: this.fractional,
      numericValues: this.numericValues,
      moments: this.moments?.toState() ?? null,
      sketch: this.sketch?.toState() ?? null,
      numbers: this.readsNumbers ? numbers : null,
      frequent: this.frequent?.toState() ?? null,
      hll: this.hll ? encodeRegisters(this.hll.registers) : null,
      checks: this.checks
    };
  }
};

// src/data/column/batch.ts
var BatchAccumulator = class extends ColumnAccumulator {
  /**
   * The column's cells of batch records [from, size), record i being record `recordBase + i` of the range. The
   * common forms of each kind are read here in one loop (the same outcome as observe(), cell by cell); anything
   * else goes through observe(). `offsetBase` is the file offset of the batch's buffer (-1: none).
   */
  observeColumn(bytes, batch, column, from, recordBase, offsetBase) {
    if (this.kind === "numeric") this.numericColumn(bytes, batch, column, from, recordBase, offsetBase);
    else if (this.kind === "datetime") this.datetimeColumn(bytes, batch, column, from, recordBase, offsetBase);
    else if (this.kind === "boolean") this.booleanColumn(bytes, batch, column, from, recordBase, offsetBase);
    else if (this.kind === "text") this.textColumn(bytes, batch, column, from, recordBase, offsetBase);
    else this.eachCell(bytes, batch, column, from, recordBase, offsetBase);
  }
  eachCell(bytes, batch, column, from, recordBase, offsetBase) {
    const { starts, ends, fieldCounts, stride, size } = batch;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      if (column >= fieldCounts[i] || starts[at] === ends[at]) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (this.unique !== null) this.unique.locate(batch, i, offsetBase);
      this.observe(bytes, starts[at], ends[at], recordBase + i);
    }
  }
  /**
   * Numbers written `[-]digits[.digits]` with at most 9 digits (nearly all of them) are read here: the digits add up
   * in integer arithmetic (exact), then one division by a power of ten as parseNumber's exact fast path does, so the
   * value is the same double. The rest go through observe(). Counters stay in locals until the end of the batch.
   */
  numericColumn(bytes, batch, column, from, recordBase, offsetBase) {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const values = this.batch;
    const { low, high, integerOnly, textChecks, unique } = this;
    let batched = this.batched;
    let read = 0;
    let fractional = 0;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at];
      const end = ends[at];
      if (column >= fieldCounts[i] || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (unique !== null) unique.locate(batch, i, offsetBase);
      let j = start;
      const negative = bytes[j] === 45;
      if (negative) j++;
      const integerStart = j;
      let mantissa = 0;
      let d = 0;
      while (j < end && (d = bytes[j] - 48) >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d | 0;
        j++;
      }
      const digits = j - integerStart;
      let fraction = 0;
      if (j < end && bytes[j] === 46) {
        const fractionStart = ++j;
        while (j < end && (d = bytes[j] - 48) >= 0 && d <= 9) {
          mantissa = mantissa * 10 + d | 0;
          j++;
        }
        fraction = j - fractionStart;
        if (fraction === 0) j = -1;
      }
      if (j !== end || digits === 0 || digits + fraction > 9 || fraction > 0 && integerOnly) {
        this.batched = batched;
        this.observe(bytes, start, end, recordBase + i);
        batched = this.batched;
        continue;
      }
      read++;
      const magnitude = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
      const value = negative ? -magnitude : magnitude;
      if (fraction > 0) fractional++;
      if (value < low || value > high) this.outOfBounds(value, bytes, start, end, recordBase + i);
      values[batched++] = value;
      if (batched === NUMBER_BATCH) {
        this.batched = batched;
        this.flushNumbers();
        batched = 0;
      }
      if (textChecks) this.textRules(bytes, start, end, recordBase + i, false, value);
    }
    this.batched = batched;
    this.rows += read;
    this.values += read;
    this.fractional += fractional;
  }
  datetimeColumn(bytes, batch, column, from, recordBase, offsetBase) {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const values = this.batch;
    const { low, high, textChecks, unique } = this;
    let batched = this.batched;
    let read = 0;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at];
      const end = ends[at];
      if (column >= fieldCounts[i] || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (unique !== null) unique.locate(batch, i, offsetBase);
      let value = usualDatetime(bytes, start, end);
      if (value !== value) {
        const first = bytes[start];
        if (first < 48 || first > 57 || !parseDatetime(bytes, start, end)) {
          this.batched = batched;
          this.observe(bytes, start, end, recordBase + i);
          batched = this.batched;
          continue;
        }
        value = parsed.value;
      }
      read++;
      if (value < low || value > high) this.outOfBounds(value, bytes, start, end, recordBase + i);
      values[batched++] = value;
      if (batched === NUMBER_BATCH) {
        this.batched = batched;
        this.flushNumbers();
        batched = 0;
      }
      if (textChecks) this.textRules(bytes, start, end, recordBase + i, false, value);
    }
    this.batched = batched;
    this.rows += read;
    this.values += read;
  }
  booleanColumn(bytes, batch, column, from, recordBase, offsetBase) {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const { textChecks, unique } = this;
    let trues = 0;
    let falses = 0;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at];
      const end = ends[at];
      if (column >= fieldCounts[i] || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (unique !== null) unique.locate(batch, i, offsetBase);
      const length = end - start;
      let truth;
      if (length === 4 && bytes[start] === 116 && bytes[start + 1] === 114 && bytes[start + 2] === 117 && bytes[start + 3] === 101)
        truth = true;
      else if (length === 5 && bytes[start] === 102 && bytes[start + 1] === 97 && bytes[start + 2] === 108 && bytes[start + 3] === 115 && bytes[start + 4] === 101)
        truth = false;
      else if (parseBoolean(bytes, start, end)) truth = parsed.value === 1;
      else {
        this.observe(bytes, start, end, recordBase + i);
        continue;
      }
      this.rows++;
      this.values++;
      if (truth) trues++;
      else falses++;
      if (textChecks) this.textRules(bytes, start, end, recordBase + i, false, NaN);
    }
    const frequent = this.frequent;
    if (trues > 0) frequent.addCount(TRUE_KEY, trues, TRUE_BYTES, 0, 4);
    if (falses > 0) frequent.addCount(FALSE_KEY, falses, FALSE_BYTES, 0, 5);
  }
  textColumn(bytes, batch, column, from, recordBase, offsetBase) {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const { textChecks, unique } = this;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at];
      const end = ends[at];
      if (column >= fieldCounts[i] || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (unique !== null) unique.locate(batch, i, offsetBase);
      this.rows++;
      this.values++;
      this.text(bytes, start, end);
      if (textChecks) this.textRules(bytes, start, end, recordBase + i, true, NaN);
    }
  }
};

// src/data/delimited-range.ts
async function scanDelimited(plan, task, visit, result, yieldBetweenChunks) {
  const file = plan.files[task.file];
  const whole = task.start === 0;
  const offset = task.align ? task.start - 1 : task.start;
  const reader = file.gzip ? gzipReader(file.path) : fileReader(file.path, offset);
  const delimited = new DelimitedReader({
    reader,
    file: file.shown,
    offset,
    delimiter: file.format === "tsv" ? 9 : 44,
    align: task.align,
    stopAt: task.end,
    atFileStart: whole,
    buffer: readBuffer.bytes
  });
  const batch = new RecordBatch(BATCH_RECORDS, file.columns.length);
  try {
    let header = whole && file.header;
    for (; ; ) {
      const got = delimited.nextBatch(batch);
      if (got === RECORD) {
        const from = header ? 1 : 0;
        header = false;
        visit.delimited(delimited, batch, from, result.records - from, file.gzip);
        result.records += batch.size - from;
        if (visit.finished) break;
      } else if (got === MORE) {
        if (yieldBetweenChunks) await new Promise((resolve) => setImmediate(resolve));
        await delimited.fill();
      } else {
        break;
      }
    }
  } finally {
    result.firstStart = delimited.firstStart;
    result.nextStart = delimited.nextStart;
    reader.close();
    if (delimited.buffer.length === CHUNK) readBuffer.bytes = delimited.buffer;
  }
}
var BATCH_RECORDS = 1024;
var readBuffer = { bytes: Buffer.allocUnsafeSlow(CHUNK) };

// src/data/repeats/sink.ts
var RowHashes = class {
  constructor(check, capacity) {
    this.check = check;
    this.hashes = new Int32Array(2 * capacity);
    this.carried = new Uint8Array(capacity);
  }
  check;
  /** The record (within the range) that index 0 stands for. */
  base = 0;
  /** h1, h2 of record base + i at 2i, 2i + 1, when `bytes` is null. */
  hashes;
  carried;
  /** The batch's buffer and record spans, for a delimited file. */
  bytes = null;
  recordStarts = null;
  contentEnds = null;
  /** Records base + i are the batch's record i, in `bytes` (a delimited file): hashes are made from them. */
  atBatch(base, bytes, recordStarts, contentEnds) {
    this.base = base;
    this.bytes = bytes;
    this.recordStarts = recordStarts;
    this.contentEnds = contentEnds;
  }
  /** Record `record` alone, already hashed to (h1, h2) (readers of text). */
  atRecord(record, h1, h2) {
    this.base = record;
    this.bytes = null;
    this.hashes[0] = h1;
    this.hashes[1] = h2;
    this.carried[0] = 0;
  }
  /** Hashes record base + index into {@link hashed}. */
  hash(index) {
    if (this.bytes === null) {
      hashed.h1 = this.hashes[2 * index];
      hashed.h2 = this.hashes[2 * index + 1];
    } else {
      hashRecord(this.bytes, this.recordStarts[index], this.contentEnds[index]);
    }
  }
};

// src/data/scan.ts
async function scanRange(plan, task, repeats, yieldBetweenChunks = false) {
  const file = plan.files[task.file];
  const accumulators = /* @__PURE__ */ new Map();
  const rereadable = (file.format === "csv" || file.format === "tsv") && !file.gzip;
  const fields = file.columns.map((name) => {
    const index = plan.columns.findIndex((c) => c.name === name);
    const accumulator = new BatchAccumulator(plan.columns[index], task.id * 1e3 + index + 1, repeats, rereadable);
    accumulators.set(name, accumulator);
    return accumulator;
  });
  const keyFields = plan.keyColumns.map((name) => file.columns.indexOf(name));
  const result = {
    id: task.id,
    records: 0,
    firstStart: task.start,
    nextStart: file.bytes,
    columns: [],
    values: [],
    keyOrders: [],
    checks: {},
    error: null
  };
  const visit = new RecordVisitor(plan, fields, keyFields, repeats, result.checks, file);
  try {
    if (file.format === "csv" || file.format === "tsv") {
      await scanDelimited(plan, task, visit, result, yieldBetweenChunks);
    } else if (file.format === "jsonl") {
      visit.at(-1);
      for await (const { object } of jsonLines(gzipOrFile(file.path, file.gzip), file.shown)) {
        const cells = file.columns.map((name) => cellText(object[name]));
        const extra = Object.keys(object).filter((key) => !file.columns.includes(key));
        visit.text(
          cells,
          result.records++,
          extra.length > 0 ? `keys not in the first record: ${extra.join(", ")}` : null
        );
      }
    } else {
      visit.at(-1);
      const parquet = await openParquet(file.path, file.shown);
      for await (const group of parquet.rowGroups())
        for (const cells of group) visit.text(cells, result.records++, null);
    }
  } catch (error) {
    result.error = describeError(error, result.records);
  }
  result.columns = plan.columns.map((c) => accumulators.get(c.name)?.toState() ?? null);
  result.keyOrders = plan.columns.map((c) => accumulators.get(c.name)?.keyOrder() ?? null);
  result.values = plan.columns.map((c) => {
    const accumulator = accumulators.get(c.name);
    return accumulator ? accumulator.heldValues() : c.valuesLimit > 0 ? [] : null;
  });
  return result;
}
function gzipOrFile(path3, gzip) {
  return gzip ? gzipReader(path3) : fileReader(path3, 0);
}
function describeError(error, records) {
  if (error instanceof DataReadError) {
    return {
      detail: error.detail,
      hint: error.hint,
      byteOffset: error.byteOffset,
      // The reader counts the header of the first range as a record.
      record: records,
      message: error.message
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = error.code;
  const detail = code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR" ? "is not a valid gzip file" : `cannot be read (${message})`;
  return { detail, hint: void 0, byteOffset: null, record: null, message };
}
var scratch2 = { bytes: Buffer.allocUnsafe(1 << 16) };
var RecordVisitor = class {
  constructor(plan, fields, keyFields, repeats, checks, file) {
    this.plan = plan;
    this.fields = fields;
    this.keyFields = keyFields;
    this.repeats = repeats;
    this.checks = checks;
    this.file = file;
    this.rows = repeats !== null && plan.duplicateCheck !== null ? new RowHashes(plan.duplicateCarrier ?? -1, BATCH_RECORDS) : null;
    if (repeats !== null) repeats.rows = this.rows;
  }
  plan;
  fields;
  keyFields;
  repeats;
  checks;
  file;
  /** The records being read, for the duplicate-rows check (see RowHashes). */
  rows;
  /**
   * Records batch[from, size) of a delimited file; record i of the batch is record `recordBase + i` of the range.
   * Column by column: each column's loop stays in its own code and sketches.
   */
  delimited(reader, batch, from, recordBase, gzip) {
    const buffer = reader.buffer;
    const size = batch.size;
    const fields = this.fields;
    const width = fields.length;
    const offsetBase = gzip ? -1 : reader.base;
    const { fieldCounts, recordStarts, contentEnds, starts, ends, stride } = batch;
    const rows = this.rows;
    if (rows !== null) {
      rows.atBatch(recordBase, buffer, recordStarts, contentEnds);
      rows.carried.fill(0, from, size);
    }
    for (let i = 0; i < width; i++) fields[i].observeColumn(buffer, batch, i, from, recordBase, offsetBase);
    for (let i = from; i < size; i++) {
      const count = fieldCounts[i];
      if (count !== width) {
        addToTally(
          this.checks,
          "ragged_rows",
          recordBase + i,
          () => `${count} fields where ${this.file.header ? "the header has" : "data.schema.columns lists"} ${width} (${this.file.shown})`
        );
      }
    }
    const repeats = this.repeats;
    if (repeats === null) return;
    const duplicateCheck = this.plan.duplicateCheck;
    if (duplicateCheck !== null && rows !== null) {
      const carried = rows.carried;
      for (let i = from; i < size; i++) {
        if (carried[i] === 1) continue;
        hashRecord(buffer, recordStarts[i], contentEnds[i]);
        repeats.offset = offsetBase < 0 ? -1 : offsetBase + recordStarts[i];
        repeats.add(duplicateCheck, hashed.h1, hashed.h2, recordBase + i, null, 0, 0);
      }
    }
    if (this.plan.keyCheck !== null) {
      for (let i = from; i < size; i++) {
        const count = fieldCounts[i];
        const row = i * stride;
        const values = this.keyFields.map(
          (f) => f >= 0 && f < count && starts[row + f] < ends[row + f] ? buffer.toString("utf8", starts[row + f], ends[row + f]) : null
        );
        repeats.offset = offsetBase < 0 ? -1 : offsetBase + recordStarts[i];
        this.key(values, recordBase + i);
      }
    }
  }
  /** Sets where the next record is, for the repeat checks (before its fields are observed). */
  at(offset) {
    if (this.repeats) this.repeats.offset = offset;
  }
  /** A record whose cells are text (JSON Lines, Parquet). */
  text(cells, record, extra) {
    const rows = this.rows;
    if (rows !== null) {
      const bytes = Buffer.from(JSON.stringify(cells));
      hashBytes(bytes, 0, bytes.length);
      rows.atRecord(record, hashed.h1, hashed.h2);
    }
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) {
      const cell = cells[i];
      if (cell === null || cell === void 0 || cell === "") {
        fields[i].observeNull(record);
        continue;
      }
      const length = Buffer.byteLength(cell);
      if (length > scratch2.bytes.length) scratch2.bytes = Buffer.allocUnsafe(length * 2);
      scratch2.bytes.write(cell, 0, "utf8");
      fields[i].observe(scratch2.bytes, 0, length, record);
    }
    if (extra !== null) addToTally(this.checks, "extra_fields", record, () => extra);
    const repeats = this.repeats;
    if (repeats === null) return;
    if (this.plan.duplicateCheck !== null && rows !== null && rows.carried[0] === 0)
      repeats.add(this.plan.duplicateCheck, rows.hashes[0], rows.hashes[1], record, null, 0, 0);
    if (this.plan.keyCheck !== null)
      this.key(
        this.keyFields.map((i) => i >= 0 ? cells[i] ?? null : null),
        record
      );
  }
  key(values, record) {
    const bytes = Buffer.from(JSON.stringify(values));
    hashBytes(bytes, 0, bytes.length);
    const text = Buffer.from(values.map(String).join(", "));
    this.repeats?.add(this.plan.keyCheck, hashed.h1, hashed.h2, record, text, 0, text.length);
  }
};

// src/data/repeats/find.ts
import { readdirSync } from "node:fs";
import path from "node:path";

// src/data/repeats/findings.ts
function noteExample(examples, example) {
  if (examples.length < EXAMPLE_ROWS) {
    examples.push(example);
    return;
  }
  let latest = 0;
  for (let i = 1; i < examples.length; i++) if (examples[i].row > examples[latest].row) latest = i;
  if (example.row < examples[latest].row) examples[latest] = example;
}
function mergeCheckFindings(parts) {
  return {
    repeats: mergeRepeatTallies(parts.map((p) => p.repeats)),
    duplicates: mergeRepeatTallies(parts.map((p) => p.duplicates))
  };
}
function mergeRepeatTallies(parts) {
  const found = parts.filter((p) => p !== null);
  if (found.length === 0) return null;
  const examples = [];
  for (const part of found) for (const example of part.examples) noteExample(examples, example);
  return { count: found.reduce((sum, p) => sum + p.count, 0), examples: examples.sort((a, b) => a.row - b.row) };
}
function tallyOf(repeats, observed) {
  return { count: repeats.count, rows: repeats.examples.map((e) => e.row), observed };
}

// src/data/repeats/partition.ts
import { closeSync, openSync, readSync, statSync } from "node:fs";

// src/data/repeats/spill-format.ts
var HEAD = 4;
var AT_NOTHING = 0;
var AT_OFFSET = 1;
var AT_TEXT = 2;
var WHERE = 3;
var ROW_HASH = 4;
var MAX_RANGE = 16777215;
var MAX_TEXT = 240;
var MAX_ROW_WORDS = HEAD + 2 + 1 + MAX_TEXT / 4;
function rowHashWords(headWord) {
  return headWord >>> 24 & ROW_HASH ? 2 : 0;
}
function tailWords(headWord, records, at) {
  const where = headWord >>> 24 & WHERE;
  const skip = rowHashWords(headWord);
  return skip + (where === AT_NOTHING ? 0 : where === AT_OFFSET ? 2 : 1 + Math.ceil(records[at + HEAD + skip] / 4));
}
function rowOf(records, at, rowStart) {
  const start = rowStart.get(records[at + 2] & MAX_RANGE);
  return start === void 0 ? -1 : start + records[at + 3];
}
function exampleOf(records, at, row) {
  const head = records[at + 2];
  const where = head >>> 24 & WHERE;
  const tail = at + HEAD + rowHashWords(head);
  const text = where === AT_TEXT && records[tail] > 0 ? Buffer.from(records.buffer, records.byteOffset + (tail + 1) * 4, records[tail]).toString("utf8") : null;
  return {
    row,
    range: head & MAX_RANGE,
    record: records[at + 3],
    offset: where === AT_OFFSET ? records[tail + 1] * 4294967296 + records[tail] : null,
    text
  };
}

// src/data/repeats/partition.ts
var ROWS_PER_TABLE = 1 << 16;
var PartitionTable = class {
  bytes = new Uint8Array(1 << 20);
  records = new Uint32Array(this.bytes.buffer);
  slots = new Int32Array(0);
  /** Reads the files into the buffer; returns the number of u32 words. */
  load(files) {
    let total = 0;
    const sizes = files.map((file) => statSync(file).size);
    const needed = sizes.reduce((sum, size) => sum + size, 0);
    if (needed > this.bytes.length) {
      this.bytes = new Uint8Array(Math.max(needed, this.bytes.length * 2));
      this.records = new Uint32Array(this.bytes.buffer);
    }
    files.forEach((file, i) => {
      const fd = openSync(file, "r");
      try {
        let read = 0;
        while (read < sizes[i]) read += readSync(fd, this.bytes, total + read, sizes[i] - read, read);
      } finally {
        closeSync(fd);
      }
      total += sizes[i];
    });
    return total / 4;
  }
  positions = new Int32Array(0);
  partStarts = new Int32Array(0);
  /**
   * Splits the loaded rows (`words` u32 words) into parts of about ROWS_PER_TABLE rows by h1's bits after the
   * partition's: `positions[partStarts[p], partStarts[p + 1])` are the word offsets of part p's rows, in file order.
   */
  split(words, partitionBits) {
    const records = this.records;
    let rows = 0;
    for (let at = 0; at < words; at += HEAD + tailWords(records[at + 2], records, at)) rows++;
    let partBits = 0;
    while (partBits < 32 - partitionBits && rows / 2 ** partBits > ROWS_PER_TABLE) partBits++;
    const parts = 2 ** partBits;
    if (this.positions.length < rows) this.positions = new Int32Array(Math.max(rows, this.positions.length * 2));
    if (this.partStarts.length < parts + 1) this.partStarts = new Int32Array(parts + 1);
    const positions = this.positions;
    const partStarts = this.partStarts.fill(0, 0, parts + 1);
    const partOf = (h1) => partBits === 0 ? 0 : h1 << partitionBits >>> 32 - partBits;
    for (let at = 0; at < words; at += HEAD + tailWords(records[at + 2], records, at))
      partStarts[partOf(records[at]) + 1]++;
    for (let p = 0; p < parts; p++) partStarts[p + 1] += partStarts[p];
    const next = partStarts.slice(0, parts);
    for (let at = 0; at < words; at += HEAD + tailWords(records[at + 2], records, at))
      positions[next[partOf(records[at])]++] = at;
    return { positions, partStarts, parts };
  }
  /** An empty table for at most `records` rows. */
  prepare(records) {
    let count = 16;
    while (count < records * 2) count *= 2;
    if (count * 4 > this.slots.length) this.slots = new Int32Array(count * 4);
    else this.slots.fill(0, 0, count * 4);
    return { slots: this.slots, mask: count - 1 };
  }
};

// src/data/repeats/find.ts
function findRepeats(dir, check, partitionBits, rowStart, partitions = Array.from({ length: 2 ** partitionBits }, (_, i) => i)) {
  const repeats = new Repeats();
  const duplicates = new Repeats();
  const files = readdirSync(dir);
  const table = new PartitionTable();
  const rowTable = new RowTable();
  for (const partition of partitions) {
    const prefix = `c${check}-p${partition}-`;
    const words = table.load(files.filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)));
    if (words === 0) continue;
    const records = table.records;
    const { positions, partStarts, parts } = table.split(words, partitionBits);
    for (let part = 0; part < parts; part++) {
      const from = partStarts[part];
      const to = partStarts[part + 1];
      const { slots, mask } = table.prepare(to - from);
      let lastRange = -1;
      let lastStart = -1;
      for (let k = from; k < to; k++) {
        const at = positions[k];
        const h1 = records[at] | 0;
        const h2 = records[at + 1] | 0;
        const range = records[at + 2] & MAX_RANGE;
        if (range !== lastRange) {
          lastRange = range;
          lastStart = rowStart.get(range) ?? -1;
        }
        if (lastStart < 0) continue;
        const row = lastStart + records[at + 3];
        let slot = ((h2 ^ Math.imul(h1, 2654435761)) & mask) << 2;
        while (slots[slot + 2] !== 0 && (slots[slot] !== h1 || slots[slot + 1] !== h2)) slot = slot + 4 & mask << 2;
        if (slots[slot + 2] === 0) {
          slots[slot] = h1;
          slots[slot + 1] = h2;
          slots[slot + 2] = at + 1;
          continue;
        }
        const firstAt = slots[slot + 2] - 1;
        if (rowHashWords(records[at + 2]) > 0) {
          if (slots[slot + 3] === 0) {
            slots[slot + 3] = 1;
            rowTable.add(records, firstAt, rowStart, duplicates, to - from);
          }
          rowTable.add(records, at, rowStart, duplicates, to - from);
        }
        slots[slot + 2] = repeats.note(records, rowStart, firstAt, at, row) + 1;
      }
      rowTable.reset();
    }
  }
  return { repeats: repeats.tally(), duplicates: duplicates.tally() };
}
var Repeats = class {
  count = 0;
  examples = [];
  /**
   * A repeat of the row at `firstAt` (the earliest so far) by the one at `at` (in the partition's words), whose row is
   * `row`. The later of the two is the repeat, so the rows reported are the same whatever order the partition files
   * were written in. Returns the position of the earlier one.
   */
  note(records, rowStart, firstAt, at, row) {
    this.count++;
    const first = rowOf(records, firstAt, rowStart);
    if (row < first) {
      noteExample(this.examples, exampleOf(records, firstAt, first));
      return at;
    }
    noteExample(this.examples, exampleOf(records, at, row));
    return firstAt;
  }
  tally() {
    return this.count === 0 ? null : { count: this.count, examples: this.examples.sort((a, b) => a.row - b.row) };
  }
};
var RowTable = class {
  slots = new Int32Array(0);
  mask = 0;
  used = false;
  add(records, at, rowStart, duplicates, rows) {
    if (!this.used) this.prepare(rows);
    const r1 = records[at + HEAD] | 0;
    const r2 = records[at + HEAD + 1] | 0;
    const slots = this.slots;
    const mask = this.mask;
    let slot = ((r2 ^ Math.imul(r1, 2654435761)) & mask) << 2;
    while (slots[slot + 2] !== 0 && (slots[slot] !== r1 || slots[slot + 1] !== r2)) slot = slot + 4 & mask << 2;
    if (slots[slot + 2] === 0) {
      slots[slot] = r1;
      slots[slot + 1] = r2;
      slots[slot + 2] = at + 1;
      return;
    }
    const row = rowOf(records, at, rowStart);
    slots[slot + 2] = duplicates.note(records, rowStart, slots[slot + 2] - 1, at, row) + 1;
  }
  prepare(rows) {
    let count = 16;
    while (count < rows * 2) count *= 2;
    if (count * 4 > this.slots.length) this.slots = new Int32Array(count * 4);
    this.mask = count - 1;
    this.used = true;
  }
  reset() {
    if (this.used) this.slots.fill(0);
    this.used = false;
  }
};

// src/data/repeats/writer.ts
import { closeSync as closeSync2, openSync as openSync2, writeSync } from "node:fs";
import path2 from "node:path";
var BUFFER_WORDS = 4 << 10;
var RepeatWriter = class {
  constructor(dir, writer, partitionBits) {
    this.dir = dir;
    this.writer = writer;
    this.partitions = 2 ** partitionBits;
    this.shift = partitionBits === 0 ? 0 : 32 - partitionBits;
  }
  dir;
  writer;
  /** One buffer per (check, partition) slot, made when the slot gets its first row. */
  buffers = [];
  used = new Int32Array(0);
  /** Open files, by slot: a partition file is appended to many times. */
  files = [];
  partitions;
  shift;
  /** The range being read: records are numbered within it. */
  range = 0;
  offset = -1;
  rows = null;
  add(check, h1, h2, record, bytes, start, end) {
    const range = this.range;
    if (range > MAX_RANGE) throw new Error(`range ${range} is beyond the ${MAX_RANGE + 1} the repeat checks number`);
    const partition = this.shift === 0 ? 0 : h1 >>> this.shift;
    const slot = check * this.partitions + partition;
    const buffer = this.buffers[slot] ?? this.open(slot);
    let at = this.used[slot];
    if (at + MAX_ROW_WORDS > BUFFER_WORDS) {
      this.flushSlot(slot, check, partition);
      at = 0;
    }
    buffer[at + 0] = h1;
    buffer[at + 1] = h2;
    buffer[at + 3] = record;
    let flags = 0;
    const rows = this.rows;
    if (rows !== null && check === rows.check) {
      const index = record - rows.base;
      rows.hash(index);
      buffer[at + HEAD] = hashed.h1;
      buffer[at + HEAD + 1] = hashed.h2;
      rows.carried[index] = 1;
      flags = ROW_HASH;
    }
    const tail = at + HEAD + rowHashWords(flags << 24);
    const offset = this.offset;
    if (bytes === null) {
      buffer[at + 2] = range | flags << 24;
      at = tail;
    } else if (offset >= 0) {
      buffer[at + 2] = range | (flags | AT_OFFSET) << 24;
      buffer[tail] = offset % 4294967296;
      buffer[tail + 1] = Math.floor(offset / 4294967296);
      at = tail + 2;
    } else {
      const length = Math.min(end - start, MAX_TEXT);
      buffer[at + 2] = range | (flags | AT_TEXT) << 24;
      buffer[tail] = length;
      new Uint8Array(buffer.buffer, (tail + 1) * 4, length).set(bytes.subarray(start, start + length));
      at = tail + 1 + Math.ceil(length / 4);
    }
    this.used[slot] = at;
  }
  open(slot) {
    if (slot >= this.used.length) {
      const used = new Int32Array(Math.max(slot + 1, this.used.length * 2));
      used.set(this.used);
      this.used = used;
    }
    const buffer = new Uint32Array(BUFFER_WORDS);
    this.buffers[slot] = buffer;
    return buffer;
  }
  flushSlot(slot, check, partition) {
    const buffer = this.buffers[slot];
    const used = this.used[slot] ?? 0;
    if (!buffer || used === 0) return;
    let fd = this.files[slot];
    if (fd === void 0) {
      fd = this.files[slot] = openSync2(path2.join(this.dir, `c${check}-p${partition}-w${this.writer}.bin`), "a");
    }
    writeSync(fd, new Uint8Array(buffer.buffer, 0, used * 4));
    this.used[slot] = 0;
  }
  /** Writes what is buffered and closes the files (more adds open them again). */
  flush() {
    this.buffers.forEach((_, slot) => this.flushSlot(slot, Math.floor(slot / this.partitions), slot % this.partitions));
    this.files.forEach((fd, slot) => {
      if (fd !== void 0) closeSync2(fd);
      this.files[slot] = void 0;
    });
  }
};
function partitionBitsFor(bytes) {
  let bits = 0;
  while (bits < 10 && bytes / 2 ** bits > 32 << 20) bits++;
  return bits;
}

export {
  capText,
  isCut,
  mergeMoments,
  sampleStd,
  populationStd,
  FREQUENT_CAPACITY,
  FrequentItems,
  mergeTallies,
  shiftTallies,
  EXACT_NUMBERS,
  HELD_VALUES_BUDGET,
  heldValuesLimit,
  HeldParts,
  HeldArrays,
  keyOf,
  scanDelimited,
  BATCH_RECORDS,
  RowHashes,
  scanRange,
  mergeCheckFindings,
  mergeRepeatTallies,
  tallyOf,
  findRepeats,
  RepeatWriter,
  partitionBitsFor
};
