import { type DvcRemote, detectDvc } from "./dvc.ts";
import { ProjectFiles, valueOf } from "./project-files.ts";
import { notebookCommand, notebookOfCommand, notebookRunnerNote } from "./notebook.ts";
import { localImports, pythonScriptOf } from "./python-imports.ts";
import { detectPythonEnvironment, ENVIRONMENT_FILES, type EnvironmentFinding } from "./python-env.ts";
import { DEFAULT_NODE, DEFAULT_PYTHON, nodeForRange, pinnedVersion, pythonForSpecifier } from "./versions.ts";
import type { RuntimeSetup } from "./workflows.ts";

/** How the model in a folder is trained, and what its runtime needs: what `mlops init` writes into train/evaluate. */
export interface TrainingInfo {
  /** The training command; null when nothing was found (the template writes a placeholder). */
  command: string | null;
  /** Where the command came from, e.g. "dvc.yaml stage train". */
  commandFrom: string | null;
  evaluateCommand: string | null;
  evaluateFrom: string | null;
  /** What the training command writes (from dvc.yaml's outs), when known. */
  outputs: string[] | null;
  /**
   * What the run cache key hashes besides the files the command names, when known: a DVC pipeline's deps, or the
   * project's own modules a Python training script imports.
   */
  inputs: string[] | null;
  /** The params file: the one the DVC stages read, else params.yaml (as DVC names it), params.yml or params.json. */
  params: string | null;
  /** Metrics files the evaluation writes (a DVC pipeline's metrics), when known. */
  metricsFiles: string[] | null;
  setup: RuntimeSetup;
  /** Where the runtime, its version and its installer came from, e.g. "train.py; version from .python-version". */
  setupFrom: string | null;
  /** A DVC project (dvc.yaml or a .dvc folder): its default remote, which the workflows pull from; null when none. */
  dvc: { remote: DvcRemote | null } | null;
  /** What init noticed and did not use, in words: malformed files, a pipeline without a train stage. */
  notes: string[];
}

export interface RuntimeOverride {
  python?: string;
  node?: string;
}

interface Found {
  command: string;
  from: string;
  /** The command that actually runs, for telling the runtime (a DVC stage's cmd behind `dvc repro`). */
  runs?: string;
}

/**
 * How the model in `folder` is trained. The most explicit entry point wins: a DVC pipeline, a Makefile target, an
 * npm script, then a train.py (or train.mjs, .js, .cjs, run by node), then a train.ipynb (run by `jupyter execute`).
 * The runtime (Python or Node.js, its version, and for Python the tool that installs the dependencies) is detected on
 * its own, so `make train` in a Python repository still gets Python set up.
 */
export async function detectTraining(folder: string, override: RuntimeOverride = {}): Promise<TrainingInfo> {
  const files = new ProjectFiles(folder);
  const dvc = await detectDvc(files);
  const makefile =
    (await files.text("Makefile")) ?? (await files.text("makefile")) ?? (await files.text("GNUmakefile"));
  const packageJson = (await files.json("package.json")) as { scripts?: Record<string, unknown> } | undefined;
  const scripts = packageJson?.scripts ?? {};

  const entry = (names: string[], candidates: string[], fromDvc: Found | null): Found | null => {
    if (fromDvc) return fromDvc;
    for (const name of names) {
      if (makefile && new RegExp(`^${name}\\s*:(?!=)`, "m").test(makefile))
        return { command: `make ${name}`, from: `Makefile target ${name}` };
    }
    for (const name of names) {
      if (typeof scripts[name] === "string") return { command: `npm run ${name}`, from: `package.json script ${name}` };
    }
    // A script at the top, Python's first: `node train.mjs` needs no package.json script to be found.
    const script = candidates.find((name) => files.exists(name));
    if (!script) return null;
    if (script.endsWith(".ipynb")) return { command: notebookCommand(script), from: script };
    return { command: `${script.endsWith(".py") ? "python" : "node"} ${script}`, from: script };
  };
  const scriptsOf = (name: string): string[] =>
    [".py", ".mjs", ".js", ".cjs", ".ipynb"].map((extension) => name + extension);
  const train = entry(
    ["train"],
    scriptsOf("train"),
    dvc?.train ? { ...dvc.train, runs: dvc.train.stageCommands } : null,
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
    inputs: nonEmpty(dvc?.train?.inputs ?? (await scriptImports(files, train?.command))),
    params:
      dvc?.params ??
      ["params.yaml", "params.yml", "params.json", "params.toml"].find((name) => files.exists(name)) ??
      null,
    metricsFiles: nonEmpty(dvc?.metricsFiles),
    setup,
    setupFrom: from,
    dvc: dvc ? { remote: dvc.remote } : null,
    notes: [
      ...(dvc?.notes ?? []),
      ...metricsNote(dvc?.metricsFiles),
      ...environment.notes,
      ...environmentNote(setup),
      ...(await notebookNote(files, [train?.runs ?? train?.command, evaluate?.command], environment)),
    ],
  };
}

/** A notebook the commands run needs nbclient and a kernel installed: said when the environment file lacks them. */
async function notebookNote(
  files: ProjectFiles,
  commands: (string | undefined)[],
  environment: EnvironmentFinding,
): Promise<string[]> {
  const notebooks = commands.flatMap((command) => {
    const notebook = command === undefined ? null : notebookOfCommand(command);
    return notebook === null ? [] : [notebook];
  });
  if (notebooks.length === 0) return [];
  const file = environment.environment?.file ?? null;
  const text = file === null ? "" : ((await files.text(file)) ?? "");
  const note = notebookRunnerNote(notebooks, file, text);
  return note === null ? [] : [note];
}

