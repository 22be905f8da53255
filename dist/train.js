import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-OMGN7JEQ.js";
import {
  resolveTrainParams,
  runTrainStage
} from "./chunks/chunk-VOL7MJYD.js";
import "./chunks/chunk-MAK6BRSN.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/train.ts
await runAction({
  run: async (context, inputs) => runTrainStage(context, { params: await resolveTrainParams(context.loaded, inputs.lines("set")) }),
  verdictOutput: "result",
  outputs: ({ result, resultFile }) => ({
    result: result.status,
    "run-record": resultFile,
    duration: (result.durationMs / 1e3).toFixed(1)
  }),
  failureMessage: ({ result }) => result.failure ?? "training failed"
});
