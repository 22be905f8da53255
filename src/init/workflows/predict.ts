import path from "node:path";
import { checkoutStep, jobPermissions, kitStep, pinned, registryCredentialsSteps } from "./building-blocks.ts";
import {
  commentAbove,
  commentAfter,
  doubleQuoted,
  type Job,
  type ListWithNotes,
  note,
  type Permissions,
  type Step,
  type WorkflowInput,
} from "./model.ts";
import {
  PREDICTIONS_ARTIFACT,
  type PredictWorkflow,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
  type WorkflowValues,
} from "./options.ts";

/**
 * Scheduled batch scoring (issue 23, docs/workflows.md "mlops-predict.yml"): on predict.schedule the predict action
 * scores predict.input with the version predict.alias points at, writes the predictions below predict.output and
 * appends a scoring record to the registry. With predict.shards > 1 the input's files are split over a matrix: a first
 * job resolves the alias once (`plan: true`), so every leg and the finish job score with the same version even if the
 * alias moves meanwhile; each leg scores its block into parts; the finish job checks every part is there, marks the
 * result complete and records it. Only the job that records (the single job, or the finish) writes the registry.
 */

/** What a dispatched run may ask; a scheduled run has no inputs, so each expression falls back to the config. */
const DISPATCH_INPUTS = {
  version: {
    description: "The version to score with: an id, a number or an alias (empty: predict.alias)",
    type: "string",
    default: "",
  },
  force: {
    description: "Score again what this version scored already for this input",
    type: "boolean",
    default: false,
  },
} as const satisfies Record<string, WorkflowInput>;

const VERSION = "${{ inputs.version }}";
const FORCE = "${{ inputs.force || false }}";
const PINNED_VERSION = "${{ needs.version.outputs.version }}";
const PINNED_ALIAS = "${{ needs.version.outputs.alias }}";

/**
 * The credentials a job reading the input or writing the predictions needs. The registry's own (an S3 registry) come
 * first; data on S3 beside a registry that needs none gets the same role from the same repository variables. Always
 * the role that writes: schedules run on the default branch, and the read-only role trusts pull requests only
 * (src/init/aws-policy.ts); that role's policy covers the registry, so grant it the data's buckets too.
 */
function dataCredentials(
  values: WorkflowValues,
  predict: PredictWorkflow,
): { steps: Step[]; permissions: Permissions } {
  if (values.aws !== null || !(predict.inputOnS3 || predict.outputOnS3))
    return { steps: registryCredentialsSteps(values, "write"), permissions: {} };
  return {
    steps: [
      {
        name: "AWS credentials for the input and the predictions, by OIDC",
        if: "vars.MLOPS_AWS_ROLE_ARN != ''",
        uses: pinned("awsCredentials"),
        with: {
          "role-to-assume": "${{ vars.MLOPS_AWS_ROLE_ARN }}",
          "aws-region": "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}",
        },
      },
    ],
    permissions: { "id-token": commentAfter("write", "read the input and write the predictions on S3 by OIDC") },
  };
}

/** A folder output is lost with its runner: the complete result is kept as an artifact to download. */
function keepFolderOutput(values: WorkflowValues, predict: PredictWorkflow): Step[] {
  if (predict.outputOnS3) return [];
  // The location is relative to mlops.yml's folder; upload-artifact's path to the repository's.
  const folder = path.posix.join(values.workingDirectory, path.posix.dirname(values.config));
  return [
    {
      name: "Keep the predictions (predict.output is a folder on this runner)",
      if: "steps.predict.outputs.state == 'complete'",
      uses: pinned("uploadArtifact"),
      with: {
        name: PREDICTIONS_ARTIFACT,
        path: `${folder === "." ? "" : `${folder}/`}\${{ steps.predict.outputs.location }}`,
        "include-hidden-files": true,
        "if-no-files-found": "error",
        "retention-days": 30,
      },
    },
  ];
}

const RUNNER_NOTE = note(
  "The runners training uses (train.runs_on), and its set-up: the predict command runs the model as training does.",
);

/** One job: resolve, score every input file, mark complete, record. A failure fails the job; its report is the summary. */
function singleJob(values: WorkflowValues, predict: PredictWorkflow): Record<string, Job> {
  const data = dataCredentials(values, predict);
  return {
    predict: {
      name: WORKFLOW_NAMES.predict,
      "runs-on": values.runsOnTraining,
      permissions: jobPermissions(values, "write", "read and write the registry by OIDC", data.permissions),
      steps: [
        checkoutStep(),
        ...data.steps,
        RUNNER_NOTE,
        ...values.setupSteps,
        kitStep("predict", values, { id: "predict", with: { version: VERSION, force: FORCE } }),
        ...keepFolderOutput(values, predict),
      ],
    },
  };
}