const nonEmpty = (list: string[] | undefined): string[] | null => (list && list.length > 0 ? list : null);

/** The project's own modules a `python train.py` command's script imports (./python-imports.ts). */
async function scriptImports(files: ProjectFiles, command: string | undefined): Promise<string[] | undefined> {
  const script = command === undefined ? null : (pythonScriptOf(command) ?? notebookOfCommand(command));
  return script === null ? undefined : localImports(files, script);
}

/** The starter gate rules use built-in metrics, computed from predictions a DVC pipeline may not write. */
function metricsNote(metricsFiles: string[] | undefined): string[] {
  if (!metricsFiles || metricsFiles.length === 0) return [];
  return [
    `evaluate.metrics_file reads ${metricsFiles.join(", ")}; the starter gate rules use built-in metrics, computed from evaluate.predictions: write that file, or gate on the metrics your pipeline writes (gate.rules)`,
  ];
}

/** Python without an environment file: the workflows cannot know what to install, and init says so. */
function environmentNote(setup: RuntimeSetup): string[] {
  if (setup?.kind !== "python" || setup.environment) return [];
  return [
    `no Python environment file (${ENVIRONMENT_FILES.join(", ")}): the workflows set up Python only; install what training needs in their marked step`,
  ];
}

async function detectRuntime(
  files: ProjectFiles,
  command: string,
  environment: EnvironmentFinding,
  override: RuntimeOverride,
): Promise<{ setup: RuntimeSetup; from: string | null }> {
  const found = environment.environment;
  const python = (version: string, from: string): { setup: RuntimeSetup; from: string } => ({
    setup: { kind: "python", version, ...(found ? { environment: found } : {}) },
    from: found ? `${from}; ${found.installer} from ${environment.from}` : from,
  });
  if (override.python) return python(override.python, "--python");
  if (override.node) return { setup: { kind: "node", version: override.node }, from: "--node" };

  const pythonMarkers = ["train.py", "train.ipynb", "requirements.txt", "pyproject.toml", "Pipfile"].filter((f) =>
    files.exists(f),
  );
  if (found?.installer === "conda") pythonMarkers.unshift(found.file);
  const nodeCommand = /^(npm|npx|node|pnpm|yarn)\s/.test(command);
  if (/(^|&&\s*)(python3?|jupyter)\s/.test(command) || (pythonMarkers.length > 0 && !nodeCommand)) {
    const version =
      (found?.installer === "conda" ? await condaPython(files, found.file) : null) ?? (await pythonVersion(files));
    const marker = pythonMarkers[0] ?? "the training command";
    return python(version.version, `${marker}; version from ${version.from}`);
  }
  if (nodeCommand) {
    const version = await nodeVersion(files);
    // What made it a Node project: package.json, or the script `node` runs when there is none (a top-level train.mjs).
    const marker = files.exists("package.json")
      ? "package.json"
      : (/^node\s+(\S+)/.exec(command)?.[1] ?? "the training command");
    return { setup: { kind: "node", version: version.version }, from: `${marker}; version from ${version.from}` };
  }
  return { setup: null, from: null };
}

/**
 * The Python a conda environment file pins (`python=3.11`, `python>=3.10,<3.12`, `python 3.11.*`): conda installs that
 * one, whatever .python-version says. Null when the file does not name one.
 */
async function condaPython(files: ProjectFiles, file: string): Promise<{ version: string; from: string } | null> {
  const dependencies = (valueOf(await files.yaml(file)) as { dependencies?: unknown } | undefined)?.dependencies;
  if (!Array.isArray(dependencies)) return null;
  for (const dependency of dependencies) {
    if (typeof dependency !== "string") continue;
    const version = /^python\s*(?:==?|>=|~=|\s)\s*(3\.\d+)/.exec(dependency.trim())?.[1];
    if (version) return { version, from: `"${dependency.trim()}" in ${file}` };
  }
  return null;
}

async function pythonVersion(files: ProjectFiles): Promise<{ version: string; from: string }> {
  const pinned = pinnedVersion((await files.text(".python-version")) ?? "");
  if (pinned) return { version: pinned, from: ".python-version" };
  const pyproject = (await files.text("pyproject.toml")) ?? "";
  const specifier = /^\s*requires-python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
  const fromSpecifier = specifier ? pythonForSpecifier(specifier) : undefined;
  if (fromSpecifier) return { version: fromSpecifier, from: `requires-python "${specifier}"` };
  return { version: DEFAULT_PYTHON, from: "the default" };
}

async function nodeVersion(files: ProjectFiles): Promise<{ version: string; from: string }> {
  for (const file of [".nvmrc", ".node-version"]) {
    const pinned = pinnedVersion((await files.text(file)) ?? "");
    if (pinned) return { version: pinned, from: file };
  }
  const engines = ((await files.json("package.json")) as { engines?: { node?: unknown } } | undefined)?.engines;
  const range = typeof engines?.node === "string" ? engines.node : undefined;
  const fromRange = range ? nodeForRange(range) : undefined;
  if (fromRange) return { version: fromRange, from: `engines.node "${range}"` };
  return { version: DEFAULT_NODE, from: "the default" };
}
