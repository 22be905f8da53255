import { ExternalError } from "../errors.ts";
import type { Logger } from "../logging.ts";
import { createCall, type Octokit, type OctokitCall } from "./call.ts";
import { type DeploymentCalls, deploymentCalls } from "./deployments.ts";

/**
 * GitHub behind a small interface (STYLE.md): the only place Octokit is built. The rest of the kit asks for comments
 * and check runs and gets plain data back, or an {@link ExternalError} that says what went wrong and what to do.
 * Every request goes through one retrying `call` (./call.ts); deployments and environments live in ./deployments.ts.
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

export interface GitHub extends DeploymentCalls {
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

export function createGitHub(options: GitHubOptions): GitHub {
  const [owner = "", repo = ""] = options.repository.split("/");
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.repository))
    throw new ExternalError(`"${options.repository}" is not a repository (owner/name)`);
  const { logger } = options;
  // Octokit with its HTTP stack (@actions/github, undici: some 50 ms to load) is loaded by the first call: a
  // run that never calls GitHub (a local monitor run that keeps no issue) never loads it.
  let loaded: Promise<Octokit> | null = null;
  const octokit = (): Promise<Octokit> =>
    (loaded ??= import("@actions/github").then(({ getOctokit }) =>
      getOctokit(options.token, {
        baseUrl: options.baseUrl.replace(/\/+$/, ""),
        log: {
          debug: () => undefined,
          info: () => undefined,
          warn: (m: string) => logger.debug(m),
          error: () => undefined,
        },
      }),
    ));
  const call = createCall({
    logger,
    retries: options.retries ?? DEFAULT_RETRIES,
    backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  });
  const withOctokit: OctokitCall = (what, request, hints) => call(what, async () => request(await octokit()), hints);

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
    ...deploymentCalls({ owner, repo }, withOctokit),
    listIssueComments: (issue) =>
      withOctokit(`list the comments of #${issue}`, async (octokit) => {
        const all = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issue,
          per_page: 100,
        });
        return all.map(comment);
      }),
    createIssueComment: (issue, body) =>
      withOctokit(`comment on #${issue}`, async (octokit) =>
        comment((await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })).data),
      ),
    updateIssueComment: (id, body) =>
      withOctokit(`update comment ${id}`, async (octokit) =>
        comment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data),
      ),
    createCheckRun: (request) =>
      withOctokit(`create the check run "${request.name}"`, async (octokit) => {
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
      withOctokit(`add annotations to check run ${id}`, async (octokit) => {
        await octokit.rest.checks.update({ owner, repo, check_run_id: id, output });
      }),
    findPullRequest: (head) =>
      withOctokit(`find the pull request of ${head.owner}:${head.branch}`, async (octokit) => {
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
      withOctokit(`read pull request #${number}`, async (octokit) => {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
        return {
          number: data.number,
          state: data.state === "closed" ? "closed" : "open",
          sha: data.head.sha,
          repository: data.head.repo && { id: data.head.repo.id, fullName: data.head.repo.full_name },
        };
      }),
    listOpenIssues: (labels) =>
      withOctokit(`list the open issues labelled ${labels.join(", ")}`, async (octokit) => {
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
      withOctokit(`run the workflow ${workflow} on ${ref}`, async (octokit) => {
        await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs });
      }),
    createIssue: (input) =>
      withOctokit(`open an issue "${input.title}"`, async (octokit) =>
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
      withOctokit(`update issue #${number}`, async (octokit) =>
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
