import type { DriftResult } from "../data/drift/drift.ts";
import { historyWindows } from "../monitor/history.ts";
import type { Registry } from "../registry/registry.ts";
import { describeFingerprint, fingerprintDatasets, type DataFingerprint } from "../data/fingerprint.ts";
import { ExitCode } from "../errors.ts";
import { formatNumber } from "../report/format.ts";
import type { StageContext } from "../context/context.ts";
import { runValidateStage } from "../pipeline/stages.ts";
import { saveStageRun, type StageRun } from "../pipeline/stage-run.ts";
import type { Manifest } from "../registry/manifest.ts";
import { openRegistry } from "../registry/open.ts";
import { projectStoreSettings } from "../store/open.ts";
import { type Check, DECISION_STEP, type RetrainDecision } from "./results.ts";
import { decisionSection } from "./section.ts";

/**
 * Whether to retrain (issue 7, continuous training): any one of drift against the champion's training data, the
 * champion's age, or new training data calls for it (retrain.when), and so does having no champion at all. Data
 * that fails validation blocks retraining instead: a person should look first. The answer is data, with every
 * reason in words.
 */

const DAY_MS = 86_400_000;

export async function decideRetrain(
  context: StageContext,
  options: { force: boolean; reason?: string | null },
): Promise<StageRun<RetrainDecision>> {
  const { config } = context.loaded;
  const when = config.retrain?.when ?? { drift: config.data?.drift !== undefined, new_data: true };
  // Validation also measures drift against the champion's stored profile (data.drift.reference: champion).
  const validation = await runValidateStage(context);
  const registry = await openRegistry(context);
  const alias = config.publish.promote === false ? "champion" : config.publish.promote;
  const champion = await registry.resolve(config.model.name, alias);
  const now = context.now();

  const blocked =
    validation.result.verdict === "fail"
      ? `the data failed validation (${validation.result.errors} error(s)${validation.result.drift?.datasetDrift && validation.result.drift.severity === "error" ? ", including drift past data.drift.max_drifted_share" : ""}): retraining on it is blocked until someone looks`
      : null;

  const drift = driftCheck(
    when.drift,
    config.data?.drift !== undefined,
    validation.result.drift,
    validation.result.driftNote,
  );
  const age = ageCheck("max_age_days" in when ? when.max_age_days : undefined, champion, now);
  const newData = when.new_data
    ? newDataCheck(
        champion,
        await fingerprintDatasets(config.data, context.loaded.root, projectStoreSettings(config.registry, context.env)),
      )
    : { enabled: false, triggered: null, detail: "retrain.when.new_data is off" };

  const monitor = await monitorCheck(context, "monitor" in when && when.monitor, registry, champion);

  const reasons: string[] = [];
  if (options.force) reasons.push("forced (the workflow's force input or --force)");
  if (options.reason) reasons.push(`asked for: ${options.reason}`);
  if (!champion) reasons.push(`there is no ${alias} yet: the first model trains`);
  for (const check of [drift, age, newData, monitor]) if (check.triggered) reasons.push(check.detail);
  const shouldRetrain = blocked === null && reasons.length > 0;
  if (!shouldRetrain && blocked === null) {
    reasons.push(
      `nothing calls for retraining: ${
        [drift, age, newData, monitor]
          .filter((c) => c.enabled)
          .map((c) => c.detail)
          .join("; ") || "no check is enabled in retrain.when"
      }`,
    );
  }

  const decision: RetrainDecision = {
    stage: "retrain-decide",
    model: config.model.name,
    shouldRetrain,
    reasons,
    blocked,
    champion: champion
      ? { version: champion.version, createdAt: champion.createdAt, ageDays: ageInDays(champion, now) }
      : null,
    checks: { forced: options.force, drift, age, newData, monitor },
    decidedAt: now.toISOString(),
  };
  context.logger.info(
    blocked ? `retrain: blocked: ${blocked}` : `retrain: ${shouldRetrain ? "yes" : "no"}: ${reasons.join("; ")}`,
  );
  return saveStageRun(
    context,
    DECISION_STEP,
    decision,
    decisionSection(decision),
    blocked ? ExitCode.checkFailed : ExitCode.ok,
  );
}

