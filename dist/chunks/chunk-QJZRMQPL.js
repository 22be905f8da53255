import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CHUNK,
  DelimitedReader,
  HyperLogLog,
  KllSketch,
  MORE,
  Moments,
  RECORD,
  cellText,
  decodeRegisters,
  encodeRegisters,
  fileReader,
  gzipReader,
  hashBytes,
  hashKey,
  hashNumber,
  hashed,
  isMissingToken,
  jsonLines,
  keyParts,
  mergeMoments,
  openParquet,
  parseBoolean,
  parseDatetime,
  parseNumber,
  parsed,
  utf8
} from "./chunk-4UEWH35T.js";
import {
  DataReadError
} from "./chunk-XOZC47AQ.js";

// src/data/repeats.ts
import { closeSync, openSync, readdirSync, readSync, statSync, writeSync } from "node:fs";
import path from "node:path";

// src/data/tally.ts
var EXAMPLE_ROWS = 5;
function shortText(text) {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function addToTally(tallies, rule, row, observed) {
  const tally = tallies[rule];
  if (tally === void 0) {
    tallies[rule] = { count: 1, rows: [row], observed: shortText(observed()) };
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

// src/data/repeats.ts
var HEAD = 7;
var BUFFER_WORDS = 4 << 10;
var NO_OFFSET = 4294967295;
var RepeatWriter = class {
  constructor(dir, writer, partitionBits) {
    this.dir = dir;
    this.writer = writer;
    this.partitionBits = partitionBits;
    this.partitions = 2 ** partitionBits;
  }
  dir;
  writer;
  partitionBits;
  buffers = [];
  used = [];
  /** Open files, by slot: a partition file is appended to many times. */
  files = [];
  partitions;
  /** The range being read: records are numbered within it. */
  range = 0;
  offset = -1;
  add(check, h1, h2, record, bytes, start, end) {
    const offset = this.offset;
    const partition = this.partitionBits === 0 ? 0 : h1 >>> 32 - this.partitionBits;
    const slot = check * this.partitions + partition;
    let buffer = this.buffers[slot];
    if (buffer === void 0) {
      buffer = this.buffers[slot] = new Uint32Array(BUFFER_WORDS);
      this.used[slot] = 0;
    }
    const textBytes = offset >= 0 || bytes === null ? null : bytes.subarray(start, Math.min(end, start + 240));
    const words = HEAD + (textBytes === null ? 0 : Math.ceil(textBytes.length / 4));
    if (this.used[slot] + words > BUFFER_WORDS) this.flushSlot(slot, check, partition);
    let at = this.used[slot];
    buffer[at] = h1;
    buffer[at + 1] = h2;
    buffer[at + 2] = this.range;
    buffer[at + 3] = record;
    if (offset < 0) {
      buffer[at + 4] = NO_OFFSET;
      buffer[at + 5] = NO_OFFSET;
    } else {
      buffer[at + 4] = offset % 4294967296;
      buffer[at + 5] = Math.floor(offset / 4294967296);
    }
    buffer[at + 6] = textBytes === null ? 0 : textBytes.length;
    at += HEAD;
    if (textBytes !== null) {
      new Uint8Array(buffer.buffer, at * 4, textBytes.length).set(textBytes);
      at += Math.ceil(textBytes.length / 4);
    }
    this.used[slot] = at;
  }
  flushSlot(slot, check, partition) {
    const buffer = this.buffers[slot];
    const used = this.used[slot] ?? 0;
    if (!buffer || used === 0) return;
    let fd = this.files[slot];
    if (fd === void 0) {
      fd = this.files[slot] = openSync(path.join(this.dir, `c${check}-p${partition}-w${this.writer}.bin`), "a");
    }
    writeSync(fd, new Uint8Array(buffer.buffer, 0, used * 4));
    this.used[slot] = 0;
  }
  /** Writes what is buffered and closes the files (more adds open them again). */
  flush() {
    this.buffers.forEach((_, slot) => this.flushSlot(slot, Math.floor(slot / this.partitions), slot % this.partitions));
    this.files.forEach((fd, slot) => {
      if (fd !== void 0) closeSync(fd);
      this.files[slot] = void 0;
    });
  }
};
function partitionBitsFor(bytes) {
  let bits = 0;
  while (bits < 10 && bytes / 2 ** bits > 8 << 20) bits++;
  return bits;
}
function findRepeats(dir, check, partitionBits, rowStart, partitions = Array.from({ length: 2 ** partitionBits }, (_, i) => i)) {
  let count = 0;
  const examples = [];
  const files = readdirSync(dir);
  const table = new PartitionTable();
  for (const partition of partitions) {
    const prefix = `c${check}-p${partition}-`;
    const words = table.load(files.filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)));
    if (words === 0) continue;
    const records = table.records;
    const { keys1, keys2, used, first, firstAt, mask } = table.prepare(words / HEAD);
    let lastRange = -1;
    let lastStart = -1;
    let at = 0;
    while (at < words) {
      const h1 = records[at];
      const h2 = records[at + 1];
      const range = records[at + 2];
      if (range !== lastRange) {
        lastRange = range;
        lastStart = rowStart.get(range) ?? -1;
      }
      const row = lastStart < 0 ? -1 : lastStart + records[at + 3];
      const recordAt = at;
      at += HEAD + Math.ceil(records[at + 6] / 4);
      if (row < 0) continue;
      let slot = (h2 ^ Math.imul(h1, 2654435761)) & mask;
      while (used[slot] === 1 && (keys1[slot] !== h1 || keys2[slot] !== h2)) slot = slot + 1 & mask;
      if (used[slot] === 0) {
        used[slot] = 1;
        keys1[slot] = h1;
        keys2[slot] = h2;
        first[slot] = row;
        firstAt[slot] = recordAt;
        continue;
      }
      count++;
      if (row < first[slot]) {
        const repeat = exampleOf(records, firstAt[slot], first[slot]);
        first[slot] = row;
        firstAt[slot] = recordAt;
        noteExample(examples, repeat);
      } else {
        noteExample(examples, exampleOf(records, recordAt, row));
      }
    }
  }
  if (count === 0) return null;
  return { count, examples: examples.sort((a, b) => a.row - b.row) };
}
var PartitionTable = class {
  bytes = new Uint8Array(1 << 20);
  records = new Uint32Array(this.bytes.buffer);
  slots = 0;
  keys1 = new Uint32Array(0);
  keys2 = new Uint32Array(0);
  used = new Uint8Array(0);
  first = new Float64Array(0);
  firstAt = new Int32Array(0);
  mask = 0;
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
  prepare(records) {
    let slots = 16;
    while (slots < records * 2) slots *= 2;
    if (slots > this.slots) {
      this.slots = slots;
      this.keys1 = new Uint32Array(slots);
      this.keys2 = new Uint32Array(slots);
      this.used = new Uint8Array(slots);
      this.first = new Float64Array(slots);
      this.firstAt = new Int32Array(slots);
    } else {
      this.used.fill(0, 0, slots);
    }
    this.mask = slots - 1;
    return {
      keys1: this.keys1,
      keys2: this.keys2,
      used: this.used,
      first: this.first,
      firstAt: this.firstAt,
      mask: this.mask
    };
  }
};
function exampleOf(chunk, at, row) {
  const low = chunk[at + 4];
  const high = chunk[at + 5];
  const length = chunk[at + 6];
  return {
    row,
    range: chunk[at + 2],
    record: chunk[at + 3],
    offset: low === NO_OFFSET && high === NO_OFFSET ? null : high * 4294967296 + low,
    text: length === 0 ? null : Buffer.from(chunk.buffer, chunk.byteOffset + (at + HEAD) * 4, length).toString("utf8")
  };
}
function noteExample(examples, example) {
  if (examples.length < EXAMPLE_ROWS) {
    examples.push(example);
    return;
  }
  let latest = 0;
  for (let i = 1; i < examples.length; i++) if (examples[i].row > examples[latest].row) latest = i;
  if (example.row < examples[latest].row) examples[latest] = example;
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

// src/data/sketch/frequent.ts
var FREQUENT_CAPACITY = 2048;
function textOf(bytes, start, end) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8");
}
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
    const median = kthSmallest(this.counts.slice(0, this.used), this.used >>> 1);
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
  entries() {
    const out = [];
    for (let slot = 0; slot < this.used.length; slot++)
      if (this.used[slot] === 1) out.push([this.keys[slot], this.counts[slot]]);
    return out.sort((a, b) => a[0] - b[0]);
  }
  values() {
    return this.entries().map((e) => e[0]);
  }
};

