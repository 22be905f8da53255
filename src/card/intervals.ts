import type { MlopsConfig } from "../config/schema/index.ts";
import { UserError } from "../errors.ts";
import { type EvaluateResult, resolvePositiveLabel } from "../evaluate/evaluate.ts";
import { predictionColumns, readPredictions } from "../evaluate/predictions.ts";
import { overallIntervals } from "../gate/slice-intervals.ts";
import type { CardFacts, ValueIntervalFact } from "./facts.ts";

/**
 * The interval of each metric over all rows, for the card (DOMAIN.md §8: metrics with intervals): computed from the
 * predictions the evaluation snapshot, which are the rows the metrics were computed on and which the version stores,
 * with the gate's own interval code (gate/slice-intervals.ts: Wilson, DeLong, the normal interval of a mean, else the
 * gate's seeded bootstrap with its settings) at the level of a rule's `significance` on the metric, else 95%. A metric
 * that gets none says why (it came from a metrics file, the bootstrap budget was spent ...): never a guess, never a
 * point estimate dressed as an interval.
 */
export async function intervalsOverAllRows(
  config: MlopsConfig,
  evaluation: EvaluateResult | null,
): Promise<Pick<CardFacts, "intervals" | "noInterval">> {
  const metrics = Object.keys(evaluation?.metrics ?? {});
  const none = (why: (metric: string) => string): Pick<CardFacts, "intervals" | "noInterval"> => ({
    intervals: [],
    noInterval: Object.fromEntries(metrics.map((metric) => [metric, why(metric)])),
  });
  const snapshot = evaluation?.predictions;
  const configured = config.evaluate?.predictions;
  if (!evaluation || metrics.length === 0) return { intervals: [], noInterval: {} };
  if (!snapshot || !configured) return none(() => "no per-row predictions were stored with this version");
  const columns = predictionColumns(configured);
  const fromPredictions = metrics.filter((metric) => evaluation.sources[metric] === columns.path);
  let candidate;
  try {
    candidate = await readPredictions(snapshot.snapshot, columns, {
      task: config.model.task,
      slices: [],
      source: columns.path,
    });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return none(() => `the predictions could not be read again: ${error.message}`);
  }
  const levels = new Map<string, number>();
  for (const rule of config.gate?.rules ?? []) {
    if (rule.significance !== undefined && rule.slice === undefined) levels.set(rule.metric, rule.significance);
  }
  const computed = overallIntervals(fromPredictions, {
    candidate,
    positiveLabel: resolvePositiveLabel(config.model.positive_label, candidate.labels.classes),
    settings: { ...(config.gate?.bootstrap ?? { resamples: 1000, seed: 42 }), level: 0.95 },
    levels,
  });
  const intervals: ValueIntervalFact[] = [];
  const noInterval: Record<string, string> = {};
  for (const metric of metrics) {
    const interval = computed.get(metric);
    const value = evaluation.metrics[metric];
    if (interval === undefined)
      noInterval[metric] =
        `it comes from ${evaluation.sources[metric] ?? "a metrics file"}, not from per-row predictions`;
    else if (typeof interval === "string") noInterval[metric] = interval;
    else if (value !== undefined) {
      intervals.push({
        metric,
        slice: null,
        rows: candidate.rows,
        value,
        low: interval.low,
        high: interval.high,
        level: interval.level,
        method: interval.method,
        resamples: interval.resamples,
      });
    }
  }
  return { intervals, noInterval };
}
