import { workerData } from "node:worker_threads";
import { type DrawJob, drawClaimed } from "./draw-job.ts";

/**
 * A thread drawing bootstrap resamples beside the gate's (draw-threads.ts): it claims resamples from the job's shared
 * counter until none is left, writes each one's output into shared memory, and ends. The job comes as workerData.
 */
drawClaimed(workerData as DrawJob);
