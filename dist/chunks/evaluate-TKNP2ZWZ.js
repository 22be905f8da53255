import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-7J2OE3JD.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  runEvaluateStage
} from "./chunk-IQ2TRDZO.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-WI6PHDQ2.js";
import "./chunk-ZW72LFFF.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-Q2UDEBW6.js";
import "./chunk-GTGMXKXZ.js";
import {
  stageCheck
} from "./chunk-WYS6G5ZD.js";
import "./chunk-QJBHOZOC.js";
import "./chunk-3I56HR76.js";
import "./chunk-ZFWOX7ET.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-S4673Z2K.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z6UVMVVW.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-6FFNJH6A.js";
import {
  pullRequestTokenOption
} from "./chunk-YGUH5UYY.js";
import "./chunk-4F7JFGEA.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-YAAMRAA5.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-3QIEY56F.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-ZPCS6KAC.js";
import "./chunk-M5RMI2LT.js";
import "./chunk-5PEOAABG.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import {
  object
} from "./chunk-2E2J3IB3.js";
import "./chunk-QR6TB6JR.js";
import "./chunk-O3UAJ45K.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
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
