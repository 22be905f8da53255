import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-I5JVBQHW.js";
import {
  runPlanStage
} from "./chunk-H7JPQVQV.js";
import "./chunk-KVDXAACB.js";
import "./chunk-C7ZF2XGW.js";
import "./chunk-THUPLUY7.js";
import "./chunk-57DR65GN.js";
import "./chunk-GLLAQNCF.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-4N4SLXSY.js";
import "./chunk-HTHFC55R.js";
import "./chunk-EU447EYR.js";
import "./chunk-CMNHLUPT.js";
import "./chunk-YZZ2M47K.js";
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
