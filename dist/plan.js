import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunks/chunk-LYAUT635.js";
import "./chunks/chunk-ML6KSRI7.js";
import "./chunks/chunk-PCFL5ZDS.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-NP4RXV4C.js";
import "./chunks/chunk-JHNWJVJL.js";
import "./chunks/chunk-EOYDCAJC.js";
import {
  runAction
} from "./chunks/chunk-36WMCKK6.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-RQYHD5ZC.js";
import "./chunks/chunk-ZDLPDKKS.js";
import "./chunks/chunk-EU447EYR.js";
import "./chunks/chunk-ZWFYJDSY.js";
import "./chunks/chunk-WJGGL23E.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-WEGPIWUD.js";
import "./chunks/chunk-XDWG76T6.js";
import "./chunks/chunk-ASW5YMHX.js";
import "./chunks/chunk-H6UPHFKP.js";
import "./chunks/chunk-XOZC47AQ.js";
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
