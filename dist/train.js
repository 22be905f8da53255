import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-5IZ4RB6I.js";
import {
  resolveTrainParams,
  runTrainStage
} from "./chunks/chunk-OMWDKQC4.js";

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
