import { informationalCheckName } from "../github/pull-request.ts";
import { KIT_ACTIONS, KIT_REF, PINNED } from "./pins.ts";

/**
 * The GitHub workflows of the product, written by one function so that the templates in `workflows/`, the reusable
 * workflows in `.github/workflows/` and what `mlops init` writes into a user's repository are the same by
 * construction (test/workflows checks the committed ones are fresh, valid for GitHub's parser and secure).
 *
 * Security by default (PLATFORM.md): `permissions: {}` at the top and least privilege per job; third-party actions
 * pinned by SHA; no untrusted context inside `run:`; the pull-request job runs with a read-only token and uploads its
 * report, which a trusted `workflow_run` job posts (fork-safe); cache writes only from trusted events.
 */

export type RuntimeSetup = { kind: "python"; version: string } | { kind: "node"; version: string } | null;

export interface WorkflowOptions {
  /** Model name: concurrency groups and job names per model. */
  model: string;
  /** Folder of mlops.yml relative to the repository root ("." at the root). */
  workingDirectory: string;
  /** mlops.yml's name inside that folder. */
  configFile: string;
  defaultBranch: string;
  setup: RuntimeSetup;
  /** The registry (and run cache) is on S3: add OIDC credentials from repository variables. */
  s3: boolean;
  /** retrain.schedule and retrain.timezone from mlops.yml; null writes no retrain workflow. */
  schedule: { cron: string; timezone: string } | null;
  /** train.runs_on: labels of the runners that train (e.g. [self-hosted, gpu]). */
  trainRunsOn: string[] | null;
  /** train.matrix is set: write the sweep workflow. */
  sweep: boolean;
}

export interface WorkflowFile {
  /** Relative to the repository root (init) or to the kit's repository (templates). */
  path: string;
  content: string;
  /** One line on what it does, for `mlops init`'s output and the README. */
  purpose: string;
}

/** The names GitHub shows; `gateCheck` is the required status check for branch protection. */
export const WORKFLOW_NAMES = {
  pr: "mlops PR",
  report: "mlops PR report",
  main: "mlops main",
  retrain: "mlops retrain",
  sweep: "mlops sweep",
} as const;
export const GATE_CHECK = "mlops gate";
export const REPORT_ARTIFACT = "mlops-gate-report";

// --- building blocks ------------------------------------------------------------------------------------------------

/** Where a value comes from: literal in a template, an `inputs.*` expression in a reusable workflow. */
interface AwsRole {
  /** The `if:` that skips the step when the role is not configured (empty: always run). */
  condition: string;
  arn: string;
}

interface Values {
  config: string;
  workingDirectory: string;
  runsOnTraining: string;
  /** null: no AWS step at all (the registry needs no credentials). Otherwise the role per access level. */
  aws: { read: AwsRole; write: AwsRole; region: string } | null;
  setupSteps: string[];
}

/**
 * A value for a YAML line: bare when it is plainly safe, else a double-quoted scalar (a JSON string literal is one),
 * so a folder or branch name with spaces, `#` or `:` can never change the workflow's structure.
 */
export function yamlValue(text: string): string {
  // A lone `${{ ... }}` expression (a reusable workflow's input) is a safe plain scalar; GitHub evaluates it.
  return /^[A-Za-z0-9._/-]+$/.test(text) || /^\$\{\{[^{}]*\}\}$/.test(text) ? text : JSON.stringify(text);
}

const indent = (lines: string[], spaces: number): string[] =>
  lines.map((line) => (line === "" ? line : " ".repeat(spaces) + line));

