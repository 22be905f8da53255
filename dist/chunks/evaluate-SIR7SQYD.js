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
  runEvaluateStage
} from "./chunk-6AH6QH2C.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-DEDNORQK.js";
import "./chunk-IQ22BR3C.js";
import "./chunk-4C2OY57I.js";
import {
  stageCheck
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
import "./chunk-VHM7AP6H.js";
import {
  object
} from "./chunk-T5BSSAHX.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-4CM3JFR7.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/stages/evaluate.ts
var EvaluateOptions = object({ githubToken: pullRequestTokenOption() });
var evaluateStage = defineStage({
  name: "evaluate",
  options: EvaluateOptions,
  run: (context) => runEvaluateStage(context),
  command: { summary: "Run the evaluation command and compute metrics from predictions and metrics files" },
  action: {
    description: "Run the evaluation command and compute the model's metrics from its predictions and metrics files.",
    icon: "bar-chart-2",
    // The evaluation reports on the pull request only when it is the last word: without a gate (which reports the
    // metrics with its verdict), or when it failed (the gate step will not run).
    post: async (context, run, { githubToken }) => !context.loaded.config.gate || run.result.status === "failed" ? postFromJob(context, githubToken, (target) => ({
      section: run.section,
      check: stageCheck(run.section, target.runUrl),
      checkName: `mlops evaluate (${context.loaded.config.model.name})`
    })) : null,
    verdictOutput: "result",
    outputs: {
      result: {
        description: "ok, failed or skipped; error when the stage could not run.",
        value: ({ result }) => result.status
      },
      metrics: {
        description: 'The metrics as a JSON object, e.g. {"accuracy": 0.91}.',
        value: ({ result }) => JSON.stringify(result.metrics)
      },
      "comment-url": {
        description: "URL of the pull-request comment it created or updated; empty when nothing was posted (with a gate, the gate reports, unless evaluation failed).",
        value: (_, posted) => posted?.commentUrl ?? ""
      },
      "check-run-id": {
        description: "Id of the check run it created on the head commit; empty when none was created.",
        value: (_, posted) => posted?.checkRunId ?? ""
      }
    },
    failureMessage: ({ result }) => result.failure ?? "evaluation failed"
  }
});
export {
  EvaluateOptions,
  evaluateStage
};
