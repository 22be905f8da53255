import { ExitCode, UsageError } from "../../errors.ts";
import { requirePredict } from "../../predict/require.ts";
import { scoringHistorySection } from "../../predict/section.ts";
import { openRegistry } from "../../registry/open.ts";
import { renderText } from "../../report/sections.ts";
import { predictStage } from "../../stages/predict.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";
import { cliOptions, parseCliOptions } from "../stage-command.ts";

/** `mlops predict`: batch scoring (actions/predict runs the same); `mlops predict history`: the scoring records. */

export const predictCommand: CommandSpec = {
  name: "predict",
  summary: "Score predict.input with the version predict.alias points at; `predict history` lists what scored what",
  details:
    "Pulls and verifies the version, checks the input against data.schema's feature rules, runs predict.command on\n" +
    "each input file (MLOPS_INPUT, MLOPS_OUTPUT, MLOPS_MODEL_DIR ...), uploads each file's predictions as one part of\n" +
    "the result at predict.output/predict.layout, marks it complete (_SUCCESS) and records it in the registry.\n" +
    "The same version on the same input is not scored twice (--force scores again); a rerun keeps finished parts.\n" +
    "Exit 1 when the input broke a rule, the command failed or wrote the wrong rows, or a part is missing.\n" +
    "A matrix (mlops-predict.yml): --plan once (it prints the version), --shard i/n in each leg with that --version,\n" +
    "then one job with --finish and the same --version.\n" +
    "`mlops predict history` lists the registry's scoring records (which version scored which input, where to).",
  positionals: [{ name: "view", required: false, description: "history: list the scoring records" }],
  options: cliOptions(predictStage.options),
  run: async (args, io) => {
    const [view] = args.positionals;
    if (view !== undefined && view !== "history") {
      throw new UsageError(`unknown predict view "${view}"`, {
        hint: "use `mlops predict` or `mlops predict history`",
      });
    }
    const options = await parseCliOptions(predictStage.options, args, io);
    const context = await openProject(args, io);
    if (view !== "history") return stageOutcome(await predictStage.run(context, options), args.text);
    const { config } = context.loaded;
    requirePredict(config);
    const registry = await openRegistry(context);
    const records = await registry.scoringLog(config.model.name);
    return {
      exitCode: ExitCode.ok,
      result: { model: config.model.name, registry: registry.location, records },
      text: renderText(scoringHistorySection(config.model.name, records), args.text),
    };
  },
};
