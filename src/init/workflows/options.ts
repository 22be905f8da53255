import type { RegistryScheme, WorkflowNeeds } from "../../registry/backends/index.ts";
import type { DvcRemote } from "../dvc.ts";
import type { PythonEnvironment } from "../python-env.ts";
import type { Job, ListWithNotes, RunsOn, Step, Workflow, WorkflowInput } from "./model.ts";

/** What `mlops init` knows about the repository, and so what its workflows do. */
export interface WorkflowOptions {
  /** Model name: concurrency groups and job names per model. */
  model: string;
  /** Folder of mlops.yml relative to the repository root ("." at the root). */
  workingDirectory: string;
  /** mlops.yml's name inside that folder. */
  configFile: string;
  defaultBranch: string;
  setup: RuntimeSetup;
  /** DVC installed, and its data pulled before training when a remote is configured; null: no DVC. */
  dvc: DvcSetup | null;
  /**
   * The registry's backend: what its jobs need to reach it (for S3, OIDC credentials from repository variables, which
   * the run cache on S3 uses too).
   */
  registry: RegistryScheme;
  /** retrain.schedule and retrain.timezone from mlops.yml; null writes no retrain workflow. */
  schedule: { cron: string; timezone: string } | null;
  /** train.runs_on: labels of the runners that train (e.g. [self-hosted, gpu]). */
  trainRunsOn: string[] | null;
  /** train.matrix is set: write the sweep workflow. */
  sweep: boolean;
  /** The monitor section of mlops.yml, as the scheduled monitor workflow needs it; null writes no monitor workflow. */
  monitor: MonitorWorkflow | null;
  /** The predict section of mlops.yml, as the scheduled batch-scoring workflow needs it; null writes none. */
  predict: PredictWorkflow | null;
  /** The deploy section of mlops.yml, as the deploy jobs need it; null writes none. */
  deploy: DeployWorkflow | null;
  /** publish.attest: the publish job attests each version's manifest (build provenance). */
  attest: boolean;
  /** registry.signing.key_env: the secret the publish step signs with; null when versions are not signed in CI. */
  signingKeyEnv: string | null;
  /** Which mlops-kit the workflows run: `mlops init` pins the commit it was installed from (src/init/kit-ref.ts). */
  kit: KitActions;
}

/**
 * What the deploy jobs are written from (deploy: in mlops.yml, docs/delivery.md). `environment` approval puts them in
 * the main workflow after publish; `dispatch` in mlops-promote.yml, run by hand on the default branch.
 */
export interface DeployWorkflow {
  approval: "environment" | "dispatch";
  /** In config order. */
  targets: DeployTargetWorkflow[];
  /** deploy.canary: its target, the target a pass goes to, and the bake in minutes. */
  canary: { target: string; promoteTo: string; bakeMinutes: number } | null;
}

export interface DeployTargetWorkflow {
  /** The target's name in deploy.targets. */
  name: string;
  alias: string;
  /** The GitHub Environment its job runs in. */
  environment: string;
  /** The deploy command's time limit (deploy.targets.*.timeout_minutes). */
  timeoutMinutes: number;
}

/** What the scheduled monitor workflow (mlops-monitor.yml) is written from: monitor.schedule, monitor.shards, the logs. */
export interface MonitorWorkflow {
  /** monitor.schedule: a 5-field cron, UTC. */
  cron: string;
  /** monitor.shards: 1 is one job; more is a matrix of legs and a merge job. */
  shards: number;
  /** The prediction logs or the labels are on S3 (s3://): the jobs that read them need AWS credentials. */
  logsOnS3: boolean;
  /** monitor.alerts.issue.open: the job that judges opens, updates and closes the monitoring issue. */
  issues: boolean;
  /** A rule has `action: retrain`: the job that judges runs mlops-retrain.yml by workflow_dispatch. */
  dispatch: boolean;
  /** monitor.alerts.webhook.url_env: the variable the job that judges sets from the secret of the same name. */
  webhookEnv: string | null;
}

/** What the scheduled batch-scoring workflow (mlops-predict.yml) is written from: predict.schedule, shards, places. */
export interface PredictWorkflow {
  /** predict.schedule: a 5-field cron, UTC. */
  cron: string;
  /** predict.shards: 1 is one job; more is a version job, a matrix of legs and a finish job. */
  shards: number;
  /** predict.input names s3:// URIs: the jobs that read it need AWS credentials. */
  inputOnS3: boolean;
  /** predict.output is an s3:// URI; else a folder, which a run keeps as an artifact. */
  outputOnS3: boolean;
}

