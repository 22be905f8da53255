import { compareRuns } from "../../compare/compare.ts";
import { revisionSource } from "../../compare/revision.ts";
import { workspaceSource } from "../../compare/sources.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import type { CommandSpec } from "../command.ts";
import { comparisonText, CSV_OPTION, withSourceDoor } from "./comparison-door.ts";

export const metricsCommand: CommandSpec = {
  name: "metrics",
  summary: "Compare the workspace's metrics with a git revision's (`metrics diff [rev]`, as DVC users know it)",
  details:
    "`metrics diff [rev]` (default HEAD): the revision's metrics are those of the registry version published from\n" +
    "that commit when there is one (with its params and, when both have predictions on the same rows, the paired\n" +
    "interval of each delta), else the metrics files (evaluate.metrics_file) as committed at that revision.\n" +
    "Deltas are the workspace minus the revision. Informational: it exits 0 whichever is better.",
  positionals: [
    { name: "action", required: true, description: "diff" },
    { name: "rev", required: false, description: "a git revision: a commit, branch or tag (default HEAD)" },
  ],
  options: { csv: CSV_OPTION },
  run: async (args, io) => {
    const [action, rev = "HEAD"] = args.positionals;
    if (action !== "diff")
      throw new UsageError(`unknown metrics action "${action ?? ""}"`, { hint: "use `mlops metrics diff [rev]`" });
    return withSourceDoor(args, io, async (door) => {
      // The workspace first: without a run there is nothing to diff, whatever the revision holds (it throws then).
      const workspace = await workspaceSource(door.context);
      const revision = await revisionSource(rev, door);
      const comparison = await compareRuns([revision, workspace], door.context.loaded.config);
      return {
        exitCode: ExitCode.ok,
        result: { ...comparison, command: "metrics diff", revision: revision.commit },
        text: comparisonText(comparison, args, "Metrics diff"),
      };
    });
  },
};
