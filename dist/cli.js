#!/usr/bin/env node
import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  concludeRetrain,
  retrainGitHub
} from "./chunks/chunk-PWC5OQBY.js";
import {
  decideRetrain
} from "./chunks/chunk-JV7SD6KC.js";
import {
  reportArtifact
} from "./chunks/chunk-6G5XV2BQ.js";
import "./chunks/chunk-VKPGDWJQ.js";
import {
  runPlanStage,
  runSelectStage,
  selectSection,
  sweepResultsDir
} from "./chunks/chunk-D752MXZE.js";
import "./chunks/chunk-WBQ3EJ6X.js";
import {
  CACHE_CHOICES,
  createRegistry,
  displayPath,
  formatBytes,
  glob,
  mergeProfileFiles,
  openObjectStore,
  openRegistry,
  openRunCache,
  parseCacheChoice,
  parseModelRef,
  progressReporter,
  resolveTrainParams,
  runEvaluateStage,
  runGateStage,
  runPipeline,
  runProfile,
  runPublishStage,
  runTrainStage,
  runValidateStage
} from "./chunks/chunk-EWRZ2WMN.js";
import "./chunks/chunk-CXLN3UR2.js";
import "./chunks/chunk-N26MFBKU.js";
import {
  DEFAULT_CONFIG_FILE,
  KIT_VERSION,
  NAME_PATTERN,
  ReportSection,
  closestMatch,
  findLeg,
  findRepoRoot,
  formatNumber,
  loadConfig,
  parseConfig,
  planSweep,
  profileSection,
  readProvenance,
  renderHeadline,
  renderText,
  renderTextTable,
  require_dist,
  workspaceFor
} from "./chunks/chunk-UYX66RUR.js";
import "./chunks/chunk-55QIH2BG.js";
import {
  isS3Uri,
  parseS3Uri,
  relativePathProblem
} from "./chunks/chunk-H6UPHFKP.js";
import {
  ConfigError,
  ExitCode,
  InputError,
  UsageError,
  UserError,
  asError,
  formatDiagnostic,
  formatPath
} from "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-BIQWF3VO.js";
import {
  __toESM
} from "./chunks/chunk-RZGYXAJU.js";

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/logging.ts
function createStreamLogger(sink, options = {}) {
  const paint = (code, text2) => options.color ? `\x1B[${code}m${text2}\x1B[0m` : text2;
  const where = (location) => location ? `${location.file}${location.line ? `:${location.line}` : ""}${location.column ? `:${location.column}` : ""}: ` : "";
  return {
    info: (message) => void sink.write(`${message}
`),
    warn: (message, location) => void sink.write(`${paint("33", "warning")} ${where(location)}${message}
`),
    error: (message, location) => void sink.write(`${paint("31", "error")} ${where(location)}${message}
`),
    debug: (message) => {
      if (options.verbose) sink.write(`${paint("2", message)}
`);
    },
    group: async (name, fn) => {
      sink.write(`${paint("1", `\u25B8 ${name}`)}
`);
      return fn();
    }
  };
}

// src/cli/commands/check.ts
var checkCommand = {
  name: "check",
  summary: "Check mlops.yml: shape, cross-field rules and warnings, each with file:line:col",
  run: async (args, io) => {
    const loaded = await loadConfig(args.config, io.cwd);
    const lines = loaded.warnings.map(formatDiagnostic);
    const summary = `${loaded.displayFile} is valid${loaded.warnings.length > 0 ? ` (${loaded.warnings.length} warning(s))` : ""}: model ${loaded.config.model.name}, ${loaded.config.model.task}.`;
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: loaded.displayFile, warnings: loaded.warnings },
      text: [...lines, summary].join("\n")
    };
  }
};

// src/cli/commands/init.ts
import path3 from "node:path";

// src/init/detect.ts
var import_yaml = __toESM(require_dist(), 1);
import { execFile } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/init/versions.ts
var DEFAULT_PYTHON = "3.12";
var DEFAULT_NODE = "22";
var PYTHON_LINES = ["3.14", "3.13", "3.12", "3.11", "3.10", "3.9"];
var NODE_LINES = ["24", "22", "20", "18"];
var VERSION_TEXT = /^(?:\d+(?:\.\d+){0,2}(?:\.x)?|lts\/(?:\*|[a-z-]+)|node)$/;
function isVersionText(text2) {
  return VERSION_TEXT.test(text2);
}
function pinnedVersion(content) {
  const line2 = content.split(/\r?\n/).map((l) => l.replace(/#.*/, "").trim()).find((l) => l !== "");
  const version = line2?.replace(/^v(?=\d)/, "");
  return version !== void 0 && isVersionText(version) ? version : void 0;
}
function pythonForSpecifier(specifier) {
  const clauses = specifier.split(",").map((c) => c.trim()).filter(Boolean);
  return pickLine(PYTHON_LINES, DEFAULT_PYTHON, (line2) => clauses.every((clause) => pep440Allows(clause, line2)));
}
function nodeForRange(range) {
  const alternatives = range.split("||").map((a) => a.trim());
  return pickLine(
    NODE_LINES,
    DEFAULT_NODE,
    (line2) => alternatives.some(
      (alternative) => alternative.replace(/([<>=^~]+)\s+/g, "$1").split(/\s+/).filter(Boolean).every((comparator) => semverAllows(comparator, line2))
    )
  );
}
function pickLine(lines, preferred, allows) {
  const at = lines.indexOf(preferred);
  const allowed = lines.map((line2, index) => ({ line: line2, index })).filter(({ line: line2 }) => allows(line2));
  allowed.sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at) || b.index - a.index);
  return allowed[0]?.line;
}
function parse(text2) {
  const cleaned = text2.trim().replace(/^v/, "");
  if (!/^\d+(\.(\d+|\*|x))*$/.test(cleaned)) return void 0;
  return cleaned.split(".").filter((part) => /^\d+$/.test(part)).map(Number);
}
function compare(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
var latestOf = (line2) => [...parse(line2) ?? [], 999, 999].slice(0, 3);
function startsWith(version, prefix) {
  return prefix.every((part, i) => version[i] === part);
}
function pep440Allows(clause, line2) {
  const match = /^(~=|==|!=|<=|>=|<|>|===)\s*(.+)$/.exec(clause);
  if (!match) return true;
  const [, operator, text2 = ""] = match;
  const wildcard = text2.endsWith(".*");
  const bound = parse(text2);
  if (!bound) return true;
  const lineVersion = parse(line2) ?? [];
  const latest = latestOf(line2);
  switch (operator) {
    case ">=":
      return compare(latest, bound) >= 0;
    case ">":
      return compare(latest, bound) > 0;
    case "<":
      return compare(lineVersion, bound) < 0;
    case "<=":
      return compare(lineVersion, bound) <= 0;
    case "==":
    case "===":
      return wildcard || bound.length <= 2 ? startsWith(lineVersion, bound.slice(0, 2)) : startsWith(bound, lineVersion);
    case "!=":
      return !(wildcard && startsWith(lineVersion, bound.slice(0, 2)));
    case "~=":
      return compare(latest, bound) >= 0 && startsWith(lineVersion, bound.slice(0, Math.max(1, bound.length - 1)));
    default:
      return true;
  }
}
function semverAllows(comparator, line2) {
  const match = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(comparator);
  if (!match) return true;
  const [, operator = "", text2 = ""] = match;
  const bound = parse(text2);
  if (!bound) return comparator === "*" || comparator === "x" || !/\d/.test(comparator);
  const major = parse(line2) ?? [];
  const latest = latestOf(line2);
  switch (operator) {
    case ">=":
      return compare(latest, bound) >= 0;
    case ">":
      return compare(latest, bound) > 0 && !(bound.length === 1 && major[0] === bound[0]);
    case "<":
      return compare(major, bound) < 0;
    case "<=":
      return compare(major, bound) <= 0;
    case "^":
    case "~":
    case "=":
    case "":
      return major[0] === bound[0];
    default:
      return true;
  }
}

// src/init/detect.ts
function systemGit(env) {
  return (args, cwd) => new Promise((resolve) => {
    execFile("git", args, { cwd, env, encoding: "utf8", timeout: 1e4 }, (error, stdout) => {
      resolve(error ? null : stdout.trim());
    });
  });
}
var OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
var REPO = /^[A-Za-z0-9._-]{1,100}$/;
function parseRemoteUrl(url) {
  const text2 = url.trim();
  let host;
  let pathname;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(text2);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text2)) {
    let parsed;
    try {
      parsed = new URL(text2);
    } catch {
      return null;
    }
    if (parsed.protocol === "file:") return null;
    host = parsed.hostname;
    pathname = parsed.pathname;
  } else if (scp?.[1] && scp[2] && !/^[A-Za-z]$/.test(scp[1])) {
    host = scp[1];
    pathname = scp[2];
  } else {
    return null;
  }
  const parts = pathname.replace(/\/+$/, "").replace(/\.git$/, "").split("/").filter(Boolean);
  if (parts.length !== 2) return null;
  const [owner = "", repo = ""] = parts;
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === "." || repo === "..") return null;
  return { host: host.toLowerCase(), owner, repo };
}
async function detectRepository(configDir, git) {
  const start = existingAncestor(configDir);
  const top = await git(["rev-parse", "--show-toplevel"], start);
  const root = top ? path.resolve(top) : findRepoRoot(configDir);
  const isGit = top !== null;
  const remoteUrl = isGit ? await git(["remote", "get-url", "origin"], root) : null;
  const remote = remoteUrl ? parseRemoteUrl(remoteUrl) : null;
  let defaultBranch = "main";
  let defaultBranchFrom = "fallback";
  const originHead = isGit ? await git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], root) : null;
  const fromOrigin = originHead?.replace(/^refs\/remotes\/origin\//, "");
  const current = isGit ? await git(["symbolic-ref", "--quiet", "--short", "HEAD"], root) : null;
  if (fromOrigin && fromOrigin !== originHead) {
    defaultBranch = fromOrigin;
    defaultBranchFrom = "origin/HEAD";
  } else if (current) {
    defaultBranch = current;
    defaultBranchFrom = "current branch";
  }
  const relative = path.relative(realpath(root), realpath(configDir)).split(path.sep).join("/");
  return {
    root,
    git: isGit,
    remote,
    defaultBranch,
    defaultBranchFrom,
    workingDirectory: relative === "" ? "." : relative
  };
}
function existingAncestor(folder) {
  let current = path.resolve(folder);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}
