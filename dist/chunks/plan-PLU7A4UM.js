import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunk-55OUZSOY.js";
import "./chunk-7LEWMQ2A.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import "./chunk-IQ2TRDZO.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-WI6PHDQ2.js";
import "./chunk-ZW72LFFF.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-Q2UDEBW6.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-ZFWOX7ET.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-S4673Z2K.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z6UVMVVW.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-4F7JFGEA.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-YAAMRAA5.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-ZPCS6KAC.js";
import "./chunk-5PEOAABG.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import "./chunk-2FCG3MIX.js";
import {
  object
} from "./chunk-2E2J3IB3.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
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
