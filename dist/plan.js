import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-HA6NXILD.js";
import "./chunks/chunk-2SNSQUWW.js";
import {
  runPlanStage
} from "./chunks/chunk-6VNIDKXZ.js";
import "./chunks/chunk-J74NVVDZ.js";
import "./chunks/chunk-4MICSIQX.js";
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
