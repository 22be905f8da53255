import type { GitHub } from "../github/client.ts";

/**
 * What delivery asks of GitHub (src/github/deployments.ts implements it in the client): deployments and their
 * statuses, the target's Environment, and the approvals of the run.
 */

export type DeploymentState = "queued" | "in_progress" | "success" | "failure" | "error" | "inactive";

export interface DeliveryGitHub extends GitHub {
  createDeployment(request: {
    ref: string;
    environment: string;
    description: string;
    payload: Record<string, unknown>;
    productionEnvironment: boolean;
    transientEnvironment?: boolean;
  }): Promise<{ id: number; url: string }>;
  setDeploymentStatus(
    id: number,
    status: {
      state: DeploymentState;
      description?: string;
      environmentUrl?: string;
      logUrl?: string;
      autoInactive?: boolean;
    },
  ): Promise<void>;
  getEnvironment(name: string): Promise<{
    name: string;
    protectionRules: { type: string; reviewers?: string[]; waitTimer?: number; preventSelfReview?: boolean }[];
  } | null>;
  listRunApprovals(
    runId: number,
  ): Promise<{ user: string; comment: string; state: "approved" | "rejected"; environments: string[] }[]>;
}
