import type { MonitorRule } from "../config/schema/index.ts";
import { type Baseline, evaluateRuleList, type RuleOutcome } from "../gate/rules.ts";
import { quantile } from "../gate/significance/bootstrap.ts";
import { formatNumber } from "../report/format.ts";
import type { WindowResult } from "./window.ts";
import { ESTIMATED_PREFIX, windowMetricKind } from "../config/window-metrics.ts";

/**
 * The monitor's rules (issue 18 item 4): the gate's rule language over each window's figures. A value rule checks
 * the window's figure; a change rule compares it with a baseline: for performance metrics (realised or estimated) the
 * monitored version's own evaluation as its manifest records it, for the window's measures (rows, drift, latency ...)
 * the median of up to {@link MEDIAN_WINDOWS} windows before it. A realised metric is never judged on a window whose
 * labels are incomplete: the rule is skipped and says when they will be; on a window whose labels are complete with
 * none joined it is broken, naming the label pipeline.
 */

export const MEDIAN_WINDOWS = 7;

export interface WindowJudgement {
  window: string;
  outcomes: RuleOutcome[];
  verdict: "pass" | "fail" | "warn";
}

/** What a window is judged against: the version's evaluation, and the figures of the windows before it. */
export interface JudgeBaseline {
  version: string;
  metrics: Record<string, number>;
  slices: { column: string; value: string; rows: number; metrics: Record<string, number> }[];
  /** Earlier windows' figures, oldest first (the monitoring log's latest entries before this run). */
  history: { key: string; start: number; metrics: Record<string, number> }[];
}

export function judgeWindows(
  rules: readonly MonitorRule[],
  windows: readonly WindowResult[],
  baseline: JudgeBaseline,
): WindowJudgement[] {
  if (rules.length === 0) return [];
  // Each window's newest figures: a window this run computed again replaces its earlier entry.
  const seen = new Map(baseline.history.map((earlier) => [earlier.key, earlier]));
  for (const window of windows) {
    seen.set(window.window.key, {
      key: window.window.key,
      start: Date.parse(window.window.start),
      metrics: window.metrics,
    });
  }
  const ordered = [...seen.values()].sort((a, b) => a.start - b.start);
  return windows.map((window) => {
    const start = Date.parse(window.window.start);
    const before = ordered.filter((earlier) => earlier.start < start).slice(-MEDIAN_WINDOWS);
    return judgeWindow(rules, window, baseline, before);
  });
}

function judgeWindow(
  rules: readonly MonitorRule[],
  window: WindowResult,
  baseline: JudgeBaseline,
  before: JudgeBaseline["history"],
): WindowJudgement {
  const base: Baseline = {
    description: `the version's evaluation (${baseline.version}) for performance metrics; the median of the ${before.length} window(s) before for the rest`,
    version: baseline.version,
    metrics: baselineMetrics(rules, baseline.metrics, before),
    slices: baseline.slices.map((slice) => ({ ...slice, metrics: withEstimated(slice.metrics) })),
    predictionsFile: null,
    hasPredictions: false,
  };
  const direction = (rule: MonitorRule) => windowMetricKind(rule.metric)?.direction ?? rule.direction ?? "higher";
  const outcomes = evaluateRuleList(rules, direction, { metrics: window.metrics, slices: window.slices }, base, {
    absence: "no baseline",
  }).map((outcome) => explainGap(outcome, rules[outcome.rule], window));
  const verdict = outcomes.some((o) => o.verdict === "fail" || o.verdict === "error")
    ? "fail"
    : outcomes.some((o) => o.verdict === "warn")
      ? "warn"
      : "pass";
  return { window: window.window.key, outcomes, verdict };
}

/** The version's metrics under both names (`accuracy`, `estimated_accuracy`), and the medians of the measures. */
function baselineMetrics(
  rules: readonly MonitorRule[],
  version: Record<string, number>,
  before: JudgeBaseline["history"],
): Record<string, number> {
  const metrics = withEstimated(version);
  for (const rule of rules) {
    if (windowMetricKind(rule.metric)?.kind !== "measure") continue;
    const values = before.map((w) => w.metrics[rule.metric]).filter((v): v is number => Number.isFinite(v));
    if (values.length > 0) metrics[rule.metric] = median(values);
    else delete metrics[rule.metric];
  }
  return metrics;
}

