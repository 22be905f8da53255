import { parentPort, workerData } from "node:worker_threads";
import type { ScanPlan } from "./plan.ts";
import { findRepeats } from "./repeats/find.ts";
import { RepeatWriter } from "./repeats/writer.ts";
import type { RangeTask } from "./ranges.ts";
import { scanRange } from "./scan.ts";

/**
 * A worker thread of the parallel scan (parallel.ts): it reads the ranges it is sent, one at a time, and answers with
 * each range's profile. Its repeat hashes go to its own spill files, flushed when it is told to close. A `setup`
 * message points it at another pass (a thread kept for several datasets, ScanThreads).
 */

interface Setup {
  plan: ScanPlan;
  spillDir: string;
  writer: number;
  partitionBits: number;
}

type Message =
  | { type: "setup"; setup: Setup }
  | { type: "task"; task: RangeTask }
  | { type: "close" }
  | { type: "repeats"; checks: number[]; partitions: number[]; rowStart: [number, number][] };

let setup = workerData as Setup;
let repeats = new RepeatWriter(setup.spillDir, setup.writer, setup.partitionBits);
const port = parentPort;

port?.on("message", (message: Message) => {
  if (message.type === "setup") {
    setup = message.setup;
    repeats = new RepeatWriter(setup.spillDir, setup.writer, setup.partitionBits);
    return;
  }
  if (message.type === "repeats") {
    // The whole-dataset checks, for this thread's share of the partitions.
    const rowStart = new Map(message.rowStart);
    const found = message.checks.map((check) =>
      findRepeats(setup.spillDir, check, setup.partitionBits, rowStart, message.partitions),
    );
    port.postMessage({ type: "repeats", found });
    return;
  }
  if (message.type === "close") {
    repeats.flush();
    port.postMessage({ type: "closed" });
    return;
  }
  repeats.range = message.task.id;
  const plan = setup.plan;
  scanRange(plan, message.task, plan.checks > 0 ? repeats : null).then(
    // The held values move to the reading thread rather than being copied: they are the biggest part of a result.
    (result) => port.postMessage({ type: "result", result }, transferable(result.values)),
    (error: unknown) =>
      port.postMessage({
        type: "failed",
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

function transferable(values: readonly (Float64Array[] | null)[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of values.flatMap((blocks) => blocks ?? [])) {
    if (
      array &&
      array.byteOffset === 0 &&
      array.buffer instanceof ArrayBuffer &&
      array.byteLength === array.buffer.byteLength
    )
      buffers.add(array.buffer);
  }
  return [...buffers];
}
