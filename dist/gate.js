import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-WRGX44TM.js";
import {
  gateSurfaces
} from "./chunks/chunk-6G5XV2BQ.js";
import "./chunks/chunk-VKPGDWJQ.js";
import {
  runGateStage
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

// src/actions/gate.ts
var posted = null;
await runAction({
  run: async (context, inputs) => {
    const run = await runGateStage(context);
    if (run.result.verdict !== "skipped") {
      posted = await postFromJob(
        context,
        inputs.text("github-token"),
        (target) => gateSurfaces(run.result, context.loaded.config.report, target, { workflow: null, job: null })
      );
    }
    return run;
  },
  verdictOutput: "verdict",
  outputs: ({ result }) => ({
    verdict: result.verdict,
    baseline: result.baseline?.version ?? "",
    "comment-url": posted?.commentUrl ?? "",
    "check-run-id": posted?.checkRunId ?? ""
  }),
  failureMessage: ({ result }) => {
    const failed = result.outcomes.filter((o) => o.verdict === "fail" || o.verdict === "error");
    return `gate ${result.verdict}: ${failed.map((o) => `${o.metric} ${o.reason}`).join("; ") || result.notes.join("; ")}`;
  }
});
