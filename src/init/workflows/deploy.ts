import { checkoutStep, jobPermissions, kitStep, registryCredentialsSteps } from "./building-blocks.ts";
import {
  commentAbove,
  commentAfter,
  type Job,
  type ListWithNotes,
  Note,
  note,
  type Permissions,
  type Step,
  type WorkflowInput,
} from "./model.ts";
import {
  type DeployTargetWorkflow,
  type DeployWorkflow,
  WORKFLOW_NAMES,
  type WorkflowOptions,
  type WorkflowTemplate,
  type WorkflowValues,
} from "./options.ts";

/**
 * Governed delivery in the workflows (issue 20, docs/delivery.md, docs/workflows.md "Deploy jobs"). Every deploy job
 * runs in its target's GitHub Environment, so the environment's required reviewers, wait timer and branch policies
 * approve it before it starts, and the deploy action finds that approval in the run (src/deploy/approval.ts).
 *
 * - `approval: environment`: the main workflow deploys what it published, after its publish job (`mainDeployJobs`).
 * - `approval: dispatch` (private repositories below GitHub Enterprise, where environments have no required
 *   reviewers): mlops-promote.yml, dispatched by hand on the default branch (`promoteTemplate`); the actor is recorded.
 *
 * Without a canary the targets deploy one after another, those serving another alias before `champion`. With
 * deploy.canary the canary target deploys, a judge job waits for the bake and judges it (rolling it back on a failure),
 * and only a passing canary's version goes to `promote_to`, in that target's own job and Environment.
 */

/** The judge's job id; the deploy jobs are `deploy-<target>`. */
export const CANARY_JUDGE_JOB = "canary-judge";

/** GitHub's longest job (6 hours), in minutes: a longer bake cannot be waited for in one job. */
const MAX_JOB_MINUTES = 360;

/** Beyond a deploy command's deploy.targets.*.timeout_minutes: the set-up, and pulling the version's files. */
const SETUP_MINUTES = 20;

/** Where the deploy jobs find the version, and the condition they run on besides their `needs:` succeeding. */
interface DeploySource {
  /** The first deploy job's `needs:`. */
  needs: string[];
  /** The version the first deploy job deploys (an expression). */
  version: (target: DeployTargetWorkflow) => string;
  /** The `if:` of a deploy job that starts a chain (or is dispatched alone). */
  startIf: (target: DeployTargetWorkflow) => string;
  /** The `if:` of a job later in a chain. */
  laterIf: string | undefined;
  reason: string | undefined;
}

/** Job ids are letters, digits, `-` and `_`: a target name's dots become `-`. */
export function deployJobId(target: string): string {
  return `deploy-${target.replace(/\./g, "-")}`;
}

/**
 * One target's deploy job: its Environment (with the URL the deploy printed), least privileges, and one deploy at a
 * time per target across runs and workflows.
 */
function deployJob(
  model: string,
  values: WorkflowValues,
  target: DeployTargetWorkflow,
  options: { needs: string[]; if: string | undefined; version: string; reason: string | undefined },
): Job {
  return {
    name: `deploy to ${target.name}`,
    needs: options.needs.length <= 1 ? options.needs[0] : options.needs,
    if: options.if,
    "runs-on": "ubuntu-latest",
    environment: { name: target.environment, url: "${{ steps.deploy.outputs.environment-url }}" },
    concurrency: targetConcurrency(model, target.name),
    // The deploy command's own limit, and time to set up and pull the version's files.
    "timeout-minutes": target.timeoutMinutes + SETUP_MINUTES,
    permissions: deployPermissions(values),
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...setupFor("What the target's deploy command needs (the same set-up as training).", values),
      kitStep("deploy", values, {
        id: "deploy",
        with: { target: target.name, version: options.version, ...(options.reason ? { reason: options.reason } : {}) },
      }),
    ],
  };
}

/** The training set-up steps, which the deploy command may need too, with why; only the note when there are none. */
function setupFor(why: string, values: WorkflowValues): ListWithNotes<Step> {
  const steps = values.setupSteps;
  return steps.some((step) => !(step instanceof Note)) ? [note(why), ...steps] : steps;
}

/** What a deploy (or a canary's rollback, which is a deploy) does with the job's token, each with why. */
function deployPermissions(values: WorkflowValues): Permissions {
  return jobPermissions(values, "write", "move the target's alias in the registry by OIDC", {
    deployments: commentAfter("write", "the GitHub deployment of each deploy and its statuses"),
    actions: commentAfter("read", "the run's approvals: who approved the deploy in the Environment"),
    issues: commentAfter("write", "one issue per model and alias when a deploy fails; closed by the next good one"),
  });
}

