import { resolveCommit } from "./bare-repo.ts";
import {
  type Handler,
  type RequestContext,
  type StoredDeployment,
  type StoredDeploymentStatus,
  type StoredRepository,
  notFound,
  paginate,
  timestamp,
  unprocessable,
  validationFailed,
} from "./context.ts";
import { environmentOf, sameName, storedRepository, userJson } from "./environments.ts";

/**
 * Deployments and their statuses, with GitHub's semantics: a deployment
 * is of a commit the repository has (a ref is resolved; an unknown one is 422 "No ref found for"); a deployment to an
 * environment the repository lacks creates it; a `success` status of a non-transient deployment (auto_inactive, the
 * default) adds an `inactive` status to the environment's earlier non-transient deployments whose latest status was
 * `success` ("Inactive deployments" in GitHub's docs, which still say "non-production"; GitHub's 2018 changelog made
 * production deployments auto-inactivated too, which is followed here); a status description over 140 characters is
 * 422. Environments and runs' reviews are in ./environments.ts.
 */

export interface DeploymentsState {
  /** The repository's deployments, oldest first, each with its statuses (oldest first). */
  deployments(repository: string): StoredDeployment[];
}

export function deploymentsState(repositories: Map<string, StoredRepository>): DeploymentsState {
  return { deployments: (fullName) => storedRepository(repositories, fullName).deployments };
}

/** GitHub's limit on a deployment status's description. */
export const STATUS_DESCRIPTION_LIMIT = 140;

function deploymentJson(context: RequestContext, d: StoredDeployment): unknown {
  const root = `${context.hosts.api}/repos/${context.owner}/${context.repo}`;
  return {
    url: `${root}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: userJson(d.creator, d.creator.endsWith("[bot]") ? "Bot" : "User"),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${root}/deployments/${d.id}/statuses`,
    repository_url: root,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  };
}

function statusJson(context: RequestContext, d: StoredDeployment, s: StoredDeploymentStatus): unknown {
  const root = `${context.hosts.api}/repos/${context.owner}/${context.repo}`;
  return {
    url: `${root}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${s.id}`,
    state: s.state,
    creator: userJson(d.creator, d.creator.endsWith("[bot]") ? "Bot" : "User"),
    description: s.description,
    environment: s.environment,
    target_url: s.logUrl,
    log_url: s.logUrl,
    environment_url: s.environmentUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: `${root}/deployments/${d.id}`,
    repository_url: root,
  };
}

const repositoryOf = (context: RequestContext): StoredRepository => context.repository as StoredRepository;

function deploymentOf(context: RequestContext): StoredDeployment | undefined {
  const id = Number(context.matched.pathParams.deployment_id);
  return repositoryOf(context).deployments.find((d) => d.id === id);
}

interface NewDeploymentBody {
  ref: string;
  task?: string;
  payload?: Record<string, unknown> | string;
  environment?: string;
  description?: string | null;
  transient_environment?: boolean;
  production_environment?: boolean;
}

interface NewStatusBody {
  state: StoredDeploymentStatus["state"];
  target_url?: string;
  log_url?: string;
  description?: string;
  environment?: string;
  environment_url?: string;
  auto_inactive?: boolean;
}

export function deploymentHandlers(state: { author: { login: string } }): Record<string, Handler> {
  return {
    "repos/create-deployment": async (context) => {
      const repository = repositoryOf(context);
      const input = context.body as NewDeploymentBody;
      const sha = await resolveCommit(repository.gitDir, input.ref);
      if (!sha) return unprocessable(context, `No ref found for: ${input.ref}`);
      const environment = environmentOf(repository, input.environment ?? "production", () => context.nextId()).name;
      const deployment: StoredDeployment = {
        id: context.nextId(),
        ref: input.ref,
        sha,
        task: input.task ?? "deploy",
        environment,
        originalEnvironment: environment,
        description: input.description === undefined ? "" : input.description,
        payload: input.payload ?? {},
        productionEnvironment: input.production_environment ?? sameName(environment, "production"),
        transientEnvironment: input.transient_environment ?? false,
        creator: state.author.login,
        createdAt: timestamp(),
        statuses: [],
      };
      repository.deployments.push(deployment);
      context.reply(201, deploymentJson(context, deployment));
    },
    "repos/list-deployments": (context) => {
      const query = context.target.searchParams;
      const wanted = (field: "sha" | "ref" | "task" | "environment", value: string): boolean => {
        const filter = query.get(field);
        return (
          filter === null || filter === "" || (field === "environment" ? sameName(filter, value) : filter === value)
        );
      };
      const found = repositoryOf(context)
        .deployments.filter(
          (d) =>
            wanted("sha", d.sha) &&
            wanted("ref", d.ref) &&
            wanted("task", d.task) &&
            wanted("environment", d.environment),
        )
        .toReversed();
      const { page, headers } = paginate(found, context.target);
      context.reply(
        200,
        page.map((d) => deploymentJson(context, d)),
        headers,
      );
    },
    "repos/get-deployment": (context) => {
      const deployment = deploymentOf(context);
      if (!deployment) return notFound(context);
      context.reply(200, deploymentJson(context, deployment));
    },
    "repos/create-deployment-status": (context) => {
      const repository = repositoryOf(context);
      const deployment = deploymentOf(context);
      if (!deployment) return notFound(context);
      const input = context.body as NewStatusBody;
      if ((input.description ?? "").length > STATUS_DESCRIPTION_LIMIT)
        return validationFailed(context, {
          resource: "DeploymentStatus",
          code: "custom",
          field: "description",
          message: `description is too long (maximum is ${STATUS_DESCRIPTION_LIMIT} characters)`,
        });
      if (input.environment !== undefined)
        deployment.environment = environmentOf(repository, input.environment, () => context.nextId()).name;
      const status = addStatus(context, deployment, {
        state: input.state,
        description: input.description ?? "",
        environmentUrl: input.environment_url ?? "",
        logUrl: input.log_url ?? input.target_url ?? "",
      });
      if (input.state === "success" && input.auto_inactive !== false && !deployment.transientEnvironment) {
        for (const earlier of repository.deployments) {
          if (earlier.id >= deployment.id || earlier.transientEnvironment) continue;
          if (!sameName(earlier.environment, deployment.environment)) continue;
          if (earlier.statuses.at(-1)?.state !== "success") continue;
          addStatus(context, earlier, { state: "inactive", description: "", environmentUrl: "", logUrl: "" });
        }
      }
      context.reply(201, statusJson(context, deployment, status), {
        location: `${context.hosts.api}/repos/${context.owner}/${context.repo}/deployments/${deployment.id}/statuses/${status.id}`,
      });
    },
    "repos/list-deployment-statuses": (context) => {
      const deployment = deploymentOf(context);
      if (!deployment) return notFound(context);
      const { page, headers } = paginate(deployment.statuses.toReversed(), context.target);
      context.reply(
        200,
        page.map((s) => statusJson(context, deployment, s)),
        headers,
      );
    },
  };
}

function addStatus(
  context: RequestContext,
  deployment: StoredDeployment,
  fields: Pick<StoredDeploymentStatus, "state" | "description" | "environmentUrl" | "logUrl">,
): StoredDeploymentStatus {
  const status: StoredDeploymentStatus = {
    id: context.nextId(),
    environment: deployment.environment,
    createdAt: timestamp(),
    ...fields,
  };
  deployment.statuses.push(status);
  return status;
}
