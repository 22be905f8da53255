import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_CONFIG_FILE } from "../config/default-file.ts";
import { type LoadedConfig, parseConfig } from "../config/load.ts";
import { NAME_PATTERN } from "../config/schema/common.ts";
import { durationMs } from "../config/schema/monitor.ts";
import { ConfigError, type ConfigDiagnostic, formatPath, InputError, UsageError } from "../errors.ts";
import { isS3Uri, parseS3Uri } from "../files/safe-path.ts";
import { registryScheme } from "../registry/backends/index.ts";
import { configTemplate, PREDICTIONS } from "./config-template.ts";
import { detectScorePrefix, type ScorePrefixGuess } from "./predictions.ts";
import { chooseRegistry, type RegistryFrom } from "./registry-choice.ts";
import { type DataDetection, dataTemplateInput, detectData } from "./data.ts";
import { folderBelow } from "./data-files.ts";
import { detectTask, type TaskGuess } from "./task.ts";
import { readPreviousConfig, type Replaced, replacementOf } from "./previous-config.ts";
import { gitignoreWith, ignoredPurpose, ignoreGroups } from "./gitignore.ts";
import { detectRepository, detectTraining, type Git, type RepositoryInfo, type TrainingInfo } from "./detect.ts";
import type { KitRef } from "./kit-ref.ts";
import { stampWorkflow } from "./stamp.ts";
import { isVersionText } from "./versions.ts";
import { workflowTemplates, type WorkflowOptions } from "./workflows.ts";
import { deployJobId } from "./workflows/deploy.ts";

/**
 * `mlops init` as data: detect the repository, render mlops.yml and the workflows, check them, and only then write.
 * Nothing is written when any target exists (unless forced; the .gitignore is added to, never a reason to refuse) or
 * when the config would not pass `mlops check`.
 */

export interface InitRequest {
  /** Where the command runs. */
  cwd: string;
  /** --config: the file to write (or its folder). */
  config: string;
  name?: string;
  task?: string;
  registry?: string;
  python?: string;
  node?: string;
  schedule?: string;
  /** --data, --eval (relative to cwd) and --target: override what init finds (./data.ts). */
  data?: string;
  eval?: string;
  target?: string;
  /** false: --no-workflows; else the commit of mlops-kit the workflows pin its actions to. */
  workflows: false | { kit: KitRef };
  schemaUrl: string;
}

export interface PlannedFile {
  /** Absolute path. */
  file: string;
  /** Relative to the repository root, `/`-separated. */
  repoPath: string;
  content: string;
  purpose: string;
  /** Adds to the file rather than replacing it (.gitignore): never a reason to refuse. */
  appends?: true;
}

export interface InitPlan {
  files: PlannedFile[];
  repository: RepositoryInfo;
  training: TrainingInfo;
  /** data.train, data.eval and data.target, and where each came from. */
  data: DataDetection;
  /** model.task, and why: --task, or what the target column's values look like (./task.ts). */
  task: TaskGuess;
  /** evaluate.predictions.score_prefix, from the predictions file's columns (./predictions.ts). */
  scorePrefix: ScorePrefixGuess | null;
  /** The checked config (its warnings are shown to the user). */
  loaded: LoadedConfig;
  workflowOptions: WorkflowOptions | null;
  /** Where registry.uri came from (./registry-choice.ts). */
  registryFrom: RegistryFrom;
  /**
   * A copy of the mlops.yml this plan replaces, when it differs from the new one: written first, and never over a file
   * (only --force writes over an mlops.yml at all). Null when there is none, or it is the same.
   */
  backup: PlannedFile | null;
  replaced: Replaced | null;
}

/** Characters the workflow renderer writes unquoted into YAML (working-directory, branch, file names). */
const WORKFLOW_SAFE = /^[A-Za-z0-9._/-]+$/;

