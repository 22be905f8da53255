import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { compareRuns } from "../../compare/compare.ts";
import { comparisonCsv, comparisonSection } from "../../compare/render.ts";
import { revisionSource } from "../../compare/revision.ts";
import { resolveSources, WORKSPACE_REF } from "../../compare/sources.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import { openRegistry } from "../../registry/open.ts";
import type { Registry } from "../../registry/registry.ts";
import { renderText } from "../../report/sections.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";

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
  options: {
    csv: { type: "boolean", description: "Print CSV (one row per run and metric or param) instead of tables" },
  },
  run: async (args, io) => {
    const [action, rev = "HEAD"] = args.positionals;
    if (action !== "diff")
      throw new UsageError(`unknown metrics action "${action ?? ""}"`, { hint: "use `mlops metrics diff [rev]`" });
    if (args.values.csv === true && args.json) throw new UsageError("--csv and --json cannot go together");
    const context = await openProject(args, io);
    const scratch = await mkdtemp(path.join(tmpdir(), "mlops-metrics-diff-"));
    let registry: Promise<Registry> | undefined;
    try {
      const door = { context, registry: () => (registry ??= openRegistry(context)), scratch };
      // The workspace first: without a run there is nothing to diff, whatever the revision holds.
      const [workspace] = await resolveSources([WORKSPACE_REF], door);
      const revision = await revisionSource(rev, door);
      const comparison = await compareRuns(workspace ? [revision, workspace] : [revision], context.loaded.config);
      const text =
        args.values.csv === true
          ? comparisonCsv(comparison)
          : renderText(comparisonSection(comparison, "Metrics diff"), args.text);
      return {
        exitCode: ExitCode.ok,
        result: { ...comparison, command: "metrics diff", revision: revision.commit },
        text,
      };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
