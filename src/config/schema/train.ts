import * as z from "../../zod.ts";
import { Command, RelativePath, Scalar, TimeoutMinutes } from "./common.ts";
import { pathField } from "./path-field.ts";

export const CACHE_BACKENDS = ["auto", "local", "actions", "s3"] as const;

const ParamValue: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([Scalar, z.null(), z.array(ParamValue), z.record(z.string(), ParamValue)]),
);

export const TrainCache = z.described(
  z.strictObject({
    enabled: z.described(z._default(z.boolean(), true), "Reuse outputs of an earlier run with the same inputs."),
    backend: z.described(
      z._default(z.enum(CACHE_BACKENDS), "auto"),
      "`auto`: S3 when `uri` is an s3:// URI, else the GitHub Actions cache inside a runner (from a JavaScript " +
        "action), else a local folder. `s3` without `uri` uses `<registry.uri>/run-cache`.",
    ),
    uri: z.described(
      z.optional(pathField(z.string(), { remote: true })),
      "Where the cache lives: a folder (default <workspace>/cache), or s3://bucket/prefix. S3 settings " +
        "(region, endpoint) come from the registry section.",
    ),
  }),
  "The run cache: skip training when nothing it depends on changed.",
);

export const TrainSection = z.described(
  z.strictObject({
    command: z.described(
      Command,
      "The training command. Params reach it as a JSON file named by $MLOPS_PARAMS_FILE and as MLOPS_PARAM_<NAME> " +
        "variables.",
    ),
    params: z.described(
      z.optional(
        z.union([RelativePath, z.record(z.string(), ParamValue)], {
          error: "expected a params file path or a mapping of params",
        }),
      ),
      "Hyperparameters: a YAML (.yaml, .yml), JSON (.json) or TOML (.toml) file, or a mapping written inline. For a run with " +
        "--set overrides or a sweep leg's values, the file holds those params while the command runs.",
    ),
    inputs: z.described(
      z._default(z.array(RelativePath), []),
      "Code and files the training depends on (globs). Their content is part of the run cache key, as are files " +
        "the command names (`python train.py`): list what those import.",
    ),
    outputs: z.described(
      z._default(z.array(RelativePath), []),
      "Files or folders the command writes; restored on a cache hit and published by default.",
    ),
    env: z.described(z._default(z.record(z.string(), z.string()), {}), "Extra environment variables for the command."),
    timeout_minutes: z.optional(TimeoutMinutes),
    cache: z.described(
      z._default(z.union([z.boolean(), TrainCache], { error: "expected true, false or a cache mapping" }), true),
      "`true`/`false`, or cache settings.",
    ),
    matrix: z.described(
      z.optional(z.record(z.string(), z.array(Scalar).check(z.minLength(1)))),
      "A hyperparameter sweep: each param (dotted names reach into nested params) with the values to try. " +
        "Each combination is one leg (at most 256); `mlops plan` lists them, `mlops select` picks the best.",
    ),
    runs_on: z.described(
      z.optional(z.union([z.string(), z.array(z.string()).check(z.minLength(1))])),
      "Runner labels for training jobs (the sweep matrix's `runs_on` and the workflow templates), e.g. " +
        "`[self-hosted, gpu]`. Default: ubuntu-latest.",
    ),
  }),
  "How the model is trained.",
);
