import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  runSelectStage
} from "./chunk-ZKMTOM7C.js";
import "./chunk-I5A6GGLJ.js";
import "./chunk-HSM7PKST.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-LOUZLEY5.js";
import "./chunk-6H25RNYN.js";
import "./chunk-7QX6F57P.js";
import "./chunk-QYPTYXJE.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import "./chunk-B2PBEH22.js";
import "./chunk-EUDZWFHB.js";
import "./chunk-G6IL24PE.js";
import "./chunk-EF4P2YL2.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-QKI4W7V3.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-IMIDEYOI.js";
import "./chunk-CWKVTY4K.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-CVLWS2FK.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-RMKSVWVY.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-R5UJMX7C.js";
import "./chunk-5PEOAABG.js";
import "./chunk-OSH67I4H.js";
import "./chunk-OZSKINQ5.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-PEZVGW4L.js";
import {
  folderOption
} from "./chunk-OWLD7TRJ.js";
import "./chunk-MMDMIJM2.js";
import {
  object
} from "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
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
