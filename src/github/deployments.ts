import { ExternalError } from "../errors.ts";
import { type OctokitCall, statusOf } from "./call.ts";

/**
 * GitHub's side of governed delivery (DOMAIN.md §8, PLATFORM.md "Environments and deployments"): deployments and their
 * statuses, which the repository's Environments page shows; an environment's protection rules (required reviewers, wait
 * timer, branch policy), which are the approval of a deploy job; and the approvals a run received, which the alias
 * history records. Built by `createGitHub` (./client.ts), which hands over its retrying `call`.
 */

export type DeploymentState = "queued" | "in_progress" | "success" | "failure" | "error" | "inactive";

export interface NewDeployment {
  /** The branch, tag or commit the deployment is of (the workflow run's commit). */
  ref: string;
  /** The GitHub Environment; GitHub creates it if the repository has none of that name. */
  environment: string;
  description?: string;
  /** What was deployed, for whoever reads the deployment back (model, version, alias ...). */
  payload?: Record<string, unknown>;
  /** Whether end users are served from it; GitHub's default when omitted: true for an environment named "production". */
  productionEnvironment?: boolean;
  /** An environment that will cease to exist (a preview); its deployments are not marked inactive by later ones. */
  transientEnvironment?: boolean;
}

export interface DeploymentStatusUpdate {
  state: DeploymentState;
  /** Cut to GitHub's 140 characters. */
  description?: string;
  /** Where the deployed model serves; GitHub links it from the Environments page. */
  environmentUrl?: string;
  /** The run's log, e.g. the workflow run URL. */
  logUrl?: string;
  /** GitHub's default (true): a `success` marks the environment's earlier successful deployments `inactive`. */
  autoInactive?: boolean;
}

export interface Deployment {
  id: number;
  ref: string;
  sha: string;
  environment: string;
  createdAt: string;
  payload: Record<string, unknown>;
  /** The state of its newest status; null when it has none yet. */
  latestState: string | null;
}

export interface EnvironmentProtectionRule {
  /** "required_reviewers", "wait_timer", "branch_policy", or a custom protection rule's type. */
  type: string;
  /** Required reviewers: users by login, teams as `org/team-slug`. One approval suffices. */
  reviewers?: string[];
  /** Minutes a job waits before it may run. */
  waitTimer?: number;
  /** Whether the one who triggered the run may not approve it. */
  preventSelfReview?: boolean;
}

export interface EnvironmentBranchPolicy {
  /** Only branches with branch protection may deploy. */
  protectedBranches: boolean;
  /** Only branches (and tags) matching the environment's name patterns may deploy. */
  customBranchPolicies: boolean;
}

export interface Environment {
  name: string;
  protectionRules: EnvironmentProtectionRule[];
  /** null: any branch may deploy. */
  branchPolicy: EnvironmentBranchPolicy | null;
}

export interface RunApproval {
  user: string;
  comment: string;
  state: "approved" | "rejected";
  environments: string[];
}

export interface DeploymentCalls {
  /** A deployment of `ref` to the environment: its id and its REST API address (statuses are under it). */
  createDeployment(deployment: NewDeployment): Promise<{ id: number; url: string }>;
  /** Adds a status to the deployment; the newest is what the repository's Environments page shows. */
  setDeploymentStatus(id: number, status: DeploymentStatusUpdate): Promise<void>;
  /** The environment's newest deployments (at most {@link DEPLOYMENT_HISTORY_LIMIT}), newest first. */
  listDeployments(environment: string): Promise<Deployment[]>;
  /**
   * The environment's protection rules; null when the repository has no environment of that name (GitHub answers
   * 404, which it also answers for a repository the token cannot see: other calls fail first in that case).
   */
  getEnvironment(name: string): Promise<Environment | null>;
  /** The reviews a workflow run's deployments received (approved or rejected), oldest first as GitHub lists them. */
  listRunApprovals(runId: number): Promise<RunApproval[]>;
}

/** GitHub's limit on a deployment status's description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

/** Deployments listed per environment: each costs one more request for its latest status. */
export const DEPLOYMENT_HISTORY_LIMIT = 20;

const DEPLOYMENTS_HINT =
  "grant the job `permissions: deployments: write` (a pull request from a fork gets a read-only token and cannot deploy)";
const ACTIONS_READ_HINT = "grant the job `permissions: actions: read`";

