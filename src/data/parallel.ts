import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { InputError } from "../errors.ts";
import { type ColumnState, mergeColumnState } from "./column.ts";
import type { ScanPlan } from "./plan.ts";
import { findRepeats, partitionBitsFor, type RepeatExample, RepeatWriter, tallyOf } from "./repeats.ts";
import { planRanges, type RangeResult, type RangeTask, readFieldsAt, scanRange } from "./scan.ts";
import { mergeTallies, shiftTallies, shortText, type Tally } from "./tally.ts";

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
  /** Bytes per range (default 32 MiB). Tests make it small to exercise range boundaries. */
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
  /** Dataset-level tallies: ragged_rows, extra_fields, duplicate_rows, unique_key, unique:<column>. */
  checks: Record<string, Tally>;
  /** Ranges read, and ranges read again because a guessed record boundary was inside a quoted field. */
  ranges: number;
  reread: number;
  threads: number;
}

export async function scanDataset(plan: ScanPlan, options: ScanOptions): Promise<ScanOutcome> {
  const totalBytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const tasks = planRanges(plan, options.rangeBytes ?? 32 << 20);
  const threads =
    options.workers > 1 && tasks.length > 1 && totalBytes >= (options.parallelFrom ?? 16 << 20)
      ? Math.min(options.workers, tasks.length)
      : 1;
  const partitionBits = partitionBitsFor(totalBytes);
  const spillDir = await mkdtemp(path.join(options.tempDir, "scan-"));
  try {
    const local = new RepeatWriter(spillDir, threads, partitionBits);
    const results =
      threads > 1
        ? await runInWorkers(plan, tasks, threads, spillDir, partitionBits)
        : await runHere(plan, tasks, local);
    // Check each range began where the one before it stopped; read a range again from the right place if not.
    const chosen: { result: RangeResult; file: number }[] = [];
    let reread = 0;
    let nextId = tasks.length;
    for (let i = 0; i < tasks.length; i++) {
      let result = results.get(tasks[i]!.id)!;
      const previous = chosen[chosen.length - 1]?.result;
      const sameFile = i > 0 && tasks[i - 1]!.file === tasks[i]!.file;
      if (previous && sameFile) {
        if (previous.error) continue; // the file stops at its first error
        if (result.firstStart !== previous.nextStart) {
          reread++;
          const task: RangeTask = {
            id: nextId++,
            file: tasks[i]!.file,
            start: previous.nextStart,
            end: tasks[i]!.end,
            align: false,
          };
          local.range = task.id;
          result = await scanRange(plan, task, plan.checks > 0 ? local : null);
        }
      }
      chosen.push({ result, file: tasks[i]!.file });
    }
    local.flush();
    return merge(plan, chosen, spillDir, partitionBits, { ranges: tasks.length, reread, threads });
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
}

async function runHere(plan: ScanPlan, tasks: RangeTask[], repeats: RepeatWriter): Promise<Map<number, RangeResult>> {
  const results = new Map<number, RangeResult>();
  for (const task of tasks) {
    repeats.range = task.id;
    results.set(task.id, await scanRange(plan, task, plan.checks > 0 ? repeats : null));
  }
  return results;
}

type WorkerReply = { type: "result"; result: RangeResult } | { type: "closed" } | { type: "failed"; message: string };

async function runInWorkers(
  plan: ScanPlan,
  tasks: RangeTask[],
  threads: number,
  spillDir: string,
  partitionBits: number,
): Promise<Map<number, RangeResult>> {
  const results = new Map<number, RangeResult>();
  const queue = [...tasks];
  const workers = Array.from({ length: threads }, (_, writer) =>
    startWorker({ plan, spillDir, writer, partitionBits }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = (): void => {
              const task = queue.shift();
              if (task) worker.postMessage({ type: "task", task });
              else worker.postMessage({ type: "close" });
            };
            worker.on("message", (reply: WorkerReply) => {
              if (reply.type === "result") {
                results.set(reply.result.id, reply.result);
                sendNext();
              } else if (reply.type === "closed") {
                resolve();
              } else {
                reject(new Error(`a scan worker failed: ${reply.message}`));
              }
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`a scan worker exited with code ${code}`));
            });
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/**
 * Starts scan-worker in a thread. From the bundle (dist/) it is dist/scan-worker.js; from the TypeScript sources
 * (tests, `npm run mlops`) it is scan-worker.ts, loaded through tsx, which the development install has.
 */
function startWorker(setup: { plan: ScanPlan; spillDir: string; writer: number; partitionBits: number }): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".ts")) {
    const target = pathToFileURL(path.join(path.dirname(here), "scan-worker.ts")).href;
    const code = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(target)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: setup });
  }
  const candidates = [
    path.join(path.dirname(here), "scan-worker.js"),
    path.join(path.dirname(here), "..", "scan-worker.js"),
  ];
  const script = candidates.find((file) => existsSync(file));
  if (!script) throw new Error(`scan-worker.js is missing next to ${here}`);
  return new Worker(script, { workerData: setup });
}

