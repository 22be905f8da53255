import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-7ONLZ6JN.js";
import {
  pullRequestTokenOption,
  registryTokenOption,
  withRegistryToken
} from "./chunk-TJEAFMF2.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  runGateStage
} from "./chunk-MTUX3RSV.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-6F3ASPSV.js";
import "./chunk-OIWBWK55.js";
import "./chunk-FNZKOFGU.js";
import {
  gateSurfaces
} from "./chunk-EVRS5PBP.js";
import "./chunk-6XYO6AIC.js";
import "./chunk-PVC3WHGH.js";
import "./chunk-2ATYKCL4.js";
import "./chunk-AEXEOC6T.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YAFPWT32.js";
import "./chunk-NCHGCW3K.js";
import "./chunk-XT2XCMED.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-RHPFG3UY.js";
import "./chunk-WUC2B7RK.js";
import "./chunk-5PEOAABG.js";
import "./chunk-5TYXP6DP.js";
import {
  plainText
} from "./chunk-2WCYVFNO.js";
import {
  object
} from "./chunk-GDLHBLAJ.js";
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
      (target) => gateSurfaces(run.result, context.loaded.config.report, target, { workflow: null, job: null })
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
