import { DataReadError } from "../errors.ts";
import { BatchAccumulator } from "./column/batch.ts";
import { BATCH_RECORDS, scanDelimited } from "./delimited-range.ts";
import type { ColumnState } from "./column/state.ts";
import type { KeyOrder } from "./column/unique.ts";
import { fileReader, gzipReader } from "./formats/chunks.ts";
import type { RecordBatch } from "./formats/delimited/batch.ts";
import type { DelimitedReader } from "./formats/delimited/reader.ts";
import { cellText, jsonLines } from "./formats/jsonl.ts";
import { openParquet } from "./formats/parquet.ts";
import type { DataFile, ScanPlan } from "./plan.ts";
import type { RangeTask } from "./ranges.ts";
import { type RepeatSink, RowHashes } from "./repeats/sink.ts";
import { hashBytes, hashed, hashRecord } from "./sketch/hash.ts";
import { addToTally, type Tally } from "./tally.ts";

/**
 * Reads one range of one file and profiles it: the unit of work of a worker thread (parallel.ts). A range of a CSV
 * or TSV file that does not start at the first data record starts reading after the first line end at or after its
 * start, and every range stops before the first record that starts at or after its end; the caller checks that each
 * range began where the one before it stopped (a line end inside a quoted field can fool the guess).
 */

export interface RangeError {
  detail: string;
  hint: string | undefined;
  byteOffset: number | null;
  /** Record index within the range, when known. */
  record: number | null;
  message: string;
}

export interface RangeResult {
  id: number;
  records: number;
  /** File offset of the range's first record, and where the next record after it starts. */
  firstStart: number;
  nextStart: number;
  columns: (ColumnState | null)[];
  /** Per plan column: its numbers in this range, in blocks, when they were held (held-values.ts), else null. */
  values: (Float64Array[] | null)[];
  /** Per plan column with a spilled `unique` rule: the order its values came in (see KeyOrder). */
  keyOrders: (KeyOrder | null)[];
  /** Dataset-level tallies (ragged rows); rows are record indexes within the range. */
  checks: Record<string, Tally>;
  error: RangeError | null;
}

