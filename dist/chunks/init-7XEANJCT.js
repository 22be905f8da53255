import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  registryBackend,
  registryScheme
} from "./chunk-KDNWJBBO.js";
import {
  informationalCheckName
} from "./chunk-DHGB6332.js";
import "./chunk-XMXJ73VD.js";
import "./chunk-LP2MTGO2.js";
import {
  KIT_VERSION
} from "./chunk-YKNPOAAY.js";
import "./chunk-ASQHJYOS.js";
import {
  findRepoRoot,
  loadConfig,
  parseConfig
} from "./chunk-BDMVES2I.js";
import "./chunk-PCXDIADY.js";
import {
  NAME_PATTERN,
  require_dist
} from "./chunk-3LT7ALE5.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-G5WNRN53.js";
import "./chunk-3TO6B3UH.js";
import {
  isGitHubUri,
  isS3Uri,
  parseS3Uri
} from "./chunk-SN54LWLO.js";
import {
  ConfigError,
  ExitCode,
  InputError,
  UsageError,
  formatDiagnostic,
  formatPath
} from "./chunk-XOZC47AQ.js";
import {
  __toESM
} from "./chunk-RZGYXAJU.js";

// src/cli/commands/init.ts
import path5 from "node:path";
import { fileURLToPath } from "node:url";

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
  const pinned2 = pinnedVersion(await files.text(".python-version") ?? "");
  if (pinned2) return { version: pinned2, from: ".python-version" };
  const pyproject = await files.text("pyproject.toml") ?? "";
  const specifier = /^\s*requires-python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
  const fromSpecifier = specifier ? pythonForSpecifier(specifier) : void 0;
  if (fromSpecifier) return { version: fromSpecifier, from: `requires-python "${specifier}"` };
  return { version: DEFAULT_PYTHON, from: "the default" };
}
async function nodeVersion(files) {
  for (const file of [".nvmrc", ".node-version"]) {
    const pinned2 = pinnedVersion(await files.text(file) ?? "");
    if (pinned2) return { version: pinned2, from: file };
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

// src/init/kit-ref.ts
import { existsSync as existsSync2, realpathSync as realpathSync2 } from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";
var KIT_REF_FILE = "dist/kit-ref.json";
var SHA = /^[0-9a-f]{40}$/;
var VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
async function resolveKitRef(kitRoot, version, git) {
  const released = await readKitRefFile(path2.join(kitRoot, KIT_REF_FILE));
  if (released) return { ...released, from: "release" };
  const top = await git(["rev-parse", "--show-toplevel"], kitRoot);
  if (top !== null && samePath(top, kitRoot)) {
    const head = await git(["rev-parse", "HEAD"], kitRoot);
    if (head !== null && SHA.test(head)) return { sha: head, version, from: "checkout" };
  }
  const installed = await installedCommit(kitRoot);
  if (installed) return { sha: installed, version, from: "git install" };
  throw new UsageError(
    `cannot tell which commit of mlops-kit runs from ${kitRoot}, so the workflows cannot pin its actions`,
    {
      hint: "install a release (npm i -D mlops-kit) or run init from a git checkout of mlops-kit; --no-workflows writes only mlops.yml"
    }
  );
}
async function readKitRefFile(file) {
  let text2;
  try {
    text2 = await readFile2(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch {
    parsed = null;
  }
  const { sha, version } = parsed ?? {};
  if (typeof sha !== "string" || !SHA.test(sha) || typeof version !== "string" || !VERSION.test(version))
    throw new UsageError(`${file} is not {"sha": "<40 hex>", "version": "X.Y.Z"}`, {
      hint: "the installed mlops-kit is damaged: install it again (npm i -D mlops-kit)"
    });
  return { sha, version };
}
async function installedCommit(kitRoot) {
  const parts = path2.resolve(kitRoot).split(path2.sep);
  const first = parts.indexOf("node_modules");
  if (first < 0) return null;
  const project = parts.slice(0, first).join(path2.sep) || path2.sep;
  const key = parts.slice(first).join("/");
  let lock;
  try {
    lock = JSON.parse(await readFile2(path2.join(project, "node_modules", ".package-lock.json"), "utf8"));
  } catch {
    return null;
  }
  const resolved = lock.packages?.[key]?.resolved;
  if (typeof resolved !== "string" || !resolved.startsWith("git+")) return null;
  const sha = resolved.slice(resolved.lastIndexOf("#") + 1);
  return SHA.test(sha) ? sha : null;
}
async function kitRootOf(start) {
  for (let dir = path2.resolve(start); ; dir = path2.dirname(dir)) {
    const manifest = path2.join(dir, "package.json");
    if (existsSync2(manifest)) {
      const { name } = JSON.parse(await readFile2(manifest, "utf8"));
      if (name === "mlops-kit") return dir;
    }
    if (path2.dirname(dir) === dir) throw new Error(`no package.json of mlops-kit above ${start}`);
  }
}
function samePath(a, b) {
  const real = (p) => {
    try {
      return realpathSync2(p);
    } catch {
      return path2.resolve(p);
    }
  };
  return real(a) === real(b);
}

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
var CREATE_ONLY_OBJECTS = [
  "*/versions/*",
  "*/aliases/*",
  "*/sequence/*/claim.json",
  "*/fsck/*",
  "*/prune/*",
  "*/quarantine/*"
];
function findInterruptedUploads(at) {
  return {
    Sid: "FindInterruptedUploads",
    Effect: "Allow",
    Action: "s3:ListBucketMultipartUploads",
    Resource: `arn:aws:s3:::${at.bucket}`
  };
}
function writePolicy(at) {
  const guarded = CREATE_ONLY_OBJECTS.map((pattern) => objects(at, pattern));
  return {
    Version: "2012-10-17",
    Statement: [
      listTheRegistry(at),
      findInterruptedUploads(at),
      {
        Sid: "ReadAndWriteObjects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"],
        Resource: objects(at)
      },
      {
        // Claims of servers without conditional writes are withdrawn by a losing publisher; the run cache discards
        // a corrupt entry. (Exclusive claims, claim.json, are guarded below.)
        Sid: "WithdrawClaimsAndDiscardCacheEntries",
        Effect: "Allow",
        Action: "s3:DeleteObject",
        Resource: [objects(at, "*/sequence/*"), objects(at, "run-cache/*")]
      },
      {
        Sid: "VersionsAndHistoryAreCreateOnly",
        Effect: "Deny",
        Action: "s3:PutObject",
        Resource: guarded,
        Condition: { Null: { "s3:if-none-match": "true" }, Bool: { "s3:ObjectCreationOperation": "true" } }
      },
      { Sid: "VersionsAndHistoryAreNeverDeleted", Effect: "Deny", Action: "s3:DeleteObject", Resource: guarded }
    ]
  };
}
function maintenancePolicy(at) {
  return {
    Version: "2012-10-17",
    Statement: [
      listTheRegistry(at),
      findInterruptedUploads(at),
      {
        Sid: "ReadWriteAndDeleteObjects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
        Resource: objects(at)
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
    roles: { write: role("write", writePolicy(at)), read: role("read", readPolicy(at)) },
    maintenance: {
      name: `mlops-${model.slice(0, 64 - "mlops--maintain".length)}-maintain`,
      permissions: maintenancePolicy(at)
    }
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
  const format = (v, indent2, used, after) => {
    const oneLine = flat(v);
    if (v === null || typeof v !== "object" || used + oneLine.length + after <= width) return oneLine;
    const inner = `${indent2}  `;
    const comma = (index, length) => index < length - 1 ? 1 : 0;
    if (Array.isArray(v))
      return `[
${v.map((item, i) => inner + format(item, inner, inner.length, comma(i, v.length))).join(",\n")}
${indent2}]`;
    const pairs = Object.entries(v);
    const entries = pairs.map(([k, item], i) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + format(item, inner, inner.length + key.length, comma(i, pairs.length));
    });
    return `{
${entries.join(",\n")}
${indent2}}`;
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
var KIT_REPOSITORY = "mlops-kit/mlops-kit";
var KIT_ACTIONS = `${KIT_REPOSITORY}/actions`;
var KIT_WORKFLOWS = `${KIT_REPOSITORY}/.github/workflows`;

// src/init/workflows/model.ts
var Annotated = class {
  constructor(value, annotations) {
    this.value = value;
    this.annotations = annotations;
  }
  value;
  annotations;
};
function commentAbove(comment, value) {
  return new Annotated(value, { above: comment });
}
function commentAfter(value, comment) {
  return new Annotated(value, { after: comment });
}
function doubleQuoted(value) {
  return new Annotated(value, { doubleQuoted: true });
}
var Note = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
};
var note = (text2) => new Note(text2);

// src/init/workflows/building-blocks.ts
function templateValues(options) {
  const registry = registryBackend(options.registry).workflow;
  return {
    config: options.configFile,
    workingDirectory: options.workingDirectory,
    runsOnTraining: options.trainRunsOn && options.trainRunsOn.length > 0 ? options.trainRunsOn : "ubuntu-latest",
    registry,
    aws: registry.credentials.includes("aws-oidc") ? {
      read: { condition: "vars.MLOPS_AWS_READ_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_READ_ROLE_ARN }}" },
      write: { condition: "vars.MLOPS_AWS_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_ROLE_ARN }}" },
      region: "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}"
    } : null,
    setupSteps: setupSteps(options.setup, options.workingDirectory),
    kit: options.kit
  };
}
function kitAction(action, kit) {
  switch (kit.kind) {
    case "commit":
      return commentAfter(`${KIT_ACTIONS}/${action}@${kit.sha}`, `v${kit.version}`);
    case "tag":
      return `${KIT_ACTIONS}/${action}@v${kit.version}`;
    case "self":
      return `$/actions/${action}`;
  }
}
function pinned(action) {
  const match = /^(\S+@[0-9a-f]{40}) # (v\d+(?:\.\d+)*)$/.exec(PINNED[action]);
  if (!match?.[1] || !match[2]) throw new Error(`PINNED.${action} is not "owner/repo@<sha> # vX.Y.Z"`);
  return commentAfter(match[1], match[2]);
}
function checkoutStep() {
  return { uses: pinned("checkout"), with: { "persist-credentials": false } };
}
function registryCredentialsSteps(values, access) {
  return values.registry.credentials.flatMap((kind) => {
    switch (kind) {
      case "aws-oidc":
        return awsCredentialsSteps(values, access);
    }
  });
}
function awsCredentialsSteps(values, access) {
  if (values.aws === null) return [];
  const role = values.aws[access];
  return [
    {
      name: `AWS credentials for the registry (${access}), by OIDC`,
      if: role.condition || void 0,
      uses: pinned("awsCredentials"),
      with: { "role-to-assume": role.arn, "aws-region": values.aws.region }
    }
  ];
}
var GITHUB_REGISTRY_REASON = {
  read: "read a github:// registry (releases and its ref)",
  write: "publish to a github:// registry (releases and its ref)"
};
function jobPermissions(values, access, registryReason, more = {}) {
  const registry = {};
  for (const [permission, level] of Object.entries(values.registry.permissions[access])) {
    const reason = permission === "contents" ? GITHUB_REGISTRY_REASON[access] : registryReason;
    registry[permission] = commentAfter(level, reason);
  }
  return { contents: "read", ...more, ...registry };
}
function kitStep(action, values, options = {}) {
  const inputs = {};
  if (values.config !== DEFAULT_CONFIG_FILE) inputs.config = values.config;
  if (values.workingDirectory !== ".") inputs["working-directory"] = values.workingDirectory;
  Object.assign(inputs, options.with);
  return {
    name: options.name,
    id: options.id,
    if: options.if,
    "continue-on-error": options["continue-on-error"],
    uses: kitAction(action, values.kit),
    with: Object.keys(inputs).length > 0 ? inputs : void 0
  };
}
function setupSteps(setup, workingDirectory) {
  if (setup === null)
    return [note("Set up what your training command needs here (pin third-party actions to a commit SHA).")];
  const install = (run) => ({
    name: "Install the training dependencies",
    "working-directory": workingDirectory === "." ? void 0 : workingDirectory,
    run
  });
  if (setup.kind === "python") {
    return [
      { uses: pinned("setupPython"), with: { "python-version": setup.version } },
      install("if [ -f requirements.txt ]; then pip install -r requirements.txt; fi")
    ];
  }
  return [
    { uses: pinned("setupNode"), with: { "node-version": setup.version } },
    install("if [ -f package-lock.json ]; then npm ci; fi")
  ];
}
function publishConcurrency(model) {
  return commentAbove("One publish at a time per model; every push gets its turn, in order.", {
    group: `mlops-publish-${model}`,
    queue: "max"
  });
}

// src/init/workflows/options.ts
var WORKFLOW_NAMES = {
  pr: "mlops PR",
  report: "mlops PR report",
  main: "mlops main",
  retrain: "mlops retrain",
  sweep: "mlops sweep"
};
var GATE_CHECK = "mlops gate";
var REPORT_ARTIFACT = "mlops-gate-report";

// src/init/workflows/main.ts
function publishJob(values) {
  return {
    name: "mlops publish",
    "runs-on": values.runsOnTraining,
    "timeout-minutes": 120,
    permissions: jobPermissions(values, "write", "write to the registry by OIDC"),
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...values.setupSteps,
      kitStep("validate", values),
      kitStep("train", values),
      kitStep("evaluate", values, { id: "evaluate", with: { "github-token": "" } }),
      note("A failed gate still publishes the version (recorded with its verdict); only promotion needs a pass."),
      kitStep("gate", values, { id: "gate", "continue-on-error": true, with: { "github-token": "" } }),
      kitStep("publish", values, { if: "${{ !cancelled() && steps.evaluate.outcome == 'success' }}" }),
      {
        name: "Fail the run when the gate did not pass",
        if: "steps.gate.outcome == 'failure'",
        // The verdict reaches the script through env:, never pasted into it.
        env: { VERDICT: "${{ steps.gate.outputs.verdict }}" },
        run: [
          'echo "::error::the gate verdict is $VERDICT: the version was published but not promoted"',
          "exit 1",
          ""
        ].join("\n")
      }
    ]
  };
}
function mainTemplate(options, values) {
  return {
    file: "mlops-main.yml",
    purpose: `pushes to ${options.defaultBranch}: the pipeline, then publish; promote when the gate passed`,
    workflow: {
      header: [
        `mlops-kit: on every push to ${options.defaultBranch}, the same pipeline, then the model is published to the registry`,
        "(a new immutable version with its manifest) and promoted to champion when it passed the gate."
      ].join("\n"),
      name: WORKFLOW_NAMES.main,
      on: { push: { branches: [options.defaultBranch] }, workflow_dispatch: null },
      permissions: {},
      concurrency: publishConcurrency(options.model),
      jobs: { publish: publishJob(values) }
    }
  };
}
var mainReusable = {
  file: "mlops-main.yml",
  name: WORKFLOW_NAMES.main,
  summary: "the pipeline, publish, and promotion when the gate passed",
  publishes: true,
  jobs: (values) => ({ publish: publishJob(values) })
};

// src/init/workflows/pr-report.ts
function reportJob(values, trigger) {
  return {
    name: "mlops report",
    // A caller of the reusable workflow decides itself which runs it reports on.
    if: trigger === "workflow_run" ? "github.event.workflow_run.event == 'pull_request'" : void 0,
    "runs-on": "ubuntu-latest",
    permissions: {
      contents: commentAfter("read", "the default branch's mlops.yml (report settings), never the pull request's code"),
      actions: commentAfter("read", "the pull-request run's artifact"),
      "pull-requests": commentAfter("write", "the sticky comment"),
      checks: commentAfter("write", "the check run on the pull request's head commit")
    },
    steps: [
      checkoutStep(),
      {
        name: "Fetch the gate report of the pull request's run",
        id: "fetch",
        "continue-on-error": commentAbove(
          "No artifact: the run stopped before the gate, and its own failed check says why.",
          true
        ),
        uses: pinned("downloadArtifact"),
        with: {
          name: REPORT_ARTIFACT,
          "run-id": "${{ github.event.workflow_run.id }}",
          "github-token": "${{ github.token }}",
          path: "${{ runner.temp }}/mlops-report"
        }
      },
      note("The artifact is untrusted input (a fork wrote it): the report action validates it before posting."),
      kitStep("report", values, {
        if: "steps.fetch.outcome == 'success'",
        with: { report: "${{ runner.temp }}/mlops-report/gate.json" }
      })
    ]
  };
}
function prReportTemplate(options, values) {
  return {
    file: "mlops-pr-report.yml",
    purpose: "posts the sticky pull-request comment and an informational check run from the PR run's report (fork-safe)",
    workflow: {
      header: [
        `mlops-kit: posts the gate report of each "${WORKFLOW_NAMES.pr}" run to its pull request: a sticky comment and a`,
        "check run on the head commit. It runs in the trusted context of the default branch with a write token, never",
        "runs the pull request's code, and treats the downloaded report as untrusted input. The check run,",
        `"${informationalCheckName(options.model)}", shows what the pull request's run uploaded, which a fork can`,
        `change: it is informational, never a required check. The required check is "${GATE_CHECK}" in ${WORKFLOW_NAMES.pr}.`
      ].join("\n"),
      name: WORKFLOW_NAMES.report,
      on: { workflow_run: { workflows: [WORKFLOW_NAMES.pr], types: ["completed"] } },
      permissions: {},
      jobs: { report: reportJob(values, "workflow_run") }
    }
  };
}
var prReportReusable = {
  file: "mlops-pr-report.yml",
  name: WORKFLOW_NAMES.report,
  summary: "post a pull-request run's gate report (call it from a workflow_run job)",
  publishes: false,
  jobs: (values) => ({ report: reportJob(values, "workflow_call") })
};

// src/init/workflows/pr.ts
function gateJob(values) {
  return {
    name: GATE_CHECK,
    "runs-on": values.runsOnTraining,
    "timeout-minutes": 120,
    permissions: jobPermissions(
      values,
      "read",
      "read the registry by OIDC (same-repository pull requests; forks get no token)"
    ),
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "read"),
      ...values.setupSteps,
      kitStep("validate", values),
      // On a pull request the cache reads the base branch's entries; writes stay in the PR's own scope.
      kitStep("train", values),
      kitStep("evaluate", values, { with: { "github-token": "" } }),
      kitStep("gate", values, {
        id: "gate",
        with: { "github-token": commentAfter("", "posted by the reporting workflow, which has the write token") }
      }),
      uploadReportStep()
    ]
  };
}
function uploadReportStep() {
  return {
    name: "Keep the gate report for the reporting workflow",
    if: "always() && steps.gate.outputs.report != ''",
    uses: pinned("uploadArtifact"),
    with: {
      name: REPORT_ARTIFACT,
      path: "${{ steps.gate.outputs.report }}",
      "include-hidden-files": true,
      "retention-days": 7
    }
  };
}
function prTemplate(options, values) {
  return {
    file: "mlops-pr.yml",
    purpose: `pull requests: validate, train (cached), evaluate and gate; the "${GATE_CHECK}" check fails on a regression`,
    workflow: {
      header: [
        "mlops-kit: the pull-request check. Validates the data, trains (or reuses the cached run), evaluates, and gates",
        `the model against the registry's champion. The "${GATE_CHECK}" job fails on a real regression: make it a required`,
        "status check in branch protection. It runs with a read-only token (forks get no secrets), so the report is",
        `posted by ${WORKFLOW_NAMES.report} from the artifact this run uploads, with a check run that is informational:`,
        `"${informationalCheckName(options.model)}" shows what this run uploaded; never require it.`
      ].join("\n"),
      name: WORKFLOW_NAMES.pr,
      on: {
        pull_request: commentAbove(
          "No paths filter: a required check whose workflow is skipped stays pending and blocks the merge.",
          null
        )
      },
      permissions: {},
      concurrency: { group: "mlops-pr-${{ github.event.pull_request.number }}", "cancel-in-progress": true },
      jobs: { gate: gateJob(values) }
    }
  };
}
var prReusable = {
  file: "mlops-pr.yml",
  name: WORKFLOW_NAMES.pr,
  summary: "validate, train, evaluate and gate a pull request",
  publishes: false,
  jobs: (values) => ({ gate: gateJob(values) })
};

// src/init/workflows/render.ts
var import_yaml2 = __toESM(require_dist(), 1);
function renderWorkflow(workflow) {
  const { header, ...body } = workflow;
  const document = new import_yaml2.Document();
  const contents = build(body).node;
  contents.commentBefore = commentText(header);
  document.contents = contents;
  return document.toString(OUTPUT);
}
var OUTPUT = {
  // Never fold a long value (a description, an `if:`) onto a second line.
  lineWidth: 0,
  // An event with no filter is written `pull_request:`, as GitHub's docs write it, not `pull_request: null`.
  nullStr: "",
  // `[plan, leg]`, as prettier formats a flow list.
  flowCollectionPadding: false
};
function build(value) {
  if (value instanceof Annotated) return annotate(build(value.value), value.annotations);
  if (Array.isArray(value)) return { node: buildList(value) };
  if (value !== null && typeof value === "object") return { node: buildMapping(value) };
  return { node: new import_yaml2.Scalar(value) };
}
function annotate(built, annotations) {
  const { node } = built;
  if (annotations.after !== void 0) node.comment = commentText(annotations.after);
  if (annotations.doubleQuoted) {
    if (!(0, import_yaml2.isScalar)(node)) throw new Error("only a scalar can be written double-quoted");
    node.type = import_yaml2.Scalar.QUOTE_DOUBLE;
  }
  return { node, above: joinLines(built.above, annotations.above) };
}
function buildMapping(object) {
  const mapping = new import_yaml2.YAMLMap();
  for (const [key, value] of Object.entries(object)) {
    if (value === void 0) continue;
    const { node, above } = build(value);
    const keyNode = new import_yaml2.Scalar(key);
    if (above !== void 0) keyNode.commentBefore = commentText(above);
    mapping.items.push(new import_yaml2.Pair(keyNode, node));
  }
  return mapping;
}
function buildList(entries) {
  const list = new import_yaml2.YAMLSeq();
  let pendingNotes;
  for (const entry of entries) {
    if (entry instanceof Note) {
      pendingNotes = joinLines(pendingNotes, entry.text);
      continue;
    }
    const { node, above } = build(entry);
    const comment = joinLines(pendingNotes, above);
    if (comment !== void 0) node.commentBefore = commentText(comment);
    pendingNotes = void 0;
    list.items.push(node);
  }
  if (pendingNotes !== void 0) list.comment = commentText(pendingNotes);
  list.flow = list.items.length > 0 && list.items.every((item) => (0, import_yaml2.isScalar)(item) && item.commentBefore === void 0 && item.comment === void 0);
  return list;
}
function joinLines(first, second) {
  if (first === void 0) return second;
  return second === void 0 ? first : `${first}
${second}`;
}
function commentText(text2) {
  return text2.split("\n").map((line2) => ` ${line2}`).join("\n");
}

// src/init/workflows/retrain.ts
function retrainJob(values, force) {
  return {
    name: "mlops retrain",
    "runs-on": values.runsOnTraining,
    "timeout-minutes": 360,
    permissions: jobPermissions(values, "write", "read and write the registry by OIDC", {
      issues: commentAfter("write", "one issue per model when a retrain fails or is blocked; closed when one succeeds")
    }),
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...values.setupSteps,
      note(
        [
          "Decides (drift against the champion's training data, its age, new data), then trains, gates against the",
          "champion, publishes, and promotes only a better model. Its outputs say what happened and why."
        ].join("\n")
      ),
      kitStep("retrain", values, { id: "retrain", with: { force } })
    ]
  };
}
var FORCE_INPUT = { type: "boolean", default: false };
function retrainTemplate(options, values) {
  const { schedule } = options;
  if (schedule === null) return null;
  return {
    file: "mlops-retrain.yml",
    purpose: `scheduled retraining (${schedule.cron}, ${schedule.timezone}) when drift, age or new data call for it`,
    workflow: {
      header: [
        "mlops-kit: continuous training. On schedule (from retrain.schedule in mlops.yml) it decides whether to retrain",
        "(drift against the champion's training data, the champion's age, new data), retrains, gates against the",
        "champion, and promotes only a better model. A failed or blocked retrain opens (or updates) one issue per model,",
        "closed again by the next success. Scheduled runs use the default branch; GitHub may delay them under load."
      ].join("\n"),
      name: WORKFLOW_NAMES.retrain,
      on: {
        schedule: [
          {
            // Quoted as GitHub's docs write crons, so that one edited to start with `*` (an alias, bare) stays valid.
            cron: doubleQuoted(schedule.cron),
            timezone: schedule.timezone === "UTC" ? void 0 : schedule.timezone
          }
        ],
        workflow_dispatch: {
          inputs: { force: { description: "Retrain even if nothing calls for it", ...FORCE_INPUT } }
        }
      },
      permissions: {},
      concurrency: publishConcurrency(options.model),
      // A scheduled run has no inputs: force is false then.
      jobs: { retrain: retrainJob(values, "${{ inputs.force || false }}") }
    }
  };
}
var retrainReusable = {
  file: "mlops-retrain.yml",
  name: WORKFLOW_NAMES.retrain,
  summary: "decide, retrain, gate against the champion, promote only a better model",
  inputs: { force: { description: "Retrain even if nothing calls for it.", ...FORCE_INPUT } },
  publishes: true,
  jobs: (values) => ({ retrain: retrainJob(values, "${{ inputs.force }}") })
};

// src/init/workflows/reusable.ts
var COMMON_INPUTS = {
  config: {
    description: "Path of mlops.yml, relative to working-directory.",
    type: "string",
    default: DEFAULT_CONFIG_FILE
  },
  "working-directory": {
    description: "Folder of mlops.yml, relative to the repository root.",
    type: "string",
    default: "."
  },
  "runs-on": {
    description: 'Runner labels for the training jobs, as JSON (e.g. ["self-hosted", "gpu"]).',
    type: "string",
    // JSON, for fromJSON: one label.
    default: JSON.stringify("ubuntu-latest")
  },
  "aws-role-arn": {
    description: "IAM role to assume by OIDC for an S3 registry (a read-only one for pull requests); empty for none.",
    type: "string",
    default: ""
  },
  "aws-region": { description: "AWS region of the registry bucket.", type: "string", default: "us-east-1" },
  "python-version": {
    description: "Set up this Python (and pip install -r requirements.txt) before training; empty for none.",
    type: "string",
    default: ""
  },
  "node-version": {
    description: "Set up this Node.js (and npm ci) before training; empty for none.",
    type: "string",
    default: ""
  }
};

// src/init/workflows/sweep.ts
function sweepJobs(values) {
  const outputFolder = values.workingDirectory === "." ? ".mlops/out" : `${values.workingDirectory}/.mlops/out`;
  return {
    plan: {
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read" },
      outputs: { matrix: "${{ steps.plan.outputs.matrix }}" },
      steps: [checkoutStep(), kitStep("plan", values, { id: "plan" })]
    },
    leg: {
      name: "train ${{ matrix.name }}",
      needs: "plan",
      "runs-on": "${{ matrix.runs_on }}",
      "timeout-minutes": 360,
      strategy: { "fail-fast": false, matrix: "${{ fromJSON(needs.plan.outputs.matrix) }}" },
      permissions: jobPermissions(values, "write", "the run cache and the registry by OIDC"),
      steps: [
        checkoutStep(),
        // A dispatched sweep runs on the default branch: its legs save to the run cache, with the role that writes.
        ...registryCredentialsSteps(values, "write"),
        ...values.setupSteps,
        kitStep("train", values, { with: { leg: "${{ matrix.leg }}" } }),
        kitStep("evaluate", values, { with: { "github-token": "" } }),
        {
          name: "Keep this leg's result",
          if: "always()",
          uses: pinned("uploadArtifact"),
          with: {
            name: "mlops-leg-${{ matrix.leg }}",
            path: `${outputFolder}/train.json
${outputFolder}/evaluate.json
`,
            "include-hidden-files": true,
            "retention-days": 7
          }
        }
      ]
    },
    select: {
      name: "best leg",
      needs: ["plan", "leg"],
      if: "always() && needs.plan.result == 'success'",
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read" },
      steps: [
        checkoutStep(),
        {
          uses: pinned("downloadArtifact"),
          with: { pattern: "mlops-leg-*", path: "${{ runner.temp }}/legs" }
        },
        kitStep("select", values, { id: "select", with: { results: "${{ runner.temp }}/legs" } })
      ]
    }
  };
}
function sweepTemplate(options, values) {
  if (!options.sweep) return null;
  return {
    file: "mlops-sweep.yml",
    purpose: "a hyperparameter sweep: one job per train.matrix leg, then the best leg",
    workflow: {
      header: [
        "mlops-kit: a hyperparameter sweep. `plan` turns train.matrix into a GitHub matrix, each leg trains and evaluates",
        "on its own runner (train.runs_on), and `select` picks the best leg by the gate's primary metric."
      ].join("\n"),
      name: WORKFLOW_NAMES.sweep,
      on: { workflow_dispatch: null },
      permissions: {},
      jobs: sweepJobs(values)
    }
  };
}
var sweepReusable = {
  file: "mlops-sweep.yml",
  name: WORKFLOW_NAMES.sweep,
  summary: "train each train.matrix leg on its own runner, then pick the best",
  publishes: false,
  jobs: sweepJobs
};

// src/init/workflows.ts
var TEMPLATES = [
  prTemplate,
  prReportTemplate,
  mainTemplate,
  retrainTemplate,
  sweepTemplate
];
function workflowTemplates(options) {
  const values = templateValues(options);
  return TEMPLATES.flatMap((template) => {
    const built = template(options, values);
    if (built === null) return [];
    const workflow = options.kit.kind === "tag" ? { ...built.workflow, header: `${built.workflow.header}
${tagNote(options.kit.version)}` } : built.workflow;
    return [{ path: built.file, content: renderWorkflow(workflow), purpose: built.purpose }];
  });
}
function tagNote(version) {
  return [
    `\`mlops init\` writes this workflow with the kit's actions pinned to the commit of v${version}; copied by hand,`,
    `pin them yourself: \`git ls-remote https://github.com/${KIT_REPOSITORY} v${version}\` prints that commit.`
  ].join("\n");
}
var TEMPLATE_DEFAULTS = {
  model: "my-model",
  workingDirectory: ".",
  configFile: "mlops.yml",
  defaultBranch: "main",
  setup: null,
  registry: "s3",
  schedule: { cron: "17 3 * * 1", timezone: "UTC" },
  trainRunsOn: null,
  sweep: true,
  kit: { kind: "tag", version: KIT_VERSION }
};

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
  const config = input.configFlag === "" ? "" : ` ${input.configFlag}`;
  const refresh = `npx mlops-kit init --workflows${config}`;
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
      repository.remote ? `the default branch "${repository.defaultBranch}" is a guess (origin/HEAD is not set): if it is wrong, run \`git remote set-head origin --auto\`, then \`${refresh}\` to regenerate the workflows` : `the default branch is taken to be "${repository.defaultBranch}" (${repository.defaultBranchFrom === "current branch" ? "the current branch" : "no branch yet"}): the main workflow runs on pushes to it`
    );
  if (!location && !isGitHubUri(input.registryUri ?? ""))
    notes.push(
      `the registry is a local folder: on GitHub each run starts with an empty one, so pull requests have no champion to gate against and what main publishes is lost with the runner. Keep it in the repository itself (\`${setRegistry(`github://${owner}/${repo}`, config)}\`) or in a bucket (\`${setRegistry("s3://bucket/prefix", config)}\`), then run \`${refresh}\``
    );
  return {
    requiredCheck: GATE_CHECK,
    informationalCheck: informationalCheckName(input.model),
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
function setRegistry(uri, config) {
  return `npx mlops-kit config set registry.uri ${uri}${config}`;
}
var indent = (text2, spaces) => text2.split("\n").map((l) => l === "" ? l : " ".repeat(spaces) + l).join("\n");
function renderNextSteps(steps, input) {
  const { repository } = input;
  const sections = [];
  let number = 0;
  const section = (title, body) => {
    number += 1;
    sections.push([`${number}. ${title}`, ...body.map((b) => indent(b, 3))].join("\n"));
  };
  const config = input.configFlag === "" ? "" : ` ${input.configFlag}`;
  section("Run it locally first.", [
    "Point data.train, data.eval and data.target at your data and check the commands, then:",
    indent(`npx mlops-kit check${config} && npx mlops-kit run${config} --no-publish`, 2),
    "The same stages run in the workflows; a failure here is one you do not have to push to see.",
    ...steps.aws ? ["The gate reads the champion from the bucket: have AWS credentials for it in your shell (AWS_PROFILE...)."] : [],
    ...isGitHubUri(input.registryUri ?? "") ? [
      "The gate reads the champion from the repository's releases with your token (`gh auth login`, or GITHUB_TOKEN);",
      "`npx mlops-kit run` publishes there from your machine only with --publish: the main workflow publishes."
    ] : []
  ]);
  if (input.workflows) {
    section(`Make "${steps.requiredCheck}" a required status check on ${repository.defaultBranch}.`, [
      `It is the gate job of the "${WORKFLOW_NAMES.pr}" workflow: it fails on a regression. Require it in a ruleset`,
      '(Settings > Rules > Rulesets > New branch ruleset > "Require status checks to pass") or in branch protection',
      "(Settings > Branches); GitHub offers it once it has run on a pull request, whose checks list it as",
      `"${WORKFLOW_NAMES.pr} / ${steps.requiredCheck} (pull_request)". Or with the GitHub CLI:`,
      indent(steps.rulesetCommand, 2),
      `Do not require "${steps.informationalCheck}": the "${WORKFLOW_NAMES.report}" workflow posts it from the report`,
      "the pull request's own run uploaded, which a fork's pull request can change. It is there to read, not to gate."
    ]);
  }
  if (isGitHubUri(input.registryUri ?? "")) {
    section(`The registry is ${input.registryUri}: nothing to set up.`, [
      `Each version is a release tagged mlops/${input.model}/<version> (never "latest"), published once complete; aliases`,
      "and their history live on the ref refs/mlops/registry. The workflows reach it with the job's own token: pull",
      "requests read (contents: read), and only the main and retrain jobs write (contents: write). Files over 2 GiB,",
      "or a registry shared by many repositories, need a bucket:",
      indent(`${setRegistry("s3://bucket/prefix", config)} && npx mlops-kit init --workflows${config}`, 2)
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
      indent(policyJson(write.permissions), 3),
      `   Trust policy (only ${trustedContext("write", repository.defaultBranch)}):`,
      indent(policyJson(write.trust), 3),
      `c. A read-only role (e.g. ${read.name}) for pull requests. Permissions:`,
      indent(policyJson(read.permissions), 3),
      "   Trust policy (only pull_request; fork pull requests get no OIDC token at all):",
      indent(policyJson(read.trust), 3),
      "   Each trust policy lists both subject formats GitHub sends: repositories created after 2026-07-15 send",
      `   immutable ids (repo:${steps.github.owner}@${PLACEHOLDERS.ownerId}/${steps.github.repo}@${PLACEHOLDERS.repoId}:...), older ones repo:${steps.github.owner}/${steps.github.repo}:... .`,
      `   Replace ${PLACEHOLDERS.ownerId} and ${PLACEHOLDERS.repoId} with the numbers this prints, and ${PLACEHOLDERS.accountId} with your account:`,
      indent(steps.idsCommand, 5),
      "d. Repository variables (Settings > Secrets and variables > Actions > Variables, or `gh variable set NAME --body VALUE`):",
      ...aws.variables.map((v) => `   ${v.name.padEnd(24)} ${v.purpose}`),
      "   If data.train or data.eval are on S3 too, add s3:GetObject (and s3:ListBucket) on them to both roles.",
      "e. The read-write role cannot replace nor delete versions or alias history (create-only, by explicit denies).",
      "   `npx mlops-kit models clean`, `models fsck --repair` and `models prune --apply` delete (prune: old versions),",
      `   so run them as a person with these permissions (e.g. a policy ${aws.maintenance.name}; whoever holds it can`,
      "   erase history, and bucket versioning can restore):",
      indent(policyJson(aws.maintenance.permissions), 3)
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
  const notes = steps.notes.map((note2) => `note: ${note2}`);
  return [...notes, ...notes.length > 0 ? [""] : [], "Next steps:", "", sections.join("\n\n")].join("\n");
}

// src/init/plan.ts
import { existsSync as existsSync3, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path3 from "node:path";

// src/init/config-template.ts
var import_yaml3 = __toESM(require_dist(), 1);
var PLACEHOLDER_TRAIN = "echo 'set train.command in mlops.yml to your training command' >&2; exit 1";
function yamlScalar(value) {
  const plain = (0, import_yaml3.stringify)(value, { lineWidth: 0 }).trimEnd();
  if (!plain.includes("\n") && !/^["'|>]/.test(plain)) return plain;
  return JSON.stringify(value);
}
var flowList = (items) => `[${items.map(yamlScalar).join(", ")}]`;
function gateRules(task) {
  return task === "classification" ? "    - { metric: accuracy, min: 0.7 }\n    - { metric: accuracy, max_regression: 0.01 }" : "    - { metric: r2, min: 0.5 }\n    - { metric: r2, max_regression: 0.02 }";
}
var line = (indent2, key, value, comment) => {
  const text2 = `${" ".repeat(indent2)}${key}: ${value}`;
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
  if (!input.registry)
    return "# registry: { uri: github://owner/repo }   # or s3://bucket/prefix; default: a local folder, .mlops/registry";
  const value = yamlScalar(input.registry);
  const s3 = input.registry.startsWith("s3://");
  const github = input.registry.startsWith("github://");
  const comment = s3 ? "bucket and prefix; credentials come from the AWS chain (OIDC in CI)" : github ? "versions are releases of this repository; the job's own token reaches it" : "a folder";
  return [
    "registry:",
    line(2, "uri", value, comment),
    ...s3 ? ["  # region: eu-west-1             # else AWS_REGION (the workflows set it from MLOPS_AWS_REGION)"] : [],
    ...github ? ["  # files over 2 GiB need a bucket instead: s3://bucket/prefix"] : []
  ].join("\n");
}
function retrainLines(input) {
  if (!input.schedule)
    return '# retrain: { schedule: "17 3 * * 1", when: { drift: true, max_age_days: 30 } }   # then `npx mlops-kit init --workflows` adds its workflow';
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

// src/init/gitignore.ts
var WORKSPACE_COMMENT = "# mlops-kit's workspace (run records, cache stamps)";
var WORKSPACE_PATTERN = ".mlops/";
var COVERING = /* @__PURE__ */ new Set([
  ".mlops",
  ".mlops/",
  "/.mlops",
  "/.mlops/",
  ".mlops/*",
  "/.mlops/*",
  ".mlops/**",
  "/.mlops/**"
]);
function ignoresWorkspace(gitignore) {
  let ignored = false;
  for (const raw of gitignore.split(/\r?\n/)) {
    const line2 = raw.trim();
    if (COVERING.has(line2)) ignored = true;
    else if (line2.startsWith("!") && COVERING.has(line2.slice(1))) ignored = false;
  }
  return ignored;
}
function gitignoreWithWorkspace(existing) {
  if (existing !== null && ignoresWorkspace(existing)) return null;
  const before = existing === null || existing === "" ? "" : existing.endsWith("\n") ? existing : `${existing}
`;
  return `${before}${WORKSPACE_COMMENT}
${WORKSPACE_PATTERN}
`;
}

// src/init/stamp.ts
import { createHash } from "node:crypto";
var STAMP = /^# Written by `mlops init` \(sha256:([0-9a-f]{64})\)/;
var digest = (text2) => createHash("sha256").update(text2).digest("hex");
function stampWorkflow(content) {
  return `# Written by \`mlops init\` (sha256:${digest(content)}); to change it, edit mlops.yml and run \`npx mlops-kit init --workflows\`, which keeps a file edited by hand.
` + content;
}
function isUneditedWorkflow(text2) {
  const newline = text2.indexOf("\n");
  if (newline < 0) return false;
  const match = STAMP.exec(text2.slice(0, newline));
  return match !== null && match[1] === digest(text2.slice(newline + 1));
}

// src/init/plan.ts
var WORKFLOW_SAFE = /^[A-Za-z0-9._/-]+$/;
async function planInit(request, git) {
  const file = configFileOf(request);
  const configDir = path3.dirname(file);
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
  const registry = request.registry ?? registryOfRemote(repository);
  const content = configTemplate({
    model,
    task,
    trainCommand: training.command,
    trainFrom: training.commandFrom,
    evaluateCommand: training.evaluateCommand,
    evaluateFrom: training.evaluateFrom,
    outputs: training.outputs,
    params: training.params,
    registry,
    schedule: request.schedule ?? null,
    schemaUrl: request.schemaUrl
  });
  const loaded = checkRendered(content, file);
  const inRepository = (name) => repository.workingDirectory === "." ? name : `${repository.workingDirectory}/${name}`;
  const files = [
    { file, repoPath: inRepository(path3.basename(file)), content, purpose: "the pipeline's config" }
  ];
  const gitignore = path3.join(configDir, ".gitignore");
  const ignored = gitignoreWithWorkspace(existsSync3(gitignore) ? readFileSync(gitignore, "utf8") : null);
  if (ignored !== null) {
    files.push({
      file: gitignore,
      repoPath: inRepository(".gitignore"),
      content: ignored,
      purpose: `ignores ${WORKSPACE_PATTERN}, the kit's workspace`,
      appends: true
    });
  }
  let workflowOptions = null;
  if (request.workflows) {
    workflowOptions = workflowOptionsFor(loaded, repository, training, path3.basename(file), request.workflows.kit);
    files.push(...plannedWorkflows(workflowOptions, repository));
  }
  const registryFrom = request.registry !== void 0 ? "--registry" : registry !== null ? "origin" : null;
  return { files, repository, training, loaded, workflowOptions, registryFrom };
}
function registryOfRemote(repository) {
  const { remote } = repository;
  return remote?.host === "github.com" ? `github://${remote.owner}/${remote.repo}` : null;
}
function plannedWorkflows(options, repository) {
  return workflowTemplates(options).map((workflow) => ({
    file: path3.join(repository.root, ".github", "workflows", workflow.path),
    repoPath: `.github/workflows/${workflow.path}`,
    content: stampWorkflow(workflow.content),
    purpose: workflow.purpose
  }));
}
function existingTargets(plan) {
  const existing = plan.files.filter((f) => f.appends !== true && existsSync3(f.file)).map((f) => f.file);
  const config = plan.files[0]?.file;
  if (config && path3.basename(config) === DEFAULT_CONFIG_FILE) {
    const alternative = path3.join(path3.dirname(config), "mlops.yaml");
    if (existsSync3(alternative)) existing.unshift(alternative);
  }
  return existing;
}
async function writePlan(plan) {
  for (const folder of new Set(plan.files.map((f) => path3.dirname(f.file)))) {
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
function workflowOptionsFor(loaded, repository, training, configFile, kit) {
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
    registry: registryScheme(config.registry.uri),
    schedule: config.retrain ? { cron: config.retrain.schedule, timezone: config.retrain.timezone } : null,
    trainRunsOn: runsOn === void 0 ? null : Array.isArray(runsOn) ? runsOn : [runsOn],
    sweep: config.train?.matrix !== void 0,
    kit: { kind: "commit", sha: kit.sha, version: kit.version }
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
  const given = path3.resolve(request.cwd, request.config);
  return existsSync3(given) && statSync(given).isDirectory() ? path3.join(given, DEFAULT_CONFIG_FILE) : given;
}
function defaultModelName(folder) {
  return path3.basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "").replace(/\.{2,}/g, ".") || "model";
}

// src/init/refresh.ts
import { existsSync as existsSync4 } from "node:fs";
import { readFile as readFile3, rm } from "node:fs/promises";
import path4 from "node:path";
async function planRefresh(request, git) {
  const loaded = await loadConfig(request.config, request.cwd);
  const [repository, training] = await Promise.all([
    detectRepository(loaded.root, git),
    detectTraining(loaded.root, { python: request.python, node: request.node })
  ]);
  const workflowOptions = workflowOptionsFor(loaded, repository, training, path4.basename(loaded.file), request.kit);
  const files = [];
  const kept = [];
  const edited = async (file) => !request.force && existsSync4(file) && !isUneditedWorkflow(await readFile3(file, "utf8"));
  const planned = plannedWorkflows(workflowOptions, repository);
  for (const workflow of planned) (await edited(workflow.file) ? kept : files).push(workflow);
  const removed = [];
  const stale = [];
  const wanted = new Set(planned.map((f) => f.repoPath));
  for (const workflow of plannedWorkflows(TEMPLATE_DEFAULTS, repository)) {
    if (wanted.has(workflow.repoPath) || !existsSync4(workflow.file)) continue;
    (await edited(workflow.file) ? stale : removed).push(workflow.file);
  }
  return { files, kept, removed, stale, loaded, repository, training, workflowOptions };
}
async function applyRefresh(plan) {
  await writePlan(plan);
  for (const file of plan.removed) await rm(file, { force: true });
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
    "its version), then prints the next steps: the required check, and for an S3 registry the IAM and OIDC setup.",
    "",
    "Run again with --workflows to regenerate only the workflows from the current mlops.yml (after",
    "`mlops config set ...`): the ones init wrote are replaced, one edited by hand is kept unless --force."
  ].join("\n"),
  options: {
    name: { type: "string", valueName: "model", description: "Model name (default: the folder's name)" },
    task: { type: "string", valueName: "task", description: "classification (default) or regression" },
    registry: {
      type: "string",
      valueName: "uri",
      description: "Where models are kept: github://owner/repo, s3://bucket/prefix, or a folder (default: this repository on GitHub, else .mlops/registry)"
    },
    python: { type: "string", valueName: "version", description: "Set up this Python in the workflows" },
    node: { type: "string", valueName: "version", description: "Set up this Node.js in the workflows" },
    schedule: {
      type: "string",
      valueName: "cron",
      description: 'Retrain on this schedule (UTC), e.g. "17 3 * * 1"; writes the retrain workflow'
    },
    "no-workflows": { type: "boolean", description: "Write only mlops.yml" },
    workflows: {
      type: "boolean",
      description: "Regenerate only the workflows from the current mlops.yml (never touches mlops.yml)"
    },
    force: { type: "boolean", description: "Overwrite files that exist (with --workflows: ones edited by hand)" }
  },
  run: async (args, io) => {
    if (args.values.workflows === true) return refreshWorkflows(args, io);
    const git = systemGit(io.env);
    const kit = args.values["no-workflows"] === true ? null : await resolveKitRef(await kitRootOf(path5.dirname(fileURLToPath(import.meta.url))), KIT_VERSION, git);
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
        workflows: kit === null ? false : { kit },
        schemaUrl: SCHEMA_URL
      },
      git
    );
    const shown = (file) => path5.relative(io.cwd, file) || file;
    const existing = existingTargets(plan);
    if (existing.length > 0 && args.values.force !== true) {
      const names = existing.map(shown);
      const overwrite = `pass --force to overwrite ${names.length === 1 ? "it" : "them"}; nothing was written`;
      const configDir = path5.dirname(plan.files[0]?.file ?? "");
      const adopted = existing.find((f) => path5.dirname(f) === configDir);
      const refresh = `npx mlops-kit init --workflows${args.config === DEFAULT_CONFIG_FILE ? "" : ` --config ${args.config}`}`;
      throw new UsageError(`${names.join(", ")} already exist${names.length === 1 ? "s" : ""}`, {
        hint: adopted && plan.workflowOptions !== null ? `to keep ${shown(adopted)} and regenerate the workflows from it, run \`${refresh}\`; to start over, ${overwrite}` : overwrite
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
        detected: { ...detected(plan), kit },
        warnings: plan.loaded.warnings,
        nextSteps: steps
      },
      text: [
        "Wrote:",
        ...plan.files.map((f) => `  ${shown(f.file)}: ${f.purpose}`),
        "",
        ...describeDetection(plan),
        ...kit ? [describeKit(kit)] : [],
        ...plan.loaded.warnings.map(formatDiagnostic),
        "",
        renderNextSteps(steps, stepsInput)
      ].join("\n")
    };
  }
};
var CONFIG_CHOICES = ["name", "task", "registry", "schedule"];
async function refreshWorkflows(args, io) {
  if (args.values["no-workflows"] === true)
    throw new UsageError("pass --workflows (only the workflows) or --no-workflows (only mlops.yml), not both");
  const choice = CONFIG_CHOICES.find((option) => args.values[option] !== void 0);
  if (choice !== void 0)
    throw new UsageError(
      `--workflows reads the ${choice === "name" ? "model name" : choice} from mlops.yml, not --${choice}`,
      {
        hint: "change it in mlops.yml (`npx mlops-kit config set <path> <value>`), then run `npx mlops-kit init --workflows`"
      }
    );
  const git = systemGit(io.env);
  const kit = await resolveKitRef(await kitRootOf(path5.dirname(fileURLToPath(import.meta.url))), KIT_VERSION, git);
  const plan = await planRefresh(
    {
      cwd: io.cwd,
      config: args.config,
      python: text(args.values.python),
      node: text(args.values.node),
      kit,
      force: args.values.force === true
    },
    git
  );
  await applyRefresh(plan);
  const shown = (file) => path5.relative(io.cwd, file) || file;
  return {
    exitCode: ExitCode.ok,
    result: {
      ok: true,
      written: plan.files.map((f) => ({ path: shown(f.file), repoPath: f.repoPath, purpose: f.purpose })),
      kept: plan.kept.map((f) => ({ path: shown(f.file), repoPath: f.repoPath })),
      removed: plan.removed.map(shown),
      stale: plan.stale.map(shown),
      detected: { ...detected(plan), kit },
      warnings: plan.loaded.warnings
    },
    text: [
      `Wrote (from ${plan.loaded.displayFile}, left as it was):`,
      ...plan.files.length > 0 ? plan.files.map((f) => `  ${shown(f.file)}: ${f.purpose}`) : ["  nothing"],
      ...plan.kept.length > 0 ? [
        "Kept, edited by hand since init wrote them (--force replaces them with the regenerated ones):",
        ...plan.kept.map((f) => `  ${shown(f.file)}`)
      ] : [],
      ...plan.removed.length > 0 ? [`Removed, no longer asked for by ${plan.loaded.displayFile}:`, ...plan.removed.map((f) => `  ${shown(f)}`)] : [],
      ...plan.stale.length > 0 ? [
        `Kept, no longer asked for by ${plan.loaded.displayFile} but edited by hand (delete it, or --force):`,
        ...plan.stale.map((f) => `  ${shown(f)}`)
      ] : [],
      "",
      describeKit(kit),
      ...plan.loaded.warnings.map(formatDiagnostic)
    ].join("\n")
  };
}
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
    `Registry: ${plan.loaded.config.registry.uri ?? "a local folder (.mlops/registry)"}${plan.registryFrom === "origin" ? " (this repository, from origin)" : ""}.`,
    `Training: ${training.command ? `\`${training.command}\` (${training.commandFrom})` : "no entry point found: set train.command"}; runtime: ${setup}.`
  ];
}
var KIT_FROM = {
  release: "the installed release",
  checkout: "this git checkout of mlops-kit: the workflows find it once that commit is on GitHub",
  "git install": "the commit npm installed it from"
};
function describeKit(kit) {
  return `mlops-kit actions: pinned to ${kit.sha} # v${kit.version} (${KIT_FROM[kit.from]}).`;
}
export {
  SCHEMA_URL,
  initCommand
};
