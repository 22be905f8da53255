import { fileReader, gzipReader } from "./formats/chunks.ts";
import { RecordBatch } from "./formats/delimited/batch.ts";
import { CHUNK } from "./formats/delimited/input.ts";
import { DelimitedReader, MORE, RECORD } from "./formats/delimited/reader.ts";
import type { ScanPlan } from "./plan.ts";
import type { RangeTask } from "./ranges.ts";

/**
 * Reading a range of a CSV or TSV file a batch of records at a time (for scan.ts, and again for reread.ts), in one
 * read buffer per thread. A range that does not start at the first data record starts after the first line end at
 * or after its start; every range stops before the first record that starts at or after its end.
 */

/** How far reading a range got: records read, and the file offsets of its first record and the one after its last. */
export interface RangeProgress {
  records: number;
  firstStart: number;
  nextStart: number;
}

/** What reads a delimited range's records, a batch at a time; `finished` stops the reading early. */
export interface DelimitedVisitor {
  delimited(reader: DelimitedReader, batch: RecordBatch, from: number, recordBase: number, gzip: boolean): void;
  readonly finished?: boolean;
}

export async function scanDelimited(
  plan: ScanPlan,
  task: RangeTask,
  visit: DelimitedVisitor,
  result: RangeProgress,
  yieldBetweenChunks: boolean,
): Promise<void> {
  const file = plan.files[task.file]!;
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
    buffer: readBuffer.bytes,
  });
  const batch = new RecordBatch(BATCH_RECORDS, file.columns.length);
  try {
    // The first record of a file is its header (read in planning), unless data.header says it has none.
    let header = whole && file.header;
    for (;;) {
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
    // Keep the buffer for the next range (unless a very long record grew it).
    if (delimited.buffer.length === CHUNK) readBuffer.bytes = delimited.buffer;
  }
}

/** Records parsed at a time: each column then takes its values of all of them in one loop. */
export const BATCH_RECORDS = 1024;

/** This thread's read buffer: one range is read at a time per thread. */
const readBuffer: { bytes: Buffer } = { bytes: Buffer.allocUnsafeSlow(CHUNK) };
