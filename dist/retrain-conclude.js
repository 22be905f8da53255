import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  concludeRetrain,
  retrainGitHub
} from "./chunks/chunk-HDAKJGUL.js";
import "./chunks/chunk-7Z2J36LP.js";
import "./chunks/chunk-VKPGDWJQ.js";
import "./chunks/chunk-I5X3OA6A.js";
import "./chunks/chunk-MUWRWLXY.js";
import "./chunks/chunk-QJZRMQPL.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-2TZ7OQ5B.js";
import "./chunks/chunk-RZMRIMGB.js";
import "./chunks/chunk-4UEWH35T.js";
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
