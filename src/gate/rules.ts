import type { GateRule, MlopsConfig } from "../config/schema/index.ts";
import { builtinMetric, type MetricDirection } from "../evaluate/catalog.ts";
import type { SliceMetrics } from "../evaluate/evaluate.ts";
import type { MetricValues } from "../evaluate/metrics.ts";

/**
 * Gate rules (DOMAIN.md §2). Pure: candidate and baseline metrics in, one outcome per check out.
 * - value rule: pass iff min <= value <= max (inclusive);
 * - change rule: delta = candidate - baseline, or (candidate - baseline) / |baseline| when relative; direction-aware;
 * - no baseline: change rules are skipped and say so; value rules still apply.
 */

export interface MetricSet {
  metrics: MetricValues;
  slices: SliceMetrics[];
}

export interface Baseline extends MetricSet {
  /** Where the baseline came from, in words: "champion (version v20261123-...)". */
  description: string;
  version: string | null;
}

export type CheckVerdict = "pass" | "fail" | "warn" | "skipped" | "error";

export interface RuleOutcome {
  /** Index of the rule in gate.rules (for annotations on its line). */
  rule: number;
  metric: string;
  slice: { column: string; value: string } | null;
  kind: "value" | "change";
  direction: MetricDirection;
  candidate: number | null;
  baseline: number | null;
  /** Absolute or relative change, as the rule defines it. */
  delta: number | null;
  relative: boolean;
  /** The rule in words: ">= 0.8", "regression <= 0.01", "improvement >= 2%". */
  requirement: string;
  verdict: CheckVerdict;
  /** Why, in one sentence. */
  reason: string;
}

/**
 * Floating-point slack: 0.87 - 0.88 is -0.010000000000000009, and a rule "max_regression: 0.01" must pass it.
 * Far below any meaningful metric difference.
 */
const SLACK = 1e-12;

/** Which way a metric is better: built in, declared on a rule, or in evaluate.custom_metrics; undefined if unknown. */
export function directionOf(
  metric: string,
  rule: Pick<GateRule, "direction"> | undefined,
  config: MlopsConfig,
): MetricDirection | undefined {
  return builtinMetric(metric)?.direction ?? rule?.direction ?? config.evaluate?.custom_metrics[metric]?.direction;
}

export function evaluateRules(config: MlopsConfig, candidate: MetricSet, baseline: Baseline | null): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  (config.gate?.rules ?? []).forEach((rule, index) => {
    // The config checks guarantee every ruled metric has a direction (rules.ts refuses one without).
    const direction = directionOf(rule.metric, rule, config) ?? "higher";
    const targets =
      rule.slice === undefined
        ? [{ slice: null, value: candidate.metrics[rule.metric], base: baseline?.metrics[rule.metric] }]
        : candidate.slices
            .filter((s) => s.column === rule.slice)
            .map((s) => ({
              slice: { column: s.column, value: s.value },
              value: s.metrics[rule.metric],
              base: baseline?.slices.find((b) => b.column === s.column && b.value === s.value)?.metrics[rule.metric],
            }));
    if (rule.slice !== undefined && targets.length === 0) {
      outcomes.push(errorOutcome(index, rule, direction, null, `no slices of "${rule.slice}" were computed`));
    }
    for (const target of targets) {
      const common = { rule: index, metric: rule.metric, slice: target.slice, direction, relative: rule.relative };
      if (target.value === undefined || !Number.isFinite(target.value)) {
        outcomes.push(
          errorOutcome(
            index,
            rule,
            direction,
            target.slice,
            `the candidate has no value for "${rule.metric}"${target.slice ? ` in slice ${target.slice.column}=${target.slice.value}` : ""}`,
          ),
        );
        continue;
      }
      if (rule.min !== undefined || rule.max !== undefined) {
        outcomes.push({
          ...common,
          ...valueCheck(rule, target.value),
          kind: "value",
          candidate: target.value,
          baseline: target.base ?? null,
          delta: null,
        });
      }
      if (rule.max_regression !== undefined || rule.min_improvement !== undefined) {
        outcomes.push({
          ...common,
          kind: "change",
          candidate: target.value,
          ...changeCheck(rule, direction, target.value, target.base, baseline),
        });
      }
    }
  });
  return outcomes.map((outcome) =>
    outcome.verdict === "fail" && severityOf(config, outcome) === "warn" ? { ...outcome, verdict: "warn" } : outcome,
  );
}

