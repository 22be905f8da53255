import { existsSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { InputError } from "../errors.ts";
import { HeldValues } from "./held-values.ts";
import { mergeColumnState } from "./column/merge.ts";
import type { ColumnState } from "./column/state.ts";
import type { KeyOrder } from "./column/unique.ts";
import type { ScanPlan } from "./plan.ts";
import { findRepeats } from "./repeats/find.ts";
import {
  type CheckFindings,
  mergeCheckFindings,
  mergeRepeatTallies,
  type RepeatExample,
  tallyOf,
} from "./repeats/findings.ts";
import { partitionBitsFor, RepeatWriter } from "./repeats/writer.ts";
import {
  planRanges,
  type RangeResult,
  type RangeTask,
  readFieldsAt,
  type Respill,
  respill,
  scanRange,
} from "./scan.ts";
import { mergeTallies, shiftTallies, type Tally } from "./tally.ts";
import { capText } from "./text-cap.ts";

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
}

export interface ScanOutcome {
  rows: number;
  /** Rows per file, in plan.files order. */
  fileRows: number[];
  /** One merged state per plan column (null: no file has the column). */
  columns: (ColumnState | null)[];
  /** Per plan column, every one of its numbers when they were held (held-values.ts), else null. */
  values: (Float64Array | null)[];
  /** Dataset-level tallies: ragged_rows, extra_fields, duplicate_rows, unique_key, unique:<column>. */
  checks: Record<string, Tally>;
  /**
   * Values of unique columns that were never spilled: they ascended within their range, apart from every other value
   * of the column (KeyOrder), so no repeat check was needed for them.
   */
  uniqueInOrder: number;
  /** Ranges read, and ranges read again because a guessed record boundary was inside a quoted field. */
  ranges: number;
  reread: number;
  threads: number;
}

