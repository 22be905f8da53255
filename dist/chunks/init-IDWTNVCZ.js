import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CHAMPION_BASELINE_COMMENT,
  registryUriComment
} from "./chunk-4DETVATI.js";
import {
  informationalCheckName
} from "./chunk-4SQXFUI5.js";
import "./chunk-533AISZH.js";
import "./chunk-Y4XFK5HZ.js";
import "./chunk-X2I57EAR.js";
import {
  delimitedRecords,
  explainReadError,
  formatOf,
  jsonRecords,
  openTable,
  refuseIrregularFile
} from "./chunk-3EFEPTIF.js";
import {
  fileReader,
  gzipReader,
  isGzip,
  openParquet
} from "./chunk-Z7WWPMG5.js";
import {
  glob,
  isDynamicPattern
} from "./chunk-VU4CPE2P.js";
import {
  registryBackend,
  registryScheme
} from "./chunk-TFGIC24Q.js";
import "./chunk-ASQHJYOS.js";
import "./chunk-QD46VIFS.js";
import "./chunk-XWUCKCS7.js";
import "./chunk-WOQKGCDT.js";
import "./chunk-LP2MTGO2.js";
import "./chunk-U3KBKKVS.js";
import "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import {
  KIT_VERSION
} from "./chunk-MFDUBFJ5.js";
import {
  findRepoRoot,
  loadConfig,
  parseConfig
} from "./chunk-QEZGSB67.js";
import {
  durationMs
} from "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-WYGES5K7.js";
import {
  require_dist
} from "./chunk-VJBMOATJ.js";
import {
  NAME_PATTERN
} from "./chunk-LNIKRDBK.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-OSH67I4H.js";
import {
  READ_LIMITS,
  readTextIfExists
} from "./chunk-5AQJPSN5.js";
import "./chunk-PEZVGW4L.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import {
  isGitHubUri,
  isS3Uri,
  parseS3Uri
} from "./chunk-SN54LWLO.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunk-MFRW4TDE.js";
import {
  closestMatch
} from "./chunk-NFSXRCFZ.js";
import {
  ConfigError,
  ExitCode,
  InputError,
  UsageError,
  UserError,
  formatDiagnostic,
  formatPath
} from "./chunk-XOZC47AQ.js";
import {
  __toESM
} from "./chunk-RZGYXAJU.js";

// src/cli/commands/init.ts
import path14 from "node:path";
import { fileURLToPath } from "node:url";

// src/init/detect.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync3, realpathSync } from "node:fs";
import path4 from "node:path";

