import { readdir } from "node:fs/promises";
import path from "node:path";
import * as z from "../zod.ts";
import { READ_LIMITS, readTextLimited } from "../files/read-limited.ts";
import { primaryMetricOf } from "../config/metrics.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import { UsageError } from "../errors.ts";
import { directionOf } from "../gate/rules.ts";
import type { SweepLeg, SweepPlan } from "./sweep.ts";

/**
 * `mlops select`: gather the sweep legs' results (each leg's train.json and evaluate.json, from a local sweep or
 * downloaded leg artifacts) and pick the best leg by the gate's primary metric. Ties (within 1e-12, the gate's
 * slack) go to the earlier leg in the plan, so the same results always pick the same winner.
 */

export type LegState = "ok" | "train failed" | "evaluate failed" | "not evaluated" | "no metric" | "missing" | "stale";

export interface LegOutcome {
  leg: SweepLeg;
  state: LegState;
  /** The primary metric's value, when the leg produced it. */
  value: number | null;
  /** Every metric the leg's evaluation produced. */
  metrics: Record<string, number>;
  trainStatus: string | null;
  cacheStatus: string | null;
  trainDurationMs: number | null;
  /** Where the leg's results were found. */
  source: string | null;
  /** Why the leg cannot win, in words. */
  reason: string | null;
}

export interface SweepSelection {
  stage: "select";
  metric: string;
  direction: "higher" | "lower";
  /** The best leg, or null when no leg produced the metric. */
  winner: LegOutcome | null;
  legs: LegOutcome[];
  notes: string[];
}

/** What the leg reads from a train.json: the shape is checked, since leg results are files from other jobs. */
const TrainFile = z.object({
  stage: z.literal("train"),
  status: z.string(),
  params: z.record(z.string(), z.unknown()),
  durationMs: z.number(),
  startedAt: z.string(),
  leg: z.optional(z.nullable(z.object({ id: z.string() }))),
  cache: z.optional(z.object({ status: z.string() })),
});
const EvaluateFile = z.object({
  stage: z.literal("evaluate"),
  status: z.string(),
  metrics: z.record(z.string(), z.nullable(z.number())),
  /** The predictions the metrics came from (`mlops compare` pairs legs' rows with it). */
  predictions: z.optional(z.nullable(z.object({ path: z.string(), snapshot: z.string(), sha256: z.string() }))),
});

export interface FoundResult {
  /** The folder holding train.json (and evaluate.json when the leg got that far). */
  source: string;
  train: z.infer<typeof TrainFile>;
  evaluate: z.infer<typeof EvaluateFile> | null;
}

/** The gate's primary metric: gate.primary_metric, else the first rule's metric; and which way is better. */
export function primaryMetric(config: MlopsConfig): { metric: string; direction: "higher" | "lower" } {
  const gate = config.gate;
  const metric = primaryMetricOf(config);
  if (!metric) {
    throw new UsageError("there is no metric to rank the sweep's legs by", {
      hint: "set gate.primary_metric, or add a gate rule",
    });
  }
  const rule = gate?.rules.find((r) => r.metric === metric);
  const direction = directionOf(metric, rule, config);
  if (!direction) {
    throw new UsageError(`the direction of "${metric}" is unknown`, {
      hint: "declare it in evaluate.custom_metrics or on a gate rule",
    });
  }
  return { metric, direction };
}

