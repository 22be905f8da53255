import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-XVFAPK37.js";
import {
  openProject
} from "./chunk-KATF5WDH.js";
import "./chunk-EEV3A2B6.js";
import {
  TrainOptions
} from "./chunk-ALBV3GEQ.js";
import {
  PublishOptions
} from "./chunk-PASYHNV3.js";
import {
  runPipeline
} from "./chunk-JVSKKL3U.js";
import "./chunk-WXVUEIVD.js";
import "./chunk-5I3LMDH3.js";
import "./chunk-IKP5MKZU.js";
import "./chunk-QJXKZEE6.js";
import "./chunk-XCPY3VZS.js";
import "./chunk-MCQ3S4MW.js";
import "./chunk-CY6NSRLG.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-OBRNAMFT.js";
import "./chunk-CZTUXZTR.js";
import "./chunk-SNPX46U6.js";
import "./chunk-STGVFYYW.js";
import "./chunk-D4GGIWCT.js";
import "./chunk-VZY6JDFA.js";
import "./chunk-G6IL24PE.js";
import "./chunk-SLSOLTLA.js";
import "./chunk-IY6KPMTB.js";
import "./chunk-VAXOH5AZ.js";
import "./chunk-ZZCSUO3L.js";
import "./chunk-5S2V7SVG.js";
import "./chunk-QFBHIOL6.js";
import "./chunk-LFNSLPCM.js";
import "./chunk-LGIA7PQF.js";
import "./chunk-533AISZH.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-PMBSX2RF.js";
import "./chunk-U3OKT6DL.js";
import "./chunk-BUY5QZDY.js";
import "./chunk-X2I57EAR.js";
import "./chunk-N6JR4UVL.js";
import "./chunk-3EFEPTIF.js";
import "./chunk-Z7WWPMG5.js";
import "./chunk-VU4CPE2P.js";
import "./chunk-CQ3WEECP.js";
import "./chunk-HHR3RJXW.js";
import "./chunk-GPXSHNAX.js";
import {
  registryScheme
} from "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-MFDUBFJ5.js";
import "./chunk-QLLY57GB.js";
import "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-I7YBYH2J.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-5PEOAABG.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-EYNKBRNV.js";
import "./chunk-XJ2QCSOL.js";
import {
  renderHeadline,
  renderText
} from "./chunk-OSH67I4H.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-SUPM4SWD.js";
import {
  pick
} from "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
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
var RunCacheOptions = pick(TrainOptions, { force: true, cache: true });
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
