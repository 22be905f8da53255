import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CACHE_CHOICES,
  resolveTrainParams,
  runTrainStage
} from "./chunk-JVSKKL3U.js";
import {
  findLeg
} from "./chunk-CZTUXZTR.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  parseOverrides
} from "./chunk-IY6KPMTB.js";
import {
  choiceOption,
  flagOption,
  linesOption,
  textOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";

// src/stages/train.ts
var TrainOptions = object({
  set: linesOption({
    cli: {
      flag: "set",
      valueName: "name=value",
      description: "Override a param (repeatable), e.g. --set learning_rate=0.05"
    },
    action: { input: "set", description: "Param overrides, one name=value per line (like `mlops train --set`)." }
  }),
  leg: textOption({
    cli: { flag: "leg", valueName: "id", description: "Train this leg of train.matrix (see `mlops plan`)" },
    action: {
      input: "leg",
      description: "The sweep leg to train (train.matrix), e.g. the `leg` field of actions/plan's matrix, or actions/select's `leg` output."
    }
  }),
  force: flagOption({
    cli: { flag: "force", description: "Train even when the run cache has this run (and save the result again)" },
    action: {
      input: "force",
      description: "true to train even when the run cache holds this run (the new outputs are saved again)."
    }
  }),
  cache: choiceOption(CACHE_CHOICES, {
    cli: {
      flag: "cache",
      valueName: "backend",
      description: `Run cache backend for this run: ${CACHE_CHOICES.join(", ")} (default: train.cache)`
    },
    action: {
      input: "cache-backend",
      description: "Run cache backend for this step: auto, local, actions, s3 or off. Default: train.cache in mlops.yml."
    }
  })
});
var trainStage = defineStage({
  name: "train",
  options: TrainOptions,
  run: async (context, options) => {
    const leg = options.leg === void 0 ? null : findLeg(context.loaded.config, options.leg);
    return runTrainStage(context, {
      params: await resolveTrainParams(context.loaded, options.set, leg, context.logger),
      overrides: parseOverrides(options.set),
      leg,
      force: options.force,
      ...options.cache === void 0 ? {} : { cacheChoice: options.cache }
    });
  },
  command: {
    summary: "Run the training command with the resolved params, or reuse an identical earlier run from the run cache",
    details: "Params reach the command as $MLOPS_PARAMS_FILE (JSON) and MLOPS_PARAM_<NAME> variables.\nThe run cache key covers the command, params, train.inputs, the data, lockfiles, platform and runtimes;\na hit restores train.outputs byte for byte and skips the command."
  },
  action: {
    description: "Run the training command from mlops.yml with its params, or restore an identical earlier run from the run cache; record the run.",
    icon: "cpu",
    inputOrder: ["set", "leg", "cache", "force"],
    verdictOutput: "result",
    outputs: {
      result: {
        description: "ok, failed or skipped; error when the stage could not run.",
        value: ({ result }) => result.status
      },
      "cache-hit": {
        description: "true when the outputs were restored from the run cache and the command did not run.",
        value: ({ result }) => result.cache.status === "hit"
      },
      "cache-key": {
        description: "The run cache key (mlops-train-<model>-<sha256>); empty when the cache is off.",
        value: ({ result }) => result.cache.key ?? ""
      },
      "run-record": {
        description: "Path of the run record JSON (command, params, duration, exit code, peak memory, log tail, output hashes, cache status).",
        value: ({ resultFile }) => resultFile
      },
      duration: {
        description: "Seconds this step spent training (or restoring, on a cache hit).",
        value: ({ result }) => (result.durationMs / 1e3).toFixed(1)
      }
    },
    failureMessage: ({ result }) => result.failure ?? "training failed"
  }
});

export {
  TrainOptions,
  trainStage
};
