import type { Block, Section, Status } from "../report/sections.ts";
import type { RetrainDecision, RetrainOutcome } from "./results.ts";

/** The retraining reports: the decision (each check and its verdict), then what came of it. */

export function decisionSection(decision: RetrainDecision): Section {
  const status: Status = decision.blocked ? "fail" : decision.shouldRetrain ? "ok" : "skipped";
  const row = (name: string, check: RetrainDecision["checks"]["drift"]): string[] => [
    name,
    !check.enabled ? "off" : check.triggered === null ? "not checked" : check.triggered ? "calls for retraining" : "no",
    check.detail,
  ];
  const blocks: Block[] = [
    {
      kind: "text",
      text: decision.blocked
        ? `Blocked: ${decision.blocked}.`
        : `${decision.shouldRetrain ? "Retrain" : "No retraining"}: ${decision.reasons.join("; ")}.`,
    },
    {
      kind: "table",
      table: {
        headers: ["check", "verdict", "detail"],
        rows: [
          ["forced", decision.checks.forced ? "yes" : "no", decision.checks.forced ? "the force input or --force" : ""],
          row("drift", decision.checks.drift),
          row("age", decision.checks.age),
          row("new data", decision.checks.newData),
          ...(decision.checks.monitor ? [row("monitor", decision.checks.monitor)] : []),
        ],
      },
    },
  ];
  if (decision.champion) {
    blocks.push({
      kind: "text",
      text: `Champion: ${decision.champion.version}, published ${decision.champion.createdAt}.`,
    });
  }
  const headline = decision.blocked ? "blocked" : decision.shouldRetrain ? "retrain" : "nothing to do";
  return { title: "Retraining decision", status, headline, blocks };
}

const OUTCOME_STATUS: Record<RetrainOutcome["outcome"], Status> = {
  promoted: "pass",
  "not-better": "warn",
  skipped: "skipped",
  failed: "fail",
  blocked: "fail",
};

export function outcomeSection(outcome: RetrainOutcome): Section {
  const blocks: Block[] = [
    { kind: "text", text: `${capitalise(outcome.outcome.replace("-", " "))}: ${outcome.reason}.` },
  ];
  if (outcome.comparison) {
    const c = outcome.comparison;
    blocks.push({
      kind: "table",
      table: {
        headers: ["metric", "better when", "champion", "retrained"],
        rows: [
          [
            c.metric,
            c.direction,
            c.champion === null ? "—" : String(c.champion),
            c.candidate === null ? "—" : String(c.candidate),
          ],
        ],
      },
    });
  }
  if (outcome.issue)
    blocks.push({ kind: "text", text: `Issue #${outcome.issue.number} ${outcome.issue.action}: ${outcome.issue.url}` });
  for (const note of outcome.notes) blocks.push({ kind: "text", text: `Note: ${note}` });
  if (outcome.trainOutput && outcome.trainOutput.length > 0) {
    // An issue or a summary has no log above it; the terminal showed the output as it ran.
    blocks.push({
      kind: "details",
      summary: "Last lines of the training's output",
      blocks: [{ kind: "code", text: outcome.trainOutput.join("\n") }],
      terminal: "never",
    });
  }
  return { title: "Retraining", status: OUTCOME_STATUS[outcome.outcome], headline: outcomeHeadline(outcome), blocks };
}

/** The outcome in a few words; a model that was not promoted says why. */
function outcomeHeadline(outcome: RetrainOutcome): string {
  if (outcome.outcome === "not-better") return `not promoted: ${outcome.notPromotedBecause ?? "see the report"}`;
  if (outcome.outcome === "promoted" && outcome.promoted === null) {
    return `published as ${outcome.version ?? "a new version"}, not promoted: ${outcome.notPromotedBecause ?? "see the report"}`;
  }
  return outcome.outcome;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
