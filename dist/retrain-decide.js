import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  decideRetrain
} from "./chunks/chunk-YOLK4LA7.js";
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

// src/actions/retrain-decide.ts
await runAction({
  run: (context, inputs) => decideRetrain(context, { force: inputs.flag("force", false) }),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: result.blocked ? "blocked" : result.shouldRetrain ? "retrain" : "skip",
    "should-retrain": result.shouldRetrain,
    reason: result.blocked ?? result.reasons.join("; ")
  }),
  failureMessage: ({ result }) => `retraining is blocked: ${result.blocked ?? ""}`
});
