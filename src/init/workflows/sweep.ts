import { checkoutStep, jobPermissions, kitStep, pinned, registryCredentialsSteps } from "./building-blocks.ts";
import type { Job } from "./model.ts";
import {
  type ReusableDefinition,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
  type WorkflowValues,
} from "./options.ts";

/**
 * A hyperparameter sweep: `plan` turns train.matrix into a GitHub matrix, one `leg` job per entry trains and
 * evaluates on its own runner, and `select` picks the best leg from their uploaded results.
 */

function sweepJobs(values: WorkflowValues): Record<string, Job> {
  const outputFolder = values.workingDirectory === "." ? ".mlops/out" : `${values.workingDirectory}/.mlops/out`;
  return {
    plan: {
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read" },
      outputs: { matrix: "${{ steps.plan.outputs.matrix }}" },
      steps: [checkoutStep(), kitStep("plan", values, { id: "plan" })],
    },
    leg: {
      name: "train ${{ matrix.name }}",
      needs: "plan",
      "runs-on": "${{ matrix.runs_on }}",
      "timeout-minutes": 360,
      strategy: { "fail-fast": false, matrix: "${{ fromJSON(needs.plan.outputs.matrix) }}" },
      permissions: jobPermissions(values, "write", "the run cache and the registry by OIDC"),
      steps: [
        checkoutStep(),
        // A dispatched sweep runs on the default branch: its legs save to the run cache, with the role that writes.
        ...registryCredentialsSteps(values, "write"),
        ...values.setupSteps,
        kitStep("train", values, { with: { leg: "${{ matrix.leg }}" } }),
        kitStep("evaluate", values, { with: { "github-token": "" } }),
        {
          name: "Keep this leg's result",
          if: "always()",
          uses: pinned("uploadArtifact"),
          with: {
            name: "mlops-leg-${{ matrix.leg }}",
            path: `${outputFolder}/train.json\n${outputFolder}/evaluate.json\n`,
            "include-hidden-files": true,
            "retention-days": 7,
          },
        },
      ],
    },
    select: {
      name: "best leg",
      needs: ["plan", "leg"],
      if: "always() && needs.plan.result == 'success'",
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read" },
      steps: [
        checkoutStep(),
        {
          uses: pinned("downloadArtifact"),
          with: { pattern: "mlops-leg-*", path: "${{ runner.temp }}/legs" },
        },
        kitStep("select", values, { id: "select", with: { results: "${{ runner.temp }}/legs" } }),
      ],
    },
  };
}

export function sweepTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate | null {
  if (!options.sweep) return null;
  return {
    file: "mlops-sweep.yml",
    purpose: "a hyperparameter sweep: one job per train.matrix leg, then the best leg",
    workflow: {
      header: [
        "mlops-kit: a hyperparameter sweep. `plan` turns train.matrix into a GitHub matrix, each leg trains and evaluates",
        "on its own runner (train.runs_on), and `select` picks the best leg by the gate's primary metric.",
      ].join("\n"),
      name: WORKFLOW_NAMES.sweep,
      on: { workflow_dispatch: null },
      permissions: {},
      jobs: sweepJobs(values),
    },
  };
}

export const sweepReusable: ReusableDefinition = {
  file: "mlops-sweep.yml",
  name: WORKFLOW_NAMES.sweep,
  summary: "train each train.matrix leg on its own runner, then pick the best",
  publishes: false,
  jobs: sweepJobs,
};
