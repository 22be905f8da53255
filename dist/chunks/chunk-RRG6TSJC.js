import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  Command,
  RelativePath,
  Scalar,
  TimeoutMinutes,
  pathField
} from "./chunk-LNIKRDBK.js";
import {
  _default,
  _enum,
  _lazy,
  _minLength,
  _null,
  array,
  boolean,
  described,
  optional,
  record,
  strictObject,
  string,
  union
} from "./chunk-MOKAEFJD.js";

// src/config/schema/train.ts
var CACHE_BACKENDS = ["auto", "local", "actions", "s3"];
var ParamValue = _lazy(
  () => union([Scalar, _null(), array(ParamValue), record(string(), ParamValue)])
);
var TrainCache = described(
  strictObject({
    enabled: described(_default(boolean(), true), "Reuse outputs of an earlier run with the same inputs."),
    backend: described(
      _default(_enum(CACHE_BACKENDS), "auto"),
      "`auto`: S3 when `uri` is an s3:// URI, else the GitHub Actions cache inside a runner (from a JavaScript action), else a local folder. `s3` without `uri` uses `<registry.uri>/run-cache`."
    ),
    uri: described(
      optional(pathField(string(), { remote: true })),
      "Where the cache lives: a folder (default <workspace>/cache), or s3://bucket/prefix. S3 settings (region, endpoint) come from the registry section."
    )
  }),
  "The run cache: skip training when nothing it depends on changed."
);
var TrainSection = described(
  strictObject({
    command: described(
      Command,
      "The training command. Params reach it as a JSON file named by $MLOPS_PARAMS_FILE and as MLOPS_PARAM_<NAME> variables."
    ),
    params: described(
      optional(
        union([RelativePath, record(string(), ParamValue)], {
          error: "expected a params file path or a mapping of params"
        })
      ),
      "Hyperparameters: a YAML (.yaml, .yml), JSON (.json) or TOML (.toml) file, or a mapping written inline. For a run with --set overrides or a sweep leg's values, the file holds those params while the command runs."
    ),
    inputs: described(
      _default(array(RelativePath), []),
      "Code and files the training depends on (globs). Their content is part of the run cache key, as are files the command names (`python train.py`): list what those import."
    ),
    outputs: described(
      _default(array(RelativePath), []),
      "Files or folders the command writes; restored on a cache hit and published by default."
    ),
    env: described(_default(record(string(), string()), {}), "Extra environment variables for the command."),
    timeout_minutes: optional(TimeoutMinutes),
    cache: described(
      _default(union([boolean(), TrainCache], { error: "expected true, false or a cache mapping" }), true),
      "`true`/`false`, or cache settings."
    ),
    matrix: described(
      optional(record(string(), array(Scalar).check(_minLength(1)))),
      "A hyperparameter sweep: each param (dotted names reach into nested params) with the values to try. Each combination is one leg (at most 256); `mlops plan` lists them, `mlops select` picks the best."
    ),
    runs_on: described(
      optional(union([string(), array(string()).check(_minLength(1))])),
      "Runner labels for training jobs (the sweep matrix's `runs_on` and the workflow templates), e.g. `[self-hosted, gpu]`. Default: ubuntu-latest."
    )
  }),
  "How the model is trained."
);

export {
  CACHE_BACKENDS,
  TrainSection
};
