import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  builtinMetric,
  perClassMetric
} from "./chunk-KIGM2236.js";

// src/gate/rules.ts
var SLACK = 1e-12;
function directionOf(metric, rule, config) {
  return builtinMetric(metric)?.direction ?? rule?.direction ?? config.evaluate?.custom_metrics[metric]?.direction;
}
function evaluateRules(config, candidate, baseline, context = {}) {
  const direction = (rule) => directionOf(rule.metric, rule, config) ?? "higher";
  return evaluateRuleList(config.gate?.rules ?? [], direction, candidate, baseline, context);
}
function evaluateRuleList(rules, directionOf2, candidate, baseline, context = {}) {
  const outcomes = [];
  rules.forEach((rule, index) => {
    const direction = directionOf2(rule);
    const targets = rule.slice === void 0 ? [{ slice: null, value: candidate.metrics[rule.metric], base: baseline?.metrics[rule.metric], of: candidate }] : candidate.slices.filter((s) => s.column === rule.slice).map((s) => ({
      slice: { column: s.column, value: s.value },
      value: s.metrics[rule.metric],
      base: baseline?.slices.find((b) => b.column === s.column && b.value === s.value)?.metrics[rule.metric],
      of: s
    }));
    if (rule.slice !== void 0 && targets.length === 0) {
      outcomes.push(errorOutcome(index, rule, direction, null, `no slices of "${rule.slice}" were computed`));
    }
    for (const target of targets) {
      const common = { rule: index, metric: rule.metric, slice: target.slice, direction, relative: rule.relative };
      if (target.value === void 0 || !Number.isFinite(target.value)) {
        outcomes.push(
          errorOutcome(
            index,
            rule,
            direction,
            target.slice,
            `the candidate has no value for "${rule.metric}"${target.slice ? ` in slice ${target.slice.column}=${target.slice.value}` : ""}${whyUndefined(rule.metric, target.of)}`
          )
        );
        continue;
      }
      if (rule.min !== void 0 || rule.max !== void 0) {
        outcomes.push({
          ...common,
          ...valueCheck(rule, target.value),
          kind: "value",
          candidate: target.value,
          baseline: target.base ?? null,
          delta: null,
          significance: null
        });
      }
      if (rule.max_regression !== void 0 || rule.min_improvement !== void 0) {
        const comparable = baseline !== null && target.base !== void 0 && Number.isFinite(target.base);
        const significance = rule.significance !== void 0 && comparable && context.significance && hasPairedTest(rule) ? context.significance(rule, target.slice) : null;
        outcomes.push({
          ...common,
          kind: "change",
          candidate: target.value,
          significance,
          ...changeCheck(rule, direction, target.value, target.base, baseline, significance, context.absence)
        });
      }
    }
  });
  return outcomes.map(
    (outcome) => outcome.verdict === "fail" && rules[outcome.rule]?.severity === "warn" ? { ...outcome, verdict: "warn" } : outcome
  );
}
function hasPairedTest(rule) {
  return rule.test !== void 0;
}
function whyUndefined(metric, { undefinedMetrics }) {
  const perClass = perClassMetric(metric);
  const reason = undefinedMetrics?.[metric] ?? (undefinedMetrics && perClass ? undefinedMetrics[`${perClass.metric}[*]`] ?? `${JSON.stringify(perClass.label)} is not a class of its labels or predictions` : void 0);
  if (reason !== void 0) return `: undefined because ${reason}`;
  return builtinMetric(metric)?.needs === "scores" ? `: it is computed from scores, and none were read: name the predictions' score column (evaluate.predictions.score) or their per-class probability columns (evaluate.predictions.score_prefix)` : "";
}
function valueCheck(rule, value) {
  const parts = [];
  if (rule.min !== void 0) parts.push(`>= ${rule.min}`);
  if (rule.max !== void 0) parts.push(`<= ${rule.max}`);
  const requirement = parts.join(" and ");
  if (rule.min !== void 0 && value < rule.min - SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is below the minimum ${rule.min}` };
  if (rule.max !== void 0 && value > rule.max + SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is above the maximum ${rule.max}` };
  return { requirement, verdict: "pass", reason: `${formatNumber(value)} is ${requirement}` };
}
function changeRequirement(rule) {
  const amount = amountOf(rule);
  return (rule.max_regression !== void 0 ? `regression <= ${amount(rule.max_regression)}` : `improvement >= ${amount(rule.min_improvement ?? 0)}`) + (rule.significance === void 0 ? "" : ` (${rule.test === "mcnemar" ? "McNemar" : "bootstrap"}, ${percent(rule.significance)})`);
}
function amountOf(rule) {
  return (n) => rule.relative ? `${formatNumber(n * 100)}%` : formatNumber(n);
}
function changeCheck(rule, direction, value, base, baseline, significance, absence) {
  const amount = amountOf(rule);
  const requirement = changeRequirement(rule);
  if (baseline === null) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: absence ?? "no baseline yet (first run): change rules are skipped"
    };
  }
  if (base === void 0 || !Number.isFinite(base)) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: `the baseline has no value for "${rule.metric}", so there is nothing to compare with`
    };
  }
  if (rule.relative && base === 0) {
    return {
      baseline: base,
      delta: null,
      requirement,
      verdict: "fail",
      reason: "a relative change cannot be computed against a baseline of 0; use an absolute rule"
    };
  }
  const delta = rule.relative ? (value - base) / Math.abs(base) : value - base;
  const gain = direction === "higher" ? delta : -delta;
  const movement = `${delta < 0 ? "fell" : "rose"} from ${formatNumber(base)} to ${formatNumber(value)}`;
  const point = pointCheck(rule, gain, delta, movement, amount);
  const decided = significance?.status === "applied" ? significantCheck(rule, direction, gain, point, significance, amount) : null;
  const fallback = significance?.status === "unavailable" ? `; point estimates compared, no paired test: ${significance.reason}` : "";
  return {
    baseline: base,
    delta,
    requirement,
    verdict: decided?.verdict ?? point.verdict,
    reason: decided?.reason ?? `${point.reason}${fallback}`
  };
}
function pointCheck(rule, gain, delta, movement, amount) {
  if (rule.max_regression !== void 0) {
    const pass2 = gain >= -rule.max_regression - SLACK;
    let reason2;
    if (gain >= 0) reason2 = delta === 0 ? "unchanged" : `${movement}: no regression`;
    else if (pass2) reason2 = `${movement}: worse by ${amount(-gain)}, within the allowed ${amount(rule.max_regression)}`;
    else reason2 = `${movement}: worse by ${amount(-gain)}, more than the allowed ${amount(rule.max_regression)}`;
    return { verdict: pass2 ? "pass" : "fail", reason: reason2 };
  }
  const needed = rule.min_improvement ?? 0;
  const pass = gain >= needed - SLACK;
  const change = gain >= 0 ? `better by ${amount(gain)}` : `worse by ${amount(-gain)}`;
  const reason = `${delta === 0 ? "unchanged" : movement}: ${pass ? change : `${change}, short of the required improvement of ${amount(needed)}`}`;
  return { verdict: pass ? "pass" : "fail", reason };
}
function significantCheck(rule, direction, gain, point, significance, amount) {
  const level = percent(significance.level);
  if (significance.test === "bootstrap") {
    const gainLow = direction === "higher" ? significance.low : -significance.high;
    const gainHigh = direction === "higher" ? significance.high : -significance.low;
    const interval = `the ${level} interval of the change is [${signedAmount(significance.low, amount)}, ${signedAmount(significance.high, amount)}]`;
    if (rule.max_regression !== void 0) {
      const tolerance = rule.max_regression;
      if (gainHigh < -tolerance - SLACK)
        return {
          verdict: "fail",
          reason: `${point.reason}; ${interval}, all of it past the allowed ${amount(tolerance)}: the regression is real`
        };
      return {
        verdict: "pass",
        reason: point.verdict === "fail" ? `${point.reason}, but ${interval}, which reaches within the allowed ${amount(tolerance)}: not a significant regression` : `${point.reason}; ${interval}`
      };
    }
    const needed = rule.min_improvement ?? 0;
    if (gainLow >= needed - SLACK)
      return {
        verdict: "pass",
        reason: `${point.reason}; ${interval}, all of it clearing the required ${amount(needed)}`
      };
    return {
      verdict: "fail",
      reason: `${point.reason}${point.verdict === "pass" ? ", but" : ";"} ${interval}, which does not all clear the required ${amount(needed)}: not a significant improvement`
    };
  }
  const alpha = 1 - significance.level;
  const evidence = `McNemar's exact test p = ${formatNumber(significance.pValue)} (${significance.baselineOnly} rows only the baseline got right, ${significance.candidateOnly} only the candidate)`;
  const real = significance.pValue < alpha;
  if (rule.max_regression !== void 0) {
    const worse = significance.baselineOnly > significance.candidateOnly;
    if (point.verdict === "fail" && real && worse)
      return {
        verdict: "fail",
        reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the regression is real`
      };
    return {
      verdict: "pass",
      reason: point.verdict === "fail" ? `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant regression` : `${point.reason}; ${evidence}`
    };
  }
  if (point.verdict === "fail") return { verdict: "fail", reason: `${point.reason}; ${evidence}` };
  if (real && significance.candidateOnly > significance.baselineOnly && gain >= 0)
    return {
      verdict: "pass",
      reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the improvement is real`
    };
  return {
    verdict: "fail",
    reason: `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant improvement`
  };
}
function signedAmount(value, amount) {
  return value > 0 ? `+${amount(value)}` : amount(value);
}
function percent(level) {
  return `${formatNumber(level * 100)}%`;
}
function errorOutcome(index, rule, direction, slice, reason) {
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
    significance: null
  };
}

export {
  directionOf,
  evaluateRules,
  evaluateRuleList,
  changeRequirement
};
