import { type Block, type Chart, CHART_COLOURS, type Section, type Status } from "./blocks.ts";
import { escapeMarkdown, plainText, renderMarkdownTable } from "./table.ts";
import { renderTextTable } from "./text-table.ts";

/**
 * Each stage's report as structured blocks, rendered to markdown (job summary, PR comment) or to terminal text. Both
 * renderings come from the same blocks, so the terminal and GitHub always say the same thing.
 */

// The blocks a section is made of are declared in blocks.ts, so a stage's report (data/report.ts, re-exported below)
// builds them without importing this module back.
export type { Block, Chart, ChartColour, Heatmap, Section, Status, Timeline } from "./blocks.ts";
export { CHART_COLOURS } from "./blocks.ts";

/** The mark each status is shown with, in every rendering that has room for one. */
export const STATUS_MARK: Record<Status, string> = {
  pass: "✅",
  ok: "✅",
  fail: "❌",
  failed: "❌",
  error: "⛔",
  warn: "⚠️",
  skipped: "⏭️",
};

export function renderMarkdown(section: Section): string {
  return [markdownHeading(section), ...section.blocks.map(blockToMarkdown)].filter(Boolean).join("\n\n");
}

export function markdownHeading(section: Section): string {
  return `### ${STATUS_MARK[section.status]} ${escapeMarkdown(section.title)}: ${section.status}`;
}

export function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case "text":
      return escapeMarkdown(block.text);
    case "table":
      return renderMarkdownTable(block.table);
    case "code": {
      // A fence longer than any run of backticks inside, so file contents cannot close it early. No math is typeset
      // in a code block, so only the bidi controls go.
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(longest + 1);
      return `${fence}text\n${plainText(block.text)}\n${fence}`;
    }
    case "details":
      return `<details><summary>${escapeMarkdown(block.summary)}</summary>\n\n${block.blocks.map(blockToMarkdown).filter(Boolean).join("\n\n")}\n\n</details>`;
    case "chart":
      return mermaidChart(block.chart);
    case "markdown":
      return userMarkdown(block.title, block.text);
    case "link":
      return isSafeUrl(block.url)
        ? `[${escapeMarkdown(block.text)}](${block.url})`
        : escapeMarkdown(`${block.text}: ${block.url}`);
    case "heatmap":
    case "timeline":
      // The HTML report's figures; the table beside each says the same here.
      return "";
  }
}

/** A heading (escaped: it comes from the config) over the markdown as written, with a fence it left open closed. */
export function userMarkdown(title: string, text: string): string {
  const body = text.trimEnd();
  const fence = openFence(body);
  return `#### ${escapeMarkdown(title)}\n\n${body}${fence === null ? "" : `\n${fence}`}`;
}

/**
 * The fence that would close a fenced code block `text` leaves open (CommonMark: a line of three or more backticks or
 * tildes, indented at most three spaces, closed by a line of at least as many of the same), or null. Without the
 * closing line, an unclosed block would swallow everything after it: the next section and the report's footer.
 */
function openFence(text: string): string | null {
  let open: string | null = null;
  for (const line of text.split("\n")) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const marks = fence[1] ?? "";
    if (open === null) {
      // A backtick fence's info string cannot hold a backtick.
      if (!(marks.startsWith("`") && (fence[2] ?? "").includes("`"))) open = marks;
    } else if (marks[0] === open[0] && marks.length >= open.length && (fence[2] ?? "").trim() === "") open = null;
  }
  return open;
}

/** https, and nothing that could end the link or start markup: the only URLs put into markdown unescaped. */
export function isSafeUrl(url: string): boolean {
  return /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/.test(url);
}

