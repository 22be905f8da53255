import { primaryMetricOf } from "../config/metrics.ts";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { MlopsConfig } from "../config/schema/index.ts";
import { UserError } from "../errors.ts";
import type { MetricDirection } from "../config/metrics.ts";
import { type EvaluateResult, resolvePositiveLabel } from "../evaluate/evaluate.ts";
import type { ConfusionMatrix } from "../evaluate/metrics.ts";
import { type Predictions, predictionColumns, readPredictions } from "../evaluate/predictions.ts";
import { type ChainLink, newResultId } from "../chain/chain.ts";
import type { StageContext } from "../context/context.ts";
import type { Provenance } from "../context/provenance.ts";
import type { RunnerEnvironment } from "../context/runner.ts";
import { describeCommit } from "../context/provenance.ts";
import { describeOverrides } from "../config/params.ts";
import type { Registry } from "../registry/registry.ts";
import { resolveBaseline } from "./baseline.ts";
import { curvesOfPredictions, type GateCharts, sliceBars } from "./charts.ts";
import { type Baseline, directionOf, evaluateRules, type RuleOutcome, type SignificanceProvider } from "./rules.ts";
import { significanceProvider } from "./significance/assess.ts";
import { type Pairing, pairPredictions } from "./significance/pairing.ts";
import { withSliceIntervals } from "./slice-intervals.ts";
import { readUserSections, type UserSection } from "./user-sections.ts";

/**
 * The gate stage: resolve the baseline, pair predictions for the rules that ask for significance, apply the rules,
 * reach a verdict (DOMAIN.md §2). The result is also the report artifact: everything a PR comment or check run needs,
 * so a trusted job can render it without running anything from the pull request (docs/reports.md).
 */

export const GATE_RESULT_FORMAT = "mlops-kit/gate@1";

export interface GateResult {
  stage: "gate";
  format: typeof GATE_RESULT_FORMAT;
  verdict: "pass" | "fail" | "error" | "skipped";
  model: string;
  baseline: { description: string; version: string | null } | null;
  /** What was gated, in words: "pull request #12 (head 1a2b3c4)" or "commit 1a2b3c4". */
  candidate: string;
  /** Where the verdict was reached: the PR and commit it is about, the workflow run. */
  source: ReportSource;
  outcomes: RuleOutcome[];
  /** Every metric of candidate and baseline side by side: the diff table. */
  comparison: MetricComparison[];
  /** How rows were paired for the paired tests, or why they were not. */
  pairing: { status: "paired" | "unpaired" | "not-needed"; detail: string };
  /** Things the reader should know: first run, skipped checks, fallbacks. */
  notes: string[];
  /** Each rule's place in the config, for annotations: the config's path from the repository root, and line. */
  rules: { metric: string; line: number | null; description: string | null }[];
  configFile: string;
  evaluation: { rows: number; confusion: ConfusionMatrix | null };
  /** What the report draws: curves of candidate and baseline, the primary metric per slice. Absent in older results. */
  charts?: GateCharts;
  /** The evaluation this verdict is of, and through it the train run and model files (DOMAIN.md §6). */
  chain: ChainLink;
  /**
   * The markdown files `report.sections` names, read for the report (gate/user-sections.ts). Left out when there are
   * none, so a report without them stays readable by the `mlops report` of an earlier release, which refuses unknown keys.
   */
  sections?: UserSection[];
}

export interface ReportSource {
  repository: string | null;
  /** GITHUB_WORKFLOW and GITHUB_JOB: with the model, they key the sticky PR comment. */
  workflow: string | null;
  job: string | null;
  runUrl: string | null;
  pullRequest: { number: number; headSha: string; headRef: string; baseRef: string } | null;
  /** The commit a check run belongs on: the PR's head (not the merge commit), else the built commit. */
  commit: string | null;
}

export interface MetricComparison {
  metric: string;
  /** null for a metric from a user's file whose direction nobody declared. */
  direction: MetricDirection | null;
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  /** null when one side is missing; "changed" when the direction is unknown. */
  change: "better" | "worse" | "same" | "changed" | null;
}

