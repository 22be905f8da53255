import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  postFromJob
} from "./chunk-BSZW4LD6.js";
import {
  runEvaluateStage
} from "./chunk-JVSKKL3U.js";
import "./chunk-WXVUEIVD.js";
import "./chunk-5I3LMDH3.js";
import "./chunk-IKP5MKZU.js";
import "./chunk-QJXKZEE6.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-MCQ3S4MW.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import {
  stageCheck
} from "./chunk-ETJ5HDRZ.js";
import "./chunk-72OCKP5C.js";
import "./chunk-4SQXFUI5.js";
import "./chunk-SLSOLTLA.js";
import "./chunk-IY6KPMTB.js";
import "./chunk-VAXOH5AZ.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-533AISZH.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-GPXSHNAX.js";
import "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import {
  pullRequestTokenOption
} from "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-XWUCKCS7.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
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
