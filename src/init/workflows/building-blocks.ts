import { DEFAULT_CONFIG_FILE } from "../../config/default-file.ts";
import { registryBackend, type WorkflowNeeds } from "../../registry/backends/index.ts";
import { KIT_ACTIONS } from "../pins.ts";
import {
  type Annotated,
  type Annotatable,
  commentAbove,
  commentAfter,
  type Concurrency,
  type ListWithNotes,
  note,
  type Permissions,
  type ScalarValue,
  type Step,
} from "./model.ts";
import {
  type DvcSetup,
  HTML_REPORT_ARTIFACT,
  type KitActions,
  type RuntimeSetup,
  type WorkflowOptions,
  type WorkflowValues,
} from "./options.ts";
import { pinned } from "./pinned.ts";
import { dvcSteps, pythonSetupSteps } from "./python-setup.ts";

export { pinned };

/**
 * The pieces every workflow shares: pinned third-party actions, the checkout, the registry's credentials, steps of
 * our own actions, the runtime set-up and the job permissions. The jobs are the same in a user's workflow and in a
 * reusable one; only where their values come from differs (`WorkflowValues`).
 *
 * Security by default (PLATFORM.md): least privilege per job; third-party actions pinned by SHA; no untrusted context
 * inside `run:`.
 */

/** The values of a user's workflow: what `mlops init` detected, written literally. */
export function templateValues(options: WorkflowOptions): WorkflowValues {
  const registry = registryBackend(options.registry).workflow;
  return {
    config: options.configFile,
    workingDirectory: options.workingDirectory,
    runsOnTraining: options.trainRunsOn && options.trainRunsOn.length > 0 ? options.trainRunsOn : "ubuntu-latest",
    registry,
    aws: registry.credentials.includes("aws-oidc")
      ? {
          read: { condition: "vars.MLOPS_AWS_READ_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_READ_ROLE_ARN }}" },
          write: { condition: "vars.MLOPS_AWS_ROLE_ARN != ''", arn: "${{ vars.MLOPS_AWS_ROLE_ARN }}" },
          region: "${{ vars.MLOPS_AWS_REGION || 'us-east-1' }}",
        }
      : null,
    setupSteps: setupSteps(options.setup, options.dvc, options.workingDirectory),
    kit: options.kit,
  };
}

/** One of our actions as a step's `uses:`, in the form `kit` says (a pinned commit, a release tag, or `$/`). */
export function kitAction(action: string, kit: KitActions): Annotatable<string> {
  switch (kit.kind) {
    case "commit":
      return commentAfter(`${KIT_ACTIONS}/${action}@${kit.sha}`, `v${kit.version}`);
    case "tag":
      return `${KIT_ACTIONS}/${action}@v${kit.version}`;
    case "self":
      return `$/actions/${action}`;
  }
}

/** The checkout every job starts with; the token is not left in .git for later steps. */
export function checkoutStep(): Step {
  return { uses: pinned("checkout"), with: { "persist-credentials": false } };
}

/** A job that only reads the registry (pull requests), or one that writes it. */
type Access = keyof WorkflowNeeds["permissions"];

/** The steps that give a job the registry's credentials, in the order its backend lists them; none for a folder. */
export function registryCredentialsSteps(values: WorkflowValues, access: Access): Step[] {
  return values.registry.credentials.flatMap((kind) => {
    switch (kind) {
      case "aws-oidc":
        return awsCredentialsSteps(values, access);
    }
  });
}

/**
 * Pull requests assume a read-only role (they run the pull request's code); only trusted runs on the default branch
 * assume the role that writes the registry and the run cache.
 */
function awsCredentialsSteps(values: WorkflowValues, access: Access): Step[] {
  if (values.aws === null) return [];
  const role = values.aws[access];
  return [
    {
      name: `AWS credentials for the registry (${access}), by OIDC`,
      if: role.condition || undefined,
      uses: pinned("awsCredentials"),
      with: { "role-to-assume": role.arn, "aws-region": values.aws.region },
    },
  ];
}

