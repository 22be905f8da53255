import type { DeployConfig } from "../config/schema/index.ts";
import type { StageContext } from "../context/context.ts";
import { ExternalError, UsageError } from "../errors.ts";
import type { Approval, Delivery } from "../registry/aliases.ts";
import type { GitHub } from "../github/client.ts";

/**
 * Who approved a deploy (DOMAIN.md §8). The kit does not hold the approval itself: GitHub does, by making the deploy job
 * wait in the target's Environment until a required reviewer approves. What the kit does is make sure the job it runs
 * in really went through that gate, and record who opened it:
 *
 * - `environment` (required reviewers): the environment must exist, and when it has required reviewers, this run must
 *   carry an approval for it (GET /actions/runs/{id}/approvals); a job that did not wait in the environment has none,
 *   and is refused, so the alias is moved only by the target's own job. An environment without required reviewers
 *   (a staging target, say) approves by its branch policies alone: recorded with no approver.
 * - `dispatch` (private repositories below GitHub Enterprise, where required reviewers are not available): the deploy
 *   must run from a manually dispatched workflow on the default branch; the actor who dispatched it is the approver.
 * - outside Actions (a local registry, the demo): nobody approved, and the record says so.
 */

export interface ApprovalRecord {
  approvedBy: Delivery["approvedBy"];
  approvals: Approval[];
  /** Something the user should know, e.g. an environment without required reviewers. */
  note: string | null;
}

export async function findApproval(
  context: StageContext,
  github: GitHub | null,
  deploy: DeployConfig,
  environment: string,
  reason: string,
): Promise<ApprovalRecord> {
  const runId = Number(context.env.GITHUB_RUN_ID ?? "");
  if (!context.runner.inActions || !Number.isInteger(runId) || runId <= 0) {
    return { approvedBy: "none", approvals: [], note: "a run outside GitHub Actions: no approval is recorded" };
  }
  if (!github) {
    throw new UsageError("a deploy in GitHub Actions needs a token to record its approval and deployment", {
      hint: "pass `github-token` (the job's token, with `deployments: write`, `actions: read`, `issues: write`)",
    });
  }
  if (deploy.approval === "dispatch") {
    const event = context.env.GITHUB_EVENT_NAME ?? context.runner.event.name;
    const defaultBranch = defaultBranchOf(context.runner.event.payload);
    const ref = context.runner.ref;
    if (event !== "workflow_dispatch" || defaultBranch === null || ref !== `refs/heads/${defaultBranch}`) {
      throw new UsageError(
        `deploy.approval is dispatch: a deploy runs only from a manually dispatched workflow on the default branch` +
          ` (this run: ${event ?? "unknown event"} on ${ref ?? "an unknown ref"})`,
        { hint: "run the mlops-promote workflow from the Actions tab (mlops init --workflows writes it)" },
      );
    }
    const actor = context.provenance.actor ?? "unknown";
    return { approvedBy: "dispatch", approvals: [{ user: actor, comment: reason, state: "approved" }], note: null };
  }
  const settings = await github.getEnvironment(environment);
  if (!settings) {
    throw new ExternalError(`the GitHub Environment "${environment}" does not exist in ${github.repository}`, {
      hint: `create it under Settings → Environments with its required reviewers, and run the deploy job with \`environment: ${environment}\``,
    });
  }
  const reviewed = settings.protectionRules.some((rule) => rule.type === "required_reviewers");
  const decisions = (await github.listRunApprovals(runId)).filter((approval) =>
    approval.environments.includes(environment),
  );
  const approvals = decisions.map(({ user, comment, state }) => ({ user, comment, state }));
  const rejected = approvals.find((approval) => approval.state === "rejected");
  if (rejected) {
    throw new UsageError(`${rejected.user} rejected the deploy to ${environment}: ${rejected.comment || "no comment"}`);
  }
  if (reviewed && approvals.length === 0) {
    throw new UsageError(
      `the environment "${environment}" has required reviewers, and this run has no approval for it: the deploy job ` +
        "did not wait in that environment",
      { hint: `give the deploy job \`environment: ${environment}\`, so GitHub asks its reviewers before it runs` },
    );
  }
  return {
    approvedBy: "environment",
    approvals,
    note: reviewed ? null : `the environment "${environment}" has no required reviewers: its branch policies approved`,
  };
}

function defaultBranchOf(payload: unknown): string | null {
  const repository = (payload as { repository?: { default_branch?: unknown } } | null)?.repository;
  return typeof repository?.default_branch === "string" ? repository.default_branch : null;
}
