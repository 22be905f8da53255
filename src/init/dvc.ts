import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ProjectFiles } from "./project-files.ts";

/**
 * What `mlops init` takes from a DVC project: the pipeline in dvc.yaml becomes the kit's train -> evaluate chain, the
 * stages' params, deps, outs and metrics fill train.params, train.inputs, train.outputs and evaluate.metrics_file, and
 * the default remote in .dvc/config tells the workflows to `dvc pull` before training.
 *
 * The kit runs train.command, caches what it writes (train.outputs), then runs evaluate.command. So the train command
 * is `dvc repro <train stage>`, which runs that stage and the stages it depends on (prepare, featurize), and the
 * evaluate command is `dvc repro <evaluate stage>`, not `--single-item`: when the kit's run cache restored only the
 * model, DVC rebuilds the test data the evaluation needs and, finding the model matching dvc.lock, does not retrain.
 * One plain `dvc repro` would evaluate inside training, and a cache hit would then skip the evaluation's metrics.
 *
 * Only `.dvc/config` is read, never `.dvc/config.local`, which holds credentials and is not in git (so a runner
 * would not have it either); of a remote, only its name and URL scheme are kept, never the URL.
 */

export interface DvcRemote {
  name: string;
  /** The URL's scheme (s3, gs, azure, ssh, https, ...). */
  type: string;
  /** The pip extra DVC needs for this remote (`dvc[s3]`); null when plain `dvc` reaches it. */
  extra: string | null;
}

export interface DvcProject {
  /** `dvc repro <stage>` and where it came from; null when dvc.yaml has no stage with a command. */
  train: { command: string; from: string; stageCommands: string; outputs: string[]; inputs: string[] } | null;
  evaluate: { command: string; from: string } | null;
  metricsFiles: string[];
  /** The params file the training stages read (train.params), if the kit can read and rewrite it. */
  params: string | null;
  /** The default remote: the workflows install DVC with its extra and run `dvc pull`; null, no pull. */
  remote: DvcRemote | null;
  notes: string[];
}

interface Stage {
  name: string;
  cmd: string;
  deps: string[];
  outs: string[];
  metrics: string[];
  /** The params files the stage reads (params.yaml for bare keys), relative to the project. */
  paramsFiles: string[];
}

const TRAIN_NAMES = ["train", "training", "train_model", "fit"];
const EVALUATE_NAMES = ["evaluate", "eval", "evaluation", "test"];
const PARAMS_FORMATS = /\.(ya?ml|json|toml)$/i;
const METRICS_FORMATS = /\.(ya?ml|json)$/i;
/** pip extras of the `dvc` package per remote scheme; schemes not listed need none (http, https). */
const EXTRAS: Record<string, string> = {
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
  webdavs: "webdav",
};

