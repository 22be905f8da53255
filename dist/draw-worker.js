import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  pairedStatistic
} from "./chunks/chunk-U3OKT6DL.js";
import {
  drawClaimed
} from "./chunks/chunk-BUY5QZDY.js";
import "./chunks/chunk-X2I57EAR.js";
import "./chunks/chunk-KIGM2236.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/gate/significance/draw-worker.ts
import { workerData } from "node:worker_threads";
var job = workerData;
if (job.family === "weights") {
  if (!job.source) throw new Error("a weights job for other threads says what its statistic is built from");
  const built = pairedStatistic(job.source.metric, job.source.data);
  if (!("statistic" in built) || built.statistic.family !== "weights")
    throw new Error(`${job.source.metric} does not build a weights statistic here`);
  const { statistic } = built;
  drawClaimed(job, (weights) => statistic.finalize(weights));
} else drawClaimed(job);
