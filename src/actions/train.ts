import { resolveTrainParams } from "../train/train.ts";
import { runTrainStage } from "../pipeline/stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: async (context, inputs) =>
    runTrainStage(context, { params: await resolveTrainParams(context.loaded, inputs.lines("set")) }),
  verdictOutput: "result",
  outputs: ({ result, resultFile }) => ({
    result: result.status,
    "run-record": resultFile,
    duration: (result.durationMs / 1000).toFixed(1),
  }),
  failureMessage: ({ result }) => result.failure ?? "training failed",
});