/** A step of one of our actions, with config and working-directory only where they differ from the defaults. */
function kitStep(
  action: string,
  values: Values,
  extra: { id?: string; name?: string; if?: string; with?: Record<string, string>; continueOnError?: boolean } = {},
): string[] {
  const inputs: string[] = [];
  if (values.config !== "mlops.yml") inputs.push(`config: ${yamlValue(values.config)}`);
  if (values.workingDirectory !== ".") inputs.push(`working-directory: ${yamlValue(values.workingDirectory)}`);
  for (const [key, value] of Object.entries(extra.with ?? {})) inputs.push(`${key}: ${value}`);
  const keys: string[] = [];
  if (extra.name) keys.push(`name: ${extra.name}`);
  if (extra.id) keys.push(`id: ${extra.id}`);
  if (extra.if) keys.push(`if: ${extra.if}`);
  if (extra.continueOnError) keys.push("continue-on-error: true");
  keys.push(`uses: ${KIT_ACTIONS}/${action}@${KIT_REF}`);
  if (inputs.length > 0) keys.push("with:", ...indent(inputs, 2));
  return keys.map((line, index) => (index === 0 ? `- ${line}` : `  ${line}`));
}

function checkoutStep(): string[] {
  return [`- uses: ${PINNED.checkout}`, "  with:", "    persist-credentials: false"];
}

/**
 * Pull requests assume a read-only role (they run the pull request's code); only trusted runs on the default branch
 * assume the role that writes the registry and the run cache.
 */
function awsStep(values: Values, access: "read" | "write"): string[] {
  if (values.aws === null) return [];
  const role = values.aws[access];
  return [
    `- name: AWS credentials for the registry (${access}), by OIDC`,
    ...(role.condition ? [`  if: ${role.condition}`] : []),
    `  uses: ${PINNED.awsCredentials}`,
    "  with:",
    `    role-to-assume: ${role.arn}`,
    `    aws-region: ${values.aws.region}`,
  ];
}

function setupSteps(setup: RuntimeSetup, workingDirectory: string): string[] {
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
      "  run: if [ -f requirements.txt ]; then pip install -r requirements.txt; fi",
    ];
  }
  return [
    `- uses: ${PINNED.setupNode}`,
    "  with:",
    `    node-version: "${setup.version}"`,
    "- name: Install the training dependencies",
    ...at,
    "  run: if [ -f package-lock.json ]; then npm ci; fi",
  ];
}

function header(comment: string[]): string[] {
  return [...comment.map((line) => `# ${line}`.trimEnd())];
}

/** The artifact path of the gate's result inside the workspace (hidden `.mlops` folder: see include-hidden-files). */
function uploadReport(): string[] {
  return [
    "- name: Keep the gate report for the reporting workflow",
    "  if: always() && steps.gate.outputs.report != ''",
    `  uses: ${PINNED.uploadArtifact}`,
    "  with:",
    `    name: ${REPORT_ARTIFACT}`,
    "    path: ${{ steps.gate.outputs.report }}",
    "    include-hidden-files: true",
    "    retention-days: 7",
  ];
}

// --- the jobs (shared by templates and reusable workflows) -------------------------------------------------------

function prJob(values: Values): string[] {
  return [
    "gate:",
    `  name: ${GATE_CHECK}`,
    `  runs-on: ${values.runsOnTraining}`,
    "  timeout-minutes: 120",
    "  permissions:",
    "    contents: read",
    ...(values.aws === null
      ? []
      : ["    id-token: write # read the registry by OIDC (same-repository pull requests; forks get no token)"]),
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
          with: { "github-token": '"" # posted by the reporting workflow, which has the write token' },
        }),
        ...uploadReport(),
      ],
      4,
    ),
  ];
}

function reportJob(values: Values, trigger: "workflow_run" | "workflow_call"): string[] {
  const runId = "${{ github.event.workflow_run.id }}";
  return [
    "report:",
    "  name: mlops report",
    ...(trigger === "workflow_run" ? ["  if: github.event.workflow_run.event == 'pull_request'"] : []),
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
          with: { report: "${{ runner.temp }}/mlops-report/gate.json" },
        }),
      ],
      4,
    ),
  ];
}

function mainJob(values: Values): string[] {
  return [
    "publish:",
    "  name: mlops publish",
    `  runs-on: ${values.runsOnTraining}`,
    "  timeout-minutes: 120",
    "  permissions:",
    "    contents: read",
    ...(values.aws === null ? [] : ["    id-token: write # write to the registry by OIDC"]),
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
        "    exit 1",
      ],
      4,
    ),
  ];
}

