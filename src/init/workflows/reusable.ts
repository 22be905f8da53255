import { DEFAULT_CONFIG_FILE } from "../../config/default-file.ts";
import { reusableWorkflowsNeeds } from "../../registry/backends/index.ts";
import { KIT_WORKFLOWS } from "../pins.ts";
import { pinned } from "./building-blocks.ts";
import type { WorkflowValues } from "./options.ts";
import { commentAbove, type Workflow, type WorkflowInput } from "./model.ts";
import type { ReusableDefinition } from "./options.ts";

/**
 * The reusable form of a workflow (`on: workflow_call`, under the kit's `.github/workflows/`): the same jobs as a
 * user's workflow, with every value read from the caller's inputs.
 */

const COMMON_INPUTS: Record<string, WorkflowInput> = {
  config: {
    description: "Path of mlops.yml, relative to working-directory.",
    type: "string",
    default: DEFAULT_CONFIG_FILE,
  },
  "working-directory": {
    description: "Folder of mlops.yml, relative to the repository root.",
    type: "string",
    default: ".",
  },
  "runs-on": {
    description: 'Runner labels for the training jobs, as JSON (e.g. ["self-hosted", "gpu"]).',
    type: "string",
    // JSON, for fromJSON: one label.
    default: JSON.stringify("ubuntu-latest"),
  },
  "aws-role-arn": {
    description: "IAM role to assume by OIDC for an S3 registry (a read-only one for pull requests); empty for none.",
    type: "string",
    default: "",
  },
  "aws-region": { description: "AWS region of the registry bucket.", type: "string", default: "us-east-1" },
  "python-version": {
    description: "Set up this Python (and pip install -r requirements.txt) before training; empty for none.",
    type: "string",
    default: "",
  },
  "node-version": {
    description: "Set up this Node.js (and npm ci) before training; empty for none.",
    type: "string",
    default: "",
  },
};

function reusableValues(): WorkflowValues {
  // The caller passes the role that fits the flow (read-only for pull requests).
  const role = { condition: "inputs.aws-role-arn != ''", arn: "${{ inputs.aws-role-arn }}" };
  return {
    config: "${{ inputs.config }}",
    workingDirectory: "${{ inputs.working-directory }}",
    runsOnTraining: "${{ fromJSON(inputs.runs-on) }}",
    registry: reusableWorkflowsNeeds(),
    aws: { read: role, write: role, region: "${{ inputs.aws-region }}" },
    setupSteps: [
      {
        if: "inputs.python-version != ''",
        uses: pinned("setupPython"),
        with: { "python-version": "${{ inputs.python-version }}" },
      },
      {
        if: "inputs.node-version != ''",
        uses: pinned("setupNode"),
        with: { "node-version": "${{ inputs.node-version }}" },
      },
      {
        name: "Install the training dependencies",
        "working-directory": "${{ inputs.working-directory }}",
        // Whichever runtime the caller set up installs its dependencies; the other line finds no tool and skips.
        run: [
          "if [ -f requirements.txt ] && command -v pip >/dev/null; then pip install -r requirements.txt; fi",
          "if [ -f package-lock.json ] && command -v npm >/dev/null; then npm ci; fi",
          "",
        ].join("\n"),
      },
    ],
    // The kit's actions at the commit the caller pinned this workflow to: they always match it.
    kit: { kind: "self" },
  };
}

export function reusableWorkflow(definition: ReusableDefinition): Workflow {
  return {
    header: [
      `mlops-kit reusable workflow: ${reusablePurpose(definition)}.`,
      `Call it with \`uses: ${KIT_WORKFLOWS}/${definition.file}@<commit SHA> # <version>\` (see docs/workflows.md);`,
      "its steps run the kit's actions at that same commit (`$/actions/...`, runner 2.336 or newer).",
    ].join("\n"),
    name: definition.name,
    on: { workflow_call: { inputs: { ...COMMON_INPUTS, ...definition.inputs } } },
    permissions: {},
    concurrency: definition.publishes
      ? commentAbove("One publish at a time per calling repository and config; every run gets its turn, in order.", {
          group: "mlops-publish-${{ github.repository }}-${{ inputs.working-directory }}-${{ inputs.config }}",
          queue: "max",
        })
      : undefined,
    jobs: definition.jobs(reusableValues()),
  };
}

/** What a reusable workflow does, in one line: the first line of its header and the `purpose` of its file. */
export function reusablePurpose(definition: ReusableDefinition): string {
  return `${definition.name}: ${definition.summary}`;
}
