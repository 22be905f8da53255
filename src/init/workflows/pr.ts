import { informationalCheckName } from "../../github/pull-request.ts";
import {
  checkoutStep,
  jobPermissions,
  kitStep,
  pinned,
  registryCredentialsSteps,
  uploadHtmlReportStep,
} from "./building-blocks.ts";
import { commentAbove, commentAfter, type Job, type Step } from "./model.ts";
import {
  GATE_CHECK,
  REPORT_ARTIFACT,
  type ReusableDefinition,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
  type WorkflowValues,
} from "./options.ts";

/**
 * The pull-request check: validate, train (cached), evaluate and gate. It runs the pull request's code with a
 * read-only token, so it posts nothing itself: it uploads the gate's report for the reporting workflow (pr-report.ts).
 */

function gateJob(values: WorkflowValues): Job {
  return {
    name: GATE_CHECK,
    "runs-on": values.runsOnTraining,
    "timeout-minutes": 120,
    permissions: jobPermissions(
      values,
      "read",
      "read the registry by OIDC (same-repository pull requests; forks get no token)",
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
        with: { "github-token": commentAfter("", "posted by the reporting workflow, which has the write token") },
      }),
      uploadReportStep(),
      uploadHtmlReportStep(),
    ],
  };
}

/** The gate's result, for the reporting workflow (a hidden `.mlops` path: hence include-hidden-files). */
function uploadReportStep(): Step {
  return {
    name: "Keep the gate report for the reporting workflow",
    if: "always() && steps.gate.outputs.report != ''",
    uses: pinned("uploadArtifact"),
    with: {
      name: REPORT_ARTIFACT,
      path: "${{ steps.gate.outputs.report }}",
      "include-hidden-files": true,
      "retention-days": 7,
    },
  };
}

export function prTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate {
  return {
    file: "mlops-pr.yml",
    purpose: `pull requests: validate, train (cached), evaluate and gate; the "${GATE_CHECK}" check fails on a regression`,
    workflow: {
      header: [
        "mlops-kit: the pull-request check. Validates the data, trains (or reuses the cached run), evaluates, and gates",
        `the model against the registry's champion. The "${GATE_CHECK}" job fails on a real regression: make it a required`,
        "status check in branch protection. It runs with a read-only token (forks get no secrets), so the report is",
        `posted by ${WORKFLOW_NAMES.report} from the artifact this run uploads, with a check run that is informational:`,
        `"${informationalCheckName(options.model)}" shows what this run uploaded; never require it.`,
      ].join("\n"),
      name: WORKFLOW_NAMES.pr,
      on: {
        pull_request: commentAbove(
          "No paths filter: a required check whose workflow is skipped stays pending and blocks the merge.",
          null,
        ),
      },
      permissions: {},
      concurrency: { group: "mlops-pr-${{ github.event.pull_request.number }}", "cancel-in-progress": true },
      jobs: { gate: gateJob(values) },
    },
  };
}

export const prReusable: ReusableDefinition = {
  file: "mlops-pr.yml",
  name: WORKFLOW_NAMES.pr,
  summary: "validate, train, evaluate and gate a pull request",
  publishes: false,
  jobs: (values) => ({ gate: gateJob(values) }),
};
