import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-X53UICXZ.js";
import {
  stageCheck
} from "./chunks/chunk-GAXDFNF6.js";
import {
  runEvaluateStage
} from "./chunks/chunk-J4ASSBM4.js";
import "./chunks/chunk-L53UQPWG.js";
import "./chunks/chunk-TKNEU5H6.js";
import {
  runAction
} from "./chunks/chunk-7DFCO746.js";
import "./chunks/chunk-VCPUFKR7.js";
import "./chunks/chunk-4MICSIQX.js";
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
