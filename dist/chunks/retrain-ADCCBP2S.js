import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-PEF23NMX.js";
import {
  concludeRetrain,
  retrainConcludeStage,
  retrainDecideStage,
  retrainGitHub
} from "./chunk-LZ764VRX.js";
import "./chunk-JQNN7LLO.js";
import {
  openProject,
  stageOutcome
} from "./chunk-DX46VYVK.js";
import "./chunk-STGVFYYW.js";
import {
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runTrainStage
} from "./chunk-LCF4KHGW.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-HU44FS6O.js";
import "./chunk-ORZCP3P7.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-6XYO6AIC.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-MKYPGRGL.js";
import "./chunk-662KQWOY.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-YAFPWT32.js";
import "./chunk-DVJC4BAJ.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-PITFFGBR.js";
import "./chunk-LNMAVXP6.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-XZ24LNF3.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-AIXR5GSA.js";
import "./chunk-2ET27MDC.js";
import "./chunk-TWCTD6BE.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-M3RV46UZ.js";
import "./chunk-5PEOAABG.js";
import "./chunk-BU477L3W.js";
import "./chunk-UFBCENFA.js";
import {
  renderText
} from "./chunk-NFXRFKJG.js";
import "./chunk-HG6HQFAC.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
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
    const github = retrainGitHub(context, githubToken);
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
