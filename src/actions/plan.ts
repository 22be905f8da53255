import { runPlanStage } from "../pipeline/sweep-stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context) => runPlanStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: "ok",
    matrix: JSON.stringify(result.matrix),
    legs: result.legs.length,
    "runs-on": JSON.stringify(result.runsOn),
  }),
  failureMessage: () => "planning the sweep failed",
});