async function merge(
  plan: ScanPlan,
  chosen: { result: RangeResult; file: number }[],
  spillDir: string,
  partitionBits: number,
  stats: { ranges: number; reread: number; threads: number },
): Promise<ScanOutcome> {
  const columns: (ColumnState | null)[] = plan.columns.map(() => null);
  const checks: Record<string, Tally> = {};
  const fileRows = plan.files.map(() => 0);
  const rowStart = new Map<number, number>();
  let rows = 0;
  for (const { result, file } of chosen) {
    const start = plan.firstRow + rows;
    rowStart.set(result.id, start);
    if (result.error) {
      const error = result.error;
      const shown = plan.files[file]?.shown ?? "data";
      const where = [
        error.record === null ? null : `row ${start + error.record}`,
        error.byteOffset === null ? null : `byte ${error.byteOffset}`,
      ]
        .filter(Boolean)
        .join(", ");
      throw new InputError(
        `${shown}: ${error.detail}${where ? ` (${where})` : ""}`,
        error.hint ? { hint: error.hint } : {},
      );
    }
    rows += result.records;
    fileRows[file]! += result.records;
    result.columns.forEach((state, i) => {
      if (state === null) return;
      for (const tally of Object.values(state.checks)) tally.rows = tally.rows.map((r) => r + start);
      if (columns[i] === null) columns[i] = state;
      else mergeColumnState(columns[i]!, state, i + 1);
    });
    shiftTallies(result.checks, start);
    mergeTallies(checks, result.checks);
  }
  const rangeFile = new Map(chosen.map(({ result, file }) => [result.id, file]));
  // The value a repeat had: kept as text, or read back from the file at the record's offset.
  const valueOf = async (example: RepeatExample, columnsShown: string[]): Promise<string> => {
    if (example.text !== null) return example.text;
    const file = rangeFile.get(example.range);
    if (file === undefined || example.offset === null) return "";
    const cells = await readFieldsAt(plan, file, example.offset);
    const header = plan.files[file]!.columns;
    return columnsShown.map((name) => String(cells[header.indexOf(name)] ?? null)).join(", ");
  };
  const repeat = async (check: number | null, rule: string, shown: string[] | null): Promise<void> => {
    if (check === null) return;
    const found = findRepeats(spillDir, check, partitionBits, rowStart);
    if (!found) return;
    const first = found.examples[0];
    const observed = shown === null || !first ? "a repeated row" : shortText(await valueOf(first, shown));
    checks[rule] = tallyOf(found, observed);
  };
  await repeat(plan.duplicateCheck, "duplicate_rows", null);
  await repeat(plan.keyCheck, "unique_key", plan.keyColumns);
  for (const column of plan.columns) await repeat(column.uniqueCheck, `unique:${column.name}`, [column.name]);
  return { rows, fileRows, columns, checks, ...stats };
}