function realpath(folder) {
  const existing = existingAncestor(folder);
  return path.join(realpathSync(existing), path.relative(existing, path.resolve(folder)));
}
async function detectTraining(folder, override = {}) {
  const files = new ProjectFiles(folder);
  const dvc = await files.yaml("dvc.yaml");
  const makefile = await files.text("Makefile") ?? await files.text("makefile") ?? await files.text("GNUmakefile");
  const packageJson = await files.json("package.json");
  const scripts = packageJson?.scripts ?? {};
  const entry = (names, script) => {
    for (const name of names) {
      const stage = dvcStage(dvc, name);
      if (stage) return { command: stage.command, from: `dvc.yaml stage ${name}`, outputs: stage.outputs };
    }
    for (const name of names) {
      if (makefile && new RegExp(`^${name}\\s*:(?!=)`, "m").test(makefile))
        return { command: `make ${name}`, from: `Makefile target ${name}` };
    }
    for (const name of names) {
      if (typeof scripts[name] === "string") return { command: `npm run ${name}`, from: `package.json script ${name}` };
    }
    if (script && files.exists(script)) return { command: `python ${script}`, from: script };
    return null;
  };
  const train = entry(["train"], "train.py");
  const evaluate = entry(["evaluate", "eval"], "evaluate.py");
  const { setup, from } = await detectRuntime(files, train?.command ?? "", override);
  return {
    command: train?.command ?? null,
    commandFrom: train?.from ?? null,
    evaluateCommand: evaluate?.command ?? null,
    evaluateFrom: evaluate?.from ?? null,
    outputs: train?.outputs && train.outputs.length > 0 ? train.outputs : null,
    params: ["params.yaml", "params.yml", "params.json"].find((name) => files.exists(name)) ?? null,
    setup,
    setupFrom: from
  };
}
async function detectRuntime(files, command, override) {
  if (override.python) return { setup: { kind: "python", version: override.python }, from: "--python" };
  if (override.node) return { setup: { kind: "node", version: override.node }, from: "--node" };
  const pythonMarkers = ["train.py", "requirements.txt", "pyproject.toml"].filter((f) => files.exists(f));
  const nodeCommand = /^(npm|npx|node|pnpm|yarn)\s/.test(command);
  if (/^python3?\s/.test(command) || pythonMarkers.length > 0 && !nodeCommand) {
    const version = await pythonVersion(files);
    const marker = pythonMarkers[0] ?? "the training command";
    return { setup: { kind: "python", version: version.version }, from: `${marker}; version from ${version.from}` };
  }
  if (nodeCommand) {
    const version = await nodeVersion(files);
    return { setup: { kind: "node", version: version.version }, from: `package.json; version from ${version.from}` };
  }
  return { setup: null, from: null };
}
async function pythonVersion(files) {
  const pinned = pinnedVersion(await files.text(".python-version") ?? "");
  if (pinned) return { version: pinned, from: ".python-version" };
  const pyproject = await files.text("pyproject.toml") ?? "";
  const specifier = /^\s*requires-python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
  const fromSpecifier = specifier ? pythonForSpecifier(specifier) : void 0;
  if (fromSpecifier) return { version: fromSpecifier, from: `requires-python "${specifier}"` };
  return { version: DEFAULT_PYTHON, from: "the default" };
}
async function nodeVersion(files) {
  for (const file of [".nvmrc", ".node-version"]) {
    const pinned = pinnedVersion(await files.text(file) ?? "");
    if (pinned) return { version: pinned, from: file };
  }
  const engines = (await files.json("package.json"))?.engines;
  const range = typeof engines?.node === "string" ? engines.node : void 0;
  const fromRange = range ? nodeForRange(range) : void 0;
  if (fromRange) return { version: fromRange, from: `engines.node "${range}"` };
  return { version: DEFAULT_NODE, from: "the default" };
}
function dvcStage(dvc, name) {
  const stage = dvc?.stages?.[name];
  if (!stage) return null;
  const commands = (Array.isArray(stage.cmd) ? stage.cmd : [stage.cmd]).filter(
    (c) => typeof c === "string" && c.trim() !== ""
  );
  if (commands.length === 0) return null;
  let command = commands.map((c) => c.trim()).join(" && ");
  const wdir = typeof stage.wdir === "string" && stage.wdir !== "." ? stage.wdir : null;
  if (wdir) command = `cd ${/^[\w./-]+$/.test(wdir) ? wdir : `'${wdir.replace(/'/g, "'\\''")}'`} && ${command}`;
  const outs = Array.isArray(stage.outs) ? stage.outs : [];
  const outputs = wdir ? [] : outs.map(
    (out) => typeof out === "string" ? out : out !== null && typeof out === "object" ? Object.keys(out)[0] : null
  ).filter((out) => typeof out === "string" && out !== "" && !out.startsWith("/"));
  return { command, outputs };
}
var ProjectFiles = class {
  constructor(folder) {
    this.folder = folder;
  }
  folder;
  cache = /* @__PURE__ */ new Map();
  exists(name) {
    return existsSync(path.join(this.folder, name));
  }
  text(name) {
    let pending = this.cache.get(name);
    if (!pending) {
      pending = readFile(path.join(this.folder, name), "utf8").catch(() => void 0);
      this.cache.set(name, pending);
    }
    return pending;
  }
  async json(name) {
    const text2 = await this.text(name);
    try {
      return text2 === void 0 ? void 0 : JSON.parse(text2);
    } catch {
      return void 0;
    }
  }
  async yaml(name) {
    const text2 = await this.text(name);
    try {
      return text2 === void 0 ? void 0 : (0, import_yaml.parse)(text2);
    } catch {
      return void 0;
    }
  }
};

// src/init/aws-policy.ts
var OIDC_PROVIDER = "token.actions.githubusercontent.com";
var OIDC_AUDIENCE = "sts.amazonaws.com";
var PLACEHOLDERS = {
  accountId: "<AWS_ACCOUNT_ID>",
  owner: "<OWNER>",
  repo: "<REPO>",
  ownerId: "<OWNER_ID>",
  repoId: "<REPO_ID>"
};
function registryLocation(uri) {
  const parsed = parseS3Uri(uri);
  if (!parsed) return void 0;
  return { bucket: parsed.bucket, prefix: parsed.key.replace(/^\/+|\/+$/g, "") };
}
var objects = (at, below = "*") => `arn:aws:s3:::${at.bucket}/${at.prefix === "" ? "" : `${at.prefix}/`}${below}`;
function listTheRegistry(at) {
  return {
    Sid: "ListTheRegistry",
    Effect: "Allow",
    Action: "s3:ListBucket",
    Resource: `arn:aws:s3:::${at.bucket}`,
    ...at.prefix === "" ? {} : { Condition: { StringLike: { "s3:prefix": [`${at.prefix}/*`] } } }
  };
}
function readPolicy(at) {
  return {
    Version: "2012-10-17",
    Statement: [
      listTheRegistry(at),
      { Sid: "ReadObjects", Effect: "Allow", Action: "s3:GetObject", Resource: objects(at) }
    ]
  };
}
function writePolicy(at) {
  return {
    Version: "2012-10-17",
    Statement: [
      listTheRegistry(at),
      {
        Sid: "FindInterruptedUploads",
        Effect: "Allow",
        Action: "s3:ListBucketMultipartUploads",
        Resource: `arn:aws:s3:::${at.bucket}`
      },
      {
        Sid: "ReadAndWriteObjects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"],
        Resource: objects(at)
      },
      {
        Sid: "WithdrawNumberClaimsAndCleanDebris",
        Effect: "Allow",
        Action: "s3:DeleteObject",
        Resource: [objects(at, "*/sequence/*"), objects(at, "*/versions/*")]
      }
    ]
  };
}
function subjectClaims(repository, context) {
  const { owner, repo } = repository;
  const ownerId = repository.ownerId ?? PLACEHOLDERS.ownerId;
  const repoId = repository.repoId ?? PLACEHOLDERS.repoId;
  return [`repo:${owner}/${repo}:${context}`, `repo:${owner}@${ownerId}/${repo}@${repoId}:${context}`];
}
function trustedContext(access, defaultBranch) {
  return access === "write" ? `ref:refs/heads/${defaultBranch}` : "pull_request";
}
function trustPolicy(repository, access, defaultBranch, accountId = PLACEHOLDERS.accountId) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${OIDC_PROVIDER}` },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${OIDC_PROVIDER}:aud`]: OIDC_AUDIENCE,
            [`${OIDC_PROVIDER}:sub`]: subjectClaims(repository, trustedContext(access, defaultBranch))
          }
        }
      }
    ]
  };
}
var AWS_VARIABLES = [
  {
    name: "MLOPS_AWS_ROLE_ARN",
    purpose: "ARN of the read-write role: pushes to the default branch (publish, promote) and scheduled retraining"
  },
  {
    name: "MLOPS_AWS_READ_ROLE_ARN",
    purpose: "ARN of the read-only role: pull requests (the gate reads the champion)"
  },
  { name: "MLOPS_AWS_REGION", purpose: "the bucket's region (default us-east-1)" }
];
function awsSetup(at, repository, defaultBranch, model) {
  const role = (access, permissions) => ({
    // IAM role names hold at most 64 characters.
    name: `mlops-${model.slice(0, 64 - "mlops--write".length)}-${access}`,
    permissions,
    trust: trustPolicy(repository, access, defaultBranch),
    trusts: subjectClaims(repository, trustedContext(access, defaultBranch))
  });
  return {
    bucket: at.bucket,
    prefix: at.prefix,
    variables: AWS_VARIABLES,
    roles: { write: role("write", writePolicy(at)), read: role("read", readPolicy(at)) }
  };
}
function policyJson(policy, width = 100) {
  return compactJson(policy, width);
}
function compactJson(value, width = 100) {
  const flat = (v) => {
    if (Array.isArray(v)) return `[${v.map(flat).join(", ")}]`;
    if (v !== null && typeof v === "object") {
      const entries = Object.entries(v).map(([k, item]) => `${JSON.stringify(k)}: ${flat(item)}`);
      return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
    }
    return JSON.stringify(v);
  };
  const format = (v, indent3, used, after) => {
    const oneLine = flat(v);
    if (v === null || typeof v !== "object" || used + oneLine.length + after <= width) return oneLine;
    const inner = `${indent3}  `;
    const comma = (index, length) => index < length - 1 ? 1 : 0;
    if (Array.isArray(v))
      return `[
${v.map((item, i) => inner + format(item, inner, inner.length, comma(i, v.length))).join(",\n")}
${indent3}]`;
    const pairs = Object.entries(v);
    const entries = pairs.map(([k, item], i) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + format(item, inner, inner.length + key.length, comma(i, pairs.length));
    });
    return `{
${entries.join(",\n")}
${indent3}}`;
  };
  return format(value, "", 0, 0);
}

// src/init/pins.ts
var PINNED = {
  checkout: "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2",
  setupNode: "actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0",
  setupPython: "actions/setup-python@ece7cb06caefa5fff74198d8649806c4678c61a1 # v6.3.0",
  uploadArtifact: "actions/upload-artifact@043fb46d1a93c77aae656e7c1c64a875d1fc6a0a # v7.0.1",
  downloadArtifact: "actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1",
  awsCredentials: "aws-actions/configure-aws-credentials@a03048d87541d1d9fcf2ecf528a4a65ba9bd7838 # v5.0.0"
};
var KIT_ACTIONS = "mlops-kit/mlops-kit/actions";
var KIT_REF = "v1";

