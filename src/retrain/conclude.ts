import { ExitCode, InputError } from "../errors.ts";
import type { EvaluateResult } from "../evaluate/evaluate.ts";
import type { GateResult } from "../gate/gate.ts";
import { formatNumber } from "../report/format.ts";
import type { GitHub } from "../github/client.ts";
import type { StageContext } from "../context/context.ts";
import { runPublishStage } from "../pipeline/stages.ts";
import { readStageResult, saveStageRun, type StageRun } from "../pipeline/stage-run.ts";
import { renderMarkdown } from "../report/sections.ts";
import { primaryMetric } from "../train/select.ts";
import type { TrainResult } from "../train/train.ts";
import { DECISION_STEP, OUTCOME_STEP, type RetrainDecision, type RetrainOutcome } from "./results.ts";
import { decisionSection, outcomeSection } from "./section.ts";

/**
 * What came of a retraining run, read from the stages' results in the workspace: a better model is published and
 * promoted; one that is not better is left alone, with the reason; a failure or a blocked run opens (or updates) one
 * issue per model, which the next success closes. Nothing here trains or gates: it judges and reports.
 */

export async function concludeRetrain(
  context: StageContext,
  options: { github: GitHub | null },
): Promise<StageRun<RetrainOutcome>> {
  const decision = await readStageResult<RetrainDecision>(context, DECISION_STEP);
  if (!decision) {
    throw new InputError("there is no retraining decision in this workspace", {
      hint: "run `mlops retrain decide` first",
    });
  }
  const outcome = await judge(context, decision);
  if (outcome.outcome === "promoted") {
    const published = await runPublishStage(context);
    outcome.version = published.result.version;
    outcome.promoted = published.result.promoted;
    if (!published.result.promoted) {
      outcome.notPromotedBecause = published.result.notPromotedBecause;
      outcome.notes.push(`published as ${published.result.version} but not promoted: ${published.result.promotion}`);
    }
  }
  if (options.github) await keepIssueInStep(context, options.github, decision, outcome);
  else if (outcome.outcome === "failed" || outcome.outcome === "blocked") {
    outcome.notes.push("no GitHub token or repository here: no issue was opened");
  }
  const failed = outcome.outcome === "failed" || outcome.outcome === "blocked";
  return saveStageRun(
    context,
    OUTCOME_STEP,
    outcome,
    outcomeSection(outcome),
    failed ? ExitCode.checkFailed : ExitCode.ok,
  );
}

async function judge(context: StageContext, decision: RetrainDecision): Promise<RetrainOutcome> {
  const base: RetrainOutcome = {
    stage: "retrain",
    model: decision.model,
    outcome: "skipped",
    reason: "",
    comparison: null,
    version: null,
    promoted: null,
    issue: null,
    notes: [],
  };
  if (decision.blocked) return { ...base, outcome: "blocked", reason: decision.blocked };
  if (!decision.shouldRetrain) return { ...base, reason: "nothing called for retraining (see the decision)" };
  const [train, evaluation, gate] = await Promise.all([
    readStageResult<TrainResult>(context, "train"),
    readStageResult<EvaluateResult>(context, "evaluate"),
    readStageResult<GateResult>(context, "gate"),
  ]);
  // A stage result older than the decision belongs to an earlier run: it says nothing about this one.
  const fresh = <T extends { finishedAt?: string }>(result: T | null): T | null =>
    result && (result.finishedAt === undefined || result.finishedAt >= decision.decidedAt) ? result : null;
  const trained = fresh(train);
  if (!trained) return { ...base, outcome: "failed", reason: "training did not run to the end" };
  if (trained.status === "failed") {
    const trainOutput = trained.logTail.slice(-20);
    return { ...base, outcome: "failed", reason: trained.failure ?? "training failed", trainOutput };
  }
  if (!evaluation || evaluation.status !== "ok") {
    return { ...base, outcome: "failed", reason: evaluation?.failure ?? "the evaluation did not run to the end" };
  }
  if (!gate || gate.verdict === "skipped") return { ...base, outcome: "failed", reason: "the gate did not run" };
  // The verdict must be of this retraining's model (DOMAIN.md §6), not an evaluation or gate left by an earlier run.
  if (evaluation.chain?.trainRun !== trained.runId || gate.chain?.evaluation !== evaluation.chain.id) {
    return {
      ...base,
      outcome: "failed",
      reason: `the evaluation and gate verdict in the workspace are not of train run ${trained.runId}: run the evaluate and gate steps after training`,
    };
  }
  if (gate.verdict === "error") {
    return {
      ...base,
      outcome: "failed",
      reason: `the gate could not be evaluated: ${gate.notes.join("; ") || "see its report"}`,
    };
  }
  const { metric, direction } = primaryMetric(context.loaded.config);
  const row = gate.comparison.find((c) => c.metric === metric);
  const comparison = { metric, direction, champion: row?.baseline ?? null, candidate: row?.candidate ?? null };
  if (gate.verdict === "fail") {
    const failed = gate.outcomes.filter((o) => o.verdict === "fail").map((o) => `${o.metric}: ${o.reason}`);
    return {
      ...base,
      outcome: "not-better",
      comparison,
      notPromotedBecause: "it failed the gate",
      reason: `the retrained model failed the gate (${failed.join("; ")}); the champion stays`,
    };
  }
  if (comparison.candidate === null) {
    return {
      ...base,
      outcome: "failed",
      comparison,
      reason: `the retrained model has no value for the primary metric ${metric}`,
    };
  }
  if (comparison.champion === null) {
    return {
      ...base,
      outcome: "promoted",
      comparison,
      reason: `there was no champion to beat; ${metric} is ${formatNumber(comparison.candidate)}`,
    };
  }
  const better =
    direction === "higher" ? comparison.candidate > comparison.champion : comparison.candidate < comparison.champion;
  const versus = `${metric} ${formatNumber(comparison.candidate)} against the champion's ${formatNumber(comparison.champion)} (${direction} is better)`;
  return better
    ? { ...base, outcome: "promoted", comparison, reason: `better than the champion: ${versus}` }
    : {
        ...base,
        outcome: "not-better",
        comparison,
        notPromotedBecause: "not better than the champion",
        reason: `passed the gate but is not better than the champion: ${versus}; the champion stays`,
      };
}

