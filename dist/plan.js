import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunks/chunk-5H7P2KBH.js";
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

// src/actions/plan.ts
await runAction({
  run: (context) => runPlanStage(context),
  verdictOutput: "result",
  outputs: ({ result }) => ({
    result: "ok",
    matrix: JSON.stringify(result.matrix),
    legs: result.legs.length,
    "runs-on": JSON.stringify(result.runsOn)
  }),
  failureMessage: () => "planning the sweep failed"
});