export async function planInit(request: InitRequest, git: Git): Promise<InitPlan> {
  const file = configFileOf(request);
  const configDir = path.dirname(file);
  if (request.task !== undefined && request.task !== "classification" && request.task !== "regression")
    throw new UsageError(`--task must be classification or regression, not "${request.task}"`);
  const model = request.name ?? defaultModelName(configDir);
  if (!NAME_PATTERN.test(model))
    throw new UsageError(`"${model}" is not a valid model name`, { hint: "use letters, digits, '.', '_' and '-'" });
  for (const [flag, value] of [
    ["--python", request.python],
    ["--node", request.node],
  ] as const) {
    if (value !== undefined && !isVersionText(value))
      throw new UsageError(`${flag} "${value}" is not a version`, { hint: `for example ${flag} 3.12 or 22` });
  }
  if (request.python !== undefined && request.node !== undefined)
    throw new UsageError("pass --python or --node, not both: the workflows set up one runtime for training");
  if (request.registry !== undefined && isS3Uri(request.registry) && !parseS3Uri(request.registry))
    throw new UsageError(`--registry "${request.registry}" is not an s3://bucket/prefix URI`, {
      hint: "bucket names are 3-63 lowercase letters, digits, '.' and '-'",
    });

  const [repository, training] = await Promise.all([
    detectRepository(configDir, git),
    detectTraining(configDir, { python: request.python, node: request.node }),
  ]);

  // The file --force would replace: its registry and workspace are neither to be lost nor searched for data.
  const previous = await readPreviousConfig(file);
  const data = await detectData({
    configDir,
    cwd: request.cwd,
    data: request.data,
    eval: request.eval,
    target: request.target,
    trainCommand: training.command,
    skip: [request.registry, previous?.registryUri, previous?.workspace].flatMap((p) => folderBelow(p) ?? []),
  });
  const task: TaskGuess =
    request.task === "classification" || request.task === "regression"
      ? { task: request.task, from: "--task" }
      : await detectTask(configDir, data);
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
    scorePrefix,
  });
  const loaded = checkRendered(content, file);

  const inRepository = (name: string): string =>
    repository.workingDirectory === "." ? name : `${repository.workingDirectory}/${name}`;
  const files: PlannedFile[] = [
    { file, repoPath: inRepository(path.basename(file)), content, purpose: "the pipeline's config" },
  ];
  const gitignore = path.join(configDir, ".gitignore");
  const ignored = gitignoreWith(
    existsSync(gitignore) ? readFileSync(gitignore, "utf8") : null,
    ignoreGroups(loaded.config.train?.outputs ?? [], training.setup?.kind === "python", loaded.config.registry.uri),
  );
  if (ignored !== null) {
    files.push({
      file: gitignore,
      repoPath: inRepository(".gitignore"),
      content: ignored.content,
      purpose: ignoredPurpose(ignored.added, loaded.config.registry.uri),
      appends: true,
    });
  }
  let workflowOptions: WorkflowOptions | null = null;
  if (request.workflows) {
    workflowOptions = workflowOptionsFor(loaded, repository, training, path.basename(file), request.workflows.kit);
    files.push(...plannedWorkflows(workflowOptions, repository));
  }
  const replaced = replacementOf(previous, content);
  const backup = replaced && {
    file: replaced.backup,
    repoPath: inRepository(path.basename(replaced.backup)),
    content: previous?.text ?? "",
    purpose: `the ${path.basename(file)} --force replaced, as it was`,
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
    replaced,
  };
}

/** The workflow files for `options`, stamped (./stamp.ts), under the repository's .github/workflows. */
export function plannedWorkflows(options: WorkflowOptions, repository: RepositoryInfo): PlannedFile[] {
  return workflowTemplates(options).map((workflow) => ({
    file: path.join(repository.root, ".github", "workflows", workflow.path),
    repoPath: `.github/workflows/${workflow.path}`,
    content: stampWorkflow(workflow.content),
    purpose: workflow.purpose,
  }));
}

/** The targets that already exist (mlops.yaml counts for a default mlops.yml: the loader would pick it up). */
export function existingTargets(plan: InitPlan): string[] {
  const existing = plan.files.filter((f) => f.appends !== true && existsSync(f.file)).map((f) => f.file);
  const config = plan.files[0]?.file;
  if (config && path.basename(config) === DEFAULT_CONFIG_FILE) {
    const alternative = path.join(path.dirname(config), "mlops.yaml");
    if (existsSync(alternative)) existing.unshift(alternative);
  }
  return existing;
}

/**
 * Writes the files. Every folder is created before any file is written, so a folder that cannot be made (a file in
 * its place, no permission) leaves nothing half-written. The backup of a replaced mlops.yml goes first, and only
 * where no file is (`wx`): when it cannot be written, nothing is replaced.
 */
