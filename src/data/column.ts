import type { ColumnType } from "../config/schema/data.ts";
import { addNumbersToRegisters, hashBytes, hashed, hashKey, hashNumber, KeySet, keyParts } from "./sketch/hash.ts";
import { FREQUENT_CAPACITY, FrequentItems, type FrequentState } from "./sketch/frequent.ts";
import { decodeRegisters, encodeRegisters, HyperLogLog } from "./sketch/hll.ts";
import { HeldValues } from "./held-values.ts";
import { KllSketch, type KllState } from "./sketch/kll.ts";
import { mergeMoments, Moments, type MomentsState } from "./sketch/moments.ts";
import { NumberCounts } from "./sketch/numbers.ts";
import { addToTally, mergeTallies, type Tally } from "./tally.ts";
import { decodeCapped } from "./text-cap.ts";
import type { RecordBatch } from "./formats/delimited.ts";
import type { RepeatSink } from "./repeats.ts";
import {
  isMissingToken,
  parseBoolean,
  parseDatetime,
  parseNumber,
  parsed,
  POWERS_OF_TEN,
  usualDatetime,
  utf8,
} from "./values.ts";

/**
 * One column's running profile and rule checks (DOMAIN.md §3). Values arrive as bytes (any reader can provide them)
 * and are parsed in place; strings are made only when words are needed (examples, category names, regex rules).
 */

/** How values are read: decided before reading from the declared type, or the type inferred from a sample. */
export type ValueKind = "numeric" | "datetime" | "boolean" | "text" | "any";

export interface ColumnRules {
  nullable: boolean;
  min: number | null;
  max: number | null;
  /** Hash keys of the allowed values' text. */
  allowed: number[] | null;
  regex: string | null;
  unique: boolean;
}

export interface ColumnPlan {
  name: string;
  declared: ColumnType | null;
  /** The type the sample suggested (null: the sample had no values). */
  inferred: ColumnType | null;
  kind: ValueKind;
  severity: "error" | "warn";
  /** The column's rules from data.schema.columns, or null when it has none. */
  rules: ColumnRules | null;
  /** Spill check id of the `unique` rule (see repeats.ts), when it has one. */
  uniqueCheck: number | null;
  /** How many of its numbers to hold for exact drift (held-values.ts); 0 holds none. */
  valuesLimit: number;
}

const BATCH = 1024;

/** Up to this many distinct numbers are counted exactly; then HyperLogLog estimates the distinct count. */
export const EXACT_NUMBERS = FREQUENT_CAPACITY;

export interface ColumnState {
  name: string;
  /** Rows of files that have this column. */
  rows: number;
  /** Non-empty values, valid or not. */
  values: number;
  /** Empty cells, plus missing-value tokens in numeric, boolean and date columns. */
  nulls: number;
  /** Missing-value tokens (NaN, n/a ...) among `nulls`. */
  missingTokens: number;
  /** Values that are not of the column's type. */
  invalid: number;
  /** inf / -inf in a numeric column (not in the statistics). */
  nonFinite: number;
  /** Numeric values with a fraction or an exponent (an inferred integer column then reads as number). */
  fractional: number;
  /** In a column read as `any`: values that are numbers. */
  numericValues: number;
  moments: MomentsState | null;
  sketch: KllState | null;
  /** Exact counts of each number while there are at most EXACT_NUMBERS distinct ones. */
  numbers: [number, number][] | null;
  frequent: FrequentState | null;
  /** HyperLogLog registers (base64), once the exact tables overflowed. */
  hll: string | null;
  checks: Record<string, Tally>;
}

/**
 * How a range's values of a unique column went to the repeat check. While they ascend strictly (as numbers), they are
 * left out of the spill and only marked in `keyed`: distinct numbers are distinct texts, so values in order cannot
 * repeat each other. From the first value out of order on, values are spilled as usual. At the end (parallel.ts), the
 * values left out are spilled after all (read again from the file) only if their span [first, last] meets the span
 * of any other values of the column; ids that count up, the usual case, are never spilled or checked at all.
 */
