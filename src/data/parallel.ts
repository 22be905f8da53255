import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { HeldArrays } from "./held-values.ts";
import { Merger, type ScanOutcome } from "./parallel/merger.ts";
import type { FindRepeats } from "./parallel/repeat-checks.ts";
import { type PoolSetup, WorkerPool } from "./parallel/worker-pool.ts";
import type { ScanPlan } from "./plan.ts";
import { planRanges, rangeBytesFor, type RangeTask, threadsFor } from "./ranges.ts";
import { findRepeats } from "./repeats/find.ts";
import { partitionBitsFor, RepeatWriter } from "./repeats/writer.ts";
import { type RangeResult, scanRange } from "./scan.ts";

/**
 * The whole pass over a dataset, on all cores: files are cut into byte ranges at record boundaries, worker threads
 * profile the ranges, and the range profiles are merged in file order. Row numbers, example rows and the first bad
 * record come out as if one thread had read the files front to back.
 */

export interface ScanOptions {
  /** Threads to use; 1 reads in this thread. */
  workers: number;
  /** Where the repeat checks may spill (a folder that exists). */
  tempDir: string;
  /** Bytes per range (default: two ranges per thread, 8-512 MiB). Tests make it small to cross range boundaries. */
  rangeBytes?: number;
  /** Data smaller than this is read in this thread (starting threads costs more than it saves). */
  parallelFrom?: number;
  /**
   * Whether this thread reads ranges beside the workers (default true). false: `workers - 1` worker threads (at
   * least one) read every range, whatever the size, and this thread stays free for a caller with work of its own
   * (the monitor measures one window while the next is profiled). The ranges are cut the same either way; a dataset
   * of one range is read in this thread.
   */
  readHere?: boolean;
  /**
   * Worker threads kept for several passes (the monitor's windows), which read every range of this one, whatever its
   * size, while this thread stays free (unless `readHere` is true); without them, a pass starts its own and ends them
   * when it is done.
   */
  threads?: ScanThreads;
  /**
   * Called once the ranges are handed to the threads: a caller with work of its own for this thread (the monitor
   * measuring the window before) waits for it, so the threads never sit idle while this one is busy.
   */
  onReading?: () => void;
  /** Arrays to join the held values into, kept for several passes (held-values.ts); new arrays without. */
  heldArrays?: HeldArrays;
}

/**
 * Worker threads started once for a run of many passes and pointed at each dataset in turn, so a pass costs no thread
 * start-up (a fresh JavaScript runtime each) and memory holds one runtime per thread for the whole run. Close it.
 */
export class ScanThreads {
  private pool: WorkerPool | null = null;

  constructor(readonly count: number) {}

  /** The pool, started the first time, set up for a pass. */
  for(setup: PoolSetup): WorkerPool {
    if (this.pool) this.pool.prepare(setup);
    else this.pool = new WorkerPool(this.count, setup);
    return this.pool;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.terminate();
  }
}

export async function scanDataset(plan: ScanPlan, options: ScanOptions): Promise<ScanOutcome> {
  const totalBytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const tasks = planRanges(plan, options.rangeBytes ?? rangeBytesFor(totalBytes, options.workers));
  const shared = options.threads;
  // One range is read here all the same: starting a thread for it costs more than reading it (unless one is running).
  // Beside kept threads, this one reads only when asked (the monitor's last window: nothing else is left to do here).
  const readHere = shared ? options.readHere === true : (options.readHere ?? true) || tasks.length < 2;
  const threads = shared
    ? shared.count + (readHere ? 1 : 0)
    : readHere
      ? threadsFor(options.workers, tasks.length, totalBytes, options.parallelFrom)
      : Math.max(1, Math.min(options.workers - 1, tasks.length));
  const partitionBits = partitionBitsFor(totalBytes);
  const spillDir = await mkdtemp(path.join(options.tempDir, "scan-"));
  // This thread reads ranges too, beside threads - 1 workers: one JavaScript runtime fewer in memory.
  const helpers = readHere ? threads - 1 : threads;
  const setup = { plan, spillDir, partitionBits };
  const pool = shared ? shared.for(setup) : helpers > 0 ? new WorkerPool(helpers, setup) : null;
  try {
    const local = new RepeatWriter(spillDir, threads, partitionBits);
    const queue = [...tasks];
    // An unreadable record stops the reading (the rest could not change the outcome); it is reported below.
    const merger = new Merger(plan, tasks, local, queue, spillDir);
    // Results are merged as soon as every range before them is in: only a few wait in memory at a time.
    const accept = (result: RangeResult): void => merger.accept(result);
    const reading = Promise.all([
      pool?.run(queue, accept),
      readHere ? runHere(plan, queue, local, accept, pool !== null) : undefined,
    ]);
    options.onReading?.();
    await reading;
    await merger.done();
    local.flush();
    // The whole-dataset checks: each thread takes a share of the spill partitions.
    const repeats: FindRepeats = pool
      ? (checks, rowStart) => pool.repeats(checks, rowStart, partitionBits, spillDir)
      : (checks, rowStart) =>
          Promise.resolve(checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart)));
    return await merger.finish(repeats, threads, options.heldArrays);
  } finally {
    if (!shared) await pool?.terminate();
    await rm(spillDir, { recursive: true, force: true });
  }
}

/** Reads ranges from the shared queue in this thread (letting worker messages through between chunks). */
async function runHere(
  plan: ScanPlan,
  queue: RangeTask[],
  repeats: RepeatWriter,
  accept: (result: RangeResult) => void,
  beside: boolean,
): Promise<void> {
  for (let task = queue.shift(); task; task = queue.shift()) {
    repeats.range = task.id;
    accept(await scanRange(plan, task, plan.checks > 0 ? repeats : null, beside));
  }
}
