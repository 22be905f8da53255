import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  renderingInJob
} from "./chunk-Y4XFK5HZ.js";
import {
  pullRequestTokenOption,
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-LP2MTGO2.js";
import {
  runOrigin
} from "./chunk-EYNKBRNV.js";
import {
  plainText
} from "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import "./chunk-SN54LWLO.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/stages/gate.ts
var GateOptions = object({
  githubToken: pullRequestTokenOption(),
  registryToken: registryTokenOption("read")
});
var gateStage = defineStage({
  name: "gate",
  options: GateOptions,
  run: async (context, { registryToken }) => (await import("./stages-2FGYPR5Q.js")).runGateStage(withRegistryToken(context, registryToken)),
  command: {
    summary: "Compare the evaluated metrics with the baseline (the registry's champion) under gate.rules",
    details: "Exit 1 when a rule fails; 2 when the gate cannot be evaluated (missing metric, unreadable baseline).\nAlso writes the run's HTML report beside gate.md (<workspace>/out/report.html).",
    epilogue: ({ html }) => html ? `The run's HTML report: ${html}` : "No HTML report this time (see the warning)."
  },
  action: {
    description: "Compare the model's metrics with the baseline (the registry's champion) under gate.rules, report on the pull request, and fail the step on a regression.",
    icon: "shield",
    // The step fails exactly when the verdict is fail or error (the door maps the exit code); posting to the pull
    // request is reported, never allowed to change that.
    post: async (context, run, { githubToken }) => {
      if (run.result.verdict === "skipped") return null;
      const [{ postFromJob }, { gateSurfaces }] = await Promise.all([
        import("./from-job-DH4XMZ6A.js"),
        import("./report-3DWBCGYG.js")
      ]);
      return postFromJob(
        context,
        githubToken,
        (target) => gateSurfaces(
          run.result,
          context.loaded.config.report,
          target,
          { workflow: null, job: null },
          { userSections: renderingInJob(runOrigin(context.runner)) }
        )
      );
    },
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description: "pass, fail or skipped; error when the gate could not be evaluated.",
        value: ({ result }) => result.verdict
      },
      baseline: {
        description: "The baseline's registry version (empty on a first run or a file baseline).",
        value: ({ result }) => result.baseline?.version ?? ""
      },
      "comment-url": {
        description: "URL of the pull-request comment it created or updated; empty when nothing was posted.",
        value: (_, posted) => posted?.commentUrl ?? ""
      },
      html: {
        description: "Path of the run's HTML report (report.html beside gate.md: validation, evaluation and gate with their plots, one self-contained file); upload it as an artifact. Empty when it could not be written.",
        value: ({ html }) => html ?? ""
      },
      "check-run-id": {
        description: "Id of the check run it created on the head commit; empty when none was created.",
        value: (_, posted) => posted?.checkRunId ?? ""
      }
    },
    files: {
      report: "Path of the gate's result JSON (the same object `mlops gate --json` prints); upload it as the report artifact for actions/report."
    },
    failureMessage: ({ result }) => {
      const failed = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
      return plainText(
        `gate ${result.verdict}: ${failed.map((o) => `${o.metric} ${o.reason}`).join("; ") || result.notes.join("; ")}`
      );
    }
  }
});
export {
  GateOptions,
  gateStage
};
