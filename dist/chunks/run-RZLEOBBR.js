import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-OTP7CWXP.js";
import {
  openProject
} from "./chunk-UHOCCZXB.js";
import {
  TrainOptions
} from "./chunk-3MIGQCZU.js";
import {
  PublishOptions
} from "./chunk-MFYMTS3N.js";
import "./chunk-STGVFYYW.js";
import {
  runPipeline
} from "./chunk-IQ2TRDZO.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-WI6PHDQ2.js";
import "./chunk-ZW72LFFF.js";
import "./chunk-5ZSS5N4W.js";
import "./chunk-Q2UDEBW6.js";
import "./chunk-GTGMXKXZ.js";
import "./chunk-ZFWOX7ET.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-S4673Z2K.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-Z6UVMVVW.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-YGUH5UYY.js";
import "./chunk-4F7JFGEA.js";
import "./chunk-BCJVN7WI.js";
import {
  registryScheme
} from "./chunk-YAAMRAA5.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-ZPCS6KAC.js";
import "./chunk-IVUJGG4J.js";
import "./chunk-EZK6EJQS.js";
import "./chunk-QKLWXX4C.js";
import "./chunk-5D2KL2UV.js";
import "./chunk-IRPQCUXK.js";
import "./chunk-M5RMI2LT.js";
import "./chunk-5PEOAABG.js";
import "./chunk-HGWZYJ7P.js";
import "./chunk-SR67EPJB.js";
import {
  renderHeadline,
  renderText
} from "./chunk-2FCG3MIX.js";
import "./chunk-2E2J3IB3.js";
import "./chunk-G5WNRN53.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-3TO6B3UH.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
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