export async function writePlan(plan: Pick<InitPlan, "files"> & { backup?: PlannedFile | null }): Promise<void> {
  if (plan.backup) {
    try {
      await writeFile(plan.backup.file, plan.backup.content, { flag: "wx" });
    } catch (error) {
      throw new InputError(`cannot keep the old config as ${plan.backup.file}: ${(error as Error).message}`, {
        hint: "nothing was written",
        cause: error,
      });
    }
  }
  for (const folder of new Set(plan.files.map((f) => path.dirname(f.file)))) {
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw new InputError(`cannot create the folder ${folder}: ${(error as Error).message}`, {
        hint: "nothing was written",
        cause: error,
      });
    }
  }
  for (const file of plan.files) {
    try {
      await writeFile(file.file, file.content);
    } catch (error) {
      throw new InputError(`cannot write ${file.file}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** The derived workflow options, from the checked config: one source for what the workflows do. */
export function workflowOptionsFor(
  loaded: LoadedConfig,
  repository: RepositoryInfo,
  training: TrainingInfo,
  configFile: string,
  kit: KitRef,
): WorkflowOptions {
  const { config } = loaded;
  const unsafe = [
    ["the folder of mlops.yml", repository.workingDirectory],
    ["the config file's name", configFile],
    ["the default branch", repository.defaultBranch],
  ].find(([, value]) => !WORKFLOW_SAFE.test(value ?? ""));
  if (unsafe) {
    throw new UsageError(`${unsafe[0]} "${unsafe[1]}" has characters the workflow files cannot hold unquoted`, {
      hint: "use letters, digits, '.', '_', '-' and '/', or pass --no-workflows and write the workflows by hand",
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
    trainRunsOn: runsOn === undefined ? null : Array.isArray(runsOn) ? runsOn : [runsOn],
    sweep: config.train?.matrix !== undefined,
    monitor: config.monitor
      ? {
          cron: config.monitor.schedule,
          shards: config.monitor.shards,
          logsOnS3: [config.monitor.logs.path, config.monitor.labels?.path ?? []].flat().some(isS3Uri),
          issues: config.monitor.alerts.issue.open,
          dispatch: config.monitor.rules.some((rule) => rule.action === "retrain"),
          webhookEnv: config.monitor.alerts.webhook?.url_env ?? null,
        }
      : null,
    predict: config.predict
      ? {
          cron: config.predict.schedule,
          shards: config.predict.shards,
          inputOnS3: [config.predict.input].flat().some(isS3Uri),
          outputOnS3: isS3Uri(config.predict.output),
        }
      : null,
    deploy: deployWorkflow(config),
    attest: config.publish.attest,
    signingKeyEnv: config.registry.signing?.key_env ?? null,
    kit: { kind: "commit", sha: kit.sha, version: kit.version },
  };
}

/** What the deploy jobs need of deploy: in mlops.yml (src/init/workflows/deploy.ts). */
function deployWorkflow(config: LoadedConfig["config"]): WorkflowOptions["deploy"] {
  const { deploy } = config;
  if (!deploy) return null;
  const byJob = new Map<string, string>();
  for (const name of Object.keys(deploy.targets)) {
    const other = byJob.get(deployJobId(name));
    if (other !== undefined)
      throw new UsageError(
        `the deploy targets "${other}" and "${name}" would have the same job id, ${deployJobId(name)}`,
        {
          hint: "a job id turns '.' into '-': rename one of the targets in deploy.targets",
        },
      );
    byJob.set(deployJobId(name), name);
  }
  return {
    approval: deploy.approval,
    targets: Object.entries(deploy.targets).map(([name, target]) => ({
      name,
      alias: target.alias,
      environment: target.environment ?? name,
      timeoutMinutes: target.timeout_minutes,
    })),
    canary: deploy.canary
      ? {
          target: deploy.canary.target,
          promoteTo: deploy.canary.promote_to,
          bakeMinutes: Math.ceil(durationMs(deploy.canary.bake) / 60_000),
        }
      : null,
  };
}

/**
 * DVC in the workflows when mlops.yml's commands run it (`dvc repro`) or the project has a remote to pull from: read
 * from the config, so `init --workflows` follows a command changed by hand.
 */
function dvcSetup(config: LoadedConfig["config"], training: TrainingInfo): WorkflowOptions["dvc"] {
  if (training.dvc === null) return null;
  const runsDvc = [config.train?.command, config.evaluate?.command].some(
    (c) => c !== undefined && /(^|[\s;&|(])dvc\s/.test(c),
  );
  return runsDvc || training.dvc.remote !== null ? { remote: training.dvc.remote } : null;
}

/**
 * The rendered config through the real loader. A refusal caused by an option (a bad cron, a registry folder outside
 * the repository) is a usage error naming the field; nothing has been written yet.
 */
function checkRendered(content: string, file: string): LoadedConfig {
  try {
    return parseConfig(content, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const errors = error.diagnostics.filter((d) => d.severity === "error");
    const first = errors[0];
    const describe = (d: ConfigDiagnostic): string => `${formatPath(d.path)}: ${d.message}`;
    throw new UsageError(`the options make a config that \`mlops check\` refuses: ${errors.map(describe).join("; ")}`, {
      hint: first?.hint ? `${first.hint}; nothing was written` : "nothing was written",
      cause: error,
    });
  }
}

function configFileOf(request: InitRequest): string {
  const given = path.resolve(request.cwd, request.config);
  return existsSync(given) && statSync(given).isDirectory() ? path.join(given, DEFAULT_CONFIG_FILE) : given;
}

function defaultModelName(folder: string): string {
  return (
    path
      .basename(folder)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
      .replace(/\.{2,}/g, ".") || "model"
  );
}
