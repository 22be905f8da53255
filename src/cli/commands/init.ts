import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CONFIG_FILE } from "../../config/default-file.ts";
import { ExitCode, formatDiagnostic, UsageError } from "../../errors.ts";
import { systemGit } from "../../init/detect.ts";
import { type KitRef, kitRootOf, resolveKitRef } from "../../init/kit-ref.ts";
import { describeData } from "../../init/data.ts";
import { nextSteps, renderDelivery, renderNextSteps, renderScoring } from "../../init/next-steps.ts";
import { existingTargets, type InitPlan, planInit, writePlan } from "../../init/plan.ts";
import { PREDICTIONS } from "../../init/config-template.ts";
import { describeScorePrefix } from "../../init/predictions.ts";
import { describeReplaced } from "../../init/previous-config.ts";
import { applyRefresh, planRefresh } from "../../init/refresh.ts";
import { KIT_VERSION } from "../../version.ts";
import type { CommandArgs, CommandIO, CommandOutcome, CommandSpec } from "../command.ts";

export const SCHEMA_URL = `https://raw.githubusercontent.com/mlops-kit/mlops-kit/v${KIT_VERSION}/schema/mlops.schema.json`;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export const initCommand: CommandSpec = {
  name: "init",
  summary:
    "Write a commented mlops.yml and the GitHub workflows for this repository (never overwrites without --force)",
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
    "`mlops config set ...`): the ones init wrote are replaced, one edited by hand is kept unless --force.",
  ].join("\n"),
  options: {
    name: { type: "string", valueName: "model", description: "Model name (default: the folder's name)" },
    task: {
      type: "string",
      valueName: "task",
      description:
        "classification or regression (default: guessed from the target column's values, else classification)",
    },
    registry: {
      type: "string",
      valueName: "uri",
      description:
        "Where models are kept: github://owner/repo, s3://bucket/prefix, or a folder (default: this repository on GitHub, else .mlops/registry)",
    },
    python: { type: "string", valueName: "version", description: "Set up this Python in the workflows" },
    node: { type: "string", valueName: "version", description: "Set up this Node.js in the workflows" },
    schedule: {
      type: "string",
      valueName: "cron",
      description: 'Retrain on this schedule (UTC), e.g. "17 3 * * 1"; writes the retrain workflow',
    },
    data: {
      type: "string",
      valueName: "path",
      description: "Training data (data.train): a file or glob, relative to here; or an s3:// URI",
    },
    eval: {
      type: "string",
      valueName: "path",
      description: "Evaluation data (data.eval); default: the eval/test file beside --data, if any",
    },
    target: { type: "string", valueName: "column", description: "The target column (data.target)" },
    "no-workflows": { type: "boolean", description: "Write only mlops.yml" },
    workflows: {
      type: "boolean",
      description: "Regenerate only the workflows from the current mlops.yml (never touches mlops.yml)",
    },
    force: { type: "boolean", description: "Overwrite files that exist (with --workflows: ones edited by hand)" },
  },
  run: async (args, io) => {
    if (args.values.workflows === true) return refreshWorkflows(args, io);
    const git = systemGit(io.env);
    // The kit's actions are pinned to the commit this kit is (only needed when workflows are written).
    const kit =
      args.values["no-workflows"] === true
        ? null
        : await resolveKitRef(await kitRootOf(path.dirname(fileURLToPath(import.meta.url))), KIT_VERSION, git);
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
        schemaUrl: SCHEMA_URL,
      },
      git,
    );
    const shown = (file: string): string => path.relative(io.cwd, file) || file;
    const existing = existingTargets(plan);
    if (existing.length > 0 && args.values.force !== true) {
      const names = existing.map(shown);
      const overwrite = `pass --force to overwrite ${names.length === 1 ? "it" : "them"}; nothing was written`;
      // An existing config is an adopted repository: refreshing its workflows keeps every choice made in it.
      const configDir = path.dirname(plan.files[0]?.file ?? "");
      const adopted = existing.find((f) => path.dirname(f) === configDir);
      const refresh = `npx mlops-kit init --workflows${args.config === DEFAULT_CONFIG_FILE ? "" : ` --config ${args.config}`}`;
      throw new UsageError(`${names.join(", ")} already exist${names.length === 1 ? "s" : ""}`, {
        hint:
          adopted && plan.workflowOptions !== null
            ? `to keep ${shown(adopted)} and regenerate the workflows from it, run \`${refresh}\`; to start over, ${overwrite}`
            : overwrite,
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
      predict: plan.workflowOptions?.predict ?? null,
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
          backup: shown(plan.replaced.backup),
        },
        detected: {
          ...detected(plan),
          registryFrom: plan.registryFrom,
          data: plan.data,
          task: plan.task,
          scorePrefix: plan.scorePrefix,
          kit,
        },
        warnings: plan.loaded.warnings,
        nextSteps: steps,
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
        ...(kit ? [describeKit(kit)] : []),
        ...plan.loaded.warnings.map(formatDiagnostic),
        "",
        renderNextSteps(steps, stepsInput),
      ].join("\n"),
    };
  },
};

