import { UsageError } from "../../errors.ts";
import { deployStage } from "../../stages/deploy.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";
import { cliOptions, parseCliOptions } from "../stage-command.ts";

/** `mlops deploy <target>`: the deploy stage (actions/deploy runs the same). */

export const deployCommand: CommandSpec = {
  name: "deploy",
  summary: "Deploy a version to a target (deploy.targets): run its deploy command, then move its alias",
  details:
    "Pulls and verifies the version, runs the target's command with MLOPS_MODEL, MLOPS_VERSION, MLOPS_ALIAS,\n" +
    "MLOPS_TARGET, MLOPS_ENVIRONMENT, MLOPS_MODEL_DIR and MLOPS_MANIFEST, and moves the target's alias only when it\n" +
    "succeeded, recording who approved it. In GitHub Actions (GITHUB_TOKEN set) it also records a GitHub deployment\n" +
    "with its statuses and checks the run's approval for the target's Environment. Exit 1 when the command failed.",
  positionals: [{ name: "target", required: true, description: "the target's name, or the alias it serves" }],
  options: cliOptions(deployStage.options),
  run: async (args, io) => {
    const [target] = args.positionals;
    if (!target) throw new UsageError("deploy needs a target", { hint: "mlops deploy <target> --version <version>" });
    const options = await parseCliOptions(deployStage.options, args, io);
    const context = await openProject(args, io);
    return stageOutcome(await deployStage.run(context, { ...options, target }), args.text);
  },
};
