import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-FW4YOBDK.js";
import {
  gateSurfaces
} from "./chunks/chunk-ILPOVFK2.js";
import "./chunks/chunk-75M3FAOO.js";
import {
  runGateStage
} from "./chunks/chunk-UJ7QNZKI.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-YCG64R6H.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-4F2BXEAP.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-FUKKX43E.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-UFJC2KPC.js";
import "./chunks/chunk-IFCYOS42.js";
import "./chunks/chunk-LRSAP6TR.js";
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-XEH6HUDK.js";
import "./chunks/chunk-XF3Z56KS.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
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
