import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-7EEWXJSF.js";
import {
  runPlanStage
} from "./chunk-PSYJ6FAN.js";
import "./chunk-CBBQCPY7.js";
import "./chunk-WLMFWUHR.js";
import "./chunk-THUPLUY7.js";
import "./chunk-VLN4SQWY.js";
import "./chunk-HLKXQ7X2.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-TLX656CK.js";
import "./chunk-NNNSQAJN.js";
import "./chunk-EU447EYR.js";
import "./chunk-AOOPNKUY.js";
import "./chunk-VRNFBWJ4.js";
import "./chunk-TFWDSRPY.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-OUO73NAH.js";
import "./chunk-WEGPIWUD.js";
import "./chunk-XDWG76T6.js";
import "./chunk-657YCYD7.js";
import "./chunk-H6UPHFKP.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/plan.ts
var planCommand = {
  name: "plan",
  summary: "List the legs of the train.matrix sweep and print the GitHub strategy.matrix JSON for them",
  details: "With --json, stdout holds { legs, runsOn, matrix }; `matrix` is the value for\n`strategy: { matrix: ${{ fromJSON(...) }} }` (actions/plan sets it as its `matrix` output).",
  run: async (args, io) => {
    const run = await runPlanStage(await openProject(args, io));
    const outcome = stageOutcome(run);
    return { ...outcome, text: `${outcome.text}

strategy.matrix: ${JSON.stringify(run.result.matrix)}` };
  }
};
export {
  planCommand
};
