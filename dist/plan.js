import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunks/chunk-F4SXKRZ4.js";
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