/** The version job, the legs and the finish: every leg and the finish score with the version the first job pinned. */
function shardedJobs(values: WorkflowValues, predict: PredictWorkflow): Record<string, Job> {
  const { shards } = predict;
  const data = dataCredentials(values, predict);
  // The registry's own role: its read-only twin trusts pull requests only (src/init/aws-policy.ts).
  const writeRoleNote = (text: string): ListWithNotes<Step> => (values.aws === null ? [] : [note(text)]);
  return {
    version: {
      name: "the version to score with",
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "read", "read the registry by OIDC"),
      outputs: { version: "${{ steps.predict.outputs.version }}", alias: "${{ steps.predict.outputs.alias }}" },
      steps: [
        checkoutStep(),
        ...writeRoleNote(
          "The role that writes, though this job only reads the alias: a schedule runs on the default branch, and the\nread-only role trusts pull requests only.",
        ),
        ...registryCredentialsSteps(values, "write"),
        kitStep("predict", values, { id: "predict", with: { version: VERSION, plan: true } }),
      ],
    },
    leg: {
      name: `mlops predict leg \${{ matrix.shard }} of ${shards}`,
      needs: "version",
      "runs-on": values.runsOnTraining,
      // A failed leg leaves the others running: the parts they write are kept, and "Re-run failed jobs" scores only
      // what is missing, with the same version (the version job is not run again).
      strategy: { "fail-fast": false, matrix: { shard: Array.from({ length: shards }, (_, i) => i + 1) } },
      permissions: jobPermissions(
        values,
        "read",
        predict.outputOnS3 ? "read the registry and write the parts on S3 by OIDC" : "read the registry by OIDC",
        data.permissions,
      ),
      steps: [
        checkoutStep(),
        ...writeRoleNote(
          "The role that writes, though a leg writes nothing to the registry (only its parts below predict.output): a\nschedule runs on the default branch, and the read-only role trusts pull requests only.",
        ),
        ...data.steps,
        RUNNER_NOTE,
        ...values.setupSteps,
        kitStep("predict", values, {
          id: "predict",
          with: { version: PINNED_VERSION, alias: PINNED_ALIAS, shard: `\${{ matrix.shard }}/${shards}`, force: FORCE },
        }),
      ],
    },
    finish: {
      name: `${WORKFLOW_NAMES.predict} (finish)`,
      needs: ["version", "leg"],
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "write", "read and write the registry by OIDC", data.permissions),
      steps: [
        checkoutStep(),
        ...data.steps,
        note("Scores nothing: checks that every part is there, marks the result complete and records it."),
        kitStep("predict", values, {
          id: "predict",
          with: { version: PINNED_VERSION, alias: PINNED_ALIAS, finish: true },
        }),
      ],
    },
  };
}

export function predictTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate | null {
  const { predict } = options;
  if (predict === null) return null;
  const sharded = predict.shards > 1;
  const folder = options.registry === "folder";
  return {
    file: "mlops-predict.yml",
    purpose: [
      `scheduled batch scoring (${predict.cron}, UTC): the version predict.alias points at scores predict.input, `,
      "its predictions written below predict.output and recorded in the registry",
      sharded
        ? `; the input's files are split over ${predict.shards} matrix legs and one job completes the result`
        : "",
      folder ? " (registry.uri is a folder: each run's record is lost with its runner; use s3:// or github://)" : "",
    ].join(""),
    workflow: {
      header: [
        "mlops-kit: batch scoring. On schedule (predict.schedule in mlops.yml, UTC) it pulls and verifies the version",
        "predict.alias points at, checks predict.input against data.schema, runs predict.command on each input file,",
        "writes the predictions below predict.output (a place named by the version and the input's fingerprint) and",
        "records which version scored what in the registry (`mlops predict history`). The same version on the same",
        "input is not scored twice: a run on yesterday's input passes at once (dispatch with force to score again).",
        ...(sharded
          ? [
              `The input's files are split over ${predict.shards} legs (predict.shards). The version job resolves the alias once,`,
              "so every leg and the finish job score with the same version; the finish job marks the result complete only",
              "when every part is there, and is the only job that writes the registry. A leg that fails leaves the",
              'others\' parts in place: "Re-run failed jobs" scores only what is missing, with the same version.',
            ]
          : []),
        "Scheduled runs use the default branch; GitHub may delay them under load, and disables them after 60 days",
        "without activity in a public repository (re-enable under Actions).",
        ...(folder
          ? [
              "registry.uri is a folder: the scoring record a run appends is lost with its runner. Keep the registry on",
              "s3:// or github:// for `mlops predict history` to survive between runs.",
            ]
          : []),
      ].join("\n"),
      name: WORKFLOW_NAMES.predict,
      on: {
        // Quoted as GitHub's docs write crons, so that one edited to start with `*` stays valid.
        schedule: [{ cron: doubleQuoted(predict.cron) }],
        workflow_dispatch: { inputs: DISPATCH_INPUTS },
      },
      permissions: {},
      concurrency: commentAbove(
        "One scoring run at a time per model; a queued run waits for the one before it (and finds its result).",
        { group: `mlops-predict-${options.model}`, queue: "max" },
      ),
      jobs: sharded ? shardedJobs(values, predict) : singleJob(values, predict),
    },
  };
}
