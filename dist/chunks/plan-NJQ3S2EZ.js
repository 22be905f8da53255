import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-M2B5XMV7.js";
import {
  runPlanStage
} from "./chunk-SEXONBWH.js";
import "./chunk-65OJ4SAD.js";
import "./chunk-ZIFCCQY3.js";
import "./chunk-THUPLUY7.js";
import "./chunk-ANTYHHFR.js";
import "./chunk-ERO4MCOP.js";
import "./chunk-BXP3T3LQ.js";
import "./chunk-N26MFBKU.js";
import "./chunk-Z3CAJF4B.js";
import "./chunk-GWPYMBGK.js";
import "./chunk-4Y6J3X4V.js";
import "./chunk-6RC3X4N6.js";
import "./chunk-KDNJFZE6.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-XEH6HUDK.js";
import "./chunk-L5ZB5M6A.js";
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
