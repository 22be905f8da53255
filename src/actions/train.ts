import { parseCacheChoice } from "../cache/open.ts";
import { runTrainStage } from "../pipeline/stages.ts";
import { findLeg } from "../train/sweep.ts";
import { resolveTrainParams } from "../train/train.ts";
import { runAction } from "./door.ts";

await runAction({
  run: async (context, inputs) => {
    const legId = inputs.text("leg");
    const leg = legId === undefined ? null : findLeg(context.loaded.config, legId);
    const backend = inputs.text("cache-backend");
    return runTrainStage(context, {
      params: await resolveTrainParams(context.loaded, inputs.lines("set"), leg),
      leg,
      force: inputs.flag("force", false),
      ...(backend === undefined ? {} : { cacheChoice: parseCacheChoice(backend, 'input "cache-backend"') }),
    });
  },
  verdictOutput: "result",
  outputs: ({ result, resultFile }) => ({
    result: result.status,
    "cache-hit": result.cache.status === "hit",
    "cache-key": result.cache.key ?? "",
    "run-record": resultFile,
    duration: (result.durationMs / 1000).toFixed(1),
  }),
  failureMessage: ({ result }) => result.failure ?? "training failed",
});
