import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorkerThread } from "../../files/worker-thread.ts";
import { type DrawJob, drawClaimed, resampleDrawer, type WeightsFinalize } from "./draw-job.ts";

/**
 * The bootstrap's resamples drawn on every core: threads beside this one claim resamples from the job's shared counter
 * as this thread does (draw-job.ts), so a thread that starts late or runs slowly simply draws fewer. This thread waits
 * for the resamples still being drawn elsewhere with Atomics.wait, which keeps the bootstrap a plain function call
 * for its callers. A resample is the same draws whoever draws it, so the result does not depend on the number of
 * threads; a thread that fails to start draws nothing, and a resample whose thread has gone quiet is drawn here again.
 */

/** Below this many draws (rows × resamples; about 0.1 s on one core) a thread costs more to start than it saves. */
export const THREADS_FROM_DRAWS = 32_000_000;
/** More threads add start-up and memory (a JavaScript runtime each) for little: the draws are seconds at most. */
const MAX_THREADS = 8;
/** A weights statistic is built again in each thread (its own ranking and per-row buffers, ~30 bytes a row). */
const MAX_WEIGHTS_THREADS = 4;

/** How many threads (this one included) should draw `draws` draws of a statistic of `family` on this machine. */
export function drawThreadsFor(draws: number, family: DrawJob["family"]): number {
  const most = family === "weights" ? MAX_WEIGHTS_THREADS : MAX_THREADS;
  return draws < THREADS_FROM_DRAWS ? 1 : Math.max(1, Math.min(most, availableParallelism()));
}

/**
 * Draws every resample of `job` on `threads` threads (this one included; above one, the job's arrays must be shared
 * memory); returns once all are written, with how many this thread drew. A weights job needs its statistic's
 * `finalize` here. `patience` (milliseconds; tests) replaces the wait for another thread's resample.
 */
export function drawResamples(
  job: DrawJob,
  threads: number,
  options: { finalize?: WeightsFinalize; patience?: number } = {},
): number {
  const { finalize, patience } = options;
  const helpers: Worker[] = [];
  for (let t = 1; t < threads; t++) {
    try {
      helpers.push(startDrawThread(job));
    } catch {
      // No thread (its entry missing from a broken install): this one draws the rest.
      break;
    }
  }
  try {
    const started = performance.now();
    const drawn = drawClaimed(job, finalize);
    if (threads === 1) return drawn;
    const perResample = drawn > 0 ? (performance.now() - started) / drawn : 200;
    return drawn + awaitOthers(job, patience ?? Math.max(2_000, 50 * perResample), finalize);
  } finally {
    for (const helper of helpers) void helper.terminate();
  }
}

/** A thread drawing resamples of `job` until none is left to claim; it ends by itself. */
export function startDrawThread(job: DrawJob): Worker {
  const worker = startWorkerThread(
    { name: "draw-worker", source: new URL("./draw-worker.ts", import.meta.url), caller: import.meta.url },
    // Its heap holds the cell table and one resample's accumulator (the rows are in shared memory), or a weights
    // statistic's ranking and per-row buffers (typed arrays, outside the heap).
    { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 } },
  );
  // A thread that fails (it cannot start, or runs out of its memory) leaves its resamples to this one: see awaitOthers.
  worker.on("error", () => undefined);
  worker.unref();
  return worker;
}

/**
 * Waits for the resamples other threads claimed. One not written within `patience` milliseconds (by default a
 * generous multiple of what a resample took here: its thread failed, or the machine starved it) is drawn here; the
 * other thread, if it was only slow, writes the same values. Returns how many it drew.
 */
function awaitOthers(job: DrawJob, patience: number, finalize: WeightsFinalize | undefined): number {
  let drawHere: ((r: number) => void) | undefined;
  let drawn = 0;
  for (let slot = 0; slot < job.count; slot++) {
    if (Atomics.wait(job.claims, 1 + slot, 0, patience) !== "timed-out") continue;
    drawHere ??= resampleDrawer(job, finalize);
    drawHere(slot);
    drawn++;
  }
  return drawn;
}
