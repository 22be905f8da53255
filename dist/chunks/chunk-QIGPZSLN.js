import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  _enum,
  array,
  boolean,
  number,
  registry,
  string,
  union
} from "./chunk-I7GHSQM2.js";
import {
  hasControlCharacters
} from "./chunk-SN54LWLO.js";

// src/config/schema/path-field.ts
var pathMarks = registry();
function pathField(schema, mark) {
  pathMarks.add(schema, mark);
  return schema;
}

// src/config/schema/common.ts
var NAME_PATTERN = /^(?!.*\.\.)[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;
var NAME_RULE = "1-64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit, no '..'";
var Name = string().regex(NAME_PATTERN, { error: `expected a name of ${NAME_RULE}` });
var RelativePath = pathField(
  string().min(1, { error: "expected a non-empty path" }).refine((value) => !hasControlCharacters(value), { error: "a path may not contain control characters" }),
  { remote: false }
);
var PathOrS3Uri = pathField(RelativePath.clone(), { remote: true });
var DataSource = PathOrS3Uri.describe("A local path, a glob, or an s3://bucket/key URI.");
var DataSources = union([DataSource, array(DataSource).min(1)], {
  error: "expected a path, glob or s3:// URI, or a list of them"
});
var Severity = _enum(["error", "warn"]).describe("`error` fails the stage (exit 1); `warn` only reports.");
var Direction = _enum(["higher", "lower"]).describe("Whether a higher or a lower value of the metric is better.");
var Command = string().trim().min(1, { error: "expected a command to run" }).describe("A shell command, run with the folder of mlops.yml as its working directory.");
var TimeoutMinutes = number().positive().max(360).describe("Kill the command after this many minutes.");
var MatrixShards = number().int().min(1).max(256).default(1);
var Scalar = union([string(), number(), boolean()]);

export {
  pathMarks,
  pathField,
  NAME_PATTERN,
  NAME_RULE,
  Name,
  RelativePath,
  PathOrS3Uri,
  DataSources,
  Severity,
  Direction,
  Command,
  TimeoutMinutes,
  MatrixShards,
  Scalar
};