// src/init/dvc.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
var TRAIN_NAMES = ["train", "training", "train_model", "fit"];
var EVALUATE_NAMES = ["evaluate", "eval", "evaluation", "test"];
var PARAMS_FORMATS = /\.(ya?ml|json|toml)$/i;
var METRICS_FORMATS = /\.(ya?ml|json)$/i;
var EXTRAS = {
  s3: "s3",
  gs: "gs",
  gcs: "gs",
  azure: "azure",
  gdrive: "gdrive",
  ssh: "ssh",
  oss: "oss",
  hdfs: "hdfs",
  webhdfs: "webhdfs",
  webdav: "webdav",
  webdavs: "webdav"
};
async function detectDvc(files) {
  const dvcFolder = findDvcFolder(files.folder);
  const parsed = await files.yaml("dvc.yaml");
  if (parsed === void 0 && dvcFolder === null) return null;
  const notes = [];
  const project = { train: null, evaluate: null, metricsFiles: [], params: null, remote: null, notes };
  if (dvcFolder !== null) project.remote = await defaultRemote(dvcFolder, notes);
  if (parsed === void 0) return project;
  if ("error" in parsed) {
    notes.push(`dvc.yaml is not valid YAML (${parsed.error}): its stages were not read`);
    return project;
  }
  const stages = readStages(parsed.value, notes);
  if (stages.length === 0) return project;
  const named = (names, pattern) => names.map((name) => stages.find((s) => s.name === name)).find((s) => s !== void 0) ?? stages.find((s) => pattern.test(s.name));
  const train = named(TRAIN_NAMES, /train/i);
  const evaluate = named(EVALUATE_NAMES, /eval/i);
  const producedBy = (file) => stages.find((s) => [...s.outs, ...s.metrics].some((out) => isWithin(file, out)));
  let training;
  if (train) {
    training = upstream(train, producedBy);
    project.train = {
      command: `dvc repro ${shellWord(train.name)}`,
      from: `dvc.yaml stage ${train.name}`,
      stageCommands: training.map((s) => s.cmd).join(" && "),
      // Metrics the train stage writes are read after it: on a cache hit they must come back with the model.
      outputs: unique([...train.outs, ...train.metrics]),
      inputs: []
    };
  } else {
    training = stages.filter((s) => s !== evaluate);
    const consumed = (out) => stages.some((s) => s.deps.some((dep) => isWithin(dep, out)));
    project.train = {
      command: "dvc repro",
      from: "dvc.yaml, the whole pipeline",
      stageCommands: training.map((s) => s.cmd).join(" && "),
      outputs: unique(training.flatMap((s) => [...s.outs, ...s.metrics]).filter((out) => !consumed(out))),
      inputs: []
    };
    notes.push(
      `dvc.yaml has no stage named like train (stages: ${stages.map((s) => s.name).join(", ")}): train.command runs the whole pipeline; name the training stage in it (\`dvc repro <stage>\`) to split training from evaluation`
    );
  }
  if (evaluate && evaluate !== train)
    project.evaluate = { command: `dvc repro ${shellWord(evaluate.name)}`, from: `dvc.yaml stage ${evaluate.name}` };
  const metricsSource = evaluate && evaluate !== train ? [evaluate] : train ? [train] : stages;
  const topLevel = paths(parsed.value.metrics);
  for (const file of unique([...metricsSource.flatMap((s) => s.metrics), ...topLevel])) {
    if (METRICS_FORMATS.test(file)) project.metricsFiles.push(file);
    else
      notes.push(
        `DVC metrics file ${file}: the kit reads JSON or YAML metrics files, so it is not in evaluate.metrics_file`
      );
  }
  project.params = paramsFile(training, files, notes);
  project.train.inputs = trainInputs(training, project.params, files, producedBy, notes);
  return project;
}
function upstream(stage, producedBy) {
  const order = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (current) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const dep of current.deps) {
      const producer = producedBy(dep);
      if (producer) visit(producer);
    }
    order.push(current);
  };
  visit(stage);
  return order;
}
function trainInputs(training, params, files, producedBy, notes) {
  const inputs = ["dvc.yaml"];
  const missing = [];
  for (const dep of unique(training.flatMap((s) => s.deps))) {
    if (dep === params || producedBy(dep)) continue;
    const tracked = trackingFile(dep, files);
    if (tracked) inputs.push(tracked);
    else if (files.isFolder(dep)) inputs.push(`${dep.replace(/\/+$/, "")}/**`);
    else if (files.exists(dep)) inputs.push(dep);
    else missing.push(dep);
  }
  if (missing.length > 0)
    notes.push(
      `not found here, so not in train.inputs (a pattern matching nothing stops training): ${missing.join(", ")}`
    );
  return unique(inputs);
}
function trackingFile(file, files) {
  const parts = file.replace(/\/+$/, "").split("/");
  for (let i = parts.length; i > 0; i--) {
    const candidate = `${parts.slice(0, i).join("/")}.dvc`;
    if (files.exists(candidate)) return candidate;
  }
  return null;
}
function paramsFile(training, files, notes) {
  const used = unique(training.flatMap((s) => s.paramsFiles));
  const candidates = used.length > 0 ? used : ["params.yaml"];
  const chosen = candidates.includes("params.yaml") ? "params.yaml" : candidates[0];
  if (chosen === void 0 || !files.exists(chosen)) {
    if (used.length > 0)
      notes.push(`the stages read params from ${used.join(", ")}, which is not here: train.params is not set`);
    return null;
  }
  if (!PARAMS_FORMATS.test(chosen)) {
    notes.push(`the stages read params from ${chosen}; train.params takes YAML, JSON or TOML, so it is not set`);
    return null;
  }
  const others = used.filter((file) => file !== chosen);
  if (others.length > 0)
    notes.push(`train.params names ${chosen}; the stages also read ${others.join(", ")}, which --set cannot reach`);
  return chosen;
}
function readStages(dvc, notes) {
  const raw = dvc?.stages;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [];
  const stages = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || typeof value !== "object") continue;
    const stage = value;
    if ("foreach" in stage || "matrix" in stage) {
      notes.push(`dvc.yaml stage ${name} uses foreach/matrix, which init does not expand`);
      continue;
    }
    const commands = (Array.isArray(stage.cmd) ? stage.cmd : [stage.cmd]).filter(
      (c) => typeof c === "string" && c.trim() !== ""
    );
    if (commands.length === 0) continue;
    const wdir = typeof stage.wdir === "string" && stage.wdir !== "." ? stage.wdir : null;
    const inWdir = (file) => {
      const joined = path.posix.normalize(wdir ? path.posix.join(wdir, file) : file);
      return joined.startsWith("../") || path.posix.isAbsolute(joined) ? null : joined;
    };
    const within = (list) => list.map(inWdir).filter((f) => f !== null);
    const cmd = commands.map((c) => c.trim()).join(" && ");
    stages.push({
      name,
      cmd: wdir ? `cd ${shellWord(wdir)} && ${cmd}` : cmd,
      deps: within(paths(stage.deps)),
      outs: within(paths(stage.outs)),
      metrics: within(paths(stage.metrics)),
      paramsFiles: within(paramsFilesOf(stage.params))
    });
  }
  return stages;
}
function paths(list) {
  if (!Array.isArray(list)) return [];
  return list.map(
    (item) => typeof item === "string" ? item : item !== null && typeof item === "object" ? Object.keys(item)[0] : void 0
  ).filter((item) => typeof item === "string" && item.trim() !== "");
}
function paramsFilesOf(list) {
  if (!Array.isArray(list)) return [];
  return unique(
    list.flatMap(
      (item) => typeof item === "string" ? ["params.yaml"] : item !== null && typeof item === "object" ? Object.keys(item) : []
    )
  );
}
function findDvcFolder(folder) {
  let current = path.resolve(folder);
  for (; ; ) {
    if (existsSync(path.join(current, ".dvc"))) return path.join(current, ".dvc");
    if (existsSync(path.join(current, ".git")) || path.dirname(current) === current) return null;
    current = path.dirname(current);
  }
}
async function defaultRemote(dvcFolder, notes) {
  const text2 = await readFile(path.join(dvcFolder, "config"), "utf8").catch(() => void 0);
  if (text2 === void 0) return null;
  const sections = /* @__PURE__ */ new Map();
  let current;
  for (const line2 of text2.split(/\r?\n/)) {
    const header = /^\s*\[\s*'?\s*([^'\]]+?)\s*'?\s*\]\s*$/.exec(line2);
    if (header?.[1]) {
      const name2 = header[1].replace(/\s+/g, " ");
      current = sections.get(name2) ?? /* @__PURE__ */ new Map();
      sections.set(name2, current);
      continue;
    }
    const pair = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line2);
    if (pair?.[1] && current) current.set(pair[1].toLowerCase(), pair[2] ?? "");
  }
  const name = sections.get("core")?.get("remote");
  const remotes = [...sections.keys()].filter((s) => s.startsWith("remote ")).map((s) => s.slice(7).replace(/"/g, ""));
  if (!name) {
    if (remotes.length > 0)
      notes.push(
        `.dvc/config has remotes (${remotes.join(", ")}) but no default (core.remote): the workflows do not run dvc pull; \`dvc remote default <name>\` sets one`
      );
    return null;
  }
  const url = sections.get(`remote "${name}"`)?.get("url");
  if (url === void 0) {
    notes.push(
      `.dvc/config names the default remote ${name}, which it does not define: the workflows do not run dvc pull`
    );
    return null;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === void 0) {
    notes.push(
      `the DVC remote ${name} is a local folder, which a runner cannot reach: the workflows do not run dvc pull`
    );
    return null;
  }
  return { name, type: scheme, extra: EXTRAS[scheme] ?? null };
}
function shellWord(word) {
  return /^[\w./@-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
function isWithin(file, out) {
  const folder = out.replace(/\/+$/, "");
  const normal = file.replace(/\/+$/, "");
  return normal === folder || normal.startsWith(`${folder}/`);
}
var unique = (items) => [...new Set(items)];

// src/init/project-files.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync2, statSync } from "node:fs";
import path2 from "node:path";
var ProjectFiles = class {
  constructor(folder) {
    this.folder = folder;
  }
  folder;
  cache = /* @__PURE__ */ new Map();
  exists(name) {
    return existsSync2(path2.join(this.folder, name));
  }
  isFolder(name) {
    try {
      return statSync(path2.join(this.folder, name)).isDirectory();
    } catch {
      return false;
    }
  }
  text(name) {
    let pending = this.cache.get(name);
    if (!pending) {
      pending = readProjectFile(path2.join(this.folder, name));
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
  /** A YAML file: its value, or why it could not be parsed (the parser's first line, with its line number). */
  async yaml(name) {
    const text2 = await this.text(name);
    if (text2 === void 0) return void 0;
    try {
      return { value: (0, import_yaml.parse)(text2) };
    } catch (error) {
      return { error: error.message.split("\n")[0] ?? "not valid YAML" };
    }
  }
};
function readProjectFile(file) {
  return readTextIfExists(file, { shown: file, what: "file", limit: READ_LIMITS.projectFile }).catch(() => void 0);
}
var valueOf = (parsed) => parsed !== void 0 && "value" in parsed ? parsed.value : void 0;

// src/init/notebook.ts
function notebookCommand(notebook) {
  return `jupyter execute ${notebook}`;
}
function notebookOfCommand(command) {
  return /^jupyter\s+execute(?:\s+--\S+)*\s+([\w./-]+\.ipynb)(?:\s|$)/.exec(command.trim())?.[1] ?? null;
}
function notebookSource(text2) {
  let notebook;
  try {
    notebook = JSON.parse(text2);
  } catch {
    return null;
  }
  const cells = notebook?.cells;
  if (!Array.isArray(cells)) return null;
  const code = [];
  for (const cell of cells) {
    const { cell_type: type, source } = cell ?? {};
    if (type !== "code") continue;
    if (typeof source === "string") code.push(source);
    else if (Array.isArray(source)) code.push(source.filter((line2) => typeof line2 === "string").join(""));
  }
  return code.join("\n");
}
function scriptCode(script, text2) {
  return script.endsWith(".ipynb") ? notebookSource(text2) : text2;
}
function notebookRunnerNote(notebooks, environmentFile, environment) {
  const names = new Set(
    environment.toLowerCase().split(/[^a-z0-9_.-]+/).map((name) => name.replace(/_/g, "-"))
  );
  const runner = ["jupyter", "nbclient", "nbconvert", "notebook", "jupyterlab"].some((name) => names.has(name));
  const kernel = ["jupyter", "ipykernel", "notebook", "jupyterlab"].some((name) => names.has(name));
  if (runner && kernel) return null;
  const missing = [...runner ? [] : ["nbclient"], ...kernel ? [] : ["ipykernel"]].join(" and ");
  const [subject, it] = notebooks.length === 1 ? [`${notebooks[0]} runs`, "it"] : [`${notebooks.join(" and ")} run`, "them"];
  const what = environmentFile ? `add ${missing} to ${environmentFile}` : `install ${missing} in the workflows' marked step`;
  return `${subject} with \`jupyter execute\`: ${what}, or the workflows cannot run ${it}`;
}

// src/init/python-imports.ts
import path3 from "node:path";
var MAX_MODULES = 200;
async function localImports(files, script) {
  const found = /* @__PURE__ */ new Set();
  const queue = [normalise(script)];
  const seen = new Set(queue);
  while (queue.length > 0 && seen.size <= MAX_MODULES) {
    const current = queue.shift() ?? "";
    const raw = await files.text(current);
    const text2 = raw === void 0 ? null : scriptCode(current, raw);
    if (text2 === null) continue;
    const folder = path3.posix.dirname(current);
    for (const name of importedNames(text2)) {
      const module = resolveModule(files, folder, name);
      if (module === null) continue;
      found.add(module.input);
      if (module.file !== null && !seen.has(module.file)) {
        seen.add(module.file);
        queue.push(module.file);
      }
    }
  }
  found.delete(normalise(script));
  const packages = [...found].filter((input) => input.endsWith("/**")).map((input) => input.slice(0, -2));
  return [...found].filter((input) => !packages.some((pkg) => input !== `${pkg}**` && input.startsWith(pkg))).sort();
}
function pythonScriptOf(command) {
  const match = /^python3?(?:\s+-[A-Za-z]+)*\s+([\w./-]+\.py)(?:\s|$)/.exec(command.trim());
  return match?.[1] ?? null;
}
function importedNames(text2) {
  const names = [];
  for (const line2 of text2.split("\n")) {
    const from = /^\s*from\s+(\.*)([\w.]*)\s+import\s/.exec(line2);
    if (from) {
      names.push(`${from[1] ?? ""}${(from[2] ?? "").split(".")[0] ?? ""}`);
      continue;
    }
    const plain = /^\s*import\s+([\w.,\s]+?)\s*(?:#.*)?$/.exec(line2);
    if (!plain) continue;
    for (const part of (plain[1] ?? "").split(",")) {
      const name = part.trim().split(/\s+as\s+/)[0]?.split(".")[0];
      if (name) names.push(name);
    }
  }
  return names;
}
function resolveModule(files, folder, name) {
  const dots = /^\.*/.exec(name)?.[0].length ?? 0;
  const base = dots <= 1 ? folder : path3.posix.join(folder, ...Array(dots - 1).fill(".."));
  const module = name.slice(dots);
  if (base.startsWith("..")) return null;
  if (module === "") return null;
  const file = normalise(path3.posix.join(base, `${module}.py`));
  if (files.exists(file) && !files.isFolder(file)) return { input: file, file };
  const pkg = normalise(path3.posix.join(base, module));
  if (files.exists(path3.posix.join(pkg, "__init__.py"))) return { input: `${pkg}/**`, file: `${pkg}/__init__.py` };
  return null;
}
var normalise = (file) => path3.posix.normalize(file).replace(/^\.\//, "");

// src/init/toml-outline.ts
var HEADER = /^\[\[?\s*([^[\]]+?)\s*\]\]?$/;
var KEY_VALUE = /^(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*\s*=/;
function tomlOutline(text2) {
  const tables = [];
  let depth = 0;
  let open = null;
  const lines = text2.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    let line2 = raw;
    if (open !== null) {
      const end = line2.indexOf(open);
      if (end < 0) continue;
      line2 = line2.slice(end + 3);
      open = null;
    }
    const code = codeOf(line2);
    open = code.open;
    const trimmed = code.text.trim();
    if (depth === 0 && trimmed !== "") {
      const header = HEADER.test(trimmed) ? HEADER.exec(code.kept.trim()) : null;
      if (header?.[1]) {
        tables.push(header[1].replace(/["'\s]/g, ""));
        continue;
      }
      if (!KEY_VALUE.test(trimmed)) return { tables, error: `line ${index + 1}: expected [table] or key = value` };
    }
    for (const char of code.text) {
      if (char === "[" || char === "{") depth++;
      else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
    }
  }
  if (open !== null) return { tables, error: `a ${open} string is never closed` };
  if (depth > 0) return { tables, error: "a [ or { is never closed" };
  return { tables, error: null };
}
function codeOf(line2) {
  let text2 = "";
  let i = 0;
  while (i < line2.length) {
    const char = line2[i];
    if (char === "#") break;
    const triple = line2.startsWith('"""', i) ? '"""' : line2.startsWith("'''", i) ? "'''" : null;
    if (triple) {
      const end = line2.indexOf(triple, i + 3);
      if (end < 0) return { text: `${text2}""`, kept: line2.slice(0, i), open: triple };
      text2 += '""';
      i = end + 3;
      continue;
    }
    if (char === '"' || char === "'") {
      let j = i + 1;
      while (j < line2.length && line2[j] !== char) j += char === '"' && line2[j] === "\\" ? 2 : 1;
      text2 += '""';
      i = j + 1;
      continue;
    }
    text2 += char;
    i++;
  }
  return { text: text2, kept: line2.slice(0, i), open: null };
}

// src/init/python-env.ts
var CONDA_FILES = ["environment.yml", "environment.yaml", "conda.yaml", "conda.yml"];
var ENVIRONMENT_FILES = ["requirements.txt", "pyproject.toml", "Pipfile", ...CONDA_FILES.slice(0, 3)];
async function detectPythonEnvironment(files) {
  const notes = [];
  const found = (environment, from) => ({ environment, from, notes });
  for (const name of CONDA_FILES) {
    const parsed = await files.yaml(name);
    if (parsed === void 0) continue;
    if ("error" in parsed) {
      notes.push(`${name} is not valid YAML (${parsed.error}): ignored`);
      continue;
    }
    const value = parsed.value;
    if (value === null || typeof value !== "object" || !Array.isArray(value.dependencies)) {
      notes.push(`${name} has no \`dependencies:\` list, so it is not a conda environment file: ignored`);
      continue;
    }
    return found({ installer: "conda", file: name, lockfile: null }, name);
  }
  const pyproject = await tomlTables(files, "pyproject.toml", notes);
  const pipfile = await tomlTables(files, "Pipfile", notes);
  const has = (tables, name) => tables?.some((table) => table === name || table.startsWith(`${name}.`)) ?? false;
  if (pyproject && files.exists("uv.lock"))
    return found({ installer: "uv", file: "pyproject.toml", lockfile: "uv.lock" }, "uv.lock");
  if (pyproject && files.exists("poetry.lock"))
    return found({ installer: "poetry", file: "pyproject.toml", lockfile: "poetry.lock" }, "poetry.lock");
  if (pipfile) {
    const lockfile = files.exists("Pipfile.lock") ? "Pipfile.lock" : null;
    return found({ installer: "pipenv", file: "Pipfile", lockfile }, lockfile ?? "Pipfile");
  }
  if (has(pyproject, "tool.uv"))
    return found({ installer: "uv", file: "pyproject.toml", lockfile: null }, "[tool.uv] in pyproject.toml");
  if (has(pyproject, "tool.poetry"))
    return found({ installer: "poetry", file: "pyproject.toml", lockfile: null }, "[tool.poetry] in pyproject.toml");
  if (files.exists("requirements.txt"))
    return found({ installer: "pip", file: "requirements.txt", lockfile: null }, "requirements.txt");
  if (has(pyproject, "project") || has(pyproject, "build-system"))
    return found({ installer: "pip", file: "pyproject.toml", lockfile: null }, "[project] in pyproject.toml");
  return { environment: null, from: null, notes };
}
async function tomlTables(files, name, notes) {
  const text2 = await files.text(name);
  if (text2 === void 0) return null;
  const outline = tomlOutline(text2);
  if (outline.error === null) return outline.tables;
  notes.push(`${name} is not valid TOML (${outline.error}): ignored`);
  return null;
}

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

// src/init/training.ts
async function detectTraining(folder, override = {}) {
  const files = new ProjectFiles(folder);
  const dvc = await detectDvc(files);
  const makefile = await files.text("Makefile") ?? await files.text("makefile") ?? await files.text("GNUmakefile");
  const packageJson = await files.json("package.json");
  const scripts = packageJson?.scripts ?? {};
  const entry = (names, candidates, fromDvc) => {
    if (fromDvc) return fromDvc;
    for (const name of names) {
      if (makefile && new RegExp(`^${name}\\s*:(?!=)`, "m").test(makefile))
        return { command: `make ${name}`, from: `Makefile target ${name}` };
    }
    for (const name of names) {
      if (typeof scripts[name] === "string") return { command: `npm run ${name}`, from: `package.json script ${name}` };
    }
    const script = candidates.find((name) => files.exists(name));
    if (!script) return null;
    if (script.endsWith(".ipynb")) return { command: notebookCommand(script), from: script };
    return { command: `${script.endsWith(".py") ? "python" : "node"} ${script}`, from: script };
  };
  const scriptsOf = (name) => [".py", ".mjs", ".js", ".cjs", ".ipynb"].map((extension) => name + extension);
  const train = entry(
    ["train"],
    scriptsOf("train"),
    dvc?.train ? { ...dvc.train, runs: dvc.train.stageCommands } : null
  );
  const evaluate = entry(["evaluate", "eval"], scriptsOf("evaluate"), dvc?.evaluate ?? null);
  const environment = await detectPythonEnvironment(files);
  const { setup, from } = await detectRuntime(files, train?.runs ?? train?.command ?? "", environment, override);
  return {
    command: train?.command ?? null,
    commandFrom: train?.from ?? null,
    evaluateCommand: evaluate?.command ?? null,
    evaluateFrom: evaluate?.from ?? null,
    outputs: nonEmpty(dvc?.train?.outputs),
    inputs: nonEmpty(dvc?.train?.inputs ?? await scriptImports(files, train?.command)),
    params: dvc?.params ?? ["params.yaml", "params.yml", "params.json", "params.toml"].find((name) => files.exists(name)) ?? null,
    metricsFiles: nonEmpty(dvc?.metricsFiles),
    setup,
    setupFrom: from,
    dvc: dvc ? { remote: dvc.remote } : null,
    notes: [
      ...dvc?.notes ?? [],
      ...metricsNote(dvc?.metricsFiles),
      ...environment.notes,
      ...environmentNote(setup),
      ...await notebookNote(files, [train?.runs ?? train?.command, evaluate?.command], environment)
    ]
  };
}
async function notebookNote(files, commands, environment) {
  const notebooks = commands.flatMap((command) => {
    const notebook = command === void 0 ? null : notebookOfCommand(command);
    return notebook === null ? [] : [notebook];
  });
  if (notebooks.length === 0) return [];
  const file = environment.environment?.file ?? null;
  const text2 = file === null ? "" : await files.text(file) ?? "";
  const note2 = notebookRunnerNote(notebooks, file, text2);
  return note2 === null ? [] : [note2];
}
var nonEmpty = (list) => list && list.length > 0 ? list : null;
async function scriptImports(files, command) {
  const script = command === void 0 ? null : pythonScriptOf(command) ?? notebookOfCommand(command);
  return script === null ? void 0 : localImports(files, script);
}
function metricsNote(metricsFiles) {
  if (!metricsFiles || metricsFiles.length === 0) return [];
  return [
    `evaluate.metrics_file reads ${metricsFiles.join(", ")}; the starter gate rules use built-in metrics, computed from evaluate.predictions: write that file, or gate on the metrics your pipeline writes (gate.rules)`
  ];
}
function environmentNote(setup) {
  if (setup?.kind !== "python" || setup.environment) return [];
  return [
    `no Python environment file (${ENVIRONMENT_FILES.join(", ")}): the workflows set up Python only; install what training needs in their marked step`
  ];
}
async function detectRuntime(files, command, environment, override) {
  const found = environment.environment;
  const python = (version, from) => ({
    setup: { kind: "python", version, ...found ? { environment: found } : {} },
    from: found ? `${from}; ${found.installer} from ${environment.from}` : from
  });
  if (override.python) return python(override.python, "--python");
  if (override.node) return { setup: { kind: "node", version: override.node }, from: "--node" };
  const pythonMarkers = ["train.py", "train.ipynb", "requirements.txt", "pyproject.toml", "Pipfile"].filter(
    (f) => files.exists(f)
  );
  if (found?.installer === "conda") pythonMarkers.unshift(found.file);
  const nodeCommand = /^(npm|npx|node|pnpm|yarn)\s/.test(command);
  if (/(^|&&\s*)(python3?|jupyter)\s/.test(command) || pythonMarkers.length > 0 && !nodeCommand) {
    const version = (found?.installer === "conda" ? await condaPython(files, found.file) : null) ?? await pythonVersion(files);
    const marker = pythonMarkers[0] ?? "the training command";
    return python(version.version, `${marker}; version from ${version.from}`);
  }
  if (nodeCommand) {
    const version = await nodeVersion(files);
    const marker = files.exists("package.json") ? "package.json" : /^node\s+(\S+)/.exec(command)?.[1] ?? "the training command";
    return { setup: { kind: "node", version: version.version }, from: `${marker}; version from ${version.from}` };
  }
  return { setup: null, from: null };
}
async function condaPython(files, file) {
  const dependencies = valueOf(await files.yaml(file))?.dependencies;
  if (!Array.isArray(dependencies)) return null;
  for (const dependency of dependencies) {
    if (typeof dependency !== "string") continue;
    const version = /^python\s*(?:==?|>=|~=|\s)\s*(3\.\d+)/.exec(dependency.trim())?.[1];
    if (version) return { version, from: `"${dependency.trim()}" in ${file}` };
  }
  return null;
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
  const root = top ? path4.resolve(top) : findRepoRoot(configDir);
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
  const relative = path4.relative(realpath(root), realpath(configDir)).split(path4.sep).join("/");
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
  let current = path4.resolve(folder);
  while (!existsSync3(current) && path4.dirname(current) !== current) current = path4.dirname(current);
  return current;
}
function realpath(folder) {
  const existing = existingAncestor(folder);
  return path4.join(realpathSync(existing), path4.relative(existing, path4.resolve(folder)));
}

// src/init/kit-ref.ts
import { existsSync as existsSync4, realpathSync as realpathSync2 } from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
import path5 from "node:path";
var KIT_REF_FILE = "dist/kit-ref.json";
var SHA = /^[0-9a-f]{40}$/;
var VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
async function resolveKitRef(kitRoot, version, git) {
  const released = await readKitRefFile(path5.join(kitRoot, KIT_REF_FILE));
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
  const parts = path5.resolve(kitRoot).split(path5.sep);
  const first = parts.indexOf("node_modules");
  if (first < 0) return null;
  const project = parts.slice(0, first).join(path5.sep) || path5.sep;
  const key = parts.slice(first).join("/");
  let lock;
  try {
    lock = JSON.parse(await readFile2(path5.join(project, "node_modules", ".package-lock.json"), "utf8"));
  } catch {
    return null;
  }
  const resolved = lock.packages?.[key]?.resolved;
  if (typeof resolved !== "string" || !resolved.startsWith("git+")) return null;
  const sha = resolved.slice(resolved.lastIndexOf("#") + 1);
  return SHA.test(sha) ? sha : null;
}
async function kitRootOf(start) {
  for (let dir = path5.resolve(start); ; dir = path5.dirname(dir)) {
    const manifest = path5.join(dir, "package.json");
    if (existsSync4(manifest)) {
      const { name } = JSON.parse(await readFile2(manifest, "utf8"));
      if (name === "mlops-kit") return dir;
    }
    if (path5.dirname(dir) === dir) throw new Error(`no package.json of mlops-kit above ${start}`);
  }
}
function samePath(a, b) {
  const real = (p) => {
    try {
      return realpathSync2(p);
    } catch {
      return path5.resolve(p);
    }
  };
  return real(a) === real(b);
}

// src/init/data-choice.ts
var import_yaml2 = __toESM(require_dist(), 1);
import path6 from "node:path";
var TRAIN_WORDS = /* @__PURE__ */ new Set(["train", "training", "trn"]);
var EVAL_WORDS = ["eval", "evaluation", "valid", "validation", "val", "test", "testing", "holdout", "dev"];
var OUTPUT_WORDS = /* @__PURE__ */ new Set(["prediction", "predictions", "preds", "metrics", "submission", "scores", "results"]);
var words = (file) => file.toLowerCase().replace(/\.(?:csv|tsv|tab|jsonl|ndjson|parquet|pq)(?:\.gz)?$/, "").split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/).filter(Boolean);
function roleOf(file) {
  const all = words(file);
  const name = words(path6.posix.basename(file));
  if (name.some((w) => OUTPUT_WORDS.has(w))) return "output";
  for (const list of [name, all]) {
    if (list.some((w) => TRAIN_WORDS.has(w))) return "train";
    if (list.some((w) => EVAL_WORDS.includes(w))) return "eval";
  }
  return null;
}
var folderOf = (file) => path6.posix.dirname(file);
var depthOf = (file) => file.split("/").length;
var shownFolder = (file) => folderOf(file) === "." ? "this folder" : `${folderOf(file)}/`;
function evalBeside(train, candidates) {
  const beside = candidates.filter(
    (c) => c !== train && folderOf(c.path) === folderOf(train.path) && roleOf(c.path) === "eval"
  );
  const trainName = path6.posix.basename(train.path).toLowerCase();
  const rank = (c) => {
    const name = path6.posix.basename(c.path).toLowerCase();
    const eval_ = words(name).find((w) => EVAL_WORDS.includes(w)) ?? "";
    const twin = [...TRAIN_WORDS].some((w) => trainName.replace(w, eval_) === name) ? 0 : 1;
    const sameFormat = c.format === train.format ? 0 : 1;
    return twin * 100 + sameFormat * 50 + EVAL_WORDS.indexOf(eval_);
  };
  return beside.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
function chooseData(candidates, named) {
  const usable = candidates.filter((c) => roleOf(c.path) !== "output");
  const byPath = new Map(usable.map((c) => [c.path, c]));
  const namedFiles = named.paths.flatMap((p) => byPath.get(p) ?? []);
  let train = null;
  let eval_ = null;
  let from = null;
  let evalFrom = null;
  if (namedFiles.length > 0) {
    train = namedFiles.find((c) => roleOf(c.path) === "train") ?? namedFiles.find((c) => roleOf(c.path) !== "eval") ?? namedFiles[0];
    from = `named by ${named.by ?? "the training script"}`;
    eval_ = namedFiles.find((c) => c !== train && roleOf(c.path) === "eval") ?? null;
    evalFrom = eval_ ? from : null;
    if (!eval_) {
      eval_ = evalBeside(train, usable);
      evalFrom = eval_ ? `its name, beside ${train.path}` : null;
    }
  } else {
    const trains = usable.filter((c) => roleOf(c.path) === "train");
    if (trains.length > 0) {
      const ranked = trains.map((c) => ({ c, pair: evalBeside(c, usable) })).sort(
        (a, b) => (a.pair ? 0 : 1) - (b.pair ? 0 : 1) || depthOf(a.c.path) - depthOf(b.c.path) || a.c.path.localeCompare(b.c.path)
      );
      train = ranked[0].c;
      eval_ = ranked[0].pair;
      from = eval_ ? `file names (${path6.posix.basename(train.path)}, ${path6.posix.basename(eval_.path)}) in ${shownFolder(train.path)}` : `the file name ${path6.posix.basename(train.path)}`;
      evalFrom = eval_ ? from : null;
    } else if (usable.length > 0) {
      const learnable = usable.filter((c) => roleOf(c.path) !== "eval");
      const pool = learnable.length > 0 ? learnable : usable;
      train = [...pool].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))[0];
      eval_ = evalBeside(train, usable);
      evalFrom = eval_ ? `its name, beside ${train.path}` : null;
      from = usable.length === 1 ? "the only data file" : `the largest of ${pool.length} data files`;
    }
  }
  const chosen = /* @__PURE__ */ new Set([train?.path, eval_?.path]);
  const others = candidates.filter((c) => !chosen.has(c.path)).map((c) => c.path);
  return { train, eval: eval_, from, evalFrom, others };
}
var COMMON_TARGETS = [
  "target",
  "label",
  "labels",
  "y",
  "class",
  "outcome",
  "quality",
  "species",
  "survived",
  "churn",
  "churned",
  "exited",
  "is_fraud",
  "fraud",
  "default",
  "diagnosis",
  "sentiment",
  "income",
  "saleprice",
  "price",
  "medv",
  "median_house_value"
];
function chooseTarget(columns, file, namedBy) {
  if (columns.length === 0) return { column: null, from: null, guessed: false };
  const lower = columns.map((c) => c.trim().toLowerCase());
  for (const name of COMMON_TARGETS) {
    const at = lower.indexOf(name);
    if (at >= 0) return { column: columns[at], from: "a common name for a target column", guessed: false };
  }
  const affixed = lower.findIndex((c) => /(?:^|_)(?:target|label)(?:$|_)/.test(c));
  if (affixed >= 0) return { column: columns[affixed], from: "its name", guessed: false };
  const last = columns[columns.length - 1];
  if (namedBy) return { column: last, from: `the last column of ${file}, which ${namedBy} reads`, guessed: false };
  return { column: last, from: `a guess: the last column of ${file}`, guessed: true };
}
function scriptOfCommand(command) {
  if (!command) return null;
  const tokens = command.split(/\s+/);
  const module = tokens.indexOf("-m");
  if (module >= 0 && tokens[module + 1]) return `${tokens[module + 1].replace(/\./g, "/")}.py`;
  return tokens.find((t) => /^[\w./-]+\.(?:py|ipynb)$/.test(t))?.replace(/^\.\//, "") ?? null;
}
var FILE_LITERAL = /["']([^"'\n]{1,300}?\.(?:csv|tsv|tab|jsonl|ndjson|parquet|pq)(?:\.gz)?)["']/gi;
function fileLiterals(source) {
  return [...source.matchAll(FILE_LITERAL)].map((m) => m[1].replace(/^\.\//, ""));
}
function matching(name, candidates) {
  const clean = name.replace(/^\.\//, "").replace(/\/+$/, "");
  const exact = candidates.filter((c) => c.path === clean || c.path.startsWith(`${clean}/`));
  if (exact.length > 0) return exact;
  const base = path6.posix.basename(clean.replace(/\{[^}]*\}/g, ""));
  return candidates.filter((c) => c.path.endsWith(`/${clean}`) || path6.posix.basename(c.path) === base);
}
async function namedByTraining(folder, command, candidates) {
  const found = (names) => [...new Set(names.flatMap((n) => matching(n, candidates)))].map((c) => c.path);
  const scripts = [scriptOfCommand(command)];
  for (const [name, stage] of await trainStages(folder)) {
    const wdir = typeof stage.wdir === "string" ? stage.wdir : ".";
    const inStage = (file) => path6.posix.join(wdir, file);
    const commands = (Array.isArray(stage.cmd) ? stage.cmd : [stage.cmd]).filter((c) => typeof c === "string");
    scripts.push(...commands.map((c) => scriptOfCommand(c)).flatMap((s) => s ? [inStage(s)] : []));
    const deps = Array.isArray(stage.deps) ? stage.deps.filter((d) => typeof d === "string").map(inStage) : [];
    const paths2 = found(deps);
    if (paths2.length > 0) return { paths: paths2, by: `dvc.yaml stage ${name}` };
  }
  for (const script of /* @__PURE__ */ new Set([...scripts, "train.py", "train.ipynb"])) {
    if (!script) continue;
    const text2 = await readProjectFile(path6.join(folder, script));
    const source = text2 === void 0 ? null : scriptCode(script, text2);
    const paths2 = source === null ? [] : found(fileLiterals(source));
    if (paths2.length > 0) return { paths: paths2, by: script };
  }
  return { paths: [], by: null };
}
async function trainStages(folder) {
  const text2 = await readProjectFile(path6.join(folder, "dvc.yaml"));
  if (text2 === void 0) return [];
  let dvc;
  try {
    dvc = (0, import_yaml2.parse)(text2);
  } catch {
    return [];
  }
  const stages = dvc?.stages;
  if (stages === null || typeof stages !== "object") return [];
  return Object.entries(stages).flatMap(
    ([name, stage]) => /train/i.test(name) && stage !== null && typeof stage === "object" ? [[name, stage]] : []
  );
}

// src/init/data-files.ts
import { existsSync as existsSync5 } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path7 from "node:path";

// src/data/head.ts
var HEAD_BUFFER_BYTES = 64 << 10;
async function readTableHead(file, format, shown) {
  if (format === "parquet") {
    refuseIrregularFile(file, shown);
    const source = await openParquet(file, shown).catch((error) => {
      throw explainReadError(error, shown, () => null);
    });
    return { first: source.columns, named: true };
  }
  return withRecords(file, format, shown, async (records) => {
    const first = await records.next();
    if (first.done) throw new InputError(`${shown} is empty`, { hint: "a table needs a header row and data rows" });
    return { first: first.value.cells, named: format === "jsonl" };
  });
}
async function withRecords(file, format, shown, use) {
  refuseIrregularFile(file, shown);
  let reader;
  try {
    reader = isGzip(file) ? gzipReader(file) : fileReader(file, 0);
  } catch (error) {
    throw explainReadError(error, shown, () => null);
  }
  const records = format === "jsonl" ? jsonRecords(reader, shown) : delimitedRecords(reader, shown, format, Buffer.allocUnsafeSlow(HEAD_BUFFER_BYTES));
  try {
    return await use(records);
  } catch (error) {
    throw explainReadError(error, shown, (record) => record + 1);
  } finally {
    await records.return(void 0);
    reader.close();
  }
}

// src/init/data-files.ts
var SCAN_LIMITS = { depth: 6, entries: 2e4, candidates: 200 };
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set([
  "node_modules",
  "__pycache__",
  "site-packages",
  "venv",
  "virtualenv",
  "mlruns",
  "wandb",
  "dist",
  "build"
]);
var DATA_FILE = /\.(?:(?:csv|tsv|tab|jsonl|ndjson)(?:\.gz)?|parquet|pq)$/i;
async function scanDataFiles(folder, limits = SCAN_LIMITS, skip = []) {
  const found = [];
  let truncated = null;
  let entries = 0;
  let level = [""];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > limits.depth) {
      truncated = `did not look deeper than ${limits.depth} folders below mlops.yml`;
      break;
    }
    const next = [];
    for (const relative of level) {
      const listing = await listFolder(path7.join(folder, relative));
      if (relative !== "" && listing.some((e) => e.name === "pyvenv.cfg" || e.name === "conda-meta")) continue;
      if (relative !== "" && (skip.includes(relative) || await isFolderRegistry(path7.join(folder, relative), listing)))
        continue;
      for (const entry of listing) {
        if (++entries > limits.entries) {
          truncated = `stopped after ${limits.entries} files and folders`;
          break;
        }
        const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
        const kind = await kindOf(folder, child, entry);
        if (kind === "folder" && !entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name)) next.push(child);
        if (kind === "file" && DATA_FILE.test(entry.name)) {
          found.push({ path: child, size: (await stat(path7.join(folder, child))).size });
        }
      }
      if (truncated) break;
    }
    if (truncated) break;
    level = next;
  }
  found.sort((a, b) => a.path.localeCompare(b.path));
  if (found.length > limits.candidates) {
    truncated ??= `read the first ${limits.candidates} of ${found.length} data files`;
    found.length = limits.candidates;
  }
  const candidates = [];
  const unreadable = [];
  for (const file of found) {
    const read = await readCandidate(folder, file.path, file.size);
    if ("reason" in read) unreadable.push(read);
    else candidates.push(read);
  }
  return { candidates, unreadable, truncated };
}
async function isFolderRegistry(folder, listing) {
  for (const model of listing) {
    if (!model.isDirectory()) continue;
    const versions = path7.join(folder, model.name, "versions");
    if (!existsSync5(versions)) continue;
    const published = (await listFolder(versions)).some(
      (version) => version.isDirectory() && existsSync5(path7.join(versions, version.name, "manifest.json"))
    );
    if (published) return true;
  }
  return false;
}
function folderBelow(value) {
  if (!value || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return null;
  const normal = path7.posix.normalize(value.replace(/\\/g, "/")).replace(/\/+$/, "").replace(/^\.\//, "");
  return normal === "." || normal === "" || normal.startsWith("../") || path7.posix.isAbsolute(normal) ? null : normal;
}
async function listFolder(folder) {
  try {
    return (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}
async function kindOf(folder, child, entry) {
  if (entry.isDirectory()) return "folder";
  if (entry.isFile()) return "file";
  if (!entry.isSymbolicLink()) return null;
  try {
    return (await stat(path7.join(folder, child))).isFile() ? "file" : null;
  } catch {
    return null;
  }
}
async function readCandidate(folder, relative, size) {
  if (isDynamicPattern(relative))
    return { path: relative, reason: "its name reads as a glob pattern in mlops.yml ([, *, ? or {)" };
  try {
    const format = formatOf(relative);
    const head = await readTableHead(path7.join(folder, relative), format, relative);
    const headerless = !head.named && looksLikeData(head.first);
    const columns = headerless ? [] : head.first.map((cell, i) => (cell ?? "").trim() || `column_${i + 1}`);
    const twice = columns.find((name, i) => columns.indexOf(name) !== i);
    if (twice !== void 0) return { path: relative, reason: `column "${twice}" appears twice in the header` };
    return { path: relative, format, size, columns, headerless, fields: head.first.length };
  } catch (error) {
    if (error instanceof UserError) return { path: relative, reason: error.message.replace(`${relative}: `, "") };
    throw error;
  }
}
var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
function looksLikeData(first) {
  return first.some((cell) => cell !== null && NUMBER.test(cell.trim()));
}
async function resolveDataOption(flag, value, cwd, configDir, known) {
  if (isS3Uri(value)) return { source: value, head: null, shown: value };
  const toConfig = (absolute) => path7.relative(configDir, absolute).split(path7.sep).join("/");
  let first;
  let source;
  if (isDynamicPattern(value)) {
    const matches = (await glob(value, { cwd, absolute: true, onlyFiles: true, expandDirectories: false })).sort();
    if (matches[0] === void 0)
      throw new UsageError(`${flag} ${value}: no file matches`, {
        hint: `${suggest(value, known)}; nothing was written`
      });
    first = matches[0];
    const base = path7.resolve(cwd);
    source = toConfig(base) === "" ? value : `${toConfig(base)}/${value}`;
  } else {
    first = path7.resolve(cwd, value);
    if (!existsSync5(first))
      throw new UsageError(`${flag} ${value}: no such file`, { hint: `${suggest(value, known)}; nothing was written` });
    source = toConfig(first);
  }
  let size;
  try {
    size = (await stat(first)).size;
  } catch (error) {
    throw new UsageError(`${flag} ${value}: ${error.message}`, {
      hint: "nothing was written",
      cause: error
    });
  }
  const head = await readCandidate(path7.dirname(first), path7.basename(first), size);
  if ("reason" in head)
    throw new UsageError(`${flag} ${value}: cannot be read as data: ${head.reason}`, {
      hint: "init reads CSV, TSV, JSON Lines (optionally .gz) and Parquet files; nothing was written"
    });
  const shown = path7.relative(cwd, first).split(path7.sep).join("/");
  return { source, head: { ...head, path: toConfig(first) }, shown };
}
function suggest(value, known) {
  const near = closestMatch(value, known) ?? known.find((k) => path7.basename(k) === path7.basename(value));
  if (near) return `did you mean ${near}? (paths are relative to the current folder)`;
  return known.length > 0 ? `data files found here: ${known.slice(0, 5).join(", ")}${known.length > 5 ? ", ..." : ""}` : "paths are relative to the current folder";
}

// src/init/data.ts
async function detectData(request) {
  const scan = await scanDataFiles(request.configDir, SCAN_LIMITS, request.skip ?? []);
  const known = scan.candidates.map((c) => c.path);
  const notes = [];
  let train = null;
  let trainFrom = null;
  let evalData = null;
  let evalFrom = null;
  let others = known;
  let namedBy = null;
  if (request.data !== void 0) {
    train = await resolveDataOption("--data", request.data, request.cwd, request.configDir, known);
    trainFrom = "--data";
    const head2 = train.head;
    if (request.eval === void 0 && head2 && roleOf(head2.path) === "train") {
      const beside = evalBeside(head2, scan.candidates);
      if (beside)
        [evalData, evalFrom] = [
          { source: beside.path, head: beside, shown: beside.path },
          `its name, beside ${head2.path}`
        ];
    }
    others = known.filter((p) => p !== head2?.path && p !== evalData?.source);
  } else {
    const named = await namedByTraining(request.configDir, request.trainCommand, scan.candidates);
    const choice = chooseData(scan.candidates, named);
    if (choice.train)
      [train, trainFrom] = [{ source: choice.train.path, head: choice.train, shown: choice.train.path }, choice.from];
    if (choice.eval)
      [evalData, evalFrom] = [
        { source: choice.eval.path, head: choice.eval, shown: choice.eval.path },
        choice.evalFrom
      ];
    if (choice.from?.startsWith("named by")) namedBy = named.by;
    others = choice.others;
  }
  if (request.eval !== void 0) {
    evalData = await resolveDataOption("--eval", request.eval, request.cwd, request.configDir, known);
    evalFrom = "--eval";
    others = others.filter((p) => p !== evalData?.head?.path);
  }
  const head = train?.head ?? null;
  const columns = head && !head.headerless ? head.columns : null;
  let target = null;
  let targetFrom = null;
  let targetGuessed = false;
  if (request.target !== void 0) {
    if (columns && !columns.includes(request.target))
      throw missingColumn("--target", request.target, train.shown, columns);
    [target, targetFrom] = [request.target, "--target"];
  } else if (columns && head) {
    const chosen = chooseTarget(columns, head.path, namedBy);
    [target, targetFrom, targetGuessed] = [chosen.column, chosen.from, chosen.guessed];
  }
  const evalHead = evalData?.head;
  if (target !== null && evalHead && !evalHead.headerless && !evalHead.columns.includes(target)) {
    if (evalFrom === "--eval") throw missingColumn("--eval", target, evalData.shown, evalHead.columns);
    notes.push(
      `${evalHead.path} has no column ${target}, so it is not data.eval (a test file without labels cannot score a model)`
    );
    others = [...others, evalHead.path].sort();
    evalData = null;
    evalFrom = null;
  }
  return {
    train: train?.source ?? null,
    trainFrom,
    eval: evalData?.source ?? null,
    evalFrom,
    target,
    targetFrom,
    targetGuessed,
    columns,
    headerless: head?.headerless ? { path: head.path, fields: head.fields } : null,
    others,
    unreadable: scan.unreadable,
    truncated: scan.truncated,
    notes
  };
}
function missingColumn(flag, column, file, columns) {
  const near = closestMatch(column, columns);
  const listed2 = columns.length > 8 ? `${columns.slice(0, 8).join(", ")}, ...` : columns.join(", ");
  const what = flag === "--target" ? "" : ` (the target, which every evaluation file needs)`;
  return new UsageError(`${flag}: ${file} has no column ${JSON.stringify(column)}${what}`, {
    hint: `${near ? `did you mean ${near}? ` : ""}its columns: ${listed2}; nothing was written`
  });
}
var CONFIG_SET = "npx mlops-kit config set";
function describeData(data) {
  const lines = [];
  if (data.train === null) {
    lines.push(
      `Data: no CSV, TSV, JSON Lines or Parquet file found below the folder of mlops.yml; data.train and data.target are placeholders.`,
      `  Set them: \`${CONFIG_SET} data.train <path>\` and \`${CONFIG_SET} data.target <column>\` (or init --data <path> --target <column>).`
    );
  } else {
    lines.push(
      !data.eval ? `Data: data.train ${data.train} (${data.trainFrom}), no data.eval.` : data.evalFrom === data.trainFrom ? `Data: data.train ${data.train} and data.eval ${data.eval} (${data.trainFrom}).` : `Data: data.train ${data.train} (${data.trainFrom}), data.eval ${data.eval} (${data.evalFrom}).`
    );
    if (data.headerless) {
      lines.push(
        `  ${data.headerless.path}: the first row looks like data, not column names: if the file has no header, set`,
        `  \`data.header: false\` and name its ${data.headerless.fields} columns in order under data.schema.columns (init does not guess names).`
      );
    }
    if (data.target)
      lines.push(
        `Target: ${data.target} (${data.targetFrom})${data.targetGuessed ? "; check it" : ""}. Change it: \`${CONFIG_SET} data.target <column>\` or init --target <column>.`
      );
    else
      lines.push(
        `Target: not chosen${data.headerless ? " (no column names to choose from)" : ""}; data.target is a placeholder. Set it: \`${CONFIG_SET} data.target <column>\`.`
      );
  }
  for (const note2 of data.notes) lines.push(`  ${note2}.`);
  if (data.others.length > 0) {
    const shown = data.others.length > 10 ? [...data.others.slice(0, 10), "..."] : data.others;
    lines.push(
      `  Also found: ${shown.join(", ")}. To use another: init --data <path> [--eval <path>], or \`${CONFIG_SET} data.train <path>\`.`
    );
  }
  for (const file of data.unreadable) lines.push(`  Not read: ${file.path}: ${file.reason}.`);
  if (data.truncated) lines.push(`  The search ${data.truncated}; name the data with --data if it is not above.`);
  return lines;
}
function dataTemplateInput(data) {
  const notes = [];
  if (data.train === null) notes.push("No data file found here: put your training data's path below.");
  else {
    notes.push(
      data.eval && data.evalFrom !== data.trainFrom ? `data.train: ${data.trainFrom}; data.eval: ${data.evalFrom}.` : `data.${data.eval ? "train and data.eval" : "train"}: ${data.trainFrom}.`
    );
    if (data.target) notes.push(`data.target: ${data.targetFrom}.`);
  }
  return {
    train: data.train,
    eval: data.eval,
    target: data.target,
    notes,
    headerless: data.headerless !== null
  };
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
  "*/quarantine/*",
  "*/monitor/*",
  "*/scoring/*"
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
  /** Caches conda's package downloads (keyed on the environment file); the conda environment itself is not cached. */
  cache: "actions/cache@9255dc7a253b0ccc959486e2bca901246202afeb # v5.0.1",
  /** Installs uv and caches its downloads for uv projects (uv.lock or [tool.uv]). */
  setupUv: "astral-sh/setup-uv@08807647e7069bb48b6ef5acd8ec9567f424441b # v8.1.0",
  /** GitHub's build-provenance attestation (Sigstore-signed, stored by GitHub) of each published manifest. */
  attestBuildProvenance: "actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32 # v4.1.0",
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

// src/init/workflows/options.ts
var WORKFLOW_NAMES = {
  pr: "mlops PR",
  report: "mlops PR report",
  main: "mlops main",
  retrain: "mlops retrain",
  sweep: "mlops sweep",
  monitor: "mlops monitor",
  predict: "mlops predict",
  promote: "mlops promote"
};
var GATE_CHECK = "mlops gate";
var REPORT_ARTIFACT = "mlops-gate-report";
var HTML_REPORT_ARTIFACT = "mlops-run-report";
var MONITOR_SHARD_ARTIFACT = "mlops-monitor-shard";
var PREDICTIONS_ARTIFACT = "mlops-predictions";
var MODEL_PAGE_ARTIFACT = "mlops-model-page";

// src/init/workflows/pinned.ts
function pinned(action) {
  const match = /^(\S+@[0-9a-f]{40}) # (v\d+(?:\.\d+)*)$/.exec(PINNED[action]);
  if (!match?.[1] || !match[2]) throw new Error(`PINNED.${action} is not "owner/repo@<sha> # vX.Y.Z"`);
  return commentAfter(match[1], match[2]);
}

// src/init/workflows/python-setup.ts
function pythonSetupSteps(version, environment, workingDirectory) {
  const folder = workingDirectory === "." ? void 0 : workingDirectory;
  const inRepository = (file) => folder ? `${folder}/${file}` : file;
  const install = (tool, run) => ({
    name: `Install the training dependencies (${tool})`,
    "working-directory": folder,
    run: run.length === 1 ? run[0] : [...run, ""].join("\n")
  });
  const setupPython = (cache, dependencyFile) => ({
    uses: pinned("setupPython"),
    with: {
      "python-version": version,
      ...cache && dependencyFile ? { cache, "cache-dependency-path": inRepository(dependencyFile) } : {}
    }
  });
  const onPath = (bin, variable, prefix) => [
    `echo "${bin}" >> "$GITHUB_PATH"`,
    `echo "${variable}=${prefix}" >> "$GITHUB_ENV"`
  ];
  if (environment === void 0) {
    return [
      setupPython(),
      note(
        "No requirements.txt, pyproject.toml, Pipfile or environment.yml was found: install what training needs here."
      )
    ];
  }
  const lockfile = environment.lockfile;
  switch (environment.installer) {
    case "pip":
      return [
        setupPython("pip", environment.file),
        environment.file === "requirements.txt" ? install("pip", ["pip install -r requirements.txt"]) : (
          // Editable: the code that trains is the checkout's, the files the run cache key hashes.
          install("pip", ["pip install -e ."])
        )
      ];
    case "uv":
      return [
        setupPython(),
        { uses: pinned("setupUv"), with: { "enable-cache": true, ...folder ? { "working-directory": folder } : {} } },
        install("uv", [
          `uv sync${lockfile ? " --locked" : ""} --python "$(command -v python)"`,
          ...onPath("$PWD/.venv/bin", "VIRTUAL_ENV", "$PWD/.venv")
        ])
      ];
    case "poetry":
      return [
        // setup-python's poetry cache asks poetry where its cache is: poetry comes first.
        { name: "Install Poetry", run: "pipx install poetry" },
        setupPython("poetry", lockfile ?? environment.file),
        install("Poetry", [
          "poetry env use python",
          "poetry install --no-interaction",
          ...onPath("$(poetry env info --path)/bin", "VIRTUAL_ENV", "$(poetry env info --path)")
        ])
      ];
    case "pipenv":
      return [
        { name: "Install Pipenv", run: "pipx install pipenv" },
        setupPython("pipenv", lockfile ?? environment.file),
        install("Pipenv", [
          // --deploy: a Pipfile.lock out of date with the Pipfile fails here rather than training on other versions.
          `pipenv install --dev${lockfile ? " --deploy" : ""} --python "$(command -v python)"`,
          ...onPath("$(pipenv --venv)/bin", "VIRTUAL_ENV", "$(pipenv --venv)")
        ])
      ];
    case "conda":
      return [
        {
          name: "Cache conda's downloads",
          uses: pinned("cache"),
          with: {
            path: "~/conda_pkgs_dir",
            key: `conda-\${{ runner.os }}-\${{ hashFiles('${inRepository(environment.file)}') }}`
          }
        },
        // Accepting Anaconda's terms is the user's choice, not the kit's: the comment names both ways.
        commentAbove(
          [
            "Anaconda's defaults channel needs its Terms of Service accepted: list conda-forge and nodefaults under",
            "channels in the environment file, or accept them with CONDA_PLUGINS_AUTO_ACCEPT_TOS: yes in this step's env."
          ].join("\n"),
          install("conda", [
            'export CONDA_PKGS_DIRS="$HOME/conda_pkgs_dir"',
            `"$CONDA/bin/conda" env create --quiet --file ${environment.file} --prefix "$RUNNER_TEMP/conda-env"`,
            ...onPath("$RUNNER_TEMP/conda-env/bin", "CONDA_PREFIX", "$RUNNER_TEMP/conda-env")
          ])
        )
      ];
  }
}
function dvcSteps(dvc, workingDirectory) {
  const folder = workingDirectory === "." ? void 0 : workingDirectory;
  const extra = dvc.remote?.extra;
  const steps = [
    // pipx: DVC in its own environment, so it neither needs nor changes the training dependencies.
    { name: "Install DVC", run: `pipx install "dvc${extra ? `[${extra}]` : ""}"` }
  ];
  if (dvc.remote) {
    steps.push(
      commentAbove(
        [
          `DVC remote "${dvc.remote.name}" (${dvc.remote.type}) needs ${remoteCredentials(dvc.remote)}`,
          "Pull requests from forks get no secrets and no OIDC token."
        ].join("\n"),
        { name: "Fetch the data DVC tracks (dvc pull)", "working-directory": folder, run: "dvc pull" }
      )
    );
  }
  return steps;
}
function remoteCredentials(remote) {
  switch (remote.type) {
    case "s3":
      return [
        "AWS credentials: a role assumed by OIDC before this step (as for an S3 registry)",
        "that may read the bucket, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from secrets in this step's env."
      ].join("\n");
    case "gs":
    case "gcs":
      return [
        "Google Cloud credentials: google-github-actions/auth by OIDC (workload identity",
        "federation) before this step, or GOOGLE_APPLICATION_CREDENTIALS."
      ].join("\n");
    case "azure":
      return [
        "Azure credentials: AZURE_STORAGE_CONNECTION_STRING from a secret in this step's env,",
        "or azure/login by OIDC before it."
      ].join("\n");
    case "gdrive":
      return "a service account: GDRIVE_CREDENTIALS_DATA from a secret in this step's env.";
    case "ssh":
      return "an SSH key for the host, from a secret, written to ~/.ssh before this step.";
    case "http":
    case "https":
    case "webdav":
    case "webdavs":
      return [
        "nothing when its URL is public; otherwise a user and password from secrets",
        "(`dvc remote modify --local <name> user|password ...` in a step before this one)."
      ].join("\n");
    default:
      return `the credentials DVC's docs name for ${remote.type} remotes, from secrets in this step's env.`;
  }
}

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
    setupSteps: setupSteps(options.setup, options.dvc, options.workingDirectory),
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
function setupSteps(setup, dvc, workingDirectory) {
  const runtime = runtimeSteps(setup, workingDirectory);
  return dvc === null ? runtime : [...runtime, ...dvcSteps(dvc, workingDirectory)];
}
function runtimeSteps(setup, workingDirectory) {
  if (setup === null)
    return [note("Set up what your training command needs here (pin third-party actions to a commit SHA).")];
  if (setup.kind === "python") return pythonSetupSteps(setup.version, setup.environment, workingDirectory);
  return [
    { uses: pinned("setupNode"), with: { "node-version": setup.version } },
    {
      name: "Install the training dependencies",
      "working-directory": workingDirectory === "." ? void 0 : workingDirectory,
      run: "if [ -f package-lock.json ]; then npm ci; fi"
    }
  ];
}
function publishConcurrency(model) {
  return commentAbove("One publish at a time per model; every push gets its turn, in order.", {
    group: `mlops-publish-${model}`,
    queue: "max"
  });
}
function uploadHtmlReportStep() {
  return {
    name: "Keep the run's HTML report",
    if: "always() && steps.gate.outputs.html != ''",
    uses: pinned("uploadArtifact"),
    with: {
      name: HTML_REPORT_ARTIFACT,
      path: "${{ steps.gate.outputs.html }}",
      "include-hidden-files": true,
      "retention-days": 30
    }
  };
}

// src/init/workflows/deploy.ts
var CANARY_JUDGE_JOB = "canary-judge";
var MAX_JOB_MINUTES = 360;
var SETUP_MINUTES = 20;
function deployJobId(target) {
  return `deploy-${target.replace(/\./g, "-")}`;
}
function deployJob(model, values, target, options) {
  return {
    name: `deploy to ${target.name}`,
    needs: options.needs.length <= 1 ? options.needs[0] : options.needs,
    if: options.if,
    "runs-on": "ubuntu-latest",
    environment: { name: target.environment, url: "${{ steps.deploy.outputs.environment-url }}" },
    concurrency: targetConcurrency(model, target.name),
    // The deploy command's own limit, and time to set up and pull the version's files.
    "timeout-minutes": target.timeoutMinutes + SETUP_MINUTES,
    permissions: deployPermissions(values),
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...setupFor("What the target's deploy command needs (the same set-up as training).", values),
      kitStep("deploy", values, {
        id: "deploy",
        with: { target: target.name, version: options.version, ...options.reason ? { reason: options.reason } : {} }
      })
    ]
  };
}
function setupFor(why, values) {
  const steps = values.setupSteps;
  return steps.some((step) => !(step instanceof Note)) ? [note(why), ...steps] : steps;
}
function deployPermissions(values) {
  return jobPermissions(values, "write", "move the target's alias in the registry by OIDC", {
    deployments: commentAfter("write", "the GitHub deployment of each deploy and its statuses"),
    actions: commentAfter("read", "the run's approvals: who approved the deploy in the Environment"),
    issues: commentAfter("write", "one issue per model and alias when a deploy fails; closed by the next good one")
  });
}
function targetConcurrency(model, target) {
  return commentAbove("One deploy of this target at a time, in every workflow; a running one is never cancelled.", {
    group: `mlops-deploy-${model}-${target}`,
    "cancel-in-progress": false
  });
}
function canaryJudgeJob(model, values, canary, bakeMinutes, needs) {
  return {
    name: `judge the canary (${canary.name})`,
    needs,
    "runs-on": "ubuntu-latest",
    // A failed canary's rollback is a deploy that moves the canary's alias: it runs in the canary's Environment.
    environment: { name: canary.environment },
    concurrency: targetConcurrency(model, canary.name),
    "timeout-minutes": Math.min(MAX_JOB_MINUTES, bakeMinutes + 30),
    permissions: deployPermissions(values),
    outputs: { verdict: "${{ steps.canary.outputs.verdict }}", version: "${{ steps.canary.outputs.version }}" },
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...setupFor("A rollback runs the canary target's deploy command again, with the version before.", values),
      note(
        [
          "Waits for deploy.canary.bake, then judges the canary by deploy.canary.rules: a failure (or no figures at all)",
          "rolls it back and fails the job. A pass is promoted by the next job, in its own Environment."
        ].join("\n")
      ),
      kitStep("canary", values, { id: "canary", with: { wait: true, promote: false } })
    ]
  };
}
function deployOrder(targets) {
  return [
    ...targets.filter((target) => target.alias !== "champion"),
    ...targets.filter((target) => target.alias === "champion")
  ];
}
function chainJobs(model, values, deploy, source) {
  const jobs = {};
  const { canary } = deploy;
  const byName = new Map(deploy.targets.map((target) => [target.name, target]));
  const canaryTarget = canary ? byName.get(canary.target) : void 0;
  const promoteTarget = canary ? byName.get(canary.promoteTo) : void 0;
  const plain = deployOrder(deploy.targets).filter((t) => t !== canaryTarget && t !== promoteTarget);
  let previous = null;
  for (const target of [...plain, ...canaryTarget ? [canaryTarget] : []]) {
    const id = deployJobId(target.name);
    jobs[id] = deployJob(model, values, target, {
      needs: previous === null ? source.needs : [...source.needs, previous],
      if: previous === null ? source.startIf(target) : source.laterIf,
      version: source.version(target),
      reason: source.reason
    });
    previous = id;
  }
  if (canary && canaryTarget && promoteTarget && previous !== null) {
    jobs[CANARY_JUDGE_JOB] = canaryJudgeJob(model, values, canaryTarget, canary.bakeMinutes, previous);
    jobs[deployJobId(promoteTarget.name)] = deployJob(model, values, promoteTarget, {
      needs: [CANARY_JUDGE_JOB],
      if: `needs.${CANARY_JUDGE_JOB}.outputs.verdict == 'pass'`,
      version: `\${{ needs.${CANARY_JUDGE_JOB}.outputs.version }}`,
      reason: source.reason
    });
  }
  return jobs;
}
function mainDeployJobs(options, values) {
  const { deploy } = options;
  if (deploy === null || deploy.approval !== "environment") return {};
  const published = "needs.publish.outputs.verdict == 'pass' && needs.publish.outputs.version != ''";
  return chainJobs(options.model, values, deploy, {
    needs: ["publish"],
    version: () => "${{ needs.publish.outputs.version }}",
    startIf: () => published,
    laterIf: published,
    reason: void 0
  });
}
function mainDeploys(options) {
  return options.deploy !== null && options.deploy.approval === "environment";
}
var ON_DEFAULT_BRANCH = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";
function promoteInputs(deploy) {
  return {
    target: {
      description: "The deploy target",
      type: "choice",
      required: true,
      options: deploy.targets.map((target) => target.name)
    },
    version: {
      description: "The version: an id, a number (7, v7) or an alias (staging)",
      type: "string",
      required: true
    },
    reason: { description: "Why (kept in the alias history with who dispatched it)", type: "string", default: "" }
  };
}
function promoteTemplate(options, values) {
  const { deploy } = options;
  if (deploy === null || deploy.approval !== "dispatch") return null;
  const chosen = (target) => `${ON_DEFAULT_BRANCH} && inputs.target == '${target.name}'`;
  const jobs = {};
  const { canary } = deploy;
  for (const target of deploy.targets) {
    const id = deployJobId(target.name);
    if (canary && target.name === canary.promoteTo) continue;
    Object.assign(
      jobs,
      chainJobs(
        options.model,
        values,
        { ...deploy, targets: [target], canary: null },
        {
          needs: [],
          version: () => "${{ inputs.version }}",
          startIf: chosen,
          laterIf: void 0,
          reason: "${{ inputs.reason }}"
        }
      )
    );
    if (canary && target.name === canary.target) Object.assign(jobs, canaryFollowUp(options, values, deploy, id));
  }
  return {
    file: "mlops-promote.yml",
    purpose: `deploys by hand (deploy.approval: dispatch): a version to a target, from the Actions tab on ${options.defaultBranch}`,
    workflow: {
      header: [
        "mlops-kit: governed delivery without required reviewers (deploy.approval: dispatch in mlops.yml). Run it from",
        "the Actions tab: it deploys a version to a target, only on the default branch, and records who dispatched it as",
        "the approver. Each job runs in its target's GitHub Environment (branch policies, deployment history).",
        ...canary ? [
          `Dispatching ${canary.target} (the canary) waits for the bake, judges it, rolls a failure back and deploys a`,
          `passing canary to ${canary.promoteTo}.`
        ] : []
      ].join("\n"),
      name: WORKFLOW_NAMES.promote,
      on: { workflow_dispatch: { inputs: promoteInputs(deploy) } },
      permissions: {},
      jobs
    }
  };
}
function canaryFollowUp(options, values, deploy, canaryJob) {
  const { canary } = deploy;
  const canaryTarget = deploy.targets.find((target) => target.name === canary?.target);
  const promoteTarget = deploy.targets.find((target) => target.name === canary?.promoteTo);
  if (!canary || !canaryTarget || !promoteTarget) return {};
  return {
    [CANARY_JUDGE_JOB]: canaryJudgeJob(options.model, values, canaryTarget, canary.bakeMinutes, canaryJob),
    // Dispatched itself, the judge is skipped: !cancelled() lets the job run then, with the dispatched version.
    [deployJobId(promoteTarget.name)]: deployJob(options.model, values, promoteTarget, {
      needs: [CANARY_JUDGE_JOB],
      if: `!cancelled() && ${ON_DEFAULT_BRANCH} && (inputs.target == '${promoteTarget.name}' || needs.${CANARY_JUDGE_JOB}.outputs.verdict == 'pass')`,
      version: `\${{ needs.${CANARY_JUDGE_JOB}.outputs.version || inputs.version }}`,
      reason: "${{ inputs.reason }}"
    })
  };
}

// src/init/workflows/main.ts
function publishJob(values, options, deploys = false) {
  const signingKey = options.signingKeyEnv;
  return {
    name: "mlops publish",
    "runs-on": values.runsOnTraining,
    "timeout-minutes": 120,
    permissions: publishPermissions(values, options.attest),
    // The deploy jobs deploy what was published, only when the gate passed.
    outputs: deploys ? { version: "${{ steps.publish.outputs.version }}", verdict: "${{ steps.gate.outputs.verdict }}" } : void 0,
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...values.setupSteps,
      kitStep("validate", values),
      kitStep("train", values),
      kitStep("evaluate", values, { id: "evaluate", with: { "github-token": "" } }),
      note("A failed gate still publishes the version (recorded with its verdict); only promotion needs a pass."),
      kitStep("gate", values, { id: "gate", "continue-on-error": true, with: { "github-token": "" } }),
      {
        ...kitStep("publish", values, {
          id: "publish",
          if: "${{ !cancelled() && steps.evaluate.outcome == 'success' }}"
        }),
        // registry.signing.key_env: publish signs each version with the key this secret holds.
        ...signingKey ? { env: { [signingKey]: `\${{ secrets.${signingKey} }}` } } : {}
      },
      ...options.attest ? [
        {
          name: "Attest the version's manifest (build provenance; gh attestation verify checks it)",
          if: "${{ !cancelled() && steps.publish.outcome == 'success' }}",
          // The attestation adds a record; it takes nothing away if it cannot be made (a private repository
          // without GitHub Enterprise Cloud cannot store one: set publish.attest to false there).
          "continue-on-error": true,
          uses: pinned("attestBuildProvenance"),
          with: { "subject-path": "${{ steps.publish.outputs.manifest-file }}" }
        }
      ] : [],
      ...modelPageSteps(values),
      uploadHtmlReportStep(),
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
function publishPermissions(values, attest) {
  const permissions = jobPermissions(values, "write", "write to the registry by OIDC");
  if (!attest) return permissions;
  const byOidc = values.registry.permissions.write["id-token"] !== void 0;
  return {
    ...permissions,
    "id-token": commentAfter(
      "write",
      byOidc ? "write to the registry by OIDC; the attestation's signing certificate" : "the attestation's signing certificate"
    ),
    attestations: commentAfter("write", "store the attestation of the version's manifest")
  };
}
function modelPageSteps(values) {
  return [
    kitStep("models-report", values, {
      name: "The model's page in the job summary",
      id: "page",
      if: "${{ !cancelled() && steps.publish.outcome == 'success' }}",
      "continue-on-error": true
    }),
    {
      name: "Keep the model's page",
      if: "${{ !cancelled() && steps.page.outputs.file != '' }}",
      uses: pinned("uploadArtifact"),
      with: {
        name: MODEL_PAGE_ARTIFACT,
        path: "${{ steps.page.outputs.file }}",
        "include-hidden-files": true,
        "retention-days": 30
      }
    }
  ];
}
function mainTemplate(options, values) {
  const deploys = mainDeploys(options);
  return {
    file: "mlops-main.yml",
    purpose: `pushes to ${options.defaultBranch}: the pipeline, then publish; ${deploys ? "deploy" : "promote"} when the gate passed`,
    workflow: {
      header: [
        `mlops-kit: on every push to ${options.defaultBranch}, the same pipeline, then the model is published to the registry`,
        ...deploys ? ["(a new immutable version with its manifest).", ...deployHeader(options)] : ["(a new immutable version with its manifest) and promoted to champion when it passed the gate."]
      ].join("\n"),
      name: WORKFLOW_NAMES.main,
      on: { push: { branches: [options.defaultBranch] }, workflow_dispatch: null },
      permissions: {},
      ...deploys ? { jobs: { publish: publishJobAlone(options, values), ...mainDeployJobs(options, values) } } : { concurrency: publishConcurrency(options.model), jobs: { publish: publishJob(values, options) } }
    }
  };
}
function deployHeader(options) {
  const canary = options.deploy?.canary;
  return [
    "A version that passed the gate is deployed (deploy: in mlops.yml), each target's job in its GitHub Environment,",
    "whose required reviewers approve it; an alias a target serves is moved only by that target's deploy job.",
    ...canary ? [
      `The canary (${canary.target}) is judged after its bake; a failure is rolled back, a pass goes to ${canary.promoteTo}.`
    ] : []
  ];
}
function publishJobAlone(options, values) {
  const { name, "runs-on": runsOn, ...rest } = publishJob(values, options, true);
  const group = publishConcurrency(options.model).value;
  return {
    name,
    "runs-on": runsOn,
    concurrency: commentAbove(
      "One publish at a time per model, every push in order; the deploy jobs have groups of their own per target.",
      group
    ),
    ...rest
  };
}
var mainReusable = {
  file: "mlops-main.yml",
  name: WORKFLOW_NAMES.main,
  summary: "the pipeline, publish, and promotion when the gate passed",
  publishes: true,
  // A reusable workflow's attestation would name the kit's workflow, not the caller's: the caller attests.
  jobs: (values) => ({ publish: publishJob(values, { attest: false, signingKeyEnv: null }) })
};

// src/init/workflows/monitor.ts
var DISPATCH_INPUTS = {
  recompute: {
    description: "Compute every window again, not only new or newly labelled ones",
    type: "boolean",
    default: false
  },
  alias: { description: "The alias whose version is monitored (default: monitor.alias)", type: "string", default: "" }
};
var RECOMPUTE = "${{ inputs.recompute || false }}";
var ALIAS = "${{ inputs.alias }}";
var NOW = "${{ needs.time.outputs.now }}";
var SHARDS_FOLDER = "${{ runner.temp }}/monitor-shards";
function logsCredentials(values, monitor) {
  if (values.aws !== null || !monitor.logsOnS3)
    return { steps: registryCredentialsSteps(values, "write"), permissions: {} };
  return {
    steps: [
      {
        name: "AWS credentials for the prediction logs, by OIDC",
        if: "vars.MLOPS_AWS_ROLE_ARN != ''",
        uses: pinned("awsCredentials"),
        with: {
          "role-to-assume": "${{ vars.MLOPS_AWS_ROLE_ARN }}",
          "aws-region": "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}"
        }
      }
    ],
    permissions: { "id-token": commentAfter("write", "read the prediction logs on S3 by OIDC") }
  };
}
function alertPermissions(monitor) {
  return {
    ...monitor.issues ? { issues: commentAfter("write", "one issue per model and alias on a breach; closed when healthy") } : {},
    ...monitor.dispatch ? { actions: commentAfter("write", "run mlops-retrain.yml when a rule with action: retrain breaks") } : {}
  };
}
function withWebhook(monitor, step) {
  if (monitor.webhookEnv === null) return step;
  return { ...step, env: { [monitor.webhookEnv]: `\${{ secrets.${monitor.webhookEnv} }}` } };
}
function singleJob(values, monitor) {
  const logs = logsCredentials(values, monitor);
  return {
    monitor: {
      name: WORKFLOW_NAMES.monitor,
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "write", "read and write the registry by OIDC", {
        ...logs.permissions,
        ...alertPermissions(monitor)
      }),
      steps: [
        checkoutStep(),
        ...logs.steps,
        withWebhook(
          monitor,
          kitStep("monitor", values, { id: "monitor", with: { alias: ALIAS, recompute: RECOMPUTE } })
        )
      ]
    }
  };
}
function shardedJobs(values, monitor) {
  const { shards } = monitor;
  const logs = logsCredentials(values, monitor);
  return {
    time: {
      name: "the run's time",
      "runs-on": "ubuntu-latest",
      permissions: {},
      outputs: { now: "${{ steps.now.outputs.now }}" },
      steps: [
        {
          name: "Fix the run's time for every leg and the merge",
          id: "now",
          run: 'echo "now=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$GITHUB_OUTPUT"\n'
        }
      ]
    },
    leg: {
      name: `monitor leg \${{ matrix.shard }} of ${shards}`,
      needs: "time",
      "runs-on": "ubuntu-latest",
      // The merge needs every leg: once one fails there is nothing to merge.
      strategy: { "fail-fast": true, matrix: { shard: Array.from({ length: shards }, (_, i) => i + 1) } },
      permissions: jobPermissions(values, "read", "read the registry by OIDC", logs.permissions),
      steps: [
        checkoutStep(),
        ...logs.steps.length > 0 ? [
          note(
            "The role that writes, though a leg writes nothing: a schedule runs on the default branch, and the read-only\nrole trusts pull requests only."
          )
        ] : [],
        ...logs.steps,
        kitStep("monitor", values, {
          id: "monitor",
          with: { now: NOW, shard: `\${{ matrix.shard }}/${shards}`, alias: ALIAS, recompute: RECOMPUTE }
        }),
        {
          name: "Keep this leg's windows for the merge",
          uses: pinned("uploadArtifact"),
          with: {
            name: `${MONITOR_SHARD_ARTIFACT}-\${{ matrix.shard }}`,
            path: "${{ steps.monitor.outputs.shard-file }}",
            "include-hidden-files": true,
            "if-no-files-found": "error",
            "retention-days": 7
          }
        }
      ]
    },
    merge: {
      name: `${WORKFLOW_NAMES.monitor} (merge)`,
      needs: ["time", "leg"],
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "write", "write the registry by OIDC", alertPermissions(monitor)),
      steps: [
        checkoutStep(),
        ...registryCredentialsSteps(values, "write"),
        {
          uses: pinned("downloadArtifact"),
          with: { pattern: `${MONITOR_SHARD_ARTIFACT}-*`, path: SHARDS_FOLDER, "merge-multiple": true }
        },
        withWebhook(
          monitor,
          kitStep("monitor", values, {
            id: "monitor",
            with: { now: NOW, merge: `${SHARDS_FOLDER}/*.json`, alias: ALIAS }
          })
        )
      ]
    }
  };
}
function monitorTemplate(options, values) {
  const { monitor } = options;
  if (monitor === null) return null;
  const sharded = monitor.shards > 1;
  const folder = options.registry === "folder";
  return {
    file: "mlops-monitor.yml",
    purpose: [
      `scheduled monitoring of the served model (${monitor.cron}, UTC): new windows of the prediction logs, `,
      "kept in the registry's monitoring log; fails on a breached monitor rule",
      sharded ? `; a backlog is split over ${monitor.shards} matrix legs and merged` : "",
      folder ? " (registry.uri is a folder: each run's history is lost with its runner; use s3:// or github://)" : ""
    ].join(""),
    workflow: {
      header: [
        "mlops-kit: monitoring of the served model. On schedule (monitor.schedule in mlops.yml, UTC) it cuts the",
        "prediction logs into windows, computes the new and newly labelled ones, appends them to the registry's",
        "monitoring log and judges them by monitor.rules: a breach fails the run, and the job summary shows the report.",
        ...sharded ? [
          `A backlog is split over ${monitor.shards} legs (monitor.shards); the merge job appends and judges them as one run,`,
          "and is the only job that writes the registry. Every leg and the merge use the time the first job fixed."
        ] : [],
        "Scheduled runs use the default branch; GitHub may delay them under load, and disables them after 60 days",
        "without activity in a public repository (re-enable under Actions).",
        ...folder ? [
          "registry.uri is a folder: what a run appends is lost with its runner. Keep the registry on s3:// or",
          "github:// for the history to survive between runs."
        ] : []
      ].join("\n"),
      name: WORKFLOW_NAMES.monitor,
      on: {
        // Quoted as GitHub's docs write crons, so that one edited to start with `*` stays valid.
        schedule: [{ cron: doubleQuoted(monitor.cron) }],
        workflow_dispatch: { inputs: DISPATCH_INPUTS }
      },
      permissions: {},
      concurrency: commentAbove("One monitor run at a time per model; a queued run waits for the one before it.", {
        group: `mlops-monitor-${options.model}`,
        queue: "max"
      }),
      jobs: sharded ? shardedJobs(values, monitor) : singleJob(values, monitor)
    }
  };
}

// src/init/workflows/predict.ts
import path8 from "node:path";
var DISPATCH_INPUTS2 = {
  version: {
    description: "The version to score with: an id, a number or an alias (empty: predict.alias)",
    type: "string",
    default: ""
  },
  force: {
    description: "Score again what this version scored already for this input",
    type: "boolean",
    default: false
  }
};
var VERSION2 = "${{ inputs.version }}";
var FORCE = "${{ inputs.force || false }}";
var PINNED_VERSION = "${{ needs.version.outputs.version }}";
var PINNED_ALIAS = "${{ needs.version.outputs.alias }}";
function dataCredentials(values, predict) {
  if (values.aws !== null || !(predict.inputOnS3 || predict.outputOnS3))
    return { steps: registryCredentialsSteps(values, "write"), permissions: {} };
  return {
    steps: [
      {
        name: "AWS credentials for the input and the predictions, by OIDC",
        if: "vars.MLOPS_AWS_ROLE_ARN != ''",
        uses: pinned("awsCredentials"),
        with: {
          "role-to-assume": "${{ vars.MLOPS_AWS_ROLE_ARN }}",
          "aws-region": "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}"
        }
      }
    ],
    permissions: { "id-token": commentAfter("write", "read the input and write the predictions on S3 by OIDC") }
  };
}
function keepFolderOutput(values, predict) {
  if (predict.outputOnS3) return [];
  const folder = path8.posix.join(values.workingDirectory, path8.posix.dirname(values.config));
  return [
    {
      name: "Keep the predictions (predict.output is a folder on this runner)",
      if: "steps.predict.outputs.state == 'complete'",
      uses: pinned("uploadArtifact"),
      with: {
        name: PREDICTIONS_ARTIFACT,
        path: `${folder === "." ? "" : `${folder}/`}\${{ steps.predict.outputs.location }}`,
        "include-hidden-files": true,
        "if-no-files-found": "error",
        "retention-days": 30
      }
    }
  ];
}
var RUNNER_NOTE = note(
  "The runners training uses (train.runs_on), and its set-up: the predict command runs the model as training does."
);
function singleJob2(values, predict) {
  const data = dataCredentials(values, predict);
  return {
    predict: {
      name: WORKFLOW_NAMES.predict,
      "runs-on": values.runsOnTraining,
      permissions: jobPermissions(values, "write", "read and write the registry by OIDC", data.permissions),
      steps: [
        checkoutStep(),
        ...data.steps,
        RUNNER_NOTE,
        ...values.setupSteps,
        kitStep("predict", values, { id: "predict", with: { version: VERSION2, force: FORCE } }),
        ...keepFolderOutput(values, predict)
      ]
    }
  };
}
function shardedJobs2(values, predict) {
  const { shards } = predict;
  const data = dataCredentials(values, predict);
  const writeRoleNote = (text2) => values.aws === null ? [] : [note(text2)];
  return {
    version: {
      name: "the version to score with",
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "read", "read the registry by OIDC"),
      outputs: { version: "${{ steps.predict.outputs.version }}", alias: "${{ steps.predict.outputs.alias }}" },
      steps: [
        checkoutStep(),
        ...writeRoleNote(
          "The role that writes, though this job only reads the alias: a schedule runs on the default branch, and the\nread-only role trusts pull requests only."
        ),
        ...registryCredentialsSteps(values, "write"),
        kitStep("predict", values, { id: "predict", with: { version: VERSION2, plan: true } })
      ]
    },
    leg: {
      name: `mlops predict leg \${{ matrix.shard }} of ${shards}`,
      needs: "version",
      "runs-on": values.runsOnTraining,
      // A failed leg leaves the others running: the parts they write are kept, and "Re-run failed jobs" scores only
      // what is missing, with the same version (the version job is not run again).
      strategy: { "fail-fast": false, matrix: { shard: Array.from({ length: shards }, (_, i) => i + 1) } },
      permissions: jobPermissions(
        values,
        "read",
        predict.outputOnS3 ? "read the registry and write the parts on S3 by OIDC" : "read the registry by OIDC",
        data.permissions
      ),
      steps: [
        checkoutStep(),
        ...writeRoleNote(
          "The role that writes, though a leg writes nothing to the registry (only its parts below predict.output): a\nschedule runs on the default branch, and the read-only role trusts pull requests only."
        ),
        ...data.steps,
        RUNNER_NOTE,
        ...values.setupSteps,
        kitStep("predict", values, {
          id: "predict",
          with: { version: PINNED_VERSION, alias: PINNED_ALIAS, shard: `\${{ matrix.shard }}/${shards}`, force: FORCE }
        })
      ]
    },
    finish: {
      name: `${WORKFLOW_NAMES.predict} (finish)`,
      needs: ["version", "leg"],
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "write", "read and write the registry by OIDC", data.permissions),
      steps: [
        checkoutStep(),
        ...data.steps,
        note("Scores nothing: checks that every part is there, marks the result complete and records it."),
        kitStep("predict", values, {
          id: "predict",
          with: { version: PINNED_VERSION, alias: PINNED_ALIAS, finish: true }
        })
      ]
    }
  };
}
function predictTemplate(options, values) {
  const { predict } = options;
  if (predict === null) return null;
  const sharded = predict.shards > 1;
  const folder = options.registry === "folder";
  return {
    file: "mlops-predict.yml",
    purpose: [
      `scheduled batch scoring (${predict.cron}, UTC): the version predict.alias points at scores predict.input, `,
      "its predictions written below predict.output and recorded in the registry",
      sharded ? `; the input's files are split over ${predict.shards} matrix legs and one job completes the result` : "",
      folder ? " (registry.uri is a folder: each run's record is lost with its runner; use s3:// or github://)" : ""
    ].join(""),
    workflow: {
      header: [
        "mlops-kit: batch scoring. On schedule (predict.schedule in mlops.yml, UTC) it pulls and verifies the version",
        "predict.alias points at, checks predict.input against data.schema, runs predict.command on each input file,",
        "writes the predictions below predict.output (a place named by the version and the input's fingerprint) and",
        "records which version scored what in the registry (`mlops predict history`). The same version on the same",
        "input is not scored twice: a run on yesterday's input passes at once (dispatch with force to score again).",
        ...sharded ? [
          `The input's files are split over ${predict.shards} legs (predict.shards). The version job resolves the alias once,`,
          "so every leg and the finish job score with the same version; the finish job marks the result complete only",
          "when every part is there, and is the only job that writes the registry. A leg that fails leaves the",
          `others' parts in place: "Re-run failed jobs" scores only what is missing, with the same version.`
        ] : [],
        "Scheduled runs use the default branch; GitHub may delay them under load, and disables them after 60 days",
        "without activity in a public repository (re-enable under Actions).",
        ...folder ? [
          "registry.uri is a folder: the scoring record a run appends is lost with its runner. Keep the registry on",
          "s3:// or github:// for `mlops predict history` to survive between runs."
        ] : []
      ].join("\n"),
      name: WORKFLOW_NAMES.predict,
      on: {
        // Quoted as GitHub's docs write crons, so that one edited to start with `*` stays valid.
        schedule: [{ cron: doubleQuoted(predict.cron) }],
        workflow_dispatch: { inputs: DISPATCH_INPUTS2 }
      },
      permissions: {},
      concurrency: commentAbove(
        "One scoring run at a time per model; a queued run waits for the one before it (and finds its result).",
        { group: `mlops-predict-${options.model}`, queue: "max" }
      ),
      jobs: sharded ? shardedJobs2(values, predict) : singleJob2(values, predict)
    }
  };
}

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
      uploadReportStep(),
      uploadHtmlReportStep()
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
var import_yaml3 = __toESM(require_dist(), 1);
function renderWorkflow(workflow) {
  const { header, ...body } = workflow;
  const document = new import_yaml3.Document();
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
  return { node: new import_yaml3.Scalar(value) };
}
function annotate(built, annotations) {
  const { node } = built;
  if (annotations.after !== void 0) node.comment = commentText(annotations.after);
  if (annotations.doubleQuoted) {
    if (!(0, import_yaml3.isScalar)(node)) throw new Error("only a scalar can be written double-quoted");
    node.type = import_yaml3.Scalar.QUOTE_DOUBLE;
  }
  return { node, above: joinLines(built.above, annotations.above) };
}
function buildMapping(object) {
  const mapping = new import_yaml3.YAMLMap();
  for (const [key, value] of Object.entries(object)) {
    if (value === void 0) continue;
    const { node, above } = build(value);
    const keyNode = new import_yaml3.Scalar(key);
    if (above !== void 0) keyNode.commentBefore = commentText(above);
    mapping.items.push(new import_yaml3.Pair(keyNode, node));
  }
  return mapping;
}
function buildList(entries) {
  const list = new import_yaml3.YAMLSeq();
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
  list.flow = list.items.length > 0 && list.items.every((item) => (0, import_yaml3.isScalar)(item) && item.commentBefore === void 0 && item.comment === void 0);
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
function retrainJob(values, force, reason) {
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
      kitStep("retrain", values, { id: "retrain", with: { force, reason } })
    ]
  };
}
var FORCE_INPUT = { type: "boolean", default: false };
var REASON_INPUT = {
  description: "Why retraining is asked for (the monitor's breach); it retrains and the report says so",
  type: "string",
  default: ""
};
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
          inputs: {
            force: { description: "Retrain even if nothing calls for it", ...FORCE_INPUT },
            reason: REASON_INPUT
          }
        }
      },
      permissions: {},
      concurrency: publishConcurrency(options.model),
      // A scheduled run has no inputs: force is false then.
      jobs: { retrain: retrainJob(values, "${{ inputs.force || false }}", "${{ inputs.reason || '' }}") }
    }
  };
}
var retrainReusable = {
  file: "mlops-retrain.yml",
  name: WORKFLOW_NAMES.retrain,
  summary: "decide, retrain, gate against the champion, promote only a better model",
  inputs: { force: { description: "Retrain even if nothing calls for it.", ...FORCE_INPUT }, reason: REASON_INPUT },
  publishes: true,
  jobs: (values) => ({ retrain: retrainJob(values, "${{ inputs.force }}", "${{ inputs.reason }}") })
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
  sweepTemplate,
  monitorTemplate,
  predictTemplate,
  promoteTemplate
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
  dvc: null,
  registry: "s3",
  schedule: { cron: "17 3 * * 1", timezone: "UTC" },
  trainRunsOn: null,
  sweep: true,
  monitor: { cron: "17 4 * * *", shards: 1, logsOnS3: false, issues: true, dispatch: false, webhookEnv: null },
  predict: { cron: "23 2 * * *", shards: 1, inputOnS3: true, outputOnS3: true },
  // Dispatch, so that the committed templates include mlops-promote.yml and mlops-main.yml stays without deploy jobs
  // (docs/workflows.md shows those); and `init --workflows` knows mlops-promote.yml is one of its own.
  deploy: {
    approval: "dispatch",
    targets: [
      { name: "staging", alias: "staging", environment: "staging", timeoutMinutes: 30 },
      { name: "canary", alias: "canary", environment: "canary", timeoutMinutes: 30 },
      { name: "production", alias: "champion", environment: "production", timeoutMinutes: 30 }
    ],
    canary: { target: "canary", promoteTo: "production", bakeMinutes: 120 }
  },
  attest: true,
  signingKeyEnv: null,
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
    notes.push(
      `${repository.root} is not in a git repository: ${input.workflows ? "the workflows were" : "mlops.yml was"} written there; run \`git init\``
    );
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
    notes,
    delivery: input.deploy ? delivery(input.deploy, owner, repo) : null
  };
}
function delivery(deploy, owner, repo) {
  const names = [...new Set(deploy.targets.map((target) => target.environment))];
  return {
    approval: deploy.approval,
    environments: names.map((name) => ({
      name,
      targets: deploy.targets.filter((target) => target.environment === name).map((target) => target.name),
      // The environment's name is a path segment: encoded, as GitHub's API expects.
      createCommand: `gh api --method PUT "repos/${owner}/${repo}/environments/${encodeURIComponent(name)}"`
    }))
  };
}
function renderDelivery(steps, defaultBranch, configFlag) {
  const { delivery: delivery2 } = steps;
  if (delivery2 === null) return [];
  const config = configFlag === "" ? "" : ` ${configFlag}`;
  const environments = [
    "Create the environments under Settings \u2192 Environments (or with the GitHub CLI), each with a deployment branch",
    `policy allowing only ${defaultBranch}:`,
    ...delivery2.environments.map(
      (environment) => `  ${environment.name} (${environment.targets.join(", ")}): ${environment.createCommand}`
    )
  ];
  if (delivery2.approval === "environment") {
    return [
      "deploy.approval is environment: each deploy job of the main workflow runs in its target's GitHub Environment,",
      "and the environment's required reviewers approve it; the approver and their comment go into the alias history.",
      ...environments,
      "Add the required reviewers to each environment whose deploys need a person's approval (production at least).",
      "Required reviewers work in public repositories and on GitHub Enterprise; in a private repository on GitHub",
      "Free, Pro or Team they do not, and a deploy would go ahead with no person's approval. There, switch to",
      "deploys dispatched by hand (mlops-promote.yml, on the default branch, the actor recorded):",
      indent(
        `npx mlops-kit config set deploy.approval dispatch${config} && npx mlops-kit init --workflows${config}`,
        2
      )
    ];
  }
  return [
    `deploy.approval is dispatch: deploys run from the "${WORKFLOW_NAMES.promote}" workflow (mlops-promote.yml), which a`,
    `person with write access dispatches from the Actions tab on ${defaultBranch}, choosing the target and the version;`,
    "whoever dispatched it is recorded as the approver in the alias history. This is the way for a private repository",
    "on GitHub Free, Pro or Team, where environments have no required reviewers.",
    ...environments,
    "In a public repository or on GitHub Enterprise, required reviewers can approve each deploy instead:",
    indent(
      `npx mlops-kit config set deploy.approval environment${config} && npx mlops-kit init --workflows${config}`,
      2
    )
  ];
}
function renderScoring(predict, registryUri, defaultBranch) {
  if (!predict) return [];
  const lines = [
    `"${WORKFLOW_NAMES.predict}" (mlops-predict.yml) scores predict.input at ${predict.cron} (UTC) with the version`,
    "predict.alias points at, and records it in the registry (`npx mlops-kit predict history`). To score now, run it",
    `from the Actions tab on ${defaultBranch} (a version, or force to score again what was scored).`,
    ...predict.shards > 1 ? [
      `Its ${predict.shards} legs score with the version its first job pinned; when a leg fails, "Re-run failed jobs"`,
      "scores only the missing parts, with that version, and the finish job then completes the result."
    ] : []
  ];
  if (!predict.inputOnS3 && !predict.outputOnS3) return lines;
  const role = isS3Uri(registryUri ?? "") ? "the read-write role (MLOPS_AWS_ROLE_ARN)" : `a role trusting ref:refs/heads/${defaultBranch}, named in the repository variables MLOPS_AWS_ROLE_ARN and MLOPS_AWS_REGION`;
  return [
    ...lines,
    `Its jobs reach S3 with ${role}: give it`,
    ...predict.inputOnS3 ? ["  s3:GetObject and s3:ListBucket on predict.input,"] : [],
    ...predict.outputOnS3 ? [
      "  s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload and s3:ListBucket on predict.output",
      "  (a run with force replaces the _SUCCESS marker of a result it scores again)."
    ] : []
  ];
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
    "Check what init guessed (data.train, data.eval, data.target, the commands; above), then:",
    indent(`npx mlops-kit check${config} && npx mlops-kit run${config} --no-publish`, 2),
    input.workflows ? "The same stages run in the workflows; a failure here is one you do not have to push to see." : "The same stages run in the workflows, once you add them (below).",
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
  const scoring = input.workflows ? renderScoring(input.predict, input.registryUri, repository.defaultBranch) : [];
  if (scoring.length > 0) section("Batch scoring on a schedule.", scoring);
  if (steps.delivery !== null && input.workflows) {
    section("Approvals for deploys.", renderDelivery(steps, repository.defaultBranch, input.configFlag));
  }
  if (input.workflows) {
    section("Tokens: what GITHUB_TOKEN cannot start.", [
      "Events made with GITHUB_TOKEN (a push, or a pull request a workflow opens) start no workflow runs, so such a",
      `pull request gets no "${steps.requiredCheck}" run. Where automation must trigger these workflows, have it use a`,
      "GitHub App's installation token (actions/create-github-app-token) instead."
    ]);
    section("Commit and open a pull request.", [
      `Commit the files above, open a pull request, and watch "${steps.requiredCheck}".`
    ]);
  } else {
    section("Add the workflows when you want the gate on pull requests.", [
      "Only mlops.yml was written (--no-workflows): no workflow runs on pull requests yet. Commit mlops.yml; then",
      "this writes the workflows from it, leaving mlops.yml as it is:",
      indent(`npx mlops-kit init --workflows${config}`, 2),
      `Commit them and open a pull request; once "${steps.requiredCheck}" has run on it, make it a required status check`,
      `on ${repository.defaultBranch} (Settings > Rules > Rulesets; \`--json\` has the request under nextSteps.ruleset).`
    ]);
  }
  const notes = steps.notes.map((note2) => `note: ${note2}`);
  return [...notes, ...notes.length > 0 ? [""] : [], "Next steps:", "", sections.join("\n\n")].join("\n");
}

// src/init/plan.ts
import { existsSync as existsSync7, readFileSync, statSync as statSync2 } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path12 from "node:path";

// src/init/config-template.ts
var import_yaml4 = __toESM(require_dist(), 1);
var PLACEHOLDER_TRAIN = "echo 'set train.command in mlops.yml to your training command' >&2; exit 1";
function yamlScalar(value) {
  const plain = (0, import_yaml4.stringify)(value, { lineWidth: 0 }).trimEnd();
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
var PREDICTIONS = "predictions.csv";
function trainOutputs(input) {
  if (input.outputs) return input.outputs;
  return input.evaluateCommand ? ["model/"] : ["model/", PREDICTIONS];
}
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
    line(2, "outputs", flowList(trainOutputs(input)), "restored on a cache hit, published to the registry"),
    input.inputs && input.inputs.length > 0 ? line(2, "inputs", flowList(input.inputs), "what the run cache key hashes, besides files the command names") : "  # inputs: [src/**]             # code whose change invalidates the run cache",
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
    ...input.scorePrefix ? [
      `  # score_prefix: ${input.scorePrefix.from}.`,
      line(
        2,
        "predictions",
        `{ path: ${PREDICTIONS}, score_prefix: ${yamlScalar(input.scorePrefix.prefix)} }`,
        `columns label, prediction, ${input.scorePrefix.prefix}<class>`
      )
    ] : [line(2, "predictions", PREDICTIONS, predictionsComment)],
    input.metricsFiles && input.metricsFiles.length > 0 ? line(
      2,
      "metrics_file",
      input.metricsFiles.length === 1 ? yamlScalar(input.metricsFiles[0] ?? "") : flowList(input.metricsFiles),
      "metrics your code computes (JSON or YAML)"
    ) : "  # metrics_file: metrics.json   # extra metrics your code computes"
  ].join("\n");
}
function registryLines(input) {
  if (!input.registry)
    return "# registry: { uri: github://owner/repo }   # or s3://bucket/prefix; default: a local folder, .mlops/registry";
  const value = yamlScalar(input.registry);
  const s3 = input.registry.startsWith("s3://");
  const github = input.registry.startsWith("github://");
  return [
    "registry:",
    line(2, "uri", value, registryUriComment(input.registry)),
    ...s3 ? ["  # region: eu-west-1             # else AWS_REGION (the workflows set it from MLOPS_AWS_REGION)"] : [],
    // Said so that it stays true when `config set registry.uri` moves the registry to a bucket.
    ...github ? ["  # a github:// registry holds files up to 2 GiB; larger ones need s3://bucket/prefix"] : []
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
function dataSection(data) {
  const train = data?.train ?? null;
  const target = yamlScalar(data?.target ?? "label");
  const evalLine = data?.eval ? line(2, "eval", yamlScalar(data.eval)) : train === null ? "  eval: data/eval.csv" : "  # eval: data/eval.csv            # held-out data with the target, validated like data.train";
  return [
    "data:",
    ...(data?.notes ?? []).map((note2) => `  # ${note2}`),
    line(2, "train", train === null ? "data/train.csv" : yamlScalar(train), "a path, a glob, or s3://bucket/key"),
    evalLine,
    line(2, "target", target),
    ...data?.headerless ? ["  # header: false                # the first row is data: name every column in order under schema.columns"] : [],
    "  schema:",
    "    columns:",
    `      ${target}: { nullable: false }`,
    "    rows: { min: 1 }"
  ].join("\n");
}
function configTemplate(input) {
  const drift = input.schedule ? "  drift: { reference: champion }  # compared with the champion's training data; retraining acts on it" : "  # drift: { reference: champion, method: auto }";
  return `# yaml-language-server: $schema=${input.schemaUrl}
# mlops-kit configuration. Reference: https://github.com/mlops-kit/mlops-kit/blob/main/docs/configuration.md
version: 1

model:
  name: ${input.model}
${line(2, "task", input.task, "classification or regression")}

${dataSection(input.data ?? null)}
${drift}

${trainSection(input)}

${evaluateSection(input)}

gate:
  baseline: champion             # ${CHAMPION_BASELINE_COMMENT}
  rules:
${gateRules(input.task)}

${registryLines(input)}
publish: { promote: champion }
${retrainLines(input)}
`;
}

// src/init/predictions.ts
import path10 from "node:path";

// src/init/task.ts
import path9 from "node:path";
var TASK_SAMPLE_ROWS = 2e3;
var MAX_CLASSES_GUESSED = 20;
function guessTask(values, target) {
  if (values.length === 0) return { task: "classification", from: `the default: ${target} has no values to look at` };
  const words2 = values.filter((value) => !NUMBER.test(value.trim()));
  if (words2.length > 0) return { task: "classification", from: `${target} holds words, e.g. ${words2[0]}` };
  const numbers = values.map(Number);
  const fractional = numbers.find((n) => !Number.isInteger(n));
  if (fractional !== void 0)
    return { task: "regression", from: `${target} holds fractional numbers, e.g. ${fractional}` };
  const distinct = new Set(numbers).size;
  const sampled = `${distinct} distinct whole numbers in ${values.length} rows`;
  return distinct > MAX_CLASSES_GUESSED ? { task: "regression", from: `${target} holds ${sampled}` } : { task: "classification", from: `${target} holds ${sampled}: classes` };
}
async function detectTask(configDir, data) {
  const fallback = (why) => ({ task: "classification", from: `the default: ${why}` });
  const { train, target, columns } = data;
  if (train === null || target === null || columns === null) return fallback("no target column was found");
  const format = isDynamicPattern(train) || isS3Uri(train) ? null : formatOf(train);
  if (format !== "csv" && format !== "tsv")
    return fallback(`init reads the target's values from CSV and TSV files only`);
  const column = columns.indexOf(target);
  if (column < 0) return fallback(`${target} is not a column of ${train}`);
  const values = [];
  try {
    const table = await openTable(path9.join(configDir, train), format, { displayName: train });
    for await (const row of table.rows) {
      const value = row.cells[column];
      if (value !== null && value !== void 0 && value !== "") values.push(value);
      if (values.length >= TASK_SAMPLE_ROWS) break;
    }
  } catch {
    return fallback(`${train} could not be read`);
  }
  return guessTask(values, target);
}

// src/init/predictions.ts
var LABEL = "label";
var PREDICTION = "prediction";
function scorePrefixOf(header, classes) {
  if (classes.length < 2) return null;
  const covered = /* @__PURE__ */ new Map();
  for (const column of header) {
    for (const name of classes) {
      if (column.length <= name.length || !column.endsWith(name)) continue;
      const prefix = column.slice(0, -name.length);
      covered.set(prefix, (covered.get(prefix) ?? /* @__PURE__ */ new Set()).add(name));
    }
  }
  const fits = [...covered].filter(
    ([prefix, names]) => names.size === classes.length && ![LABEL, PREDICTION].some((c) => c.startsWith(prefix))
  ).map(([prefix]) => prefix).sort((a, b) => b.length - a.length);
  return fits[0] ?? null;
}
async function detectScorePrefix(configDir, file) {
  const format = formatOf(file);
  if (format !== "csv" && format !== "tsv") return null;
  const classes = /* @__PURE__ */ new Set();
  let header;
  try {
    const table = await openTable(path10.join(configDir, file), format, { displayName: file });
    header = table.columns;
    const labelAt = header.indexOf(LABEL);
    if (labelAt < 0 || !header.includes(PREDICTION)) {
      table.close();
      return null;
    }
    let rows = 0;
    for await (const row of table.rows) {
      const label = row.cells[labelAt];
      if (label !== null && label !== void 0 && label !== "") classes.add(label);
      if (++rows >= TASK_SAMPLE_ROWS) break;
    }
  } catch {
    return null;
  }
  if (classes.size <= 2 && header.includes("score")) return null;
  const sorted = [...classes].sort();
  const prefix = scorePrefixOf(header, sorted);
  if (prefix === null) return null;
  const columns = header.filter((column) => column.startsWith(prefix));
  const shown = sorted.length > 4 ? `${sorted.slice(0, 4).join(", ")}, ...` : sorted.join(", ");
  return {
    prefix,
    columns,
    from: `a ${prefix}<class> column in ${file} for each class of ${LABEL} in its first rows: ${shown}`
  };
}
function describeScorePrefix(guess, file) {
  if (guess === null) return [];
  return [
    `Predictions: evaluate.predictions.score_prefix ${guess.prefix} (${guess.from}): evaluate computes log_loss, roc_auc and calibration from them. If they are not probabilities: \`npx mlops-kit config set evaluate.predictions ${file}\`.`
  ];
}

// src/init/registry-choice.ts
function chooseRegistry(option, previous, repository) {
  if (option !== void 0) return { uri: option, from: "--registry" };
  if (previous) return { uri: previous, from: "replaced mlops.yml" };
  const remote = registryOfRemote(repository);
  return { uri: remote, from: remote === null ? null : "origin" };
}
function registryOfRemote(repository) {
  const { remote } = repository;
  return remote?.host === "github.com" ? `github://${remote.owner}/${remote.repo}` : null;
}

// src/init/previous-config.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { existsSync as existsSync6 } from "node:fs";
import { isDeepStrictEqual } from "node:util";
async function readPreviousConfig(file) {
  const text2 = await readProjectFile(file);
  if (text2 === void 0) return null;
  let value;
  try {
    value = (0, import_yaml5.parse)(text2);
  } catch {
    value = void 0;
  }
  const stringAt = (...keys) => {
    const found = keys.reduce((node, key) => isMapping(node) ? node[key] : void 0, value);
    return typeof found === "string" && found.trim() !== "" ? found : null;
  };
  return { file, text: text2, value, registryUri: stringAt("registry", "uri"), workspace: stringAt("workspace") };
}
function freeBackupName(file) {
  const base = `${file}.bak`;
  if (!existsSync6(base)) return base;
  for (let n = 2; ; n++) if (!existsSync6(`${base}.${n}`)) return `${base}.${n}`;
}
function changedFields(previous, next, depth = 2, at = []) {
  if (!isMapping(previous)) return [];
  const changed = [];
  for (const [key, value] of Object.entries(previous)) {
    const other = isMapping(next) ? next[key] : void 0;
    if (value === void 0 || value === null || isDeepStrictEqual(value, other)) continue;
    if (depth > 1 && isMapping(value) && isMapping(other))
      changed.push(...changedFields(value, other, depth - 1, [...at, key]));
    else changed.push([...at, key].join("."));
  }
  return changed;
}
function replacementOf(previous, content) {
  if (previous === null || previous.text === content) return null;
  return {
    file: previous.file,
    backup: freeBackupName(previous.file),
    changed: changedFields(previous.value, (0, import_yaml5.parse)(content))
  };
}
function describeReplaced(replaced, shown) {
  if (replaced === null) return [];
  const old = shown(replaced.backup);
  const lines = [
    `Replaced ${shown(replaced.file)} (--force); the old one is kept as ${old}: carry over what you need`,
    `  (\`diff ${old} ${shown(replaced.file)}\`), then delete it.`
  ];
  if (replaced.changed.length > 0)
    lines.push(`  Set in the old one, and not so in the new: ${replaced.changed.join(", ")}.`);
  return lines;
}
function isMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/init/gitignore.ts
import path11 from "node:path";
var WORKSPACE_PATTERN = ".mlops/";
function insideFolder(relative) {
  const normal = path11.posix.normalize(relative.replace(/\\/g, "/"));
  return normal === "." || normal === "./" || normal.startsWith("../") || /[*?[]/.test(normal) ? null : normal;
}
function registryFolder(uri) {
  if (uri === void 0 || /^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return null;
  const folder = insideFolder(uri)?.replace(/\/+$/, "");
  if (folder === void 0 || folder === "" || `${folder}/`.startsWith(WORKSPACE_PATTERN)) return null;
  return `${folder}/`;
}
function ignoreGroups(outputs, python, registryUri) {
  const inside = outputs.flatMap((output) => insideFolder(output) ?? []);
  const registry = registryFolder(registryUri);
  return [
    { comment: "# mlops-kit's workspace (run records, cache stamps)", paths: [WORKSPACE_PATTERN] },
    ...registry ? [{ comment: "# the model registry (registry.uri), a folder", paths: [registry] }] : [],
    { comment: "# what training writes (train.outputs): the registry keeps it", paths: inside },
    ...python ? [{ comment: "# Python's bytecode", paths: ["__pycache__/"] }] : []
  ];
}
var listed = (parts) => parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join("; ")}; and ${parts.at(-1) ?? ""}`;
function ignoredPurpose(added, registryUri) {
  const registry = registryFolder(registryUri);
  const named = [
    ...added.includes(WORKSPACE_PATTERN) ? [`${WORKSPACE_PATTERN}, the kit's workspace`] : [],
    ...registry !== null && added.includes(registry) ? [`${registry}, the registry`] : []
  ];
  const others = added.filter((entry) => entry !== WORKSPACE_PATTERN && entry !== registry);
  return `ignores ${listed([...named, ...others.length > 0 ? [others.join(", ")] : []])}`;
}
var nameOf = (line2) => line2.replace(/^\//, "").replace(/\/(\*\*?)?$/, "");
function ruleFor(gitignore, entry) {
  const name = nameOf(entry);
  let rule = null;
  for (const raw of gitignore.split(/\r?\n/)) {
    const line2 = raw.trim();
    if (line2 === "" || line2.startsWith("#")) continue;
    if (line2.startsWith("!")) {
      if (nameOf(line2.slice(1)) === name) rule = "kept";
    } else if (nameOf(line2) === name) rule = "ignored";
  }
  return rule;
}
function gitignoreWith(existing, groups) {
  const added = [];
  let text2 = existing === null || existing === "" ? "" : existing.endsWith("\n") ? existing : `${existing}
`;
  for (const group of groups) {
    const missing = group.paths.filter((entry) => ruleFor(text2, entry) === null && !added.includes(entry));
    if (missing.length === 0) continue;
    const lines = missing.map(
      (entry) => entry === WORKSPACE_PATTERN || entry === "__pycache__/" ? entry : `/${entry}`
    );
    text2 += `${group.comment}
${lines.join("\n")}
`;
    added.push(...missing);
  }
  return added.length === 0 ? null : { content: text2, added };
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
  const configDir = path12.dirname(file);
  if (request.task !== void 0 && request.task !== "classification" && request.task !== "regression")
    throw new UsageError(`--task must be classification or regression, not "${request.task}"`);
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
  const previous = await readPreviousConfig(file);
  const data = await detectData({
    configDir,
    cwd: request.cwd,
    data: request.data,
    eval: request.eval,
    target: request.target,
    trainCommand: training.command,
    skip: [request.registry, previous?.registryUri, previous?.workspace].flatMap((p) => folderBelow(p) ?? [])
  });
  const task = request.task === "classification" || request.task === "regression" ? { task: request.task, from: "--task" } : await detectTask(configDir, data);
  const scorePrefix = task.task === "classification" ? await detectScorePrefix(configDir, PREDICTIONS) : null;
  const { uri: registry, from: registryFrom } = chooseRegistry(request.registry, previous?.registryUri, repository);
  const content = configTemplate({
    model,
    task: task.task,
    trainCommand: training.command,
    trainFrom: training.commandFrom,
    evaluateCommand: training.evaluateCommand,
    evaluateFrom: training.evaluateFrom,
    outputs: training.outputs,
    inputs: training.inputs,
    params: training.params,
    metricsFiles: training.metricsFiles,
    registry,
    schedule: request.schedule ?? null,
    schemaUrl: request.schemaUrl,
    data: dataTemplateInput(data),
    scorePrefix
  });
  const loaded = checkRendered(content, file);
  const inRepository = (name) => repository.workingDirectory === "." ? name : `${repository.workingDirectory}/${name}`;
  const files = [
    { file, repoPath: inRepository(path12.basename(file)), content, purpose: "the pipeline's config" }
  ];
  const gitignore = path12.join(configDir, ".gitignore");
  const ignored = gitignoreWith(
    existsSync7(gitignore) ? readFileSync(gitignore, "utf8") : null,
    ignoreGroups(loaded.config.train?.outputs ?? [], training.setup?.kind === "python", loaded.config.registry.uri)
  );
  if (ignored !== null) {
    files.push({
      file: gitignore,
      repoPath: inRepository(".gitignore"),
      content: ignored.content,
      purpose: ignoredPurpose(ignored.added, loaded.config.registry.uri),
      appends: true
    });
  }
  let workflowOptions = null;
  if (request.workflows) {
    workflowOptions = workflowOptionsFor(loaded, repository, training, path12.basename(file), request.workflows.kit);
    files.push(...plannedWorkflows(workflowOptions, repository));
  }
  const replaced = replacementOf(previous, content);
  const backup = replaced && {
    file: replaced.backup,
    repoPath: inRepository(path12.basename(replaced.backup)),
    content: previous?.text ?? "",
    purpose: `the ${path12.basename(file)} --force replaced, as it was`
  };
  return {
    files,
    repository,
    training,
    data,
    task,
    scorePrefix,
    loaded,
    workflowOptions,
    registryFrom,
    backup,
    replaced
  };
}
function plannedWorkflows(options, repository) {
  return workflowTemplates(options).map((workflow) => ({
    file: path12.join(repository.root, ".github", "workflows", workflow.path),
    repoPath: `.github/workflows/${workflow.path}`,
    content: stampWorkflow(workflow.content),
    purpose: workflow.purpose
  }));
}
function existingTargets(plan) {
  const existing = plan.files.filter((f) => f.appends !== true && existsSync7(f.file)).map((f) => f.file);
  const config = plan.files[0]?.file;
  if (config && path12.basename(config) === DEFAULT_CONFIG_FILE) {
    const alternative = path12.join(path12.dirname(config), "mlops.yaml");
    if (existsSync7(alternative)) existing.unshift(alternative);
  }
  return existing;
}
async function writePlan(plan) {
  if (plan.backup) {
    try {
      await writeFile(plan.backup.file, plan.backup.content, { flag: "wx" });
    } catch (error) {
      throw new InputError(`cannot keep the old config as ${plan.backup.file}: ${error.message}`, {
        hint: "nothing was written",
        cause: error
      });
    }
  }
  for (const folder of new Set(plan.files.map((f) => path12.dirname(f.file)))) {
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
    dvc: dvcSetup(config, training),
    registry: registryScheme(config.registry.uri),
    schedule: config.retrain ? { cron: config.retrain.schedule, timezone: config.retrain.timezone } : null,
    trainRunsOn: runsOn === void 0 ? null : Array.isArray(runsOn) ? runsOn : [runsOn],
    sweep: config.train?.matrix !== void 0,
    monitor: config.monitor ? {
      cron: config.monitor.schedule,
      shards: config.monitor.shards,
      logsOnS3: [config.monitor.logs.path, config.monitor.labels?.path ?? []].flat().some(isS3Uri),
      issues: config.monitor.alerts.issue.open,
      dispatch: config.monitor.rules.some((rule) => rule.action === "retrain"),
      webhookEnv: config.monitor.alerts.webhook?.url_env ?? null
    } : null,
    predict: config.predict ? {
      cron: config.predict.schedule,
      shards: config.predict.shards,
      inputOnS3: [config.predict.input].flat().some(isS3Uri),
      outputOnS3: isS3Uri(config.predict.output)
    } : null,
    deploy: deployWorkflow(config),
    attest: config.publish.attest,
    signingKeyEnv: config.registry.signing?.key_env ?? null,
    kit: { kind: "commit", sha: kit.sha, version: kit.version }
  };
}
function deployWorkflow(config) {
  const { deploy } = config;
  if (!deploy) return null;
  const byJob = /* @__PURE__ */ new Map();
  for (const name of Object.keys(deploy.targets)) {
    const other = byJob.get(deployJobId(name));
    if (other !== void 0)
      throw new UsageError(
        `the deploy targets "${other}" and "${name}" would have the same job id, ${deployJobId(name)}`,
        {
          hint: "a job id turns '.' into '-': rename one of the targets in deploy.targets"
        }
      );
    byJob.set(deployJobId(name), name);
  }
  return {
    approval: deploy.approval,
    targets: Object.entries(deploy.targets).map(([name, target]) => ({
      name,
      alias: target.alias,
      environment: target.environment ?? name,
      timeoutMinutes: target.timeout_minutes
    })),
    canary: deploy.canary ? {
      target: deploy.canary.target,
      promoteTo: deploy.canary.promote_to,
      bakeMinutes: Math.ceil(durationMs(deploy.canary.bake) / 6e4)
    } : null
  };
}
function dvcSetup(config, training) {
  if (training.dvc === null) return null;
  const runsDvc = [config.train?.command, config.evaluate?.command].some(
    (c) => c !== void 0 && /(^|[\s;&|(])dvc\s/.test(c)
  );
  return runsDvc || training.dvc.remote !== null ? { remote: training.dvc.remote } : null;
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
  const given = path12.resolve(request.cwd, request.config);
  return existsSync7(given) && statSync2(given).isDirectory() ? path12.join(given, DEFAULT_CONFIG_FILE) : given;
}
function defaultModelName(folder) {
  return path12.basename(folder).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "").replace(/\.{2,}/g, ".") || "model";
}

// src/init/refresh.ts
import { existsSync as existsSync8 } from "node:fs";
import { readFile as readFile3, rm } from "node:fs/promises";
import path13 from "node:path";
async function planRefresh(request, git) {
  const loaded = await loadConfig(request.config, request.cwd);
  const [repository, training] = await Promise.all([
    detectRepository(loaded.root, git),
    detectTraining(loaded.root, { python: request.python, node: request.node })
  ]);
  const workflowOptions = workflowOptionsFor(loaded, repository, training, path13.basename(loaded.file), request.kit);
  const files = [];
  const kept = [];
  const edited = async (file) => !request.force && existsSync8(file) && !isUneditedWorkflow(await readFile3(file, "utf8"));
  const planned = plannedWorkflows(workflowOptions, repository);
  for (const workflow of planned) (await edited(workflow.file) ? kept : files).push(workflow);
  const removed = [];
  const stale = [];
  const wanted = new Set(planned.map((f) => f.repoPath));
  for (const workflow of plannedWorkflows(TEMPLATE_DEFAULTS, repository)) {
    if (wanted.has(workflow.repoPath) || !existsSync8(workflow.file)) continue;
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
    "training runs (a DVC pipeline, a Makefile target named train, an npm script, a train.py; Python or Node.js and",
    "its version; the tool that installs the Python dependencies: pip, uv, poetry, pipenv or conda; a DVC remote to",
    "pull from), then prints the next steps: the required check, and for an S3 registry the IAM and OIDC setup.",
    "",
    "It also looks for the data below the folder of mlops.yml (never above it; not in .git, node_modules,",
    "virtualenvs, caches or a model registry): CSV, TSV, JSON Lines and Parquet files, of which only the header (a",
    "Parquet footer) is read. data.train is a file the training script or dvc.yaml's train stage names, else one",
    "named train/training; data.eval is the eval/validation/test/holdout file beside it that has the target column.",
    "data.target is a common name (target, label, y, class, quality...), else the last column. --data, --eval and",
    "--target override; a path or column that is not there is an error, and nothing is written.",
    "",
    "Run again with --workflows to regenerate only the workflows from the current mlops.yml (after",
    "`mlops config set ...`): the ones init wrote are replaced, one edited by hand is kept unless --force."
  ].join("\n"),
  options: {
    name: { type: "string", valueName: "model", description: "Model name (default: the folder's name)" },
    task: {
      type: "string",
      valueName: "task",
      description: "classification or regression (default: guessed from the target column's values, else classification)"
    },
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
    data: {
      type: "string",
      valueName: "path",
      description: "Training data (data.train): a file or glob, relative to here; or an s3:// URI"
    },
    eval: {
      type: "string",
      valueName: "path",
      description: "Evaluation data (data.eval); default: the eval/test file beside --data, if any"
    },
    target: { type: "string", valueName: "column", description: "The target column (data.target)" },
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
    const kit = args.values["no-workflows"] === true ? null : await resolveKitRef(await kitRootOf(path14.dirname(fileURLToPath(import.meta.url))), KIT_VERSION, git);
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
        data: text(args.values.data),
        eval: text(args.values.eval),
        target: text(args.values.target),
        workflows: kit === null ? false : { kit },
        schemaUrl: SCHEMA_URL
      },
      git
    );
    const shown = (file) => path14.relative(io.cwd, file) || file;
    const existing = existingTargets(plan);
    if (existing.length > 0 && args.values.force !== true) {
      const names = existing.map(shown);
      const overwrite = `pass --force to overwrite ${names.length === 1 ? "it" : "them"}; nothing was written`;
      const configDir = path14.dirname(plan.files[0]?.file ?? "");
      const adopted = existing.find((f) => path14.dirname(f) === configDir);
      const refresh = `npx mlops-kit init --workflows${args.config === DEFAULT_CONFIG_FILE ? "" : ` --config ${args.config}`}`;
      throw new UsageError(`${names.join(", ")} already exist${names.length === 1 ? "s" : ""}`, {
        hint: adopted && plan.workflowOptions !== null ? `to keep ${shown(adopted)} and regenerate the workflows from it, run \`${refresh}\`; to start over, ${overwrite}` : overwrite
      });
    }
    await writePlan(plan);
    const config = plan.files[0]?.file ?? "";
    const written = plan.backup ? [plan.backup, ...plan.files] : plan.files;
    const stepsInput = {
      repository: plan.repository,
      model: plan.loaded.config.model.name,
      registryUri: plan.loaded.config.registry.uri,
      workflows: plan.workflowOptions !== null,
      configFlag: args.config === DEFAULT_CONFIG_FILE ? "" : `--config ${shown(config)}`,
      deploy: plan.workflowOptions?.deploy ?? null,
      predict: plan.workflowOptions?.predict ?? null
    };
    const steps = nextSteps(stepsInput);
    return {
      exitCode: ExitCode.ok,
      result: {
        ok: true,
        written: written.map((f) => ({ path: shown(f.file), repoPath: f.repoPath, purpose: f.purpose })),
        replaced: plan.replaced && {
          ...plan.replaced,
          file: shown(plan.replaced.file),
          backup: shown(plan.replaced.backup)
        },
        detected: {
          ...detected(plan),
          registryFrom: plan.registryFrom,
          data: plan.data,
          task: plan.task,
          scorePrefix: plan.scorePrefix,
          kit
        },
        warnings: plan.loaded.warnings,
        nextSteps: steps
      },
      text: [
        "Wrote:",
        ...written.map((f) => `  ${shown(f.file)}: ${f.purpose}`),
        ...describeReplaced(plan.replaced, shown),
        "",
        ...describeDetection(plan),
        ...describeData(plan.data),
        describeTask(plan.task),
        ...describeScorePrefix(plan.scorePrefix, PREDICTIONS),
        ...kit ? [describeKit(kit)] : [],
        ...plan.loaded.warnings.map(formatDiagnostic),
        "",
        renderNextSteps(steps, stepsInput)
      ].join("\n")
    };
  }
};
var CONFIG_CHOICES = ["name", "task", "registry", "schedule", "data", "eval", "target"];
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
  const kit = await resolveKitRef(await kitRootOf(path14.dirname(fileURLToPath(import.meta.url))), KIT_VERSION, git);
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
  const shown = (file) => path14.relative(io.cwd, file) || file;
  const configFlag = args.config === DEFAULT_CONFIG_FILE ? "" : `--config ${shown(plan.loaded.file)}`;
  const { delivery: delivery2 } = nextSteps({
    repository: plan.repository,
    model: plan.loaded.config.model.name,
    registryUri: plan.loaded.config.registry.uri,
    workflows: true,
    configFlag,
    deploy: plan.workflowOptions.deploy
  });
  const deliveryText = renderDelivery({ delivery: delivery2 }, plan.repository.defaultBranch, configFlag);
  const scoringText = renderScoring(
    plan.workflowOptions.predict,
    plan.loaded.config.registry.uri,
    plan.repository.defaultBranch
  );
  return {
    exitCode: ExitCode.ok,
    result: {
      ok: true,
      written: plan.files.map((f) => ({ path: shown(f.file), repoPath: f.repoPath, purpose: f.purpose })),
      kept: plan.kept.map((f) => ({ path: shown(f.file), repoPath: f.repoPath })),
      removed: plan.removed.map(shown),
      stale: plan.stale.map(shown),
      delivery: delivery2,
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
      ...plan.loaded.warnings.map(formatDiagnostic),
      ...deliveryText.length > 0 ? ["", "Approvals for deploys:", ...deliveryText.map((line2) => `  ${line2}`)] : [],
      ...scoringText.length > 0 ? ["", "Batch scoring on a schedule:", ...scoringText.map((line2) => `  ${line2}`)] : []
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
      setupFrom: training.setupFrom,
      inputs: training.inputs,
      outputs: training.outputs,
      params: training.params,
      metricsFiles: training.metricsFiles,
      dvc: training.dvc,
      notes: training.notes
    }
  };
}
function describeDetection(plan) {
  const { repository, training } = plan;
  const remote = repository.remote ? `${repository.remote.host}/${repository.remote.owner}/${repository.remote.repo}` : "no GitHub remote";
  const setup = training.setup ? `${training.setup.kind} ${training.setup.version} (${training.setupFrom})` : "none";
  return [
    `Repository: ${remote}; default branch ${repository.defaultBranch} (${repository.defaultBranchFrom}); mlops.yml in ${repository.workingDirectory === "." ? "the repository root" : repository.workingDirectory}.`,
    `Registry: ${plan.loaded.config.registry.uri ?? "a local folder (.mlops/registry)"}${REGISTRY_FROM[plan.registryFrom ?? "none"]}.`,
    `Training: ${training.command ? `\`${training.command}\` (${training.commandFrom})` : "no entry point found: set train.command"}; runtime: ${setup}.`,
    ...describeDvc(plan),
    ...training.notes.map((text2) => `Note: ${text2}.`)
  ];
}
function describeDvc(plan) {
  const dvc = plan.workflowOptions?.dvc ?? (plan.training.dvc ? { remote: plan.training.dvc.remote } : null);
  if (dvc === null) return [];
  const remote = dvc.remote;
  if (remote === null) return ["DVC: no default remote in .dvc/config, so the workflows do not run `dvc pull`."];
  const install = `dvc${remote.extra ? `[${remote.extra}]` : ""}`;
  return [
    `DVC: remote "${remote.name}" (${remote.type}): the workflows install ${install} and run \`dvc pull\` before training; the step's comment says which credentials it needs.`
  ];
}
function describeTask(task) {
  if (task.from === "--task") return `Task: ${task.task} (--task).`;
  const other = task.task === "classification" ? "regression" : "classification";
  const metrics = other === "regression" ? "r2, mae" : "accuracy, f1";
  return `Task: ${task.task} (${task.from}). If it is ${other}: \`npx mlops-kit config set model.task ${other}\`, and gate.rules on ${other} metrics (${metrics}, ...).`;
}
var REGISTRY_FROM = {
  "--registry": "",
  "replaced mlops.yml": " (kept from the mlops.yml --force replaced: the registry holds the champion, and init cannot find a folder or bucket again; --registry chooses another)",
  origin: " (this repository, from origin)",
  none: ""
};
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
