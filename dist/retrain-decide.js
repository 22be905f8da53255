import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  decideRetrain
} from "./chunks/chunk-CD2OP4S3.js";
import "./chunks/chunk-G45JT5E2.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-MJOC45FH.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-OG2EDJGU.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-E57T2NHP.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-Z5LC5UOA.js";
import "./chunks/chunk-VU3GDN5A.js";
import "./chunks/chunk-6RC3X4N6.js";
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-VIP6GQOC.js";
import "./chunks/chunk-L5ZB5M6A.js";
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
