import { workerData } from "node:worker_threads";
import { type DrawJob, drawClaimed } from "./draw-job.ts";
import { pairedStatistic } from "./statistics.ts";

/**
 * A thread drawing bootstrap resamples beside the gate's (draw-threads.ts): it claims resamples from the job's shared
 * counter until none is left, writes each one's output into shared memory, and ends. The job comes as workerData; a
 * weights job's statistic is built here again from its source, as the caller built it.
 */
const job = workerData as DrawJob;
if (job.family === "weights") {
  if (!job.source) throw new Error("a weights job for other threads says what its statistic is built from");
  const built = pairedStatistic(job.source.metric, job.source.data);
  if (!("statistic" in built) || built.statistic.family !== "weights")
    throw new Error(`${job.source.metric} does not build a weights statistic here`);
  const { statistic } = built;
  drawClaimed(job, (weights) => statistic.finalize(weights));
} else drawClaimed(job);