/** Mermaid's text: a small alphabet, so no value can close the fence, the string or inject a directive. */
function mermaidText(text: string, max = 24): string {
  const safe = text.replace(/[^A-Za-z0-9 ._-]/g, "_").trim() || "_";
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}_`;
}

function mermaidChart(chart: Chart): string {
  const values = (list: number[]): string => `[${list.map(axisNumber).join(", ")}]`;
  const lines = [...(chart.line ? [chart.line] : []), ...(chart.lines ?? []).map((line) => line.values)];
  // Charts with named-colour lines fix the palette in drawing order (bars, line, lines) so their captions hold; the
  // others keep Mermaid's default look.
  const hex = (name: string): string => CHART_COLOURS.find((colour) => colour.name === name)?.hex ?? "#000000";
  const palette = [
    ...(chart.bars.length > 0 ? ["blue"] : []),
    ...(chart.line ? ["orange"] : []),
    ...(chart.lines ?? []).map((line) => line.colour),
  ]
    .map(hex)
    .join(", ");
  const coloured = chart.lines !== undefined && chart.lines.length > 0;
  const x = chart.xAxis
    ? `"${mermaidText(chart.xAxis.title, 40)}" ${axisNumber(chart.xAxis.range[0])} --> ${axisNumber(chart.xAxis.range[1])}`
    : `[${distinctLabels(chart.labels.map((label) => mermaidText(label)))
        .map((label) => `"${label}"`)
        .join(", ")}]`;
  const yTitle = chart.yTitle ? `"${mermaidText(chart.yTitle, 40)}" ` : "";
  const y = chart.range ? `${yTitle}${axisNumber(chart.range[0])} --> ${axisNumber(chart.range[1])}` : yTitle.trim();
  return [
    `${escapeMarkdown(chart.caption)}\n`,
    "```mermaid",
    coloured ? `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%` : "",
    "xychart-beta",
    `    title "${mermaidText(chart.title, 60)}"`,
    `    x-axis ${x}`,
    y ? `    y-axis ${y}` : "",
    chart.bars.length > 0 ? `    bar ${values(chart.bars)}` : "",
    ...lines.map((line) => `    line ${values(line)}`),
    "```",
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * Categories made distinct: Mermaid merges equal ones into one place on the axis, and two values can look alike once
 * made safe or shortened ("a/b" and "a_b"), or two bins' labels can round alike. Repeats get " 2", " 3" ...
 */
function distinctLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.map((label) => {
    let candidate = label;
    for (let n = 2; seen.has(candidate); n++) candidate = `${label} ${n}`;
    seen.add(candidate);
    return candidate;
  });
}

/**
 * A value as Mermaid's xychart reads it: a plain decimal of six significant digits. Its grammar has no exponent, so
 * what JavaScript would write with one (below 1e-6, at or past 1e21) is written out in full; non-finite values are 0.
 */
function axisNumber(value: number): string {
  if (!Number.isFinite(value)) return "0";
  const rounded = Number(value.toPrecision(6));
  if (Math.abs(rounded) < 1e-6) return "0";
  return Math.abs(rounded) >= 1e21 ? BigInt(rounded).toString() : String(rounded);
}

/** The one-line form: `── Title: STATUS (headline)`. */
export function renderHeadline(section: Section): string {
  return `── ${section.title}: ${section.status.toUpperCase()}${section.headline ? ` (${section.headline})` : ""}`;
}

/** How terminal text is laid out; the CLI door fills it in from the terminal and the flags. */
export interface TextOptions {
  /** The widest a line of a table may be (the terminal's columns); no limit when absent (a pipe, a file). */
  width?: number;
  /** Include what only --verbose shows (validate's column profiles). */
  verbose?: boolean;
}

export function renderText(section: Section, options: TextOptions = {}): string {
  const head = `── ${section.title}: ${section.status.toUpperCase()}`;
  return [head, ...section.blocks.map((block) => blockToText(block, options)).filter(Boolean)].join("\n\n");
}

const INDENT = "  ";

function blockToText(block: Block, options: TextOptions): string {
  switch (block.kind) {
    case "text":
      return block.text;
    case "table":
      return indent(
        renderTextTable(block.table, options.width === undefined ? undefined : options.width - INDENT.length),
      );
    case "code":
      return indent(block.text);
    case "details":
      if (block.terminal === "never" || (block.terminal === "verbose" && options.verbose !== true)) return "";
      return [`${block.summary}:`, ...block.blocks.map((inner) => blockToText(inner, options)).filter(Boolean)].join(
        "\n",
      );
    case "chart":
    case "heatmap":
    case "timeline":
      return "";
    case "markdown":
      return `${block.title}:\n${indent(block.text.trimEnd())}`;
    case "link":
      return `${block.text}: ${block.url}`;
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `${INDENT}${line}`))
    .join("\n");
}
