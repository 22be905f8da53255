import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  ExternalError
} from "./chunk-XOZC47AQ.js";

// src/github/call.ts
var MAX_RETRY_AFTER_MS = 6e4;
var DEFAULT_FORBIDDEN_HINT = "the token may not write here: on a pull request from a fork GITHUB_TOKEN is read-only, so post the report from a workflow_run job (https://github.com/mlops-kit/mlops-kit/blob/main/docs/reports.md#pull-requests-from-forks-two-workflows); otherwise grant the job `permissions: pull-requests: write, checks: write`";
function createCall(options) {
  const { logger, retries, backoffMs, sleep } = options;
  return async function call(what, request, hints = {}) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (thrown) {
        const error = thrown;
        const status = error.status;
        const retryable = status === void 0 || status >= 500 || status === 429;
        const delay = retryDelay(error, backoffMs * 2 ** attempt);
        if (!retryable || attempt >= retries || delay > MAX_RETRY_AFTER_MS) {
          throw describeFailure(what, error, attempt + 1, hints);
        }
        logger.warn(
          `GitHub API: ${what} failed (${status ?? "no response"}); retry ${attempt + 1} of ${retries} in ${delay} ms`
        );
        await sleep(delay);
      }
    }
  };
}
function statusOf(thrown) {
  const status = thrown?.status;
  return typeof status === "number" ? status : void 0;
}
function retryDelay(error, fallback) {
  const header = error.response?.headers?.["retry-after"];
  if (header === void 0) return fallback;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1e3 : fallback;
}
function describeFailure(what, error, attempts, hints) {
  const status = error.status;
  const data = error.response?.data;
  const detail = [
    typeof data?.message === "string" ? data.message : error.message,
    ...Array.isArray(data?.errors) ? data.errors.map(
      (e) => typeof e === "string" ? e : typeof e.message === "string" ? e.message : JSON.stringify(e)
    ) : []
  ].join("; ");
  const tried = attempts > 1 ? ` after ${attempts} attempts` : "";
  const message = `GitHub API: could not ${what}: ${status ?? "no response"}${tried}: ${detail}`;
  if (status === 403 || status === 401) {
    return new ExternalError(message, { hint: hints.forbidden ?? DEFAULT_FORBIDDEN_HINT, cause: error });
  }
  if (status === 404) {
    return new ExternalError(message, {
      hint: "check the repository name and that the token can see it",
      cause: error
    });
  }
  return new ExternalError(message, { cause: error });
}

