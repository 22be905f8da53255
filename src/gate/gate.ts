import { existsSync } from "node:fs";
import path from "node:path";
import type { MlopsConfig } from "../config/schema/index.ts";
import { readMetricsFile, type EvaluateResult } from "../evaluate/evaluate.ts";
import type { StageContext } from "../pipeline/context.ts";
import type { Provenance } from "../pipeline/provenance.ts";
import type { Registry } from "../registry/registry.ts";
import type { MetricDirection } from "../evaluate/catalog.ts";
import { type Baseline, directionOf, evaluateRules, type RuleOutcome } from "./rules.ts";

/** The gate stage: resolve the baseline, apply the rules, reach a verdict (DOMAIN.md §2). */

export interface GateResult {
  stage: "gate";
  verdict: "pass" | "fail" | "error" | "skipped";
  baseline: { description: string; version: string | null } | null;
  /** What was gated, in words: "pull request #12 (head 1a2b3c4)" or "commit 1a2b3c4". */
  candidate: string;
  outcomes: RuleOutcome[];
  /** Every metric of candidate and baseline side by side: the diff table. */
  comparison: MetricComparison[];
  /** Things the reader should know: first run, skipped checks. */
  notes: string[];
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

type BaselineSpec = NonNullable<MlopsConfig["gate"]>["baseline"];

/**
 * Baseline order (DOMAIN.md §2): the registry alias (champion), else a metrics file (e.g. from the base branch),
 * else none. A registry that cannot be read is an error here, never a silent "no baseline".
 */
export async function resolveBaseline(
  spec: BaselineSpec,
  model: string,
  registry: Registry,
  root: string,
): Promise<Baseline | null> {
  if (spec === "none") return null;
  const alias = typeof spec === "string" ? spec : spec.alias;
  if (alias !== undefined) {
    const manifest = await registry.resolve(model, alias);
    if (manifest) {
      return {
        description: `${alias} (${manifest.version})`,
        version: manifest.version,
        metrics: manifest.metrics,
        slices: manifest.slices,
      };
    }
  }
  const file = typeof spec === "object" ? spec.metrics_file : undefined;
  if (file !== undefined && existsSync(path.resolve(root, file))) {
    return {
      description: `metrics file ${file}`,
      version: null,
      metrics: await readMetricsFile(path.resolve(root, file), file),
      slices: [],
    };
  }
  return null;
}

export async function runGate(
  context: StageContext,
  evaluation: EvaluateResult,
  registry: Registry,
): Promise<GateResult> {
  const { config } = context.loaded;
  const gate = config.gate;
  const candidate = describeCandidate(context.provenance);
  if (!gate)
    return {
      stage: "gate",
      verdict: "skipped",
      baseline: null,
      candidate,
      outcomes: [],
      comparison: [],
      notes: ["no gate is configured"],
    };
  if (evaluation.status !== "ok") {
    return {
      stage: "gate",
      verdict: "error",
      baseline: null,
      candidate,
      outcomes: [],
      comparison: [],
      notes: [`evaluation ${evaluation.status}: there are no metrics to gate`],
    };
  }
  const baseline = await resolveBaseline(gate.baseline, config.model.name, registry, context.loaded.root);
  const outcomes = evaluateRules(config, evaluation, baseline);
  const notes: string[] = [];
  if (!baseline && gate.baseline !== "none") {
    notes.push("First run: there is no baseline yet, so change rules were skipped; value rules still applied.");
  }
  const verdict = outcomes.some((o) => o.verdict === "error")
    ? "error"
    : outcomes.some((o) => o.verdict === "fail")
      ? "fail"
      : "pass";
  return {
    stage: "gate",
    verdict,
    baseline: baseline ? { description: baseline.description, version: baseline.version } : null,
    candidate,
    outcomes,
    comparison: compareMetrics(config, evaluation.metrics, baseline?.metrics ?? {}),
    notes,
  };
}

function describeCandidate(provenance: Provenance): string {
  const pr = provenance.pullRequest;
  if (pr) return `pull request #${pr.number} (head ${pr.headSha.slice(0, 7)})`;
  if (provenance.gitSha) return `commit ${provenance.gitSha.slice(0, 7)}`;
  return "the working tree";
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