function targetConcurrency(model: string, target: string) {
  return commentAbove("One deploy of this target at a time, in every workflow; a running one is never cancelled.", {
    group: `mlops-deploy-${model}-${target}`,
    "cancel-in-progress": false,
  });
}

/** The judge: waits for the bake, judges the canary, rolls it back on a failure. Its outputs decide the promotion. */
function canaryJudgeJob(
  model: string,
  values: WorkflowValues,
  canary: DeployTargetWorkflow,
  bakeMinutes: number,
  needs: string,
): Job {
  return {
    name: `judge the canary (${canary.name})`,
    needs,
    "runs-on": "ubuntu-latest",
    // A failed canary's rollback is a deploy that moves the canary's alias: it runs in the canary's Environment.
    environment: { name: canary.environment },
    concurrency: targetConcurrency(model, canary.name),
    "timeout-minutes": Math.min(MAX_JOB_MINUTES, bakeMinutes + 30),
    permissions: deployPermissions(values),
    outputs: { verdict: "${{ steps.canary.outputs.verdict }}", version: "${{ steps.canary.outputs.version }}" },
    steps: [
      checkoutStep(),
      ...registryCredentialsSteps(values, "write"),
      ...setupFor("A rollback runs the canary target's deploy command again, with the version before.", values),
      note(
        [
          "Waits for deploy.canary.bake, then judges the canary by deploy.canary.rules: a failure (or no figures at all)",
          "rolls it back and fails the job. A pass is promoted by the next job, in its own Environment.",
        ].join("\n"),
      ),
      kitStep("canary", values, { id: "canary", with: { wait: true, promote: false } }),
    ],
  };
}

/** The targets in the order they deploy: those serving another alias first, then `champion`'s. */
function deployOrder(targets: DeployTargetWorkflow[]): DeployTargetWorkflow[] {
  return [
    ...targets.filter((target) => target.alias !== "champion"),
    ...targets.filter((target) => target.alias === "champion"),
  ];
}

/** The deploy jobs of a chain: each target after the one before it, then the canary's judge and its promotion. */
function chainJobs(
  model: string,
  values: WorkflowValues,
  deploy: DeployWorkflow,
  source: DeploySource,
): Record<string, Job> {
  const jobs: Record<string, Job> = {};
  const { canary } = deploy;
  const byName = new Map(deploy.targets.map((target) => [target.name, target]));
  const canaryTarget = canary ? byName.get(canary.target) : undefined;
  const promoteTarget = canary ? byName.get(canary.promoteTo) : undefined;
  const plain = deployOrder(deploy.targets).filter((t) => t !== canaryTarget && t !== promoteTarget);
  let previous: string | null = null;
  for (const target of [...plain, ...(canaryTarget ? [canaryTarget] : [])]) {
    const id = deployJobId(target.name);
    jobs[id] = deployJob(model, values, target, {
      needs: previous === null ? source.needs : [...source.needs, previous],
      if: previous === null ? source.startIf(target) : source.laterIf,
      version: source.version(target),
      reason: source.reason,
    });
    previous = id;
  }
  if (canary && canaryTarget && promoteTarget && previous !== null) {
    jobs[CANARY_JUDGE_JOB] = canaryJudgeJob(model, values, canaryTarget, canary.bakeMinutes, previous);
    jobs[deployJobId(promoteTarget.name)] = deployJob(model, values, promoteTarget, {
      needs: [CANARY_JUDGE_JOB],
      if: `needs.${CANARY_JUDGE_JOB}.outputs.verdict == 'pass'`,
      version: `\${{ needs.${CANARY_JUDGE_JOB}.outputs.version }}`,
      reason: source.reason,
    });
  }
  return jobs;
}

/**
 * The main workflow's deploy jobs (`approval: environment`): each needs publish, and runs only when the gate passed
 * and the version was published; the first deploys the published version, the later ones the same.
 */
export function mainDeployJobs(options: WorkflowOptions, values: WorkflowValues): Record<string, Job> {
  const { deploy } = options;
  if (deploy === null || deploy.approval !== "environment") return {};
  const published = "needs.publish.outputs.verdict == 'pass' && needs.publish.outputs.version != ''";
  return chainJobs(options.model, values, deploy, {
    needs: ["publish"],
    version: () => "${{ needs.publish.outputs.version }}",
    startIf: () => published,
    laterIf: published,
    reason: undefined,
  });
}