// src/init/workflows.ts
var WORKFLOW_NAMES = {
  pr: "mlops PR",
  report: "mlops PR report",
  main: "mlops main",
  retrain: "mlops retrain",
  sweep: "mlops sweep"
};
var GATE_CHECK = "mlops gate";
var REPORT_ARTIFACT = "mlops-gate-report";
function yamlValue(text2) {
  return /^[A-Za-z0-9._/-]+$/.test(text2) || /^\$\{\{[^{}]*\}\}$/.test(text2) ? text2 : JSON.stringify(text2);
}
var indent = (lines, spaces) => lines.map((line2) => line2 === "" ? line2 : " ".repeat(spaces) + line2);
function kitStep(action, values, extra = {}) {
  const inputs = [];
  if (values.config !== "mlops.yml") inputs.push(`config: ${yamlValue(values.config)}`);
  if (values.workingDirectory !== ".") inputs.push(`working-directory: ${yamlValue(values.workingDirectory)}`);
  for (const [key, value] of Object.entries(extra.with ?? {})) inputs.push(`${key}: ${value}`);
  const keys = [];
  if (extra.name) keys.push(`name: ${extra.name}`);
  if (extra.id) keys.push(`id: ${extra.id}`);
  if (extra.if) keys.push(`if: ${extra.if}`);
  if (extra.continueOnError) keys.push("continue-on-error: true");
  keys.push(`uses: ${KIT_ACTIONS}/${action}@${KIT_REF}`);
  if (inputs.length > 0) keys.push("with:", ...indent(inputs, 2));
  return keys.map((line2, index) => index === 0 ? `- ${line2}` : `  ${line2}`);
}
function checkoutStep() {
  return [`- uses: ${PINNED.checkout}`, "  with:", "    persist-credentials: false"];
}
function awsStep(values, access) {
  if (values.aws === null) return [];
  const role = values.aws[access];
  return [
    `- name: AWS credentials for the registry (${access}), by OIDC`,
    ...role.condition ? [`  if: ${role.condition}`] : [],
    `  uses: ${PINNED.awsCredentials}`,
    "  with:",
    `    role-to-assume: ${role.arn}`,
    `    aws-region: ${values.aws.region}`
  ];
}
function setupSteps(setup, workingDirectory) {
  if (setup === null)
    return ["# Set up what your training command needs here (pin third-party actions to a commit SHA)."];
  const at = workingDirectory === "." ? [] : [`  working-directory: ${yamlValue(workingDirectory)}`];
  if (setup.kind === "python") {
    return [
      `- uses: ${PINNED.setupPython}`,
      "  with:",
      `    python-version: "${setup.version}"`,
      "- name: Install the training dependencies",
      ...at,
      "  run: if [ -f requirements.txt ]; then pip install -r requirements.txt; fi"
    ];
  }
  return [
    `- uses: ${PINNED.setupNode}`,
    "  with:",
    `    node-version: "${setup.version}"`,
    "- name: Install the training dependencies",
    ...at,
    "  run: if [ -f package-lock.json ]; then npm ci; fi"
  ];
}
function header(comment) {
  return [...comment.map((line2) => `# ${line2}`.trimEnd())];
}
function uploadReport() {
  return [
    "- name: Keep the gate report for the reporting workflow",
    "  if: always() && steps.gate.outputs.report != ''",
    `  uses: ${PINNED.uploadArtifact}`,
    "  with:",
    `    name: ${REPORT_ARTIFACT}`,
    "    path: ${{ steps.gate.outputs.report }}",
    "    include-hidden-files: true",
    "    retention-days: 7"
  ];
}
function prJob(values) {
  return [
    "gate:",
    `  name: ${GATE_CHECK}`,
    `  runs-on: ${values.runsOnTraining}`,
    "  timeout-minutes: 120",
    "  permissions:",
    "    contents: read",
    ...values.aws === null ? [] : ["    id-token: write # read the registry by OIDC (same-repository pull requests; forks get no token)"],
    "  steps:",
    ...indent(
      [
        ...checkoutStep(),
        ...awsStep(values, "read"),
        ...values.setupSteps,
        ...kitStep("validate", values),
        // On a pull request the cache reads the base branch's entries; writes stay in the PR's own scope.
        ...kitStep("train", values),
        ...kitStep("evaluate", values, { with: { "github-token": '""' } }),
        ...kitStep("gate", values, {
          id: "gate",
          with: { "github-token": '"" # posted by the reporting workflow, which has the write token' }
        }),
        ...uploadReport()
      ],
      4
    )
  ];
}
function reportJob(values, trigger) {
  const runId = "${{ github.event.workflow_run.id }}";
  return [
    "report:",
    "  name: mlops report",
    ...trigger === "workflow_run" ? ["  if: github.event.workflow_run.event == 'pull_request'"] : [],
    "  runs-on: ubuntu-latest",
    "  permissions:",
    "    contents: read # the default branch's mlops.yml (report settings), never the pull request's code",
    "    actions: read # the pull-request run's artifact",
    "    pull-requests: write # the sticky comment",
    "    checks: write # the check run on the pull request's head commit",
    "  steps:",
    ...indent(
      [
        ...checkoutStep(),
        "- name: Fetch the gate report of the pull request's run",
        "  id: fetch",
        "  # No artifact: the run stopped before the gate, and its own failed check says why.",
        "  continue-on-error: true",
        `  uses: ${PINNED.downloadArtifact}`,
        "  with:",
        `    name: ${REPORT_ARTIFACT}`,
        `    run-id: ${runId}`,
        "    github-token: ${{ github.token }}",
        "    path: ${{ runner.temp }}/mlops-report",
        "# The artifact is untrusted input (a fork wrote it): the report action validates it before posting.",
        ...kitStep("report", values, {
          if: "steps.fetch.outcome == 'success'",
          with: { report: "${{ runner.temp }}/mlops-report/gate.json" }
        })
      ],
      4
    )
  ];
}
function mainJob(values) {
  return [
    "publish:",
    "  name: mlops publish",
    `  runs-on: ${values.runsOnTraining}`,
    "  timeout-minutes: 120",
    "  permissions:",
    "    contents: read",
    ...values.aws === null ? [] : ["    id-token: write # write to the registry by OIDC"],
    "  steps:",
    ...indent(
      [
        ...checkoutStep(),
        ...awsStep(values, "write"),
        ...values.setupSteps,
        ...kitStep("validate", values),
        ...kitStep("train", values),
        ...kitStep("evaluate", values, { id: "evaluate", with: { "github-token": '""' } }),
        "# A failed gate still publishes the version (recorded with its verdict); only promotion needs a pass.",
        ...kitStep("gate", values, { id: "gate", continueOnError: true, with: { "github-token": '""' } }),
        ...kitStep("publish", values, { if: "${{ !cancelled() && steps.evaluate.outcome == 'success' }}" }),
        "- name: Fail the run when the gate did not pass",
        "  if: steps.gate.outcome == 'failure'",
        "  env:",
        "    VERDICT: ${{ steps.gate.outputs.verdict }}",
        "  run: |",
        '    echo "::error::the gate verdict is $VERDICT: the version was published but not promoted"',
        "    exit 1"
      ],
      4
    )
  ];
}
function retrainJob(values, forceExpression) {
  return [
    "retrain:",
    "  name: mlops retrain",
    `  runs-on: ${values.runsOnTraining}`,
    "  timeout-minutes: 360",
    "  permissions:",
    "    contents: read",
    "    issues: write # one issue per model when a retrain fails or is blocked; closed when one succeeds",
    ...values.aws === null ? [] : ["    id-token: write # read and write the registry by OIDC"],
    "  steps:",
    ...indent(
      [
        ...checkoutStep(),
        ...awsStep(values, "write"),
        ...values.setupSteps,
        "# Decides (drift against the champion's training data, its age, new data), then trains, gates against the",
        "# champion, publishes, and promotes only a better model. Its outputs say what happened and why.",
        ...kitStep("retrain", values, { id: "retrain", with: { force: forceExpression } })
      ],
      4
    )
  ];
}
function sweepJobs(values) {
  const leg = (lines) => indent(lines, 4);
  return [
    "plan:",
    "  runs-on: ubuntu-latest",
    "  permissions:",
    "    contents: read",
    "  outputs:",
    "    matrix: ${{ steps.plan.outputs.matrix }}",
    "  steps:",
    ...leg([...checkoutStep(), ...kitStep("plan", values, { id: "plan" })]),
    "leg:",
    "  name: train ${{ matrix.name }}",
    "  needs: plan",
    "  runs-on: ${{ matrix.runs_on }}",
    "  timeout-minutes: 360",
    "  strategy:",
    "    fail-fast: false",
    "    matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}",
    "  permissions:",
    "    contents: read",
    ...values.aws === null ? [] : ["    id-token: write # the run cache and the registry by OIDC"],
    "  steps:",
    ...leg([
      ...checkoutStep(),
      // A dispatched sweep runs on the default branch: its legs save to the run cache, with the role that writes.
      ...awsStep(values, "write"),
      ...values.setupSteps,
      ...kitStep("train", values, { with: { leg: "${{ matrix.leg }}" } }),
      ...kitStep("evaluate", values, { with: { "github-token": '""' } }),
      "- name: Keep this leg's result",
      "  if: always()",
      `  uses: ${PINNED.uploadArtifact}`,
      "  with:",
      "    name: mlops-leg-${{ matrix.leg }}",
      "    path: |",
      `      ${values.workingDirectory === "." ? "" : `${values.workingDirectory}/`}.mlops/out/train.json`,
      `      ${values.workingDirectory === "." ? "" : `${values.workingDirectory}/`}.mlops/out/evaluate.json`,
      "    include-hidden-files: true",
      "    retention-days: 7"
    ]),
    "select:",
    "  name: best leg",
    "  needs: [plan, leg]",
    "  if: always() && needs.plan.result == 'success'",
    "  runs-on: ubuntu-latest",
    "  permissions:",
    "    contents: read",
    "  steps:",
    ...leg([
      ...checkoutStep(),
      `- uses: ${PINNED.downloadArtifact}`,
      "  with:",
      "    pattern: mlops-leg-*",
      "    path: ${{ runner.temp }}/legs",
      ...kitStep("select", values, { id: "select", with: { results: "${{ runner.temp }}/legs" } })
    ])
  ];
}
function templateValues(options) {
  const runsOn = options.trainRunsOn && options.trainRunsOn.length > 0 ? `[${options.trainRunsOn.map(yamlValue).join(", ")}]` : "ubuntu-latest";
  return {
    config: options.configFile,
    workingDirectory: options.workingDirectory,
    runsOnTraining: runsOn,
    aws: options.s3 ? {
      read: { condition: "vars.MLOPS_AWS_READ_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_READ_ROLE_ARN }}" },
      write: { condition: "vars.MLOPS_AWS_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_ROLE_ARN }}" },
      region: "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}"
    } : null,
    setupSteps: setupSteps(options.setup, options.workingDirectory)
  };
}
var concurrencyOfModel = (model) => [
  "# One publish at a time per model; every push gets its turn, in order.",
  "concurrency:",
  `  group: mlops-publish-${model}`,
  "  queue: max"
];
function workflowTemplates(options) {
  const values = templateValues(options);
  const files = [];
  const file = (name, purpose, lines) => {
    files.push({ path: name, content: `${lines.join("\n")}
`, purpose });
  };
  const jobs = (lines) => ["jobs:", ...indent(lines, 2)];
  file(
    "mlops-pr.yml",
    `pull requests: validate, train (cached), evaluate and gate; the "${GATE_CHECK}" check fails on a regression`,
    [
      ...header([
        "mlops-kit: the pull-request check. Validates the data, trains (or reuses the cached run), evaluates, and gates",
        `the model against the registry's champion. The "${GATE_CHECK}" job fails on a real regression: make it a required`,
        "status check in branch protection. It runs with a read-only token (forks get no secrets), so the report is",
        `posted by ${WORKFLOW_NAMES.report} from the artifact this run uploads.`
      ]),
      `name: ${WORKFLOW_NAMES.pr}`,
      "on:",
      "  # No paths filter: a required check whose workflow is skipped stays pending and blocks the merge.",
      "  pull_request:",
      "permissions: {}",
      "concurrency:",
      "  group: mlops-pr-${{ github.event.pull_request.number }}",
      "  cancel-in-progress: true",
      ...jobs(prJob(values))
    ]
  );
  file(
    "mlops-pr-report.yml",
    "posts the sticky pull-request comment and the check run from the PR run's report (fork-safe)",
    [
      ...header([
        `mlops-kit: posts the gate report of each "${WORKFLOW_NAMES.pr}" run to its pull request: a sticky comment and a`,
        "check run on the head commit. It runs in the trusted context of the default branch with a write token, never",
        "runs the pull request's code, and treats the downloaded report as untrusted input."
      ]),
      `name: ${WORKFLOW_NAMES.report}`,
      "on:",
      "  workflow_run:",
      `    workflows: [${WORKFLOW_NAMES.pr}]`,
      "    types: [completed]",
      "permissions: {}",
      ...jobs(reportJob(values, "workflow_run"))
    ]
  );
  file(
    "mlops-main.yml",
    `pushes to ${options.defaultBranch}: the pipeline, then publish; promote when the gate passed`,
    [
      ...header([
        `mlops-kit: on every push to ${options.defaultBranch}, the same pipeline, then the model is published to the registry`,
        "(a new immutable version with its manifest) and promoted to champion when it passed the gate."
      ]),
      `name: ${WORKFLOW_NAMES.main}`,
      "on:",
      "  push:",
      `    branches: [${yamlValue(options.defaultBranch)}]`,
      "  workflow_dispatch:",
      "permissions: {}",
      ...concurrencyOfModel(options.model),
      ...jobs(mainJob(values))
    ]
  );
  if (options.schedule) {
    file(
      "mlops-retrain.yml",
      `scheduled retraining (${options.schedule.cron}, ${options.schedule.timezone}) when drift, age or new data call for it`,
      [
        ...header([
          "mlops-kit: continuous training. On schedule (from retrain.schedule in mlops.yml) it decides whether to retrain",
          "(drift against the champion's training data, the champion's age, new data), retrains, gates against the",
          "champion, and promotes only a better model. A failed or blocked retrain opens (or updates) one issue per model,",
          "closed again by the next success. Scheduled runs use the default branch; GitHub may delay them under load."
        ]),
        `name: ${WORKFLOW_NAMES.retrain}`,
        "on:",
        "  schedule:",
        `    - cron: "${options.schedule.cron}"`,
        ...options.schedule.timezone === "UTC" ? [] : [`      timezone: ${yamlValue(options.schedule.timezone)}`],
        "  workflow_dispatch:",
        "    inputs:",
        "      force:",
        "        description: Retrain even if nothing calls for it",
        "        type: boolean",
        "        default: false",
        "permissions: {}",
        ...concurrencyOfModel(options.model),
        ...jobs(retrainJob(values, "${{ inputs.force || false }}"))
      ]
    );
  }
  if (options.sweep) {
    file("mlops-sweep.yml", "a hyperparameter sweep: one job per train.matrix leg, then the best leg", [
      ...header([
        "mlops-kit: a hyperparameter sweep. `plan` turns train.matrix into a GitHub matrix, each leg trains and evaluates",
        "on its own runner (train.runs_on), and `select` picks the best leg by the gate's primary metric."
      ]),
      `name: ${WORKFLOW_NAMES.sweep}`,
      "on:",
      "  workflow_dispatch:",
      "permissions: {}",
      ...jobs(sweepJobs(values))
    ]);
  }
  return files;
}

