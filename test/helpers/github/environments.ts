import { exampleResponse, findOperation } from "../openapi.ts";
import {
  type EnvironmentSettings,
  type Handler,
  type RequestContext,
  type StoredEnvironment,
  type StoredRepository,
  type StoredRunReview,
  errorBody,
  notFound,
  timestamp,
} from "./context.ts";

/**
 * Deployment environments and the reviews of runs' deployments: an environment's protection rules (required reviewers,
 * wait timer, prevent_self_review, branch policy) as its settings page sets them, 404 for a name the repository lacks;
 * the reviews a run's deployments received (the approvals API) and the jobs still waiting for one (pending
 * deployments, which a review through the API approves or rejects). Tests set what GitHub's UI would.
 */

export interface EnvironmentsState {
  /** Adds (or replaces the protection rules of) an environment, as its settings page would. */
  setEnvironment(repository: string, name: string, settings?: EnvironmentSettings): StoredEnvironment;
  /** What a run's deployment reviews were (the approvals API lists them); environments are created if missing. */
  setRunApprovals(repository: string, runId: number, reviews: StoredRunReview[]): void;
  /** Environments a run's jobs wait on for review (the pending_deployments API). */
  setPendingDeployments(repository: string, runId: number, environments: string[]): void;
}

export function storedEnvironment(name: string, settings: EnvironmentSettings, id: number): StoredEnvironment {
  return { ...settings, id, name, createdAt: timestamp() };
}

/** Environment names are case-insensitive on GitHub. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function environmentOf(repository: StoredRepository, name: string, nextId: () => number): StoredEnvironment {
  const found = repository.environments.find((e) => sameName(e.name, name));
  if (found) return found;
  const created = storedEnvironment(name, {}, nextId());
  repository.environments.push(created);
  return created;
}

export function environmentsState(
  repositories: Map<string, StoredRepository>,
  nextId: () => number,
): EnvironmentsState {
  const repositoryNamed = (fullName: string): StoredRepository => storedRepository(repositories, fullName);
  return {
    setEnvironment: (fullName, name, settings = {}) => {
      const repository = repositoryNamed(fullName);
      const environment = environmentOf(repository, name, nextId);
      for (const key of ["reviewers", "waitTimer", "preventSelfReview", "branchPolicy"] as const)
        delete environment[key];
      return Object.assign(environment, settings);
    },
    setRunApprovals: (fullName, runId, reviews) => {
      const repository = repositoryNamed(fullName);
      for (const review of reviews) for (const name of review.environments) environmentOf(repository, name, nextId);
      repository.runReviews.set(runId, structuredClone(reviews));
    },
    setPendingDeployments: (fullName, runId, environments) => {
      const repository = repositoryNamed(fullName);
      for (const name of environments) environmentOf(repository, name, nextId);
      repository.pendingDeployments.set(runId, [...environments]);
    },
  };
}

/** A GitHub operation's documented example, for dressing answers of other operations (users, teams). */
function example(method: string, path: string, status: string): unknown {
  const matched = findOperation(method, path);
  if (!matched) throw new Error(`GitHub's description lacks ${method} ${path}`);
  return exampleResponse(matched, status);
}

export function userJson(login: string, type = "User"): Record<string, unknown> {
  const base = (example("GET", "/repos/o/r/deployments/1", "200") as { creator: Record<string, unknown> }).creator;
  return {
    ...base,
    login,
    type,
    html_url: `https://github.com/${login}`,
    url: `https://api.github.com/users/${login}`,
  };
}

function reviewerJson(reviewer: string): Record<string, unknown> {
  if (!reviewer.includes("/")) return { type: "User", reviewer: userJson(reviewer) };
  const [org = "", slug = ""] = reviewer.split("/");
  const { reviewers } = (example("GET", "/repos/o/r/environments/e", "200") as Record<string, unknown[]>)
    .protection_rules?.[1] as { reviewers: { type: string; reviewer: Record<string, unknown> }[] };
  const team = reviewers.find((r) => r.type === "Team")?.reviewer ?? {};
  return {
    type: "Team",
    // GitHub's example team predates the `type` its schema now requires.
    reviewer: {
      ...team,
      type: "organization",
      name: slug,
      slug,
      html_url: `https://github.com/orgs/${org}/teams/${slug}`,
    },
  };
}

function environmentSummary(context: RequestContext, environment: StoredEnvironment): Record<string, unknown> {
  const { owner, repo, hosts } = context;
  return {
    id: environment.id,
    node_id: `EN_${environment.id}`,
    name: environment.name,
    url: `${hosts.api}/repos/${owner}/${repo}/environments/${encodeURIComponent(environment.name)}`,
    html_url: `https://github.com/${owner}/${repo}/deployments/activity_log?environments_filter=${encodeURIComponent(environment.name)}`,
  };
}

