import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  listSources
} from "./chunk-LGIA7PQF.js";
import {
  glob
} from "./chunk-VU4CPE2P.js";
import {
  fingerprintFiles,
  toRelative
} from "./chunk-CQ3WEECP.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  isInside
} from "./chunk-SN54LWLO.js";
import {
  InputError
} from "./chunk-XOZC47AQ.js";

// src/cache/key.ts
import { createHash } from "node:crypto";
var CACHE_FORMAT_VERSION = 1;
var KEY_PARTS = [
  "command",
  "params",
  "env",
  "outputs",
  "code",
  "data",
  "lockfiles",
  "platform",
  "runtimes",
  "format"
];
function cacheKeyOf(material) {
  const hash = sha256Text(canonicalJson(material));
  const parts = Object.fromEntries(
    KEY_PARTS.map((part) => [part, sha256Text(canonicalJson(material[part])).slice(0, 16)])
  );
  return { hash, id: `mlops-train-${material.model}-${hash}`, parts };
}
function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value).sort().map((key) => [key, sortKeys(value[key])])
    );
  }
  return value;
}
function sha256Text(text) {
  return createHash("sha256").update(text).digest("hex");
}

// src/cache/material.ts
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync, statSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
var LOCKFILES = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "requirements.txt",
  "requirements.lock",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "pixi.lock",
  "conda-lock.yml",
  "environment.yml",
  "renv.lock",
  "Manifest.toml",
  "Cargo.lock",
  "go.sum",
  "Gemfile.lock",
  ".python-version",
  ".nvmrc",
  ".node-version",
  ".tool-versions"
];
var INTERPRETERS = /^(python(?:3(?:\.\d+)?)?|node|nodejs|bun|deno|Rscript|R|julia|ruby|java|uv|poetry|pipenv|pixi|conda|dotnet|perl)$/;
async function collectKeyMaterial(context, params, options = {}) {
  const { loaded } = context;
  const { config, root, repoRoot } = loaded;
  const train = config.train;
  if (!train) return { ok: false, reason: "there is no train section" };
  const dataSources = [config.data?.train, config.data?.eval].flatMap(
    (s) => s === void 0 ? [] : typeof s === "string" ? [s] : s
  );
  const excluded = [context.workspace.dir, ...train.outputs.map((o) => path.resolve(root, o))];
  const isExcluded = (file) => excluded.some((dir) => isInside(dir, file));
  const code = /* @__PURE__ */ new Set();
  for (const [index, pattern] of train.inputs.entries()) {
    const matches = (await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: true })).filter(
      (file) => !isExcluded(file)
    );
    if (matches.length === 0) {
      throw new InputError(`train.inputs: "${pattern}" matches no file`, {
        hint: "a missing input would leave code changes out of the run cache key; fix or remove the pattern",
        ...withLocation(loaded.locate(["train", "inputs", index]))
      });
    }
    for (const file of matches) code.add(path.normalize(file));
  }
  for (const file of filesNamedIn(train.command, root, repoRoot)) if (!isExcluded(file)) code.add(file);
  if (typeof train.params === "string") code.delete(path.resolve(root, train.params));
  const sources = dataSources.length > 0 ? await listSources(dataSources, root, projectStoreSettings(config.registry, context.env)) : [];
  const data = sources.flatMap((entry) => entry.kind === "local" ? [entry.path] : []);
  const remoteData = [];
  for (const entry of sources) {
    if (entry.kind !== "s3") continue;
    const head = await entry.store.head(entry.key);
    if (!head)
      throw new InputError(`data object not found: ${entry.shown}`, { hint: "check the bucket and key in data.train" });
    remoteData.push({ path: entry.shown, size: head.size, etag: head.etag });
  }
  const lockfiles = /* @__PURE__ */ new Map();
  for (const name of LOCKFILES) {
    for (const [label, folder] of [
      [name, root],
      [`<repo>/${name}`, repoRoot]
    ]) {
      const file = path.join(folder, name);
      if (existsSync(file) && statSync(file).isFile()) lockfiles.set(label, file);
    }
  }
  const codeFiles = [...code].sort();
  const dataFiles = data.map((f) => path.normalize(f));
  const lockFiles = [...lockfiles.values()];
  const [pass, runtimes] = await Promise.all([
    fingerprintFiles([...codeFiles, ...dataFiles, ...lockFiles], { ...options }),
    interpreterVersions(train.command, { ...context.env, ...train.env }, root)
  ]);
  const print = (label, file) => {
    const found = pass.files.get(file);
    if (!found) throw new Error(`no fingerprint for ${file}`);
    return { path: label, size: found.size, sha256: found.sha256 };
  };
  return {
    ok: true,
    codeFiles,
    material: {
      format: CACHE_FORMAT_VERSION,
      model: config.model.name,
      command: train.command,
      params,
      env: train.env,
      outputs: [...train.outputs],
      code: codeFiles.map((f) => print(toRelative(root, f), f)),
      data: [...dataFiles.map((f) => print(toRelative(root, f), f)), ...remoteData],
      lockfiles: [...lockfiles.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, f]) => print(label, f)),
      platform: await platformName(),
      runtimes
    }
  };
}
function withLocation(location) {
  return location ? { location } : {};
}
function filesNamedIn(command, root, repoRoot) {
  const words = command.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const files = /* @__PURE__ */ new Set();
  for (const raw of words) {
    const word = raw.replace(/^["']|["']$/g, "");
    const value = word.startsWith("-") && word.includes("=") ? word.slice(word.indexOf("=") + 1) : word;
    if (value === "" || value.startsWith("-") || /[$`*?<>|;&]/.test(value) || path.isAbsolute(value)) continue;
    const file = path.resolve(root, value);
    if (!isInside(repoRoot, file)) continue;
    try {
      if (statSync(file).isFile()) files.add(file);
    } catch {
    }
  }
  return [...files].sort();
}
async function interpreterVersions(command, env, cwd) {
  const words = (command.match(/[^\s"'`;&|()]+/g) ?? []).map((word) => path.basename(word));
  const names = new Set(words.filter((word) => INTERPRETERS.test(word)));
  const entries = await Promise.all(
    [...names].sort().map(async (name) => {
      if ((name === "node" || name === "nodejs") && isThisNode(name, env.PATH)) return [name, process.version];
      return [name, await versionOf(name, env, cwd)];
    })
  );
  for (const launcher of LAUNCHERS) {
    if (!words.includes(launcher)) continue;
    const interpreter = await launcherInterpreter(launcher, env.PATH);
    entries.push([
      `${launcher}'s interpreter`,
      typeof interpreter === "string" ? await versionOf(interpreter, env, cwd) : interpreter.missing
    ]);
  }
  return Object.fromEntries(entries);
}
var LAUNCHERS = ["jupyter"];
function versionOf(executable, env, cwd) {
  return new Promise((resolve) => {
    execFile(executable, ["--version"], { env, cwd, timeout: 15e3 }, (error, stdout, stderr) => {
      const line = `${stdout}
${stderr}`.split("\n").map((l) => l.trim()).find((l) => l !== "");
      if (error && error.code === "ENOENT") resolve("not found");
      else resolve(line ?? (error ? `unknown (${error.message.split("\n")[0]})` : "unknown"));
    });
  });
}
async function launcherInterpreter(name, searchPath) {
  const file = onPath(name, searchPath);
  if (file === null) return { missing: "not found" };
  const first = (await fileHead(file, 512)).toString("utf8").split("\n")[0];
  if (!first?.startsWith("#!")) return { missing: `unknown (no #! line in ${file})` };
  const [program, ...rest] = first.slice(2).trim().split(/\s+/);
  const interpreter = program && path.basename(program) === "env" ? rest.find((word) => !word.startsWith("-")) : program;
  return interpreter ?? { missing: `unknown (no interpreter on the #! line of ${file})` };
}
async function fileHead(file, bytes) {
  const handle = await open(file, "r").catch(() => null);
  if (handle === null) return Buffer.alloc(0);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return Buffer.alloc(0);
  } finally {
    await handle.close();
  }
}
function onPath(name, searchPath) {
  for (const dir of (searchPath ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return null;
}
async function codeChangedSince(material, codeFiles, options = {}) {
  const now = await fingerprintFiles(
    codeFiles.filter((file) => existsSync(file)),
    { ...options, keepOtherStamps: true }
  );
  return material.code.filter((entry, i) => now.files.get(codeFiles[i] ?? "")?.sha256 !== entry.sha256).map((e) => e.path);
}
function isThisNode(name, searchPath) {
  const candidate = onPath(name, searchPath);
  if (candidate === null) return false;
  try {
    return realpathSync(candidate) === realpathSync(process.execPath);
  } catch {
    return false;
  }
}
async function platformName() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === "linux") {
    try {
      const text = await readFile("/etc/os-release", "utf8");
      const field = (name) => (new RegExp(`^${name}=(.*)$`, "m").exec(text)?.[1] ?? "").replace(/^"|"$/g, "");
      return `${base} ${field("ID")} ${field("VERSION_ID")}`.trim();
    } catch {
      return base;
    }
  }
  if (process.platform === "darwin") return `${base} ${os.release().split(".")[0] ?? ""}`.trim();
  return `${base} ${os.release()}`;
}

export {
  CACHE_FORMAT_VERSION,
  cacheKeyOf,
  LOCKFILES,
  collectKeyMaterial,
  filesNamedIn,
  codeChangedSince
};
