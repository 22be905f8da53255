import {
  checkoutStep,
  jobPermissions,
  kitStep,
  pinned,
  publishConcurrency,
  registryCredentialsSteps,
  uploadHtmlReportStep,
} from "./building-blocks.ts";
import { type Job, note, type Step } from "./model.ts";
import {
  MODEL_PAGE_ARTIFACT,
  type ReusableDefinition,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
  type WorkflowValues,
} from "./options.ts";

/**
 * Every push to the default branch: the same pipeline as a pull request, then publish a new version to the registry,
 * promoted to champion only when the gate passed.
 */

function publishJob(values: WorkflowValues): Job {
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
      kitStep("publish", values, { id: "publish", if: "${{ !cancelled() && steps.evaluate.outcome == 'success' }}" }),
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
          "",
        ].join("\n"),
      },
    ],
  };
}

/**
 * After a publish, the model's page (every version, metrics over versions, the alias history): its markdown in the
 * job summary, its HTML file kept as an artifact. The page only informs: a failure to make it does not fail the run.
 */
function modelPageSteps(values: WorkflowValues): Step[] {
  return [
    kitStep("models-report", values, {
      name: "The model's page in the job summary",
      id: "page",
      if: "${{ !cancelled() && steps.publish.outcome == 'success' }}",
      "continue-on-error": true,
    }),
    {
      name: "Keep the model's page",
      if: "${{ !cancelled() && steps.page.outputs.file != '' }}",
      uses: pinned("uploadArtifact"),
      with: {
        name: MODEL_PAGE_ARTIFACT,
        path: "${{ steps.page.outputs.file }}",
        "include-hidden-files": true,
        "retention-days": 30,
      },
    },
  ];
}

export function mainTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate {
  return {
    file: "mlops-main.yml",
    purpose: `pushes to ${options.defaultBranch}: the pipeline, then publish; promote when the gate passed`,
    workflow: {
      header: [
        `mlops-kit: on every push to ${options.defaultBranch}, the same pipeline, then the model is published to the registry`,
        "(a new immutable version with its manifest) and promoted to champion when it passed the gate.",
      ].join("\n"),
      name: WORKFLOW_NAMES.main,
      on: { push: { branches: [options.defaultBranch] }, workflow_dispatch: null },
      permissions: {},
      concurrency: publishConcurrency(options.model),
      jobs: { publish: publishJob(values) },
    },
  };
}

export const mainReusable: ReusableDefinition = {
  file: "mlops-main.yml",
  name: WORKFLOW_NAMES.main,
  summary: "the pipeline, publish, and promotion when the gate passed",
  publishes: true,
  jobs: (values) => ({ publish: publishJob(values) }),
};