export function deploymentCalls(repository: { owner: string; repo: string }, call: OctokitCall): DeploymentCalls {
  const { owner, repo } = repository;
  return {
    createDeployment: (input) =>
      call(
        `create a deployment of ${input.ref} to ${input.environment}`,
        async (octokit) => {
          const { data } = await octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref: input.ref,
            environment: input.environment,
            description: input.description ?? "",
            payload: input.payload ?? {},
            // A model deploy is decided by the gate and the environment's reviewers, not by the commit's status
            // checks (GitHub would refuse it while any is pending or failed, 409), and it must never merge the
            // default branch into the ref it deploys (GitHub's default auto_merge), which would deploy other code.
            auto_merge: false,
            required_contexts: [],
            transient_environment: input.transientEnvironment ?? false,
            ...(input.productionEnvironment === undefined
              ? {}
              : { production_environment: input.productionEnvironment }),
          });
          if (!("id" in data))
            throw new ExternalError(`GitHub did not create the deployment of ${input.ref}: ${data.message ?? ""}`);
          return { id: data.id, url: data.url };
        },
        { forbidden: DEPLOYMENTS_HINT },
      ),
    setDeploymentStatus: (id, status) =>
      call(
        `set deployment ${id} to ${status.state}`,
        async (octokit) => {
          await octokit.rest.repos.createDeploymentStatus({
            owner,
            repo,
            deployment_id: id,
            state: status.state,
            ...(status.description === undefined ? {} : { description: cut(status.description) }),
            ...(status.environmentUrl === undefined ? {} : { environment_url: status.environmentUrl }),
            ...(status.logUrl === undefined ? {} : { log_url: status.logUrl }),
            ...(status.autoInactive === undefined ? {} : { auto_inactive: status.autoInactive }),
          });
        },
        { forbidden: DEPLOYMENTS_HINT },
      ),
    listDeployments: (environment) =>
      call(
        `list the deployments to ${environment}`,
        async (octokit) => {
          // GitHub lists deployments newest first; one page is the bound.
          const { data } = await octokit.rest.repos.listDeployments({
            owner,
            repo,
            environment,
            per_page: DEPLOYMENT_HISTORY_LIMIT,
          });
          const deployments: Deployment[] = [];
          // One after another: GitHub's secondary limits punish bursts of concurrent requests.
          for (const deployment of data) {
            const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
              owner,
              repo,
              deployment_id: deployment.id,
              per_page: 1,
            });
            deployments.push({
              id: deployment.id,
              ref: deployment.ref,
              sha: deployment.sha,
              environment: deployment.environment,
              createdAt: deployment.created_at,
              payload: payloadOf(deployment.payload),
              latestState: statuses[0]?.state ?? null,
            });
          }
          return deployments;
        },
        { forbidden: "grant the job `permissions: deployments: read`" },
      ),
    getEnvironment: (name) =>
      call(
        `read the environment ${name}`,
        async (octokit) => {
          try {
            const { data } = await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: name });
            return {
              name: data.name,
              protectionRules: (data.protection_rules ?? []).map((rule) => protectionRule(rule, owner)),
              branchPolicy: data.deployment_branch_policy
                ? {
                    protectedBranches: data.deployment_branch_policy.protected_branches,
                    customBranchPolicies: data.deployment_branch_policy.custom_branch_policies,
                  }
                : null,
            };
          } catch (thrown) {
            if (statusOf(thrown) === 404) return null;
            throw thrown;
          }
        },
        { forbidden: ACTIONS_READ_HINT },
      ),
    listRunApprovals: (runId) =>
      call(
        `read the approvals of run ${runId}`,
        async (octokit) => {
          const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId });
          // "pending" entries are comments left without a decision: not an approval either way.
          return data.flatMap((review): RunApproval[] =>
            review.state === "approved" || review.state === "rejected"
              ? [
                  {
                    user: review.user.login,
                    comment: review.comment,
                    state: review.state,
                    environments: review.environments.flatMap((e) => (e.name === undefined ? [] : [e.name])),
                  },
                ]
              : [],
          );
        },
        { forbidden: ACTIONS_READ_HINT },
      ),
  };
}

/** GitHub refuses a longer description (422); the end is what gets cut, marked with an ellipsis. */
function cut(text: string): string {
  return text.length <= STATUS_DESCRIPTION_LIMIT ? text : `${text.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}

/** A deployment's payload as GitHub returns it: an object, or the string it was created with (JSON or empty). */
function payloadOf(payload: unknown): Record<string, unknown> {
  if (typeof payload === "object" && payload !== null && !Array.isArray(payload))
    return payload as Record<string, unknown>;
  if (typeof payload !== "string" || payload === "") return {};
  try {
    const parsed: unknown = JSON.parse(payload);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

interface RawProtectionRule {
  type: string;
  wait_timer?: number;
  prevent_self_review?: boolean;
  reviewers?: { type?: string; reviewer?: { login?: string; slug?: string } }[];
}

function protectionRule(raw: RawProtectionRule, owner: string): EnvironmentProtectionRule {
  return {
    type: raw.type,
    ...(raw.reviewers === undefined
      ? {}
      : {
          reviewers: raw.reviewers.flatMap(({ type, reviewer }) => {
            const name = type === "Team" ? reviewer?.slug && `${owner}/${reviewer.slug}` : reviewer?.login;
            return name ? [name] : [];
          }),
        }),
    ...(raw.wait_timer === undefined ? {} : { waitTimer: raw.wait_timer }),
    ...(raw.prevent_self_review === undefined ? {} : { preventSelfReview: raw.prevent_self_review }),
  };
}
