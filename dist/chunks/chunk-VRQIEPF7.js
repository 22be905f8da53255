import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  Context,
  GitHub,
  getOctokitOptions
} from "./chunk-CA3OQ63N.js";
import {
  ExternalError
} from "./chunk-XOZC47AQ.js";

// node_modules/@actions/github/lib/github.js
var context = new Context();
function getOctokit(token, options, ...additionalPlugins) {
  const GitHubWithPlugins = GitHub.plugin(...additionalPlugins);
  return new GitHubWithPlugins(getOctokitOptions(token, options));
}

// src/github/client.ts
var DEFAULT_RETRIES = 3;
var DEFAULT_BACKOFF_MS = 1e3;
var MAX_RETRY_AFTER_MS = 6e4;
function createGitHub(options) {
  const [owner = "", repo = ""] = options.repository.split("/");
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.repository))
    throw new ExternalError(`"${options.repository}" is not a repository (owner/name)`);
  const { logger } = options;
  const octokit = getOctokit(options.token, {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    log: {
      debug: () => void 0,
      info: () => void 0,
      warn: (m) => logger.debug(m),
      error: () => void 0
    }
  });
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  async function call(what, request) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (thrown) {
        const error = thrown;
        const status = error.status;
        const retryable = status === void 0 || status >= 500 || status === 429;
        const delay = retryDelay(error, backoff * 2 ** attempt);
        if (!retryable || attempt >= retries || delay > MAX_RETRY_AFTER_MS) {
          throw describeFailure(what, error, attempt + 1);
        }
        logger.warn(
          `GitHub API: ${what} failed (${status ?? "no response"}); retry ${attempt + 1} of ${retries} in ${delay} ms`
        );
        await sleep(delay);
      }
    }
  }
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
    listIssueComments: (issue2) => call(`list the comments of #${issue2}`, async () => {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue2,
        per_page: 100
      });
      return all.map(comment);
    }),
    createIssueComment: (issue2, body) => call(
      `comment on #${issue2}`,
      async () => comment((await octokit.rest.issues.createComment({ owner, repo, issue_number: issue2, body })).data)
    ),
    updateIssueComment: (id, body) => call(
      `update comment ${id}`,
      async () => comment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data)
    ),
    createCheckRun: (request) => call(`create the check run "${request.name}"`, async () => {
      const { data } = await octokit.rest.checks.create({
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
    addCheckRunAnnotations: (id, output) => call(`add annotations to check run ${id}`, async () => {
      await octokit.rest.checks.update({ owner, repo, check_run_id: id, output });
    }),
    findPullRequest: (head) => call(`find the pull request of ${head.owner}:${head.branch}`, async () => {
      const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        owner,
        repo,
        state: "open",
        head: `${head.owner}:${head.branch}`,
        per_page: 100
      });
      return pulls.find((pull) => pull.head.repo?.id === head.repositoryId && pull.head.sha === head.sha)?.number ?? null;
    }),
    getPullRequestHead: (number) => call(`read pull request #${number}`, async () => {
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
      return {
        number: data.number,
        state: data.state === "closed" ? "closed" : "open",
        sha: data.head.sha,
        repository: data.head.repo && { id: data.head.repo.id, fullName: data.head.repo.full_name }
      };
    }),
    listOpenIssues: (labels) => call(`list the open issues labelled ${labels.join(", ")}`, async () => {
      const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: "open",
        labels: labels.join(","),
        per_page: 100
      });
      return all.filter((item) => !item.pull_request).map(issue);
    }),
    dispatchWorkflow: (workflow, ref, inputs) => call(`run the workflow ${workflow} on ${ref}`, async () => {
      await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs });
    }),
    createIssue: (input) => call(
      `open an issue "${input.title}"`,
      async () => issue(
        (await octokit.rest.issues.create({
          owner,
          repo,
          title: input.title,
          body: input.body,
          labels: input.labels,
          ...input.assignees.length > 0 ? { assignees: input.assignees } : {}
        })).data
      )
    ),
    updateIssue: (number, changes) => call(
      `update issue #${number}`,
      async () => issue(
        (await octokit.rest.issues.update({
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
function retryDelay(error, fallback) {
  const header = error.response?.headers?.["retry-after"];
  if (header === void 0) return fallback;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1e3 : fallback;
}
function describeFailure(what, error, attempts) {
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
    return new ExternalError(message, {
      hint: "the token may not write here: on a pull request from a fork GITHUB_TOKEN is read-only, so post the report from a workflow_run job (https://github.com/mlops-kit/mlops-kit/blob/main/docs/reports.md#pull-requests-from-forks-two-workflows); otherwise grant the job `permissions: pull-requests: write, checks: write`",
      cause: error
    });
  }
  if (status === 404) {
    return new ExternalError(message, {
      hint: "check the repository name and that the token can see it",
      cause: error
    });
  }
  return new ExternalError(message, { cause: error });
}

export {
  createGitHub
};