function severityOf(config: MlopsConfig, outcome: RuleOutcome): "error" | "warn" {
  return config.gate?.rules[outcome.rule]?.severity ?? "error";
}

function valueCheck(rule: GateRule, value: number): { requirement: string; verdict: CheckVerdict; reason: string } {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  const requirement = parts.join(" and ");
  if (rule.min !== undefined && value < rule.min - SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is below the minimum ${rule.min}` };
  if (rule.max !== undefined && value > rule.max + SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is above the maximum ${rule.max}` };
  return { requirement, verdict: "pass", reason: `${formatNumber(value)} is ${requirement}` };
}

function changeCheck(
  rule: GateRule,
  direction: MetricDirection,
  value: number,
  base: number | undefined,
  baseline: Baseline | null,
): Pick<RuleOutcome, "baseline" | "delta" | "requirement" | "verdict" | "reason"> {
  const amount = (n: number): string => (rule.relative ? `${formatNumber(n * 100)}%` : formatNumber(n));
  const requirement =
    rule.max_regression !== undefined
      ? `regression <= ${amount(rule.max_regression)}`
      : `improvement >= ${amount(rule.min_improvement ?? 0)}`;
  if (baseline === null) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: "no baseline yet (first run): change rules are skipped",
    };
  }
  if (base === undefined || !Number.isFinite(base)) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: `the baseline has no value for "${rule.metric}", so there is nothing to compare with`,
    };
  }
  if (rule.relative && base === 0) {
    return {
      baseline: base,
      delta: null,
      requirement,
      verdict: "fail",
      reason: "a relative change cannot be computed against a baseline of 0; use an absolute rule",
    };
  }
  const delta = rule.relative ? (value - base) / Math.abs(base) : value - base;
  // Improvement measured in the metric's good direction: positive is better, whichever way the metric runs.
  const gain = direction === "higher" ? delta : -delta;
  // "fell from 0.9009 to 0.8288 (worse by 0.07207)": the movement, then what it means for this metric.
  const movement = `${delta < 0 ? "fell" : "rose"} from ${formatNumber(base)} to ${formatNumber(value)}`;
  if (rule.max_regression !== undefined) {
    const pass = gain >= -rule.max_regression - SLACK;
    let reason: string;
    if (gain >= 0) reason = delta === 0 ? "unchanged" : `${movement}: no regression`;
    else if (pass) reason = `${movement}: worse by ${amount(-gain)}, within the allowed ${amount(rule.max_regression)}`;
    else reason = `${movement}: worse by ${amount(-gain)}, more than the allowed ${amount(rule.max_regression)}`;
    return { baseline: base, delta, requirement, verdict: pass ? "pass" : "fail", reason };
  }
  const needed = rule.min_improvement ?? 0;
  const pass = gain >= needed - SLACK;
  const change = gain >= 0 ? `better by ${amount(gain)}` : `worse by ${amount(-gain)}`;
  const reason = `${delta === 0 ? "unchanged" : movement}: ${pass ? change : `${change}, short of the required improvement of ${amount(needed)}`}`;
  return { baseline: base, delta, requirement, verdict: pass ? "pass" : "fail", reason };
}

function errorOutcome(
  index: number,
  rule: GateRule,
  direction: MetricDirection,
  slice: RuleOutcome["slice"],
  reason: string,
): RuleOutcome {
  return {
    rule: index,
    metric: rule.metric,
    slice,
    kind: "value",
    direction,
    candidate: null,
    baseline: null,
    delta: null,
    relative: rule.relative,
    requirement: "",
    verdict: "error",
    reason,
  };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}
