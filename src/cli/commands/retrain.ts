import { ExitCode, UsageError } from "../../errors.ts";
import { runEvaluateStage, runGateStage, runTrainStage } from "../../pipeline/stages.ts";
import { renderText } from "../../report/sections.ts";
import { concludeRetrain } from "../../retrain/conclude.ts";
import { githubForRun } from "../../github/for-run.ts";
import { retrainConcludeStage, retrainDecideStage } from "../../stages/retrain.ts";
import { resolveTrainParams } from "../../train/train.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";
import { cliOptions, parseCliOptions } from "../stage-command.ts";

/** Continuous training from the command line: the retrain-decide and retrain-conclude stages, with the loop between. */

export const retrainCommand: CommandSpec = {
  name: "retrain",
  summary: "Decide whether to retrain (drift, age, new data), retrain, and promote only a better model",
  details:
    "`mlops retrain decide` only decides. `mlops retrain` decides, then trains, evaluates, gates against the champion\n" +
    "and concludes: a better model is published and promoted; a failure opens or updates one issue per model (when\n" +
    "GITHUB_TOKEN and GITHUB_REPOSITORY are set), closed by the next success. `mlops retrain conclude` runs the last step\n" +
    "on results already in the workspace (what actions/retrain does). Exit 1 when retraining failed or was blocked.",
  positionals: [{ name: "step", required: false, description: "decide or conclude (default: the whole loop)" }],
  options: cliOptions(retrainDecideStage.options),
  run: async (args, io) => {
    const [step] = args.positionals;
    if (step !== undefined && step !== "decide" && step !== "conclude") {
      throw new UsageError(`unknown retrain step "${step}"`, {
        hint: "use `mlops retrain`, `mlops retrain decide` or `mlops retrain conclude`",
      });
    }
    const decideOptions = await parseCliOptions(retrainDecideStage.options, args, io);
    const { githubToken } = await parseCliOptions(retrainConcludeStage.options, args, io);
    const context = await openProject(args, io);
    // The client first: a repository it cannot address fails the command before anything trains.
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
      text: sections.map((section) => renderText(section, args.text)).join("\n\n"),
    };
  },
};
