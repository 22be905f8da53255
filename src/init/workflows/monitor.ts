import { checkoutStep, jobPermissions, kitStep, pinned, registryCredentialsSteps } from "./building-blocks.ts";
import {
  commentAbove,
  commentAfter,
  doubleQuoted,
  type Job,
  note,
  type Permissions,
  type Step,
  type WorkflowInput,
} from "./model.ts";
import {
  MONITOR_SHARD_ARTIFACT,
  type MonitorWorkflow,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
  type WorkflowValues,
} from "./options.ts";

/**
 * The scheduled monitor (issue 18, docs/workflows.md "mlops-monitor.yml"): on monitor.schedule the monitor action
 * computes the new and newly labelled windows of the prediction logs, appends them to the registry's monitoring log
 * and judges them by monitor.rules. With monitor.shards > 1 a backlog is split over a matrix of legs, each computing
 * its block of windows into a shard file, and one merge job appends and judges them as one run: the shard-and-merge
 * recipe. Only the job that appends (the single job, or the merge) writes the registry.
 */

/** What a dispatched run may ask; a scheduled run has no inputs, so each expression falls back to the config. */
const DISPATCH_INPUTS = {
  recompute: {
    description: "Compute every window again, not only new or newly labelled ones",
    type: "boolean",
    default: false,
  },
  alias: { description: "The alias whose version is monitored (default: monitor.alias)", type: "string", default: "" },
} as const satisfies Record<string, WorkflowInput>;

const RECOMPUTE = "${{ inputs.recompute || false }}";
const ALIAS = "${{ inputs.alias }}";
const NOW = "${{ needs.time.outputs.now }}";
const SHARDS_FOLDER = "${{ runner.temp }}/monitor-shards";

/**
 * The credentials a job reading the prediction logs needs. The registry's own (an S3 registry) come first; logs on S3
 * beside a registry that needs none get the same role from the same repository variables. Always the role that
 * writes: schedules run on the default branch, and the read-only role trusts pull requests only (src/init/aws-policy.ts).
 */
function logsCredentials(
  values: WorkflowValues,
  monitor: MonitorWorkflow,
): { steps: Step[]; permissions: Permissions } {
  if (values.aws !== null || !monitor.logsOnS3)
    return { steps: registryCredentialsSteps(values, "write"), permissions: {} };
  return {
    steps: [
      {
        name: "AWS credentials for the prediction logs, by OIDC",
        if: "vars.MLOPS_AWS_ROLE_ARN != ''",
        uses: pinned("awsCredentials"),
        with: {
          "role-to-assume": "${{ vars.MLOPS_AWS_ROLE_ARN }}",
          "aws-region": "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}",
        },
      },
    ],
    permissions: { "id-token": commentAfter("write", "read the prediction logs on S3 by OIDC") },
  };
}

/** What the job that judges needs to tell a breach: the monitoring issue, and running the retraining workflow. */
function alertPermissions(monitor: MonitorWorkflow): Permissions {
  return {
    ...(monitor.issues
      ? { issues: commentAfter("write", "one issue per model and alias on a breach; closed when healthy") }
      : {}),
    ...(monitor.dispatch
      ? { actions: commentAfter("write", "run mlops-retrain.yml when a rule with action: retrain breaks") }
      : {}),
  };
}

/** The webhook's URL, from the secret of the variable's name, for the step that judges (never for the legs). */
function withWebhook(monitor: MonitorWorkflow, step: Step): Step {
  if (monitor.webhookEnv === null) return step;
  return { ...step, env: { [monitor.webhookEnv]: `\${{ secrets.${monitor.webhookEnv} }}` } };
}

/** One job: compute, append, judge. The monitor step fails the job on a breach; its report is the job summary. */
function singleJob(values: WorkflowValues, monitor: MonitorWorkflow): Record<string, Job> {
  const logs = logsCredentials(values, monitor);
  return {
    monitor: {
      name: WORKFLOW_NAMES.monitor,
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "write", "read and write the registry by OIDC", {
        ...logs.permissions,
        ...alertPermissions(monitor),
      }),
      steps: [
        checkoutStep(),
        ...logs.steps,
        withWebhook(
          monitor,
          kitStep("monitor", values, { id: "monitor", with: { alias: ALIAS, recompute: RECOMPUTE } }),
        ),
      ],
    },
  };
}

