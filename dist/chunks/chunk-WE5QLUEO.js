import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/alerts/issue.ts
async function keepOneIssue(github, spec, state) {
  const marked = async () => (await github.listOpenIssues(spec.labels)).filter((issue) => issue.body.includes(spec.marker)).sort((a, b) => a.number - b.number);
  const listed = await marked();
  const [open] = listed;
  if ("resolved" in state) {
    if (!open) return null;
    for (const issue of listed) {
      await github.createIssueComment(issue.number, state.resolved.comment);
      await github.updateIssue(issue.number, { state: "closed", stateReason: "completed" });
    }
    return { number: open.number, url: open.url, action: "closed", duplicatesClosed: [] };
  }
  const body = `${spec.marker}
${state.open.body}`;
  if (open) {
    await github.updateIssue(open.number, { body });
    await github.createIssueComment(open.number, state.open.comment);
    return { number: open.number, url: open.url, action: "updated", duplicatesClosed: [] };
  }
  const created = await github.createIssue({
    title: spec.title,
    body,
    labels: [...spec.labels],
    assignees: [...spec.assignees]
  });
  const [kept] = await marked();
  if (kept && kept.number !== created.number) {
    await github.createIssueComment(created.number, `Duplicate of #${kept.number}: two runs opened one each.`);
    await github.updateIssue(created.number, { state: "closed", stateReason: "not_planned" });
    return { number: kept.number, url: kept.url, action: "updated", duplicatesClosed: [created.number] };
  }
  return { number: created.number, url: created.url, action: "opened", duplicatesClosed: [] };
}

export {
  keepOneIssue
};
