import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-X53UICXZ.js";
import {
  gateSurfaces
} from "./chunks/chunk-GAXDFNF6.js";
import {
  runGateStage
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
