import { KIT_VERSION } from "../version.ts";
import { KIT_REPOSITORY } from "./pins.ts";
import { templateValues } from "./workflows/building-blocks.ts";
import type { WorkflowValues } from "./workflows/options.ts";
import { promoteTemplate } from "./workflows/deploy.ts";
import { mainReusable, mainTemplate } from "./workflows/main.ts";
import { monitorTemplate } from "./workflows/monitor.ts";
import { predictTemplate } from "./workflows/predict.ts";
import type { ReusableDefinition, WorkflowOptions, WorkflowTemplate } from "./workflows/options.ts";
import { prReportReusable, prReportTemplate } from "./workflows/pr-report.ts";
import { prReusable, prTemplate } from "./workflows/pr.ts";
import { renderWorkflow } from "./workflows/render.ts";
import { retrainReusable, retrainTemplate } from "./workflows/retrain.ts";
import { reusablePurpose, reusableWorkflow } from "./workflows/reusable.ts";
import { sweepReusable, sweepTemplate } from "./workflows/sweep.ts";

export {
  type DeployWorkflow,
  type DvcSetup,
  GATE_CHECK,
  type MonitorWorkflow,
  type PredictWorkflow,
  REPORT_ARTIFACT,
  type RuntimeSetup,
  WORKFLOW_NAMES,
  type WorkflowOptions,
} from "./workflows/options.ts";

/**
 * The GitHub workflows of the product, built as objects (one file per workflow in `src/init/workflows/`) and
 * written by the `yaml` library, so that the templates in `workflows/`, the reusable workflows in `.github/workflows/`
 * and what `mlops init` writes into a user's repository are the same by construction (test/workflows checks the
 * committed ones are fresh, valid for GitHub's parser and secure).
 *
 * Security by default (PLATFORM.md): `permissions: {}` at the top and least privilege per job; third-party actions
 * pinned by SHA; no untrusted context inside `run:`; the pull-request job runs with a read-only token and uploads its
 * report, which a trusted `workflow_run` job posts (fork-safe); cache writes only from trusted events.
 *
 * A new workflow is one file exporting its template (and its reusable form, if the kit ships one) and one entry in
 * each list below.
 */

/** A user's workflows, in the order `mlops init` lists them; a template returns null when it does not apply. */
const TEMPLATES: ((options: WorkflowOptions, values: WorkflowValues) => WorkflowTemplate | null)[] = [
  prTemplate,
  prReportTemplate,
  mainTemplate,
  retrainTemplate,
  sweepTemplate,
  monitorTemplate,
  predictTemplate,
  promoteTemplate,
];

/** The reusable workflows the kit ships under `.github/workflows/`. */
const REUSABLE: ReusableDefinition[] = [prReusable, prReportReusable, mainReusable, retrainReusable, sweepReusable];

export interface WorkflowFile {
  /** Relative to the repository root (init) or to the kit's repository (templates). */
  path: string;
  content: string;
  /** One line on what it does, for `mlops init`'s output and the docs. */
  purpose: string;
}

export function workflowTemplates(options: WorkflowOptions): WorkflowFile[] {
  const values = templateValues(options);
  return TEMPLATES.flatMap((template) => {
    const built = template(options, values);
    if (built === null) return [];
    const workflow =
      options.kit.kind === "tag"
        ? { ...built.workflow, header: `${built.workflow.header}\n${tagNote(options.kit.version)}` }
        : built.workflow;
    return [{ path: built.file, content: renderWorkflow(workflow), purpose: built.purpose }];
  });
}

/** Why a committed copy names the release tag, and how to pin it as `mlops init` does. */
function tagNote(version: string): string {
  return [
    `\`mlops init\` writes this workflow with the kit's actions pinned to the commit of v${version}; copied by hand,`,
    `pin them yourself: \`git ls-remote https://github.com/${KIT_REPOSITORY} v${version}\` prints that commit.`,
  ].join("\n");
}

export function reusableWorkflows(): WorkflowFile[] {
  return REUSABLE.map((definition) => ({
    path: definition.file,
    content: renderWorkflow(reusableWorkflow(definition)),
    purpose: reusablePurpose(definition),
  }));
}

/**
 * The options the committed templates in workflows/ are rendered with (a single model at the repository root). They
 * name the release tag of this version: a commit cannot hold its own SHA, and a SHA from the checkout would make
 * `npm run docs` differ on every commit.
 */
export const TEMPLATE_DEFAULTS: WorkflowOptions = {
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
      { name: "production", alias: "champion", environment: "production", timeoutMinutes: 30 },
    ],
    canary: { target: "canary", promoteTo: "production", bakeMinutes: 120 },
  },
  attest: true,
  signingKeyEnv: null,
  kit: { kind: "tag", version: KIT_VERSION },
};