// src/init/next-steps.ts
function nextSteps(input) {
  const { repository } = input;
  const owner = repository.remote?.owner ?? PLACEHOLDERS.owner;
  const repo = repository.remote?.repo ?? PLACEHOLDERS.repo;
  const ruleset = {
    name: GATE_CHECK,
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
    rules: [
      {
        type: "required_status_checks",
        parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: GATE_CHECK }] }
      }
    ]
  };
  const location = input.registryUri && isS3Uri(input.registryUri) ? registryLocation(input.registryUri) : void 0;
  const notes = [];
  if (!repository.git)
    notes.push(`${repository.root} is not in a git repository: the workflows were written there; run \`git init\``);
  if (!repository.remote)
    notes.push(`no GitHub remote named origin: replace ${PLACEHOLDERS.owner}/${PLACEHOLDERS.repo} below with yours`);
  if (repository.remote && repository.remote.host !== "github.com")
    notes.push(
      `origin is on ${repository.remote.host}: on GitHub Enterprise the OIDC issuer (and so the IAM identity provider) differs from ${OIDC_PROVIDER}`
    );
  if (repository.defaultBranchFrom !== "origin/HEAD")
    notes.push(
      repository.remote ? `the default branch "${repository.defaultBranch}" is a guess (origin/HEAD is not set): if it is wrong, run \`git remote set-head origin --auto\` and \`mlops init --force\` again` : `the default branch is taken to be "${repository.defaultBranch}" (${repository.defaultBranchFrom === "current branch" ? "the current branch" : "no branch yet"}): the main workflow runs on pushes to it`
    );
  if (!location)
    notes.push(
      "the registry is a local folder: on GitHub each run starts with an empty one, so pull requests have no champion to gate against and what main publishes is lost with the runner. Use a bucket: `mlops init --force --registry s3://bucket/prefix`"
    );
  return {
    requiredCheck: GATE_CHECK,
    github: { owner, repo, detected: repository.remote !== null },
    ruleset,
    rulesetCommand: `gh api --method POST repos/${owner}/${repo}/rulesets --input - <<'EOF'
${compactJson(ruleset)}
EOF`,
    idsCommand: `gh api repos/${owner}/${repo} --jq '"OWNER_ID=\\(.owner.id) REPO_ID=\\(.id)"'`,
    aws: location ? awsSetup(location, { owner, repo }, repository.defaultBranch, input.model) : null,
    notes
  };
}
var indent2 = (text2, spaces) => text2.split("\n").map((l) => l === "" ? l : " ".repeat(spaces) + l).join("\n");
function renderNextSteps(steps, input) {
  const { repository } = input;
  const sections = [];
  let number = 0;
  const section = (title, body) => {
    number += 1;
    sections.push([`${number}. ${title}`, ...body.map((b) => indent2(b, 3))].join("\n"));
  };
  const config = input.configFlag === "" ? "" : ` ${input.configFlag}`;
  section("Run it locally first.", [
    "Point data.train, data.eval and data.target at your data and check the commands, then:",
    indent2(`mlops check${config} && mlops run${config} --no-publish`, 2),
    "The same stages run in the workflows; a failure here is one you do not have to push to see.",
    ...steps.aws ? ["The gate reads the champion from the bucket: have AWS credentials for it in your shell (AWS_PROFILE...)."] : []
  ]);
  if (input.workflows) {
    section(`Make "${steps.requiredCheck}" a required status check on ${repository.defaultBranch}.`, [
      `It is the gate job of the "${WORKFLOW_NAMES.pr}" workflow: it fails on a regression. Require it in a ruleset`,
      '(Settings > Rules > Rulesets > New branch ruleset > "Require status checks to pass") or in branch protection',
      `(Settings > Branches); GitHub offers it once it has run on a pull request. Or with the GitHub CLI:`,
      indent2(steps.rulesetCommand, 2)
    ]);
  }
  if (steps.aws) {
    const { aws } = steps;
    const write = aws.roles.write;
    const read = aws.roles.read;
    const where = `s3://${aws.bucket}${aws.prefix === "" ? "" : `/${aws.prefix}`}`;
    section(`Give the workflows access to ${where} by OIDC (no stored keys).`, [
      `a. In AWS IAM (once per account): an OpenID Connect identity provider for https://${OIDC_PROVIDER},`,
      `   audience ${OIDC_AUDIENCE}.`,
      `b. A read-write role (e.g. ${write.name}) for pushes and schedules on ${repository.defaultBranch}. Permissions:`,
      indent2(policyJson(write.permissions), 3),
      `   Trust policy (only ${trustedContext("write", repository.defaultBranch)}):`,
      indent2(policyJson(write.trust), 3),
      `c. A read-only role (e.g. ${read.name}) for pull requests. Permissions:`,
      indent2(policyJson(read.permissions), 3),
      "   Trust policy (only pull_request; fork pull requests get no OIDC token at all):",
      indent2(policyJson(read.trust), 3),
      "   Each trust policy lists both subject formats GitHub sends: repositories created after 2026-07-15 send",
      `   immutable ids (repo:${steps.github.owner}@${PLACEHOLDERS.ownerId}/${steps.github.repo}@${PLACEHOLDERS.repoId}:...), older ones repo:${steps.github.owner}/${steps.github.repo}:... .`,
      `   Replace ${PLACEHOLDERS.ownerId} and ${PLACEHOLDERS.repoId} with the numbers this prints, and ${PLACEHOLDERS.accountId} with your account:`,
      indent2(steps.idsCommand, 5),
      "d. Repository variables (Settings > Secrets and variables > Actions > Variables, or `gh variable set NAME --body VALUE`):",
      ...aws.variables.map((v) => `   ${v.name.padEnd(24)} ${v.purpose}`),
      "   If data.train or data.eval are on S3 too, add s3:GetObject (and s3:ListBucket) on them to both roles."
    ]);
  }
  section("Tokens: what GITHUB_TOKEN cannot start.", [
    "Events made with GITHUB_TOKEN (a push, or a pull request a workflow opens) start no workflow runs, so such a",
    `pull request gets no "${steps.requiredCheck}" run. Where automation must trigger these workflows, have it use a`,
    "GitHub App's installation token (actions/create-github-app-token) instead."
  ]);
  section("Commit and open a pull request.", [
    `Commit the files above, open a pull request, and watch "${steps.requiredCheck}".`
  ]);
  const notes = steps.notes.map((note) => `note: ${note}`);
  return [...notes, ...notes.length > 0 ? [""] : [], "Next steps:", "", sections.join("\n\n")].join("\n");
}

