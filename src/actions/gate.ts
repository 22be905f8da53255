import { postFromJob } from "../github/from-job.ts";
import type { Published } from "../github/publish.ts";
import { gateSurfaces } from "../github/report.ts";
import { runGateStage } from "../pipeline/stages.ts";
import { plainText } from "../report/table.ts";
import { runAction } from "./door.ts";

// The step fails exactly when the verdict is fail or error (the door maps the exit code); posting to the pull request
// is reported, never allowed to change that.
let posted: Published | null = null;

await runAction({
  run: async (context, inputs) => {
    const run = await runGateStage(context);
    if (run.result.verdict !== "skipped") {
      posted = await postFromJob(context, inputs.text("github-token"), (target) =>
        gateSurfaces(run.result, context.loaded.config.report, target, { workflow: null, job: null }),
      );
    }
    return run;
  },
  verdictOutput: "verdict",
  outputs: ({ result }) => ({
    verdict: result.verdict,
    baseline: result.baseline?.version ?? "",
    "comment-url": posted?.commentUrl ?? "",
    "check-run-id": posted?.checkRunId ?? "",
  }),
  failureMessage: ({ result }) => {
    const failed = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
    // Metric names and reasons come from the user's files: no bidi controls in the step's failure (an annotation).
    return plainText(
      `gate ${result.verdict}: ${failed.map((o) => `${o.metric} ${o.reason}`).join("; ") || result.notes.join("; ")}`,
    );
  },
});
