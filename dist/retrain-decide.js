import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  decideRetrain
} from "./chunks/chunk-TWJUB3BX.js";
import "./chunks/chunk-ZIFCCQY3.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-ANTYHHFR.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-BXP3T3LQ.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-3LBZ3T65.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-GWPYMBGK.js";
import "./chunks/chunk-4Y6J3X4V.js";
import "./chunks/chunk-6RC3X4N6.js";
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-XEH6HUDK.js";
import "./chunks/chunk-L5ZB5M6A.js";
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