// src/data/column.ts
var BATCH = 1024;
var EXACT_NUMBERS = FREQUENT_CAPACITY;
var TRUE_KEY = keyOf("true");
var FALSE_KEY = keyOf("false");
var TRUE_BYTES = Buffer.from("true");
var FALSE_BYTES = Buffer.from("false");
function keyOf(text) {
  const bytes = Buffer.from(text, "utf8");
  hashBytes(bytes, 0, bytes.length);
  return hashKey(hashed.h1, hashed.h2);
}
var ColumnAccumulator = class {
  constructor(plan, seed, repeats) {
    this.plan = plan;
    this.repeats = repeats;
    this.kind = plan.kind;
    this.rules = plan.rules;
    this.allowed = plan.rules?.allowed ? new Set(plan.rules.allowed) : null;
    this.pattern = plan.rules?.regex ? new RegExp(`^(?:${plan.rules.regex})$`, "u") : null;
    this.integerOnly = plan.declared === "integer";
    this.textChecks = this.allowed !== null || this.pattern !== null || plan.rules?.unique === true;
    this.readsNumbers = plan.kind === "numeric" || plan.kind === "datetime" || plan.kind === "any";
    this.moments = this.readsNumbers ? new Moments() : null;
    this.sketch = this.readsNumbers ? new KllSketch(seed) : null;
    this.numbers = this.readsNumbers ? new NumberCounts(EXACT_NUMBERS) : null;
    this.frequent = plan.kind === "text" || plan.kind === "boolean" || plan.kind === "any" ? new FrequentItems() : null;
  }
  plan;
  repeats;
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
  batch = new Float64Array(BATCH);
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
        addToTally(this.checks, "nullable", record, () => utf8(bytes, start, end));
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
    if (this.textChecks) this.textRules(bytes, start, end, record, kind === "text" || kind === "any");
  }
  reject(bytes, start, end, record) {
    this.invalid++;
    addToTally(this.checks, "type", record, () => utf8(bytes, start, end));
  }
  number(value, bytes, start, end, record) {
    if (value - value !== 0) {
      this.nonFinite++;
      addToTally(this.checks, "finite", record, () => utf8(bytes, start, end));
      return;
    }
    const rules = this.rules;
    if (rules !== null && this.kind !== "any") {
      if (rules.min !== null && value < rules.min)
        addToTally(this.checks, "min", record, () => utf8(bytes, start, end));
      if (rules.max !== null && value > rules.max)
        addToTally(this.checks, "max", record, () => utf8(bytes, start, end));
    }
    this.batch[this.batched++] = value;
    if (this.batched === BATCH) this.flushNumbers();
  }
  flushNumbers() {
    const batch = this.batch;
    const count = this.batched;
    this.batched = 0;
    if (count === 0) return;
    const moments = this.moments;
    const sketch = this.sketch;
    for (let i2 = 0; i2 < count; i2++) moments.add(batch[i2]);
    sketch.updateMany(batch, count);
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
    if (i < count) {
      const hll = this.hll;
      for (; i < count; i++) {
        hashNumber(batch[i]);
        hll.add(hashed.h1, hashed.h2);
      }
    }
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
  /** The rules on a value's text; `hashedAlready` when text() just hashed these bytes. */
  textRules(bytes, start, end, record, hashedAlready) {
    if (!hashedAlready) hashBytes(bytes, start, end);
    const { h1, h2 } = hashed;
    if (this.allowed && !this.allowed.has(hashKey(h1, h2)))
      addToTally(this.checks, "values", record, () => utf8(bytes, start, end));
    if (this.pattern && !this.pattern.test(utf8(bytes, start, end)))
      addToTally(this.checks, "regex", record, () => utf8(bytes, start, end));
    if (this.rules?.unique && this.plan.uniqueCheck !== null)
      this.repeats?.add(this.plan.uniqueCheck, h1, h2, record, bytes, start, end);
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
function mergeColumnState(into, later, seed = 1) {
  into.rows += later.rows;
  into.values += later.values;
  into.nulls += later.nulls;
  into.missingTokens += later.missingTokens;
  into.invalid += later.invalid;
  into.nonFinite += later.nonFinite;
  into.fractional += later.fractional;
  into.numericValues += later.numericValues;
  if (later.moments) into.moments = into.moments ? mergeMoments(into.moments, later.moments) : { ...later.moments };
  if (later.sketch) {
    const sketch = into.sketch ? KllSketch.fromState(into.sketch, seed) : new KllSketch(seed);
    sketch.merge(later.sketch);
    into.sketch = sketch.toState();
  }
  if (into.sketch !== null || later.sketch !== null) mergeNumberDistinct(into, later);
  else mergeTextDistinct(into, later);
  if (into.sketch !== null && later.frequent !== null) {
    const frequent = new FrequentItems();
    if (into.frequent) frequent.merge(into.frequent);
    frequent.merge(later.frequent);
    into.frequent = frequent.toState();
  }
  mergeTallies(into.checks, later.checks);
}
function mergeNumberDistinct(into, later) {
  if (into.numbers && later.numbers && into.hll === null && later.hll === null) {
    const counts = new Map(into.numbers);
    for (const [value, count] of later.numbers) counts.set(value, (counts.get(value) ?? 0) + count);
    if (counts.size <= EXACT_NUMBERS) {
      into.numbers = [...counts];
      return;
    }
  }
  const hll = new HyperLogLog();
  for (const side of [into, later]) {
    if (side.numbers) hll.merge(hllOfNumbers(side.numbers.map((e) => e[0])).registers);
    const registers = side.hll === null ? void 0 : decodeRegisters(side.hll);
    if (registers) hll.merge(registers);
  }
  into.numbers = null;
  into.hll = encodeRegisters(hll.registers);
}
function mergeTextDistinct(into, later) {
  const sides = [into.frequent, later.frequent].filter((f) => f !== null);
  const frequent = new FrequentItems();
  for (const side of sides) frequent.merge(side);
  const merged = frequent.toState();
  const exact = merged.error === 0 && into.hll === null && later.hll === null;
  if (!exact) {
    const hll = new HyperLogLog();
    for (const side of [into, later]) {
      if (side.frequent && side.frequent.error === 0 && side.hll === null)
        hll.merge(hllOfKeys(side.frequent.entries.map((e) => e[0])).registers);
      const registers = side.hll === null ? void 0 : decodeRegisters(side.hll);
      if (registers) hll.merge(registers);
    }
    into.hll = encodeRegisters(hll.registers);
  }
  into.frequent = sides.length > 0 ? merged : null;
}

// src/data/scan.ts
function planRanges(plan, target) {
  const tasks = [];
  plan.files.forEach((file, index) => {
    if (file.gzip || file.format === "jsonl" || file.format === "parquet" || file.bytes <= target) {
      tasks.push({ id: tasks.length, file: index, start: 0, end: Infinity, align: false });
      return;
    }
    const pieces = Math.ceil(file.bytes / target);
    for (let i = 0; i < pieces; i++) {
      const start = Math.floor(file.bytes * i / pieces);
      const end = i === pieces - 1 ? Infinity : Math.floor(file.bytes * (i + 1) / pieces);
      tasks.push({ id: tasks.length, file: index, start, end, align: i > 0 });
    }
  });
  return tasks;
}
async function scanRange(plan, task, repeats, yieldBetweenChunks = false) {
  const file = plan.files[task.file];
  const accumulators = /* @__PURE__ */ new Map();
  const fields = file.columns.map((name) => {
    const index = plan.columns.findIndex((c) => c.name === name);
    const accumulator = new ColumnAccumulator(plan.columns[index], task.id * 1e3 + index + 1, repeats);
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
    checks: {},
    error: null
  };
  const visit = new RecordVisitor(plan, fields, keyFields, repeats, result.checks, file.shown);
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
  return result;
}
function gzipOrFile(path2, gzip) {
  return gzip ? gzipReader(path2) : fileReader(path2, 0);
}
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
  try {
    let header = whole;
    for (; ; ) {
      const got = delimited.next();
      if (got === RECORD) {
        if (header) {
          header = false;
          continue;
        }
        visit.at(file.gzip ? -1 : delimited.base + delimited.recordStart);
        visit.delimited(delimited, result.records++);
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
var readBuffer = { bytes: Buffer.allocUnsafeSlow(CHUNK) };
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
var scratch = { bytes: Buffer.allocUnsafe(1 << 16) };
var RecordVisitor = class {
  constructor(plan, fields, keyFields, repeats, checks, shown) {
    this.plan = plan;
    this.fields = fields;
    this.keyFields = keyFields;
    this.repeats = repeats;
    this.checks = checks;
    this.shown = shown;
  }
  plan;
  fields;
  keyFields;
  repeats;
  checks;
  shown;
  delimited(reader, record) {
    const { buffer, starts, ends } = reader;
    const count = reader.fieldCount;
    const fields = this.fields;
    const width = fields.length;
    for (let i = 0; i < width; i++) {
      const accumulator = fields[i];
      if (i < count) {
        const start = starts[i];
        const end = ends[i];
        if (start === end) accumulator.observeNull(record);
        else accumulator.observe(buffer, start, end, record);
      } else {
        accumulator.observeNull(record);
      }
    }
    if (count !== width) {
      addToTally(
        this.checks,
        "ragged_rows",
        record,
        () => `${count} fields where the header has ${width} (${this.shown})`
      );
    }
    const repeats = this.repeats;
    if (repeats === null) return;
    if (this.plan.duplicateCheck !== null) {
      hashBytes(buffer, reader.recordStart, reader.contentEnd);
      repeats.add(this.plan.duplicateCheck, hashed.h1, hashed.h2, record, null, 0, 0);
    }
    if (this.plan.keyCheck !== null) {
      const values = this.keyFields.map(
        (i) => i >= 0 && i < count && starts[i] < ends[i] ? buffer.toString("utf8", starts[i], ends[i]) : null
      );
      this.key(values, record);
    }
  }
  /** Sets where the next record is, for the repeat checks (before its fields are observed). */
  at(offset) {
    if (this.repeats) this.repeats.offset = offset;
  }
  /** A record whose cells are text (JSON Lines, Parquet). */
  text(cells, record, extra) {
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) {
      const cell = cells[i];
      if (cell === null || cell === void 0 || cell === "") {
        fields[i].observeNull(record);
        continue;
      }
      const length = Buffer.byteLength(cell);
      if (length > scratch.bytes.length) scratch.bytes = Buffer.allocUnsafe(length * 2);
      scratch.bytes.write(cell, 0, "utf8");
      fields[i].observe(scratch.bytes, 0, length, record);
    }
    if (extra !== null) addToTally(this.checks, "extra_fields", record, () => extra);
    const repeats = this.repeats;
    if (repeats === null) return;
    if (this.plan.duplicateCheck !== null) {
      const text = JSON.stringify(cells);
      const bytes = Buffer.from(text);
      hashBytes(bytes, 0, bytes.length);
      repeats.add(this.plan.duplicateCheck, hashed.h1, hashed.h2, record, null, 0, 0);
    }
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
async function readFieldsAt(plan, fileIndex, offset) {
  const file = plan.files[fileIndex];
  const reader = fileReader(file.path, offset);
  try {
    const delimited = new DelimitedReader({
      reader,
      file: file.shown,
      offset,
      delimiter: file.format === "tsv" ? 9 : 44,
      align: false,
      stopAt: Infinity,
      atFileStart: false
    });
    for (; ; ) {
      const got = delimited.next();
      if (got === MORE) {
        await delimited.fill();
        continue;
      }
      if (got !== RECORD) return [];
      const cells = [];
      for (let i = 0; i < delimited.fieldCount; i++) {
        const start = delimited.starts[i];
        const end = delimited.ends[i];
        cells.push(start === end ? null : delimited.buffer.toString("utf8", start, end));
      }
      return cells;
    }
  } finally {
    reader.close();
  }
}

export {
  FREQUENT_CAPACITY,
  shortText,
  mergeTallies,
  shiftTallies,
  keyOf,
  mergeColumnState,
  RepeatWriter,
  partitionBitsFor,
  findRepeats,
  mergeRepeatTallies,
  tallyOf,
  planRanges,
  scanRange,
  readFieldsAt
};
