import { runEvaluateStage } from "../pipeline/stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context) => runEvaluateStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({ result: result.status, metrics: JSON.stringify(result.metrics) }),
  failureMessage: ({ result }) => result.failure ?? "evaluation failed",
});