export interface KeyOrder {
  /** Values left out of the spill, in ascending order: how many, the first and the last. */
  inOrder: number;
  first: number;
  last: number;
  /** Records (within the range) below this one hold all the values left out; `keyed` marks them. */
  inOrderEnd: number;
  keyed: Uint8Array | null;
  /** Values spilled, and their span (NaN bounds: values that are not numbers, so the span is unknown). */
  spilled: number;
  min: number;
  max: number;
}

const TRUE_KEY = keyOf("true");
const FALSE_KEY = keyOf("false");
const TRUE_BYTES = Buffer.from("true");
const FALSE_BYTES = Buffer.from("false");

export function keyOf(text: string): number {
  const bytes = Buffer.from(text, "utf8");
  hashBytes(bytes, 0, bytes.length);
  return hashKey(hashed.h1, hashed.h2);
}

export class ColumnAccumulator {
  rows = 0;
  private values = 0;
  private nulls = 0;
  private missingTokens = 0;
  private invalid = 0;
  private nonFinite = 0;
  private fractional = 0;
  private numericValues = 0;
  private readonly moments: Moments | null;
  private readonly sketch: KllSketch | null;
  private numbers: NumberCounts | null;
  private readonly held: HeldValues | null;
  private readonly batch = new Float64Array(BATCH);
  private batched = 0;
  private readonly frequent: FrequentItems | null;
  private hll: HyperLogLog | null = null;
  readonly checks: Record<string, Tally> = {};
  private readonly kind: ValueKind;
  private readonly rules: ColumnRules | null;
  private readonly allowed: KeySet | null;
  private readonly pattern: RegExp | null;
  private readonly integerOnly: boolean;
  private readonly readsNumbers: boolean;
  private readonly textChecks: boolean;
  /** Whether values go to the repeat checks (the `unique` rule). */
  private readonly spills: boolean;
  /** Whether values may be left out of the spill while in order (numbers from a file that can be read again). */
  private readonly ordered: boolean;
  private readonly order: KeyOrder = {
    inOrder: 0,
    first: NaN,
    last: NaN,
    inOrderEnd: 0,
    keyed: null,
    spilled: 0,
    min: Infinity,
    max: -Infinity,
  };
  /** The min and max rules as bounds (infinite without them): one comparison finds the values that break them. */
  private readonly low: number;
  private readonly high: number;

  constructor(
    private readonly plan: ColumnPlan,
    seed: number,
    private readonly repeats: RepeatSink | null,
    /** Whether the range can be read again by record (a plain CSV or TSV file): see KeyOrder. */
    rereadable = false,
  ) {
    this.kind = plan.kind;
    this.rules = plan.rules;
    this.allowed = plan.rules?.allowed ? new KeySet(plan.rules.allowed) : null;
    this.pattern = plan.rules?.regex ? new RegExp(`^(?:${plan.rules.regex})$`, "u") : null;
    this.integerOnly = plan.declared === "integer";
    this.textChecks = this.allowed !== null || this.pattern !== null || plan.rules?.unique === true;
    this.readsNumbers = plan.kind === "numeric" || plan.kind === "datetime" || plan.kind === "any";
    this.spills = repeats !== null && plan.rules?.unique === true && plan.uniqueCheck !== null;
    this.ordered = this.spills && rereadable && (plan.kind === "numeric" || plan.kind === "datetime");
    const bounded = plan.rules !== null && plan.kind !== "any";
    this.low = bounded ? (plan.rules?.min ?? -Infinity) : -Infinity;
    this.high = bounded ? (plan.rules?.max ?? Infinity) : Infinity;
    this.moments = this.readsNumbers ? new Moments() : null;
    this.sketch = this.readsNumbers ? new KllSketch(seed) : null;
    this.numbers = this.readsNumbers ? new NumberCounts(EXACT_NUMBERS) : null;
    this.held = this.readsNumbers && plan.valuesLimit > 0 ? new HeldValues(plan.valuesLimit) : null;
    this.frequent = plan.kind === "text" || plan.kind === "boolean" || plan.kind === "any" ? new FrequentItems() : null;
  }

