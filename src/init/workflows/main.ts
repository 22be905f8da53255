import {
  checkoutStep,
  jobPermissions,
  kitStep,
  pinned,
  publishConcurrency,
  registryCredentialsSteps,
  uploadHtmlReportStep,
} from "./building-blocks.ts";
import { mainDeployJobs, mainDeploys } from "./deploy.ts";
import { commentAbove, commentAfter, type Job, note, type Permissions, type Step } from "./model.ts";
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

function publishJob(
  values: WorkflowValues,
  options: Pick<WorkflowOptions, "attest" | "signingKeyEnv">,
  deploys = false,
): Job {
  const signingKey = options.signingKeyEnv;
  return {
    name: "mlops publish",
    "runs-on": values.runsOnTraining,
    "timeout-minutes": 120,
    permissions: publishPermissions(values, options.attest),
    // The deploy jobs deploy what was published, only when the gate passed.
    outputs: deploys
      ? { version: "${{ steps.publish.outputs.version }}", verdict: "${{ steps.gate.outputs.verdict }}" }
      : undefined,
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...values.setupSteps,
      kitStep("validate", values),
      kitStep("train", values),
      kitStep("evaluate", values, { id: "evaluate", with: { "github-token": "" } }),
      note("A failed gate still publishes the version (recorded with its verdict); only promotion needs a pass."),
      kitStep("gate", values, { id: "gate", "continue-on-error": true, with: { "github-token": "" } }),
      {
        ...kitStep("publish", values, {
          id: "publish",
          if: "${{ !cancelled() && steps.evaluate.outcome == 'success' }}",
        }),
        // registry.signing.key_env: publish signs each version with the key this secret holds.
        ...(signingKey ? { env: { [signingKey]: `\${{ secrets.${signingKey} }}` } } : {}),
      },
      ...(options.attest
        ? [
            {
              name: "Attest the version's manifest (build provenance; gh attestation verify checks it)",
              if: "${{ !cancelled() && steps.publish.outcome == 'success' }}",
              // The attestation adds a record; it takes nothing away if it cannot be made (a private repository
              // without GitHub Enterprise Cloud cannot store one: set publish.attest to false there).
              "continue-on-error": true,
              uses: pinned("attestBuildProvenance"),
              with: { "subject-path": "${{ steps.publish.outputs.manifest-file }}" },
            },
          ]
        : []),
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

/** The registry's write access, and with `attest` what GitHub's attestation action needs (one OIDC token serves both). */
function publishPermissions(values: WorkflowValues, attest: boolean): Permissions {
  const permissions = jobPermissions(values, "write", "write to the registry by OIDC");
  if (!attest) return permissions;
  const byOidc = values.registry.permissions.write["id-token"] !== undefined;
  return {
    ...permissions,
    "id-token": commentAfter(
      "write",
      byOidc
        ? "write to the registry by OIDC; the attestation's signing certificate"
        : "the attestation's signing certificate",
    ),
    attestations: commentAfter("write", "store the attestation of the version's manifest"),
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
  const deploys = mainDeploys(options);
  return {
    file: "mlops-main.yml",
    purpose: `pushes to ${options.defaultBranch}: the pipeline, then publish; ${deploys ? "deploy" : "promote"} when the gate passed`,
    workflow: {
      header: [
        `mlops-kit: on every push to ${options.defaultBranch}, the same pipeline, then the model is published to the registry`,
        ...(deploys
          ? ["(a new immutable version with its manifest).", ...deployHeader(options)]
          : ["(a new immutable version with its manifest) and promoted to champion when it passed the gate."]),
      ].join("\n"),
      name: WORKFLOW_NAMES.main,
      on: { push: { branches: [options.defaultBranch] }, workflow_dispatch: null },
      permissions: {},
      ...(deploys
        ? { jobs: { publish: publishJobAlone(options, values), ...mainDeployJobs(options, values) } }
        : { concurrency: publishConcurrency(options.model), jobs: { publish: publishJob(values, options) } }),
    },
  };
}

/** What the deploy jobs add, in the header. */
function deployHeader(options: WorkflowOptions): string[] {
  const canary = options.deploy?.canary;
  return [
    "A version that passed the gate is deployed (deploy: in mlops.yml), each target's job in its GitHub Environment,",
    "whose required reviewers approve it; an alias a target serves is moved only by that target's deploy job.",
    ...(canary
      ? [
          `The canary (${canary.target}) is judged after its bake; a failure is rolled back, a pass goes to ${canary.promoteTo}.`,
        ]
      : []),
  ];
}

/**
 * With deploy jobs, the publish group holds the publish job only: a deploy waiting for its reviewers, or a canary
 * baking, must not hold up the next push's publish.
 */
function publishJobAlone(options: WorkflowOptions, values: WorkflowValues): Job {
  const { name, "runs-on": runsOn, ...rest } = publishJob(values, options, true);
  const group = publishConcurrency(options.model).value;
  return {
    name,
    "runs-on": runsOn,
    concurrency: commentAbove(
      "One publish at a time per model, every push in order; the deploy jobs have groups of their own per target.",
      group,
    ),
    ...rest,
  };
}

export const mainReusable: ReusableDefinition = {
  file: "mlops-main.yml",
  name: WORKFLOW_NAMES.main,
  summary: "the pipeline, publish, and promotion when the gate passed",
  publishes: true,
  // A reusable workflow's attestation would name the kit's workflow, not the caller's: the caller attests.
  jobs: (values) => ({ publish: publishJob(values, { attest: false, signingKeyEnv: null }) }),
};
