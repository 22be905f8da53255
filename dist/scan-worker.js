import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RepeatWriter,
  findRepeats,
  scanRange
} from "./chunks/chunk-D4GGIWCT.js";
import "./chunks/chunk-VZY6JDFA.js";
import "./chunks/chunk-Z7WWPMG5.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/data/scan-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var setup = workerData;
var repeats = new RepeatWriter(setup.spillDir, setup.writer, setup.partitionBits);
var port = parentPort;
port?.on("message", (message) => {
  if (message.type === "setup") {
    setup = message.setup;
    repeats = new RepeatWriter(setup.spillDir, setup.writer, setup.partitionBits);
    return;
  }
  if (message.type === "repeats") {
    const rowStart = new Map(message.rowStart);
    const found = message.checks.map(
      (check) => findRepeats(setup.spillDir, check, setup.partitionBits, rowStart, message.partitions)
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
    (error) => port.postMessage({
      type: "failed",
      message: error instanceof Error ? error.stack ?? error.message : String(error)
    })
  );
});
function transferable(values) {
  const buffers = /* @__PURE__ */ new Set();
  for (const array of values.flatMap((blocks) => blocks ?? [])) {
    if (array && array.byteOffset === 0 && array.buffer instanceof ArrayBuffer && array.byteLength === array.buffer.byteLength)
      buffers.add(array.buffer);
  }
  return [...buffers];
}
