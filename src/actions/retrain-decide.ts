import { decideRetrain } from "../retrain/decide.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context, inputs) => decideRetrain(context, { force: inputs.flag("force", false) }),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.blocked ? "blocked" : result.shouldRetrain ? "retrain" : "skip",
    "should-retrain": result.shouldRetrain,
    reason: result.blocked ?? result.reasons.join("; "),
  }),
  failureMessage: ({ result }) => `retraining is blocked: ${result.blocked ?? ""}`,
});
