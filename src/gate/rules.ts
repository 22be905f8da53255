import type { GateRule, MlopsConfig } from "../config/schema/index.ts";
import { builtinMetric, type MetricDirection, perClassMetric } from "../config/metrics.ts";
import type { SliceMetrics } from "../evaluate/evaluate.ts";
import type { MetricValues } from "../evaluate/metrics.ts";
import { formatNumber } from "../report/format.ts";

/**
 * Gate rules (DOMAIN.md §2). Pure: candidate and baseline metrics (and, for rules with `significance`, the result of
 * a paired test) in, one outcome per check out.
 * - value rule: pass iff min <= value <= max (inclusive);
 * - change rule: delta = candidate - baseline, or (candidate - baseline) / |baseline| when relative; direction-aware;
 * - with significance: a regression fails only when it is real (the whole interval lies past the tolerance, or
 *   McNemar's test rejects "no difference"); an improvement passes only when it is;
 * - no baseline: change rules are skipped and say so; value rules still apply.
 */

export interface MetricSet {
  metrics: MetricValues;
  /** Built-in metrics that could not be computed, with why (the evaluate stage's; absent for older results). */
  undefinedMetrics?: Record<string, string>;
  slices: SliceMetrics[];
}

export interface Baseline extends MetricSet {
  /** Where the baseline came from, in words: "champion (version v20261123-...)". */
  description: string;
  version: string | null;
  /** The baseline's predictions, downloaded for paired tests; null when not downloaded or not stored. */
  predictionsFile: string | null;
  /** Whether the baseline has stored predictions at all. */
  hasPredictions: boolean;
}

export type CheckVerdict = "pass" | "fail" | "warn" | "skipped" | "error";

/** A paired test's result for one check, or why none could be run. */
export type Significance =
  | {
      test: "bootstrap";
      level: number;
      status: "applied";
      /** Interval of the delta, in the rule's units (relative rules: a fraction of the baseline). */
      low: number;
      high: number;
      resamples: number;
      seed: number;
      undefinedResamples: number;
    }
  | {
      test: "mcnemar";
      level: number;
      status: "applied";
      pValue: number;
      candidateOnly: number;
      baselineOnly: number;
    }
  | { test: "bootstrap" | "mcnemar"; level: number; status: "unavailable"; reason: string };

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
  /** The paired test behind a change rule with `significance`; null otherwise. */
  significance: Significance | null;
}

/** Runs the paired test of a change rule (on one slice, or all rows), or says why it cannot. */
export type SignificanceProvider = (rule: GateRule, slice: { column: string; value: string } | null) => Significance;

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

export interface RuleContext {
  /** Why change rules cannot compare, when there is no baseline. */
  absence?: string;
  significance?: SignificanceProvider;
}

export function evaluateRules(
  config: MlopsConfig,
  candidate: MetricSet,
  baseline: Baseline | null,
  context: RuleContext = {},
): RuleOutcome[] {
  // The config checks guarantee every ruled metric has a direction (rules.ts refuses one without).
  const direction = (rule: GateRule) => directionOf(rule.metric, rule, config) ?? "higher";
  return evaluateRuleList(config.gate?.rules ?? [], direction, candidate, baseline, context);
}

/**
 * A rule as the gate's language writes it; the monitor's rules (config/schema/monitor.ts) are these without the
 * paired test, which needs one model's rows against another's.
 */
export type RuleSpec = Omit<GateRule, "significance" | "test"> & Partial<Pick<GateRule, "significance" | "test">>;