export async function runGate(
  context: StageContext,
  evaluation: EvaluateResult,
  registry: Registry,
): Promise<GateResult> {
  const { config } = context.loaded;
  const gate = config.gate;
  const result: GateResult = {
    stage: "gate",
    format: GATE_RESULT_FORMAT,
    verdict: "skipped",
    model: config.model.name,
    baseline: null,
    candidate: describeCandidate(context.provenance, evaluation.chain),
    source: reportSource(context.provenance, context.runner),
    outcomes: [],
    comparison: [],
    pairing: { status: "not-needed", detail: "no rule asks for significance" },
    notes: [],
    rules: (gate?.rules ?? []).map((rule, index) => ({
      metric: rule.metric,
      line: context.loaded.locate(["gate", "rules", index])?.line ?? null,
      description: rule.description ?? null,
    })),
    configFile: path.relative(context.loaded.repoRoot, context.loaded.file).split(path.sep).join("/"),
    evaluation: { rows: evaluation.rows, confusion: evaluation.confusion },
    charts: { candidate: evaluation.curves ?? null, baseline: null, baselineMissing: null, slices: [] },
    chain: { ...evaluation.chain, id: newResultId(context.now()), evaluation: evaluation.chain.id },
  };
  const sections = await readUserSections(context.loaded);
  if (sections.length > 0) result.sections = sections;
  if (!gate) return { ...result, notes: ["no gate is configured"] };
  if (evaluation.status !== "ok")
    return { ...result, verdict: "error", notes: [`evaluation ${evaluation.status}: there are no metrics to gate`] };

  const wantsSignificance = gate.rules.some((rule) => rule.significance !== undefined);
  // The candidate's predictions give each slice bar its interval (slice-intervals.ts).
  const primary = primaryMetricOf(config);
  const wantsSliceIntervals = primary !== null && evaluation.slices.length > 0;
  // The baseline's predictions serve the paired tests, the baseline's curves and the slices' paired intervals.
  const wantsPredictions = wantsSignificance || wantsSliceIntervals || (evaluation.curves ?? null) !== null;
  const scratch = wantsPredictions ? await mkdtemp(path.join(os.tmpdir(), "mlops-gate-")) : undefined;
  try {
    let resolved;
    try {
      resolved = await resolveBaseline(gate.baseline, config.model.name, registry, context.loaded.root, {
        ...(scratch ? { predictionsDir: scratch } : {}),
      });
    } catch (error) {
      // A baseline that exists but cannot be read is an error, never a silent first run (DOMAIN.md §2).
      if (!(error instanceof UserError)) throw error;
      const message = error.message + (error.hint ? ` (${error.hint})` : "");
      context.logger.error(`gate: the baseline could not be fetched: ${message}`);
      return { ...result, verdict: "error", notes: [`The baseline could not be fetched: ${message}`] };
    }
    const { baseline, absence } = resolved;
    const baseTable = baseline ? await readBaselinePredictions(context, baseline) : null;
    const candidateTable =
      wantsSliceIntervals || (wantsSignificance && baseTable) ? await readCandidate(context, evaluation) : null;
    const pairing = baseTable && candidateTable ? pairWithBaseline(context, candidateTable, baseTable) : null;
    let significance: SignificanceProvider | undefined;
    if (wantsSignificance && baseline && pairing) {
      result.pairing = pairing.paired
        ? { status: "paired", detail: pairing.how }
        : { status: "unpaired", detail: pairing.reason };
      if (!pairing.paired) {
        result.notes.push(
          `No paired test was possible: ${pairing.reason}. Rules with significance compared the point estimates instead.`,
        );
      }
      significance = significanceProvider(pairing, candidateTable?.slices ?? new Map(), gate.bootstrap);
    }
    const outcomes = evaluateRules(config, evaluation, baseline, {
      ...(absence ? { absence } : {}),
      ...(significance ? { significance } : {}),
    });
    if (!baseline && gate.baseline !== "none") {
      result.notes.unshift(
        "First run: there is no baseline yet, so change rules were skipped; value rules still applied.",
      );
    }
    const verdict = outcomes.some((o) => o.verdict === "error")
      ? "error"
      : outcomes.some((o) => o.verdict === "fail")
        ? "fail"
        : "pass";
    return {
      ...result,
      verdict,
      baseline: baseline ? { description: baseline.description, version: baseline.version } : null,
      charts: {
        ...baselineCharts(context, evaluation, baseline, baseTable),
        slices: sliceCharts(context, evaluation, baseline, outcomes, candidateTable, pairing),
      },
      outcomes,
      comparison: compareMetrics(config, evaluation.metrics, baseline?.metrics ?? {}),
    };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** The baseline's predictions read once (its registry attachment), or why they cannot be: a reason, not an error. */
type BaselineTable = { table: Predictions } | { reason: string };

async function readBaselinePredictions(context: StageContext, baseline: Baseline): Promise<BaselineTable> {
  const { config } = context.loaded;
  if (!config.evaluate?.predictions) return { reason: "the candidate has no predictions file" };
  if (!baseline.predictionsFile) {
    return {
      reason: baseline.hasPredictions
        ? `the predictions of ${baseline.description} could not be downloaded`
        : `${baseline.description} has no stored predictions (only versions published with an evaluate stage have them)`,
    };
  }
  const columns = predictionColumns(config.evaluate.predictions);
  try {
    const table = await readPredictions(baseline.predictionsFile, columns, {
      task: config.model.task,
      slices: [],
      source: `the predictions of ${baseline.description}`,
    });
    return { table };
  } catch (error) {
    if (error instanceof UserError) return { reason: error.message };
    throw error;
  }
}

/** The baseline's curves beside the candidate's, or why there are none. */
function baselineCharts(
  context: StageContext,
  evaluation: EvaluateResult,
  baseline: Baseline | null,
  baseTable: BaselineTable | null,
): Pick<GateCharts, "candidate" | "baseline" | "baselineMissing"> {
  const candidate = evaluation.curves ?? null;
  if (!candidate) return { candidate, baseline: null, baselineMissing: null };
  if (!baseline || !baseTable) return { candidate, baseline: null, baselineMissing: "there is no baseline" };
  if ("reason" in baseTable) return { candidate, baseline: null, baselineMissing: baseTable.reason };
  const { config } = context.loaded;
  const positive = resolvePositiveLabel(config.model.positive_label, baseTable.table.labels.classes);
  const curves = curvesOfPredictions(config.model.task, baseTable.table, positive);
  return curves
    ? { candidate, baseline: curves, baselineMissing: null }
    : { candidate, baseline: null, baselineMissing: `the predictions of ${baseline.description} have no scores` };
}

/** The candidate's predictions (the evaluate stage's snapshot) with their slice columns; null without a file. */
async function readCandidate(context: StageContext, evaluation: EvaluateResult): Promise<Predictions | null> {
  const { config } = context.loaded;
  if (!config.evaluate?.predictions || !evaluation.predictions) return null;
  const columns = predictionColumns(config.evaluate.predictions);
  return readPredictions(evaluation.predictions.snapshot, columns, {
    task: config.model.task,
    slices: config.evaluate.slices,
    source: columns.path,
  });
}

/** Pairs the candidate's rows with the baseline's. Anything that prevents it is a reason, not an error. */
function pairWithBaseline(context: StageContext, candidate: Predictions | null, baseTable: BaselineTable): Pairing {
  if (!candidate) return { paired: false, reason: "the candidate has no predictions file" };
  if ("reason" in baseTable) return { paired: false, reason: baseTable.reason };
  const positive = resolvePositiveLabel(context.loaded.config.model.positive_label, candidate.labels.classes);
  return pairPredictions(candidate, baseTable.table, positive);
}

/** The primary metric by slice, each bar with its interval where the candidate's predictions allow one. */
function sliceCharts(
  context: StageContext,
  evaluation: EvaluateResult,
  baseline: Baseline | null,
  outcomes: readonly RuleOutcome[],
  candidate: Predictions | null,
  pairing: Pairing | null,
): GateCharts["slices"] {
  const { config } = context.loaded;
  const bars = sliceBars(config, evaluation.slices, baseline, outcomes);
  if (bars.length === 0) return bars;
  if (!candidate) {
    const why = "the candidate has no predictions file, so no interval can be computed";
    return bars.map((b) => ({
      ...b,
      unpaired: why,
      bars: b.bars.map((bar) => ({ ...bar, candidateIntervalMissing: why })),
    }));
  }
  const metric = bars[0]?.metric;
  const level = config.gate?.rules.find(
    (rule) => rule.metric === metric && rule.significance !== undefined,
  )?.significance;
  return withSliceIntervals(bars, {
    candidate,
    positiveLabel: resolvePositiveLabel(config.model.positive_label, candidate.labels.classes),
    pairing: baseline ? pairing : null,
    settings: { ...(config.gate?.bootstrap ?? { resamples: 1000, seed: 42 }), level: level ?? 0.95 },
  });
}

/**
 * What was gated, in words; uncommitted changes and `--set` overrides are said, never hidden behind the commit
 * (DOMAIN.md §6).
 */
function describeCandidate(provenance: Provenance, chain: Pick<ChainLink, "git" | "overrides">): string {
  const tree = chain.git;
  const pr = provenance.pullRequest;
  const changes = tree?.dirty ? " + uncommitted changes" : "";
  const set = chain.overrides && chain.overrides.length > 0 ? ` with ${describeOverrides(chain.overrides)}` : "";
  if (pr) return `pull request #${pr.number} (head ${pr.headSha.slice(0, 7)}${changes}${set})`;
  if (tree) return `${describeCommit(tree)}${set}`;
  if (provenance.gitSha) return `commit ${provenance.gitSha.slice(0, 7)}${set}`;
  return `the working tree${set}`;
}

function reportSource(provenance: Provenance, runner: RunnerEnvironment): ReportSource {
  return {
    repository: provenance.repository,
    workflow: runner.workflow,
    job: runner.job,
    runUrl: provenance.runUrl,
    pullRequest: provenance.pullRequest,
    commit: provenance.pullRequest?.headSha ?? provenance.gitSha,
  };
}

function compareMetrics(
  config: MlopsConfig,
  candidate: Record<string, number>,
  baseline: Record<string, number>,
): MetricComparison[] {
  const names = [...new Set([...Object.keys(candidate), ...Object.keys(baseline)])];
  return names.map((metric) => {
    const direction =
      directionOf(
        metric,
        config.gate?.rules.find((r) => r.metric === metric),
        config,
      ) ?? null;
    const c = candidate[metric] ?? null;
    const b = baseline[metric] ?? null;
    const delta = c !== null && b !== null ? c - b : null;
    let change: MetricComparison["change"] = null;
    if (delta !== null) {
      if (delta === 0) change = "same";
      else if (direction === null) change = "changed";
      else change = delta > 0 === (direction === "higher") ? "better" : "worse";
    }
    return { metric, direction, baseline: b, candidate: c, delta, change };
  });
}