/**
 * How a workflow names the kit's own actions. `commit`: pinned to a full commit SHA with the version as a comment,
 * like every third-party action (what `mlops init` writes). `tag`: the release tag, for the committed copies in
 * workflows/, which cannot hold the SHA of the commit they are part of. `self`: `$/actions/x`, the kit at the very
 * commit the caller pinned the reusable workflow to (the reusable workflows in .github/workflows/).
 */
export type KitActions =
  { kind: "commit"; sha: string; version: string } | { kind: "tag"; version: string } | { kind: "self" };

/**
 * The runtime training needs. For Python, `environment` names the tool that installs the dependencies and the file
 * that lists them (src/init/python-env.ts); without one, the workflows set up Python and leave a note where to
 * install.
 */
export type RuntimeSetup =
  { kind: "python"; version: string; environment?: PythonEnvironment } | { kind: "node"; version: string } | null;

/**
 * DVC in the workflows: installed (with the extra its remote needs, `dvc[s3]`), and `dvc pull` before training when
 * `remote` is set. Init asks for it when the commands run `dvc` or the project has a default remote.
 */
export interface DvcSetup {
  remote: DvcRemote | null;
}

/** The names GitHub shows; `GATE_CHECK` is the required status check for branch protection. */
export const WORKFLOW_NAMES = {
  pr: "mlops PR",
  report: "mlops PR report",
  main: "mlops main",
  retrain: "mlops retrain",
  sweep: "mlops sweep",
  monitor: "mlops monitor",
  predict: "mlops predict",
  promote: "mlops promote",
} as const;
export const GATE_CHECK = "mlops gate";
export const REPORT_ARTIFACT = "mlops-gate-report";
/** The run's HTML report (report.html): its own artifact, apart from the gate.json the reporting workflow reads. */
export const HTML_REPORT_ARTIFACT = "mlops-run-report";

/** A monitor leg's shard file, one artifact per leg (`mlops-monitor-shard-<i>`), downloaded by the merge job. */
export const MONITOR_SHARD_ARTIFACT = "mlops-monitor-shard";

/** A scheduled scoring run's complete result, when predict.output is a folder on the runner. */
export const PREDICTIONS_ARTIFACT = "mlops-predictions";

/** The model's page (`mlops models report`) the main workflow keeps after each publish. */
export const MODEL_PAGE_ARTIFACT = "mlops-model-page";

/** A workflow of a user's repository, before it is written. */
export interface WorkflowTemplate {
  /** The file name under `.github/workflows/` (init) or `workflows/` (the kit's templates). */
  file: string;
  /** One line on what it does, for `mlops init`'s output and the docs. */
  purpose: string;
  workflow: Workflow;
}

/**
 * A workflow the kit also ships as a reusable one (`on: workflow_call`): the same jobs, their values read from the
 * caller's inputs (see reusable.ts).
 */
export interface ReusableDefinition {
  file: string;
  /** The workflow's name, which GitHub shows. */
  name: string;
  /** What it does, after the name. */
  summary: string;
  /** Inputs beyond the ones every reusable workflow takes. */
  inputs?: Record<string, WorkflowInput>;
  /** It publishes: one run at a time per calling repository and config. */
  publishes: boolean;
  jobs: (values: WorkflowValues) => Record<string, Job>;
}

/** An AWS role, and the `if:` that skips its step when the role is not configured. */
export interface AwsRole {
  condition: string;
  arn: string;
}

/** Where a job's values come from: literal in a user's workflow, `inputs.*` expressions in a reusable one. */
export interface WorkflowValues {
  config: string;
  workingDirectory: string;
  runsOnTraining: RunsOn;
  /** What the jobs need to reach the registry: its backend's permissions and credentials (registry/backends/). */
  registry: WorkflowNeeds;
  /** The roles per access level for `aws-oidc` credentials; null when the registry needs no AWS credentials. */
  aws: { read: AwsRole; write: AwsRole; region: string } | null;
  /** What training needs before our actions run (a runtime and its dependencies), or a note saying where it goes. */
  setupSteps: ListWithNotes<Step>;
  /** How the steps name the kit's own actions. */
  kit: KitActions;
}