/** Finds every folder under `dir` (up to 4 levels down) that holds a train.json, and reads its results. */
export async function readLegResults(dir: string): Promise<FoundResult[]> {
  const found: FoundResult[] = [];
  const visit = async (folder: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === "train.json")) {
      const train = TrainFile.safeParse(await readJson(path.join(folder, "train.json")));
      if (train.success) {
        const evaluateFile = entries.some((e) => e.isFile() && e.name === "evaluate.json")
          ? EvaluateFile.safeParse(await readJson(path.join(folder, "evaluate.json")))
          : null;
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

async function readJson(file: string): Promise<unknown> {
  try {
    const text = await readTextLimited(file, { shown: file, what: "leg result", limit: READ_LIMITS.stageResult });
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const SLACK = 1e-12;

export function selectBest(
  plan: SweepPlan,
  found: readonly FoundResult[],
  ranking: { metric: string; direction: "higher" | "lower" },
): SweepSelection {
  const notes: string[] = [];
  const legs = plan.legs.map((leg): LegOutcome => {
    const candidates = found.filter((f) => samePlanId(f.train.leg?.id, leg.id));
    if (candidates.length > 1) {
      notes.push(`leg ${leg.id} has ${candidates.length} results; the latest evaluated one counts`);
    }
    // Latest first, evaluated before not evaluated: a re-run leg replaces its failed attempt.
    const result = [...candidates].sort(
      (a, b) =>
        Number(b.evaluate !== null) - Number(a.evaluate !== null) || b.train.startedAt.localeCompare(a.train.startedAt),
    )[0];
    return outcomeOf(leg, result, ranking.metric);
  });
  const strays = found.filter((f) => !plan.legs.some((leg) => samePlanId(f.train.leg?.id, leg.id)));
  if (strays.length > 0) {
    notes.push(
      `${strays.length} result(s) belong to no leg of the current plan and were ignored: ${strays.map((s) => s.source).join(", ")}`,
    );
  }
  const better = (a: number, b: number): boolean => (ranking.direction === "higher" ? a > b + SLACK : a < b - SLACK);
  let winner: LegOutcome | null = null;
  // Plan order, and only a strictly better value replaces the leader: ties stay with the earlier leg.
  for (const leg of legs) {
    if (leg.state !== "ok" || leg.value === null) continue;
    if (!winner || better(leg.value, winner.value ?? leg.value)) winner = leg;
  }
  return { stage: "select", metric: ranking.metric, direction: ranking.direction, winner, legs, notes };
}

function samePlanId(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(/^0+(?=\d)/, "") === b.replace(/^0+(?=\d)/, "");
}

function outcomeOf(leg: SweepLeg, result: FoundResult | undefined, metric: string): LegOutcome {
  const base: LegOutcome = {
    leg,
    state: "missing",
    value: null,
    metrics: {},
    trainStatus: null,
    cacheStatus: null,
    trainDurationMs: null,
    source: null,
    reason: "no results were found for this leg",
  };
  if (!result) return base;
  const metrics = Object.fromEntries(
    Object.entries(result.evaluate?.metrics ?? {}).filter((entry): entry is [string, number] => entry[1] !== null),
  );
  const withResult: LegOutcome = {
    ...base,
    metrics,
    trainStatus: result.train.status,
    cacheStatus: result.train.cache?.status ?? null,
    trainDurationMs: result.train.durationMs,
    source: result.source,
    reason: null,
  };
  const stale = Object.entries(leg.values).find(([name, value]) => valueAt(result.train.params, name) !== value);
  if (stale) {
    return {
      ...withResult,
      state: "stale",
      reason: `it trained with ${stale[0]}=${JSON.stringify(valueAt(result.train.params, stale[0]))}, but the plan says ${JSON.stringify(stale[1])}`,
    };
  }
  if (result.train.status !== "ok") return { ...withResult, state: "train failed", reason: "training failed" };
  if (!result.evaluate) return { ...withResult, state: "not evaluated", reason: "it has no evaluate.json" };
  if (result.evaluate.status !== "ok") return { ...withResult, state: "evaluate failed", reason: "evaluation failed" };
  const value = metrics[metric];
  if (value === undefined || !Number.isFinite(value)) {
    return { ...withResult, state: "no metric", reason: `its evaluation has no "${metric}"` };
  }
  return { ...withResult, state: "ok", value };
}

function valueAt(params: Record<string, unknown>, name: string): unknown {
  let current: unknown = params;
  for (const key of name.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