/** The options that choose what goes into mlops.yml: with --workflows, mlops.yml has already chosen. */
const CONFIG_CHOICES = ["name", "task", "registry", "schedule", "data", "eval", "target"] as const;

async function refreshWorkflows(args: CommandArgs, io: CommandIO): Promise<CommandOutcome> {
  if (args.values["no-workflows"] === true)
    throw new UsageError("pass --workflows (only the workflows) or --no-workflows (only mlops.yml), not both");
  const choice = CONFIG_CHOICES.find((option) => args.values[option] !== undefined);
  if (choice !== undefined)
    throw new UsageError(
      `--workflows reads the ${choice === "name" ? "model name" : choice} from mlops.yml, not --${choice}`,
      {
        hint: "change it in mlops.yml (`npx mlops-kit config set <path> <value>`), then run `npx mlops-kit init --workflows`",
      },
    );
  const git = systemGit(io.env);
  const kit = await resolveKitRef(await kitRootOf(path.dirname(fileURLToPath(import.meta.url))), KIT_VERSION, git);
  const plan = await planRefresh(
    {
      cwd: io.cwd,
      config: args.config,
      python: text(args.values.python),
      node: text(args.values.node),
      kit,
      force: args.values.force === true,
    },
    git,
  );
  await applyRefresh(plan);
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  const configFlag = args.config === DEFAULT_CONFIG_FILE ? "" : `--config ${shown(plan.loaded.file)}`;
  // Which approval applies to the deploys, and the environments to create: a deploy section is added to an existing
  // mlops.yml, so this is where the user reads it.
  const { delivery } = nextSteps({
    repository: plan.repository,
    model: plan.loaded.config.model.name,
    registryUri: plan.loaded.config.registry.uri,
    workflows: true,
    configFlag,
    deploy: plan.workflowOptions.deploy,
  });
  const deliveryText = renderDelivery({ delivery }, plan.repository.defaultBranch, configFlag);
  // A predict section is added to an existing mlops.yml too: what its workflow needs is said here.
  const scoringText = renderScoring(
    plan.workflowOptions.predict,
    plan.loaded.config.registry.uri,
    plan.repository.defaultBranch,
  );
  return {
    exitCode: ExitCode.ok,
    result: {
      ok: true,
      written: plan.files.map((f) => ({ path: shown(f.file), repoPath: f.repoPath, purpose: f.purpose })),
      kept: plan.kept.map((f) => ({ path: shown(f.file), repoPath: f.repoPath })),
      removed: plan.removed.map(shown),
      stale: plan.stale.map(shown),
      delivery,
      detected: { ...detected(plan), kit },
      warnings: plan.loaded.warnings,
    },
    text: [
      `Wrote (from ${plan.loaded.displayFile}, left as it was):`,
      ...(plan.files.length > 0 ? plan.files.map((f) => `  ${shown(f.file)}: ${f.purpose}`) : ["  nothing"]),
      ...(plan.kept.length > 0
        ? [
            "Kept, edited by hand since init wrote them (--force replaces them with the regenerated ones):",
            ...plan.kept.map((f) => `  ${shown(f.file)}`),
          ]
        : []),
      ...(plan.removed.length > 0
        ? [`Removed, no longer asked for by ${plan.loaded.displayFile}:`, ...plan.removed.map((f) => `  ${shown(f)}`)]
        : []),
      ...(plan.stale.length > 0
        ? [
            `Kept, no longer asked for by ${plan.loaded.displayFile} but edited by hand (delete it, or --force):`,
            ...plan.stale.map((f) => `  ${shown(f)}`),
          ]
        : []),
      "",
      describeKit(kit),
      ...plan.loaded.warnings.map(formatDiagnostic),
      ...(deliveryText.length > 0 ? ["", "Approvals for deploys:", ...deliveryText.map((line) => `  ${line}`)] : []),
      ...(scoringText.length > 0
        ? ["", "Batch scoring on a schedule:", ...scoringText.map((line) => `  ${line}`)]
        : []),
    ].join("\n"),
  };
}

