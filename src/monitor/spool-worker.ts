import { parentPort, workerData } from "node:worker_threads";
import { emptySpool, spoolLogs } from "./spool.ts";
import { sendableSpool, type SpoolJob } from "./spool-threads.ts";

/**
 * A thread spooling the second half of a monitoring run's logs (spool-threads.ts) into window files of its own, and
 * sending back what it wrote. A failure sends nothing back: the calling thread spools this half itself, and says
 * what is wrong as it would have alone.
 */
const job = workerData as SpoolJob;
const options = { ...job.options, known: job.options.known ? new Set(job.options.known) : null };
spoolLogs(job.files, options, emptySpool(job.columns)).then(
  (spool) => parentPort?.postMessage({ spool: sendableSpool(spool) }),
  () => parentPort?.postMessage({}),
);
