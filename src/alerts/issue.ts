import type { GitHub, Issue } from "../github/client.ts";

/**
 * One open issue per model and purpose, never two (DOMAIN.md §9): found again by a hidden marker in its body, updated
 * while the cause persists, closed with a comment when it is over. Two runs that race may both find none and both
 * open one; each then lists again and closes its own copy when an older one is there, so the two runs agree on the
 * issue that stays.
 */

export interface IssueSpec {
  /** The hidden marker, an HTML comment naming the model and purpose: `<!-- mlops-kit:monitor:churn:champion -->`. */
  marker: string;
  title: string;
  labels: readonly string[];
  assignees: readonly string[];
}

/** What is to be said: the cause persists (the body, and a comment for an issue already open), or it is over. */
export type IssueState = { open: { body: string; comment: string } } | { resolved: { comment: string } };

export interface IssueOutcome {
  number: number;
  url: string;
  action: "opened" | "updated" | "closed";
  /** Copies a race opened, closed as duplicates of this one. */
  duplicatesClosed: number[];
}

export async function keepOneIssue(github: GitHub, spec: IssueSpec, state: IssueState): Promise<IssueOutcome | null> {
  const marked = async (): Promise<Issue[]> =>
    (await github.listOpenIssues(spec.labels))
      .filter((issue) => issue.body.includes(spec.marker))
      .sort((a, b) => a.number - b.number);
  const listed = await marked();
  const [open] = listed;
  if ("resolved" in state) {
    if (!open) return null;
    // Every marked issue: a copy a race left open (a listing that lagged) closes with the one it copied.
    for (const issue of listed) {
      await github.createIssueComment(issue.number, state.resolved.comment);
      await github.updateIssue(issue.number, { state: "closed", stateReason: "completed" });
    }
    return { number: open.number, url: open.url, action: "closed", duplicatesClosed: [] };
  }
  const body = `${spec.marker}\n${state.open.body}`;
  if (open) {
    await github.updateIssue(open.number, { body });
    await github.createIssueComment(open.number, state.open.comment);
    return { number: open.number, url: open.url, action: "updated", duplicatesClosed: [] };
  }
  const created = await github.createIssue({
    title: spec.title,
    body,
    labels: [...spec.labels],
    assignees: [...spec.assignees],
  });
  // A run that raced this one may have opened its own: the oldest stays, and each run closes its own copy of it (a
  // copy exists only because the run that closes it just made it).
  const [kept] = await marked();
  if (kept && kept.number !== created.number) {
    await github.createIssueComment(created.number, `Duplicate of #${kept.number}: two runs opened one each.`);
    await github.updateIssue(created.number, { state: "closed", stateReason: "not_planned" });
    return { number: kept.number, url: kept.url, action: "updated", duplicatesClosed: [created.number] };
  }
  return { number: created.number, url: created.url, action: "opened", duplicatesClosed: [] };
}
