import type { DeployConfig } from "../config/schema/index.ts";
import { keepOneIssue, type IssueOutcome } from "../alerts/issue.ts";
import type { ChannelOutcome } from "../alerts/outcomes.ts";
import type { GitHub } from "../github/client.ts";

/**
 * The model's deploy issue (DOMAIN.md §9, purpose `deploy:<alias>`): opened when a deploy to the alias's target fails
 * or its canary is rolled back, updated while that lasts, closed by the next good deploy. Keeping it never changes a
 * deploy's verdict: a failure to reach GitHub is reported beside it.
 */

export function deployIssueMarker(model: string, alias: string): string {
  return `<!-- mlops-kit:deploy:${model}:${alias} -->`;
}

export type DeployIssueState =
  { failed: { title: string; body: string; comment: string } } | { ok: { comment: string } };

export async function keepDeployIssue(
  github: GitHub | null,
  settings: DeployConfig["issue"],
  subject: { model: string; alias: string },
  state: DeployIssueState,
): Promise<ChannelOutcome<IssueOutcome | null>> {
  if (!github) return { skipped: "no GitHub token or repository here: no issue was opened or closed" };
  const spec = {
    marker: deployIssueMarker(subject.model, subject.alias),
    title: "failed" in state ? state.failed.title : `Deploy failed: ${subject.model}@${subject.alias}`,
    labels: settings.labels,
    assignees: settings.assignees,
  };
  try {
    const done =
      "failed" in state
        ? await keepOneIssue(github, spec, { open: { body: state.failed.body, comment: state.failed.comment } })
        : await keepOneIssue(github, spec, { resolved: { comment: state.ok.comment } });
    return { done };
  } catch (error) {
    return { failed: `the deploy issue could not be kept: ${(error as Error).message}` };
  }
}
