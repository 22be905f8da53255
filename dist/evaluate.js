import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-LHDDZWPG.js";
import {
  stageCheck
} from "./chunks/chunk-NBDU2R42.js";
import "./chunks/chunk-75M3FAOO.js";
import {
  runEvaluateStage
} from "./chunks/chunk-C7ZF2XGW.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-57DR65GN.js";
import "./chunks/chunk-GLLAQNCF.js";
import "./chunks/chunk-EOYDCAJC.js";
import {
  runAction
} from "./chunks/chunk-KT6ZIGYI.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-4N4SLXSY.js";
import "./chunks/chunk-HTHFC55R.js";
import "./chunks/chunk-EU447EYR.js";
import "./chunks/chunk-CMNHLUPT.js";
import "./chunks/chunk-YZZ2M47K.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-ASW5YMHX.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
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
