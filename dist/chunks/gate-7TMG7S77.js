import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-QMXPWUXZ.js";
import {
  pullRequestTokenOption,
  registryTokenOption,
  withRegistryToken
} from "./chunk-SW3YTPX4.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  runGateStage
} from "./chunk-QQZAVGDK.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-ARGQ3DHZ.js";
import "./chunk-AWMY4GYI.js";
import "./chunk-BWN3BJMR.js";
import {
  gateSurfaces
} from "./chunk-72IQZK4T.js";
import "./chunk-6XYO6AIC.js";
import "./chunk-5RCLNV7P.js";
import "./chunk-5CKVLCEB.js";
import "./chunk-KAPEWGXR.js";
import {
  renderingInJob
} from "./chunk-Y4XFK5HZ.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YAFPWT32.js";
import "./chunk-NCHGCW3K.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-MGTE44PV.js";
import "./chunk-Q2ZKKZY2.js";
import "./chunk-XNASD4YB.js";
import "./chunk-5PEOAABG.js";
import {
  runOrigin
} from "./chunk-YDKU3OPP.js";
import {
  plainText
} from "./chunk-GMPRWTBY.js";
import {
  object
} from "./chunk-BYDL72MP.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
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
  run: (context, { registryToken }) => runGateStage(withRegistryToken(context, registryToken)),
  command: {
    summary: "Compare the evaluated metrics with the baseline (the registry's champion) under gate.rules",
    details: "Exit 1 when a rule fails; 2 when the gate cannot be evaluated (missing metric, unreadable baseline)."
  },
  action: {
    description: "Compare the model's metrics with the baseline (the registry's champion) under gate.rules, report on the pull request, and fail the step on a regression.",
    icon: "shield",
    // The step fails exactly when the verdict is fail or error (the door maps the exit code); posting to the pull
    // request is reported, never allowed to change that.
    post: async (context, run, { githubToken }) => run.result.verdict === "skipped" ? null : postFromJob(
      context,
      githubToken,
      (target) => gateSurfaces(
        run.result,
        context.loaded.config.report,
        target,
        { workflow: null, job: null },
        { userSections: renderingInJob(runOrigin(context.runner)) }
      )
    ),
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