export async function scanDataset(plan: ScanPlan, options: ScanOptions): Promise<ScanOutcome> {
  const totalBytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  // Few, large ranges: each range starts its sketches afresh, and a sketch gets cheap per value only once it is deep.
  // Two per thread balances the load; at least 8 MiB, at most 512 MiB (a range read again costs at most that).
  const perRange = Math.min(512 << 20, Math.max(8 << 20, Math.ceil(totalBytes / (2 * Math.max(1, options.workers)))));
  const tasks = planRanges(plan, options.rangeBytes ?? perRange);
  const threads =
    options.workers > 1 && tasks.length > 1 && totalBytes >= (options.parallelFrom ?? 16 << 20)
      ? Math.min(options.workers, tasks.length)
      : 1;
  const partitionBits = partitionBitsFor(totalBytes);
  const spillDir = await mkdtemp(path.join(options.tempDir, "scan-"));
  // This thread reads ranges too, beside threads - 1 workers: one JavaScript runtime fewer in memory.
  const pool = threads > 1 ? new WorkerPool(threads - 1, { plan, spillDir, partitionBits }) : null;
  try {
    const local = new RepeatWriter(spillDir, threads, partitionBits);
    const queue = [...tasks];
    // An unreadable record stops the reading (the rest could not change the outcome); it is reported below.
    const merger = new Merger(plan, tasks, local, queue, spillDir);
    // Results are merged as soon as every range before them is in: only a few wait in memory at a time.
    const accept = (result: RangeResult): void => merger.accept(result);
    await Promise.all([pool?.run(queue, accept), runHere(plan, queue, local, accept, pool !== null)]);
    await merger.done();
    local.flush();
    // The whole-dataset checks: each thread takes a share of the spill partitions.
    const repeats: FindRepeats = pool
      ? (checks, rowStart) => pool.repeats(checks, rowStart, partitionBits, spillDir)
      : (checks, rowStart) =>
          Promise.resolve(checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart)));
    return await merger.finish(repeats, threads);
  } finally {
    await pool?.terminate();
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

type FindRepeats = (checks: number[], rowStart: Map<number, number>) => Promise<CheckFindings[]>;

type WorkerReply =
  | { type: "result"; result: RangeResult }
  | { type: "closed" }
  | { type: "repeats"; found: CheckFindings[] }
  | { type: "failed"; message: string };

/** Worker threads that read ranges (handed out one at a time, as each finishes) and then check repeats. */
class WorkerPool {
  private readonly workers: Worker[];

  constructor(threads: number, setup: { plan: ScanPlan; spillDir: string; partitionBits: number }) {
    this.workers = Array.from({ length: threads }, (_, writer) => startWorker({ ...setup, writer }));
  }

  /** Sends `first` to a worker and resolves with the first reply that `done` accepts. */
  private ask<T>(
    worker: Worker,
    first: unknown,
    done: (reply: WorkerReply) => T | undefined,
    next?: (reply: WorkerReply) => unknown,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onMessage = (reply: WorkerReply): void => {
        if (reply.type === "failed") return finish(() => reject(new Error(`a scan worker failed: ${reply.message}`)));
        const value = done(reply);
        if (value !== undefined) return finish(() => resolve(value));
        const follow = next?.(reply);
        if (follow !== undefined) worker.postMessage(follow);
      };
      const onError = (error: Error): void => finish(() => reject(error));
      const onExit = (code: number): void => finish(() => reject(new Error(`a scan worker exited with code ${code}`)));
      const finish = (then: () => void): void => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        then();
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(first);
    });
  }

  /** Hands out ranges from the shared queue (which this thread also takes from) until it is empty. */
  async run(queue: RangeTask[], accept: (result: RangeResult) => void): Promise<void> {
    const nextMessage = (): unknown => {
      const task = queue.shift();
      return task ? { type: "task", task } : { type: "close" };
    };
    await Promise.all(
      this.workers.map((worker) =>
        this.ask(
          worker,
          nextMessage(),
          (reply) => (reply.type === "closed" ? true : undefined),
          (reply) => {
            if (reply.type !== "result") return undefined;
            accept(reply.result);
            return nextMessage();
          },
        ),
      ),
    );
  }

  /** The repeat checks, the spill partitions shared between the workers and this thread. */
  async repeats(
    checks: number[],
    rowStart: Map<number, number>,
    partitionBits: number,
    spillDir: string,
  ): Promise<CheckFindings[]> {
    if (checks.length === 0) return [];
    const shares = this.workers.length + 1;
    const partitions = Array.from({ length: 2 ** partitionBits }, (_, i) => i);
    const share = (w: number): number[] => partitions.filter((p) => p % shares === w);
    const asked = Promise.all(
      this.workers.map((worker, w) =>
        this.ask(worker, { type: "repeats", checks, partitions: share(w), rowStart: [...rowStart] }, (reply) =>
          reply.type === "repeats" ? reply.found : undefined,
        ),
      ),
    );
    const mine = checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart, share(shares - 1)));
    const found = [...(await asked), mine];
    return checks.map((_, i) => mergeCheckFindings(found.map((f) => f[i]!)));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * A worker's young generation (where short-lived objects go) stays small: the scan allocates little, and V8's default
 * (up to 32 MB a thread, grown on demand) would make peak memory grow with the number of threads for nothing.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };

/**
 * Starts scan-worker in a thread. From the bundle (dist/) it is dist/scan-worker.js; from the TypeScript sources
 * (tests, `npm run mlops`) it is scan-worker.ts, loaded through tsx, which the development install has.
 */
function startWorker(setup: { plan: ScanPlan; spillDir: string; writer: number; partitionBits: number }): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) {
    const target = pathToFileURL(path.join(path.dirname(here), "scan-worker.ts")).href;
    const code = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(target)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
      workerData: setup,
      resourceLimits: WORKER_LIMITS,
    });
  }
  const candidates = [
    path.join(path.dirname(here), "scan-worker.js"),
    path.join(path.dirname(here), "..", "scan-worker.js"),
  ];
  const script = candidates.find((file) => existsSync(file));
  if (!script) throw new Error(`scan-worker.js is missing next to ${here}`);
  return new Worker(script, { workerData: setup, resourceLimits: WORKER_LIMITS });
}

/**
 * Merges range results in file order as they come in. Each range must begin where the one before it stopped (else it
 * is read again, in this thread, from the right place); the first unreadable record becomes the stage's error, with
 * its row counted from the start of the dataset.
 */
