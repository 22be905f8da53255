import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  historyWindows
} from "./chunk-AWWEC64S.js";
import {
  githubForRun
} from "./chunk-KCZDMEGW.js";
import {
  primaryMetric
} from "./chunk-S2D6TMI3.js";
import {
  runPublishStage,
  runValidateStage
} from "./chunk-JVSKKL3U.js";
import {
  describeFingerprint,
  fingerprintDatasets
} from "./chunk-MCQ3S4MW.js";
import {
  readStageResult,
  saveStageRun
} from "./chunk-SNPX46U6.js";
import {
  defineStage
} from "./chunk-STGVFYYW.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  issueTokenOption,
  registryTokenOption,
  withRegistryToken
} from "./chunk-BO5Z4RF3.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  renderMarkdown
} from "./chunk-OSH67I4H.js";
import {
  flagOption,
  textOption
} from "./chunk-SUPM4SWD.js";
import {
  object
} from "./chunk-MOKAEFJD.js";
import {
  ExitCode,
  InputError
} from "./chunk-XOZC47AQ.js";

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
          row("new data", decision.checks.newData),
          ...decision.checks.monitor ? [row("monitor", decision.checks.monitor)] : []
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
  if (outcome.trainOutput && outcome.trainOutput.length > 0) {
    blocks.push({
      kind: "details",
      summary: "Last lines of the training's output",
      blocks: [{ kind: "code", text: outcome.trainOutput.join("\n") }],
      terminal: "never"
    });
  }
  return { title: "Retraining", status: OUTCOME_STATUS[outcome.outcome], headline: outcomeHeadline(outcome), blocks };
}
function outcomeHeadline(outcome) {
  if (outcome.outcome === "not-better") return `not promoted: ${outcome.notPromotedBecause ?? "see the report"}`;
  if (outcome.outcome === "promoted" && outcome.promoted === null) {
    return `published as ${outcome.version ?? "a new version"}, not promoted: ${outcome.notPromotedBecause ?? "see the report"}`;
  }
  return outcome.outcome;
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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
  if (trained.status === "failed") {
    const trainOutput = trained.logTail.slice(-20);
    return { ...base, outcome: "failed", reason: trained.failure ?? "training failed", trainOutput };
  }
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
      notPromotedBecause: "it failed the gate",
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
    notPromotedBecause: "not better than the champion",
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

// src/retrain/decide.ts
var DAY_MS = 864e5;
async function decideRetrain(context, options) {
  const { config } = context.loaded;
  const when = config.retrain?.when ?? { drift: config.data?.drift !== void 0, new_data: true };
  const validation = await runValidateStage(context);
  const registry = await openRegistry(context);
  const alias = config.publish.promote === false ? "champion" : config.publish.promote;
  const champion = await registry.resolve(config.model.name, alias);
  const now = context.now();
  const blocked = validation.result.verdict === "fail" ? `the data failed validation (${validation.result.errors} error(s)${validation.result.drift?.datasetDrift && validation.result.drift.severity === "error" ? ", including drift past data.drift.max_drifted_share" : ""}): retraining on it is blocked until someone looks` : null;
  const drift = driftCheck(
    when.drift,
    config.data?.drift !== void 0,
    validation.result.drift,
    validation.result.driftNote
  );
  const age = ageCheck("max_age_days" in when ? when.max_age_days : void 0, champion, now);
  const newData = when.new_data ? newDataCheck(
    champion,
    await fingerprintDatasets(config.data, context.loaded.root, projectStoreSettings(config.registry, context.env))
  ) : { enabled: false, triggered: null, detail: "retrain.when.new_data is off" };
  const monitor = await monitorCheck(context, "monitor" in when && when.monitor, registry, champion);
  const reasons = [];
  if (options.force) reasons.push("forced (the workflow's force input or --force)");
  if (options.reason) reasons.push(`asked for: ${options.reason}`);
  if (!champion) reasons.push(`there is no ${alias} yet: the first model trains`);
  for (const check of [drift, age, newData, monitor]) if (check.triggered) reasons.push(check.detail);
  const shouldRetrain = blocked === null && reasons.length > 0;
  if (!shouldRetrain && blocked === null) {
    reasons.push(
      `nothing calls for retraining: ${[drift, age, newData, monitor].filter((c) => c.enabled).map((c) => c.detail).join("; ") || "no check is enabled in retrain.when"}`
    );
  }
  const decision = {
    stage: "retrain-decide",
    model: config.model.name,
    shouldRetrain,
    reasons,
    blocked,
    champion: champion ? { version: champion.version, createdAt: champion.createdAt, ageDays: ageInDays(champion, now) } : null,
    checks: { forced: options.force, drift, age, newData, monitor },
    decidedAt: now.toISOString()
  };
  context.logger.info(
    blocked ? `retrain: blocked: ${blocked}` : `retrain: ${shouldRetrain ? "yes" : "no"}: ${reasons.join("; ")}`
  );
  return saveStageRun(
    context,
    DECISION_STEP,
    decision,
    decisionSection(decision),
    blocked ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function monitorCheck(context, enabled, registry, champion) {
  if (!enabled) return { enabled, triggered: null, detail: "retrain.when.monitor is off" };
  const monitor = context.loaded.config.monitor;
  if (!monitor) return { enabled, triggered: null, detail: "there is no monitor section to read breaches from" };
  if (!champion) return { enabled, triggered: null, detail: "no champion is monitored yet" };
  const log = await registry.monitorLog(context.loaded.config.model.name, monitor.alias);
  const windows = historyWindows(log, monitor.window, (message) => context.logger.warn(message)).filter(
    (window) => window.version === champion.version
  );
  const judged = windows.filter((window) => window.result.judgement);
  const breached = judged.filter((window) => window.result.judgement?.verdict === "fail");
  const latest = judged.at(-1);
  if (!latest || latest.result.judgement?.verdict !== "fail") {
    return {
      enabled,
      triggered: false,
      detail: `the monitor finds ${champion.version} healthy in its newest window (${judged.length} judged, ${breached.length} breached before)`
    };
  }
  const first = latest.result.judgement.breaches[0] ?? "";
  return {
    enabled,
    triggered: true,
    detail: `the monitor found a breach of ${champion.version} in ${breached.length} window(s), the latest ${first}` + (latest.runUrl ? ` (${latest.runUrl})` : "")
  };
}
function driftCheck(enabled, configured, drift, note) {
  if (!enabled) return { enabled, triggered: null, detail: "retrain.when.drift is off" };
  if (!configured) return { enabled, triggered: null, detail: "drift is not measured: data.drift is not configured" };
  if (!drift) return { enabled, triggered: null, detail: `drift was not measured: ${note ?? "no reference"}` };
  const columns = drift.columns.filter((c) => c.drifted).map((c) => `${c.column} (${c.method} ${formatNumber(c.value)})`);
  const share = `${drift.drifted} of ${drift.columns.length} columns drifted (share ${formatNumber(drift.share)}, limit ${formatNumber(drift.maxDriftedShare)})`;
  return drift.datasetDrift ? { enabled, triggered: true, detail: `the data drifted from ${drift.reference}: ${share}: ${columns.join(", ")}` } : { enabled, triggered: false, detail: `no dataset drift against ${drift.reference}: ${share}` };
}
function ageInDays(champion, now) {
  return Math.max(0, (now.getTime() - Date.parse(champion.createdAt)) / DAY_MS);
}
function ageCheck(maxAgeDays, champion, now) {
  if (maxAgeDays === void 0)
    return { enabled: false, triggered: null, detail: "retrain.when.max_age_days is not set" };
  if (!champion) return { enabled: true, triggered: null, detail: "no champion to age" };
  const days = ageInDays(champion, now);
  const shown = `${formatNumber(Number(days.toFixed(1)))} days`;
  return days > maxAgeDays ? {
    enabled: true,
    triggered: true,
    detail: `the champion ${champion.version} is ${shown} old, more than retrain.when.max_age_days (${maxAgeDays})`
  } : { enabled: true, triggered: false, detail: `the champion is ${shown} old (limit ${maxAgeDays})` };
}
function newDataCheck(champion, current) {
  if (!champion) return { enabled: true, triggered: null, detail: "no champion to compare the data with" };
  const trained = champion.data.filter((d) => d.dataset === "train");
  const now = current.filter((d) => d.dataset === "train");
  if (describeFingerprint(trained) === describeFingerprint(now)) {
    return { enabled: true, triggered: false, detail: "the training data is the champion's" };
  }
  const before = new Map(trained.flatMap((d) => d.files).map((f) => [f.path, f]));
  const after = new Map(now.flatMap((d) => d.files).map((f) => [f.path, f]));
  const added = [...after.keys()].filter((p) => !before.has(p));
  const removed = [...before.keys()].filter((p) => !after.has(p));
  const changed = [...after.keys()].filter((p) => {
    const old = before.get(p);
    const fresh = after.get(p);
    return old && fresh && (old.size !== fresh.size || (old.sha256 ?? old.etag) !== (fresh.sha256 ?? fresh.etag));
  });
  const parts = [
    added.length > 0 ? `${added.length} added (${added.slice(0, 3).join(", ")}${added.length > 3 ? ", ..." : ""})` : "",
    removed.length > 0 ? `${removed.length} removed` : "",
    changed.length > 0 ? `${changed.length} changed (${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ", ..." : ""})` : ""
  ].filter(Boolean);
  return { enabled: true, triggered: true, detail: `new training data since ${champion.version}: ${parts.join(", ")}` };
}

// src/stages/retrain.ts
var RetrainDecideOptions = object({
  force: flagOption({
    cli: { flag: "force", description: "Retrain even if nothing calls for it" },
    action: { input: "force", description: "Retrain even if nothing calls for it." }
  }),
  reason: textOption({
    cli: {
      flag: "reason",
      valueName: "text",
      description: "Why retraining is asked for (the monitor's breach): it retrains, and the report says why"
    },
    action: {
      input: "reason",
      description: "Why retraining is asked for (the monitor's breach, when a rule with action: retrain dispatched the workflow): it retrains, and the report says why."
    }
  }),
  registryToken: registryTokenOption("read")
});
var retrainDecideStage = defineStage({
  name: "retrain-decide",
  options: RetrainDecideOptions,
  run: (context, { force, reason, registryToken }) => decideRetrain(withRegistryToken(context, registryToken), { force, reason: reason?.trim() || null }),
  command: null,
  action: {
    title: "mlops-kit retrain decide",
    description: "Decide whether to retrain (drift against the champion's training data, its age, new data); a step of actions/retrain.",
    icon: "help-circle",
    verdictOutput: "result",
    outputs: {
      result: {
        description: "retrain, skip or blocked (the data failed validation); error when it could not decide.",
        value: ({ result }) => result.blocked ? "blocked" : result.shouldRetrain ? "retrain" : "skip"
      },
      "should-retrain": {
        description: "true when retraining is called for.",
        value: ({ result }) => result.shouldRetrain
      },
      reason: { description: "Why, in words.", value: ({ result }) => result.blocked ?? result.reasons.join("; ") }
    },
    files: {
      report: "Path of the decision's result JSON.",
      summary: "Path of the decision's report in markdown (also written to the job summary)."
    },
    failureMessage: ({ result }) => `retraining is blocked: ${result.blocked ?? ""}`
  }
});
var RetrainConcludeOptions = object({
  githubToken: issueTokenOption(),
  registryToken: registryTokenOption("write")
});
var retrainConcludeStage = defineStage({
  name: "retrain-conclude",
  options: RetrainConcludeOptions,
  run: (context, { githubToken, registryToken }) => concludeRetrain(withRegistryToken(context, registryToken), { github: githubForRun(context, githubToken) }),
  command: null,
  action: {
    title: "mlops-kit retrain conclude",
    description: "Judge a retraining run from its stage results, publish and promote a better model, and keep one issue per model in step; a step of actions/retrain.",
    icon: "flag",
    verdictOutput: "result",
    outputs: {
      result: {
        description: "promoted, not-better, skipped, failed or blocked; error when it could not conclude.",
        value: ({ result }) => result.outcome
      },
      reason: { description: "Why, in words.", value: ({ result }) => result.reason },
      version: {
        description: "The published version, when the retrained model was better.",
        value: ({ result }) => result.version ?? ""
      },
      promoted: {
        description: "The alias it was promoted to, or empty.",
        value: ({ result }) => result.promoted ?? ""
      },
      "issue-url": {
        description: "The issue opened, updated or closed, or empty.",
        value: ({ result }) => result.issue?.url ?? ""
      }
    },
    files: {
      report: "Path of the outcome's result JSON.",
      summary: "Path of the outcome's report in markdown (also written to the job summary)."
    },
    failureMessage: ({ result }) => `retraining ${result.outcome}: ${result.reason}`
  }
});

export {
  concludeRetrain,
  RetrainDecideOptions,
  retrainDecideStage,
  RetrainConcludeOptions,
  retrainConcludeStage
};