// src/init/plan.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/init/config-template.ts
var import_yaml2 = __toESM(require_dist(), 1);
var PLACEHOLDER_TRAIN = "echo 'set train.command in mlops.yml to your training command' >&2; exit 1";
function yamlScalar(value) {
  const plain = (0, import_yaml2.stringify)(value, { lineWidth: 0 }).trimEnd();
  if (!plain.includes("\n") && !/^["'|>]/.test(plain)) return plain;
  return JSON.stringify(value);
}
var flowList = (items) => `[${items.map(yamlScalar).join(", ")}]`;
function gateRules(task) {
  return task === "classification" ? "    - { metric: accuracy, min: 0.7 }\n    - { metric: accuracy, max_regression: 0.01 }" : "    - { metric: r2, min: 0.5 }\n    - { metric: r2, max_regression: 0.02 }";
}
var line = (indent3, key, value, comment) => {
  const text2 = `${" ".repeat(indent3)}${key}: ${value}`;
  return comment ? `${text2.padEnd(32)} # ${comment}` : text2;
};
function trainSection(input) {
  const command = input.trainCommand ? [
    ...input.trainFrom ? [`  # detected from ${input.trainFrom}`] : [],
    line(2, "command", yamlScalar(input.trainCommand))
  ] : [
    "  # No training entry point found (a dvc.yaml stage or Makefile target named train, an npm script `train`,",
    "  # a train.py). Put your command here: it runs in this folder.",
    line(2, "command", yamlScalar(PLACEHOLDER_TRAIN))
  ];
  return [
    "train:",
    ...command,
    input.params ? line(2, "params", yamlScalar(input.params), "exposed as $MLOPS_PARAMS_FILE and MLOPS_PARAM_<NAME>") : "  # params: params.yml            # exposed as $MLOPS_PARAMS_FILE and MLOPS_PARAM_<NAME>",
    line(2, "outputs", flowList(input.outputs ?? ["model/"]), "restored on a cache hit, published to the registry"),
    "  # inputs: [src/**]             # code whose change invalidates the run cache",
    "  # runs_on: [self-hosted, gpu]  # runner labels for the training jobs"
  ].join("\n");
}
function evaluateSection(input) {
  const predictionsComment = `columns label, prediction${input.task === "classification" ? " (and score)" : ""} -> built-in metrics`;
  const command = input.evaluateCommand ? [
    ...input.evaluateFrom ? [`  # detected from ${input.evaluateFrom}`] : [],
    line(2, "command", yamlScalar(input.evaluateCommand))
  ] : ["  # command: python evaluate.py  # when predictions come from a separate step"];
  return [
    "evaluate:",
    ...command,
    line(2, "predictions", "predictions.csv", predictionsComment),
    "  # metrics_file: metrics.json   # extra metrics your code computes"
  ].join("\n");
}
function registryLines(input) {
  if (!input.registry) return "# registry: { uri: s3://my-bucket/models }   # default: a local folder, .mlops/registry";
  const value = yamlScalar(input.registry);
  const s3 = input.registry.startsWith("s3://");
  return [
    "registry:",
    line(2, "uri", value, s3 ? "bucket and prefix; credentials come from the AWS chain (OIDC in CI)" : "a folder"),
    ...s3 ? ["  # region: eu-west-1             # else AWS_REGION (the workflows set it from MLOPS_AWS_REGION)"] : []
  ].join("\n");
}
function retrainLines(input) {
  if (!input.schedule)
    return '# retrain: { schedule: "17 3 * * 1", when: { drift: true, max_age_days: 30 } }   # mlops init --schedule writes it';
  return [
    "retrain:",
    line(2, "schedule", JSON.stringify(input.schedule), "cron, UTC; GitHub runs it on the default branch"),
    "  # timezone: Europe/Berlin",
    "  when: { drift: true, new_data: true } # max_age_days: 30 retrains an old champion too"
  ].join("\n");
}
function configTemplate(input) {
  const drift = input.schedule ? "  drift: { reference: champion }  # compared with the champion's training data; retraining acts on it" : "  # drift: { reference: champion, method: auto }";
  return `# yaml-language-server: $schema=${input.schemaUrl}
# mlops-kit configuration. Reference: https://github.com/mlops-kit/mlops-kit#configuration-reference
version: 1

model:
  name: ${input.model}
${line(2, "task", input.task, "classification or regression")}

data:
  train: data/train.csv          # a path, a glob, or s3://bucket/key
  eval: data/eval.csv
  target: label
  schema:
    columns:
      label: { nullable: false }
    rows: { min: 1 }
${drift}

${trainSection(input)}

${evaluateSection(input)}

gate:
  baseline: champion             # the registry's current champion
  rules:
${gateRules(input.task)}

${registryLines(input)}
publish: { promote: champion }
${retrainLines(input)}
`;
}

// src/init/plan.ts
var WORKFLOW_SAFE = /^[A-Za-z0-9._/-]+$/;
async function planInit(request, git) {
  const file = configFileOf(request);
  const configDir = path2.dirname(file);
  const task = request.task ?? "classification";
  if (task !== "classification" && task !== "regression")
    throw new UsageError(`--task must be classification or regression, not "${task}"`);
  const model = request.name ?? defaultModelName(configDir);
  if (!NAME_PATTERN.test(model))
    throw new UsageError(`"${model}" is not a valid model name`, { hint: "use letters, digits, '.', '_' and '-'" });
  for (const [flag, value] of [
    ["--python", request.python],
    ["--node", request.node]
  ]) {
    if (value !== void 0 && !isVersionText(value))
      throw new UsageError(`${flag} "${value}" is not a version`, { hint: `for example ${flag} 3.12 or 22` });
  }
  if (request.python !== void 0 && request.node !== void 0)
    throw new UsageError("pass --python or --node, not both: the workflows set up one runtime for training");
  if (request.registry !== void 0 && isS3Uri(request.registry) && !parseS3Uri(request.registry))
    throw new UsageError(`--registry "${request.registry}" is not an s3://bucket/prefix URI`, {
      hint: "bucket names are 3-63 lowercase letters, digits, '.' and '-'"
    });
  const [repository, training] = await Promise.all([
    detectRepository(configDir, git),
    detectTraining(configDir, { python: request.python, node: request.node })
  ]);
  const content = configTemplate({
    model,
    task,
    trainCommand: training.command,
    trainFrom: training.commandFrom,
    evaluateCommand: training.evaluateCommand,
    evaluateFrom: training.evaluateFrom,
    outputs: training.outputs,
    params: training.params,
    registry: request.registry ?? null,
    schedule: request.schedule ?? null,
    schemaUrl: request.schemaUrl
  });
  const loaded = checkRendered(content, file);
  const files = [
    {
      file,
      repoPath: repository.workingDirectory === "." ? path2.basename(file) : `${repository.workingDirectory}/${path2.basename(file)}`,
      content,
      purpose: "the pipeline's config"
    }
  ];
  let workflowOptions = null;
  if (request.workflows) {
    workflowOptions = workflowOptionsFor(loaded, repository, training, path2.basename(file));
    for (const workflow of workflowTemplates(workflowOptions)) {
      const target = path2.join(repository.root, ".github", "workflows", workflow.path);
      files.push({
        file: target,
        repoPath: `.github/workflows/${workflow.path}`,
        content: workflow.content,
        purpose: workflow.purpose
      });
    }
  }
  return { files, repository, training, loaded, workflowOptions };
}
function existingTargets(plan) {
  const existing = plan.files.filter((f) => existsSync2(f.file)).map((f) => f.file);
  const config = plan.files[0]?.file;
  if (config && path2.basename(config) === DEFAULT_CONFIG_FILE) {
    const alternative = path2.join(path2.dirname(config), "mlops.yaml");
    if (existsSync2(alternative)) existing.unshift(alternative);
  }
  return existing;
}
async function writePlan(plan) {
  for (const folder of new Set(plan.files.map((f) => path2.dirname(f.file)))) {
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw new InputError(`cannot create the folder ${folder}: ${error.message}`, {
        hint: "nothing was written",
        cause: error
      });
    }
  }
  for (const file of plan.files) {
    try {
      await writeFile(file.file, file.content);
    } catch (error) {
      throw new InputError(`cannot write ${file.file}: ${error.message}`, { cause: error });
    }
  }
}
function workflowOptionsFor(loaded, repository, training, configFile) {
  const { config } = loaded;
  const unsafe = [
    ["the folder of mlops.yml", repository.workingDirectory],
    ["the config file's name", configFile],
    ["the default branch", repository.defaultBranch]
  ].find(([, value]) => !WORKFLOW_SAFE.test(value ?? ""));
  if (unsafe) {
    throw new UsageError(`${unsafe[0]} "${unsafe[1]}" has characters the workflow files cannot hold unquoted`, {
      hint: "use letters, digits, '.', '_', '-' and '/', or pass --no-workflows and write the workflows by hand"
    });
  }
  const runsOn = config.train?.runs_on;
  return {
    model: config.model.name,
    workingDirectory: repository.workingDirectory,
    configFile,
    defaultBranch: repository.defaultBranch,
    setup: training.setup,
    s3: isS3Uri(config.registry.uri ?? ""),
    schedule: config.retrain ? { cron: config.retrain.schedule, timezone: config.retrain.timezone } : null,
    trainRunsOn: runsOn === void 0 ? null : Array.isArray(runsOn) ? runsOn : [runsOn],
    sweep: config.train?.matrix !== void 0
  };
}
function checkRendered(content, file) {
  try {
    return parseConfig(content, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const errors = error.diagnostics.filter((d) => d.severity === "error");
    const first = errors[0];
    const describe = (d) => `${formatPath(d.path)}: ${d.message}`;
    throw new UsageError(`the options make a config that \`mlops check\` refuses: ${errors.map(describe).join("; ")}`, {
      hint: first?.hint ? `${first.hint}; nothing was written` : "nothing was written",
      cause: error
    });
  }
}
function configFileOf(request) {
  const given = path2.resolve(request.cwd, request.config);
  return existsSync2(given) && statSync(given).isDirectory() ? path2.join(given, DEFAULT_CONFIG_FILE) : given;
}
function defaultModelName(folder) {
  return path2.basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "").replace(/\.{2,}/g, ".") || "model";
}

// src/cli/commands/init.ts
var SCHEMA_URL = `https://raw.githubusercontent.com/mlops-kit/mlops-kit/v${KIT_VERSION}/schema/mlops.schema.json`;
var text = (value) => typeof value === "string" ? value : void 0;
var initCommand = {
  name: "init",
  summary: "Write a commented mlops.yml and the GitHub workflows for this repository (never overwrites without --force)",
  details: [
    "Detects the GitHub repository (origin), its default branch, the folder of mlops.yml in the repository, and how",
    "training runs (a dvc.yaml stage or Makefile target named train, an npm script, a train.py; Python or Node.js and",
    "its version), then prints the next steps: the required check, and for an S3 registry the IAM and OIDC setup."
  ].join("\n"),
  options: {
    name: { type: "string", valueName: "model", description: "Model name (default: the folder's name)" },
    task: { type: "string", valueName: "task", description: "classification (default) or regression" },
    registry: {
      type: "string",
      valueName: "uri",
      description: "Where models are kept: s3://bucket/prefix, or a folder (default: .mlops/registry)"
    },
    python: { type: "string", valueName: "version", description: "Set up this Python in the workflows" },
    node: { type: "string", valueName: "version", description: "Set up this Node.js in the workflows" },
    schedule: {
      type: "string",
      valueName: "cron",
      description: 'Retrain on this schedule (UTC), e.g. "17 3 * * 1"; writes the retrain workflow'
    },
    "no-workflows": { type: "boolean", description: "Write only mlops.yml" },
    force: { type: "boolean", description: "Overwrite files that exist" }
  },
  run: async (args, io) => {
    const plan = await planInit(
      {
        cwd: io.cwd,
        config: args.config,
        name: text(args.values.name),
        task: text(args.values.task),
        registry: text(args.values.registry),
        python: text(args.values.python),
        node: text(args.values.node),
        schedule: text(args.values.schedule),
        workflows: args.values["no-workflows"] !== true,
        schemaUrl: SCHEMA_URL
      },
      systemGit(io.env)
    );
    const shown = (file) => path3.relative(io.cwd, file) || file;
    const existing = existingTargets(plan);
    if (existing.length > 0 && args.values.force !== true) {
      const names = existing.map(shown);
      throw new UsageError(`${names.join(", ")} already exist${names.length === 1 ? "s" : ""}`, {
        hint: `pass --force to overwrite ${names.length === 1 ? "it" : "them"}; nothing was written`
      });
    }
    await writePlan(plan);
    const config = plan.files[0]?.file ?? "";
    const stepsInput = {
      repository: plan.repository,
      model: plan.loaded.config.model.name,
      registryUri: plan.loaded.config.registry.uri,
      workflows: plan.workflowOptions !== null,
      configFlag: args.config === DEFAULT_CONFIG_FILE ? "" : `--config ${shown(config)}`
    };
    const steps = nextSteps(stepsInput);
    return {
      exitCode: ExitCode.ok,
      result: {
        ok: true,
        written: plan.files.map((f) => ({ path: shown(f.file), repoPath: f.repoPath, purpose: f.purpose })),
        detected: detected(plan),
        warnings: plan.loaded.warnings,
        nextSteps: steps
      },
      text: [
        "Wrote:",
        ...plan.files.map((f) => `  ${shown(f.file)}: ${f.purpose}`),
        "",
        ...describeDetection(plan),
        ...plan.loaded.warnings.map(formatDiagnostic),
        "",
        renderNextSteps(steps, stepsInput)
      ].join("\n")
    };
  }
};
function detected(plan) {
  const { repository, training } = plan;
  return {
    repository: repository.remote,
    defaultBranch: repository.defaultBranch,
    defaultBranchFrom: repository.defaultBranchFrom,
    workingDirectory: repository.workingDirectory,
    git: repository.git,
    training: {
      command: training.command,
      from: training.commandFrom,
      evaluateCommand: training.evaluateCommand,
      evaluateFrom: training.evaluateFrom,
      setup: training.setup,
      setupFrom: training.setupFrom
    }
  };
}
function describeDetection(plan) {
  const { repository, training } = plan;
  const remote = repository.remote ? `${repository.remote.host}/${repository.remote.owner}/${repository.remote.repo}` : "no GitHub remote";
  const setup = training.setup ? `${training.setup.kind} ${training.setup.version} (${training.setupFrom})` : "none";
  return [
    `Repository: ${remote}; default branch ${repository.defaultBranch} (${repository.defaultBranchFrom}); mlops.yml in ${repository.workingDirectory === "." ? "the repository root" : repository.workingDirectory}.`,
    `Training: ${training.command ? `\`${training.command}\` (${training.commandFrom})` : "no entry point found: set train.command"}; runtime: ${setup}.`
  ];
}

// src/cli/project.ts
async function openProject(args, io) {
  const loaded = await loadConfig(args.config, io.cwd);
  for (const warning of loaded.warnings) {
    args.logger.warn(
      `${formatPath(warning.path)}: ${warning.message}${warning.hint ? ` (${warning.hint})` : ""}`,
      warning.location
    );
  }
  return {
    loaded,
    workspace: workspaceFor(loaded),
    logger: args.logger,
    env: io.env,
    now: () => /* @__PURE__ */ new Date(),
    provenance: await readProvenance(io.env, loaded.root)
  };
}
function stageOutcome(run) {
  return { exitCode: run.exitCode, result: run.result, text: renderText(run.section) };
}

// src/cli/commands/models.ts
var modelsCommand = {
  name: "models",
  summary: "List versions and aliases, show one version, trace the alias history, or clean up interrupted publishes",
  details: "A <ref> is a version id, a version number (7 or v7) or an alias (champion).\n`history --alias champion --at 2026-03-01` answers which version was champion then: at that moment, or for a\nbare date every version that served during that day (UTC).",
  positionals: [
    { name: "action", required: false, description: "list (default), show, history or clean" },
    { name: "ref", required: false, description: "for show: a version id, number or alias such as champion" }
  ],
  options: {
    alias: { type: "string", valueName: "name", description: "history: only this alias (default for --at: champion)" },
    at: { type: "string", valueName: "time", description: "history: the alias at this ISO time or date (UTC)" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const [action = "list", ref] = args.positionals;
    const headline = context.loaded.config.gate?.primary_metric ?? context.loaded.config.gate?.rules[0]?.metric;
    const alias = typeof args.values.alias === "string" ? args.values.alias : void 0;
    const at = typeof args.values.at === "string" ? args.values.at : void 0;
    if (action === "list") return listVersions(registry, model, headline);
    if (action === "show") {
      if (!ref) throw new UsageError("models show needs a version id or alias", { hint: "mlops models show champion" });
      const manifest = await registry.resolve(model, ref);
      if (!manifest)
        throw new InputError(`${model} has no version or alias "${ref}"`, { hint: "see `mlops models list`" });
      const aliases = Object.entries(await registry.aliases(model)).filter(([, version]) => version === manifest.version).map(([name]) => name);
      return { exitCode: ExitCode.ok, result: manifest, text: describeManifest(manifest, aliases) };
    }
    if (action === "history") {
      if (at !== void 0) return aliasAtTime(registry, model, alias ?? "champion", at);
      return showHistory(await registry.history(model, alias), model);
    }
    if (action === "clean") {
      const cleaned = await registry.clean(model);
      const text2 = cleaned.versions.length === 0 && cleaned.uploads === 0 ? "Nothing to clean: no interrupted publish older than a day." : `Removed ${cleaned.versions.length} interrupted publish(es) (${cleaned.objects} object(s)): ${cleaned.versions.join(", ") || "\u2014"}; aborted ${cleaned.uploads} unfinished upload(s).`;
      return { exitCode: ExitCode.ok, result: { model, ...cleaned }, text: text2 };
    }
    throw new UsageError(`unknown models action "${action}"`, { hint: "use list, show, history or clean" });
  }
};
async function listVersions(registry, model, headline) {
  const [versions, aliases] = await Promise.all([registry.versions(model), registry.aliases(model)]);
  const byVersion = /* @__PURE__ */ new Map();
  for (const [name, version] of Object.entries(aliases))
    byVersion.set(version, [...byVersion.get(version) ?? [], name]);
  const table = {
    headers: ["#", "version", "created", "gate", ...headline ? [headline] : [], "aliases"],
    rows: versions.map((m) => [
      m.sequence === void 0 ? "\u2014" : String(m.sequence),
      m.version,
      m.createdAt,
      m.gate?.verdict ?? "\u2014",
      ...headline ? [m.metrics[headline] === void 0 ? "\u2014" : formatNumber(m.metrics[headline])] : [],
      (byVersion.get(m.version) ?? []).join(", ")
    ])
  };
  const text2 = versions.length === 0 ? `No versions of ${model} in ${registry.location} yet.` : `${model} in ${registry.location}
${renderTextTable(table)}`;
  return { exitCode: ExitCode.ok, result: { model, registry: registry.location, versions, aliases }, text: text2 };
}
function describeManifest(m, aliases) {
  const lines = [
    `${m.model} ${m.version}${m.sequence === void 0 ? "" : ` (#${m.sequence})`}${aliases.length > 0 ? `, ${aliases.join(", ")}` : ""}`,
    `created   ${m.createdAt} by ${m.actor ?? "unknown"}${m.runUrl ? ` in ${m.runUrl}` : ""}`,
    `source    ${m.repository ? `${m.repository} ` : ""}${m.git.ref ?? "no ref"} ${m.git.sha ?? "no commit"}`,
    `gate      ${m.gate ? `${m.gate.verdict}${m.gate.baseline ? ` against ${m.gate.baseline}` : ""}` : "not run"}`,
    `metrics   ${Object.entries(m.metrics).map(([name, value]) => `${name} ${formatNumber(value)}`).join(", ") || "none"}`,
    `params    ${JSON.stringify(m.params)}`,
    "files",
    ...m.files.map((f) => `  ${f.path}  ${formatBytes(f.size)}  sha256 ${f.sha256}`),
    ...Object.entries(m.attachments).map(([name, f]) => `  (${name}) ${f.path}  ${formatBytes(f.size)}`),
    `kit       mlops-kit ${m.kitVersion}, ${m.format}`
  ];
  return lines.join("\n");
}
function showHistory(events, model) {
  const table = {
    headers: ["when", "alias", "from", "to", "by", "why"],
    rows: events.map((e) => [
      e.at,
      e.alias,
      e.from ?? "\u2014",
      e.to,
      e.actor ?? "\u2014",
      e.reason + (e.forced ? " (forced)" : "") + (e.kind === "rollback" ? " (rollback)" : "")
    ])
  };
  return {
    exitCode: ExitCode.ok,
    result: { model, events },
    text: events.length === 0 ? "No alias has moved yet." : renderTextTable(table)
  };
}
function parseWhen(text2) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text2);
  const start = new Date(day ? `${text2}T00:00:00.000Z` : text2);
  if (Number.isNaN(start.getTime())) {
    throw new UsageError(`--at expects an ISO date or time, not "${text2}"`, {
      hint: "e.g. --at 2026-03-01 or --at 2026-03-01T12:00Z"
    });
  }
  return { start, end: day ? new Date(start.getTime() + 24 * 60 * 60 * 1e3 - 1) : start };
}
async function aliasAtTime(registry, model, alias, when) {
  const { start, end } = parseWhen(when);
  const history = await registry.history(model, alias);
  const inForce = await registry.aliasAt(model, alias, start);
  const during = history.filter((e) => Date.parse(e.at) > start.getTime() && Date.parse(e.at) <= end.getTime());
  const served = [...inForce ? [inForce] : [], ...during];
  const text2 = served.length === 0 ? `${alias} did not exist yet at ${start.toISOString()}.` : served.map((e) => `${alias} -> ${e.to} since ${e.at} (by ${e.actor ?? "unknown"}: ${e.reason})`).join("\n");
  return {
    exitCode: ExitCode.ok,
    result: { model, alias, from: start.toISOString(), to: end.toISOString(), served },
    text: text2
  };
}

// src/cli/commands/plan.ts
var planCommand = {
  name: "plan",
  summary: "List the legs of the train.matrix sweep and print the GitHub strategy.matrix JSON for them",
  details: "With --json, stdout holds { legs, runsOn, matrix }; `matrix` is the value for\n`strategy: { matrix: ${{ fromJSON(...) }} }` (actions/plan sets it as its `matrix` output).",
  run: async (args, io) => {
    const run = await runPlanStage(await openProject(args, io));
    const outcome = stageOutcome(run);
    return { ...outcome, text: `${outcome.text}

strategy.matrix: ${JSON.stringify(run.result.matrix)}` };
  }
};

// src/cli/commands/profile.ts
import path4 from "node:path";
var profileCommand = {
  name: "profile",
  summary: "Write a dataset's profile as JSON (or merge shard profiles: profile merge <files...>)",
  details: [
    "Examples:",
    "  mlops profile                          profile data.train",
    "  mlops profile --shard 2/4 --out p2.json  profile the 2nd of 4 blocks of data.train's files",
    "  mlops profile merge p*.json --out all.json"
  ].join("\n"),
  positionals: [
    {
      name: "files",
      required: false,
      variadic: true,
      description: "files or globs to profile; or `merge` then profiles"
    }
  ],
  options: {
    out: { type: "string", short: "o", valueName: "file", description: "Where to write the profile JSON" },
    shard: { type: "string", valueName: "i/n", description: "Profile the i-th of n blocks of the dataset's files" },
    dataset: { type: "string", valueName: "name", description: "train (default) or eval" },
    workers: { type: "string", valueName: "n", description: "Threads to read with (default: every core)" }
  },
  run: async (args, io) => {
    const [first, ...rest] = args.positionals;
    const out = typeof args.values.out === "string" ? path4.resolve(io.cwd, args.values.out) : null;
    if (first === "merge") {
      if (!out)
        throw new UsageError("profile merge needs --out <file>", {
          hint: "mlops profile merge p*.json --out all.json"
        });
      const files = (await Promise.all(rest.map((p) => glob(p, { cwd: io.cwd, absolute: true, expandDirectories: false })))).flat();
      if (files.length === 0)
        throw new UsageError("profile merge needs the profiles to merge", {
          hint: "mlops profile merge p1.json p2.json --out all.json"
        });
      const profile2 = await mergeProfileFiles(files, out, io.cwd);
      const shown2 = displayPath(io.cwd, out);
      return {
        exitCode: ExitCode.ok,
        result: { file: shown2, profile: profile2 },
        text: renderText(profileSection(profile2, shown2))
      };
    }
    const context = await openProject(args, io);
    const dataset = args.values.dataset ?? "train";
    if (dataset !== "train" && dataset !== "eval")
      throw new UsageError(`--dataset is train or eval, not "${String(dataset)}"`);
    const { profile, file } = await runProfile(context, {
      dataset,
      files: args.positionals.map((p) => path4.resolve(io.cwd, p)),
      shard: parseShard(args.values.shard),
      out,
      ...workersOf(args.values.workers)
    });
    const shown = displayPath(io.cwd, file);
    return {
      exitCode: ExitCode.ok,
      result: { file: shown, profile },
      text: renderText(profileSection(profile, shown))
    };
  }
};
function parseShard(value) {
  if (value === void 0) return null;
  const match = /^(\d+)\/(\d+)$/.exec(String(value));
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard is i/n with 1 <= i <= n, not "${String(value)}"`, { hint: "e.g. --shard 2/4" });
  return { index, count };
}
function workersOf(value) {
  if (value === void 0) return {};
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1)
    throw new UsageError(`--workers is a whole number of at least 1, not "${String(value)}"`);
  return { workers };
}

