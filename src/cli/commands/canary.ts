import { canaryStage } from "../../stages/canary.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";
import { cliOptions, parseCliOptions } from "../stage-command.ts";

/** `mlops canary`: the canary stage (actions/canary runs the same). */

export const canaryCommand: CommandSpec = {
  name: "canary",
  summary: "Judge the canary after its bake (deploy.canary): promote it, or roll it back",
  details:
    "Deploy the candidate first: mlops deploy <canary target> --version <version>. After deploy.canary.bake,\n" +
    "`mlops canary` judges it by deploy.canary.rules; a failure (or no figures at all) rolls the canary back to the\n" +
    "version before and exits 1; --promote deploys a passing canary to deploy.canary.promote_to.",
  positionals: [],
  options: cliOptions(canaryStage.options),
  run: async (args, io) => {
    const options = await parseCliOptions(canaryStage.options, args, io);
    const context = await openProject(args, io);
    return stageOutcome(await canaryStage.run(context, options), args.text);
  },
};
