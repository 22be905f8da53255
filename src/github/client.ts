import { getOctokit } from "@actions/github";
import { ExternalError } from "../errors.ts";
import type { Logger } from "../logging.ts";

/**
 * GitHub behind a small interface (STYLE.md): the only place Octokit is built. The rest of the kit asks for comments
 * and check runs and gets plain data back, or an {@link ExternalError} that says what went wrong and what to do.
 * Server errors (5xx), rate limits (429) and dropped connections are retried with exponential backoff (or the
 * server's Retry-After), then reported.
 */

export interface IssueComment {
  id: number;
  body: string;
  url: string;
  /** The author's account type ("Bot", "User") and relation to the repository ("OWNER", "MEMBER", "NONE" ...). */
  authorType: string | null;
  authorAssociation: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  url: string;
  labels: string[];
}

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

/** One annotation of a check run, as GitHub's API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title: string;
}

export interface CheckRunRequest {
  name: string;
  headSha: string;
  conclusion: "success" | "failure" | "neutral";
  detailsUrl?: string;
  output: {
    title: string;
    summary: string;
    annotations: CheckAnnotation[];
  };
}

/** Where a pull request's head is, as GitHub's API reports it now. */
export interface PullRequestHead {
  number: number;
  state: "open" | "closed";
  sha: string;
  /** The head's repository (the base repository, or a fork); null once a fork is deleted. */
  repository: { id: number; fullName: string } | null;
}

export interface GitHub {
  readonly repository: string;
  listIssueComments(issue: number): Promise<IssueComment[]>;
  createIssueComment(issue: number, body: string): Promise<IssueComment>;
  updateIssueComment(id: number, body: string): Promise<IssueComment>;
  createCheckRun(request: CheckRunRequest): Promise<{ id: number; url: string | null }>;
  /** Appends annotations (GitHub adds them to the ones the run has) and restates the output. */
  addCheckRunAnnotations(id: number, output: CheckRunRequest["output"]): Promise<void>;
  /**
   * The open pull request whose head is `owner:branch` at `sha` in the repository with id `repositoryId`, for
   * workflow_run jobs (forks' pull requests are not listed in the payload). The owner and branch only narrow the
   * search: the repository id and commit decide.
   */
  findPullRequest(head: { owner: string; branch: string; sha: string; repositoryId: number }): Promise<number | null>;
  /** A pull request's head as GitHub's API reports it. */
  getPullRequestHead(number: number): Promise<PullRequestHead>;
  /** Open issues carrying every one of `labels` (pull requests, which the issues API also lists, left out). */
  listOpenIssues(labels: readonly string[]): Promise<Issue[]>;
  createIssue(issue: NewIssue): Promise<Issue>;
  /** Asks for a run of one of the repository's workflows (it needs a `workflow_dispatch` trigger) on `ref`. */
  dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>): Promise<void>;
  updateIssue(
    number: number,
    changes: { body?: string; state?: "open" | "closed"; stateReason?: "completed" | "not_planned" },
  ): Promise<Issue>;
}

