import type { EvaluateResult } from "../evaluate/evaluate.ts";
import type { GateResult } from "../gate/gate.ts";
import { formatNumber } from "../gate/rules.ts";
import type { PublishResult } from "../registry/publish.ts";
import type { TrainResult } from "../train/train.ts";
import { escapeMarkdown, renderMarkdownTable, renderTextTable, type Table } from "./table.ts";

/**
 * Each stage's report as structured blocks, rendered to markdown (job summary, PR comment) or to terminal text. Both
 * renderings come from the same blocks, so the terminal and GitHub always say the same thing.
 */

export type Block =
  | { kind: "text"; text: string }
  | { kind: "table"; table: Table }
  | { kind: "code"; text: string }
  | { kind: "details"; summary: string; blocks: Block[] }
  /** A mermaid diagram for GitHub (summaries, comments); terminals skip it, so keep a table beside it. */
  | { kind: "chart"; mermaid: string };

export type Status = "pass" | "fail" | "error" | "warn" | "skipped" | "ok" | "failed";

export interface Section {
  title: string;
  status: Status;
  /** One line for overviews (`mlops run` prints this for stages that went well). */
  headline: string;
  blocks: Block[];
}

const MARK: Record<Status, string> = {
  pass: "✅",
  ok: "✅",
  fail: "❌",
  failed: "❌",
  error: "⛔",
  warn: "⚠️",
  skipped: "⏭️",
};

export function renderMarkdown(section: Section): string {
  const head = `### ${MARK[section.status]} ${escapeMarkdown(section.title)}: ${section.status}`;
  return [head, ...section.blocks.map(blockToMarkdown)].join("\n\n");
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case "text":
      return escapeMarkdown(block.text);
    case "table":
      return renderMarkdownTable(block.table);
    case "code": {
      // A fence longer than any run of backticks inside, so file contents cannot close it early.
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(longest + 1);
      return `${fence}text\n${block.text}\n${fence}`;
    }
    case "details":
      return `<details><summary>${escapeMarkdown(block.summary)}</summary>\n\n${block.blocks.map(blockToMarkdown).join("\n\n")}\n\n</details>`;
    case "chart":
      return `\`\`\`mermaid\n${block.mermaid}\n\`\`\``;
  }
}

/** The one-line form: `── Title: STATUS (headline)`. */
export function renderHeadline(section: Section): string {
  return `── ${section.title}: ${section.status.toUpperCase()}${section.headline ? ` (${section.headline})` : ""}`;
}

export function renderText(section: Section): string {
  const head = `── ${section.title}: ${section.status.toUpperCase()}`;
  return [head, ...section.blocks.filter((b) => b.kind !== "chart").map(blockToText)].join("\n\n");
}

function blockToText(block: Block): string {
  switch (block.kind) {
    case "text":
      return block.text;
    case "table":
      return indent(renderTextTable(block.table));
    case "code":
      return indent(block.text);
    case "details":
      return [`${block.summary}:`, ...block.blocks.filter((b) => b.kind !== "chart").map(blockToText)].join("\n");
    case "chart":
      return "";
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? "—" : formatNumber(value);
const signed = (value: number | null): string =>
  value === null ? "—" : value > 0 ? `+${formatNumber(value)}` : formatNumber(value);

export { validateSection } from "../data/report.ts";

// --- per stage --------------------------------------------------------------------------------------------------

export function trainSection(result: TrainResult): Section {
  if (result.status === "skipped")
    return {
      title: "Training",
      status: "skipped",
      headline: "no train section",
      blocks: [{ kind: "text", text: "No train section in the config." }],
    };
  const blocks: Block[] = [
    {
      kind: "text",
      text: `${result.command ?? ""} — ${(result.durationMs / 1000).toFixed(1)} s, exit code ${result.exitCode ?? "none"}.`,
    },
  ];
  const params = Object.entries(result.params);
  if (params.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["param", "value"],
        rows: params.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
      },
    });
  }
  if (result.failure) blocks.push({ kind: "code", text: result.failure });
  if (result.outputs.length > 0) {
    blocks.push({
      kind: "details",
      summary: `Outputs (${result.outputs.length} files)`,
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["file", "bytes", "sha256"],
            rows: result.outputs.map((o) => [o.path, String(o.size), o.sha256.slice(0, 12)]),
            align: ["left", "right", "left"],
          },
        },
      ],
    });
  }
  const headline =
    result.status === "ok"
      ? `${(result.durationMs / 1000).toFixed(1)} s, ${result.outputs.length} output file(s)`
      : `exit code ${result.exitCode ?? "none"}`;
  return { title: "Training", status: result.status === "ok" ? "ok" : "failed", headline, blocks };
}