  observeNull(record: number): void {
    this.rows++;
    this.nulls++;
    if (this.rules && !this.rules.nullable) addToTally(this.checks, "nullable", record, () => "empty");
  }

  /** One non-empty cell: bytes[start, end). */
  observe(bytes: Uint8Array, start: number, end: number, record: number): void {
    const kind = this.kind;
    const first = bytes[start]!;
    // A value starting with a digit is never a missing-value token: skip the check for most numbers.
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
      if (parsed.value === 1) (this.frequent as FrequentItems).add(TRUE_KEY, TRUE_BYTES, 0, 4);
      else (this.frequent as FrequentItems).add(FALSE_KEY, FALSE_BYTES, 0, 5);
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

  /**
   * The column's cells of batch records [from, size), record i being record `recordBase + i` of the range. The
   * common forms of each kind are read here in one loop (the same outcome as observe(), cell by cell); anything
   * else goes through observe(). `offsetBase` is the file offset of the batch's buffer (-1: none).
   */
  observeColumn(
    bytes: Uint8Array,
    batch: RecordBatch,
    column: number,
    from: number,
    recordBase: number,
    offsetBase: number,
  ): void {
    if (this.kind === "numeric") this.numericColumn(bytes, batch, column, from, recordBase, offsetBase);
    else if (this.kind === "datetime") this.datetimeColumn(bytes, batch, column, from, recordBase, offsetBase);
    else if (this.kind === "boolean") this.booleanColumn(bytes, batch, column, from, recordBase, offsetBase);
    else if (this.kind === "text") this.textColumn(bytes, batch, column, from, recordBase, offsetBase);
    else this.eachCell(bytes, batch, column, from, recordBase, offsetBase);
  }

  /** Where the repeat checks find record i (its file offset), set before a value of it may be spilled. */
  private locate(batch: RecordBatch, i: number, offsetBase: number): void {
    (this.repeats as RepeatSink).offset = offsetBase < 0 ? -1 : offsetBase + batch.recordStarts[i]!;
  }

  private eachCell(
    bytes: Uint8Array,
    batch: RecordBatch,
    column: number,
    from: number,
    recordBase: number,
    offsetBase: number,
  ): void {
    const { starts, ends, fieldCounts, stride, size } = batch;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      if (column >= fieldCounts[i]! || starts[at] === ends[at]) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (this.spills) this.locate(batch, i, offsetBase);
      this.observe(bytes, starts[at]!, ends[at]!, recordBase + i);
    }
  }

