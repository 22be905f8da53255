import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-UGWWBH3L.js";
import {
  stageCheck
} from "./chunks/chunk-RSOGC67R.js";
import "./chunks/chunk-MTVHROBT.js";
import "./chunks/chunk-BFTSGGB3.js";
import {
  runEvaluateStage
} from "./chunks/chunk-WLMFWUHR.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-VLN4SQWY.js";
import "./chunks/chunk-HLKXQ7X2.js";
import "./chunks/chunk-EOYDCAJC.js";
import {
  runAction
} from "./chunks/chunk-EN7ZLZTN.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-TLX656CK.js";
import "./chunks/chunk-NNNSQAJN.js";
import "./chunks/chunk-EU447EYR.js";
import "./chunks/chunk-AOOPNKUY.js";
import "./chunks/chunk-VRNFBWJ4.js";
import "./chunks/chunk-TFWDSRPY.js";
import "./chunks/chunk-MUNXKJR2.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-657YCYD7.js";
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
