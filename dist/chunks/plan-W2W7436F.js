import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-Y3GPDDWD.js";
import {
  runPlanStage
} from "./chunk-LYAUT635.js";
import "./chunk-ML6KSRI7.js";
import "./chunk-PCFL5ZDS.js";
import "./chunk-THUPLUY7.js";
import "./chunk-NP4RXV4C.js";
import "./chunk-JHNWJVJL.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-RQYHD5ZC.js";
import "./chunk-ZDLPDKKS.js";
import "./chunk-EU447EYR.js";
import "./chunk-ZWFYJDSY.js";
import "./chunk-WJGGL23E.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-WEGPIWUD.js";
import "./chunk-XDWG76T6.js";
import "./chunk-ASW5YMHX.js";
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