/**
 * Whether the monitor found a breach of the champion (retrain.when.monitor): a window of the champion's version whose
 * rules broke, as the monitoring log of monitor.alias keeps each window's verdict. Newest breaches first, with the run.
 */
async function monitorCheck(
  context: StageContext,
  enabled: boolean,
  registry: Registry,
  champion: Manifest | undefined,
): Promise<Check> {
  if (!enabled) return { enabled, triggered: null, detail: "retrain.when.monitor is off" };
  const monitor = context.loaded.config.monitor;
  if (!monitor) return { enabled, triggered: null, detail: "there is no monitor section to read breaches from" };
  if (!champion) return { enabled, triggered: null, detail: "no champion is monitored yet" };
  const log = await registry.monitorLog(context.loaded.config.model.name, monitor.alias);
  const windows = historyWindows(log, monitor.window, (message) => context.logger.warn(message)).filter(
    (window) => window.version === champion.version,
  );
  // The newest judged window says whether the champion is in breach now; an old breach since healed calls for nothing.
  const judged = windows.filter((window) => window.result.judgement);
  const breached = judged.filter((window) => window.result.judgement?.verdict === "fail");
  const latest = judged.at(-1);
  if (!latest || latest.result.judgement?.verdict !== "fail") {
    return {
      enabled,
      triggered: false,
      detail: `the monitor finds ${champion.version} healthy in its newest window (${judged.length} judged, ${breached.length} breached before)`,
    };
  }
  const first = latest.result.judgement.breaches[0] ?? "";
  return {
    enabled,
    triggered: true,
    detail:
      `the monitor found a breach of ${champion.version} in ${breached.length} window(s), the latest ${first}` +
      (latest.runUrl ? ` (${latest.runUrl})` : ""),
  };
}

function driftCheck(enabled: boolean, configured: boolean, drift: DriftResult | null, note: string | null): Check {
  if (!enabled) return { enabled, triggered: null, detail: "retrain.when.drift is off" };
  if (!configured) return { enabled, triggered: null, detail: "drift is not measured: data.drift is not configured" };
  if (!drift) return { enabled, triggered: null, detail: `drift was not measured: ${note ?? "no reference"}` };
  const columns = drift.columns
    .filter((c) => c.drifted)
    .map((c) => `${c.column} (${c.method} ${formatNumber(c.value)})`);
  const share = `${drift.drifted} of ${drift.columns.length} columns drifted (share ${formatNumber(drift.share)}, limit ${formatNumber(drift.maxDriftedShare)})`;
  return drift.datasetDrift
    ? { enabled, triggered: true, detail: `the data drifted from ${drift.reference}: ${share}: ${columns.join(", ")}` }
    : { enabled, triggered: false, detail: `no dataset drift against ${drift.reference}: ${share}` };
}

function ageInDays(champion: Manifest, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(champion.createdAt)) / DAY_MS);
}

function ageCheck(maxAgeDays: number | undefined, champion: Manifest | undefined, now: Date): Check {
  if (maxAgeDays === undefined)
    return { enabled: false, triggered: null, detail: "retrain.when.max_age_days is not set" };
  if (!champion) return { enabled: true, triggered: null, detail: "no champion to age" };
  const days = ageInDays(champion, now);
  const shown = `${formatNumber(Number(days.toFixed(1)))} days`;
  return days > maxAgeDays
    ? {
        enabled: true,
        triggered: true,
        detail: `the champion ${champion.version} is ${shown} old, more than retrain.when.max_age_days (${maxAgeDays})`,
      }
    : { enabled: true, triggered: false, detail: `the champion is ${shown} old (limit ${maxAgeDays})` };
}

/** The champion's training data (from its manifest) against today's: any file added, removed or changed is new data. */
function newDataCheck(champion: Manifest | undefined, current: DataFingerprint[]): Check {
  if (!champion) return { enabled: true, triggered: null, detail: "no champion to compare the data with" };
  const trained = champion.data.filter((d) => d.dataset === "train") as DataFingerprint[];
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
    changed.length > 0
      ? `${changed.length} changed (${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ", ..." : ""})`
      : "",
  ].filter(Boolean);
  return { enabled: true, triggered: true, detail: `new training data since ${champion.version}: ${parts.join(", ")}` };
}