function retrainJob(values: Values, forceExpression: string): string[] {
  return [
    "retrain:",
    "  name: mlops retrain",
    `  runs-on: ${values.runsOnTraining}`,
    "  timeout-minutes: 360",
    "  permissions:",
    "    contents: read",
    "    issues: write # one issue per model when a retrain fails or is blocked; closed when one succeeds",
    ...(values.aws === null ? [] : ["    id-token: write # read and write the registry by OIDC"]),
    "  steps:",
    ...indent(
      [
        ...checkoutStep(),
        ...awsStep(values, "write"),
        ...values.setupSteps,
        "# Decides (drift against the champion's training data, its age, new data), then trains, gates against the",
        "# champion, publishes, and promotes only a better model. Its outputs say what happened and why.",
        ...kitStep("retrain", values, { id: "retrain", with: { force: forceExpression } }),
      ],
      4,
    ),
  ];
}

function sweepJobs(values: Values): string[] {
  const leg = (lines: string[]): string[] => indent(lines, 4);
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
    ...(values.aws === null ? [] : ["    id-token: write # the run cache and the registry by OIDC"]),
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
      "    retention-days: 7",
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
      ...kitStep("select", values, { id: "select", with: { results: "${{ runner.temp }}/legs" } }),
    ]),
  ];
}

// --- templates (literal values) -----------------------------------------------------------------------------------

function templateValues(options: WorkflowOptions): Values {
  const runsOn =
    options.trainRunsOn && options.trainRunsOn.length > 0
      ? `[${options.trainRunsOn.map(yamlValue).join(", ")}]`
      : "ubuntu-latest";
  return {
    config: options.configFile,
    workingDirectory: options.workingDirectory,
    runsOnTraining: runsOn,
    aws: options.s3
      ? {
          read: { condition: "vars.MLOPS_AWS_READ_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_READ_ROLE_ARN }}" },
          write: { condition: "vars.MLOPS_AWS_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_ROLE_ARN }}" },
          region: "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}",
        }
      : null,
    setupSteps: setupSteps(options.setup, options.workingDirectory),
  };
}

const concurrencyOfModel = (model: string): string[] => [
  "# One publish at a time per model; every push gets its turn, in order.",
  "concurrency:",
  `  group: mlops-publish-${model}`,
  "  queue: max",
];

