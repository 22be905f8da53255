import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  emptySpool,
  sendableSpool,
  spoolLogs
} from "./chunks/chunk-4ZTHIXX4.js";
import "./chunks/chunk-IYKSYI5H.js";
import "./chunks/chunk-G6IL24PE.js";
import "./chunks/chunk-N6JR4UVL.js";
import "./chunks/chunk-3EFEPTIF.js";
import "./chunks/chunk-Z7WWPMG5.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/monitor/spool-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var job = workerData;
var options = { ...job.options, known: job.options.known ? new Set(job.options.known) : null };
spoolLogs(job.files, options, emptySpool(job.columns)).then(
  (spool) => parentPort?.postMessage({ spool: sendableSpool(spool) }),
  () => parentPort?.postMessage({})
);
