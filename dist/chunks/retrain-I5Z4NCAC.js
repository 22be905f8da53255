import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-XVFAPK37.js";
import {
  openProject,
  stageOutcome
} from "./chunk-KATF5WDH.js";
import {
  concludeRetrain,
  retrainConcludeStage,
  retrainDecideStage
} from "./chunk-K3VBZ6WH.js";
import "./chunk-AWWEC64S.js";
import {
  githubForRun
} from "./chunk-KCZDMEGW.js";
import "./chunk-EEV3A2B6.js";
import "./chunk-S2D6TMI3.js";
import {
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runTrainStage
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
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-IYKSYI5H.js";
import "./chunk-G6IL24PE.js";
import "./chunk-72OCKP5C.js";
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
import "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import {
  renderText
} from "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/retrain.ts
var retrainCommand = {
  name: "retrain",
  summary: "Decide whether to retrain (drift, age, new data), retrain, and promote only a better model",
  details: "`mlops retrain decide` only decides. `mlops retrain` decides, then trains, evaluates, gates against the champion\nand concludes: a better model is published and promoted; a failure opens or updates one issue per model (when\nGITHUB_TOKEN and GITHUB_REPOSITORY are set), closed by the next success. `mlops retrain conclude` runs the last step\non results already in the workspace (what actions/retrain does). Exit 1 when retraining failed or was blocked.",
  positionals: [{ name: "step", required: false, description: "decide or conclude (default: the whole loop)" }],
  options: cliOptions(retrainDecideStage.options),
  run: async (args, io) => {
    const [step] = args.positionals;
    if (step !== void 0 && step !== "decide" && step !== "conclude") {
      throw new UsageError(`unknown retrain step "${step}"`, {
        hint: "use `mlops retrain`, `mlops retrain decide` or `mlops retrain conclude`"
      });
    }
    const decideOptions = await parseCliOptions(retrainDecideStage.options, args, io);
    const { githubToken } = await parseCliOptions(retrainConcludeStage.options, args, io);
    const context = await openProject(args, io);
    const github = githubForRun(context, githubToken);
    const conclude = () => concludeRetrain(context, { github });
    if (step === "conclude") return stageOutcome(await conclude(), args.text);
    const decided = await retrainDecideStage.run(context, decideOptions);
    if (step === "decide") return stageOutcome(decided, args.text);
    const sections = [decided.section];
    if (decided.result.shouldRetrain) {
      const params = await resolveTrainParams(context.loaded, [], null, context.logger);
      const trained = await context.logger.group("train", () => runTrainStage(context, { params }));
      sections.push(trained.section);
      if (trained.exitCode === ExitCode.ok) {
        const evaluated = await context.logger.group("evaluate", () => runEvaluateStage(context));
        sections.push(evaluated.section);
        if (evaluated.exitCode === ExitCode.ok)
          sections.push((await context.logger.group("gate", () => runGateStage(context))).section);
      }
    }
    const concluded = await conclude();
    sections.push(concluded.section);
    return {
      exitCode: concluded.exitCode,
      result: { decision: decided.result, outcome: concluded.result },
      text: sections.map((section) => renderText(section, args.text)).join("\n\n")
    };
  }
};
export {
  retrainCommand
};
