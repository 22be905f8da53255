import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  decideRetrain
} from "./chunks/chunk-BQ7XIQ55.js";
import "./chunks/chunk-TDHAQZUZ.js";
import "./chunks/chunk-C7ZF2XGW.js";
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
