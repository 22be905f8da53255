import { confusionBlock } from "../evaluate/section.ts";
import { chartBlocks } from "./chart-section.ts";
import type { GateResult } from "./gate.ts";
import { formatNumber } from "../report/format.ts";
import type { RuleOutcome, Significance } from "./rules.ts";
import type { Block, Section } from "../report/sections.ts";
import type { Table } from "../report/table.ts";
import { type SectionRendering, userSectionBlocks } from "./user-sections.ts";

/**
 * The gate's report (job summary, PR comment, check run, terminal): the verdict in words, the rules table (baseline,
 * candidate, delta, interval, rule, verdict, why), the slice table with a chart per sliced metric, the rest folded
 * into details, then the charts (chart-section.ts), and last the user's own sections (user-sections.ts). Failing
 * checks come first everywhere, so a report cut to fit a comment still shows the checks and loses the user's sections
 * first, then the charts.
 */

/** More slice checks than this are summarised: failing ones are all kept, passing ones counted. */
export const MAX_SLICE_ROWS = 300;
/** A chart with more bars than this is unreadable; the table says it all. */
const MAX_CHART_BARS = 20;

const VERDICT_ORDER: Record<RuleOutcome["verdict"], number> = { error: 0, fail: 1, warn: 2, skipped: 3, pass: 4 };

const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? "—" : formatNumber(value);

function deltaText(outcome: RuleOutcome): string {
  if (outcome.delta === null) return "—";
  const value = outcome.relative ? outcome.delta * 100 : outcome.delta;
  return `${value > 0 ? "+" : ""}${formatNumber(value)}${outcome.relative ? "%" : ""}`;
}

/** The interval column: a bootstrap interval, a McNemar p-value, or why there is none. Never a point estimate. */
export function significanceText(outcome: RuleOutcome): string {
  const s: Significance | null = outcome.significance;
  if (!s) return "";
  const level = `${formatNumber(s.level * 100)}%`;
  if (s.status === "unavailable") return "— (no paired test)";
  if (s.test === "mcnemar") return `p = ${formatNumber(s.pValue)} (McNemar)`;
  const bound = (value: number): string => {
    const shown = outcome.relative ? value * 100 : value;
    return `${shown > 0 ? "+" : ""}${formatNumber(shown)}${outcome.relative ? "%" : ""}`;
  };
  return `[${bound(s.low)}, ${bound(s.high)}] (${level})`;
}

function byVerdict(outcomes: RuleOutcome[]): RuleOutcome[] {
  return outcomes
    .map((outcome, index) => ({ outcome, index }))
    .sort((a, b) => VERDICT_ORDER[a.outcome.verdict] - VERDICT_ORDER[b.outcome.verdict] || a.index - b.index)
    .map(({ outcome }) => outcome);
}

function outcomeTable(outcomes: RuleOutcome[], withSlice: boolean, result: GateResult): Table {
  const withInterval = outcomes.some((o) => o.significance !== null);
  const headers = [
    ...(withSlice ? ["slice"] : []),
    "metric",
    "baseline",
    "candidate",
    "Δ",
    ...(withInterval ? ["interval of Δ"] : []),
    "rule",
    "verdict",
    "why",
  ];
  const rows = outcomes.map((o) => {
    const description = result.rules[o.rule]?.description;
    return [
      ...(withSlice ? [o.slice ? `${o.slice.column}=${o.slice.value}` : "—"] : []),
      o.metric,
      num(o.baseline),
      num(o.candidate),
      deltaText(o),
      ...(withInterval ? [significanceText(o)] : []),
      o.requirement,
      o.verdict,
      description ? `${o.reason} (${description})` : o.reason,
    ];
  });
  const align = headers.map((h): "left" | "right" => (["baseline", "candidate", "Δ"].includes(h) ? "right" : "left"));
  return { headers, rows, align };
}

/** Safe for any reader: user sections as text. Only a door that knows where the files came from asks for more. */
const AS_TEXT: SectionRendering = {
  asWritten: false,
  why: "Sections: shown as text, not as markdown.",
};

/**
 * The gate's report, with the user's sections last (`report.sections`), rendered as `userSections` says: the door
 * decides from the event GitHub wrote for its job (gate/user-sections.ts); as text unless told otherwise.
 */