// src/cli/commands/promote.ts
var promoteCommand = {
  name: "promote",
  summary: "Point an alias (default champion) at a version, recording who, when and why",
  details: "<version> may also be a version number (7 or v7) or an alias whose version to promote (staging).\nRefuses a version whose gate did not pass (exit 1) unless --force; a forced promotion is marked in the history.",
  positionals: [{ name: "version", required: true, description: "the version id (see `mlops models`)" }],
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" },
    force: { type: "boolean", description: "Promote even though the version's gate did not pass (recorded as forced)" }
  },
  run: async (args, io) => {
    const [ref] = args.positionals;
    if (!ref) throw new UsageError("promote needs a version id", { hint: "mlops promote <version> --alias champion" });
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const manifest = await registry.resolve(model, ref);
    if (!manifest) throw new InputError(`${model} has no version ${ref}`, { hint: "see `mlops models list`" });
    const { version } = manifest;
    const alias = String(args.values.alias ?? "champion");
    const force = args.values.force === true;
    const verdict = manifest.gate?.verdict ?? "missing";
    if (verdict !== "pass" && !force) {
      return {
        exitCode: ExitCode.checkFailed,
        result: { promoted: false, model, version, alias, reason: `its gate verdict is ${verdict}` },
        text: `Not promoted: ${version}'s gate verdict is ${verdict}. Use --force to promote anyway (it is recorded).`
      };
    }
    const event = await registry.moveAlias(model, alias, version, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: typeof args.values.reason === "string" ? args.values.reason : "promoted by hand",
      runUrl: context.provenance.runUrl,
      forced: force && verdict !== "pass"
    });
    return {
      exitCode: ExitCode.ok,
      result: { promoted: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to}`
    };
  }
};

// src/cli/commands/pull.ts
import path5 from "node:path";
var pullCommand = {
  name: "pull",
  summary: "Download a version's files into a folder, each verified against its manifest (size and sha256)",
  details: "<model>@<ref>: a version id, a version number (7) or an alias (champion); <model> alone means <model>@champion.\nFiles land only once every one is verified: a corrupted object leaves the folder as it was (exit 2).\nWith --registry the registry is named on the command line and no mlops.yml is needed (e.g. on a deploy box).",
  positionals: [{ name: "model@ref", required: true, description: "what to pull, e.g. churn@champion or churn@7" }],
  options: {
    out: { type: "string", short: "o", valueName: "dir", description: "The folder to write the files into" },
    registry: {
      type: "string",
      valueName: "uri",
      description: "s3://bucket/prefix or a folder (default: registry.uri of mlops.yml)"
    },
    endpoint: { type: "string", valueName: "url", description: "With --registry: an S3-compatible endpoint" },
    region: { type: "string", valueName: "name", description: "With --registry: the bucket's AWS region" }
  },
  run: async (args, io) => {
    const [target = ""] = args.positionals;
    const { model, ref } = parseModelRef(target);
    const out = typeof args.values.out === "string" ? args.values.out : void 0;
    if (!out) throw new UsageError("pull needs --out <dir>", { hint: `mlops pull ${model}@${ref} --out model/` });
    const { registry, now } = await registryFor(args, io);
    const manifest = await registry.resolve(model, ref);
    if (!manifest) {
      throw new InputError(`${model} has no version or alias "${ref}" in ${registry.location}`, {
        hint: "see `mlops models list`"
      });
    }
    const outDir = path5.resolve(io.cwd, out);
    const files = await registry.pull(manifest, outDir, {
      onProgress: progressReporter(
        (line2) => args.logger.info(line2),
        () => now().getTime()
      )
    });
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    const label = `${model} ${manifest.version}${manifest.sequence === void 0 ? "" : ` (#${manifest.sequence})`}`;
    return {
      exitCode: ExitCode.ok,
      result: {
        model,
        ref,
        version: manifest.version,
        sequence: manifest.sequence ?? null,
        out: outDir,
        files: manifest.files,
        manifest
      },
      text: [
        `Pulled ${label} into ${path5.relative(io.cwd, outDir) || "."}: ${files.length} file(s), ${formatBytes(bytes)}, sha256 verified.`,
        ...manifest.files.map((f) => `  ${f.path}  ${formatBytes(f.size)}`)
      ].join("\n")
    };
  }
};
async function registryFor(args, io) {
  const uri = typeof args.values.registry === "string" ? args.values.registry : void 0;
  const endpoint = typeof args.values.endpoint === "string" ? args.values.endpoint : void 0;
  const region = typeof args.values.region === "string" ? args.values.region : void 0;
  if (uri === void 0) {
    if (endpoint !== void 0 || region !== void 0) {
      throw new UsageError("--endpoint and --region go with --registry", {
        hint: "otherwise mlops.yml's registry section is used"
      });
    }
    const context = await openProject(args, io);
    return { registry: await openRegistry(context), now: context.now };
  }
  const store = await openObjectStore(uri, io.cwd, { env: io.env, endpoint, region });
  const now = () => /* @__PURE__ */ new Date();
  return { registry: createRegistry(store, now), now };
}

// src/cli/commands/report.ts
import { existsSync as existsSync3 } from "node:fs";
import path6 from "node:path";
var reportCommand = {
  name: "report",
  summary: "Post the gate's report to its pull request: a sticky comment and a check run",
  details: "Reads the gate's result (the report artifact) as untrusted input, so a trusted workflow_run job can post\nthe report of a fork's pull request. The pull request and commit come from the event (or --pr/--sha).\nNeeds GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise). Exit 0 when posted, whatever the verdict;\n2 when the report is invalid or GitHub refused it.",
  options: {
    from: { type: "string", valueName: "path", description: "The gate's result (default: <workspace>/out/gate.json)" },
    repo: { type: "string", valueName: "owner/name", description: "The repository (default: $GITHUB_REPOSITORY)" },
    pr: { type: "string", valueName: "number", description: "The pull request to comment on" },
    sha: { type: "string", valueName: "commit", description: "The commit the check run belongs on" },
    "dry-run": { type: "boolean", description: "Print the comment instead of posting anything" }
  },
  run: async (args, io) => {
    const configFile = path6.resolve(io.cwd, args.config);
    const loaded = existsSync3(configFile) ? await loadConfig(args.config, io.cwd) : null;
    const settings = loaded?.config.report ?? ReportSection.parse({});
    const from = typeof args.values.from === "string" ? path6.resolve(io.cwd, args.values.from) : loaded ? workspaceFor(loaded).resultFile("gate") : void 0;
    if (!from) throw new UsageError(`no ${args.config} here, so say where the report is: --from <gate.json>`);
    const pr = typeof args.values.pr === "string" ? Number(args.values.pr) : void 0;
    if (pr !== void 0 && !(Number.isInteger(pr) && pr > 0))
      throw new UsageError(`--pr must be a pull request number, not "${String(args.values.pr)}"`);
    const sha = typeof args.values.sha === "string" ? args.values.sha : void 0;
    if (sha !== void 0 && !/^[0-9a-f]{40}$/.test(sha))
      throw new UsageError("--sha must be a full 40-digit commit sha");
    const outcome = await reportArtifact({
      file: from,
      shown: path6.relative(io.cwd, from) || from,
      settings,
      env: io.env,
      target: {
        ...typeof args.values.repo === "string" ? { repository: args.values.repo } : {},
        ...pr === void 0 ? {} : { pullRequest: pr },
        ...sha === void 0 ? {} : { headSha: sha }
      },
      access: {
        token: io.env.GITHUB_TOKEN || void 0,
        baseUrl: io.env.GITHUB_API_URL || "https://api.github.com",
        logger: args.logger
      },
      dryRun: args.values["dry-run"] === true
    });
    const { report, published, target } = outcome;
    if (!published) {
      return {
        exitCode: ExitCode.ok,
        result: { posted: false, verdict: report.verdict, model: report.model, comment: outcome.comment },
        text: outcome.comment
      };
    }
    const lines = [
      `Gate report for ${report.model} (${report.verdict}) on ${target?.repository ?? ""}${target?.pullRequest ? ` #${target.pullRequest}` : ""}:`,
      published.commentUrl ? `  comment ${published.commentAction}: ${published.commentUrl}` : "  no comment (no pull request, or report.comment is off)",
      published.checkRunId !== null ? `  check run ${published.checkRunId} (${outcome.surfaces.check?.conclusion ?? ""})` : "  no check run",
      ...published.problems.map((problem) => `  could not post ${problem}`)
    ];
    for (const problem of published.problems) args.logger.error(`could not post ${problem}`);
    return {
      exitCode: published.problems.length > 0 ? ExitCode.usageOrConfig : ExitCode.ok,
      result: {
        posted: published.problems.length === 0,
        verdict: report.verdict,
        model: report.model,
        target,
        commentUrl: published.commentUrl,
        checkRunId: published.checkRunId,
        problems: published.problems
      },
      text: lines.join("\n")
    };
  }
};

// src/cli/commands/retrain.ts
var retrainCommand = {
  name: "retrain",
  summary: "Decide whether to retrain (drift, age, new data), retrain, and promote only a better model",
  details: "`mlops retrain decide` only decides. `mlops retrain` decides, then trains, evaluates, gates against the champion\nand concludes: a better model is published and promoted; a failure opens or updates one issue per model (when\nGITHUB_TOKEN and GITHUB_REPOSITORY are set), closed by the next success. `mlops retrain conclude` runs the last step\non results already in the workspace (what actions/retrain does). Exit 1 when retraining failed or was blocked.",
  positionals: [{ name: "step", required: false, description: "decide or conclude (default: the whole loop)" }],
  options: {
    force: { type: "boolean", description: "Retrain even if nothing calls for it" }
  },
  run: async (args, io) => {
    const [step] = args.positionals;
    if (step !== void 0 && step !== "decide" && step !== "conclude") {
      throw new UsageError(`unknown retrain step "${step}"`, {
        hint: "use `mlops retrain`, `mlops retrain decide` or `mlops retrain conclude`"
      });
    }
    const context = await openProject(args, io);
    const github = retrainGitHub(context, io.env.GITHUB_TOKEN);
    if (step === "conclude") return stageOutcome(await concludeRetrain(context, { github }));
    const decided = await decideRetrain(context, { force: args.values.force === true });
    if (step === "decide") return stageOutcome(decided);
    const sections = [decided.section];
    if (decided.result.shouldRetrain) {
      const params = await resolveTrainParams(context.loaded, []);
      const trained = await context.logger.group("train", () => runTrainStage(context, { params }));
      sections.push(trained.section);
      if (trained.exitCode === ExitCode.ok) {
        const evaluated = await context.logger.group("evaluate", () => runEvaluateStage(context));
        sections.push(evaluated.section);
        if (evaluated.exitCode === ExitCode.ok)
          sections.push((await context.logger.group("gate", () => runGateStage(context))).section);
      }
    }
    const concluded = await concludeRetrain(context, { github });
    sections.push(concluded.section);
    return {
      exitCode: concluded.exitCode,
      result: { decision: decided.result, outcome: concluded.result },
      text: sections.map(renderText).join("\n\n")
    };
  }
};

// src/cli/commands/rollback.ts
var rollbackCommand = {
  name: "rollback",
  summary: "Move an alias (default champion) back to the version it stood on before, recording it in the history",
  details: "Each rollback goes one step further back (v1, v2, v3 promoted: rollback -> v2, rollback again -> v1).\nTo go to any other version, use `mlops promote <version>`.",
  options: {
    alias: { type: "string", valueName: "name", default: "champion", description: "The alias to move back" },
    reason: { type: "string", valueName: "text", description: "Why (kept in the alias history)" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const registry = await openRegistry(context);
    const model = context.loaded.config.model.name;
    const alias = String(args.values.alias ?? "champion");
    const event = await registry.rollback(model, alias, {
      at: context.now().toISOString(),
      actor: context.provenance.actor,
      reason: typeof args.values.reason === "string" ? args.values.reason : "",
      runUrl: context.provenance.runUrl
    });
    return {
      exitCode: ExitCode.ok,
      result: { rolledBack: true, model, ...event },
      text: `${alias}: ${event.from ?? "(none)"} -> ${event.to} (rolled back)`
    };
  }
};

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
var publishCommand = {
  name: "publish",
  summary: "Store the model as a new registry version; promote it when its gate passed",
  run: async (args, io) => stageOutcome(await runPublishStage(await openProject(args, io)))
};

// src/cli/commands/run.ts
var runCommand = {
  name: "run",
  summary: "Run every stage in order: validate, train, evaluate, gate, publish",
  details: "Stops at the first stage that fails (data, training, evaluation). A failed gate still publishes the version\n(recorded with its verdict) but does not promote it. Use --no-publish for a pull-request style run.\nPrints one line per stage and the gate in full; --verbose prints every stage in full.",
  options: {
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param (repeatable)" },
    "no-publish": { type: "boolean", description: "Stop after the gate" },
    ...RUN_CACHE_OPTIONS
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const overrides = args.values.set ?? [];
    const pipeline = await runPipeline(context, {
      overrides,
      publish: args.values["no-publish"] !== true,
      ...runCacheChoices(args.values)
    });
    const verdict = pipeline.stoppedAt !== null ? `Stopped at ${pipeline.stoppedAt}.` : pipeline.exitCode === ExitCode.ok ? "All stages passed." : "The gate failed.";
    const text2 = [
      ...pipeline.stages.map(
        (stage) => args.verbose || stage.result.stage === "gate" || stage.exitCode !== ExitCode.ok ? renderText(stage.section) : renderHeadline(stage.section)
      ),
      verdict
    ].join("\n\n");
    return {
      exitCode: pipeline.exitCode,
      result: { ...pipeline, stages: pipeline.stages.map((stage) => stage.result) },
      text: text2
    };
  }
};

// src/cli/commands/select.ts
import path7 from "node:path";
var selectCommand = {
  name: "select",
  summary: "Pick the best sweep leg by the gate's primary metric and print the sweep as a table",
  details: "Reads each leg's train.json and evaluate.json from --results (default: <workspace>/sweep, where\n`mlops sweep` leaves them; on GitHub, the folder the legs' artifacts were downloaded to).\nTies go to the earlier leg. Exit 1 when no leg produced the metric.",
  options: {
    results: { type: "string", valueName: "dir", description: "Folder holding the legs' results" }
  },
  run: async (args, io) => {
    const context = await openProject(args, io);
    const results = typeof args.values.results === "string" ? path7.resolve(io.cwd, args.values.results) : void 0;
    return stageOutcome(await runSelectStage(context, results === void 0 ? {} : { resultsDir: results }));
  }
};

// src/train/local-sweep.ts
import { mkdir as mkdir3, rm, writeFile as writeFile2 } from "node:fs/promises";
import path9 from "node:path";

// src/train/shadow.ts
import { constants } from "node:fs";
import { copyFile, mkdir as mkdir2, readdir, stat, symlink } from "node:fs/promises";
import path8 from "node:path";
function writtenPaths(config) {
  const predictions = config.evaluate?.predictions;
  const metrics = config.evaluate?.metrics_file;
  return [
    ...config.train?.outputs ?? [],
    ...predictions === void 0 ? [] : [typeof predictions === "string" ? predictions : predictions.path],
    ...metrics === void 0 ? [] : typeof metrics === "string" ? [metrics] : metrics
  ].map(normalise);
}
function pathsOutsideRoot(config) {
  const params = typeof config.train?.params === "string" ? [config.train.params] : [];
  const data = [config.data?.train, config.data?.eval].flatMap(
    (s) => s === void 0 ? [] : typeof s === "string" ? [s] : s
  );
  return [...params, ...data, ...config.train?.inputs ?? [], ...writtenPaths(config), config.workspace].filter(
    (p) => !p.startsWith("s3://") && relativePathProblem(p) === "escapes"
  );
}
async function createShadow(root, target, config) {
  const workspace = normalise(config.workspace);
  const written = writtenPaths(config);
  const skipped = /* @__PURE__ */ new Set([workspace, ".git"]);
  const isWritten = (rel) => written.includes(rel);
  const holdsWritten = (rel) => [...written, workspace].some((w) => w.startsWith(`${rel}/`));
  const mirror = async (relative) => {
    const source = path8.join(root, relative);
    const destination = path8.join(target, relative);
    await mkdir2(destination, { recursive: true });
    for (const entry of await readdir(source)) {
      const rel = relative === "" ? entry : `${relative}/${entry}`;
      if (skipped.has(rel) || isWritten(rel)) continue;
      const from = path8.join(source, entry);
      const to = path8.join(destination, entry);
      const info = await stat(from).catch(() => void 0);
      if (!info) continue;
      if (info.isDirectory()) {
        if (holdsWritten(rel)) await mirror(rel);
        else await symlink(from, to, process.platform === "win32" ? "junction" : "dir");
      } else if (info.isFile()) {
        await copyFile(from, to, constants.COPYFILE_FICLONE);
      }
    }
  };
  await mirror("");
}
function normalise(relative) {
  return path8.posix.normalize(relative).replace(/\/+$/, "").replace(/^\.\//, "");
}

// src/train/local-sweep.ts
async function runLocalSweep(context, options) {
  const { loaded, logger } = context;
  const plan = planSweep(loaded.config);
  const swept = new Set(plan.legs.flatMap((leg) => Object.keys(leg.values)));
  const clash = options.overrides.find((o) => swept.has(o.slice(0, o.indexOf("=")).trim()));
  if (clash) throw new UsageError(`--set ${clash}: that param is swept by train.matrix`);
  const parallel = Math.max(1, Math.floor(options.parallel));
  if (parallel > 1) {
    const outside = pathsOutsideRoot(loaded.config);
    if (outside.length > 0) {
      throw new UsageError(
        `--parallel runs each leg in a copy of ${path9.basename(loaded.root)}/, and ${outside.join(", ")} lie outside it`,
        {
          hint: "run the legs one after another (no --parallel), or on GitHub runners with `mlops plan`"
        }
      );
    }
  }
  const legParams = await Promise.all(plan.legs.map((leg) => resolveTrainParams(loaded, options.overrides, leg)));
  const cache = await openRunCache(context, options.cacheChoice);
  const resultsDir = sweepResultsDir(context);
  const workDir = path9.join(context.workspace.dir, "sweep-work");
  await rm(resultsDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
  const runLeg = async (leg) => {
    const params = legParams[leg.index] ?? {};
    const legContext = parallel > 1 ? await shadowContext(context, path9.join(workDir, `leg-${leg.id}`), leg) : context;
    const legCache = legContext === context ? cache : { ...cache, stampsFile: path9.join(legContext.workspace.cacheDir, "stamps.json") };
    const train = await runTrainStage(legContext, { params, leg, force: options.force, cache: legCache });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(legContext) : null;
    const folder = path9.join(resultsDir, `leg-${leg.id}`);
    await mkdir3(folder, { recursive: true });
    await writeJson(path9.join(folder, "train.json"), train.result);
    if (evaluate) await writeJson(path9.join(folder, "evaluate.json"), evaluate.result);
    if (parallel > 1) await rm(path9.join(workDir, `leg-${leg.id}`), { recursive: true, force: true });
    logger.info(`sweep: leg ${leg.id} (${leg.name}): ${legSummary(train, evaluate)}`);
    return { leg, train: train.result, evaluate: evaluate?.result ?? null };
  };
  const legs = await inPool(plan.legs, parallel, runLeg);
  await rm(workDir, { recursive: true, force: true });
  const selected = await runSelectStage(context, { resultsDir });
  const winner = selected.result.winner;
  let final = null;
  let exitCode = selected.exitCode;
  if (winner) {
    if (!cache.backend)
      logger.warn("sweep: the run cache is off, so the best leg trains once more to put its outputs in place");
    logger.info(`sweep: putting leg ${winner.leg.id}'s outputs in place`);
    const train = await runTrainStage(context, {
      params: legParams[winner.leg.index] ?? {},
      leg: winner.leg,
      cache
    });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(context) : null;
    final = { train: train.result, evaluate: evaluate?.result ?? null };
    exitCode = evaluate?.exitCode ?? train.exitCode;
  }
  return { stage: "sweep", exitCode, plan, legs, selection: selected.result, final };
}
async function shadowContext(context, dir, leg) {
  await createShadow(context.loaded.root, dir, context.loaded.config);
  const loaded = await loadConfig(path9.basename(context.loaded.file), dir);
  return {
    ...context,
    loaded,
    workspace: workspaceFor(loaded),
    logger: prefixedLogger(context.logger, `[leg ${leg.id}]`)
  };
}
function prefixedLogger(logger, prefix) {
  return {
    info: (message) => logger.info(`${prefix} ${message}`),
    warn: (message, location) => logger.warn(`${prefix} ${message}`, location),
    error: (message, location) => logger.error(`${prefix} ${message}`, location),
    debug: (message) => logger.debug(`${prefix} ${message}`),
    group: (name, fn) => {
      logger.info(`${prefix} \u25B8 ${name}`);
      return fn();
    }
  };
}
function legSummary(train, evaluate) {
  if (train.result.status !== "ok") return "training failed";
  const how = train.result.cache.status === "hit" ? "restored from the run cache" : `trained in ${(train.result.durationMs / 1e3).toFixed(1)} s`;
  if (!evaluate) return how;
  return evaluate.result.status === "ok" ? `${how}, evaluated` : `${how}, evaluation failed`;
}
async function inPool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  let failure;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
async function writeJson(file, value) {
  await writeFile2(file, `${JSON.stringify(value, null, 2)}
`);
}

