import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  concludeRetrain,
  retrainGitHub
} from "./chunks/chunk-LLADDFLH.js";
import "./chunks/chunk-RSL4CRJH.js";
import "./chunks/chunk-VKPGDWJQ.js";
import "./chunks/chunk-QMKB5VL2.js";
import "./chunks/chunk-K35VS56U.js";
import "./chunks/chunk-LVTSEMUF.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-X6LJIZEO.js";
import "./chunks/chunk-OXFNNYAB.js";
import "./chunks/chunk-UTWGYE2F.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/actions/retrain-conclude.ts
await runAction({
  run: (context, inputs) => concludeRetrain(context, { github: retrainGitHub(context, inputs.text("github-token")) }),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.outcome,
    reason: result.reason,
    version: result.version ?? "",
    promoted: result.promoted ?? "",
    "issue-url": result.issue?.url ?? ""
  }),
  failureMessage: ({ result }) => `retraining ${result.outcome}: ${result.reason}`
});