function environmentJson(context: RequestContext, environment: StoredEnvironment): unknown {
  const rules: Record<string, unknown>[] = [];
  const rule = (type: string, fields: object): void =>
    void rules.push({
      id: environment.id * 10 + rules.length,
      node_id: `GA_${environment.id}_${type}`,
      type,
      ...fields,
    });
  if (environment.waitTimer !== undefined) rule("wait_timer", { wait_timer: environment.waitTimer });
  if (environment.reviewers?.length)
    rule("required_reviewers", {
      prevent_self_review: environment.preventSelfReview ?? false,
      reviewers: environment.reviewers.map(reviewerJson),
    });
  if (environment.branchPolicy) rule("branch_policy", {});
  return {
    ...environmentSummary(context, environment),
    created_at: environment.createdAt,
    updated_at: environment.createdAt,
    protection_rules: rules,
    deployment_branch_policy: environment.branchPolicy
      ? {
          protected_branches: environment.branchPolicy.protectedBranches,
          custom_branch_policies: environment.branchPolicy.customBranchPolicies,
        }
      : null,
  };
}

/** The stand-in's repository of that name; a test naming one it was not told of is a mistake in the test. */
export function storedRepository(repositories: Map<string, StoredRepository>, fullName: string): StoredRepository {
  const repository = repositories.get(fullName.toLowerCase());
  if (!repository) throw new Error(`the stand-in keeps no repository ${fullName}`);
  return repository;
}

const repositoryOf = (context: RequestContext): StoredRepository => context.repository as StoredRepository;

export function environmentHandlers(state: { author: { login: string } }): Record<string, Handler> {
  return {
    "repos/get-environment": (context) => {
      const name = context.matched.pathParams.environment_name ?? "";
      const environment = repositoryOf(context).environments.find((e) => sameName(e.name, name));
      if (!environment) return notFound(context);
      context.reply(200, environmentJson(context, environment));
    },
    "actions/get-reviews-for-run": (context) => {
      const repository = repositoryOf(context);
      const reviews = repository.runReviews.get(Number(context.matched.pathParams.run_id)) ?? [];
      context.reply(
        200,
        reviews.map((review) => ({
          state: review.state,
          comment: review.comment,
          user: userJson(review.user),
          environments: review.environments.map((name) => {
            const environment = environmentOf(repository, name, () => context.nextId());
            return {
              ...environmentSummary(context, environment),
              created_at: environment.createdAt,
              updated_at: environment.createdAt,
            };
          }),
        })),
      );
    },
    "actions/get-pending-deployments-for-run": (context) => {
      const repository = repositoryOf(context);
      const pending = repository.pendingDeployments.get(Number(context.matched.pathParams.run_id)) ?? [];
      context.reply(
        200,
        pending.map((name) => {
          const environment = environmentOf(repository, name, () => context.nextId());
          return {
            environment: environmentSummary(context, environment),
            wait_timer: environment.waitTimer ?? 0,
            wait_timer_started_at: environment.waitTimer ? environment.createdAt : null,
            current_user_can_approve: (environment.reviewers ?? []).includes(state.author.login),
            reviewers: (environment.reviewers ?? []).map(reviewerJson),
          };
        }),
      );
    },
    "actions/review-pending-deployments-for-run": (context) => {
      const repository = repositoryOf(context);
      const runId = Number(context.matched.pathParams.run_id);
      const input = context.body as { environment_ids: number[]; state: "approved" | "rejected"; comment: string };
      const pending = repository.pendingDeployments.get(runId) ?? [];
      const chosen = repository.environments.filter((e) => input.environment_ids.includes(e.id));
      const waiting = chosen.filter((e) => pending.some((name) => sameName(name, e.name)));
      if (waiting.length === 0 || waiting.length !== input.environment_ids.length)
        return context.reply(422, errorBody(context, 422, "No pending deployment requests to approve or reject"));
      repository.pendingDeployments.set(
        runId,
        pending.filter((name) => !waiting.some((e) => sameName(e.name, name))),
      );
      const reviews = repository.runReviews.get(runId) ?? [];
      reviews.push({
        user: state.author.login,
        comment: input.comment,
        state: input.state,
        environments: waiting.map((e) => e.name),
      });
      repository.runReviews.set(runId, reviews);
      // GitHub answers with the deployments the approved jobs go on to create; none exist before the job runs here.
      context.reply(200, []);
    },
  };
}
