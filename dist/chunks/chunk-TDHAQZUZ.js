import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/retrain/results.ts
var DECISION_STEP = "retrain-decide";
var OUTCOME_STEP = "retrain";

// src/retrain/section.ts
function decisionSection(decision) {
  const status = decision.blocked ? "fail" : decision.shouldRetrain ? "ok" : "skipped";
  const row = (name, check) => [
    name,
    !check.enabled ? "off" : check.triggered === null ? "not checked" : check.triggered ? "calls for retraining" : "no",
    check.detail
  ];
  const blocks = [
    {
      kind: "text",
      text: decision.blocked ? `Blocked: ${decision.blocked}.` : `${decision.shouldRetrain ? "Retrain" : "No retraining"}: ${decision.reasons.join("; ")}.`
    },
    {
      kind: "table",
      table: {
        headers: ["check", "verdict", "detail"],
        rows: [
          ["forced", decision.checks.forced ? "yes" : "no", decision.checks.forced ? "the force input or --force" : ""],
          row("drift", decision.checks.drift),
          row("age", decision.checks.age),
          row("new data", decision.checks.newData)
        ]
      }
    }
  ];
  if (decision.champion) {
    blocks.push({
      kind: "text",
      text: `Champion: ${decision.champion.version}, published ${decision.champion.createdAt}.`
    });
  }
  const headline = decision.blocked ? "blocked" : decision.shouldRetrain ? "retrain" : "nothing to do";
  return { title: "Retraining decision", status, headline, blocks };
}
var OUTCOME_STATUS = {
  promoted: "pass",
  "not-better": "warn",
  skipped: "skipped",
  failed: "fail",
  blocked: "fail"
};
function outcomeSection(outcome) {
  const blocks = [
    { kind: "text", text: `${capitalise(outcome.outcome.replace("-", " "))}: ${outcome.reason}.` }
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
            c.champion === null ? "\u2014" : String(c.champion),
            c.candidate === null ? "\u2014" : String(c.candidate)
          ]
        ]
      }
    });
  }
  if (outcome.issue)
    blocks.push({ kind: "text", text: `Issue #${outcome.issue.number} ${outcome.issue.action}: ${outcome.issue.url}` });
  for (const note of outcome.notes) blocks.push({ kind: "text", text: `Note: ${note}` });
  return { title: "Retraining", status: OUTCOME_STATUS[outcome.outcome], headline: outcome.outcome, blocks };
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export {
  DECISION_STEP,
  OUTCOME_STEP,
  decisionSection,
  outcomeSection
};
