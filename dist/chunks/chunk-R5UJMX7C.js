import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  Command,
  FileTooLargeError,
  Name,
  RelativePath,
  Scalar,
  TimeoutMinutes,
  pathField,
  readFileLimited,
  require_dist
} from "./chunk-OZSKINQ5.js";
import {
  _enum,
  _null,
  array,
  boolean,
  lazy,
  literal,
  number,
  record,
  strictObject,
  string,
  union,
  url
} from "./chunk-I7GHSQM2.js";
import {
  isInside
} from "./chunk-SN54LWLO.js";
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

// src/config/matrix.ts
var MAX_LEGS = 256;
function legCount(matrix) {
  return Object.values(matrix ?? {}).reduce((count, values) => count * values.length, 1);
}

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
function locate(source, path2, options = {}) {
  let node = source.doc.contents;
  let position = startOf(node) ?? 0;
  for (let i = 0; i < path2.length; i++) {
    const segment = path2[i];
    if ((0, import_yaml.isAlias)(node)) node = node.resolve(source.doc);
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find(
        (item) => (0, import_yaml.isPair)(item) && (0, import_yaml.isScalar)(item.key) && String(item.key.value) === String(segment)
      );
      if (!pair) break;
      if (i === path2.length - 1 && options.key) {
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

// src/config/schema/registry.ts
var SigningSection = strictObject({
  key_env: string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: "expected the name of an environment variable, e.g. MLOPS_SIGNING_KEY"
  }).optional().describe(
    "Environment variable holding the PEM private key (ECDSA P-256 or Ed25519) that publish and `mlops sign` sign with, set from a secret. When it is unset, publish does not sign."
  ),
  key_file: RelativePath.optional().describe(
    "A PEM private key file to sign with, relative to mlops.yml (keep it out of git); key_env wins when both are set."
  ),
  trusted_keys: array(string().min(1)).default([]).describe(
    "Public keys `mlops verify` (and pull and deploy with require) accept: PEM files relative to mlops.yml, or inline PEM (-----BEGIN PUBLIC KEY-----)."
  ),
  require: boolean().default(false).describe(
    "Pull and deploy refuse a version that is not signed by a trusted key or whose manifest changed since it was signed."
  )
}).describe("Signing versions in the OpenSSF model-signing format (model_signing predicate v1.0).");
var RegistrySection = strictObject({
  uri: pathField(string().min(1), { remote: true }).optional().describe("Where models are kept: s3://bucket/prefix, or a folder. Default: <workspace>/registry."),
  region: string().optional().describe("AWS region of the bucket (else from the AWS environment)."),
  endpoint: url({ error: "expected a URL such as https://minio.example.com:9000" }).optional().describe("Endpoint of an S3-compatible server (MinIO, R2, Ceph...)."),
  force_path_style: boolean().optional().describe("Use path-style S3 addressing (most S3-compatible servers)."),
  retry_seconds: number().int({ error: "expected a whole number of seconds" }).min(0).max(3600).default(30).describe(
    "How long each S3 request keeps retrying what may pass (a restarting server, throttling, 5xx answers, a dropped connection), with exponential backoff and jitter; 0 tries once. Serves every s3:// location of the project: registry, data and run cache."
  ),
  signing: SigningSection.optional()
}).describe("The model registry.");
var PublishSection = strictObject({
  files: array(RelativePath).optional().describe("Files or folders to publish. Default: train.outputs."),
  promote: union([Name, literal(false)]).default("champion").describe("Alias moved to the new version when its gate passed; `false` never promotes."),
  attest: boolean().default(true).describe(
    "Attest each published version's manifest with GitHub's build provenance (actions/attest-build-provenance in the main workflow; `gh attestation verify` checks it). Attestations need a public repository or GitHub Enterprise Cloud: set false elsewhere."
  ),
  promote_branches: array(string().min(1)).min(1).default(["main", "master"]).describe(
    "Branches whose publishes may move the alias. Elsewhere the version is published but not promoted; a run outside git (no branch) may promote."
  )
}).describe("Publishing a trained model to the registry.");

// src/config/rules/signing.ts
import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
function checkSigning(config, context, report) {
  const signing = config.registry.signing;
  if (!signing) return;
  signing.trusted_keys.forEach((entry, i) => {
    const at = ["registry", "signing", "trusted_keys", i];
    const inline = entry.trimStart().startsWith("-----BEGIN");
    let pem = entry;
    if (!inline) {
      const file = path.resolve(context.root, entry);
      if (!isInside(context.repoRoot, file)) {
        report("error", at, `${entry} is outside the repository`, "keep trusted public keys in the repository");
        return;
      }
      try {
        pem = readFileSync(file, "utf8");
      } catch {
        report(
          "error",
          at,
          `the trusted key file ${entry} does not exist or cannot be read`,
          "give a PEM public key file relative to mlops.yml"
        );
        return;
      }
    }
    const problem = publicKeyProblem(pem);
    if (problem) report("error", at, `${inline ? "this trusted key" : `the trusted key file ${entry}`} ${problem}`);
  });
  if (signing.require && signing.trusted_keys.length === 0) {
    report(
      "error",
      ["registry", "signing", "require"],
      "require: true with no trusted_keys refuses every version",
      "list the public keys whose signatures you trust under registry.signing.trusted_keys"
    );
  }
}
var SUPPORTED = "an ECDSA P-256 or Ed25519 key";
function keyAlgorithm(key) {
  if (key.asymmetricKeyType === "ed25519") return "ed25519";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ecdsa-p256";
  return void 0;
}
function unsupportedKeyKind(key) {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return `is ${key.asymmetricKeyType ?? "unknown"}${curve ? ` (${curve})` : ""}, not ${SUPPORTED}`;
}
function publicKeyProblem(pem) {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return "is a private key: trust the public key only (openssl pkey -in key.pem -pubout)";
  }
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    return "is not a PEM public key (-----BEGIN PUBLIC KEY-----)";
  }
  return keyAlgorithm(key) ? void 0 : unsupportedKeyKind(key);
}

export {
  RegistrySection,
  PublishSection,
  CACHE_BACKENDS,
  TrainSection,
  checkSigning,
  keyAlgorithm,
  unsupportedKeyKind,
  publicKeyProblem,
  MAX_LEGS,
  legCount,
  YamlSourceError,
  readYamlFile,
  parseYamlText,
  locate
};
