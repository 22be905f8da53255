import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  ALLOW_DIRTY_OPTION,
  RUN_CACHE_OPTIONS,
  runCacheChoices
} from "./chunk-WNHWN3VN.js";
import "./chunk-NR5YT5SO.js";
import {
  openProject
} from "./chunk-7EEWXJSF.js";
import {
  runPipeline
} from "./chunk-WLMFWUHR.js";
import "./chunk-THUPLUY7.js";
import "./chunk-VLN4SQWY.js";
import "./chunk-HLKXQ7X2.js";
import "./chunk-EOYDCAJC.js";
import "./chunk-TLX656CK.js";
import "./chunk-NNNSQAJN.js";
import "./chunk-EU447EYR.js";
import "./chunk-AOOPNKUY.js";
import {
  renderHeadline,
  renderText
} from "./chunk-VRNFBWJ4.js";
import "./chunk-TFWDSRPY.js";
import "./chunk-MUNXKJR2.js";
import "./chunk-OUO73NAH.js";
import "./chunk-WEGPIWUD.js";
import "./chunk-XDWG76T6.js";
import "./chunk-657YCYD7.js";
import "./chunk-H6UPHFKP.js";
import {
  ExitCode
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/run.ts
var runCommand = {
  name: "run",
  summary: "Run every stage in order: validate, train, evaluate, gate, publish",
  details: "Stops at the first stage that fails (data, training, evaluation). A failed gate still publishes the version\n(recorded with its verdict) but does not promote it. Use --no-publish for a pull-request style run.\nPrints one line per stage and the gate in full; --verbose prints every stage in full.",
  options: {
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param (repeatable)" },
    "no-publish": { type: "boolean", description: "Stop after the gate" },
    "allow-dirty": ALLOW_DIRTY_OPTION,
    ...RUN_CACHE_OPTIONS
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const overrides = args.values.set ?? [];
    const pipeline = await runPipeline(context, {
      overrides,
      publish: args.values["no-publish"] !== true,
      allowDirty: args.values["allow-dirty"] === true,
      ...runCacheChoices(args.values)
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