const GITHUB_REGISTRY_REASON: Record<Access, string> = {
  read: "read a github:// registry (releases and its ref)",
  write: "publish to a github:// registry (releases and its ref)",
};

/**
 * What a job may do: read the repository, what `more` grants, and what the registry's backend needs for the job's
 * `access` (an OIDC token for an S3 registry), each with the reason given.
 */
export function jobPermissions(
  values: WorkflowValues,
  access: Access,
  registryReason: string,
  more: Permissions = {},
): Permissions {
  const registry: Permissions = {};
  for (const [permission, level] of Object.entries(values.registry.permissions[access])) {
    // `contents` is what a github:// registry needs of the job's own token; the rest is for the registry's cloud.
    const reason = permission === "contents" ? GITHUB_REGISTRY_REASON[access] : registryReason;
    registry[permission as keyof Permissions] = commentAfter(level, reason);
  }
  return { contents: "read", ...more, ...registry };
}

type KitStepOptions = Pick<Step, "name" | "id" | "if" | "continue-on-error"> & {
  with?: Record<string, Annotatable<ScalarValue>>;
};

/** A step of one of our actions, with config and working-directory only where they differ from the defaults. */
export function kitStep(action: string, values: WorkflowValues, options: KitStepOptions = {}): Step {
  const inputs: Record<string, Annotatable<ScalarValue>> = {};
  // The actions' own defaults, the same as the CLI's.
  if (values.config !== DEFAULT_CONFIG_FILE) inputs.config = values.config;
  if (values.workingDirectory !== ".") inputs["working-directory"] = values.workingDirectory;
  Object.assign(inputs, options.with);
  return {
    name: options.name,
    id: options.id,
    if: options.if,
    "continue-on-error": options["continue-on-error"],
    uses: kitAction(action, values.kit),
    with: Object.keys(inputs).length > 0 ? inputs : undefined,
  };
}

/** The runtime training needs, its dependencies (for Python, with the project's own installer), then DVC. */
function setupSteps(setup: RuntimeSetup, dvc: DvcSetup | null, workingDirectory: string): ListWithNotes<Step> {
  const runtime = runtimeSteps(setup, workingDirectory);
  return dvc === null ? runtime : [...runtime, ...dvcSteps(dvc, workingDirectory)];
}

/** Without a detected runtime, a note where to set it up. */
function runtimeSteps(setup: RuntimeSetup, workingDirectory: string): ListWithNotes<Step> {
  if (setup === null)
    return [note("Set up what your training command needs here (pin third-party actions to a commit SHA).")];
  if (setup.kind === "python") return pythonSetupSteps(setup.version, setup.environment, workingDirectory);
  return [
    { uses: pinned("setupNode"), with: { "node-version": setup.version } },
    {
      name: "Install the training dependencies",
      "working-directory": workingDirectory === "." ? undefined : workingDirectory,
      run: "if [ -f package-lock.json ]; then npm ci; fi",
    },
  ];
}

/** One publish at a time per model: main and retrain share the group, so they never promote at once. */
export function publishConcurrency(model: string): Annotated<Concurrency> {
  return commentAbove("One publish at a time per model; every push gets its turn, in order.", {
    group: `mlops-publish-${model}`,
    queue: "max",
  });
}

/**
 * The run's HTML report (the gate's `html` output), kept as an artifact of its own for reviewers to download and open:
 * never the gate.json artifact the reporting workflow parses. `always()`: a failed gate's report is the one wanted.
 */
export function uploadHtmlReportStep(): Step {
  return {
    name: "Keep the run's HTML report",
    if: "always() && steps.gate.outputs.html != ''",
    uses: pinned("uploadArtifact"),
    with: {
      name: HTML_REPORT_ARTIFACT,
      path: "${{ steps.gate.outputs.html }}",
      "include-hidden-files": true,
      "retention-days": 30,
    },
  };
}
