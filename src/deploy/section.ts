import type { Block, Section } from "../report/sections.ts";
import type { DeployResult } from "./deploy.ts";

/** The deploy report: what went where, and who approved it. */

export function deploySection(result: DeployResult): Section {
  const label = `${result.model} ${result.version} → ${result.target} (${result.alias})`;
  const approvers = result.approvals.map((a) => `${a.user}${a.comment ? `: "${a.comment}"` : ""}`).join("; ");
  const rows: string[][] = [
    ["Version", result.version],
    ["Target", `${result.target} (environment ${result.environment})`],
    [
      "Alias",
      result.moved
        ? `${result.alias}: ${result.from ?? "(none)"} → ${result.version}`
        : `${result.alias} unchanged (${result.from ?? "none"})`,
    ],
    ["Approval", approvalText(result.approvedBy, approvers, result.approvalNote)],
    ["Deployment", result.deployment ? `#${result.deployment.id}` : "none (no GitHub here)"],
    ["URL", result.environmentUrl ?? "-"],
    ["Reason", result.reason],
  ];
  const blocks: Block[] = [{ kind: "table", table: { headers: ["", ""], rows } }];
  if (result.failure) blocks.unshift({ kind: "text", text: `Failed: ${result.failure}` });
  return {
    title: `Deploy: ${result.target}`,
    status: result.verdict === "pass" ? "pass" : "fail",
    headline:
      result.verdict === "pass"
        ? `${label}${result.kind === "rollback" ? " (rollback)" : ""}`
        : `${label} failed; the alias was left where it was`,
    blocks,
  };
}

function approvalText(by: DeployResult["approvedBy"], approvers: string, note: string | null): string {
  if (by === "environment") return approvers ? `environment reviewers: ${approvers}` : (note ?? "environment");
  if (by === "dispatch") return `dispatched by ${approvers}`;
  return "none (a run outside GitHub Actions)";
}
