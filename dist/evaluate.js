import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-Y7D7WTMA.js";
import {
  stageCheck
} from "./chunks/chunk-BSB67XO4.js";
import "./chunks/chunk-VKPGDWJQ.js";
import {
  runEvaluateStage
} from "./chunks/chunk-G45JT5E2.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-MJOC45FH.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-OG2EDJGU.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-E57T2NHP.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-Z5LC5UOA.js";
import "./chunks/chunk-VU3GDN5A.js";
import "./chunks/chunk-6RC3X4N6.js";
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-VIP6GQOC.js";
import "./chunks/chunk-L5ZB5M6A.js";
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