export async function scanRange(
  plan: ScanPlan,
  task: RangeTask,
  repeats: RepeatSink | null,
  /** Let other events run between chunks (the main thread reading beside workers hands them their next range). */
  yieldBetweenChunks = false,
): Promise<RangeResult> {
  const file = plan.files[task.file]!;
  const accumulators = new Map<string, BatchAccumulator>();
  // A plain CSV or TSV range can be read again by record: unique values in order may stay out of the spill.
  const rereadable = (file.format === "csv" || file.format === "tsv") && !file.gzip;
  const fields = file.columns.map((name) => {
    const index = plan.columns.findIndex((c) => c.name === name);
    const accumulator = new BatchAccumulator(plan.columns[index]!, task.id * 1000 + index + 1, repeats, rereadable);
    accumulators.set(name, accumulator);
    return accumulator;
  });
  const keyFields = plan.keyColumns.map((name) => file.columns.indexOf(name));
  const result: RangeResult = {
    id: task.id,
    records: 0,
    firstStart: task.start,
    nextStart: file.bytes,
    columns: [],
    values: [],
    keyOrders: [],
    checks: {},
    error: null,
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
          extra.length > 0 ? `keys not in the first record: ${extra.join(", ")}` : null,
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
  // A column this file lacks holds no values here, which is all of them.
  result.values = plan.columns.map((c) => {
    const accumulator = accumulators.get(c.name);
    return accumulator ? accumulator.heldValues() : c.valuesLimit > 0 ? [] : null;
  });
  return result;
}

function gzipOrFile(path: string, gzip: boolean) {
  return gzip ? gzipReader(path) : fileReader(path, 0);
}

function describeError(error: unknown, records: number): RangeError {
  if (error instanceof DataReadError) {
    return {
      detail: error.detail,
      hint: error.hint,
      byteOffset: error.byteOffset,
      // The reader counts the header of the first range as a record.
      record: records,
      message: error.message,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const detail =
    code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR" ? "is not a valid gzip file" : `cannot be read (${message})`;
  return { detail, hint: undefined, byteOffset: null, record: null, message };
}

const scratch = { bytes: Buffer.allocUnsafe(1 << 16) };

/** What happens to each record: cells to their columns, then the row-level rules. */
class RecordVisitor {
  /** The records being read, for the duplicate-rows check (see RowHashes). */
  private readonly rows: RowHashes | null;

  constructor(
    private readonly plan: ScanPlan,
    private readonly fields: BatchAccumulator[],
    private readonly keyFields: number[],
    private readonly repeats: RepeatSink | null,
    private readonly checks: Record<string, Tally>,
    private readonly file: DataFile,
  ) {
    this.rows =
      repeats !== null && plan.duplicateCheck !== null
        ? new RowHashes(plan.duplicateCarrier ?? -1, BATCH_RECORDS)
        : null;
    if (repeats !== null) repeats.rows = this.rows;
  }

  /**
   * Records batch[from, size) of a delimited file; record i of the batch is record `recordBase + i` of the range.
   * Column by column: each column's loop stays in its own code and sketches.
   */
  delimited(reader: DelimitedReader, batch: RecordBatch, from: number, recordBase: number, gzip: boolean): void {
    const buffer = reader.buffer;
    const size = batch.size;
    const fields = this.fields;
    const width = fields.length;
    // Plain files can be read again at a record's offset (to show a repeated value); gzip streams cannot.
    const offsetBase = gzip ? -1 : reader.base;
    const { fieldCounts, recordStarts, contentEnds, starts, ends, stride } = batch;
    const rows = this.rows;
    if (rows !== null) {
      rows.atBatch(recordBase, buffer, recordStarts, contentEnds);
      rows.carried.fill(0, from, size);
    }
    for (let i = 0; i < width; i++) fields[i]!.observeColumn(buffer, batch, i, from, recordBase, offsetBase);
    for (let i = from; i < size; i++) {
      const count = fieldCounts[i]!;
      if (count !== width) {
        addToTally(
          this.checks,
          "ragged_rows",
          recordBase + i,
          () =>
            `${count} fields where ${this.file.header ? "the header has" : "data.schema.columns lists"} ${width} (${this.file.shown})`,
        );
      }
    }
    const repeats = this.repeats;
    if (repeats === null) return;
    const duplicateCheck = this.plan.duplicateCheck;
    if (duplicateCheck !== null && rows !== null) {
      // The records that did not go with a unique value.
      const carried = rows.carried;
      for (let i = from; i < size; i++) {
        if (carried[i] === 1) continue;
        hashRecord(buffer, recordStarts[i]!, contentEnds[i]!);
        repeats.offset = offsetBase < 0 ? -1 : offsetBase + recordStarts[i]!;
        repeats.add(duplicateCheck, hashed.h1, hashed.h2, recordBase + i, null, 0, 0);
      }
    }
    if (this.plan.keyCheck !== null) {
      for (let i = from; i < size; i++) {
        const count = fieldCounts[i]!;
        const row = i * stride;
        const values = this.keyFields.map((f) =>
          f >= 0 && f < count && starts[row + f]! < ends[row + f]!
            ? buffer.toString("utf8", starts[row + f], ends[row + f])
            : null,
        );
        repeats.offset = offsetBase < 0 ? -1 : offsetBase + recordStarts[i]!;
        this.key(values, recordBase + i);
      }
    }
  }

  /** Sets where the next record is, for the repeat checks (before its fields are observed). */
  at(offset: number): void {
    if (this.repeats) this.repeats.offset = offset;
  }

  /** A record whose cells are text (JSON Lines, Parquet). */
  text(cells: (string | null)[], record: number, extra: string | null): void {
    const rows = this.rows;
    if (rows !== null) {
      const bytes = Buffer.from(JSON.stringify(cells));
      hashBytes(bytes, 0, bytes.length);
      rows.atRecord(record, hashed.h1, hashed.h2);
    }
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) {
      const cell = cells[i];
      if (cell === null || cell === undefined || cell === "") {
        fields[i]!.observeNull(record);
        continue;
      }
      const length = Buffer.byteLength(cell);
      if (length > scratch.bytes.length) scratch.bytes = Buffer.allocUnsafe(length * 2);
      scratch.bytes.write(cell, 0, "utf8");
      fields[i]!.observe(scratch.bytes, 0, length, record);
    }
    if (extra !== null) addToTally(this.checks, "extra_fields", record, () => extra);
    const repeats = this.repeats;
    if (repeats === null) return;
    if (this.plan.duplicateCheck !== null && rows !== null && rows.carried[0] === 0)
      repeats.add(this.plan.duplicateCheck, rows.hashes[0]!, rows.hashes[1]!, record, null, 0, 0);
    if (this.plan.keyCheck !== null)
      this.key(
        this.keyFields.map((i) => (i >= 0 ? (cells[i] ?? null) : null)),
        record,
      );
  }

  private key(values: (string | null)[], record: number): void {
    const bytes = Buffer.from(JSON.stringify(values));
    hashBytes(bytes, 0, bytes.length);
    const text = Buffer.from(values.map(String).join(", "));
    this.repeats?.add(this.plan.keyCheck!, hashed.h1, hashed.h2, record, text, 0, text.length);
  }
}