/** The gate's rule semantics over any list of rules: `directionOf` says which way each rule's metric is better. */
export function evaluateRuleList<Rule extends RuleSpec>(
  rules: readonly Rule[],
  directionOf: (rule: Rule) => MetricDirection,
  candidate: MetricSet,
  baseline: Baseline | null,
  context: RuleContext = {},
): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  rules.forEach((rule, index) => {
    const direction = directionOf(rule);
    const targets =
      rule.slice === undefined
        ? [{ slice: null, value: candidate.metrics[rule.metric], base: baseline?.metrics[rule.metric], of: candidate }]
        : candidate.slices
            .filter((s) => s.column === rule.slice)
            .map((s) => ({
              slice: { column: s.column, value: s.value },
              value: s.metrics[rule.metric],
              base: baseline?.slices.find((b) => b.column === s.column && b.value === s.value)?.metrics[rule.metric],
              of: s,
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
            `the candidate has no value for "${rule.metric}"${target.slice ? ` in slice ${target.slice.column}=${target.slice.value}` : ""}${whyUndefined(rule.metric, target.of)}`,
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
          significance: null,
        });
      }
      if (rule.max_regression !== undefined || rule.min_improvement !== undefined) {
        const comparable = baseline !== null && target.base !== undefined && Number.isFinite(target.base);
        const significance =
          rule.significance !== undefined && comparable && context.significance && hasPairedTest(rule)
            ? context.significance(rule, target.slice)
            : null;
        outcomes.push({
          ...common,
          kind: "change",
          candidate: target.value,
          significance,
          ...changeCheck(rule, direction, target.value, target.base, baseline, significance, context.absence),
        });
      }
    }
  });
  return outcomes.map((outcome) =>
    outcome.verdict === "fail" && rules[outcome.rule]?.severity === "warn" ? { ...outcome, verdict: "warn" } : outcome,
  );
}

/** Whether a rule names a paired test: the gate's rules do (its `test` has a default), the monitor's never. */
function hasPairedTest(rule: RuleSpec): rule is GateRule {
  return rule.test !== undefined;
}

/** Why the candidate lacks a built-in metric: ": undefined because ..." from the evaluate stage, or no scores read. */
function whyUndefined(metric: string, { undefinedMetrics }: Pick<MetricSet, "undefinedMetrics">): string {
  const perClass = perClassMetric(metric);
  const reason =
    undefinedMetrics?.[metric] ??
    (undefinedMetrics && perClass
      ? (undefinedMetrics[`${perClass.metric}[*]`] ??
        `${JSON.stringify(perClass.label)} is not a class of its labels or predictions`)
      : undefined);
  if (reason !== undefined) return `: undefined because ${reason}`;
  // Not undefined, just absent: a metric of scores is never computed from predictions that have none.
  return builtinMetric(metric)?.needs === "scores"
    ? `: it is computed from scores, and none were read: name the predictions' score column ` +
        "(evaluate.predictions.score) or their per-class probability columns (evaluate.predictions.score_prefix)"
    : "";
}

