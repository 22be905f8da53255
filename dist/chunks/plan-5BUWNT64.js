import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunk-MHAU2X6D.js";
import "./chunk-LKUNVXOL.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import "./chunk-6AH6QH2C.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-DEDNORQK.js";
import "./chunk-IQ22BR3C.js";
import "./chunk-4C2OY57I.js";
import "./chunk-AVFIZRT7.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YK36XQET.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-QB3VBLED.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-5PEOAABG.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import "./chunk-VHM7AP6H.js";
import {
  object
} from "./chunk-T5BSSAHX.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-4CM3JFR7.js";
import "./chunk-H6UPHFKP.js";
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