export function workflowTemplates(options: WorkflowOptions): WorkflowFile[] {
  const values = templateValues(options);
  const files: WorkflowFile[] = [];
  const file = (name: string, purpose: string, lines: string[]): void => {
    files.push({ path: name, content: `${lines.join("\n")}\n`, purpose });
  };
  const jobs = (lines: string[]): string[] => ["jobs:", ...indent(lines, 2)];

  file(
    "mlops-pr.yml",
    `pull requests: validate, train (cached), evaluate and gate; the "${GATE_CHECK}" check fails on a regression`,
    [
      ...header([
        "mlops-kit: the pull-request check. Validates the data, trains (or reuses the cached run), evaluates, and gates",
        `the model against the registry's champion. The "${GATE_CHECK}" job fails on a real regression: make it a required`,
        "status check in branch protection. It runs with a read-only token (forks get no secrets), so the report is",
        `posted by ${WORKFLOW_NAMES.report} from the artifact this run uploads, with a check run that is informational:`,
        `"${informationalCheckName(options.model)}" shows what this run uploaded; never require it.`,
      ]),
      `name: ${WORKFLOW_NAMES.pr}`,
      "on:",
      "  # No paths filter: a required check whose workflow is skipped stays pending and blocks the merge.",
      "  pull_request:",
      "permissions: {}",
      "concurrency:",
      "  group: mlops-pr-${{ github.event.pull_request.number }}",
      "  cancel-in-progress: true",
      ...jobs(prJob(values)),
    ],
  );

  file(
    "mlops-pr-report.yml",
    "posts the sticky pull-request comment and an informational check run from the PR run's report (fork-safe)",
    [
      ...header([
        `mlops-kit: posts the gate report of each "${WORKFLOW_NAMES.pr}" run to its pull request: a sticky comment and a`,
        "check run on the head commit. It runs in the trusted context of the default branch with a write token, never",
        "runs the pull request's code, and treats the downloaded report as untrusted input. The check run,",
        `"${informationalCheckName(options.model)}", shows what the pull request's run uploaded, which a fork can`,
        `change: it is informational, never a required check. The required check is "${GATE_CHECK}" in ${WORKFLOW_NAMES.pr}.`,
      ]),
      `name: ${WORKFLOW_NAMES.report}`,
      "on:",
      "  workflow_run:",
      `    workflows: [${WORKFLOW_NAMES.pr}]`,
      "    types: [completed]",
      "permissions: {}",
      ...jobs(reportJob(values, "workflow_run")),
    ],
  );

  file(
    "mlops-main.yml",
    `pushes to ${options.defaultBranch}: the pipeline, then publish; promote when the gate passed`,
    [
      ...header([
        `mlops-kit: on every push to ${options.defaultBranch}, the same pipeline, then the model is published to the registry`,
        "(a new immutable version with its manifest) and promoted to champion when it passed the gate.",
      ]),
      `name: ${WORKFLOW_NAMES.main}`,
      "on:",
      "  push:",
      `    branches: [${yamlValue(options.defaultBranch)}]`,
      "  workflow_dispatch:",
      "permissions: {}",
      ...concurrencyOfModel(options.model),
      ...jobs(mainJob(values)),
    ],
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
          "closed again by the next success. Scheduled runs use the default branch; GitHub may delay them under load.",
        ]),
        `name: ${WORKFLOW_NAMES.retrain}`,
        "on:",
        "  schedule:",
        `    - cron: "${options.schedule.cron}"`,
        ...(options.schedule.timezone === "UTC" ? [] : [`      timezone: ${yamlValue(options.schedule.timezone)}`]),
        "  workflow_dispatch:",
        "    inputs:",
        "      force:",
        "        description: Retrain even if nothing calls for it",
        "        type: boolean",
        "        default: false",
        "permissions: {}",
        ...concurrencyOfModel(options.model),
        ...jobs(retrainJob(values, "${{ inputs.force || false }}")),
      ],
    );
  }

  if (options.sweep) {
    file("mlops-sweep.yml", "a hyperparameter sweep: one job per train.matrix leg, then the best leg", [
      ...header([
        "mlops-kit: a hyperparameter sweep. `plan` turns train.matrix into a GitHub matrix, each leg trains and evaluates",
        "on its own runner (train.runs_on), and `select` picks the best leg by the gate's primary metric.",
      ]),
      `name: ${WORKFLOW_NAMES.sweep}`,
      "on:",
      "  workflow_dispatch:",
      "permissions: {}",
      ...jobs(sweepJobs(values)),
    ]);
  }
  return files;
}

// --- reusable workflows (values from workflow_call inputs) ----------------------------------------------------------

const REUSABLE_INPUTS = [
  "config:",
  "  description: Path of mlops.yml, relative to working-directory.",
  "  type: string",
  "  default: mlops.yml",
  "working-directory:",
  "  description: Folder of mlops.yml, relative to the repository root.",
  "  type: string",
  '  default: "."',
  "runs-on:",
  '  description: Runner labels for the training jobs, as JSON (e.g. ["self-hosted", "gpu"]).',
  "  type: string",
  "  default: '\"ubuntu-latest\"'",
  "aws-role-arn:",
  "  description: IAM role to assume by OIDC for an S3 registry (a read-only one for pull requests); empty for none.",
  "  type: string",
  '  default: ""',
  "aws-region:",
  "  description: AWS region of the registry bucket.",
  "  type: string",
  "  default: us-east-1",
  "python-version:",
  "  description: Set up this Python (and pip install -r requirements.txt) before training; empty for none.",
  "  type: string",
  '  default: ""',
  "node-version:",
  "  description: Set up this Node.js (and npm ci) before training; empty for none.",
  "  type: string",
  '  default: ""',
];

