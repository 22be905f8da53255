import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-M2B5XMV7.js";
import {
  runSelectStage
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

// src/cli/commands/select.ts
import path from "node:path";
var selectCommand = {
  name: "select",
  summary: "Pick the best sweep leg by the gate's primary metric and print the sweep as a table",
  details: "Reads each leg's train.json and evaluate.json from --results (default: <workspace>/sweep, where\n`mlops sweep` leaves them; on GitHub, the folder the legs' artifacts were downloaded to).\nTies go to the earlier leg. Exit 1 when no leg produced the metric.",
  options: {
    results: { type: "string", valueName: "dir", description: "Folder holding the legs' results" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const results = typeof args.values.results === "string" ? path.resolve(io.cwd, args.values.results) : void 0;
    return stageOutcome(await runSelectStage(context, results === void 0 ? {} : { resultsDir: results }));
  }
};
export {
  selectCommand
};
