import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-7EEWXJSF.js";
import {
  runSelectStage
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