export interface GitHubOptions {
  token: string;
  /** owner/name */
  repository: string;
  /** The REST API root, e.g. https://api.github.com or GITHUB_API_URL; always passed explicitly (PLATFORM.md). */
  baseUrl: string;
  logger: Logger;
  /** Retries after the first attempt. */
  retries?: number;
  /** First backoff delay; doubled on each retry. */
  backoffMs?: number;
  /** Injected so tests can record the delays instead of waiting them out. */
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 1000;
/** A Retry-After beyond this is not worth holding a CI job for: report instead. */
const MAX_RETRY_AFTER_MS = 60_000;

interface RequestErrorLike {
  status?: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

export function createGitHub(options: GitHubOptions): GitHub {
  const [owner = "", repo = ""] = options.repository.split("/");
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.repository))
    throw new ExternalError(`"${options.repository}" is not a repository (owner/name)`);
  const { logger } = options;
  const octokit = getOctokit(options.token, {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => logger.debug(m),
      error: () => undefined,
    },
  });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retries = options.retries ?? DEFAULT_RETRIES;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;

  async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (thrown) {
        const error = thrown as RequestErrorLike;
        const status = error.status;
        const retryable = status === undefined || status >= 500 || status === 429;
        const delay = retryDelay(error, backoff * 2 ** attempt);
        if (!retryable || attempt >= retries || delay > MAX_RETRY_AFTER_MS) {
          throw describeFailure(what, error, attempt + 1);
        }
        logger.warn(
          `GitHub API: ${what} failed (${status ?? "no response"}); retry ${attempt + 1} of ${retries} in ${delay} ms`,
        );
        await sleep(delay);
      }
    }
  }

  const comment = (data: {
    id: number;
    body?: string | null;
    html_url: string;
    user: { type: string } | null;
    author_association: string;
  }): IssueComment => ({
    id: data.id,
    body: data.body ?? "",
    url: data.html_url,
    authorType: data.user?.type ?? null,
    authorAssociation: data.author_association,
  });

  const issue = (data: {
    number: number;
    title: string;
    body?: string | null;
    state: string;
    html_url: string;
    labels: (string | { name?: string })[];
  }): Issue => ({
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    state: data.state === "closed" ? "closed" : "open",
    url: data.html_url,
    labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
  });

  return {
    repository: options.repository,
    listIssueComments: (issue) =>
      call(`list the comments of #${issue}`, async () => {
        const all = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issue,
          per_page: 100,
        });
        return all.map(comment);
      }),
    createIssueComment: (issue, body) =>
      call(`comment on #${issue}`, async () =>
        comment((await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })).data),
      ),
    updateIssueComment: (id, body) =>
      call(`update comment ${id}`, async () =>
        comment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data),
      ),
    createCheckRun: (request) =>
      call(`create the check run "${request.name}"`, async () => {
        const { data } = await octokit.rest.checks.create({
          owner,
          repo,
          name: request.name,
          head_sha: request.headSha,
          status: "completed",
          conclusion: request.conclusion,
          ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
          output: request.output,
        });
        return { id: data.id, url: data.html_url ?? null };
      }),
    addCheckRunAnnotations: (id, output) =>
      call(`add annotations to check run ${id}`, async () => {
        await octokit.rest.checks.update({ owner, repo, check_run_id: id, output });
      }),
    findPullRequest: (head) =>
      call(`find the pull request of ${head.owner}:${head.branch}`, async () => {
        const pulls = await octokit.paginate(octokit.rest.pulls.list, {
          owner,
          repo,
          state: "open",
          head: `${head.owner}:${head.branch}`,
          per_page: 100,
        });
        return (
          pulls.find((pull) => pull.head.repo?.id === head.repositoryId && pull.head.sha === head.sha)?.number ?? null
        );
      }),
    getPullRequestHead: (number) =>
      call(`read pull request #${number}`, async () => {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
        return {
          number: data.number,
          state: data.state === "closed" ? "closed" : "open",
          sha: data.head.sha,
          repository: data.head.repo && { id: data.head.repo.id, fullName: data.head.repo.full_name },
        };
      }),
    listOpenIssues: (labels) =>
      call(`list the open issues labelled ${labels.join(", ")}`, async () => {
        const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
          owner,
          repo,
          state: "open",
          labels: labels.join(","),
          per_page: 100,
        });
        return all.filter((item) => !item.pull_request).map(issue);
      }),
    dispatchWorkflow: (workflow, ref, inputs) =>
      call(`run the workflow ${workflow} on ${ref}`, async () => {
        await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs });
      }),
    createIssue: (input) =>
      call(`open an issue "${input.title}"`, async () =>
        issue(
          (
            await octokit.rest.issues.create({
              owner,
              repo,
              title: input.title,
              body: input.body,
              labels: input.labels,
              ...(input.assignees.length > 0 ? { assignees: input.assignees } : {}),
            })
          ).data,
        ),
      ),
    updateIssue: (number, changes) =>
      call(`update issue #${number}`, async () =>
        issue(
          (
            await octokit.rest.issues.update({
              owner,
              repo,
              issue_number: number,
              ...(changes.body === undefined ? {} : { body: changes.body }),
              ...(changes.state === undefined ? {} : { state: changes.state }),
              ...(changes.stateReason === undefined ? {} : { state_reason: changes.stateReason }),
            })
          ).data,
        ),
      ),
  };
}

function retryDelay(error: RequestErrorLike, fallback: number): number {
  const header = error.response?.headers?.["retry-after"];
  if (header === undefined) return fallback;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallback;
}

/** What the failure means for the user: fork tokens, missing permissions, GitHub's own validation messages. */
function describeFailure(what: string, error: RequestErrorLike, attempts: number): ExternalError {
  const status = error.status;
  const data = error.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const detail = [
    typeof data?.message === "string" ? data.message : error.message,
    ...(Array.isArray(data?.errors)
      ? data.errors.map((e: unknown) =>
          typeof e === "string"
            ? e
            : typeof (e as { message?: unknown }).message === "string"
              ? (e as { message: string }).message
              : JSON.stringify(e),
        )
      : []),
  ].join("; ");
  const tried = attempts > 1 ? ` after ${attempts} attempts` : "";
  const message = `GitHub API: could not ${what}: ${status ?? "no response"}${tried}: ${detail}`;
  if (status === 403 || status === 401) {
    return new ExternalError(message, {
      hint:
        "the token may not write here: on a pull request from a fork GITHUB_TOKEN is read-only, so post the report from a " +
        "workflow_run job (https://github.com/mlops-kit/mlops-kit/blob/main/docs/reports.md#pull-requests-from-forks-two-workflows); otherwise grant the job `permissions: pull-requests: write, checks: write`",
      cause: error,
    });
  }
  if (status === 404) {
    return new ExternalError(message, {
      hint: "check the repository name and that the token can see it",
      cause: error,
    });
  }
  return new ExternalError(message, { cause: error });
}