export function gateSection(result: GateResult, userSections: SectionRendering = AS_TEXT): Section {
  const blocks: Block[] = [];
  const pr = result.source.pullRequest;
  const branches = pr ? `, ${pr.headRef} into ${pr.baseRef}` : "";
  blocks.push({
    kind: "text",
    text: `Model: ${result.model}. Candidate: ${result.candidate}${branches}. Baseline: ${result.baseline ? result.baseline.description : "none"}.`,
  });
  for (const note of result.notes) blocks.push({ kind: "text", text: note });

  const overall = byVerdict(result.outcomes.filter((o) => o.slice === null));
  if (overall.length > 0) blocks.push({ kind: "table", table: outcomeTable(overall, false, result) });
  blocks.push(...sliceBlocks(result));

  if (result.comparison.length > 0) {
    blocks.push({
      kind: "details",
      summary: "All metrics",
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["metric", "baseline", "candidate", "Δ", "change"],
            rows: result.comparison.map((c) => [
              c.metric + (c.direction ? (c.direction === "higher" ? " ↑" : " ↓") : ""),
              num(c.baseline),
              num(c.candidate),
              c.delta === null ? "—" : `${c.delta > 0 ? "+" : ""}${formatNumber(c.delta)}`,
              c.change ?? "",
            ]),
            align: ["left", "right", "right", "right", "left"],
          },
        },
      ],
    });
  }
  if (result.evaluation.confusion) blocks.push(confusionBlock(result.evaluation.confusion));
  if (result.pairing.status !== "not-needed") {
    const tests = result.outcomes.flatMap((o) => (o.significance?.status === "applied" ? [o.significance] : []));
    const bootstrap = tests.find((t) => t.test === "bootstrap");
    blocks.push({
      kind: "details",
      summary: "Paired tests",
      blocks: [
        { kind: "text", text: `Rows: ${result.pairing.status === "paired" ? "" : "not "}${result.pairing.detail}.` },
        ...(bootstrap && bootstrap.test === "bootstrap"
          ? [
              {
                kind: "text" as const,
                text: `Bootstrap: ${bootstrap.resamples} resamples of the paired rows, seed ${bootstrap.seed}, percentile intervals of candidate minus baseline. A regression rule fails only when its whole interval lies past the tolerance.`,
              },
            ]
          : []),
        ...(tests.some((t) => t.test === "mcnemar")
          ? [
              {
                kind: "text" as const,
                text: "McNemar: exact two-sided binomial test on the rows exactly one of the two models got right.",
              },
            ]
          : []),
      ],
    });
  }
  // Tables, then charts, then the user's sections: fitting a comment cuts from the end, so the user's go first.
  blocks.push(...chartBlocks(result.charts, result.baseline?.description ?? null));
  blocks.push(...userSectionBlocks(result.sections ?? [], userSections));
  const counts = new Map<string, number>();
  for (const outcome of result.outcomes) counts.set(outcome.verdict, (counts.get(outcome.verdict) ?? 0) + 1);
  const headline =
    result.outcomes.length > 0
      ? [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(", ")
      : (result.notes[0] ?? result.verdict);
  return { title: "Evaluation gate", status: result.verdict, headline, blocks };
}

function sliceBlocks(result: GateResult): Block[] {
  const sliced = byVerdict(result.outcomes.filter((o) => o.slice !== null));
  if (sliced.length === 0) return [];
  const blocks: Block[] = [];
  const shown = sliced.filter((o, i) => i < MAX_SLICE_ROWS || o.verdict !== "pass");
  blocks.push({ kind: "table", table: outcomeTable(shown, true, result) });
  if (shown.length < sliced.length) {
    blocks.push({ kind: "text", text: `${sliced.length - shown.length} more passing slice checks are not listed.` });
  }
  // A chart per sliced rule's metric: the candidate's value per slice as bars, the baseline's as a line.
  // The charts at the end draw the primary metric per slice: not twice.
  const charted = new Set<string>((result.charts?.slices ?? []).map((bars) => `${bars.metric}/${bars.column}`));
  for (const outcome of result.outcomes) {
    if (!outcome.slice || charted.has(`${outcome.metric}/${outcome.slice.column}`)) continue;
    const column = outcome.slice.column;
    charted.add(`${outcome.metric}/${column}`);
    const points = new Map<string, RuleOutcome>();
    for (const o of result.outcomes)
      if (o.metric === outcome.metric && o.slice?.column === column && !points.has(o.slice.value))
        points.set(o.slice.value, o);
    const values = [...points.values()].filter((o) => o.candidate !== null);
    if (values.length < 2 || values.length > MAX_CHART_BARS) continue;
    const baseline = values.every((o) => o.baseline !== null) ? values.map((o) => o.baseline ?? 0) : null;
    const all = [...values.map((o) => o.candidate ?? 0), ...(baseline ?? [])];
    blocks.push({
      kind: "chart",
      chart: {
        title: `${outcome.metric} by ${column}`,
        caption: `${outcome.metric} by ${column}: bars are the candidate${baseline ? ", the line is the baseline" : ""}.`,
        labels: values.map((o) => o.slice?.value ?? ""),
        bars: values.map((o) => o.candidate ?? 0),
        line: baseline,
        range: all.every((v) => v >= 0 && v <= 1) ? [0, 1] : null,
      },
    });
  }
  return blocks;
}