function detected(plan: Pick<InitPlan, "repository" | "training">): Record<string, unknown> {
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
      notes: training.notes,
    },
  };
}

function describeDetection(plan: InitPlan): string[] {
  const { repository, training } = plan;
  const remote = repository.remote
    ? `${repository.remote.host}/${repository.remote.owner}/${repository.remote.repo}`
    : "no GitHub remote";
  const setup = training.setup ? `${training.setup.kind} ${training.setup.version} (${training.setupFrom})` : "none";
  return [
    `Repository: ${remote}; default branch ${repository.defaultBranch} (${repository.defaultBranchFrom}); mlops.yml in ${repository.workingDirectory === "." ? "the repository root" : repository.workingDirectory}.`,
    `Registry: ${plan.loaded.config.registry.uri ?? "a local folder (.mlops/registry)"}${REGISTRY_FROM[plan.registryFrom ?? "none"]}.`,
    `Training: ${training.command ? `\`${training.command}\` (${training.commandFrom})` : "no entry point found: set train.command"}; runtime: ${setup}.`,
    ...describeDvc(plan),
    ...training.notes.map((text) => `Note: ${text}.`),
  ];
}

/** What the workflows do about DVC, in one line; nothing for a project without DVC. */
function describeDvc(plan: InitPlan): string[] {
  const dvc = plan.workflowOptions?.dvc ?? (plan.training.dvc ? { remote: plan.training.dvc.remote } : null);
  if (dvc === null) return [];
  const remote = dvc.remote;
  if (remote === null) return ["DVC: no default remote in .dvc/config, so the workflows do not run `dvc pull`."];
  const install = `dvc${remote.extra ? `[${remote.extra}]` : ""}`;
  return [
    `DVC: remote "${remote.name}" (${remote.type}): the workflows install ${install} and run \`dvc pull\` before training; the step's comment says which credentials it needs.`,
  ];
}

/** The task line: what chose it, and how to change a guess (the gate's starter rules are the task's metrics). */
function describeTask(task: InitPlan["task"]): string {
  if (task.from === "--task") return `Task: ${task.task} (--task).`;
  const other = task.task === "classification" ? "regression" : "classification";
  const metrics = other === "regression" ? "r2, mae" : "accuracy, f1";
  return `Task: ${task.task} (${task.from}). If it is ${other}: \`npx mlops-kit config set model.task ${other}\`, and gate.rules on ${other} metrics (${metrics}, ...).`;
}

const REGISTRY_FROM: Record<NonNullable<InitPlan["registryFrom"]> | "none", string> = {
  "--registry": "",
  "replaced mlops.yml":
    " (kept from the mlops.yml --force replaced: the registry holds the champion, and init cannot find a folder or bucket again; --registry chooses another)",
  origin: " (this repository, from origin)",
  none: "",
};

const KIT_FROM: Record<KitRef["from"], string> = {
  release: "the installed release",
  checkout: "this git checkout of mlops-kit: the workflows find it once that commit is on GitHub",
  "git install": "the commit npm installed it from",
};

function describeKit(kit: KitRef): string {
  return `mlops-kit actions: pinned to ${kit.sha} # v${kit.version} (${KIT_FROM[kit.from]}).`;
}
