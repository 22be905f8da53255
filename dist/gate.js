import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunks/chunk-UGWWBH3L.js";
import {
  gateSurfaces
} from "./chunks/chunk-RSOGC67R.js";
import "./chunks/chunk-MTVHROBT.js";
import "./chunks/chunk-BFTSGGB3.js";
import {
  runGateStage
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
import {
  plainText
} from "./chunks/chunk-VRNFBWJ4.js";
import "./chunks/chunk-TFWDSRPY.js";
import "./chunks/chunk-MUNXKJR2.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-657YCYD7.js";
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
    return plainText(
      `gate ${result.verdict}: ${failed.map((o) => `${o.metric} ${o.reason}`).join("; ") || result.notes.join("; ")}`
    );
  }
});
