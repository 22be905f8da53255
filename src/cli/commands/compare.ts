import { compareRuns } from "../../compare/compare.ts";
import { resolveSources } from "../../compare/sources.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import type { CommandSpec } from "../command.ts";
import { comparisonText, CSV_OPTION, withSourceDoor } from "./comparison-door.ts";

export const compareCommand: CommandSpec = {
  name: "compare",
  summary: "Compare runs side by side: registry versions, sweep legs and the workspace's run, with paired intervals",
  details:
    "A <run> is `workspace` (the current run), `leg:<id>` (a leg of the last `mlops sweep`; `legs` is every leg),\n" +
    "`<model>@<ref>` (a registry version: an alias such as champion, a version id, or a number such as v7), or a bare\n" +
    "<ref> of mlops.yml's model. The first run is the reference: every other run's metrics get a delta against it\n" +
    "and, when both have predictions on the same rows, the paired bootstrap interval of the delta, as the gate\n" +
    "computes it. Informational: it exits 0 whichever run is better.",
  positionals: [
    { name: "a", required: true, description: "the reference run" },
    { name: "b", required: false, description: "the runs to compare with it", variadic: true },
  ],
  options: { csv: CSV_OPTION },
  run: (args, io) =>
    withSourceDoor(args, io, async (door) => {
      const sources = await resolveSources(args.positionals, door);
      if (sources.length < 2) {
        throw new UsageError("compare needs at least two runs", {
          hint: "e.g. `mlops compare champion workspace`, or `mlops compare legs` after a sweep",
        });
      }
      const comparison = await compareRuns(sources, door.context.loaded.config);
      return { exitCode: ExitCode.ok, result: comparison, text: comparisonText(comparison, args) };
    }),
};
