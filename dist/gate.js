import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-LHDDZWPG.js";
import {
  gateSurfaces
} from "./chunks/chunk-NBDU2R42.js";
import "./chunks/chunk-75M3FAOO.js";
import {
  runGateStage
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