/** The main workflow deploys (approval: environment): it then needs the publish job's outputs. */
export function mainDeploys(options: WorkflowOptions): boolean {
  return options.deploy !== null && options.deploy.approval === "environment";
}

const ON_DEFAULT_BRANCH = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";

/** What a dispatched deploy asks: the target, the version, and why (kept in the alias history). */
function promoteInputs(deploy: DeployWorkflow): Record<string, WorkflowInput> {
  return {
    target: {
      description: "The deploy target",
      type: "choice",
      required: true,
      options: deploy.targets.map((target) => target.name),
    },
    version: {
      description: "The version: an id, a number (7, v7) or an alias (staging)",
      type: "string",
      required: true,
    },
    reason: { description: "Why (kept in the alias history with who dispatched it)", type: "string", default: "" },
  };
}

/**
 * mlops-promote.yml (`approval: dispatch`): a deploy asked for by hand, from the Actions tab, on the default branch
 * only; its actor is recorded as the approver. One job per target, each in its Environment (branch policies, the
 * deployment history); dispatching the canary target is followed by the judge and the promotion of a passing canary.
 */
export function promoteTemplate(options: WorkflowOptions, values: WorkflowValues): WorkflowTemplate | null {
  const { deploy } = options;
  if (deploy === null || deploy.approval !== "dispatch") return null;
  const chosen = (target: DeployTargetWorkflow): string => `${ON_DEFAULT_BRANCH} && inputs.target == '${target.name}'`;
  const jobs: Record<string, Job> = {};
  const { canary } = deploy;
  for (const target of deploy.targets) {
    const id = deployJobId(target.name);
    if (canary && target.name === canary.promoteTo) continue;
    Object.assign(
      jobs,
      chainJobs(
        options.model,
        values,
        { ...deploy, targets: [target], canary: null },
        {
          needs: [],
          version: () => "${{ inputs.version }}",
          startIf: chosen,
          laterIf: undefined,
          reason: "${{ inputs.reason }}",
        },
      ),
    );
    if (canary && target.name === canary.target) Object.assign(jobs, canaryFollowUp(options, values, deploy, id));
  }
  return {
    file: "mlops-promote.yml",
    purpose: `deploys by hand (deploy.approval: dispatch): a version to a target, from the Actions tab on ${options.defaultBranch}`,
    workflow: {
      header: [
        "mlops-kit: governed delivery without required reviewers (deploy.approval: dispatch in mlops.yml). Run it from",
        "the Actions tab: it deploys a version to a target, only on the default branch, and records who dispatched it as",
        "the approver. Each job runs in its target's GitHub Environment (branch policies, deployment history).",
        ...(canary
          ? [
              `Dispatching ${canary.target} (the canary) waits for the bake, judges it, rolls a failure back and deploys a`,
              `passing canary to ${canary.promoteTo}.`,
            ]
          : []),
      ].join("\n"),
      name: WORKFLOW_NAMES.promote,
      on: { workflow_dispatch: { inputs: promoteInputs(deploy) } },
      permissions: {},
      jobs,
    },
  };
}

/** After a dispatched canary deploy: the judge, then `promote_to` (also dispatchable on its own, in the same job). */
function canaryFollowUp(
  options: WorkflowOptions,
  values: WorkflowValues,
  deploy: DeployWorkflow,
  canaryJob: string,
): Record<string, Job> {
  const { canary } = deploy;
  const canaryTarget = deploy.targets.find((target) => target.name === canary?.target);
  const promoteTarget = deploy.targets.find((target) => target.name === canary?.promoteTo);
  if (!canary || !canaryTarget || !promoteTarget) return {};
  return {
    [CANARY_JUDGE_JOB]: canaryJudgeJob(options.model, values, canaryTarget, canary.bakeMinutes, canaryJob),
    // Dispatched itself, the judge is skipped: !cancelled() lets the job run then, with the dispatched version.
    [deployJobId(promoteTarget.name)]: deployJob(options.model, values, promoteTarget, {
      needs: [CANARY_JUDGE_JOB],
      if:
        `!cancelled() && ${ON_DEFAULT_BRANCH} && (inputs.target == '${promoteTarget.name}' || ` +
        `needs.${CANARY_JUDGE_JOB}.outputs.verdict == 'pass')`,
      version: `\${{ needs.${CANARY_JUDGE_JOB}.outputs.version || inputs.version }}`,
      reason: "${{ inputs.reason }}",
    }),
  };
}
