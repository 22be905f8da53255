import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runPlanStage
} from "./chunk-WY7BALVF.js";
import "./chunk-3KOYAKF7.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import "./chunk-GM3DQO2S.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-UWNI5IZX.js";
import "./chunk-YIBY5GJK.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-CFS6OHL3.js";
import "./chunk-ZHURFC42.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-7ZIPCBYU.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-SOCIR2FV.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-I4JPAUMH.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-5PEOAABG.js";
import "./chunk-4HF3QBCP.js";
import "./chunk-GGC6PM5E.js";
import "./chunk-NFXRFKJG.js";
import {
  object
} from "./chunk-JCTNFSN4.js";
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
