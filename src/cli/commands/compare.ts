import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { compareRuns } from "../../compare/compare.ts";
import { comparisonCsv, comparisonSection } from "../../compare/render.ts";
import { resolveSources } from "../../compare/sources.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import { openRegistry } from "../../registry/open.ts";
import type { Registry } from "../../registry/registry.ts";
import { renderText } from "../../report/sections.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

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
  options: {
    csv: { type: "boolean", description: "Print CSV (one row per run and metric or param) instead of tables" },
  },
  run: async (args, io) => {
    if (args.values.csv === true && args.json) throw new UsageError("--csv and --json cannot go together");
    const context = await openProject(args, io);
    const scratch = await mkdtemp(path.join(tmpdir(), "mlops-compare-"));
    let registry: Promise<Registry> | undefined;
    try {
      const sources = await resolveSources(args.positionals, {
        context,
        registry: () => (registry ??= openRegistry(context)),
        scratch,
      });
      if (sources.length < 2) {
        throw new UsageError("compare needs at least two runs", {
          hint: "e.g. `mlops compare champion workspace`, or `mlops compare legs` after a sweep",
        });
      }
      const comparison = await compareRuns(sources, context.loaded.config);
      const text =
        args.values.csv === true ? comparisonCsv(comparison) : renderText(comparisonSection(comparison), args.text);
      return { exitCode: ExitCode.ok, result: comparison, text };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
