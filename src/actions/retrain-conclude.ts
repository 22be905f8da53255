import { concludeRetrain } from "../retrain/conclude.ts";
import { retrainGitHub } from "../retrain/github.ts";
import { runAction } from "./door.ts";

await runAction({
  run: (context, inputs) => concludeRetrain(context, { github: retrainGitHub(context, inputs.text("github-token")) }),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.outcome,
    reason: result.reason,
    version: result.version ?? "",
    promoted: result.promoted ?? "",
    "issue-url": result.issue?.url ?? "",
  }),
  failureMessage: ({ result }) => `retraining ${result.outcome}: ${result.reason}`,
});
