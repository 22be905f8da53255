import type { Block, Section } from "../report/sections.ts";
import type { RuleOutcome } from "../gate/rules.ts";
import type { CanaryResult } from "./canary.ts";

/** The canary's report: its figures against its rules, and what became of it (promoted, rolled back). */

export function canarySection(result: CanaryResult): Section {
  const blocks: Block[] = [];
  const title = `Canary: ${result.version} on ${result.target}`;
  if (result.verdict === "baking") {
    return {
      title,
      status: "skipped",
      headline: `${result.version} bakes on ${result.target} until ${result.bakeUntil}; nothing judged yet`,
      blocks: [{ kind: "text", text: `Deployed ${result.deployedAt}; judged after ${result.bakeUntil}.` }],
    };
  }
  const rows = result.windows.flatMap((window) => window.outcomes.map((o) => outcomeRow(window.key, o)));
  for (const outcome of result.shadow?.outcomes ?? []) rows.push(outcomeRow("vs champion (paired)", outcome));
  if (rows.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["Window", "Metric", "Value", "Rule", "Verdict", "Why"],
        rows,
        align: ["left", "left", "right"],
      },
    });
  }
  if (result.shadow) {
    blocks.push({
      kind: "text",
      text: `Shadow comparison: ${result.shadow.labelled} of ${result.shadow.rows} requests labelled; ${result.shadow.pairing}.`,
    });
  }
  if (result.reasons.length > 0) blocks.push({ kind: "text", text: result.reasons.map((r) => `- ${r}`).join("\n") });
  const after =
    result.verdict === "pass"
      ? result.promotion
        ? result.promotion.verdict === "pass"
          ? `promoted to ${result.promotion.target} (${result.promotion.alias})`
          : `promotion to ${result.promotion.target} failed: ${result.promotion.failure}`
        : "ready to promote"
      : result.rollback === null
        ? "not rolled back"
        : "failed" in result.rollback
          ? `could not be rolled back: ${result.rollback.failed}`
          : `rolled back to ${result.rollback.version}`;
  return {
    title,
    status: result.verdict === "pass" ? "pass" : "fail",
    headline: `${result.version} ${result.verdict === "pass" ? "passed" : "failed"} its canary on ${result.target}: ${after}`,
    blocks,
  };
}

function outcomeRow(where: string, o: RuleOutcome): string[] {
  return [
    where,
    o.metric,
    o.candidate === null ? "-" : String(Number(o.candidate.toPrecision(4))),
    o.requirement,
    o.verdict,
    o.reason,
  ];
}