/** The DVC project in `files`' folder; null when it has neither dvc.yaml nor a .dvc folder above it. */
export async function detectDvc(files: ProjectFiles): Promise<DvcProject | null> {
  const dvcFolder = findDvcFolder(files.folder);
  const parsed = await files.yaml("dvc.yaml");
  if (parsed === undefined && dvcFolder === null) return null;
  const notes: string[] = [];
  const project: DvcProject = { train: null, evaluate: null, metricsFiles: [], params: null, remote: null, notes };
  if (dvcFolder !== null) project.remote = await defaultRemote(dvcFolder, notes);
  if (parsed === undefined) return project;
  if ("error" in parsed) {
    notes.push(`dvc.yaml is not valid YAML (${parsed.error}): its stages were not read`);
    return project;
  }
  const stages = readStages(parsed.value, notes);
  if (stages.length === 0) return project;

  const named = (names: string[], pattern: RegExp): Stage | undefined =>
    names.map((name) => stages.find((s) => s.name === name)).find((s) => s !== undefined) ??
    stages.find((s) => pattern.test(s.name));
  const train = named(TRAIN_NAMES, /train/i);
  const evaluate = named(EVALUATE_NAMES, /eval/i);
  const producedBy = (file: string): Stage | undefined =>
    stages.find((s) => [...s.outs, ...s.metrics].some((out) => isWithin(file, out)));

  let training: Stage[];
  if (train) {
    training = upstream(train, producedBy);
    project.train = {
      command: `dvc repro ${shellWord(train.name)}`,
      from: `dvc.yaml stage ${train.name}`,
      stageCommands: training.map((s) => s.cmd).join(" && "),
      // Metrics the train stage writes are read after it: on a cache hit they must come back with the model.
      outputs: unique([...train.outs, ...train.metrics]),
      inputs: [],
    };
  } else {
    // No stage reads as training: the whole pipeline is the training, and what no stage consumes is its product.
    training = stages.filter((s) => s !== evaluate);
    const consumed = (out: string): boolean => stages.some((s) => s.deps.some((dep) => isWithin(dep, out)));
    project.train = {
      command: "dvc repro",
      from: "dvc.yaml, the whole pipeline",
      stageCommands: training.map((s) => s.cmd).join(" && "),
      outputs: unique(training.flatMap((s) => [...s.outs, ...s.metrics]).filter((out) => !consumed(out))),
      inputs: [],
    };
    notes.push(
      `dvc.yaml has no stage named like train (stages: ${stages.map((s) => s.name).join(", ")}): train.command runs the whole pipeline; name the training stage in it (\`dvc repro <stage>\`) to split training from evaluation`,
    );
  }
  if (evaluate && evaluate !== train)
    project.evaluate = { command: `dvc repro ${shellWord(evaluate.name)}`, from: `dvc.yaml stage ${evaluate.name}` };

  const metricsSource = evaluate && evaluate !== train ? [evaluate] : train ? [train] : stages;
  const topLevel = paths((parsed.value as { metrics?: unknown }).metrics);
  for (const file of unique([...metricsSource.flatMap((s) => s.metrics), ...topLevel])) {
    if (METRICS_FORMATS.test(file)) project.metricsFiles.push(file);
    else
      notes.push(
        `DVC metrics file ${file}: the kit reads JSON or YAML metrics files, so it is not in evaluate.metrics_file`,
      );
  }
  project.params = paramsFile(training, files, notes);
  project.train.inputs = trainInputs(training, project.params, files, producedBy, notes);
  return project;
}