class Merger {
  private readonly columns: (ColumnState | null)[];
  private readonly values: HeldValues[];
  private readonly checks: Record<string, Tally> = {};
  private readonly fileRows: number[];
  private readonly rowStart = new Map<number, number>();
  private readonly rangeFile = new Map<number, number>();
  private readonly waiting = new Map<number, RangeResult>();
  /** Ranges read again: the id of the new reading, by the original's. */
  private readonly replaced = new Map<number, number>();
  private rows = 0;
  private next = 0;
  private nextId: number;
  private reread = 0;
  private previous: { result: RangeResult; file: number } | null = null;
  /** Accepted ranges with the task that read them and, per plan column, how its unique values went (KeyOrder). */
  private readonly accepted: { task: RangeTask; keyOrders: (KeyOrder | null)[] }[] = [];
  /** Every task by id, ranges read again included. */
  private readonly taskById = new Map<number, RangeTask>();
  private error: InputError | null = null;

  constructor(
    private readonly plan: ScanPlan,
    private readonly tasks: RangeTask[],
    private readonly local: RepeatWriter,
    /** The shared queue of ranges to read: ranges to read again go to its front; an error empties it. */
    private readonly queue: RangeTask[],
    /** Where the marks of unique values left out of the spill wait for the end (on disk: one bit per record). */
    private readonly spillDir: string,
  ) {
    this.columns = plan.columns.map(() => null);
    this.values = plan.columns.map((c) => new HeldValues(c.valuesLimit));
    for (const task of tasks) this.taskById.set(task.id, task);
    this.fileRows = plan.files.map(() => 0);
    this.nextId = tasks.length;
  }

  accept(result: RangeResult): void {
    this.waiting.set(result.id, result);
    this.drain();
  }

  /** After the threads stopped: reads what is still queued (ranges to read again) here, then reports an error. */
  async done(): Promise<void> {
    for (let task = this.queue.shift(); task && this.error === null; task = this.queue.shift()) {
      this.local.range = task.id;
      this.accept(await scanRange(this.plan, task, this.plan.checks > 0 ? this.local : null));
    }
    if (this.error) throw this.error;
  }

  private drain(): void {
    while (this.error === null && this.next < this.tasks.length) {
      const task = this.tasks[this.next]!;
      const id = this.replaced.get(task.id) ?? task.id;
      const result = this.waiting.get(id);
      if (!result) return;
      this.waiting.delete(id);
      const previous = this.previous;
      if (previous && previous.file === task.file && result.firstStart !== previous.result.nextStart) {
        // The guessed start was inside a quoted field: read this range again from where the last one stopped (by
        // whichever thread is free; one thread never reads two ranges at once).
        this.reread++;
        const again: RangeTask = {
          id: this.nextId++,
          file: task.file,
          start: previous.result.nextStart,
          end: task.end,
          align: false,
        };
        this.replaced.set(task.id, again.id);
        this.taskById.set(again.id, again);
        this.queue.unshift(again);
        return;
      }
      this.add(result, task.file);
      this.next++;
    }
  }

  private add(result: RangeResult, file: number): void {
    const start = this.plan.firstRow + this.rows;
    this.rowStart.set(result.id, start);
    this.rangeFile.set(result.id, file);
    this.previous = { result, file };
    if (result.error) {
      const error = result.error;
      const shown = this.plan.files[file]?.shown ?? "data";
      const where = [
        error.record === null ? null : `row ${start + error.record}`,
        error.byteOffset === null ? null : `byte ${error.byteOffset}`,
      ]
        .filter(Boolean)
        .join(", ");
      this.error = new InputError(
        `${shown}: ${error.detail}${where ? ` (${where})` : ""}`,
        error.hint ? { hint: error.hint } : {},
      );
      this.queue.length = 0;
      return;
    }
    this.rows += result.records;
    this.fileRows[file]! += result.records;
    result.columns.forEach((state, i) => {
      if (state === null) return;
      for (const tally of Object.values(state.checks)) tally.rows = tally.rows.map((r) => r + start);
      if (this.columns[i] === null) this.columns[i] = state;
      else mergeColumnState(this.columns[i]!, state, i + 1);
    });
    result.values.forEach((values, i) => this.values[i]!.addAll(values));
    shiftTallies(result.checks, start);
    mergeTallies(this.checks, result.checks);
    // The marks go to disk: kept in memory for every range, they would grow with the dataset.
    const keyOrders = result.keyOrders.map((order, c) => {
      if (order?.keyed == null) return order;
      writeFileSync(this.keyedFile(result.id, c), order.keyed);
      return { ...order, keyed: null };
    });
    this.accepted.push({ task: this.taskById.get(result.id)!, keyOrders });
  }

