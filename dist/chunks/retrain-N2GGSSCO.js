import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-7EEWXJSF.js";
import {
  decideRetrain
} from "./chunk-TDK53HXM.js";
import {
  concludeRetrain,
  retrainGitHub
} from "./chunk-FXX2JKUD.js";
import "./chunk-TDHAQZUZ.js";
import "./chunk-BFTSGGB3.js";
import "./chunk-CBBQCPY7.js";
import {
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runTrainStage
} from "./chunk-WLMFWUHR.js";
import "./chunk-THUPLUY7.js";
import "./chunk-VLN4SQWY.js";
import "./chunk-HLKXQ7X2.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-BIQWF3VO.js";
import "./chunk-TLX656CK.js";
import "./chunk-NNNSQAJN.js";
import "./chunk-EU447EYR.js";
import "./chunk-AOOPNKUY.js";
import {
  renderText
} from "./chunk-VRNFBWJ4.js";
import "./chunk-TFWDSRPY.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-OUO73NAH.js";
import "./chunk-WEGPIWUD.js";
import "./chunk-XDWG76T6.js";
import "./chunk-657YCYD7.js";
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
  options: {
    force: { type: "boolean", description: "Retrain even if nothing calls for it" }
  },
  run: async (args, io) => {
    const [step] = args.positionals;
    if (step !== void 0 && step !== "decide" && step !== "conclude") {
      throw new UsageError(`unknown retrain step "${step}"`, {
        hint: "use `mlops retrain`, `mlops retrain decide` or `mlops retrain conclude`"
      });
    }
    const context = await openProject(args, io);
    const github = retrainGitHub(context, io.env.GITHUB_TOKEN);
    if (step === "conclude") return stageOutcome(await concludeRetrain(context, { github }));
    const decided = await decideRetrain(context, { force: args.values.force === true });
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
    const concluded = await concludeRetrain(context, { github });
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
