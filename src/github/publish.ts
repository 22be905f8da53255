import { UserError } from "../errors.ts";
import { ANNOTATIONS_PER_REQUEST, type CheckRunOutput } from "./pull-request.ts";
import type { GitHub, IssueComment } from "./client.ts";

/**
 * Posting a report where reviewers look: a sticky comment on the pull request (found again by its hidden marker, so a
 * re-run edits it in place) and a check run on the head commit (annotations sent 50 per request). Each surface is
 * tried on its own; what failed is returned as problems for the door to report, never thrown away.
 */

export interface PublishRequest {
  /** The PR to comment on; null: no comment (a push has no PR). */
  pullRequest: number | null;
  /** The commit the check run belongs on; null: no check run. */
  headSha: string | null;
  comment: { mode: "sticky" | "new" | "off"; marker: string; body: string };
  check: { name: string; output: CheckRunOutput; detailsUrl: string | null } | null;
}

export interface Published {
  commentUrl: string | null;
  /** created or updated, for the log */
  commentAction: "created" | "updated" | null;
  checkRunId: number | null;
  checkRunUrl: string | null;
  /** What could not be posted, one sentence each (with a hint). */
  problems: string[];
}

/** Comment authors whose marker we trust: bots (GITHUB_TOKEN, apps) and people with write access (a PAT). */
const TRUSTED_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

export async function publishReport(github: GitHub, request: PublishRequest): Promise<Published> {
  const published: Published = {
    commentUrl: null,
    commentAction: null,
    checkRunId: null,
    checkRunUrl: null,
    problems: [],
  };
  const attempt = async (surface: string, post: () => Promise<void>): Promise<void> => {
    try {
      await post();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      published.problems.push(`${surface}: ${error.message}${error.hint ? ` (hint: ${error.hint})` : ""}`);
    }
  };
  if (request.pullRequest !== null && request.comment.mode !== "off") {
    const issue = request.pullRequest;
    await attempt("the pull-request comment", async () => {
      const existing =
        request.comment.mode === "sticky"
          ? findSticky(await github.listIssueComments(issue), request.comment.marker)
          : undefined;
      const posted = existing
        ? await github.updateIssueComment(existing.id, request.comment.body)
        : await github.createIssueComment(issue, request.comment.body);
      published.commentUrl = posted.url;
      published.commentAction = existing ? "updated" : "created";
    });
  }
  const check = request.check;
  if (check && request.headSha !== null) {
    const headSha = request.headSha;
    await attempt("the check run", async () => {
      const [first = [], ...rest] = chunks(check.output.annotations, ANNOTATIONS_PER_REQUEST);
      const base = { title: check.output.title, summary: check.output.summary };
      const run = await github.createCheckRun({
        name: check.name,
        headSha,
        conclusion: check.output.conclusion,
        ...(check.detailsUrl ? { detailsUrl: check.detailsUrl } : {}),
        output: { ...base, annotations: first },
      });
      published.checkRunId = run.id;
      published.checkRunUrl = run.url;
      for (const batch of rest) await github.addCheckRunAnnotations(run.id, { ...base, annotations: batch });
    });
  }
  return published;
}

/** The newest comment that starts with our marker and was written by a trusted author (a fork cannot plant one). */
export function findSticky(comments: readonly IssueComment[], marker: string): IssueComment | undefined {
  return comments
    .filter(
      (c) =>
        (c.body === marker || c.body.startsWith(`${marker}\n`)) &&
        (c.authorType === "Bot" || TRUSTED_ASSOCIATIONS.has(c.authorAssociation)),
    )
    .at(-1);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
