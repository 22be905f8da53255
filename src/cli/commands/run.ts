import path from "node:path";
import { ExitCode, UsageError } from "../../errors.ts";
import type { RunnerEnvironment } from "../../context/runner.ts";
import { registryScheme } from "../../registry/backends/index.ts";
import { runPipeline } from "../../pipeline/stages.ts";
import { renderHeadline, renderText } from "../../report/sections.ts";
import type { CommandSpec } from "../command.ts";
import { openProject } from "../project.ts";
import { PublishOptions } from "../../stages/publish.ts";
import { TrainOptions } from "../../stages/train.ts";
import { cliOptions, parseCliOptions } from "../stage-command.ts";
import * as z from "../../zod.ts";

/** The run cache flags, parsed as `mlops train` parses them. */
const RunCacheOptions = z.pick(TrainOptions, { force: true, cache: true });

export const runCommand: CommandSpec = {
  name: "run",
  summary: "Run every stage in order: validate, train, evaluate, gate, publish",
  details:
    "Stops at the first stage that fails (data, training, evaluation). A failed gate still publishes the version\n" +
    "(recorded with its verdict) but does not promote it. Use --no-publish for a pull-request style run.\n" +
    "A github:// registry is shared with the team: outside a workflow, run publishes to it only with --publish.\n" +
    "Prints one line per stage and the gate in full; --verbose prints every stage in full.",
  options: {
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param (repeatable)" },
    publish: { type: "boolean", description: "Publish to a github:// registry from outside a workflow too" },
    "no-publish": { type: "boolean", description: "Stop after the gate" },
    ...cliOptions(PublishOptions),
    ...cliOptions(RunCacheOptions),
  },
  run: async (args, io) => {
    const { allowDirty } = await parseCliOptions(PublishOptions, args, io);
    const { force, cache } = await parseCliOptions(RunCacheOptions, args, io);
    if (args.values.publish === true && args.values["no-publish"] === true)
      throw new UsageError("pass --publish or --no-publish, not both");
    const context = await openProject(args, io);
    const overrides = (args.values.set as string[] | undefined) ?? [];
    const notPublished =
      args.values.publish === true || args.values["no-publish"] === true
        ? null
        : sharedRegistryOutsideWorkflow(context.loaded.config.registry.uri, context.runner);
    const pipeline = await runPipeline(context, {
      overrides,
      publish: args.values["no-publish"] !== true && notPublished === null,
      allowDirty,
      force,
      ...(cache === undefined ? {} : { cacheChoice: cache }),
    });
    const verdict =
      pipeline.stoppedAt !== null
        ? `Stopped at ${pipeline.stoppedAt}.`
        : pipeline.exitCode === ExitCode.ok
          ? "All stages passed."
          : "The gate failed.";
    const htmlReports = pipeline.stages.flatMap((stage) => (stage.html ? [stage.html] : []));
    // An overview: a headline per stage that went well, in full the gate (its diff table is the point) and any stage
    // that stopped the run; --verbose prints every stage in full.
    const text = [
      ...pipeline.stages.map((stage) =>
        args.verbose || stage.result.stage === "gate" || stage.exitCode !== ExitCode.ok
          ? renderText(stage.section, args.text)
          : renderHeadline(stage.section),
      ),
      verdict,
      ...(notPublished !== null && pipeline.stoppedAt === null ? [notPublished] : []),
      ...htmlReports.map((file) => `The run's HTML report: ${path.relative(io.cwd, file) || file}`),
    ].join("\n\n");
    return {
      exitCode: pipeline.exitCode,
      result: { ...pipeline, stages: pipeline.stages.map((stage) => stage.result), notPublished },
      text,
    };
  },
};

/**
 * Why a run does not publish unasked: a github:// registry is the team's, read by every pull request's gate, so a
 * laptop's run publishes to it only when told (--publish). In a workflow, and for a folder or a bucket, it publishes.
 */
function sharedRegistryOutsideWorkflow(uri: string | undefined, runner: RunnerEnvironment): string | null {
  if (runner.inActions || registryScheme(uri) !== "github") return null;
  return `Not published: ${uri} is the team's registry and this run is outside a workflow; pass --publish to publish from here.`;
}
