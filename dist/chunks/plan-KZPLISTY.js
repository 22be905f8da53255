import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunk-L6CW557L.js";
import "./chunk-S2D6TMI3.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/stages/plan.ts
var planStage = defineStage({
  name: "plan",
  options: object({}),
  run: (context) => runPlanStage(context),
  command: {
    summary: "List the legs of the train.matrix sweep and print the GitHub strategy.matrix JSON for them",
    details: "With --json, stdout holds { legs, runsOn, matrix }; `matrix` is the value for\n`strategy: { matrix: ${{ fromJSON(...) }} }` (actions/plan sets it as its `matrix` output).",
    epilogue: ({ result }) => `strategy.matrix: ${JSON.stringify(result.matrix)}`
  },
  action: {
    description: "List the legs of the train.matrix sweep as a GitHub strategy.matrix, one job per leg on train.runs_on runners.",
    icon: "grid",
    verdictOutput: "result",
    outputs: {
      result: { description: "ok; error when the sweep could not be planned.", value: () => "ok" },
      matrix: {
        description: "The strategy.matrix JSON, to pass through fromJSON: one include entry per leg with leg, name, params and runs_on.",
        value: ({ result }) => JSON.stringify(result.matrix)
      },
      legs: { description: "Number of legs.", value: ({ result }) => result.legs.length },
      "runs-on": {
        description: "train.runs_on as a JSON list (through fromJSON, the runs-on of jobs after the sweep).",
        value: ({ result }) => JSON.stringify(result.runsOn)
      }
    },
    failureMessage: () => "planning the sweep failed"
  }
});
export {
  planStage
};
