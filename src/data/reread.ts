import { readFileSync } from "node:fs";
import type { RecordBatch } from "./formats/delimited/batch.ts";
import { DelimitedReader, MORE, RECORD } from "./formats/delimited/reader.ts";
import { fileReader } from "./formats/chunks.ts";
import type { ScanPlan } from "./plan.ts";
import type { RangeTask } from "./ranges.ts";
import { RowHashes } from "./repeats/sink.ts";
import type { RepeatWriter } from "./repeats/writer.ts";
import { hashBytes, hashed } from "./sketch/hash.ts";
import { BATCH_RECORDS, scanDelimited } from "./delimited-range.ts";

/**
 * Reading a plain CSV or TSV file again after the scan, for the repeat checks at its end (parallel/repeat-checks.ts):
 * a range's unique values left out of the spill, to spill after all, and the record of a repeat, to show its value.
 */

/** A range's unique values left out of the spill in order (KeyOrder), to spill after all. */
export interface Respill {
  /** The task that read the range: reading it again gives the same records. */
  task: RangeTask;
  /**
   * Per plan column: the file marking the records that held its values (a bit each, see KeyOrder.keyed) and the
   * record after the last of them.
   */
  columns: { column: number; marks: string; end: number }[];
}

/**
 * Reads a range of a plain CSV or TSV file again up to the last record a job needs, and spills each marked value as
 * the first reading would have (the value's hash and offset, and its row's hash for the column carrying duplicate
 * rows), numbered by the same range and records.
 */
export async function respill(plan: ScanPlan, job: Respill, writer: RepeatWriter): Promise<void> {
  const file = plan.files[job.task.file]!;
  const end = Math.max(...job.columns.map((c) => c.end));
  const columns = job.columns.map(({ column, marks, end }) => {
    const check = plan.columns[column]!.uniqueCheck!;
    return { field: file.columns.indexOf(plan.columns[column]!.name), check, keyed: readFileSync(marks), end };
  });
  const rows = new RowHashes(plan.duplicateCarrier ?? -1, BATCH_RECORDS);
  const visit = {
    finished: false,
    delimited(reader: DelimitedReader, batch: RecordBatch, from: number, recordBase: number): void {
      const buffer = reader.buffer;
      const { starts, ends, fieldCounts, recordStarts, contentEnds, stride, size } = batch;
      rows.atBatch(recordBase, buffer, recordStarts, contentEnds);
      for (const { field, check, keyed, end } of columns) {
        for (let i = from; i < size; i++) {
          const record = recordBase + i;
          if (record >= end) break;
          if ((keyed[record >>> 3]! & (1 << (record & 7))) === 0 || field >= fieldCounts[i]!) continue;
          const at = i * stride + field;
          hashBytes(buffer, starts[at]!, ends[at]!);
          writer.offset = reader.base + recordStarts[i]!;
          writer.add(check, hashed.h1, hashed.h2, record, buffer, starts[at]!, ends[at]!);
        }
      }
      this.finished = recordBase + size >= end;
    },
  };
  const previous = writer.rows;
  writer.range = job.task.id;
  writer.rows = rows;
  try {
    await scanDelimited(plan, job.task, visit, { records: 0, firstStart: 0, nextStart: 0 }, false);
  } finally {
    writer.rows = previous;
  }
}

/** The fields of the record that starts at `offset` in a plain CSV or TSV file (to show a repeated value). */
export async function readFieldsAt(plan: ScanPlan, fileIndex: number, offset: number): Promise<(string | null)[]> {
  const file = plan.files[fileIndex]!;
  const reader = fileReader(file.path, offset);
  try {
    const delimited = new DelimitedReader({
      reader,
      file: file.shown,
      offset,
      delimiter: file.format === "tsv" ? 9 : 44,
      align: false,
      stopAt: Infinity,
      atFileStart: false,
    });
    for (;;) {
      const got = delimited.next();
      if (got === MORE) {
        await delimited.fill();
        continue;
      }
      if (got !== RECORD) return [];
      const cells: (string | null)[] = [];
      for (let i = 0; i < delimited.fieldCount; i++) {
        const start = delimited.starts[i]!;
        const end = delimited.ends[i]!;
        cells.push(start === end ? null : delimited.buffer.toString("utf8", start, end));
      }
      return cells;
    }
  } finally {
    reader.close();
  }
}
