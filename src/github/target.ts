import { READ_LIMITS, readTextLimited } from "../files/read-limited.ts";
import * as z from "zod";
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

const Sha = z.string().regex(/^[0-9a-f]{40}$/);

const WorkflowRunEvent = z.object({
  workflow_run: z.object({
    name: z.string().nullable().optional(),
    event: z.string(),
    html_url: z.string(),
    head_sha: Sha,
    head_branch: z.string().nullable(),
    head_repository: z.object({ owner: z.object({ login: z.string() }) }).nullable(),
    pull_requests: z.array(z.object({ number: z.number().int(), head: z.object({ sha: z.string() }) })),
  }),
});

const PullRequestEvent = z.object({
  pull_request: z.object({ number: z.number().int(), head: z.object({ sha: Sha }) }),
});

export interface TargetOptions {
  /** Explicit --repo, --pr, --sha. */
  repository?: string;
  pullRequest?: number;
  headSha?: string;
}

export async function resolveReportTarget(
  report: GateResult,
  env: NodeJS.ProcessEnv,
  options: TargetOptions,
  github: () => GitHub,
): Promise<ReportTarget> {
  const repository = options.repository ?? env.GITHUB_REPOSITORY ?? report.source.repository;
  if (!repository) throw new UsageError("which repository? Set GITHUB_REPOSITORY or pass --repo owner/name");
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const trustedUrl = (url: string | null | undefined): string | null =>
    url && url.startsWith(`${server}/`) ? url : null;
  const event = await readEvent(env);

  if (env.GITHUB_EVENT_NAME === "workflow_run") {
    const parsed = WorkflowRunEvent.safeParse(event);
    if (!parsed.success) throw new InputError("the workflow_run event payload lacks the run's head commit");
    const run = parsed.data.workflow_run;
    const headSha = options.headSha ?? run.head_sha;
    let pullRequest = options.pullRequest ?? run.pull_requests.find((p) => p.head.sha === headSha)?.number ?? null;
    // A fork's pull request is not listed in the payload: look it up by the head repository's owner and branch.
    if (pullRequest === null && run.event.startsWith("pull_request") && run.head_branch && run.head_repository) {
      pullRequest = await github().findPullRequest({
        owner: run.head_repository.owner.login,
        branch: run.head_branch,
        sha: headSha,
      });
    }
    if (report.source.commit !== null && report.source.commit !== headSha) {
      throw new InputError(
        `the report is about commit ${report.source.commit.slice(0, 12)}, but the workflow run built ${headSha.slice(0, 12)}: refusing to post it`,
        { hint: "download the artifact of the run that triggered this workflow_run job" },
      );
    }
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
  const fromEvent = env.GITHUB_EVENT_NAME?.startsWith("pull_request") && pr.success ? pr.data.pull_request : null;
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
    workflow: report.source.workflow ?? env.GITHUB_WORKFLOW ?? null,
    runUrl: trustedUrl(report.source.runUrl),
    from,
  };
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return null;
  try {
    const text = await readTextLimited(env.GITHUB_EVENT_PATH, {
      shown: env.GITHUB_EVENT_PATH,
      what: "event payload",
      limit: READ_LIMITS.eventPayload,
    });
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`);
  }
}
