import {
  checkoutStep,
  jobPermissions,
  kitStep,
  publishConcurrency,
  registryCredentialsSteps,
} from "./building-blocks.ts";
import { commentAfter, doubleQuoted, type Job, note, type WorkflowInput } from "./model.ts";
import {
  type ReusableDefinition,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
  type WorkflowValues,
} from "./options.ts";

/**
 * Continuous training: on retrain.schedule the retrain action decides whether to retrain, and promotes only a better
 * model. A failed or blocked retrain opens one issue per model, closed by the next success.
 */

function retrainJob(values: WorkflowValues, force: string, reason: string): Job {
  return {
    name: "mlops retrain",
    "runs-on": values.runsOnTraining,
    "timeout-minutes": 360,
    permissions: jobPermissions(values, "write", "read and write the registry by OIDC", {
      issues: commentAfter("write", "one issue per model when a retrain fails or is blocked; closed when one succeeds"),
    }),
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...values.setupSteps,
      note(
        [
          "Decides (drift against the champion's training data, its age, new data), then trains, gates against the",
          "champion, publishes, and promotes only a better model. Its outputs say what happened and why.",
        ].join("\n"),
      ),
      kitStep("retrain", values, { id: "retrain", with: { force, reason } }),
    ],
  };
}

const FORCE_INPUT = { type: "boolean", default: false } as const satisfies Partial<WorkflowInput>;
/** Why the run was asked for: the monitor's breach, when a rule with `action: retrain` dispatches this workflow. */
const REASON_INPUT = {
  description: "Why retraining is asked for (the monitor's breach); it retrains and the report says so",
  type: "string",
  default: "",
} as const satisfies Partial<WorkflowInput>;

export function retrainTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate | null {
  const { schedule } = options;
  if (schedule === null) return null;
  return {
    file: "mlops-retrain.yml",
    purpose: `scheduled retraining (${schedule.cron}, ${schedule.timezone}) when drift, age or new data call for it`,
    workflow: {
      header: [
        "mlops-kit: continuous training. On schedule (from retrain.schedule in mlops.yml) it decides whether to retrain",
        "(drift against the champion's training data, the champion's age, new data), retrains, gates against the",
        "champion, and promotes only a better model. A failed or blocked retrain opens (or updates) one issue per model,",
        "closed again by the next success. Scheduled runs use the default branch; GitHub may delay them under load.",
      ].join("\n"),
      name: WORKFLOW_NAMES.retrain,
      on: {
        schedule: [
          {
            // Quoted as GitHub's docs write crons, so that one edited to start with `*` (an alias, bare) stays valid.
            cron: doubleQuoted(schedule.cron),
            timezone: schedule.timezone === "UTC" ? undefined : schedule.timezone,
          },
        ],
        workflow_dispatch: {
          inputs: {
            force: { description: "Retrain even if nothing calls for it", ...FORCE_INPUT },
            reason: REASON_INPUT,
          },
        },
      },
      permissions: {},
      concurrency: publishConcurrency(options.model),
      // A scheduled run has no inputs: force is false then.
      jobs: { retrain: retrainJob(values, "${{ inputs.force || false }}", "${{ inputs.reason || '' }}") },
    },
  };
}

export const retrainReusable: ReusableDefinition = {
  file: "mlops-retrain.yml",
  name: WORKFLOW_NAMES.retrain,
  summary: "decide, retrain, gate against the champion, promote only a better model",
  inputs: { force: { description: "Retrain even if nothing calls for it.", ...FORCE_INPUT }, reason: REASON_INPUT },
  publishes: true,
  jobs: (values) => ({ retrain: retrainJob(values, "${{ inputs.force }}", "${{ inputs.reason }}") }),
};