  /**
   * Numbers written `[-]digits[.digits]` with at most 9 digits (nearly all of them) are read here: the digits add up
   * in integer arithmetic (exact), then one division by a power of ten as parseNumber's exact fast path does, so the
   * value is the same double. The rest go through observe(). Counters stay in locals until the end of the batch.
   */
  private numericColumn(
    bytes: Uint8Array,
    batch: RecordBatch,
    column: number,
    from: number,
    recordBase: number,
    offsetBase: number,
  ): void {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const values = this.batch;
    const { low, high, integerOnly, textChecks, spills } = this;
    let batched = this.batched;
    let read = 0;
    let fractional = 0;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at]!;
      const end = ends[at]!;
      if (column >= fieldCounts[i]! || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (spills) this.locate(batch, i, offsetBase);
      let j = start;
      const negative = bytes[j] === 45;
      if (negative) j++;
      const integerStart = j;
      // `| 0` keeps the sum in integers; more than 9 digits could wrap, and those go to observe() below.
      let mantissa = 0;
      let d = 0;
      while (j < end && (d = bytes[j]! - 48) >= 0 && d <= 9) {
        mantissa = (mantissa * 10 + d) | 0;
        j++;
      }
      const digits = j - integerStart;
      let fraction = 0;
      if (j < end && bytes[j] === 46) {
        const fractionStart = ++j;
        while (j < end && (d = bytes[j]! - 48) >= 0 && d <= 9) {
          mantissa = (mantissa * 10 + d) | 0;
          j++;
        }
        fraction = j - fractionStart;
        if (fraction === 0) j = -1; // "5." is left to parseNumber
      }
      if (j !== end || digits === 0 || digits + fraction > 9 || (fraction > 0 && integerOnly)) {
        this.batched = batched;
        this.observe(bytes, start, end, recordBase + i);
        batched = this.batched;
        continue;
      }
      read++;
      const magnitude = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction]!;
      const value = negative ? -magnitude : magnitude;
      if (fraction > 0) fractional++;
      if (value < low || value > high) this.outOfBounds(value, bytes, start, end, recordBase + i);
      values[batched++] = value;
      if (batched === BATCH) {
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

  private datetimeColumn(
    bytes: Uint8Array,
    batch: RecordBatch,
    column: number,
    from: number,
    recordBase: number,
    offsetBase: number,
  ): void {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const values = this.batch;
    const { low, high, textChecks, spills } = this;
    let batched = this.batched;
    let read = 0;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at]!;
      const end = ends[at]!;
      if (column >= fieldCounts[i]! || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (spills) this.locate(batch, i, offsetBase);
      // The usual forms here; a value starting with a digit is never a missing-value token.
      let value = usualDatetime(bytes, start, end);
      if (value !== value) {
        const first = bytes[start]!;
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
      if (batched === BATCH) {
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

  private booleanColumn(
    bytes: Uint8Array,
    batch: RecordBatch,
    column: number,
    from: number,
    recordBase: number,
    offsetBase: number,
  ): void {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const { textChecks, spills } = this;
    let trues = 0;
    let falses = 0;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at]!;
      const end = ends[at]!;
      if (column >= fieldCounts[i]! || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (spills) this.locate(batch, i, offsetBase);
      // "true" and "false" here, the other forms through parseBoolean. No missing-value token reads as a boolean, so
      // a boolean needs no token check.
      const length = end - start;
      let truth: boolean;
      if (
        length === 4 &&
        bytes[start] === 116 &&
        bytes[start + 1] === 114 &&
        bytes[start + 2] === 117 &&
        bytes[start + 3] === 101
      )
        truth = true;
      else if (
        length === 5 &&
        bytes[start] === 102 &&
        bytes[start + 1] === 97 &&
        bytes[start + 2] === 108 &&
        bytes[start + 3] === 115 &&
        bytes[start + 4] === 101
      )
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
    // Two values never fill the table: counting them per batch leaves the same counts.
    const frequent = this.frequent as FrequentItems;
    if (trues > 0) frequent.addCount(TRUE_KEY, trues, TRUE_BYTES, 0, 4);
    if (falses > 0) frequent.addCount(FALSE_KEY, falses, FALSE_BYTES, 0, 5);
  }

  private textColumn(
    bytes: Uint8Array,
    batch: RecordBatch,
    column: number,
    from: number,
    recordBase: number,
    offsetBase: number,
  ): void {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const { textChecks, spills } = this;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at]!;
      const end = ends[at]!;
      if (column >= fieldCounts[i]! || start === end) {
        this.observeNull(recordBase + i);
        continue;
      }
      if (spills) this.locate(batch, i, offsetBase);
      this.rows++;
      this.values++;
      this.text(bytes, start, end);
      if (textChecks) this.textRules(bytes, start, end, recordBase + i, true, NaN);
    }
  }

  /** The min and max rules, for a value outside [low, high]. */
  private outOfBounds(value: number, bytes: Uint8Array, start: number, end: number, record: number): void {
    const rules = this.rules as ColumnRules;
    if (rules.min !== null && value < rules.min)
      addToTally(this.checks, "min", record, () => decodeCapped(bytes, start, end));
    if (rules.max !== null && value > rules.max)
      addToTally(this.checks, "max", record, () => decodeCapped(bytes, start, end));
  }

  private reject(bytes: Uint8Array, start: number, end: number, record: number): void {
    this.invalid++;
    addToTally(this.checks, "type", record, () => decodeCapped(bytes, start, end));
  }

  private number(value: number, bytes: Uint8Array, start: number, end: number, record: number): void {
    if (value - value !== 0) {
      // Infinity (NaN never parses): kept out of the statistics, reported.
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
    // Statistics run over batches: one tight loop per sketch is several times cheaper than each sketch per value.
    this.batch[this.batched++] = value;
    if (this.batched === BATCH) this.flushNumbers();
  }

  private flushNumbers(): void {
    const batch = this.batch;
    const count = this.batched;
    this.batched = 0;
    if (count === 0) return;
    const moments = this.moments as Moments;
    const sketch = this.sketch as KllSketch;
    moments.addMany(batch, count);
    sketch.updateMany(batch, count);
    this.held?.addMany(batch, count);
    let numbers = this.numbers;
    let i = 0;
    // Exact counts while the column has few distinct numbers ...
    for (; i < count && numbers !== null; i++) {
      const value = batch[i]!;
      hashNumber(value);
      if (numbers.addHashed(value)) continue;
      this.overflowNumbers(numbers);
      numbers = null;
      (this.hll as HyperLogLog).add(hashed.h1, hashed.h2);
    }
    // ... then HyperLogLog, in its own loop.
    if (i < count) addNumbersToRegisters((this.hll as HyperLogLog).registers, batch, i, count);
  }

  /** More distinct numbers than the exact table holds: from now on HyperLogLog counts them (all of them). */
  private overflowNumbers(numbers: NumberCounts): void {
    const { h1, h2 } = hashed;
    this.hll = hllOfNumbers(numbers.values());
    this.numbers = null;
    hashed.h1 = h1;
    hashed.h2 = h2;
  }

  private text(bytes: Uint8Array, start: number, end: number): void {
    hashBytes(bytes, start, end);
    const { h1, h2 } = hashed;
    const frequent = this.frequent as FrequentItems;
    if (this.hll === null && frequent.size >= FREQUENT_CAPACITY) this.hll = hllOfKeys(frequent.keysInTable());
    // For an `any` column the HLL belongs to the numbers until it is decided which side counts (see finish()).
    if (this.hll !== null && this.kind !== "any") this.hll.add(h1, h2);
    frequent.add(hashKey(h1, h2), bytes, start, end);
  }

  /**
   * The rules on a value's text; `hashedAlready` when text() just hashed these bytes. `key` is the value as a number
   * in numeric and datetime columns (NaN in others), for the order of a unique column's values (see keyOrder).
   */
  private textRules(
    bytes: Uint8Array,
    start: number,
    end: number,
    record: number,
    hashedAlready: boolean,
    key: number,
  ): void {
    // The text's hash, made only when a rule needs it: a unique value left out of the spill in order does not.
    let hashedNow = hashedAlready;
    if (this.allowed) {
      if (!hashedNow) hashBytes(bytes, start, end);
      hashedNow = true;
      if (!this.allowed.has(hashed.h1, hashed.h2))
        addToTally(this.checks, "values", record, () => decodeCapped(bytes, start, end));
    }
    if (this.pattern && !this.pattern.test(utf8(bytes, start, end)))
      addToTally(this.checks, "regex", record, () => decodeCapped(bytes, start, end));
    if (this.rules?.unique && this.plan.uniqueCheck !== null && this.repeats !== null)
      this.uniqueValue(bytes, start, end, record, key, hashedNow);
  }

  /**
   * A value of a unique column: left out of the spill while values ascend (see KeyOrder), else spilled with its
   * text's hash (in {@link hashed} already when `hashedAlready`).
   */
  private uniqueValue(
    bytes: Uint8Array,
    start: number,
    end: number,
    record: number,
    key: number,
    hashedAlready: boolean,
  ): void {
    const order = this.order;
    const repeats = this.repeats as RepeatSink;
    // In order while nothing was spilled yet and each value is above the last (NaN, not a number, never is).
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
      keyed[record >>> 3]! |= 1 << (record & 7);
      // Its row's duplicates are checked with it, if it is spilled later (its row hash is made then).
      const rows = repeats.rows;
      if (rows !== null && rows.check === this.plan.uniqueCheck) rows.carried[record - rows.base] = 1;
      return;
    }
    if (!hashedAlready) hashBytes(bytes, start, end);
    repeats.add(this.plan.uniqueCheck as number, hashed.h1, hashed.h2, record, bytes, start, end);
    order.spilled++;
    // A value that is not a number makes the span unknown (NaN bounds), for good.
    if (key !== key) order.min = order.max = NaN;
    else if (order.min === order.min) {
      if (key < order.min) order.min = key;
      if (key > order.max) order.max = key;
    }
  }

  /** How this range's values of a unique column went to the repeat check (see KeyOrder), or null. */
  keyOrder(): KeyOrder | null {
    if (!this.spills) return null;
    const order = this.order;
    return { ...order, keyed: order.keyed && order.keyed.slice(0, (order.inOrderEnd + 7) >>> 3) };
  }

  /** Every number of the range, when they were held (see held-values.ts); null otherwise. Call after toState(). */
  heldValues(): Float64Array | null {
    return this.held?.result() ?? null;
  }

  toState(): ColumnState {
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
      checks: this.checks,
    };
  }
}

function hllOfKeys(keys: Iterable<number>): HyperLogLog {
  const hll = new HyperLogLog();
  for (const key of keys) {
    const { h1, h2 } = keyParts(key);
    hll.add(h1, h2);
  }
  return hll;
}

function hllOfNumbers(values: Iterable<number>): HyperLogLog {
  const hll = new HyperLogLog();
  for (const value of values) {
    hashNumber(value);
    hll.add(hashed.h1, hashed.h2);
  }
  return hll;
}

/**
 * Merges `later` (rows after `into`'s) into `into`. Sketches merge as the sketches of the concatenated rows would
 * (exactly for counts, moments, exact tables and HyperLogLog; within the stated error for KLL and Misra-Gries).
 */
export function mergeColumnState(into: ColumnState, later: ColumnState, seed = 1): void {
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
    // A column read as `any`: its value table merges; its distinct count comes from the numbers side.
    const frequent = new FrequentItems();
    if (into.frequent) frequent.merge(into.frequent);
    frequent.merge(later.frequent);
    into.frequent = frequent.toState();
  }
  mergeTallies(into.checks, later.checks);
}

