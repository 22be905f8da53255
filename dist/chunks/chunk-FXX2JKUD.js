import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DECISION_STEP,
  OUTCOME_STEP,
  decisionSection,
  outcomeSection
} from "./chunk-TDHAQZUZ.js";
import {
  createGitHub
} from "./chunk-BFTSGGB3.js";
import {
  primaryMetric
} from "./chunk-CBBQCPY7.js";
import {
  readStageResult,
  runPublishStage,
  saveStageRun
} from "./chunk-WLMFWUHR.js";
import {
  formatNumber,
  renderMarkdown
} from "./chunk-VRNFBWJ4.js";
import {
  ExitCode,
  InputError
} from "./chunk-XOZC47AQ.js";

// src/retrain/conclude.ts
async function concludeRetrain(context, options) {
  const decision = await readStageResult(context, DECISION_STEP);
  if (!decision) {
    throw new InputError("there is no retraining decision in this workspace", {
      hint: "run `mlops retrain decide` first"
    });
  }
  const outcome = await judge(context, decision);
  if (outcome.outcome === "promoted") {
    const published = await runPublishStage(context);
    outcome.version = published.result.version;
    outcome.promoted = published.result.promoted;
    if (!published.result.promoted) {
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
    failed ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function judge(context, decision) {
  const base = {
    stage: "retrain",
    model: decision.model,
    outcome: "skipped",
    reason: "",
    comparison: null,
    version: null,
    promoted: null,
    issue: null,
    notes: []
  };
  if (decision.blocked) return { ...base, outcome: "blocked", reason: decision.blocked };
  if (!decision.shouldRetrain) return { ...base, reason: "nothing called for retraining (see the decision)" };
  const [train, evaluation, gate] = await Promise.all([
    readStageResult(context, "train"),
    readStageResult(context, "evaluate"),
    readStageResult(context, "gate")
  ]);
  const fresh = (result) => result && (result.finishedAt === void 0 || result.finishedAt >= decision.decidedAt) ? result : null;
  const trained = fresh(train);
  if (!trained) return { ...base, outcome: "failed", reason: "training did not run to the end" };
  if (trained.status === "failed") return { ...base, outcome: "failed", reason: trained.failure ?? "training failed" };
  if (!evaluation || evaluation.status !== "ok") {
    return { ...base, outcome: "failed", reason: evaluation?.failure ?? "the evaluation did not run to the end" };
  }
  if (!gate || gate.verdict === "skipped") return { ...base, outcome: "failed", reason: "the gate did not run" };
  if (evaluation.chain?.trainRun !== trained.runId || gate.chain?.evaluation !== evaluation.chain.id) {
    return {
      ...base,
      outcome: "failed",
      reason: `the evaluation and gate verdict in the workspace are not of train run ${trained.runId}: run the evaluate and gate steps after training`
    };
  }
  if (gate.verdict === "error") {
    return {
      ...base,
      outcome: "failed",
      reason: `the gate could not be evaluated: ${gate.notes.join("; ") || "see its report"}`
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
      reason: `the retrained model failed the gate (${failed.join("; ")}); the champion stays`
    };
  }
  if (comparison.candidate === null) {
    return {
      ...base,
      outcome: "failed",
      comparison,
      reason: `the retrained model has no value for the primary metric ${metric}`
    };
  }
  if (comparison.champion === null) {
    return {
      ...base,
      outcome: "promoted",
      comparison,
      reason: `there was no champion to beat; ${metric} is ${formatNumber(comparison.candidate)}`
    };
  }
  const better = direction === "higher" ? comparison.candidate > comparison.champion : comparison.candidate < comparison.champion;
  const versus = `${metric} ${formatNumber(comparison.candidate)} against the champion's ${formatNumber(comparison.champion)} (${direction} is better)`;
  return better ? { ...base, outcome: "promoted", comparison, reason: `better than the champion: ${versus}` } : {
    ...base,
    outcome: "not-better",
    comparison,
    reason: `passed the gate but is not better than the champion: ${versus}; the champion stays`
  };
}
function issueMarker(model) {
  return `<!-- mlops-kit:retrain:${model} -->`;
}
async function keepIssueInStep(context, github, decision, outcome) {
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
        renderMarkdown(decisionSection(decision))
      ].join("\n");
      if (open) {
        await github.updateIssue(open.number, { body });
        await github.createIssueComment(
          open.number,
          `Retraining ${outcome.outcome} again${run ? ` in ${run}` : ""}: ${outcome.reason.slice(0, 2e3)}`
        );
        outcome.issue = { number: open.number, url: open.url, action: "updated" };
      } else {
        const created = await github.createIssue({
          title: `Retraining ${outcome.outcome === "blocked" ? "blocked" : "failed"}: ${outcome.model}`,
          body,
          labels: settings.labels,
          assignees: settings.assignees
        });
        outcome.issue = { number: created.number, url: created.url, action: "opened" };
      }
    } else if ((outcome.outcome === "promoted" || outcome.outcome === "not-better") && open) {
      const result = outcome.outcome === "promoted" ? `${outcome.version ?? "a new version"} is the new ${outcome.promoted ?? "champion"}` : `the retrained model was not promoted (${outcome.reason})`;
      await github.createIssueComment(
        open.number,
        `Retraining succeeded${run ? ` in ${run}` : ""}: ${result}. Closing.`
      );
      await github.updateIssue(open.number, { state: "closed", stateReason: "completed" });
      outcome.issue = { number: open.number, url: open.url, action: "closed" };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome.notes.push(`could not keep the retraining issue up to date: ${message}`);
    context.logger.warn(`retraining issue: ${message}`);
  }
}

// src/retrain/github.ts
function retrainGitHub(context, token) {
  const repository = context.provenance.repository;
  if (!token || !repository) return null;
  return createGitHub({
    token,
    repository,
    baseUrl: context.env.GITHUB_API_URL || "https://api.github.com",
    logger: context.logger
  });
}

export {
  concludeRetrain,
  retrainGitHub
};
