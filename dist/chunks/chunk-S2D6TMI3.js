import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  directionOf
} from "./chunk-PMBSX2RF.js";
import {
  READ_LIMITS,
  readTextLimited
} from "./chunk-5AQJPSN5.js";
import {
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  unknown
} from "./chunk-MOKAEFJD.js";
import {
  primaryMetricOf
} from "./chunk-KIGM2236.js";
import {
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/train/select.ts
import { readdir } from "node:fs/promises";
import path from "node:path";
var TrainFile = object({
  stage: literal("train"),
  status: string(),
  params: record(string(), unknown()),
  durationMs: number(),
  startedAt: string(),
  leg: optional(nullable(object({ id: string() }))),
  cache: optional(object({ status: string() }))
});
var EvaluateFile = object({
  stage: literal("evaluate"),
  status: string(),
  metrics: record(string(), nullable(number())),
  /** The predictions the metrics came from (`mlops compare` pairs legs' rows with it). */
  predictions: optional(nullable(object({ path: string(), snapshot: string(), sha256: string() })))
});
function primaryMetric(config) {
  const gate = config.gate;
  const metric = primaryMetricOf(config);
  if (!metric) {
    throw new UsageError("there is no metric to rank the sweep's legs by", {
      hint: "set gate.primary_metric, or add a gate rule"
    });
  }
  const rule = gate?.rules.find((r) => r.metric === metric);
  const direction = directionOf(metric, rule, config);
  if (!direction) {
    throw new UsageError(`the direction of "${metric}" is unknown`, {
      hint: "declare it in evaluate.custom_metrics or on a gate rule"
    });
  }
  return { metric, direction };
}
async function readLegResults(dir) {
  const found = [];
  const visit = async (folder, depth) => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === "train.json")) {
      const train = TrainFile.safeParse(await readJson(path.join(folder, "train.json")));
      if (train.success) {
        const evaluateFile = entries.some((e) => e.isFile() && e.name === "evaluate.json") ? EvaluateFile.safeParse(await readJson(path.join(folder, "evaluate.json"))) : null;
        found.push({ source: folder, train: train.data, evaluate: evaluateFile?.success ? evaluateFile.data : null });
      }
    }
    if (depth === 0) return;
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      await visit(path.join(folder, entry.name), depth - 1);
    }
  };
  await visit(dir, 4);
  return found;
}
async function readJson(file) {
  try {
    const text = await readTextLimited(file, { shown: file, what: "leg result", limit: READ_LIMITS.stageResult });
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
var SLACK = 1e-12;
function selectBest(plan, found, ranking) {
  const notes = [];
  const legs = plan.legs.map((leg) => {
    const candidates = found.filter((f) => samePlanId(f.train.leg?.id, leg.id));
    if (candidates.length > 1) {
      notes.push(`leg ${leg.id} has ${candidates.length} results; the latest evaluated one counts`);
    }
    const result = [...candidates].sort(
      (a, b) => Number(b.evaluate !== null) - Number(a.evaluate !== null) || b.train.startedAt.localeCompare(a.train.startedAt)
    )[0];
    return outcomeOf(leg, result, ranking.metric);
  });
  const strays = found.filter((f) => !plan.legs.some((leg) => samePlanId(f.train.leg?.id, leg.id)));
  if (strays.length > 0) {
    notes.push(
      `${strays.length} result(s) belong to no leg of the current plan and were ignored: ${strays.map((s) => s.source).join(", ")}`
    );
  }
  const better = (a, b) => ranking.direction === "higher" ? a > b + SLACK : a < b - SLACK;
  let winner = null;
  for (const leg of legs) {
    if (leg.state !== "ok" || leg.value === null) continue;
    if (!winner || better(leg.value, winner.value ?? leg.value)) winner = leg;
  }
  return { stage: "select", metric: ranking.metric, direction: ranking.direction, winner, legs, notes };
}
function samePlanId(a, b) {
  return a !== void 0 && a.replace(/^0+(?=\d)/, "") === b.replace(/^0+(?=\d)/, "");
}
function outcomeOf(leg, result, metric) {
  const base = {
    leg,
    state: "missing",
    value: null,
    metrics: {},
    trainStatus: null,
    cacheStatus: null,
    trainDurationMs: null,
    source: null,
    reason: "no results were found for this leg"
  };
  if (!result) return base;
  const metrics = Object.fromEntries(
    Object.entries(result.evaluate?.metrics ?? {}).filter((entry) => entry[1] !== null)
  );
  const withResult = {
    ...base,
    metrics,
    trainStatus: result.train.status,
    cacheStatus: result.train.cache?.status ?? null,
    trainDurationMs: result.train.durationMs,
    source: result.source,
    reason: null
  };
  const stale = Object.entries(leg.values).find(([name, value2]) => valueAt(result.train.params, name) !== value2);
  if (stale) {
    return {
      ...withResult,
      state: "stale",
      reason: `it trained with ${stale[0]}=${JSON.stringify(valueAt(result.train.params, stale[0]))}, but the plan says ${JSON.stringify(stale[1])}`
    };
  }
  if (result.train.status !== "ok") return { ...withResult, state: "train failed", reason: "training failed" };
  if (!result.evaluate) return { ...withResult, state: "not evaluated", reason: "it has no evaluate.json" };
  if (result.evaluate.status !== "ok") return { ...withResult, state: "evaluate failed", reason: "evaluation failed" };
  const value = metrics[metric];
  if (value === void 0 || !Number.isFinite(value)) {
    return { ...withResult, state: "no metric", reason: `its evaluation has no "${metric}"` };
  }
  return { ...withResult, state: "ok", value };
}
function valueAt(params, name) {
  let current = params;
  for (const key of name.split(".")) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[key];
  }
  return current;
}

export {
  primaryMetric,
  readLegResults,
  selectBest
};
