import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  decideRetrain
} from "./chunks/chunk-I55Y3CY6.js";
import "./chunks/chunk-IMMM4ZD6.js";
import "./chunks/chunk-LVTSEMUF.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-ZOXQVBNL.js";
import "./chunks/chunk-L7SMWD5S.js";
import "./chunks/chunk-UTWGYE2F.js";
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
