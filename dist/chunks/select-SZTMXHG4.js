import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runSelectStage
} from "./chunk-L6CW557L.js";
import "./chunk-S2D6TMI3.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import {
  folderOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/stages/select.ts
var SelectOptions = object({
  results: folderOption({
    cli: { flag: "results", valueName: "dir", description: "Folder holding the legs' results" },
    // Relative to the repository root, like actions/download-artifact's `path`.
    action: {
      input: "results",
      description: "Folder holding each leg's train.json and evaluate.json (one subfolder per leg), relative to the repository root, like actions/download-artifact's path. Default: <workspace>/sweep.",
      relativeTo: "repository"
    }
  })
});
var selectStage = defineStage({
  name: "select",
  options: SelectOptions,
  run: (context, { results }) => runSelectStage(context, results === void 0 ? {} : { resultsDir: results }),
  command: {
    summary: "Pick the best sweep leg by the gate's primary metric and print the sweep as a table",
    details: "Reads each leg's train.json and evaluate.json from --results (default: <workspace>/sweep, where\n`mlops sweep` leaves them; on GitHub, the folder the legs' artifacts were downloaded to).\nTies go to the earlier leg. Exit 1 when no leg produced the metric."
  },
  action: {
    description: "Pick the best sweep leg by the gate's primary metric from the legs' results, and report the sweep as a table.",
    icon: "award",
    verdictOutput: "result",
    outputs: {
      result: {
        description: "ok when a leg won; failed when no leg produced the metric; error when the stage could not run.",
        value: ({ result }) => result.winner ? "ok" : "failed"
      },
      leg: {
        description: "The best leg's id, for actions/train's `leg` input.",
        value: ({ result }) => result.winner?.leg.id ?? ""
      },
      name: {
        description: "The best leg's params in words, e.g. lr=0.01 epochs=100.",
        value: ({ result }) => result.winner?.leg.name ?? ""
      },
      params: {
        description: "The best leg's matrix values as a JSON object.",
        value: ({ result }) => JSON.stringify(result.winner?.leg.values ?? {})
      },
      metric: { description: "The metric the legs were ranked by.", value: ({ result }) => result.metric },
      value: { description: "The best leg's value of that metric.", value: ({ result }) => result.winner?.value ?? "" }
    },
    failureMessage: ({ result }) => `no sweep leg produced ${result.metric}`
  }
});
export {
  SelectOptions,
  selectStage
};
