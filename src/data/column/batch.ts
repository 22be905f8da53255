import type { RecordBatch } from "../formats/delimited/batch.ts";
import { parseBoolean, parseDatetime, parsed, POWERS_OF_TEN, usualDatetime } from "../values.ts";
import { ColumnAccumulator, FALSE_BYTES, FALSE_KEY, NUMBER_BATCH, TRUE_BYTES, TRUE_KEY } from "./accumulator.ts";
import type { FrequentItems } from "../sketch/frequent.ts";

/**
 * A column accumulator that also takes a delimited batch's column in one loop (observeColumn), as scan.ts reads CSV
 * and TSV files: the common forms of each kind are read in place with counters in locals, and anything else goes
 * through observe(), cell by cell, to the same outcome.
 *
 * The four per-kind loops repeat their frame on purpose (the empty-cell test, locating the record for the repeat
 * checks, the counters kept in locals, the flush of full number batches): one loop per kind with its parsing inline
 * is what keeps this path fast; a shared loop calling per-kind code for each cell would cost a call and a branch
 * per cell, on the hottest path of validate.
 */
export class BatchAccumulator extends ColumnAccumulator {
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
      if (this.unique !== null) this.unique.locate(batch, i, offsetBase);
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
    const { low, high, integerOnly, textChecks, unique } = this;
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
      if (unique !== null) unique.locate(batch, i, offsetBase);
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
    const { low, high, textChecks, unique } = this;
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
      if (unique !== null) unique.locate(batch, i, offsetBase);
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

  private booleanColumn(
    bytes: Uint8Array,
    batch: RecordBatch,
    column: number,
    from: number,
    recordBase: number,
    offsetBase: number,
  ): void {
    const { starts, ends, fieldCounts, stride, size } = batch;
    const { textChecks, unique } = this;
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
      if (unique !== null) unique.locate(batch, i, offsetBase);
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
    const { textChecks, unique } = this;
    for (let i = from; i < size; i++) {
      const at = i * stride + column;
      const start = starts[at]!;
      const end = ends[at]!;
      if (column >= fieldCounts[i]! || start === end) {
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
}
