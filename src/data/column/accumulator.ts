import { FREQUENT_CAPACITY, FrequentItems } from "../sketch/frequent.ts";
import { addNumbersToRegisters, hashBytes, hashed, hashKey, hashNumber, KeySet } from "../sketch/hash.ts";
import { encodeRegisters, hllOfKeys, hllOfNumbers, type HyperLogLog } from "../sketch/hll.ts";
import { HeldValues } from "../held-values.ts";
import { KllSketch } from "../sketch/kll.ts";
import { Moments } from "../sketch/moments.ts";
import { NumberCounts } from "../sketch/numbers.ts";
import { addToTally, type Tally } from "../tally.ts";
import { decodeCapped } from "../text-cap.ts";
import type { RepeatSink } from "../repeats/sink.ts";
import { isMissingToken, parseBoolean, parseDatetime, parseNumber, parsed, utf8 } from "../values.ts";
import { type ColumnPlan, type ColumnRules, keyOf, type ValueKind } from "./plan.ts";
import { type ColumnState, EXACT_NUMBERS } from "./state.ts";
import { type KeyOrder, UniqueValues } from "./unique.ts";

/**
 * One column's running profile and rule checks (DOMAIN.md §3). Values arrive as bytes (any reader can provide them)
 * and are parsed in place; strings are made only when words are needed (examples, category names, regex rules).
 *
 * This class takes values cell by cell (observe, observeNull); BatchAccumulator (batch.ts) adds the per-kind loops
 * over a delimited batch's column. It is abstract because only BatchAccumulator is ever made: every accumulator then
 * has one hidden class, and these methods, called from the hot loops, stay monomorphic.
 */

/** Numbers wait in a batch this long before the sketches take them. */
export const NUMBER_BATCH = 1024;

export const TRUE_KEY = keyOf("true");
export const FALSE_KEY = keyOf("false");
export const TRUE_BYTES = Buffer.from("true");
export const FALSE_BYTES = Buffer.from("false");

export abstract class ColumnAccumulator {
  rows = 0;
  protected values = 0;
  private nulls = 0;
  private missingTokens = 0;
  private invalid = 0;
  private nonFinite = 0;
  protected fractional = 0;
  private numericValues = 0;
  private readonly moments: Moments | null;
  private readonly sketch: KllSketch | null;
  private numbers: NumberCounts | null;
  private readonly held: HeldValues | null;
  /** Numbers waiting for the sketches (see number()); the batch loops fill it directly. */
  protected readonly batch = new Float64Array(NUMBER_BATCH);
  protected batched = 0;
  protected readonly frequent: FrequentItems | null;
  private hll: HyperLogLog | null = null;
  readonly checks: Record<string, Tally> = {};
  protected readonly kind: ValueKind;
  private readonly rules: ColumnRules | null;
  private readonly allowed: KeySet | null;
  private readonly pattern: RegExp | null;
  protected readonly integerOnly: boolean;
  private readonly readsNumbers: boolean;
  protected readonly textChecks: boolean;
  /** The `unique` rule's way to the repeat checks, when its values go there; else null. */
  protected readonly unique: UniqueValues | null;
  /** The min and max rules as bounds (infinite without them): one comparison finds the values that break them. */
  protected readonly low: number;
  protected readonly high: number;

  constructor(
    private readonly plan: ColumnPlan,
    seed: number,
    repeats: RepeatSink | null,
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
    this.unique =
      repeats !== null && plan.rules?.unique === true && plan.uniqueCheck !== null
        ? new UniqueValues(
            plan.uniqueCheck,
            repeats,
            rereadable && (plan.kind === "numeric" || plan.kind === "datetime"),
          )
        : null;
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

  /** The min and max rules, for a value outside [low, high]. */
  protected outOfBounds(value: number, bytes: Uint8Array, start: number, end: number, record: number): void {
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
    if (this.batched === NUMBER_BATCH) this.flushNumbers();
  }

  protected flushNumbers(): void {
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

  protected text(bytes: Uint8Array, start: number, end: number): void {
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
  protected textRules(
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
    this.unique?.add(bytes, start, end, record, key, hashedNow);
  }

  /** How this range's values of a unique column went to the repeat check (see KeyOrder), or null. */
  keyOrder(): KeyOrder | null {
    return this.unique?.keyOrder() ?? null;
  }

  /** Every number of the range in blocks, when they were held (see held-values.ts); null otherwise. Call after toState(). */
  heldValues(): Float64Array[] | null {
    return this.held?.blocks() ?? null;
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