// src/cli/commands/sweep.ts
var sweepCommand = {
  name: "sweep",
  summary: "Train and evaluate every leg of train.matrix here, pick the best, and put its outputs in place",
  details: "Legs run one after another in the project, or N at once with --parallel N, each in its own shadow copy\n(folders symlinked, written paths real). Every leg goes through the run cache, so the best leg's outputs\ncome back byte for byte at the end. Then `mlops gate` and `mlops publish` continue with the best leg.",
  options: {
    parallel: { type: "string", valueName: "n", description: "Legs to run at once (default 1)" },
    set: { type: "string", multiple: true, valueName: "name=value", description: "Override a param in every leg" },
    force: { type: "boolean", description: "Train every leg even when the run cache has it" },
    cache: { type: "string", valueName: "backend", description: `Run cache backend: ${CACHE_CHOICES.join(", ")}` }
  },
  run: async (args, io) => {
    const parallelText = typeof args.values.parallel === "string" ? args.values.parallel : "1";
    if (!/^[1-9]\d*$/.test(parallelText)) {
      throw new UsageError(`--parallel must be a whole number of at least 1, not "${parallelText}"`);
    }
    const context = await openProject(args, io);
    const cacheChoice = typeof args.values.cache === "string" ? parseCacheChoice(args.values.cache, "--cache") : void 0;
    const sweep = await runLocalSweep(context, {
      parallel: Number(parallelText),
      overrides: args.values.set ?? [],
      force: args.values.force === true,
      ...cacheChoice === void 0 ? {} : { cacheChoice }
    });
    const winner = sweep.selection.winner;
    const closing = !winner ? "No leg succeeded." : sweep.final?.evaluate?.status === "ok" ? `Leg ${winner.leg.id}'s outputs are in place and evaluated: run \`mlops gate\` and \`mlops publish\` next.` : `Leg ${winner.leg.id} won, but putting its outputs in place failed: see above.`;
    return {
      exitCode: sweep.exitCode,
      result: sweep,
      text: `${renderText(selectSection(sweep.selection))}

${closing}`
    };
  }
};