/**
 * One open issue per model, found by a hidden marker: opened on a failure, updated on the next, closed by the next
 * run in which retraining worked (promoted or not).
 */
export function issueMarker(model: string): string {
  return `<!-- mlops-kit:retrain:${model} -->`;
}

async function keepIssueInStep(
  context: StageContext,
  github: GitHub,
  decision: RetrainDecision,
  outcome: RetrainOutcome,
): Promise<void> {
  const settings = context.loaded.config.retrain?.issue ?? { labels: ["mlops", "retraining"], assignees: [] };
  const marker = issueMarker(outcome.model);
  const run = context.provenance.runUrl;
  try {
    const open = (await github.listOpenIssues(settings.labels)).find((issue) => issue.body.includes(marker));
    if (outcome.outcome === "failed" || outcome.outcome === "blocked") {
      const body = [
        marker,
        `Scheduled retraining of **${outcome.model}** ${outcome.outcome === "blocked" ? "is blocked" : "failed"}${run ? ` in [this run](${run})` : ""}.`,
        "",
        "This issue is kept up to date by mlops-kit and closed when a later retraining succeeds.",
        "",
        renderMarkdown(outcomeSection(outcome)),
        "",
        renderMarkdown(decisionSection(decision)),
      ].join("\n");
      if (open) {
        await github.updateIssue(open.number, { body });
        await github.createIssueComment(
          open.number,
          `Retraining ${outcome.outcome} again${run ? ` in ${run}` : ""}: ${outcome.reason.slice(0, 2000)}`,
        );
        outcome.issue = { number: open.number, url: open.url, action: "updated" };
      } else {
        const created = await github.createIssue({
          title: `Retraining ${outcome.outcome === "blocked" ? "blocked" : "failed"}: ${outcome.model}`,
          body,
          labels: settings.labels,
          assignees: settings.assignees,
        });
        outcome.issue = { number: created.number, url: created.url, action: "opened" };
      }
    } else if ((outcome.outcome === "promoted" || outcome.outcome === "not-better") && open) {
      // Retraining works again: whether or not its model beat the champion, what the issue was about is over.
      const result =
        outcome.outcome === "promoted"
          ? `${outcome.version ?? "a new version"} is the new ${outcome.promoted ?? "champion"}`
          : `the retrained model was not promoted (${outcome.reason})`;
      await github.createIssueComment(
        open.number,
        `Retraining succeeded${run ? ` in ${run}` : ""}: ${result}. Closing.`,
      );
      await github.updateIssue(open.number, { state: "closed", stateReason: "completed" });
      outcome.issue = { number: open.number, url: open.url, action: "closed" };
    }
  } catch (error) {
    // The outcome stands either way; a refused issue is worth a warning, not a different result.
    const message = error instanceof Error ? error.message : String(error);
    outcome.notes.push(`could not keep the retraining issue up to date: ${message}`);
    context.logger.warn(`retraining issue: ${message}`);
  }
}
