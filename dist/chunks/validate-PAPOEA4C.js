import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import "./chunk-QD46VIFS.js";
import {
  countOption,
  globsOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/stages/validate.ts
import path from "node:path";
var ValidateOptions = object({
  profiles: globsOption({
    cli: {
      flag: "profiles",
      valueName: "glob",
      description: "Shard profiles to merge instead of reading data.train (repeatable)"
    },
    action: {
      input: "profiles",
      description: "Shard profiles (from `mlops profile --shard i/n`) to merge instead of reading data.train; globs, one per line, relative to the folder of mlops.yml.",
      relativeTo: "config"
    },
    noun: "profile",
    noMatchHint: {
      cli: "write them with mlops profile --shard",
      action: "download the matrix legs' profile artifacts first"
    }
  }),
  workers: countOption({
    cli: { flag: "workers", valueName: "n", description: "Threads to read with (default: every core)" },
    action: { input: "workers", description: "Threads to read the data with. Default every core." }
  }),
  /** Drift against the champion reads its profile from the registry. */
  registryToken: registryTokenOption("read")
});
var validateStage = defineStage({
  name: "validate",
  options: ValidateOptions,
  run: async (context, { profiles, workers, registryToken }) => (await import("./stages-2FGYPR5Q.js")).runValidateStage(withRegistryToken(context, registryToken), {
    profiles,
    ...workers === void 0 ? {} : { workers }
  }),
  command: {
    summary: "Check the data against data.schema, profile it, and measure drift against data.drift.reference",
    details: "Exit 1 when a rule with severity `error` is broken; 2 when the data cannot be read.\nWith --profiles, merges shard profiles (from `mlops profile --shard`) instead of reading data.train."
  },
  action: {
    description: "Check the training and evaluation data against data.schema in mlops.yml, profile it, and measure drift; fail on broken rules.",
    icon: "check-square",
    verdictOutput: "verdict",
    outputs: {
      verdict: {
        description: "pass, fail or skipped; error when the stage could not run.",
        value: ({ result }) => result.verdict
      },
      errors: { description: "Number of broken rules with severity error.", value: ({ result }) => result.errors },
      warnings: { description: "Number of broken rules with severity warn.", value: ({ result }) => result.warnings },
      profile: {
        description: "Path of the training data's profile JSON (publish stores it with the model as the next drift reference).",
        value: ({ result }) => result.profile ? path.resolve(result.profile) : ""
      },
      drift: {
        description: "true when the share of drifted columns of the training data (against data.drift.reference) reached data.drift.max_drifted_share, false when not; empty when drift was not measured.",
        value: ({ result }) => result.drift === null ? "" : String(result.drift.datasetDrift)
      },
      "eval-drift": {
        description: "The same for the evaluation data against data.drift.reference; empty when not measured.",
        value: ({ result }) => result.evalDrift === null ? "" : String(result.evalDrift.datasetDrift)
      },
      skew: {
        description: "The same for the evaluation data against the training data (train-vs-eval skew); empty when not measured.",
        value: ({ result }) => result.skew === null ? "" : String(result.skew.datasetDrift)
      }
    },
    failureMessage: ({ result }) => `data validation failed: ${result.errors} error(s); see the annotations and the job summary`
  }
});
export {
  ValidateOptions,
  validateStage
};