function reusableValues(): Values {
  const at = ["  working-directory: ${{ inputs.working-directory }}"];
  return {
    config: "${{ inputs.config }}",
    workingDirectory: "${{ inputs.working-directory }}",
    runsOnTraining: "${{ fromJSON(inputs.runs-on) }}",
    // The caller passes the role that fits the flow (read-only for pull requests).
    aws: {
      read: { condition: "inputs.aws-role-arn != ''", arn: "${{ inputs.aws-role-arn }}" },
      write: { condition: "inputs.aws-role-arn != ''", arn: "${{ inputs.aws-role-arn }}" },
      region: "${{ inputs.aws-region }}",
    },
    setupSteps: [
      `- if: inputs.python-version != ''`,
      `  uses: ${PINNED.setupPython}`,
      "  with:",
      "    python-version: ${{ inputs.python-version }}",
      `- if: inputs.node-version != ''`,
      `  uses: ${PINNED.setupNode}`,
      "  with:",
      "    node-version: ${{ inputs.node-version }}",
      "- name: Install the training dependencies",
      ...at,
      "  run: |",
      "    if [ -f requirements.txt ] && command -v pip >/dev/null; then pip install -r requirements.txt; fi",
      "    if [ -f package-lock.json ] && command -v npm >/dev/null; then npm ci; fi",
    ],
  };
}

export function reusableWorkflows(): WorkflowFile[] {
  const values = reusableValues();
  const file = (
    name: string,
    purpose: string,
    extraInputs: string[],
    jobs: string[],
    concurrency: boolean,
  ): WorkflowFile => ({
    path: name,
    purpose,
    content: `${[
      ...header([
        `mlops-kit reusable workflow: ${purpose}.`,
        `Call it with \`uses: mlops-kit/mlops-kit/.github/workflows/${name}@${KIT_REF}\` (see the README).`,
      ]),
      `name: ${purpose.split(":")[0]}`,
      "on:",
      "  workflow_call:",
      "    inputs:",
      ...indent([...REUSABLE_INPUTS, ...extraInputs], 6),
      "permissions: {}",
      ...(concurrency
        ? [
            "# One publish at a time per calling repository and config; every run gets its turn, in order.",
            "concurrency:",
            "  group: mlops-publish-${{ github.repository }}-${{ inputs.working-directory }}-${{ inputs.config }}",
            "  queue: max",
          ]
        : []),
      "jobs:",
      ...indent(jobs, 2),
    ].join("\n")}\n`,
  });
  return [
    file("mlops-pr.yml", "mlops PR: validate, train, evaluate and gate a pull request", [], prJob(values), false),
    file(
      "mlops-pr-report.yml",
      "mlops PR report: post a pull-request run's gate report (call it from a workflow_run job)",
      [],
      reportJob(values, "workflow_call"),
      false,
    ),
    file(
      "mlops-main.yml",
      "mlops main: the pipeline, publish, and promotion when the gate passed",
      [],
      mainJob(values),
      true,
    ),
    file(
      "mlops-retrain.yml",
      "mlops retrain: decide, retrain, gate against the champion, promote only a better model",
      ["force:", "  description: Retrain even if nothing calls for it.", "  type: boolean", "  default: false"],
      retrainJob(values, "${{ inputs.force }}"),
      true,
    ),
    file(
      "mlops-sweep.yml",
      "mlops sweep: train each train.matrix leg on its own runner, then pick the best",
      [],
      sweepJobs(values),
      false,
    ),
  ];
}

/** The options the committed templates in workflows/ are rendered with (a single model at the repository root). */
export const TEMPLATE_DEFAULTS: WorkflowOptions = {
  model: "my-model",
  workingDirectory: ".",
  configFile: "mlops.yml",
  defaultBranch: "main",
  setup: null,
  s3: true,
  schedule: { cron: "17 3 * * 1", timezone: "UTC" },
  trainRunsOn: null,
  sweep: true,
};
