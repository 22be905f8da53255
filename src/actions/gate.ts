import { runGateStage } from "../pipeline/stages.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context) => runGateStage(context),
  verdictOutput: "verdict",
  outputs: ({ result }) => ({ verdict: result.verdict, baseline: result.baseline?.version ?? "" }),
  failureMessage: ({ result }) => {
    const failed = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
    return `gate ${result.verdict}: ${failed.map((o) => `${o.metric} ${o.reason}`).join("; ") || result.notes.join("; ")}`;
  },
});
