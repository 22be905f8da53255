import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunks/chunk-VSIQGJZD.js";
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
