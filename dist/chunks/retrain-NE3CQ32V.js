import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  concludeRetrain,
  retrainConcludeStage,
  retrainDecideStage,
  retrainGitHub
} from "./chunk-5VWIP3AC.js";
import {
  cliOptions,
  parseCliOptions
} from "./chunk-ZRU6DXCT.js";
import {
  openProject,
  stageOutcome
} from "./chunk-CSXX26RX.js";
import "./chunk-YTNHUGDU.js";
import "./chunk-LKUNVXOL.js";
import "./chunk-STGVFYYW.js";
import {
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runTrainStage
} from "./chunk-6AH6QH2C.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-DEDNORQK.js";
import "./chunk-IQ22BR3C.js";
import "./chunk-4C2OY57I.js";
import "./chunk-BFTSGGB3.js";
import "./chunk-AVFIZRT7.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YK36XQET.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-QB3VBLED.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-IBAZGBED.js";
import "./chunk-SQ26S2CH.js";
import "./chunk-5KDZFAZ5.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-AV2R5YVD.js";
import "./chunk-5PEOAABG.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import {
  renderText
} from "./chunk-VHM7AP6H.js";
import "./chunk-T5BSSAHX.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-4CM3JFR7.js";
import "./chunk-H6UPHFKP.js";
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
    if (step === "conclude") return stageOutcome(await conclude());
    const decided = await retrainDecideStage.run(context, decideOptions);
    if (step === "decide") return stageOutcome(decided);
    const sections = [decided.section];
    if (decided.result.shouldRetrain) {
      const params = await resolveTrainParams(context.loaded, []);
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
      text: sections.map(renderText).join("\n\n")
    };
  }
};
export {
  retrainCommand
};
