import type { RunnerEnvironment } from "../context/runner.ts";
import * as z from "../zod.ts";
import { InputError, UsageError } from "../errors.ts";
import type { GateResult } from "../gate/gate.ts";
import type { GitHub } from "./client.ts";

/**
 * Where a report goes: the repository, the pull request and the commit, and the run that produced it. In a
 * `workflow_run` job (the fork-safe pattern) these come from the event payload, which GitHub wrote, never from the
 * report artifact, which the pull request's code could have written: the artifact only has to agree with them.
 */

export interface ReportTarget {
  repository: string;
  pullRequest: number | null;
  headSha: string | null;
  /** The workflow that produced the report, for the comment's marker. */
  workflow: string | null;
  /** The run whose job summary holds the full report. */
  runUrl: string | null;
  /** Where the target came from, for the log. */
  from: "workflow_run" | "pull_request" | "options" | "report";
}

const Sha = z.string().check(z.regex(/^[0-9a-f]{40}$/));

/** A repository as payloads name it in pull requests: by id, which no rename or transfer changes. */
const RepositoryId = z.object({ id: z.number().check(z.int()) });

const WorkflowRunEvent = z.object({
  workflow_run: z.object({
    name: z.optional(z.nullable(z.string())),
    event: z.string(),
    html_url: z.string(),
    head_sha: Sha,
    head_branch: z.nullable(z.string()),
    /** The repository the run built (a fork's, for a fork's pull request); null once that fork is deleted. */
    head_repository: z.nullable(
      z.object({ id: z.number().check(z.int()), full_name: z.string(), owner: z.object({ login: z.string() }) }),
    ),
    /** The repository the run ran in: this one. */
    repository: RepositoryId,
    pull_requests: z.array(
      z.object({
        number: z.number().check(z.int()),
        head: z.object({ sha: z.string(), repo: RepositoryId }),
        base: z.object({ repo: RepositoryId }),
      }),
    ),
  }),
});
type WorkflowRun = z.infer<typeof WorkflowRunEvent>["workflow_run"];

const PullRequestEvent = z.object({
  pull_request: z.object({ number: z.number().check(z.int()), head: z.object({ sha: Sha }) }),
});

export interface TargetOptions {
  /** Explicit --repo, --pr, --sha. */
  repository?: string;
  pullRequest?: number;
  headSha?: string;
}

export async function resolveReportTarget(
  report: GateResult,
  runner: RunnerEnvironment,
  options: TargetOptions,
  github: () => GitHub,
): Promise<ReportTarget> {
  const repository = options.repository ?? runner.repository ?? report.source.repository;
  if (!repository) throw new UsageError("which repository? Set GITHUB_REPOSITORY or pass --repo owner/name");
  const trustedUrl = (url: string | null | undefined): string | null =>
    url && url.startsWith(`${runner.serverUrl}/`) ? url : null;
  // The event decides where the report goes: an event file the door could not read is an error here.
  if (runner.event.problem) throw new InputError(runner.event.problem);
  const event = runner.event.payload;

  if (runner.event.name === "workflow_run") {
    const parsed = WorkflowRunEvent.safeParse(event);
    if (!parsed.success)
      throw new InputError(
        "the workflow_run event payload lacks the run's head commit, its repositories or its pull requests",
      );
    const run = parsed.data.workflow_run;
    const headSha = options.headSha ?? run.head_sha;
    if (report.source.commit !== null && report.source.commit !== headSha) {
      throw new InputError(
        `the report is about commit ${report.source.commit.slice(0, 12)}, but the workflow run built ${headSha.slice(0, 12)}: refusing to post it`,
        { hint: "download the artifact of the run that triggered this workflow_run job" },
      );
    }
    const pullRequest = await pullRequestOfRun(run, headSha, options.pullRequest, github);
    if (report.source.pullRequest && pullRequest !== null && report.source.pullRequest.number !== pullRequest) {
      throw new InputError(
        `the report claims pull request #${report.source.pullRequest.number}, but the workflow run is for #${pullRequest}: refusing to post it`,
      );
    }
    return {
      repository,
      pullRequest,
      headSha,
      workflow: run.name || report.source.workflow,
      runUrl: trustedUrl(run.html_url),
      from: "workflow_run",
    };
  }
  const pr = PullRequestEvent.safeParse(event);
  const fromEvent = runner.event.name?.startsWith("pull_request") && pr.success ? pr.data.pull_request : null;
  const from: ReportTarget["from"] =
    options.pullRequest !== undefined || options.headSha !== undefined
      ? "options"
      : fromEvent
        ? "pull_request"
        : "report";
  return {
    repository,
    pullRequest: options.pullRequest ?? fromEvent?.number ?? report.source.pullRequest?.number ?? null,
    headSha: options.headSha ?? fromEvent?.head.sha ?? report.source.commit,
    workflow: report.source.workflow ?? runner.workflow,
    runUrl: trustedUrl(report.source.runUrl),
    from,
  };
}

/**
 * The pull request a workflow_run job may post on: one whose head is the repository the run built, at the commit it
 * built. GitHub lists in `pull_requests` the pull requests whose head commit is the run's, whichever repository they
 * come from, so a fork that pushes the head commit of one of ours is listed with it: a head commit alone would let it
 * write on that pull request. A listed pull request counts only with the run's head repository, opened here; a fork's
 * (never listed) is found through the API and matched the same way; one given with --pr is checked with the API.
 * A pull_request run with no such pull request is refused; another event's run posts no comment.
 */
async function pullRequestOfRun(
  run: WorkflowRun,
  headSha: string,
  explicit: number | undefined,
  github: () => GitHub,
): Promise<number | null> {
  const head = run.head_repository;
  const built = `${head ? head.full_name : "a deleted repository"} at ${headSha.slice(0, 12)}`;
  if (explicit !== undefined) {
    const pull = await github().getPullRequestHead(explicit);
    if (head && pull.repository?.id === head.id && pull.sha === headSha) return explicit;
    throw new InputError(
      `pull request #${explicit} has its head in ${pull.repository?.fullName ?? "a deleted repository"} at ${pull.sha.slice(0, 12)}, but the workflow run built ${built}: refusing to post its report`,
      { hint: "pass the pull request of the run that triggered this job, or leave --pr out to take it from the event" },
    );
  }
  const onPullRequest = run.event.startsWith("pull_request");
  const listed = run.pull_requests.find(
    (p) => head && p.head.repo.id === head.id && p.head.sha === headSha && p.base.repo.id === run.repository.id,
  );
  if (listed) return listed.number;
  if (!onPullRequest) return null;
  const found =
    head && run.head_branch
      ? await github().findPullRequest({
          owner: head.owner.login,
          branch: run.head_branch,
          sha: headSha,
          repositoryId: head.id,
        })
      : null;
  if (found !== null) return found;
  throw new InputError(
    `the workflow run built ${built}, and no open pull request here has that head: refusing to post its report`,
    {
      hint:
        "a pull request that moved on since this run gets the report of its newer run; a pull request of another " +
        "repository whose head is the same commit is not this run's",
    },
  );
}
