import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-KECVUD6L.js";
import {
  runSelectStage
} from "./chunk-CEXI3VR4.js";
import "./chunk-FV65ODL3.js";
import "./chunk-UJ7QNZKI.js";
import "./chunk-THUPLUY7.js";
import "./chunk-YCG64R6H.js";
import "./chunk-ERO4MCOP.js";
import "./chunk-4F2BXEAP.js";
import "./chunk-N26MFBKU.js";
import "./chunk-Z3CAJF4B.js";
import "./chunk-UFJC2KPC.js";
import "./chunk-IFCYOS42.js";
import "./chunk-LRSAP6TR.js";
import "./chunk-KDNJFZE6.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-XEH6HUDK.js";
import "./chunk-XF3Z56KS.js";
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
