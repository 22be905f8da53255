import { postFromJob } from "../github/from-job.ts";
import type { Published } from "../github/publish.ts";
import { stageCheck } from "../github/report.ts";
import { runEvaluateStage } from "../pipeline/stages.ts";
import { runAction } from "./door.ts";

// The evaluation reports on the pull request only when it is the last word: without a gate (which reports the
// metrics with its verdict), or when it failed (the gate step will not run).
let posted: Published | null = null;

await runAction({
  run: async (context, inputs) => {
    const run = await runEvaluateStage(context);
    if (!context.loaded.config.gate || run.result.status === "failed") {
      posted = await postFromJob(context, inputs.text("github-token"), (target) => ({
        section: run.section,
        check: stageCheck(run.section, target.runUrl),
        checkName: `mlops evaluate (${context.loaded.config.model.name})`,
      }));
    }
    return run;
  },
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.status,
    metrics: JSON.stringify(result.metrics),
    "comment-url": posted?.commentUrl ?? "",
    "check-run-id": posted?.checkRunId ?? "",
  }),
  failureMessage: ({ result }) => result.failure ?? "evaluation failed",
});