export function evaluateSection(result: EvaluateResult): Section {
  if (result.status === "skipped")
    return {
      title: "Evaluation",
      status: "skipped",
      headline: "no evaluate section",
      blocks: [{ kind: "text", text: "No evaluate section in the config." }],
    };
  const blocks: Block[] = [];
  if (result.failure) blocks.push({ kind: "code", text: result.failure });
  const metrics = Object.entries(result.metrics);
  if (metrics.length > 0) {
    blocks.push({
      kind: "text",
      text: `${metrics.length} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}.`,
    });
    blocks.push({
      kind: "table",
      table: {
        headers: ["metric", "value", "source"],
        rows: metrics.map(([k, v]) => [k, num(v), result.sources[k] ?? ""]),
        align: ["left", "right", "left"],
      },
    });
  }
  if (result.slices.length > 0) {
    const shown = Object.keys(result.slices[0]?.metrics ?? {}).slice(0, 4);
    blocks.push({
      kind: "details",
      summary: "Metrics per slice",
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["slice", "rows", ...shown],
            rows: result.slices.map((s) => [
              `${s.column}=${s.value}`,
              String(s.rows),
              ...shown.map((m) => num(s.metrics[m])),
            ]),
            align: ["left", "right", ...shown.map(() => "right" as const)],
          },
        },
      ],
    });
  }
  for (const warning of result.warnings) blocks.push({ kind: "text", text: `Note: ${warning}` });
  const count = Object.keys(result.metrics).length;
  const headline =
    result.status === "ok" ? `${count} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}` : "failed";
  return { title: "Evaluation", status: result.status === "ok" ? "ok" : "failed", headline, blocks };
}

export function gateSection(result: GateResult): Section {
  const blocks: Block[] = [];
  blocks.push({
    kind: "text",
    text: `Candidate: ${result.candidate}. Baseline: ${result.baseline ? result.baseline.description : "none"}.`,
  });
  for (const note of result.notes) blocks.push({ kind: "text", text: note });
  if (result.outcomes.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["metric", "baseline", "candidate", "Δ", "rule", "verdict", "why"],
        rows: result.outcomes.map((o) => [
          o.slice ? `${o.metric} [${o.slice.column}=${o.slice.value}]` : o.metric,
          num(o.baseline),
          num(o.candidate),
          o.delta === null ? "—" : o.relative ? `${signed(o.delta * 100)}%` : signed(o.delta),
          o.requirement,
          o.verdict,
          o.reason,
        ]),
        align: ["left", "right", "right", "right", "left", "left", "left"],
      },
    });
  }
  if (result.comparison.length > 0) {
    const arrow = { better: "better", worse: "worse", same: "same", changed: "changed", none: "" };
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
              signed(c.delta),
              arrow[c.change ?? "none"],
            ]),
            align: ["left", "right", "right", "right", "left"],
          },
        },
      ],
    });
  }
  const counts = new Map<string, number>();
  for (const outcome of result.outcomes) counts.set(outcome.verdict, (counts.get(outcome.verdict) ?? 0) + 1);
  const headline = [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(", ");
  return { title: "Evaluation gate", status: result.verdict, headline, blocks };
}

export function publishSection(result: PublishResult): Section {
  return {
    title: "Publish",
    status: "ok",
    headline: `${result.version}, ${result.promoted ? `promoted to ${result.promoted}` : "not promoted"}`,
    blocks: [
      {
        kind: "text",
        text: `${result.model} ${result.version}: ${result.files} file(s), ${result.bytes} bytes, stored at ${result.uri}.`,
      },
      { kind: "text", text: `${result.promotion[0]?.toUpperCase() ?? ""}${result.promotion.slice(1)}.` },
    ],
  };
}
