import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  workersOf
} from "./chunk-NR5YT5SO.js";
import {
  openProject,
  stageOutcome
} from "./chunk-7EEWXJSF.js";
import {
  CACHE_CHOICES,
  parseCacheChoice,
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runPublishStage,
  runTrainStage,
  runValidateStage
} from "./chunk-WLMFWUHR.js";
import {
  glob
} from "./chunk-AOOPNKUY.js";
import {
  findLeg
} from "./chunk-TFWDSRPY.js";
import {
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/cli/commands/stages.ts
var validateCommand = {
  name: "validate",
  summary: "Check the data against data.schema, profile it, and measure drift against data.drift.reference",
  details: "Exit 1 when a rule with severity `error` is broken; 2 when the data cannot be read.\nWith --profiles, merges shard profiles (from `mlops profile --shard`) instead of reading data.train.",
  options: {
    profiles: {
      type: "string",
      multiple: true,
      valueName: "glob",
      description: "Shard profiles to merge instead of reading data.train (repeatable)"
    },
    workers: { type: "string", valueName: "n", description: "Threads to read with (default: every core)" }
  },
  run: async (args, io) => {
    const patterns = args.values.profiles ?? [];
    const profiles = (await Promise.all(patterns.map((p) => glob(p, { cwd: io.cwd, absolute: true, expandDirectories: false })))).flat().sort();
    if (patterns.length > 0 && profiles.length === 0)
      throw new UsageError(`no profile matches ${patterns.join(", ")}`, {
        hint: "write them with mlops profile --shard"
      });
    const context = await openProject(args, io);
    return stageOutcome(await runValidateStage(context, { profiles, ...workersOf(args.values.workers) }));
  }
};
var RUN_CACHE_OPTIONS = {
  force: { type: "boolean", description: "Train even when the run cache has this run (and save the result again)" },
  cache: {
    type: "string",
    valueName: "backend",
    description: `Run cache backend for this run: ${CACHE_CHOICES.join(", ")} (default: train.cache)`
  }
};
function runCacheChoices(values) {
  const cacheChoice = typeof values.cache === "string" ? parseCacheChoice(values.cache, "--cache") : void 0;
  return { force: values.force === true, ...cacheChoice === void 0 ? {} : { cacheChoice } };
}
var trainCommand = {
  name: "train",
  summary: "Run the training command with the resolved params, or reuse an identical earlier run from the run cache",
  details: "Params reach the command as $MLOPS_PARAMS_FILE (JSON) and MLOPS_PARAM_<NAME> variables.\nThe run cache key covers the command, params, train.inputs, the data, lockfiles, platform and runtimes;\na hit restores train.outputs byte for byte and skips the command.",
  options: {
    set: {
      type: "string",
      multiple: true,
      valueName: "name=value",
      description: "Override a param (repeatable), e.g. --set learning_rate=0.05"
    },
    leg: { type: "string", valueName: "id", description: "Train this leg of train.matrix (see `mlops plan`)" },
    ...RUN_CACHE_OPTIONS
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const leg = typeof args.values.leg === "string" ? findLeg(context.loaded.config, args.values.leg) : null;
    const params = await resolveTrainParams(context.loaded, args.values.set ?? [], leg);
    return stageOutcome(
      await runTrainStage(context, {
        params,
        leg,
        ...runCacheChoices(args.values)
      })
    );
  }
};
var evaluateCommand = {
  name: "evaluate",
  summary: "Run the evaluation command and compute metrics from predictions and metrics files",
  run: async (args, io) => stageOutcome(await runEvaluateStage(await openProject(args, io)))
};
var gateCommand = {
  name: "gate",
  summary: "Compare the evaluated metrics with the baseline (the registry's champion) under gate.rules",
  details: "Exit 1 when a rule fails; 2 when the gate cannot be evaluated (missing metric, unreadable baseline).",
  run: async (args, io) => stageOutcome(await runGateStage(await openProject(args, io)))
};
var ALLOW_DIRTY_OPTION = {
  type: "boolean",
  description: "Promote even a model built from uncommitted changes (the alias history says so)"
};
var publishCommand = {
  name: "publish",
  summary: "Store the model as a new registry version; promote it when its gate passed",
  details: "Refuses (exit 2) results that belong to another run: an evaluation of an older train run, a gate verdict of\nan older evaluation, a model changed since. A model built from uncommitted changes is published (recorded as\nsuch) but promoted only with --allow-dirty.",
  options: { "allow-dirty": ALLOW_DIRTY_OPTION },
  run: async (args, io) => stageOutcome(
    await runPublishStage(await openProject(args, io), { allowDirty: args.values["allow-dirty"] === true })
  )
};

export {
  validateCommand,
  RUN_CACHE_OPTIONS,
  runCacheChoices,
  trainCommand,
  evaluateCommand,
  gateCommand,
  ALLOW_DIRTY_OPTION,
  publishCommand
};
