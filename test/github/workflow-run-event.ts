import { createRequire } from "node:module";

/**
 * `workflow_run` payloads in GitHub's real shape, aimed at the repository the kit posts to and at a fork of it. The
 * shape comes from @octokit/webhooks-examples (api.github.com): its `workflow_run.completed` example that lists a
 * pull request, so `pull_requests` entries carry exactly what GitHub puts there (number, head and base with ref, sha
 * and a repository of id, url and name; no owner, no full name). Only the values change.
 */

export interface Repository {
  /** GitHub's numeric id: it never changes, whatever the repository or its owner is renamed to. */
  id: number;
  fullName: string;
}

/** The repository the report workflow runs in and posts to. */
export const BASE: Repository = { id: 186853002, fullName: "octo-org/ml-repo" };
/** A fork of it, whose pull requests' runs the trusted workflow_run job reports on. */
export const FORK: Repository = { id: 300029405, fullName: "forker/ml-repo" };

type Json = Record<string, unknown>;

function exampleWithPullRequest(): Json & { workflow_run: Json & { pull_requests: Json[] } } {
  const all = createRequire(import.meta.url)("@octokit/webhooks-examples/api.github.com/index.json") as {
    name: string;
    examples: { workflow_run?: { pull_requests: unknown[] } }[];
  }[];
  const example = all
    .find((entry) => entry.name === "workflow_run")
    ?.examples.find((e) => (e.workflow_run?.pull_requests.length ?? 0) > 0);
  if (!example) throw new Error("@octokit/webhooks-examples has no workflow_run example that lists a pull request");
  return structuredClone(example) as Json & { workflow_run: Json & { pull_requests: Json[] } };
}

const apiUrl = (repository: Repository): string => `https://api.github.com/repos/${repository.fullName}`;

/** A repository as the payload's `head_repository` / `repository` carry it: the example's, renamed and re-numbered. */
function fullRepository(example: Json, repository: Repository): Json {
  const [owner = "", name = ""] = repository.fullName.split("/");
  return {
    ...example,
    id: repository.id,
    name,
    full_name: repository.fullName,
    url: apiUrl(repository),
    html_url: `https://github.com/${repository.fullName}`,
    owner: { ...(example.owner as Json), login: owner },
  };
}

export interface ListedPullRequest {
  number: number;
  /** Where the pull request's head is: its repository, branch and commit. */
  head: { repository: Repository; branch: string; sha: string };
  /** The repository the pull request was opened in (default: {@link BASE}). */
  base?: Repository;
}

export interface WorkflowRunOptions {
  /** The repository and branch the run built, and the commit. */
  head: { repository: Repository; branch: string; sha: string };
  /** What GitHub lists in `workflow_run.pull_requests`: for a fork's run, usually nothing. */
  pullRequests?: ListedPullRequest[];
  runUrl?: string;
  name?: string;
}

/** A `workflow_run.completed` event for a `pull_request` run in {@link BASE}. */
export function workflowRunEvent(options: WorkflowRunOptions): Json & { workflow_run: Json } {
  const event = exampleWithPullRequest();
  const run = event.workflow_run;
  const listedShape = run.pull_requests[0] as Json & { head: Json & { repo: Json }; base: Json & { repo: Json } };
  const listed = (pull: ListedPullRequest): Json => {
    const base = pull.base ?? BASE;
    const repo = (repository: Repository): Json => ({
      ...listedShape.head.repo,
      id: repository.id,
      url: apiUrl(repository),
      name: repository.fullName.split("/")[1],
    });
    return {
      ...listedShape,
      url: `${apiUrl(base)}/pulls/${pull.number}`,
      number: pull.number,
      head: { ...listedShape.head, ref: pull.head.branch, sha: pull.head.sha, repo: repo(pull.head.repository) },
      base: { ...listedShape.base, repo: repo(base) },
    };
  };
  Object.assign(run, {
    name: options.name ?? "ci",
    event: "pull_request",
    head_sha: options.head.sha,
    head_branch: options.head.branch,
    html_url: options.runUrl ?? `https://github.com/${BASE.fullName}/actions/runs/777`,
    head_repository: fullRepository(run.head_repository as Json, options.head.repository),
    repository: fullRepository(run.repository as Json, BASE),
    pull_requests: (options.pullRequests ?? []).map(listed),
  });
  event.repository = fullRepository(event.repository as Json, BASE);
  return event;
}
