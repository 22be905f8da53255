import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-HPEITET7.js";
import {
  openProject,
  stageOutcome
} from "./chunk-SPTQT36L.js";
import {
  concludeRetrain,
  retrainConcludeStage,
  retrainDecideStage
} from "./chunk-JM5DMXRN.js";
import "./chunk-3KOYAKF7.js";
import {
  githubForRun
} from "./chunk-5DN7EZ73.js";
import "./chunk-STGVFYYW.js";
import {
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runTrainStage
} from "./chunk-GM3DQO2S.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-UWNI5IZX.js";
import "./chunk-YIBY5GJK.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-VRQIEPF7.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-CFS6OHL3.js";
import "./chunk-ZHURFC42.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-5UXVYUWZ.js";
import "./chunk-7ZIPCBYU.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-SOCIR2FV.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-I4JPAUMH.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-BCNLONRF.js";
import "./chunk-WARQSE6L.js";
import "./chunk-PV6OBCS4.js";
import "./chunk-CKQNB7V5.js";
import "./chunk-NDR5IGVA.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-FPYOTNJS.js";
import "./chunk-5PEOAABG.js";
import "./chunk-4HF3QBCP.js";
import "./chunk-GGC6PM5E.js";
import {
  renderText
} from "./chunk-NFXRFKJG.js";
import "./chunk-JCTNFSN4.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
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
