import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-W3V42WJ3.js";
import {
  stageCheck
} from "./chunks/chunk-WBFY4ZIH.js";
import {
  runEvaluateStage
} from "./chunks/chunk-HOUSRP2N.js";
import "./chunks/chunk-77FXKEEL.js";
import "./chunks/chunk-N26MFBKU.js";
import "./chunks/chunk-4KTAN6IW.js";
import "./chunks/chunk-LKTX6OBX.js";
import {
  runAction
} from "./chunks/chunk-NWT6XKEP.js";
import "./chunks/chunk-ILD44PUT.js";
import "./chunks/chunk-PH4FNO6N.js";
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
