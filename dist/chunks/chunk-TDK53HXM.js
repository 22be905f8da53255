import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DECISION_STEP,
  decisionSection
} from "./chunk-TDHAQZUZ.js";
import {
  describeFingerprint,
  fingerprintDatasets,
  runValidateStage,
  saveStageRun
} from "./chunk-WLMFWUHR.js";
import {
  openRegistry
} from "./chunk-HLKXQ7X2.js";
import {
  projectStoreSettings
} from "./chunk-AOOPNKUY.js";
import {
  formatNumber
} from "./chunk-VRNFBWJ4.js";
import {
  ExitCode
} from "./chunk-XOZC47AQ.js";

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
  const reasons = [];
  if (options.force) reasons.push("forced (the workflow's force input or --force)");
  if (!champion) reasons.push(`there is no ${alias} yet: the first model trains`);
  for (const check of [drift, age, newData]) if (check.triggered) reasons.push(check.detail);
  const shouldRetrain = blocked === null && reasons.length > 0;
  if (!shouldRetrain && blocked === null) {
    reasons.push(
      `nothing calls for retraining: ${[drift, age, newData].filter((c) => c.enabled).map((c) => c.detail).join("; ") || "no check is enabled in retrain.when"}`
    );
  }
  const decision = {
    stage: "retrain-decide",
    model: config.model.name,
    shouldRetrain,
    reasons,
    blocked,
    champion: champion ? { version: champion.version, createdAt: champion.createdAt, ageDays: ageInDays(champion, now) } : null,
    checks: { forced: options.force, drift, age, newData },
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

export {
  decideRetrain
};
