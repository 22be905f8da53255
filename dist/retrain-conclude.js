import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  concludeRetrain,
  retrainGitHub
} from "./chunks/chunk-SP5WFI7H.js";
import "./chunks/chunk-YOLK4LA7.js";
import "./chunks/chunk-VKPGDWJQ.js";
import "./chunks/chunk-KQ3K3YRH.js";
import "./chunks/chunk-VVN3AAI4.js";
import "./chunks/chunk-O6PCWZLY.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-ET5SJIK4.js";
import "./chunks/chunk-JAOVJQZ4.js";
import "./chunks/chunk-4V36AGCJ.js";
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
