import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-UYUEXVQI.js";
import {
  runEvaluateStage
} from "./chunk-HSM7PKST.js";
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
import {
  stageCheck
} from "./chunk-OI3KVBAD.js";
import "./chunk-DUP63UZY.js";
import "./chunk-XRX52EOP.js";
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
import "./chunk-QR6TB6JR.js";
import "./chunk-O3UAJ45K.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-6FFNJH6A.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-CVLWS2FK.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-RMKSVWVY.js";
import "./chunk-ASQHJYOS.js";
import {
  pullRequestTokenOption
} from "./chunk-FK3UA7EA.js";
import "./chunk-QD46VIFS.js";
import "./chunk-XWUCKCS7.js";
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
import "./chunk-OWLD7TRJ.js";
import "./chunk-MMDMIJM2.js";
import {
  object
} from "./chunk-I7GHSQM2.js";
import "./chunk-QNNQNI2B.js";
import "./chunk-SN54LWLO.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/stages/evaluate.ts
var EvaluateOptions = object({ githubToken: pullRequestTokenOption() });
var evaluateStage = defineStage({
  name: "evaluate",
  options: EvaluateOptions,
  run: (context) => runEvaluateStage(context),
  command: { summary: "Run the evaluation command and compute metrics from predictions and metrics files" },
  action: {
    description: "Run the evaluation command and compute the model's metrics from its predictions and metrics files.",
    icon: "bar-chart-2",
    // The evaluation reports on the pull request only when it is the last word: without a gate (which reports the
    // metrics with its verdict), or when it failed (the gate step will not run).
    post: async (context, run, { githubToken }) => !context.loaded.config.gate || run.result.status === "failed" ? postFromJob(context, githubToken, (target) => ({
      section: run.section,
      check: stageCheck(run.section, target.runUrl),
      checkName: `mlops evaluate (${context.loaded.config.model.name})`
    })) : null,
    verdictOutput: "result",
    outputs: {
      result: {
        description: "ok, failed or skipped; error when the stage could not run.",
        value: ({ result }) => result.status
      },
      metrics: {
        description: 'The metrics as a JSON object, e.g. {"accuracy": 0.91}.',
        value: ({ result }) => JSON.stringify(result.metrics)
      },
      "comment-url": {
        description: "URL of the pull-request comment it created or updated; empty when nothing was posted (with a gate, the gate reports, unless evaluation failed).",
        value: (_, posted) => posted?.commentUrl ?? ""
      },
      "check-run-id": {
        description: "Id of the check run it created on the head commit; empty when none was created.",
        value: (_, posted) => posted?.checkRunId ?? ""
      }
    },
    failureMessage: ({ result }) => result.failure ?? "evaluation failed"
  }
});
export {
  EvaluateOptions,
  evaluateStage
};
