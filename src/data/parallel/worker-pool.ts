import type { Worker } from "node:worker_threads";
import { startWorkerThread } from "../../files/worker-thread.ts";
import type { ScanPlan } from "../plan.ts";
import type { RangeTask } from "../ranges.ts";
import { findRepeats } from "../repeats/find.ts";
import { type CheckFindings, mergeCheckFindings } from "../repeats/findings.ts";
import type { RangeResult } from "../scan.ts";

/**
 * The worker threads of a parallel scan (parallel.ts): each runs scan-worker.ts, reads the ranges it is handed, and
 * at the end checks its share of the repeat checks' partitions. Messages are the only way in and out.
 */

type WorkerReply =
  | { type: "result"; result: RangeResult }
  | { type: "closed" }
  | { type: "repeats"; found: CheckFindings[] }
  | { type: "failed"; message: string };

/** What the workers of a pass need to know: the dataset's plan, and where its repeat checks spill. */
export interface PoolSetup {
  plan: ScanPlan;
  spillDir: string;
  partitionBits: number;
}

/** Worker threads that read ranges (handed out one at a time, as each finishes) and then check repeats. */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(threads: number, setup: PoolSetup) {
    this.workers = Array.from({ length: threads }, (_, writer) => startWorker({ ...setup, writer }));
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Points the workers at another pass (a pool kept for several datasets, as the monitor's windows are): messages
   * arrive in order, so the next task is read under the new plan.
   */
  prepare(setup: PoolSetup): void {
    this.workers.forEach((worker, writer) => worker.postMessage({ type: "setup", setup: { ...setup, writer } }));
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

/** Starts scan-worker (src/data/scan-worker.ts, dist/scan-worker.js) in a thread. */
function startWorker(setup: PoolSetup & { writer: number }): Worker {
  return startWorkerThread(
    { name: "scan-worker", source: new URL("../scan-worker.ts", import.meta.url), caller: import.meta.url },
    { workerData: setup, resourceLimits: WORKER_LIMITS },
  );
}
