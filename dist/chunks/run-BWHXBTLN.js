import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  RUN_CACHE_OPTIONS,
  runCacheChoices
} from "./chunk-3BB34ZZ4.js";
import "./chunk-GISDNMNY.js";
import {
  openProject
} from "./chunk-KECVUD6L.js";
import {
  runPipeline
} from "./chunk-UJ7QNZKI.js";
import "./chunk-THUPLUY7.js";
import "./chunk-YCG64R6H.js";
import "./chunk-ERO4MCOP.js";
import "./chunk-4F2BXEAP.js";
import "./chunk-N26MFBKU.js";
import "./chunk-Z3CAJF4B.js";
import "./chunk-UFJC2KPC.js";
import "./chunk-IFCYOS42.js";
import {
  renderHeadline,
  renderText
} from "./chunk-LRSAP6TR.js";
import "./chunk-KDNJFZE6.js";
import "./chunk-KIYRFXDI.js";
import "./chunk-OUO73NAH.js";
import "./chunk-XEH6HUDK.js";
import "./chunk-XF3Z56KS.js";
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
    ...RUN_CACHE_OPTIONS
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const overrides = args.values.set ?? [];
    const pipeline = await runPipeline(context, {
      overrides,
      publish: args.values["no-publish"] !== true,
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
