import { writeFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../../errors.ts";
import { mergeColumnState } from "../column/merge.ts";
import type { ColumnState } from "../column/state.ts";
import { type HeldArrays, HeldParts } from "../held-values.ts";
import type { ScanPlan } from "../plan.ts";
import type { RangeTask } from "../ranges.ts";
import type { RepeatWriter } from "../repeats/writer.ts";
import { type RangeResult, scanRange } from "../scan.ts";
import { mergeTallies, shiftTallies, type Tally } from "../tally.ts";
import { type AcceptedRange, checkRepeats, type FindRepeats, type MergedRanges } from "./repeat-checks.ts";

/** What a pass over a dataset found (parallel.ts): the range results merged, and the whole-dataset checks' tallies. */
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

/**
 * Merges range results in file order as they come in. Each range must begin where the one before it stopped (else it
 * is read again, in this thread, from the right place); the first unreadable record becomes the stage's error, with
 * its row counted from the start of the dataset.
 */
export class Merger implements MergedRanges {
  private readonly columns: (ColumnState | null)[];
  private readonly values: HeldParts[];
  private readonly checks: Record<string, Tally> = {};
  private readonly fileRows: number[];
  readonly rowStart = new Map<number, number>();
  readonly rangeFile = new Map<number, number>();
  private readonly waiting = new Map<number, RangeResult>();
  /** Ranges read again: the id of the new reading, by the original's. */
  private readonly replaced = new Map<number, number>();
  private rows = 0;
  private next = 0;
  private nextId: number;
  private reread = 0;
  private previous: { result: RangeResult; file: number } | null = null;
  /** Accepted ranges with the task that read them and, per plan column, how its unique values went (KeyOrder). */
  readonly accepted: AcceptedRange[] = [];
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
    this.values = plan.columns.map((c) => new HeldParts(c.valuesLimit));
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

  keyedFile(range: number, column: number): string {
    return path.join(this.spillDir, `keyed-r${range}-c${column}.bin`);
  }

  /**
   * After done(): the whole-dataset checks (repeat-checks.ts), then the scan's outcome, its held values joined into
   * `heldArrays` when given.
   */
  async finish(findAll: FindRepeats, threads: number, heldArrays?: HeldArrays): Promise<ScanOutcome> {
    const uniqueInOrder = await checkRepeats(this.plan, this, this.local, findAll, this.checks);
    return {
      rows: this.rows,
      fileRows: this.fileRows,
      columns: this.columns,
      values: this.values.map((held) => held.result(heldArrays)),
      checks: this.checks,
      uniqueInOrder,
      ranges: this.tasks.length,
      reread: this.reread,
      threads,
    };
  }
}
