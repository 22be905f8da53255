import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-Y34VYF2Z.js";
import {
  Command,
  RelativePath,
  Scalar,
  TimeoutMinutes,
  pathField
} from "./chunk-QIGPZSLN.js";
import {
  FileTooLargeError,
  readFileLimited
} from "./chunk-5AQJPSN5.js";
import {
  _enum,
  _null,
  array,
  boolean,
  lazy,
  record,
  strictObject,
  string,
  union
} from "./chunk-I7GHSQM2.js";
import {
  UserError,
  isErrnoException
} from "./chunk-XOZC47AQ.js";
import {
  __toESM
} from "./chunk-RZGYXAJU.js";

// src/config/schema/train.ts
var CACHE_BACKENDS = ["auto", "local", "actions", "s3"];
var ParamValue = lazy(
  () => union([Scalar, _null(), array(ParamValue), record(string(), ParamValue)])
);
var TrainCache = strictObject({
  enabled: boolean().default(true).describe("Reuse outputs of an earlier run with the same inputs."),
  backend: _enum(CACHE_BACKENDS).default("auto").describe(
    "`auto`: S3 when `uri` is an s3:// URI, else the GitHub Actions cache inside a runner (from a JavaScript action), else a local folder. `s3` without `uri` uses `<registry.uri>/run-cache`."
  ),
  uri: pathField(string(), { remote: true }).optional().describe(
    "Where the cache lives: a folder (default <workspace>/cache), or s3://bucket/prefix. S3 settings (region, endpoint) come from the registry section."
  )
}).describe("The run cache: skip training when nothing it depends on changed.");
var TrainSection = strictObject({
  command: Command.describe(
    "The training command. Params reach it as a JSON file named by $MLOPS_PARAMS_FILE and as MLOPS_PARAM_<NAME> variables."
  ),
  params: union([RelativePath, record(string(), ParamValue)], {
    error: "expected a params file path or a mapping of params"
  }).optional().describe(
    "Hyperparameters: a YAML (.yaml, .yml), JSON (.json) or TOML (.toml) file, or a mapping written inline. For a run with --set overrides or a sweep leg's values, the file holds those params while the command runs."
  ),
  inputs: array(RelativePath).default([]).describe(
    "Code and files the training depends on (globs). Their content is part of the run cache key, as are files the command names (`python train.py`): list what those import."
  ),
  outputs: array(RelativePath).default([]).describe("Files or folders the command writes; restored on a cache hit and published by default."),
  env: record(string(), string()).default({}).describe("Extra environment variables for the command."),
  timeout_minutes: TimeoutMinutes.optional(),
  cache: union([boolean(), TrainCache], { error: "expected true, false or a cache mapping" }).default(true).describe("`true`/`false`, or cache settings."),
  matrix: record(string(), array(Scalar).min(1)).optional().describe(
    "A hyperparameter sweep: each param (dotted names reach into nested params) with the values to try. Each combination is one leg (at most 256); `mlops plan` lists them, `mlops select` picks the best."
  ),
  runs_on: union([string(), array(string()).min(1)]).optional().describe(
    "Runner labels for training jobs (the sweep matrix's `runs_on` and the workflow templates), e.g. `[self-hosted, gpu]`. Default: ubuntu-latest."
  )
}).describe("How the model is trained.");

