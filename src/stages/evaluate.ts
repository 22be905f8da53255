import * as z from "../zod.ts";
import { postFromJob } from "../github/from-job.ts";
import { stageCheck } from "../github/report.ts";
import { runEvaluateStage } from "../pipeline/stages.ts";
import { defineStage } from "./definition.ts";
import { pullRequestTokenOption } from "./github-token.ts";

export const EvaluateOptions = z.object({ githubToken: pullRequestTokenOption() });

export const evaluateStage = defineStage({
  name: "evaluate",
  options: EvaluateOptions,
  run: (context) => runEvaluateStage(context),
  command: { summary: "Run the evaluation command and compute metrics from predictions and metrics files" },
  action: {
    description: "Run the evaluation command and compute the model's metrics from its predictions and metrics files.",
    icon: "bar-chart-2",
    // The evaluation reports on the pull request only when it is the last word: without a gate (which reports the
    // metrics with its verdict), or when it failed (the gate step will not run).
    post: async (context, run, { githubToken }) =>
      !context.loaded.config.gate || run.result.status === "failed"
        ? postFromJob(context, githubToken, (target) => ({
            section: run.section,
            check: stageCheck(run.section, target.runUrl),
            checkName: `mlops evaluate (${context.loaded.config.model.name})`,
          }))
        : null,
    verdictOutput: "result",
    outputs: {
      result: {
        description: "ok, failed or skipped; error when the stage could not run.",
        value: ({ result }) => result.status,
      },
      metrics: {
        description: 'The metrics as a JSON object, e.g. {"accuracy": 0.91}.',
        value: ({ result }) => JSON.stringify(result.metrics),
      },
      "comment-url": {
        description:
          "URL of the pull-request comment it created or updated; empty when nothing was posted (with a gate, the gate reports, unless evaluation failed).",
        value: (_, posted) => posted?.commentUrl ?? "",
      },
      "check-run-id": {
        description: "Id of the check run it created on the head commit; empty when none was created.",
        value: (_, posted) => posted?.checkRunId ?? "",
      },
    },
    failureMessage: ({ result }) => result.failure ?? "evaluation failed",
  },
});