function valueCheck(rule: RuleSpec, value: number): { requirement: string; verdict: CheckVerdict; reason: string } {
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

/** A change rule in words, as its outcome's `requirement` shows it: "regression <= 0.02 (bootstrap, 95%)". */
export function changeRequirement(rule: RuleSpec): string {
  const amount = amountOf(rule);
  return (
    (rule.max_regression !== undefined
      ? `regression <= ${amount(rule.max_regression)}`
      : `improvement >= ${amount(rule.min_improvement ?? 0)}`) +
    (rule.significance === undefined
      ? ""
      : ` (${rule.test === "mcnemar" ? "McNemar" : "bootstrap"}, ${percent(rule.significance)})`)
  );
}

function amountOf(rule: RuleSpec): (n: number) => string {
  return (n) => (rule.relative ? `${formatNumber(n * 100)}%` : formatNumber(n));
}

type ChangeFields = Pick<RuleOutcome, "baseline" | "delta" | "requirement" | "verdict" | "reason">;

function changeCheck(
  rule: RuleSpec,
  direction: MetricDirection,
  value: number,
  base: number | undefined,
  baseline: Baseline | null,
  significance: Significance | null,
  absence: string | undefined,
): ChangeFields {
  const amount = amountOf(rule);
  const requirement = changeRequirement(rule);
  if (baseline === null) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: absence ?? "no baseline yet (first run): change rules are skipped",
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
  const point = pointCheck(rule, gain, delta, movement, amount);
  const decided =
    significance?.status === "applied" ? significantCheck(rule, direction, gain, point, significance, amount) : null;
  const fallback =
    significance?.status === "unavailable" ? `; point estimates compared, no paired test: ${significance.reason}` : "";
  return {
    baseline: base,
    delta,
    requirement,
    verdict: decided?.verdict ?? point.verdict,
    reason: decided?.reason ?? `${point.reason}${fallback}`,
  };
}

/** The rule on point estimates alone. */
function pointCheck(
  rule: RuleSpec,
  gain: number,
  delta: number,
  movement: string,
  amount: (n: number) => string,
): { verdict: "pass" | "fail"; reason: string } {
  if (rule.max_regression !== undefined) {
    const pass = gain >= -rule.max_regression - SLACK;
    let reason: string;
    if (gain >= 0) reason = delta === 0 ? "unchanged" : `${movement}: no regression`;
    else if (pass) reason = `${movement}: worse by ${amount(-gain)}, within the allowed ${amount(rule.max_regression)}`;
    else reason = `${movement}: worse by ${amount(-gain)}, more than the allowed ${amount(rule.max_regression)}`;
    return { verdict: pass ? "pass" : "fail", reason };
  }
  const needed = rule.min_improvement ?? 0;
  const pass = gain >= needed - SLACK;
  const change = gain >= 0 ? `better by ${amount(gain)}` : `worse by ${amount(-gain)}`;
  const reason = `${delta === 0 ? "unchanged" : movement}: ${pass ? change : `${change}, short of the required improvement of ${amount(needed)}`}`;
  return { verdict: pass ? "pass" : "fail", reason };
}

/**
 * The rule decided by its paired test (DOMAIN.md §2). Bootstrap: a regression fails only when the whole interval of
 * the change lies past the tolerance; an improvement passes only when the whole interval clears it. McNemar: the
 * point estimate must break (or meet) the rule AND the exact test must call the difference real, in that direction.
 */
function significantCheck(
  rule: RuleSpec,
  direction: MetricDirection,
  gain: number,
  point: { verdict: "pass" | "fail"; reason: string },
  significance: Extract<Significance, { status: "applied" }>,
  amount: (n: number) => string,
): { verdict: "pass" | "fail"; reason: string } {
  const level = percent(significance.level);
  if (significance.test === "bootstrap") {
    // The interval of the gain (improvement in the good direction) is the delta's, flipped for lower-is-better.
    const gainLow = direction === "higher" ? significance.low : -significance.high;
    const gainHigh = direction === "higher" ? significance.high : -significance.low;
    const interval = `the ${level} interval of the change is [${signedAmount(significance.low, amount)}, ${signedAmount(significance.high, amount)}]`;
    if (rule.max_regression !== undefined) {
      const tolerance = rule.max_regression;
      if (gainHigh < -tolerance - SLACK)
        return {
          verdict: "fail",
          reason: `${point.reason}; ${interval}, all of it past the allowed ${amount(tolerance)}: the regression is real`,
        };
      return {
        verdict: "pass",
        reason:
          point.verdict === "fail"
            ? `${point.reason}, but ${interval}, which reaches within the allowed ${amount(tolerance)}: not a significant regression`
            : `${point.reason}; ${interval}`,
      };
    }
    const needed = rule.min_improvement ?? 0;
    if (gainLow >= needed - SLACK)
      return {
        verdict: "pass",
        reason: `${point.reason}; ${interval}, all of it clearing the required ${amount(needed)}`,
      };
    return {
      verdict: "fail",
      reason: `${point.reason}${point.verdict === "pass" ? ", but" : ";"} ${interval}, which does not all clear the required ${amount(needed)}: not a significant improvement`,
    };
  }
  const alpha = 1 - significance.level;
  const evidence = `McNemar's exact test p = ${formatNumber(significance.pValue)} (${significance.baselineOnly} rows only the baseline got right, ${significance.candidateOnly} only the candidate)`;
  const real = significance.pValue < alpha;
  if (rule.max_regression !== undefined) {
    const worse = significance.baselineOnly > significance.candidateOnly;
    if (point.verdict === "fail" && real && worse)
      return {
        verdict: "fail",
        reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the regression is real`,
      };
    return {
      verdict: "pass",
      reason:
        point.verdict === "fail"
          ? `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant regression`
          : `${point.reason}; ${evidence}`,
    };
  }
  if (point.verdict === "fail") return { verdict: "fail", reason: `${point.reason}; ${evidence}` };
  if (real && significance.candidateOnly > significance.baselineOnly && gain >= 0)
    return {
      verdict: "pass",
      reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the improvement is real`,
    };
  return {
    verdict: "fail",
    reason: `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant improvement`,
  };
}

function signedAmount(value: number, amount: (n: number) => string): string {
  return value > 0 ? `+${amount(value)}` : amount(value);
}

function percent(level: number): string {
  return `${formatNumber(level * 100)}%`;
}

function errorOutcome(
  index: number,
  rule: RuleSpec,
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
    significance: null,
  };
}
