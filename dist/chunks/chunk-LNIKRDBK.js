import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  _default,
  _enum,
  _gte,
  _lte,
  _minLength,
  _positive,
  _regex,
  _trim,
  array,
  boolean,
  described,
  int,
  number,
  refine,
  registry,
  string,
  union
} from "./chunk-MOKAEFJD.js";
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
var Name = string().check(_regex(NAME_PATTERN, { error: `expected a name of ${NAME_RULE}` }));
var RelativePath = pathField(
  string().check(
    _minLength(1, { error: "expected a non-empty path" }),
    refine((value) => !hasControlCharacters(value), { error: "a path may not contain control characters" })
  ),
  { remote: false }
);
var PathOrS3Uri = pathField(RelativePath.clone(), { remote: true });
var DataSource = described(PathOrS3Uri, "A local path, a glob, or an s3://bucket/key URI.");
var DataSources = union([DataSource, array(DataSource).check(_minLength(1))], {
  error: "expected a path, glob or s3:// URI, or a list of them"
});
var Severity = described(
  _enum(["error", "warn"]),
  "`error` fails the stage (exit 1); `warn` only reports."
);
var Direction = described(
  _enum(["higher", "lower"]),
  "Whether a higher or a lower value of the metric is better."
);
var Command = described(
  string().check(_trim(), _minLength(1, { error: "expected a command to run" })),
  "A shell command, run with the folder of mlops.yml as its working directory."
);
var TimeoutMinutes = described(
  number().check(_positive(), _lte(360)),
  "Kill the command after this many minutes."
);
var MatrixShards = _default(number().check(int(), _gte(1), _lte(256)), 1);
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
