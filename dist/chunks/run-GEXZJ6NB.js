import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-PEF23NMX.js";
import {
  PublishOptions
} from "./chunk-UE6RV6PF.js";
import {
  openProject
} from "./chunk-DX46VYVK.js";
import {
  TrainOptions
} from "./chunk-PB4NFTLO.js";
import "./chunk-STGVFYYW.js";
import {
  runPipeline
} from "./chunk-LCF4KHGW.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-HU44FS6O.js";
import "./chunk-ORZCP3P7.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-MKYPGRGL.js";
import "./chunk-662KQWOY.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-YAFPWT32.js";
import "./chunk-DVJC4BAJ.js";
import "./chunk-M55T6J7Q.js";
import "./chunk-PITFFGBR.js";
import {
  registryScheme
} from "./chunk-LNMAVXP6.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-XZ24LNF3.js";
import "./chunk-GO6SIHAX.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-PJQSHXAG.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-AIXR5GSA.js";
import "./chunk-2ET27MDC.js";
import "./chunk-TWCTD6BE.js";
import "./chunk-M3RV46UZ.js";
import "./chunk-5PEOAABG.js";
import "./chunk-BU477L3W.js";
import "./chunk-UFBCENFA.js";
import {
  renderHeadline,
  renderText
} from "./chunk-NFXRFKJG.js";
import "./chunk-HG6HQFAC.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/run.ts
import path from "node:path";
var RunCacheOptions = TrainOptions.pick({ force: true, cache: true });
var runCommand = {
  name: "run",
  summary: "Run every stage in order: validate, train, evaluate, gate, publish",
  details: "Stops at the first stage that fails (data, training, evaluation). A failed gate still publishes the version\n(recorded with its verdict) but does not promote it. Use --no-publish for a pull-request style run.\nA github:// registry is shared with the team: outside a workflow, run publishes to it only with --publish.\nPrints one line per stage and the gate in full; --verbose prints every stage in full.",
  options: {
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param (repeatable)" },
    publish: { type: "boolean", description: "Publish to a github:// registry from outside a workflow too" },
    "no-publish": { type: "boolean", description: "Stop after the gate" },
    ...cliOptions(PublishOptions),
    ...cliOptions(RunCacheOptions)
  },
  run: async (args, io) => {
    const { allowDirty } = await parseCliOptions(PublishOptions, args, io);
    const { force, cache } = await parseCliOptions(RunCacheOptions, args, io);
    if (args.values.publish === true && args.values["no-publish"] === true)
      throw new UsageError("pass --publish or --no-publish, not both");
    const context = await openProject(args, io);
    const overrides = args.values.set ?? [];
    const notPublished = args.values.publish === true || args.values["no-publish"] === true ? null : sharedRegistryOutsideWorkflow(context.loaded.config.registry.uri, context.runner);
    const pipeline = await runPipeline(context, {
      overrides,
      publish: args.values["no-publish"] !== true && notPublished === null,
      allowDirty,
      force,
      ...cache === void 0 ? {} : { cacheChoice: cache }
    });
    const verdict = pipeline.stoppedAt !== null ? `Stopped at ${pipeline.stoppedAt}.` : pipeline.exitCode === ExitCode.ok ? "All stages passed." : "The gate failed.";
    const htmlReports = pipeline.stages.flatMap((stage) => stage.html ? [stage.html] : []);
    const text = [
      ...pipeline.stages.map(
        (stage) => args.verbose || stage.result.stage === "gate" || stage.exitCode !== ExitCode.ok ? renderText(stage.section, args.text) : renderHeadline(stage.section)
      ),
      verdict,
      ...notPublished !== null && pipeline.stoppedAt === null ? [notPublished] : [],
      ...htmlReports.map((file) => `The run's HTML report: ${path.relative(io.cwd, file) || file}`)
    ].join("\n\n");
    return {
      exitCode: pipeline.exitCode,
      result: { ...pipeline, stages: pipeline.stages.map((stage) => stage.result), notPublished },
      text
    };
  }
};
function sharedRegistryOutsideWorkflow(uri, runner) {
  if (runner.inActions || registryScheme(uri) !== "github") return null;
  return `Not published: ${uri} is the team's registry and this run is outside a workflow; pass --publish to publish from here.`;
}
export {
  runCommand
};
