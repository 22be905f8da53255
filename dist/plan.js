import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunks/chunk-CEXI3VR4.js";
import "./chunks/chunk-FV65ODL3.js";
import "./chunks/chunk-UJ7QNZKI.js";
import "./chunks/chunk-THUPLUY7.js";
import "./chunks/chunk-YCG64R6H.js";
import "./chunks/chunk-ERO4MCOP.js";
import "./chunks/chunk-4F2BXEAP.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  runAction
} from "./chunks/chunk-FUKKX43E.js";
import "./chunks/chunk-O5RPIDMJ.js";
import "./chunks/chunk-BIQWF3VO.js";
import "./chunks/chunk-Z3CAJF4B.js";
import "./chunks/chunk-UFJC2KPC.js";
import "./chunks/chunk-IFCYOS42.js";
import "./chunks/chunk-LRSAP6TR.js";
import "./chunks/chunk-KDNJFZE6.js";
import "./chunks/chunk-KIYRFXDI.js";
import "./chunks/chunk-OUO73NAH.js";
import "./chunks/chunk-XEH6HUDK.js";
import "./chunks/chunk-XF3Z56KS.js";
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
