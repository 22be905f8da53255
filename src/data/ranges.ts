import type { ScanPlan } from "./plan.ts";

/**
 * How a dataset's pass is cut up (parallel.ts): files into byte ranges, the unit of work of a thread (scan.ts), and
 * how many threads read them.
 */

export interface RangeTask {
  id: number;
  /** Index into plan.files. */
  file: number;
  start: number;
  end: number;
  /** Start by skipping past the first line end (the range starts at an arbitrary byte). */
  align: boolean;
}

/**
 * Bytes per range: few, large ranges, because each range starts its sketches afresh, and a sketch gets cheap per
 * value only once it is deep. Two per thread balances the load; at least 8 MiB, at most 512 MiB (a range read again
 * costs at most that).
 */
export function rangeBytesFor(totalBytes: number, workers: number): number {
  return Math.min(512 << 20, Math.max(8 << 20, Math.ceil(totalBytes / (2 * Math.max(1, workers)))));
}

/** Splits each file into ranges of about `target` bytes (compressed, JSON Lines and Parquet files stay whole). */
export function planRanges(plan: ScanPlan, target: number): RangeTask[] {
  const tasks: RangeTask[] = [];
  plan.files.forEach((file, index) => {
    if (file.gzip || file.format === "jsonl" || file.format === "parquet" || file.bytes <= target) {
      tasks.push({ id: tasks.length, file: index, start: 0, end: Infinity, align: false });
      return;
    }
    const pieces = Math.ceil(file.bytes / target);
    for (let i = 0; i < pieces; i++) {
      const start = Math.floor((file.bytes * i) / pieces);
      const end = i === pieces - 1 ? Infinity : Math.floor((file.bytes * (i + 1)) / pieces);
      tasks.push({ id: tasks.length, file: index, start, end, align: i > 0 });
    }
  });
  return tasks;
}

/** Threads to read `ranges` ranges with: one below `parallelFrom` bytes (starting threads costs more than it saves). */
export function threadsFor(workers: number, ranges: number, totalBytes: number, parallelFrom = 16 << 20): number {
  return workers > 1 && ranges > 1 && totalBytes >= parallelFrom ? Math.min(workers, ranges) : 1;
}