/** Distinct numbers: the exact tables while their union is small, else HyperLogLog over everything. */
function mergeNumberDistinct(into: ColumnState, later: ColumnState): void {
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
    const registers = side.hll === null ? undefined : decodeRegisters(side.hll);
    if (registers) hll.merge(registers);
  }
  into.numbers = null;
  into.hll = encodeRegisters(hll.registers);
}

/** Distinct texts: the exact value table while it never overflowed, else HyperLogLog over everything. */
function mergeTextDistinct(into: ColumnState, later: ColumnState): void {
  const sides = [into.frequent, later.frequent].filter((f): f is FrequentState => f !== null);
  const frequent = new FrequentItems();
  for (const side of sides) frequent.merge(side);
  const merged = frequent.toState();
  const exact = merged.error === 0 && into.hll === null && later.hll === null;
  if (!exact) {
    const hll = new HyperLogLog();
    for (const side of [into, later]) {
      if (side.frequent && side.frequent.error === 0 && side.hll === null)
        hll.merge(hllOfKeys(side.frequent.entries.map((e) => e[0])).registers);
      const registers = side.hll === null ? undefined : decodeRegisters(side.hll);
      if (registers) hll.merge(registers);
    }
    into.hll = encodeRegisters(hll.registers);
  }
  into.frequent = sides.length > 0 ? merged : null;
}
