import { z } from "zod";
import { Command, RelativePath, Scalar, TimeoutMinutes } from "./common.ts";

export const CACHE_BACKENDS = ["auto", "local", "actions", "s3"] as const;

const ParamValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([Scalar, z.null(), z.array(ParamValue), z.record(z.string(), ParamValue)]),
);

export const TrainCache = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Reuse outputs of an earlier run with the same inputs."),
    backend: z
      .enum(CACHE_BACKENDS)
      .default("auto")
      .describe("`auto`: the GitHub Actions cache inside a runner, else a local folder. `s3` needs `uri`."),
    uri: z.string().optional().describe("Where the cache lives: a folder, or s3://bucket/prefix for the s3 backend."),
  })
  .describe("The run cache: skip training when nothing it depends on changed.");

export const TrainSection = z
  .strictObject({
    command: Command.describe(
      "The training command. Params reach it as a JSON file named by $MLOPS_PARAMS_FILE and as MLOPS_PARAM_<NAME> " +
        "variables.",
    ),
    params: z
      .union([RelativePath, z.record(z.string(), ParamValue)], {
        error: "expected a params file path or a mapping of params",
      })
      .optional()
      .describe("Hyperparameters: a YAML or JSON file, or a mapping written inline."),
    inputs: z
      .array(RelativePath)
      .default([])
      .describe("Code and files the training depends on (globs). Their content is part of the cache key."),
    outputs: z
      .array(RelativePath)
      .default([])
      .describe("Files or folders the command writes; restored on a cache hit and published by default."),
    env: z.record(z.string(), z.string()).default({}).describe("Extra environment variables for the command."),
    timeout_minutes: TimeoutMinutes.optional(),
    cache: z
      .union([z.boolean(), TrainCache], { error: "expected true, false or a cache mapping" })
      .default(true)
      .describe("`true`/`false`, or cache settings."),
    matrix: z
      .record(z.string(), z.array(Scalar).min(1))
      .optional()
      .describe("A hyperparameter sweep: each param with the values to try. Each combination trains once."),
    runs_on: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe("Runner labels for training jobs in the workflow templates, e.g. `[self-hosted, gpu]`."),
  })
  .describe("How the model is trained.");