/** A stage and every stage it depends on, upstream first, each once (a cycle, which DVC refuses, is cut). */
function upstream(stage: Stage, producedBy: (file: string) => Stage | undefined): Stage[] {
  const order: Stage[] = [];
  const seen = new Set<Stage>();
  const visit = (current: Stage): void => {
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

/**
 * train.inputs: what the run cache key must hash, since `dvc repro train` names no file the kit could see. dvc.yaml
 * itself, and the deps of the training stages that exist in git: a folder as `folder/**`, data DVC tracks as its
 * `.dvc` file (whose hash changes with the data, and which exists before `dvc pull`). A dep another stage produces is
 * covered by that stage's own deps; the params file reaches the key as params.
 */
function trainInputs(
  training: Stage[],
  params: string | null,
  files: ProjectFiles,
  producedBy: (file: string) => Stage | undefined,
  notes: string[],
): string[] {
  const inputs = ["dvc.yaml"];
  const missing: string[] = [];
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
      `not found here, so not in train.inputs (a pattern matching nothing stops training): ${missing.join(", ")}`,
    );
  return unique(inputs);
}

/** The `.dvc` file that tracks `file` or a folder holding it, if any. */
function trackingFile(file: string, files: ProjectFiles): string | null {
  const parts = file.replace(/\/+$/, "").split("/");
  for (let i = parts.length; i > 0; i--) {
    const candidate = `${parts.slice(0, i).join("/")}.dvc`;
    if (files.exists(candidate)) return candidate;
  }
  return null;
}

/** The one params file train.params can name: the training stages', params.yaml first; YAML, JSON or TOML. */
function paramsFile(training: Stage[], files: ProjectFiles, notes: string[]): string | null {
  const used = unique(training.flatMap((s) => s.paramsFiles));
  const candidates = used.length > 0 ? used : ["params.yaml"];
  const chosen = candidates.includes("params.yaml") ? "params.yaml" : candidates[0];
  if (chosen === undefined || !files.exists(chosen)) {
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

function readStages(dvc: unknown, notes: string[]): Stage[] {
  const raw = (dvc as { stages?: unknown } | null)?.stages;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [];
  const stages: Stage[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === null || typeof value !== "object") continue;
    const stage = value as Record<string, unknown>;
    if ("foreach" in stage || "matrix" in stage) {
      notes.push(`dvc.yaml stage ${name} uses foreach/matrix, which init does not expand`);
      continue;
    }
    const commands = (Array.isArray(stage.cmd) ? stage.cmd : [stage.cmd]).filter(
      (c): c is string => typeof c === "string" && c.trim() !== "",
    );
    if (commands.length === 0) continue;
    const wdir = typeof stage.wdir === "string" && stage.wdir !== "." ? stage.wdir : null;
    const inWdir = (file: string): string | null => {
      const joined = path.posix.normalize(wdir ? path.posix.join(wdir, file) : file);
      return joined.startsWith("../") || path.posix.isAbsolute(joined) ? null : joined;
    };
    const within = (list: string[]): string[] => list.map(inWdir).filter((f): f is string => f !== null);
    const cmd = commands.map((c) => c.trim()).join(" && ");
    stages.push({
      name,
      cmd: wdir ? `cd ${shellWord(wdir)} && ${cmd}` : cmd,
      deps: within(paths(stage.deps)),
      outs: within(paths(stage.outs)),
      metrics: within(paths(stage.metrics)),
      paramsFiles: within(paramsFilesOf(stage.params)),
    });
  }
  return stages;
}

/** A dvc.yaml list of paths: each a string, or a one-key mapping `path: { cache: false }`. */
function paths(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((item: unknown) =>
      typeof item === "string" ? item : item !== null && typeof item === "object" ? Object.keys(item)[0] : undefined,
    )
    .filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

/** `params:` names keys of params.yaml (strings) or other files (`file.yaml: [keys]`). */
function paramsFilesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return unique(
    list.flatMap((item: unknown) =>
      typeof item === "string" ? ["params.yaml"] : item !== null && typeof item === "object" ? Object.keys(item) : [],
    ),
  );
}

/** The folder holding `.dvc/`: this one or the nearest above it, not past the top of a git repository. */
function findDvcFolder(folder: string): string | null {
  let current = path.resolve(folder);
  for (;;) {
    if (existsSync(path.join(current, ".dvc"))) return path.join(current, ".dvc");
    if (existsSync(path.join(current, ".git")) || path.dirname(current) === current) return null;
    current = path.dirname(current);
  }
}

/** `core.remote` and its `['remote "name"']` section in .dvc/config (configobj's INI, quoted or not). */
async function defaultRemote(dvcFolder: string, notes: string[]): Promise<DvcRemote | null> {
  const text = await readFile(path.join(dvcFolder, "config"), "utf8").catch(() => undefined);
  if (text === undefined) return null;
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\s*'?\s*([^'\]]+?)\s*'?\s*\]\s*$/.exec(line);
    if (header?.[1]) {
      const name = header[1].replace(/\s+/g, " ");
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const pair = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (pair?.[1] && current) current.set(pair[1].toLowerCase(), pair[2] ?? "");
  }
  const name = sections.get("core")?.get("remote");
  const remotes = [...sections.keys()].filter((s) => s.startsWith("remote ")).map((s) => s.slice(7).replace(/"/g, ""));
  if (!name) {
    if (remotes.length > 0)
      notes.push(
        `.dvc/config has remotes (${remotes.join(", ")}) but no default (core.remote): the workflows do not run dvc pull; \`dvc remote default <name>\` sets one`,
      );
    return null;
  }
  const url = sections.get(`remote "${name}"`)?.get("url");
  if (url === undefined) {
    notes.push(
      `.dvc/config names the default remote ${name}, which it does not define: the workflows do not run dvc pull`,
    );
    return null;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    notes.push(
      `the DVC remote ${name} is a local folder, which a runner cannot reach: the workflows do not run dvc pull`,
    );
    return null;
  }
  return { name, type: scheme, extra: EXTRAS[scheme] ?? null };
}

/** A stage name or folder as one shell word. */
function shellWord(word: string): string {
  return /^[\w./@-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** `file` is `out` or inside the folder `out`. */
function isWithin(file: string, out: string): boolean {
  const folder = out.replace(/\/+$/, "");
  const normal = file.replace(/\/+$/, "");
  return normal === folder || normal.startsWith(`${folder}/`);
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