/** The time job, the legs and the merge: every leg and the merge pass the same `now`, so they cut the same windows. */
function shardedJobs(values: WorkflowValues, monitor: MonitorWorkflow): Record<string, Job> {
  const { shards } = monitor;
  const logs = logsCredentials(values, monitor);
  return {
    time: {
      name: "the run's time",
      "runs-on": "ubuntu-latest",
      permissions: {},
      outputs: { now: "${{ steps.now.outputs.now }}" },
      steps: [
        {
          name: "Fix the run's time for every leg and the merge",
          id: "now",
          run: 'echo "now=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$GITHUB_OUTPUT"\n',
        },
      ],
    },
    leg: {
      name: `monitor leg \${{ matrix.shard }} of ${shards}`,
      needs: "time",
      "runs-on": "ubuntu-latest",
      // The merge needs every leg: once one fails there is nothing to merge.
      strategy: { "fail-fast": true, matrix: { shard: Array.from({ length: shards }, (_, i) => i + 1) } },
      permissions: jobPermissions(values, "read", "read the registry by OIDC", logs.permissions),
      steps: [
        checkoutStep(),
        ...(logs.steps.length > 0
          ? [
              note(
                "The role that writes, though a leg writes nothing: a schedule runs on the default branch, and the read-only\nrole trusts pull requests only.",
              ),
            ]
          : []),
        ...logs.steps,
        kitStep("monitor", values, {
          id: "monitor",
          with: { now: NOW, shard: `\${{ matrix.shard }}/${shards}`, alias: ALIAS, recompute: RECOMPUTE },
        }),
        {
          name: "Keep this leg's windows for the merge",
          uses: pinned("uploadArtifact"),
          with: {
            name: `${MONITOR_SHARD_ARTIFACT}-\${{ matrix.shard }}`,
            path: "${{ steps.monitor.outputs.shard-file }}",
            "include-hidden-files": true,
            "if-no-files-found": "error",
            "retention-days": 7,
          },
        },
      ],
    },
    merge: {
      name: `${WORKFLOW_NAMES.monitor} (merge)`,
      needs: ["time", "leg"],
      "runs-on": "ubuntu-latest",
      permissions: jobPermissions(values, "write", "write the registry by OIDC", alertPermissions(monitor)),
      steps: [
        checkoutStep(),
        ...registryCredentialsSteps(values, "write"),
        {
          uses: pinned("downloadArtifact"),
          with: { pattern: `${MONITOR_SHARD_ARTIFACT}-*`, path: SHARDS_FOLDER, "merge-multiple": true },
        },
        withWebhook(
          monitor,
          kitStep("monitor", values, {
            id: "monitor",
            with: { now: NOW, merge: `${SHARDS_FOLDER}/*.json`, alias: ALIAS },
          }),
        ),
      ],
    },
  };
}

export function monitorTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate | null {
  const { monitor } = options;
  if (monitor === null) return null;
  const sharded = monitor.shards > 1;
  const folder = options.registry === "folder";
  return {
    file: "mlops-monitor.yml",
    purpose: [
      `scheduled monitoring of the served model (${monitor.cron}, UTC): new windows of the prediction logs, `,
      "kept in the registry's monitoring log; fails on a breached monitor rule",
      sharded ? `; a backlog is split over ${monitor.shards} matrix legs and merged` : "",
      folder ? " (registry.uri is a folder: each run's history is lost with its runner; use s3:// or github://)" : "",
    ].join(""),
    workflow: {
      header: [
        "mlops-kit: monitoring of the served model. On schedule (monitor.schedule in mlops.yml, UTC) it cuts the",
        "prediction logs into windows, computes the new and newly labelled ones, appends them to the registry's",
        "monitoring log and judges them by monitor.rules: a breach fails the run, and the job summary shows the report.",
        ...(sharded
          ? [
              `A backlog is split over ${monitor.shards} legs (monitor.shards); the merge job appends and judges them as one run,`,
              "and is the only job that writes the registry. Every leg and the merge use the time the first job fixed.",
            ]
          : []),
        "Scheduled runs use the default branch; GitHub may delay them under load, and disables them after 60 days",
        "without activity in a public repository (re-enable under Actions).",
        ...(folder
          ? [
              "registry.uri is a folder: what a run appends is lost with its runner. Keep the registry on s3:// or",
              "github:// for the history to survive between runs.",
            ]
          : []),
      ].join("\n"),
      name: WORKFLOW_NAMES.monitor,
      on: {
        // Quoted as GitHub's docs write crons, so that one edited to start with `*` stays valid.
        schedule: [{ cron: doubleQuoted(monitor.cron) }],
        workflow_dispatch: { inputs: DISPATCH_INPUTS },
      },
      permissions: {},
      concurrency: commentAbove("One monitor run at a time per model; a queued run waits for the one before it.", {
        group: `mlops-monitor-${options.model}`,
        queue: "max",
      }),
      jobs: sharded ? shardedJobs(values, monitor) : singleJob(values, monitor),
    },
  };
}
