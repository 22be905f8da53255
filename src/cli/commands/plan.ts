import { runPlanStage } from "../../pipeline/sweep-stages.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";

export const planCommand: CommandSpec = {
  name: "plan",
  summary: "List the legs of the train.matrix sweep and print the GitHub strategy.matrix JSON for them",
  details:
    "With --json, stdout holds { legs, runsOn, matrix }; `matrix` is the value for\n" +
    "`strategy: { matrix: ${{ fromJSON(...) }} }` (actions/plan sets it as its `matrix` output).",
  run: async (args, io) => {
    const run = await runPlanStage(await openProject(args, io));
    const outcome = stageOutcome(run);
    return { ...outcome, text: `${outcome.text}\n\nstrategy.matrix: ${JSON.stringify(run.result.matrix)}` };
  },
};
