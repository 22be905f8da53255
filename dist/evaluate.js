import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-WRGX44TM.js";
import {
  stageCheck
} from "./chunks/chunk-6G5XV2BQ.js";
import "./chunks/chunk-VKPGDWJQ.js";
import {
  runEvaluateStage
} from "./chunks/chunk-EWRZ2WMN.js";
import "./chunks/chunk-CXLN3UR2.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-GP53L4VS.js";
import "./chunks/chunk-UYX66RUR.js";
import "./chunks/chunk-55QIH2BG.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/evaluate.ts
var posted = null;
await runAction({
  run: async (context, inputs) => {
    const run = await runEvaluateStage(context);
    if (!context.loaded.config.gate || run.result.status === "failed") {
      posted = await postFromJob(context, inputs.text("github-token"), (target) => ({
        section: run.section,
        check: stageCheck(run.section, target.runUrl),
        checkName: `mlops evaluate (${context.loaded.config.model.name})`
      }));
    }
    return run;
  },
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.status,
    metrics: JSON.stringify(result.metrics),
    "comment-url": posted?.commentUrl ?? "",
    "check-run-id": posted?.checkRunId ?? ""
  }),
  failureMessage: ({ result }) => result.failure ?? "evaluation failed"
});
