import path from "node:path";
import { runSelectStage } from "../../pipeline/sweep-stages.ts";
import type { CommandSpec } from "../command.ts";
import { openProject, stageOutcome } from "../project.ts";

export const selectCommand: CommandSpec = {
  name: "select",
  summary: "Pick the best sweep leg by the gate's primary metric and print the sweep as a table",
  details:
    "Reads each leg's train.json and evaluate.json from --results (default: <workspace>/sweep, where\n" +
    "`mlops sweep` leaves them; on GitHub, the folder the legs' artifacts were downloaded to).\n" +
    "Ties go to the earlier leg. Exit 1 when no leg produced the metric.",
  options: {
    results: { type: "string", valueName: "dir", description: "Folder holding the legs' results" },
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const results = typeof args.values.results === "string" ? path.resolve(io.cwd, args.values.results) : undefined;
    return stageOutcome(await runSelectStage(context, results === undefined ? {} : { resultsDir: results }));
  },
};
