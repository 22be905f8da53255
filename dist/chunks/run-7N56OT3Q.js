import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  cliOptions,
  parseCliOptions
} from "./chunk-ZRU6DXCT.js";
import {
  openProject
} from "./chunk-CSXX26RX.js";
import {
  TrainOptions
} from "./chunk-IQJ2OJJ2.js";
import {
  PublishOptions
} from "./chunk-ULKP2SKT.js";
import "./chunk-STGVFYYW.js";
import {
  runPipeline
} from "./chunk-6AH6QH2C.js";
import "./chunk-CKB3RMBO.js";
import "./chunk-DEDNORQK.js";
import "./chunk-IQ22BR3C.js";
import "./chunk-4C2OY57I.js";
import "./chunk-AVFIZRT7.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-YK36XQET.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-QB3VBLED.js";
import "./chunk-CXPI6C2V.js";
import "./chunk-IBAZGBED.js";
import "./chunk-SQ26S2CH.js";
import "./chunk-5KDZFAZ5.js";
import "./chunk-AV2R5YVD.js";
import "./chunk-5PEOAABG.js";
import "./chunk-LOXZ63ZR.js";
import "./chunk-HUH5TK2R.js";
import {
  renderHeadline,
  renderText
} from "./chunk-VHM7AP6H.js";
import "./chunk-T5BSSAHX.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-4CM3JFR7.js";
import "./chunk-H6UPHFKP.js";
import {
  ExitCode
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/run.ts
var RunCacheOptions = TrainOptions.pick({ force: true, cache: true });
var runCommand = {
  name: "run",
  summary: "Run every stage in order: validate, train, evaluate, gate, publish",
  details: "Stops at the first stage that fails (data, training, evaluation). A failed gate still publishes the version\n(recorded with its verdict) but does not promote it. Use --no-publish for a pull-request style run.\nPrints one line per stage and the gate in full; --verbose prints every stage in full.",
  options: {
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param (repeatable)" },
    "no-publish": { type: "boolean", description: "Stop after the gate" },
    ...cliOptions(PublishOptions),
    ...cliOptions(RunCacheOptions)
  },
  run: async (args, io) => {
    const { allowDirty } = await parseCliOptions(PublishOptions, args, io);
    const { force, cache } = await parseCliOptions(RunCacheOptions, args, io);
    const context = await openProject(args, io);
    const overrides = args.values.set ?? [];
    const pipeline = await runPipeline(context, {
      overrides,
      publish: args.values["no-publish"] !== true,
      allowDirty,
      force,
      ...cache === void 0 ? {} : { cacheChoice: cache }
    });
    const verdict = pipeline.stoppedAt !== null ? `Stopped at ${pipeline.stoppedAt}.` : pipeline.exitCode === ExitCode.ok ? "All stages passed." : "The gate failed.";
    const text = [
      ...pipeline.stages.map(
        (stage) => args.verbose || stage.result.stage === "gate" || stage.exitCode !== ExitCode.ok ? renderText(stage.section) : renderHeadline(stage.section)
      ),
      verdict
    ].join("\n\n");
    return {
      exitCode: pipeline.exitCode,
      result: { ...pipeline, stages: pipeline.stages.map((stage) => stage.result) },
      text
    };
  }
};
export {
  runCommand
};