function withEstimated(metrics: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...metrics };
  for (const [name, value] of Object.entries(metrics)) out[`${ESTIMATED_PREFIX}${name}`] = value;
  return out;
}

function median(values: number[]): number {
  return quantile(Float64Array.from(values).sort(), 0.5);
}

/**
 * A rule whose figure the window lacks for a known reason (labels not all in, no rows, no training profile) is
 * skipped with that reason rather than failed; a realised metric on a window with incomplete labels likewise.
 */
function explainGap(outcome: RuleOutcome, rule: MonitorRule | undefined, window: WindowResult): RuleOutcome {
  const kind = windowMetricKind(outcome.metric);
  const skip = (reason: string): RuleOutcome => ({ ...outcome, verdict: "skipped", reason });
  if (kind?.kind === "realised" && window.labels && !window.labels.complete) {
    return skip(
      `labels are incomplete: ${window.labels.joined - window.labels.unusable} of ${window.rows} row(s) labelled so far, complete at ${window.labels.completeAt}`,
    );
  }
  // Labels all due and none joined is the label pipeline failing (files not written, ids not logged), not a window
  // to wait for: a breach that says so, never a skip that looks like patience.
  if (kind?.kind === "realised" && window.labels?.complete && window.labels.joined === 0 && window.rows > 0) {
    return {
      ...outcome,
      verdict: rule?.severity === "warn" ? "warn" : "fail",
      reason:
        `no label joined any of the window's ${window.rows} row(s), though its labels were all due by ` +
        `${window.labels.completeAt}: check that label files arrive (monitor.labels.path) and carry the logged ` +
        `request ids (monitor.labels.id, monitor.logs.id)`,
    };
  }
  if (outcome.verdict !== "error" || outcome.candidate !== null) return outcome;
  if (window.rows === 0 && outcome.metric !== "rows") return skip("the window has no rows");
  if (kind?.kind === "realised" && window.realisedNote) return skip(window.realisedNote);
  if (kind?.kind === "estimated" && window.estimatedNote) return skip(window.estimatedNote);
  if (kind?.kind === "estimated" && window.estimated) {
    const why = window.estimated.unavailable[outcome.metric.slice(ESTIMATED_PREFIX.length)];
    if (why) return skip(`not estimated: ${why}`);
  }
  if ((outcome.metric === "drift_share" || outcome.metric === "drifted_features") && window.driftNote)
    return skip(window.driftNote);
  if (outcome.metric === "prediction_drift" && window.predictionDriftNote) return skip(window.predictionDriftNote);
  return rule?.severity === "warn" ? { ...outcome, verdict: "warn" } : outcome;
}

/**
 * One line per broken rule, for logs and the issue: `2026-03-28: accuracy 0.71 (>= 0.8): 0.71 is below 0.8`; a rule of
 * severity warn says so in its requirement (`latency_p95 34 (<= 30, warn)`), since it never fails the run. `only`
 * keeps the rules of one severity.
 */
export function breachLines(judgements: readonly WindowJudgement[], only?: "error" | "warn"): string[] {
  const kept = (o: RuleOutcome): boolean =>
    only === "warn"
      ? o.verdict === "warn"
      : only === "error"
        ? o.verdict === "fail" || o.verdict === "error"
        : o.verdict === "fail" || o.verdict === "error" || o.verdict === "warn";
  return judgements.flatMap((judgement) =>
    judgement.outcomes
      .filter(kept)
      .map(
        (o) =>
          `${judgement.window}: ${o.metric}${o.slice ? ` [${o.slice.column}=${o.slice.value}]` : ""} ${o.candidate === null ? "" : `${formatNumber(o.candidate)} `}(${o.requirement}${o.verdict === "warn" ? ", warn" : ""}): ${o.reason}`,
      ),
  );
}