  private keyedFile(range: number, column: number): string {
    return path.join(this.spillDir, `keyed-r${range}-c${column}.bin`);
  }

  /**
   * The values left out of the spill (KeyOrder) that must be checked after all: a range's values in order whose span
   * meets another span of values of the column (another range's in order, or any range's spilled). Counts the rest.
   */
  private leftOutToSpill(): { jobs: Respill[]; inOrder: number } {
    const jobs = new Map<number, Respill>();
    let inOrder = 0;
    const meets = (a: number, b: number, c: number, d: number): boolean => !(b < c || d < a);
    this.plan.columns.forEach((column, c) => {
      if (column.uniqueCheck === null) return;
      const ranges = this.accepted.filter((r) => r.keyOrders[c] != null);
      for (const range of ranges) {
        const order = range.keyOrders[c]!;
        if (order.inOrder === 0) continue;
        const apart = ranges.every((other) => {
          const o = other.keyOrders[c]!;
          if (o.spilled > 0 && meets(order.first, order.last, o.min, o.max)) return false;
          return other === range || o.inOrder === 0 || !meets(order.first, order.last, o.first, o.last);
        });
        if (apart) {
          inOrder += order.inOrder;
          continue;
        }
        const job = jobs.get(range.task.id) ?? { task: range.task, columns: [] };
        job.columns.push({ column: c, marks: this.keyedFile(range.task.id, c), end: order.inOrderEnd });
        jobs.set(range.task.id, job);
      }
    });
    return { jobs: [...jobs.values()], inOrder };
  }

  async finish(findAll: FindRepeats, threads: number): Promise<ScanOutcome> {
    const { plan, checks } = this;
    // The value a repeat had: kept as text, or read back from the file at the record's offset.
    const valueOf = async (example: RepeatExample, columnsShown: string[]): Promise<string> => {
      if (example.text !== null) return example.text;
      const file = this.rangeFile.get(example.range);
      if (file === undefined || example.offset === null) return "";
      const cells = await readFieldsAt(plan, file, example.offset);
      const header = plan.files[file]!.columns;
      return columnsShown.map((name) => String(cells[header.indexOf(name)] ?? null)).join(", ");
    };
    // Unique values left out of the spill in order, whose span meets other values', are spilled now (read again).
    // The rest cannot repeat, nor can their rows be duplicates: they differ from every other row in that column.
    const { jobs, inOrder } = this.leftOutToSpill();
    // One range at a time: its marks are read from disk then.
    for (const job of jobs) await respill(plan, job, this.local);
    this.local.flush();
    const spilled = [plan.duplicateCheck, plan.keyCheck, ...plan.columns.map((c) => c.uniqueCheck)].filter(
      (c): c is number => c !== null,
    );
    const all = await findAll(spilled, this.rowStart);
    const findingsOf = (check: number | null): CheckFindings | undefined =>
      check === null ? undefined : all[spilled.indexOf(check)];
    const repeat = async (check: number | null, rule: string, shown: string[] | null): Promise<void> => {
      if (check === null) return;
      const found =
        check === plan.duplicateCheck
          ? // Rows with a value in the carrying column were checked with its repeats; the rest on their own.
            mergeRepeatTallies([
              findingsOf(check)?.repeats ?? null,
              findingsOf(plan.duplicateCarrier)?.duplicates ?? null,
            ])
          : (findingsOf(check)?.repeats ?? null);
      if (!found) return;
      const first = found.examples[0];
      const observed = shown === null || !first ? "a repeated row" : capText(await valueOf(first, shown));
      checks[rule] = tallyOf(found, observed);
    };
    await repeat(plan.duplicateCheck, "duplicate_rows", null);
    await repeat(plan.keyCheck, "unique_key", plan.keyColumns);
    for (const column of plan.columns) await repeat(column.uniqueCheck, `unique:${column.name}`, [column.name]);
    return {
      rows: this.rows,
      fileRows: this.fileRows,
      columns: this.columns,
      values: this.values.map((held) => held.result()),
      checks,
      uniqueInOrder: inOrder,
      ranges: this.tasks.length,
      reread: this.reread,
      threads,
    };
  }
}
