import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-PFJ4A3BW.js";
import {
  openProject,
  stageOutcome
} from "./chunk-JSI7632N.js";
import {
  concludeRetrain,
  retrainConcludeStage,
  retrainDecideStage
} from "./chunk-FHJF77GF.js";
import "./chunk-PGBRIXOT.js";
import {
  githubForRun
} from "./chunk-ERGWGN54.js";
import "./chunk-HR2GW6AS.js";
import "./chunk-STGVFYYW.js";
import {
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runTrainStage
} from "./chunk-WF4U3YPG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-FFLTA4KC.js";
import "./chunk-7YUCBSB4.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-MSDEDR7I.js";
import "./chunk-R4PV4LV6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-57U7UU7W.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-ZOZ5APGE.js";
import "./chunk-CA3OQ63N.js";
import "./chunk-NMKC7P75.js";
import "./chunk-6FAQHDFV.js";
import "./chunk-644GJZK3.js";
import "./chunk-BCJVN7WI.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-4VACLY5R.js";
import "./chunk-EZCE2A4A.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-MTLTC6KQ.js";
import "./chunk-SAXW6LXP.js";
import "./chunk-MY5E4FEH.js";
import "./chunk-XD3V33XU.js";
import "./chunk-RKGNV63G.js";
import "./chunk-QLJW4P75.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-5PEOAABG.js";
import "./chunk-SR67EPJB.js";
import {
  renderText
} from "./chunk-2FCG3MIX.js";
import "./chunk-4PKATDEY.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-BIQWF3VO.js";
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
