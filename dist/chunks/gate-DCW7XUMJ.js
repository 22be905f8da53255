import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-ZNIMESN5.js";
import {
  pullRequestTokenOption
} from "./chunk-YTNHUGDU.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  runGateStage
} from "./chunk-6AH6QH2C.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-DEDNORQK.js";
import "./chunk-IQ22BR3C.js";
import "./chunk-4C2OY57I.js";
import {
  gateSurfaces
} from "./chunk-V72BU55U.js";
import "./chunk-BFTSGGB3.js";
import "./chunk-6M4RFVMK.js";
import "./chunk-AVFIZRT7.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YK36XQET.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-QB3VBLED.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-AV2R5YVD.js";
import "./chunk-5PEOAABG.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import {
  plainText
} from "./chunk-VHM7AP6H.js";
import {
  object
} from "./chunk-T5BSSAHX.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-4CM3JFR7.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/stages/gate.ts
var GateOptions = object({ githubToken: pullRequestTokenOption() });
var gateStage = defineStage({
  name: "gate",
  options: GateOptions,
  run: (context) => runGateStage(context),
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