// src/config/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);
import { stat } from "node:fs/promises";
var MAX_CONFIG_BYTES = 1024 * 1024;
var MAX_ALIAS_COUNT = 100;
var YamlSourceError = class extends UserError {
  diagnostics;
  constructor(diagnostics) {
    super(
      diagnostics[0]?.message ?? "unreadable YAML",
      diagnostics[0]?.location ? { location: diagnostics[0].location } : {}
    );
    this.diagnostics = diagnostics;
  }
};
var FRIENDLY_YAML_ERRORS = {
  TAB_AS_INDENT: { message: "a tab is used for indentation", hint: "YAML allows only spaces for indentation" },
  DUPLICATE_KEY: {
    message: "duplicate key: this key already appears in the same mapping",
    hint: "remove one of them; YAML would otherwise silently keep only one value"
  },
  MULTIPLE_DOCS: {
    message: "the file holds several YAML documents (a `---` separator)",
    hint: "mlops.yml must be a single document"
  },
  BLOCK_AS_IMPLICIT_KEY: {
    message: "a nested mapping on the same line as its key",
    hint: "put the nested keys on their own, indented lines, or quote the value"
  }
};
var CONFIG_FILE = {
  what: "config file",
  missingHint: "run `mlops init` to write one, or pass --config <path>"
};
async function readYamlFile(file, displayName = file, kind = CONFIG_FILE) {
  let size;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UserError(`${displayName} is a folder, not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (isErrnoException(error, "ENOENT")) {
      throw new UserError(`no ${kind.what} at ${displayName}`, { hint: kind.missingHint });
    }
    throw new UserError(`cannot read ${displayName}: ${error.message}`, { cause: error });
  }
  const tooLarge = (what) => new UserError(`${displayName} ${what}; a ${kind.what} over ${MAX_CONFIG_BYTES / (1024 * 1024)} MB is refused`, {
    hint: `is this the right file? a ${kind.what} is normally a few KB`,
    location: { file: displayName }
  });
  if (size > MAX_CONFIG_BYTES) throw tooLarge(`is ${(size / (1024 * 1024)).toFixed(1)} MB`);
  let bytes;
  try {
    bytes = await readFileLimited(file, { shown: displayName, what: kind.what, limit: MAX_CONFIG_BYTES });
  } catch (error) {
    if (error instanceof FileTooLargeError) throw tooLarge(`holds more than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB`);
    throw error;
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new UserError(`${displayName} is not valid UTF-8 text`, {
      hint: "save the file as UTF-8",
      location: { file: displayName },
      cause
    });
  }
  return parseYamlText(text, displayName);
}
function unquotedPerClassMetric(line) {
  return /\{.*\bmetric:\s*((?:precision|recall|f1)\[[^\]"'{}]*\])/.exec(line)?.[1] ?? null;
}
function parseYamlText(rawText, file) {
  const text = rawText.charCodeAt(0) === 65279 ? rawText.slice(1) : rawText;
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problems = [];
  const reportedAt = /* @__PURE__ */ new Set();
  const perClassLines = /* @__PURE__ */ new Set();
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (reportedAt.has(error.pos[0])) continue;
    reportedAt.add(error.pos[0]);
    const location = at(error.pos[0]);
    const unquoted = unquotedPerClassMetric(text.split(/\r?\n/)[(location.line ?? 1) - 1] ?? "");
    if (unquoted !== null) {
      if (perClassLines.has(location.line ?? 0)) continue;
      perClassLines.add(location.line ?? 0);
      problems.push({
        severity: "error",
        path: [],
        message: `YAML: the per-class metric ${unquoted} must be quoted inside { }`,
        location: { ...location, column: 1 },
        hint: `write "${unquoted}", or put \`metric: ${unquoted}\` on its own line`
      });
      continue;
    }
    const friendly = FRIENDLY_YAML_ERRORS[error.code];
    const message = friendly?.message ?? (error.code === "TAG_RESOLVE_FAILED" ? "custom YAML tags are not allowed" : firstLine(error.message));
    const hint = friendly?.hint ?? (error.code === "TAG_RESOLVE_FAILED" ? "remove the `!tag` before the value" : void 0);
    problems.push({
      severity: "error",
      path: [],
      message: `YAML: ${message}`,
      location: at(error.pos[0]),
      ...hint === void 0 ? {} : { hint }
    });
  }
  if (problems.length > 0) throw new YamlSourceError(problems);
  if (doc.contents === null) {
    throw new YamlSourceError([
      {
        severity: "error",
        path: [],
        message: "the config is empty",
        hint: "start with `version: 1` and a `model:` section, or run `mlops init`",
        location: { file, line: 1, column: 1 }
      }
    ]);
  }
  if (!(0, import_yaml.isMap)(doc.contents)) {
    throw new YamlSourceError([
      {
        severity: "error",
        path: [],
        message: `expected a mapping (key: value lines) at the top level, found ${describeNode(doc.contents)}`,
        hint: "the config starts with `version: 1` on its own line, not with `- ` or a plain value",
        location: at(doc.contents.range[0])
      }
    ]);
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    if (cause instanceof ReferenceError) {
      throw new YamlSourceError([
        {
          severity: "error",
          path: [],
          message: `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias expansions)`,
          hint: "this looks like an alias bomb; write the values out instead of nesting `*alias` references",
          location: { file, line: 1, column: 1 }
        }
      ]);
    }
    throw new Error(`could not convert ${file} to data`, { cause });
  }
  return { file, text, doc, lineCounter, value };
}
function locate(source, path, options = {}) {
  let node = source.doc.contents;
  let position = startOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if ((0, import_yaml.isAlias)(node)) node = node.resolve(source.doc);
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find(
        (item) => (0, import_yaml.isPair)(item) && (0, import_yaml.isScalar)(item.key) && String(item.key.value) === String(segment)
      );
      if (!pair) break;
      if (i === path.length - 1 && options.key) {
        position = startOf(pair.key) ?? position;
        break;
      }
      node = pair.value;
      position = startOf(pair.value) ?? startOf(pair.key) ?? position;
    } else if ((0, import_yaml.isSeq)(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === void 0) break;
      node = item;
      position = startOf(item) ?? position;
    } else {
      break;
    }
  }
  const { line, col } = source.lineCounter.linePos(position);
  return { file: source.file, line, column: col };
}
function startOf(node) {
  if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    return node.range[0];
  }
  return void 0;
}
function describeNode(node) {
  if ((0, import_yaml.isSeq)(node)) return "a list";
  if ((0, import_yaml.isScalar)(node)) return `the plain value ${JSON.stringify(node.value)}`;
  return "something else";
}
function firstLine(message) {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

export {
  CACHE_BACKENDS,
  TrainSection,
  YamlSourceError,
  readYamlFile,
  parseYamlText,
  locate
};
