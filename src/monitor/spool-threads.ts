import { stat } from "node:fs/promises";
import type { Worker } from "node:worker_threads";
import type { SourceFile } from "../data/sources.ts";
import { SAMPLE_ROWS, TypeSample, type TypeSampleState } from "../data/type-sample.ts";
import { startWorkerThread } from "../files/worker-thread.ts";
import {
  emptySpool,
  logColumns,
  oldestFirst,
  type Spool,
  type SpoolColumns,
  type SpooledWindow,
  type SpoolOptions,
  spoolLogs,
} from "./spool.ts";
import { SKIPPED_EXAMPLES } from "./windows.ts";

/**
 * The spool on two threads: the logs (in their order, by date) are cut in two halves of about the same bytes; this
 * thread spools the first, a worker thread (spool-worker.ts) the second into window files of its own, and a window
 * both had rows in gets both files, this thread's first. So a window's rows are the rows one thread would have
 * written, in the same order, and every count and example is the same; only the type sample of such a window is
 * dropped when this thread's part of it is shorter than a sample (the profile then samples the window's files, the
 * same first rows). The spool was a quarter of a monitoring run, on one core.
 *
 * One thread spools alone: below {@link PARALLEL_SPOOL_FROM} bytes of logs (a thread costs more to start than that
 * takes), with one core, with one file, and where the spool keeps some windows only or counts some files' bad rows
 * only (a matrix leg, a known file read again: their functions stay on this thread). A worker that cannot start or
 * fails leaves its half to this thread, which then says what is wrong with it as it would have alone.
 */

/** Logs of this many bytes and more are spooled on two threads. */
export const PARALLEL_SPOOL_FROM = 32 << 20;

export async function spoolOnThreads(
  files: readonly SourceFile[],
  options: SpoolOptions,
  cores: number,
  parallelFrom = PARALLEL_SPOOL_FROM,
): Promise<Spool> {
  if (cores < 2 || files.length < 2 || options.keep || options.countSkipped) return spoolLogs(files, options);
  const sizes = await Promise.all(files.map(async (file) => (await stat(file.path)).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total < parallelFrom) return spoolLogs(files, options);
  let split = 1;
  for (let bytes = sizes[0] ?? 0; split < files.length - 1 && bytes + (sizes[split] ?? 0) / 2 < total / 2; split++)
    bytes += sizes[split] ?? 0;
  const columns = await logColumns(files, options);
  const second = files.slice(split);
  const job: SpoolJob = { files: second, options: sendableOptions(options), columns };
  let worker: Worker;
  try {
    worker = startWorkerThread(
      { name: "spool-worker", source: new URL("./spool-worker.ts", import.meta.url), caller: import.meta.url },
      { workerData: job },
    );
  } catch {
    return spoolLogs(files, options);
  }
  try {
    const [spool, theirs] = await Promise.all([
      spoolLogs(files.slice(0, split), options, emptySpool(columns)),
      resultOf(worker),
    ]);
    // Awaited here: a promise returned from inside `try` would reject unhandled while `finally` ends the worker.
    return theirs ? joined(spool, received(theirs)) : await spoolLogs(second, options, spool);
  } finally {
    await worker.terminate();
  }
}

/** What the worker is given: its files, the options (their sets as arrays, a folder of its own), the columns. */
export interface SpoolJob {
  files: readonly SourceFile[];
  options: Omit<SpoolOptions, "known" | "keep" | "countSkipped"> & { known: string[] | null };
  columns: SpoolColumns;
}

/** A spool as plain data, its windows' samples too (what a worker sends back). */
export interface SentSpool extends Omit<Spool, "windows"> {
  windows: (Omit<SpooledWindow, "sample"> & { sample: TypeSampleState | null })[];
}

export function sendableSpool(spool: Spool): SentSpool {
  const windows = [...spool.windows.values()].map((w) => ({ ...w, sample: w.sample?.state() ?? null }));
  return { ...spool, windows };
}

function received(sent: SentSpool): Spool {
  const windows = sent.windows.map((w): [string, SpooledWindow] => [
    w.window.key,
    { ...w, sample: w.sample ? TypeSample.from(w.sample) : null },
  ]);
  return { ...sent, windows: new Map(windows) };
}

function sendableOptions(options: SpoolOptions): SpoolJob["options"] {
  const { format, layout, size, now, dir, known, target } = options;
  return { format, layout, size, now, dir: `${dir}-2`, known: known ? [...known] : null, target };
}

/** The worker's spool, or null when it failed or ended without one. */
function resultOf(worker: Worker): Promise<SentSpool | null> {
  return new Promise((resolve) => {
    worker.once("message", (message: { spool?: SentSpool }) => resolve(message.spool ?? null));
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
}

/** `later`'s windows and counts after `first`'s, as one spool of first's files and then later's would hold them. */
function joined(first: Spool, later: Spool): Spool {
  for (const [key, theirs] of later.windows) {
    const mine = first.windows.get(key);
    if (!mine) {
      first.windows.set(key, theirs);
      continue;
    }
    mine.files.push(...theirs.files);
    mine.cells.push(...theirs.cells);
    mine.rows += theirs.rows;
    for (const source of theirs.sources) if (!mine.sources.includes(source)) mine.sources.push(source);
    // The window's first rows are all in this thread's sample only if it took a whole one.
    if (!mine.sample || mine.sample.rows < SAMPLE_ROWS) mine.sample = null;
  }
  first.windows = oldestFirst(first.windows);
  for (const kind of ["unparseable", "future"] as const) {
    first[kind].count += later[kind].count;
    first[kind].examples = [...first[kind].examples, ...later[kind].examples].slice(0, SKIPPED_EXAMPLES);
  }
  first.files.push(...later.files);
  first.blank.push(...later.blank);
  return first;
}