// src/cli/commands/index.ts
var COMMANDS = [
  initCommand,
  checkCommand,
  validateCommand,
  profileCommand,
  trainCommand,
  evaluateCommand,
  gateCommand,
  reportCommand,
  publishCommand,
  runCommand,
  retrainCommand,
  planCommand,
  sweepCommand,
  selectCommand,
  modelsCommand,
  promoteCommand,
  rollbackCommand,
  pullCommand
];

// src/cli/main.ts
var GLOBAL_OPTIONS = {
  config: {
    type: "string",
    short: "c",
    valueName: "path",
    description: `Config file (default ./${DEFAULT_CONFIG_FILE})`
  },
  json: { type: "boolean", description: "Print one JSON result object on stdout; human text goes to stderr" },
  verbose: { type: "boolean", short: "v", description: "Print debug details" },
  help: { type: "boolean", short: "h", description: "Show help" }
};
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    (name === void 0 ? io.stderr : io.stdout).write(generalHelp());
    return name === void 0 ? ExitCode.usageOrConfig : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${KIT_VERSION}
`);
    return ExitCode.ok;
  }
  const json = rest.includes("--json");
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const near = closestMatch(
      name,
      COMMANDS.map((c) => c.name)
    );
    const error = new UsageError(`unknown command "${name}"`, {
      hint: near ? `did you mean "${near}"? Run \`mlops --help\` for the list` : "run `mlops --help` for the list"
    });
    return reportError(error, { json, io, command: name });
  }
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help === true) {
      io.stdout.write(commandHelp(command));
      return ExitCode.ok;
    }
    const logger = createStreamLogger(io.stderr, { verbose: parsed.values.verbose === true, color: io.color });
    const outcome = await command.run(
      {
        config: typeof parsed.values.config === "string" ? parsed.values.config : DEFAULT_CONFIG_FILE,
        json,
        verbose: parsed.values.verbose === true,
        values: parsed.values,
        positionals: parsed.positionals,
        logger
      },
      io
    );
    if (json) {
      io.stderr.write(`${outcome.text}
`);
      io.stdout.write(`${JSON.stringify(outcome.result, null, 2)}
`);
    } else {
      io.stdout.write(`${outcome.text}
`);
    }
    return outcome.exitCode;
  } catch (thrown) {
    return reportError(asError(thrown), { json, io, command: command.name });
  }
}
function parseCommandArgs(command, args) {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const positionals = command.positionals ?? [];
  try {
    const parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(options).map(([key, spec]) => [
          key,
          {
            type: spec.type,
            ...spec.short ? { short: spec.short } : {},
            ...spec.multiple ? { multiple: true } : {},
            ...spec.default === void 0 ? {} : { default: spec.default }
          }
        ])
      ),
      allowPositionals: positionals.length > 0,
      strict: true
    });
    if (parsed.values.help !== true) {
      const missing = positionals.slice(parsed.positionals.length).find((p) => p.required);
      if (missing)
        throw new UsageError(`mlops ${command.name} needs <${missing.name}>: ${missing.description}`, {
          hint: `see \`mlops ${command.name} --help\``
        });
      if (parsed.positionals.length > positionals.length && !positionals[positionals.length - 1]?.variadic) {
        throw new UsageError(`unexpected argument "${parsed.positionals[positionals.length]}"`, {
          hint: `see \`mlops ${command.name} --help\``
        });
      }
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = error.message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = closestMatch(unknown.replace(/^-+/, ""), Object.keys(options));
      throw new UsageError(`unknown option ${unknown} for \`mlops ${command.name}\``, {
        hint: near ? `did you mean --${near}?` : `see \`mlops ${command.name} --help\``
      });
    }
    throw new UsageError(message.split("\n")[0] ?? message, { hint: `see \`mlops ${command.name} --help\`` });
  }
}
function reportError(error, context) {
  const { io } = context;
  if (error instanceof UserError) {
    const label = error instanceof ConfigError ? "" : "error: ";
    io.stderr.write(`${label}${error.describe()}
`);
    if (context.json) {
      const diagnostics = error instanceof ConfigError ? error.diagnostics : void 0;
      io.stdout.write(
        `${JSON.stringify({ ok: false, error: { kind: error.name, message: error.message, hint: error.hint ?? null, location: error.location ?? null, ...diagnostics ? { diagnostics } : {} } }, null, 2)}
`
      );
    }
    return error.exitCode;
  }
  io.stderr.write(
    `internal error in \`mlops ${context.command}\` (this is a bug in mlops-kit; please report it):
${error.stack ?? error.message}
`
  );
  if (error.cause !== void 0) {
    const cause = asError(error.cause);
    io.stderr.write(`caused by: ${cause.stack ?? cause.message}
`);
  }
  if (context.json)
    io.stdout.write(
      `${JSON.stringify({ ok: false, error: { kind: "InternalError", message: error.message } }, null, 2)}
`
    );
  return ExitCode.usageOrConfig;
}
function generalHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `mlops ${KIT_VERSION}: CI, CD and continuous training for ML repositories, from one mlops.yml`,
    "",
    "Usage: mlops <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --config <path>, --json and --help.",
    "Exit codes: 0 ok, 1 a check failed (data rules, gate), 2 usage or config error.",
    ""
  ].join("\n");
}
function commandHelp(command) {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const label = (key, spec) => `${spec.short ? `-${spec.short}, ` : "    "}--${key}${spec.type === "string" ? ` <${spec.valueName ?? "value"}>` : ""}`;
  const width = Math.max(...Object.entries(options).map(([k, s]) => label(k, s).length));
  const positionals = command.positionals ?? [];
  const usage = `mlops ${command.name}${positionals.map((p) => p.required ? ` <${p.name}>` : ` [${p.name}${p.variadic ? "..." : ""}]`).join("")} [options]`;
  return [
    `${command.summary}.`,
    "",
    `Usage: ${usage}`,
    ...command.details ? ["", command.details] : [],
    ...positionals.length > 0 ? ["", "Arguments:", ...positionals.map((p) => `  ${p.name.padEnd(width)}  ${p.description}`)] : [],
    "",
    "Options:",
    ...Object.entries(options).map(
      ([key, spec]) => `  ${label(key, spec).padEnd(width)}  ${spec.description}${spec.multiple ? " (repeatable)" : ""}`
    ),
    ""
  ].join("\n");
}

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  color: process.stderr.isTTY === true && process.env.NO_COLOR === void 0
});
