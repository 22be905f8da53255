import { informationalCheckName } from "../../github/pull-request.ts";
import { checkoutStep, kitStep, pinned } from "./building-blocks.ts";
import type { WorkflowValues } from "./options.ts";
import { commentAbove, commentAfter, type Job, note } from "./model.ts";
import {
  GATE_CHECK,
  REPORT_ARTIFACT,
  type ReusableDefinition,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
} from "./options.ts";

/**
 * Fork-safe reporting (PLATFORM.md): a trusted `workflow_run` job downloads the report the pull-request run uploaded,
 * and our report action validates it as untrusted data before it comments and creates the check run.
 */

function reportJob(values: WorkflowValues, trigger: "workflow_run" | "workflow_call"): Job {
  return {
    name: "mlops report",
    // A caller of the reusable workflow decides itself which runs it reports on.
    if: trigger === "workflow_run" ? "github.event.workflow_run.event == 'pull_request'" : undefined,
    "runs-on": "ubuntu-latest",
    permissions: {
      contents: commentAfter("read", "the default branch's mlops.yml (report settings), never the pull request's code"),
      actions: commentAfter("read", "the pull-request run's artifact"),
      "pull-requests": commentAfter("write", "the sticky comment"),
      checks: commentAfter("write", "the check run on the pull request's head commit"),
    },
    steps: [
      checkoutStep(),
      {
        name: "Fetch the gate report of the pull request's run",
        id: "fetch",
        "continue-on-error": commentAbove(
          "No artifact: the run stopped before the gate, and its own failed check says why.",
          true,
        ),
        uses: pinned("downloadArtifact"),
        with: {
          name: REPORT_ARTIFACT,
          "run-id": "${{ github.event.workflow_run.id }}",
          "github-token": "${{ github.token }}",
          path: "${{ runner.temp }}/mlops-report",
        },
      },
      note("The artifact is untrusted input (a fork wrote it): the report action validates it before posting."),
      kitStep("report", values, {
        if: "steps.fetch.outcome == 'success'",
        with: { report: "${{ runner.temp }}/mlops-report/gate.json" },
      }),
    ],
  };
}

export function prReportTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate {
  return {
    file: "mlops-pr-report.yml",
    purpose:
      "posts the sticky pull-request comment and an informational check run from the PR run's report (fork-safe)",
    workflow: {
      header: [
        `mlops-kit: posts the gate report of each "${WORKFLOW_NAMES.pr}" run to its pull request: a sticky comment and a`,
        "check run on the head commit. It runs in the trusted context of the default branch with a write token, never",
        "runs the pull request's code, and treats the downloaded report as untrusted input. The check run,",
        `"${informationalCheckName(options.model)}", shows what the pull request's run uploaded, which a fork can`,
        `change: it is informational, never a required check. The required check is "${GATE_CHECK}" in ${WORKFLOW_NAMES.pr}.`,
      ].join("\n"),
      name: WORKFLOW_NAMES.report,
      on: { workflow_run: { workflows: [WORKFLOW_NAMES.pr], types: ["completed"] } },
      permissions: {},
      jobs: { report: reportJob(values, "workflow_run") },
    },
  };
}

export const prReportReusable: ReusableDefinition = {
  file: "mlops-pr-report.yml",
  name: WORKFLOW_NAMES.report,
  summary: "post a pull-request run's gate report (call it from a workflow_run job)",
  publishes: false,
  jobs: (values) => ({ report: reportJob(values, "workflow_call") }),
};
