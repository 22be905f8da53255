import type { GitHub, Issue } from "../github/client.ts";

/**
 * One open issue per model and purpose, never two (DOMAIN.md §9): found again by a hidden marker in its body, updated
 * while the cause persists, closed with a comment when it is over. Two runs that race may both find none and both
 * open one; each then lists again, and every copy but the oldest is closed as its duplicate, so the two runs agree on
 * the issue that stays.
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
  const [open] = await marked();
  if ("resolved" in state) {
    if (!open) return null;
    await github.createIssueComment(open.number, state.resolved.comment);
    await github.updateIssue(open.number, { state: "closed", stateReason: "completed" });
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
  // A run that raced this one may have opened its own: the oldest stays, the others close as its duplicates.
  const [kept, ...copies] = await marked();
  const duplicatesClosed: number[] = [];
  for (const copy of kept ? copies : []) {
    await github.createIssueComment(copy.number, `Duplicate of #${kept?.number ?? ""}: two runs opened one each.`);
    await github.updateIssue(copy.number, { state: "closed", stateReason: "not_planned" });
    duplicatesClosed.push(copy.number);
  }
  if (kept && kept.number !== created.number) {
    await github.updateIssue(kept.number, { body });
    await github.createIssueComment(kept.number, state.open.comment);
    return { number: kept.number, url: kept.url, action: "updated", duplicatesClosed };
  }
  return { number: created.number, url: created.url, action: "opened", duplicatesClosed };
}
