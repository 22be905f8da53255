import * as z from "../zod.ts";
import { runOrigin } from "../context/runner.ts";
import { renderingInJob } from "../gate/user-sections.ts";
import { plainText } from "../report/table.ts";
import { defineStage } from "./definition.ts";
import { pullRequestTokenOption, registryTokenOption, withRegistryToken } from "./github-token.ts";

export const GateOptions = z.object({
  githubToken: pullRequestTokenOption(),
  registryToken: registryTokenOption("read"),
});

// The gate's runner and the posting to GitHub (Octokit) are imported when they run: an action stopped by a config
// error never loads them (issue 22, start-up).
export const gateStage = defineStage({
  name: "gate",
  options: GateOptions,
  run: async (context, { registryToken }) =>
    (await import("../pipeline/stages.ts")).runGateStage(withRegistryToken(context, registryToken)),
  command: {
    summary: "Compare the evaluated metrics with the baseline (the registry's champion) under gate.rules",
    details:
      "Exit 1 when a rule fails; 2 when the gate cannot be evaluated (missing metric, unreadable baseline).\n" +
      "Also writes the run's HTML report beside gate.md (<workspace>/out/report.html).",
    epilogue: ({ html }) => (html ? `The run's HTML report: ${html}` : "No HTML report this time (see the warning)."),
  },
  action: {
    description:
      "Compare the model's metrics with the baseline (the registry's champion) under gate.rules, report on the pull request, and fail the step on a regression.",
    icon: "shield",
    // The step fails exactly when the verdict is fail or error (the door maps the exit code); posting to the pull
    // request is reported, never allowed to change that.
    post: async (context, run, { githubToken }) => {
      if (run.result.verdict === "skipped") return null;
      const [{ postFromJob }, { gateSurfaces }] = await Promise.all([
        import("../github/from-job.ts"),
        import("../github/report.ts"),
      ]);
      return postFromJob(context, githubToken, (target) =>
        gateSurfaces(
          run.result,
          context.loaded.config.report,
          target,
          { workflow: null, job: null },
          { userSections: renderingInJob(runOrigin(context.runner)) },
        ),
      );
    },
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description: "pass, fail or skipped; error when the gate could not be evaluated.",
        value: ({ result }) => result.verdict,
      },
      baseline: {
        description: "The baseline's registry version (empty on a first run or a file baseline).",
        value: ({ result }) => result.baseline?.version ?? "",
      },
      "comment-url": {
        description: "URL of the pull-request comment it created or updated; empty when nothing was posted.",
        value: (_, posted) => posted?.commentUrl ?? "",
      },
      html: {
        description:
          "Path of the run's HTML report (report.html beside gate.md: validation, evaluation and gate with their plots, one self-contained file); upload it as an artifact. Empty when it could not be written.",
        value: ({ html }) => html ?? "",
      },
      "check-run-id": {
        description: "Id of the check run it created on the head commit; empty when none was created.",
        value: (_, posted) => posted?.checkRunId ?? "",
      },
    },
    files: {
      report:
        "Path of the gate's result JSON (the same object `mlops gate --json` prints); upload it as the report artifact for actions/report.",
    },
    failureMessage: ({ result }) => {
      const failed = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
      // Metric names and reasons come from the user's files: no bidi controls in the step's failure (an annotation).
      return plainText(
        `gate ${result.verdict}: ${failed.map((o) => `${o.metric} ${o.reason}`).join("; ") || result.notes.join("; ")}`,
      );
    },
  },
});