// src/github/deployments.ts
var STATUS_DESCRIPTION_LIMIT = 140;
var DEPLOYMENT_HISTORY_LIMIT = 20;
var DEPLOYMENTS_HINT = "grant the job `permissions: deployments: write` (a pull request from a fork gets a read-only token and cannot deploy)";
var ACTIONS_READ_HINT = "grant the job `permissions: actions: read`";
function deploymentCalls(repository, call) {
  const { owner, repo } = repository;
  return {
    createDeployment: (input) => call(
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
          ...input.productionEnvironment === void 0 ? {} : { production_environment: input.productionEnvironment }
        });
        if (!("id" in data))
          throw new ExternalError(`GitHub did not create the deployment of ${input.ref}: ${data.message ?? ""}`);
        return { id: data.id, url: data.url };
      },
      { forbidden: DEPLOYMENTS_HINT }
    ),
    setDeploymentStatus: (id, status) => call(
      `set deployment ${id} to ${status.state}`,
      async (octokit) => {
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: id,
          state: status.state,
          ...status.description === void 0 ? {} : { description: cut(status.description) },
          ...status.environmentUrl === void 0 ? {} : { environment_url: status.environmentUrl },
          ...status.logUrl === void 0 ? {} : { log_url: status.logUrl },
          ...status.autoInactive === void 0 ? {} : { auto_inactive: status.autoInactive }
        });
      },
      { forbidden: DEPLOYMENTS_HINT }
    ),
    listDeployments: (environment) => call(
      `list the deployments to ${environment}`,
      async (octokit) => {
        const { data } = await octokit.rest.repos.listDeployments({
          owner,
          repo,
          environment,
          per_page: DEPLOYMENT_HISTORY_LIMIT
        });
        const deployments = [];
        for (const deployment of data) {
          const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: 1
          });
          deployments.push({
            id: deployment.id,
            ref: deployment.ref,
            sha: deployment.sha,
            environment: deployment.environment,
            createdAt: deployment.created_at,
            payload: payloadOf(deployment.payload),
            latestState: statuses[0]?.state ?? null
          });
        }
        return deployments;
      },
      { forbidden: "grant the job `permissions: deployments: read`" }
    ),
    getEnvironment: (name) => call(
      `read the environment ${name}`,
      async (octokit) => {
        try {
          const { data } = await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: name });
          return {
            name: data.name,
            protectionRules: (data.protection_rules ?? []).map((rule) => protectionRule(rule, owner)),
            branchPolicy: data.deployment_branch_policy ? {
              protectedBranches: data.deployment_branch_policy.protected_branches,
              customBranchPolicies: data.deployment_branch_policy.custom_branch_policies
            } : null
          };
        } catch (thrown) {
          if (statusOf(thrown) === 404) return null;
          throw thrown;
        }
      },
      { forbidden: ACTIONS_READ_HINT }
    ),
    listRunApprovals: (runId) => call(
      `read the approvals of run ${runId}`,
      async (octokit) => {
        const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId });
        return data.flatMap(
          (review) => review.state === "approved" || review.state === "rejected" ? [
            {
              user: review.user.login,
              comment: review.comment,
              state: review.state,
              environments: review.environments.flatMap((e) => e.name === void 0 ? [] : [e.name])
            }
          ] : []
        );
      },
      { forbidden: ACTIONS_READ_HINT }
    )
  };
}
function cut(text) {
  return text.length <= STATUS_DESCRIPTION_LIMIT ? text : `${text.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}\u2026`;
}
function payloadOf(payload) {
  if (typeof payload === "object" && payload !== null && !Array.isArray(payload))
    return payload;
  if (typeof payload !== "string" || payload === "") return {};
  try {
    const parsed = JSON.parse(payload);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
function protectionRule(raw, owner) {
  return {
    type: raw.type,
    ...raw.reviewers === void 0 ? {} : {
      reviewers: raw.reviewers.flatMap(({ type, reviewer }) => {
        const name = type === "Team" ? reviewer?.slug && `${owner}/${reviewer.slug}` : reviewer?.login;
        return name ? [name] : [];
      })
    },
    ...raw.wait_timer === void 0 ? {} : { waitTimer: raw.wait_timer },
    ...raw.prevent_self_review === void 0 ? {} : { preventSelfReview: raw.prevent_self_review }
  };
}

// src/github/client.ts
var DEFAULT_RETRIES = 3;
var DEFAULT_BACKOFF_MS = 1e3;
function createGitHub(options) {
  const [owner = "", repo = ""] = options.repository.split("/");
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.repository))
    throw new ExternalError(`"${options.repository}" is not a repository (owner/name)`);
  const { logger } = options;
  let loaded = null;
  const octokit = () => loaded ??= import("./github-5ETM6W3S.js").then(
    ({ getOctokit }) => getOctokit(options.token, {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      log: {
        debug: () => void 0,
        info: () => void 0,
        warn: (m) => logger.debug(m),
        error: () => void 0
      }
    })
  );
  const call = createCall({
    logger,
    retries: options.retries ?? DEFAULT_RETRIES,
    backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  });
  const withOctokit = (what, request, hints) => call(what, async () => request(await octokit()), hints);
  const comment = (data) => ({
    id: data.id,
    body: data.body ?? "",
    url: data.html_url,
    authorType: data.user?.type ?? null,
    authorAssociation: data.author_association
  });
  const issue = (data) => ({
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    state: data.state === "closed" ? "closed" : "open",
    url: data.html_url,
    labels: data.labels.map((label) => typeof label === "string" ? label : label.name ?? "")
  });
  return {
    repository: options.repository,
    ...deploymentCalls({ owner, repo }, withOctokit),
    listIssueComments: (issue2) => withOctokit(`list the comments of #${issue2}`, async (octokit2) => {
      const all = await octokit2.paginate(octokit2.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue2,
        per_page: 100
      });
      return all.map(comment);
    }),
    createIssueComment: (issue2, body) => withOctokit(
      `comment on #${issue2}`,
      async (octokit2) => comment((await octokit2.rest.issues.createComment({ owner, repo, issue_number: issue2, body })).data)
    ),
    updateIssueComment: (id, body) => withOctokit(
      `update comment ${id}`,
      async (octokit2) => comment((await octokit2.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data)
    ),
    createCheckRun: (request) => withOctokit(`create the check run "${request.name}"`, async (octokit2) => {
      const { data } = await octokit2.rest.checks.create({
        owner,
        repo,
        name: request.name,
        head_sha: request.headSha,
        status: "completed",
        conclusion: request.conclusion,
        ...request.detailsUrl ? { details_url: request.detailsUrl } : {},
        output: request.output
      });
      return { id: data.id, url: data.html_url ?? null };
    }),
    addCheckRunAnnotations: (id, output) => withOctokit(`add annotations to check run ${id}`, async (octokit2) => {
      await octokit2.rest.checks.update({ owner, repo, check_run_id: id, output });
    }),
    findPullRequest: (head) => withOctokit(`find the pull request of ${head.owner}:${head.branch}`, async (octokit2) => {
      const pulls = await octokit2.paginate(octokit2.rest.pulls.list, {
        owner,
        repo,
        state: "open",
        head: `${head.owner}:${head.branch}`,
        per_page: 100
      });
      return pulls.find((pull) => pull.head.repo?.id === head.repositoryId && pull.head.sha === head.sha)?.number ?? null;
    }),
    getPullRequestHead: (number) => withOctokit(`read pull request #${number}`, async (octokit2) => {
      const { data } = await octokit2.rest.pulls.get({ owner, repo, pull_number: number });
      return {
        number: data.number,
        state: data.state === "closed" ? "closed" : "open",
        sha: data.head.sha,
        repository: data.head.repo && { id: data.head.repo.id, fullName: data.head.repo.full_name }
      };
    }),
    listOpenIssues: (labels) => withOctokit(`list the open issues labelled ${labels.join(", ")}`, async (octokit2) => {
      const all = await octokit2.paginate(octokit2.rest.issues.listForRepo, {
        owner,
        repo,
        state: "open",
        labels: labels.join(","),
        per_page: 100
      });
      return all.filter((item) => !item.pull_request).map(issue);
    }),
    dispatchWorkflow: (workflow, ref, inputs) => withOctokit(`run the workflow ${workflow} on ${ref}`, async (octokit2) => {
      await octokit2.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs });
    }),
    createIssue: (input) => withOctokit(
      `open an issue "${input.title}"`,
      async (octokit2) => issue(
        (await octokit2.rest.issues.create({
          owner,
          repo,
          title: input.title,
          body: input.body,
          labels: input.labels,
          ...input.assignees.length > 0 ? { assignees: input.assignees } : {}
        })).data
      )
    ),
    updateIssue: (number, changes) => withOctokit(
      `update issue #${number}`,
      async (octokit2) => issue(
        (await octokit2.rest.issues.update({
          owner,
          repo,
          issue_number: number,
          ...changes.body === void 0 ? {} : { body: changes.body },
          ...changes.state === void 0 ? {} : { state: changes.state },
          ...changes.stateReason === void 0 ? {} : { state_reason: changes.stateReason }
        })).data
      )
    )
  };
}

export {
  createGitHub
};
