import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  escapeMarkdown,
  plainText,
  renderMarkdownTable
} from "./chunk-PEZVGW4L.js";

// src/report/text-table.ts
var NARROWEST = 8;
var LONG_WORD = 24;
var GAP = "  ";
function renderTextTable(table, width) {
  const cells = [table.headers, ...table.rows.map((row) => table.headers.map((_, i) => row[i] ?? ""))];
  const natural = table.headers.map((_, i) => Math.max(...cells.map((row) => longestLine(row[i] ?? ""))));
  const words = table.headers.map((_, i) => Math.max(...cells.map((row) => longestWord(row[i] ?? ""))));
  const room = width === void 0 ? Infinity : width - GAP.length * (natural.length - 1);
  const widths = width === void 0 ? natural : fitColumns(natural, words, room);
  if (width !== void 0 && sum(widths) > room) return renderRecords(table, width);
  const pad = (text, i) => table.align?.[i] === "right" ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const lines = (row) => {
    const wrapped = row.map((cell, i) => wrapCell(cell, widths[i] ?? cell.length));
    const height = Math.max(...wrapped.map((parts) => parts.length));
    return Array.from(
      { length: height },
      (_, line) => wrapped.map((parts, i) => pad(parts[line] ?? "", i)).join(GAP).trimEnd()
    );
  };
  const [headers = [], ...rows] = cells;
  return [...lines(headers), widths.map((w) => "-".repeat(w)).join(GAP), ...rows.flatMap(lines)].join("\n");
}
function renderRecords(table, width) {
  const label = Math.max(...table.headers.map((header) => header.length));
  const valueWidth = Math.max(NARROWEST, width - label - GAP.length);
  const record = (row) => table.headers.flatMap(
    (header, i) => wrapCell(row[i] ?? "", valueWidth).map(
      (part, line) => `${(line === 0 ? header : "").padEnd(label)}${GAP}${part}`.trimEnd()
    )
  ).join("\n");
  return table.rows.map(record).join("\n\n");
}
function fitColumns(natural, words, room) {
  const keepWords = natural.map((w, i) => Math.min(w, Math.max(NARROWEST, Math.min(words[i] ?? 0, LONG_WORD))));
  const floors = sum(keepWords) <= room ? keepWords : natural.map((w) => Math.min(w, NARROWEST));
  const at = (cap2) => natural.map((w, i) => Math.max(floors[i] ?? 0, Math.min(w, cap2)));
  let cap = Math.max(0, ...natural);
  while (cap > 0 && sum(at(cap)) > room) cap--;
  return at(cap);
}
function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
function wrapCell(text, width) {
  const lines = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const joined = line === "" ? word : `${line} ${word}`;
      if (joined.length <= width) {
        line = joined;
        continue;
      }
      if (line !== "") lines.push(line);
      let rest = word;
      while (rest.length > width) {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
function longestLine(text) {
  return Math.max(...text.split("\n").map((line) => line.length));
}
function longestWord(text) {
  return Math.max(...text.split(/[ \n]/).map((word) => word.length));
}

// src/report/blocks.ts
var CHART_COLOURS = [
  { name: "blue", hex: "#2563eb" },
  { name: "orange", hex: "#ea580c" },
  { name: "grey", hex: "#9ca3af" },
  { name: "green", hex: "#16a34a" }
];

// src/report/sections.ts
var STATUS_MARK = {
  pass: "\u2705",
  ok: "\u2705",
  fail: "\u274C",
  failed: "\u274C",
  error: "\u26D4",
  warn: "\u26A0\uFE0F",
  skipped: "\u23ED\uFE0F"
};
function renderMarkdown(section) {
  return [markdownHeading(section), ...section.blocks.map(blockToMarkdown)].filter(Boolean).join("\n\n");
}
function markdownHeading(section) {
  return `### ${STATUS_MARK[section.status]} ${escapeMarkdown(section.title)}: ${section.status}`;
}
function blockToMarkdown(block) {
  switch (block.kind) {
    case "text":
      return escapeMarkdown(block.text);
    case "table":
      return renderMarkdownTable(block.table);
    case "code": {
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(longest + 1);
      return `${fence}text
${plainText(block.text)}
${fence}`;
    }
    case "details":
      return `<details><summary>${escapeMarkdown(block.summary)}</summary>

${block.blocks.map(blockToMarkdown).filter(Boolean).join("\n\n")}

</details>`;
    case "chart":
      return mermaidChart(block.chart);
    case "markdown":
      return userMarkdown(block.title, block.text);
    case "link":
      return isSafeUrl(block.url) ? `[${escapeMarkdown(block.text)}](${block.url})` : escapeMarkdown(`${block.text}: ${block.url}`);
    case "heatmap":
    case "timeline":
      return "";
  }
}
function userMarkdown(title, text) {
  const body = text.trimEnd();
  const fence = openFence(body);
  return `#### ${escapeMarkdown(title)}

${body}${fence === null ? "" : `
${fence}`}`;
}
function openFence(text) {
  let open = null;
  for (const line of text.split("\n")) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const marks = fence[1] ?? "";
    if (open === null) {
      if (!(marks.startsWith("`") && (fence[2] ?? "").includes("`"))) open = marks;
    } else if (marks[0] === open[0] && marks.length >= open.length && (fence[2] ?? "").trim() === "") open = null;
  }
  return open;
}
function isSafeUrl(url) {
  return /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/.test(url);
}
function mermaidText(text, max = 24) {
  const safe = text.replace(/[^A-Za-z0-9 ._-]/g, "_").trim() || "_";
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}_`;
}
function mermaidChart(chart) {
  const values = (list) => `[${list.map(axisNumber).join(", ")}]`;
  const lines = [...chart.line ? [chart.line] : [], ...(chart.lines ?? []).map((line) => line.values)];
  const hex = (name) => CHART_COLOURS.find((colour) => colour.name === name)?.hex ?? "#000000";
  const palette = [
    ...chart.bars.length > 0 ? ["blue"] : [],
    ...chart.line ? ["orange"] : [],
    ...(chart.lines ?? []).map((line) => line.colour)
  ].map(hex).join(", ");
  const coloured = chart.lines !== void 0 && chart.lines.length > 0;
  const x = chart.xAxis ? `"${mermaidText(chart.xAxis.title, 40)}" ${axisNumber(chart.xAxis.range[0])} --> ${axisNumber(chart.xAxis.range[1])}` : `[${distinctLabels(chart.labels.map((label) => mermaidText(label))).map((label) => `"${label}"`).join(", ")}]`;
  const yTitle = chart.yTitle ? `"${mermaidText(chart.yTitle, 40)}" ` : "";
  const y = chart.range ? `${yTitle}${axisNumber(chart.range[0])} --> ${axisNumber(chart.range[1])}` : yTitle.trim();
  return [
    `${escapeMarkdown(chart.caption)}
`,
    "```mermaid",
    coloured ? `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%` : "",
    "xychart-beta",
    `    title "${mermaidText(chart.title, 60)}"`,
    `    x-axis ${x}`,
    y ? `    y-axis ${y}` : "",
    chart.bars.length > 0 ? `    bar ${values(chart.bars)}` : "",
    ...lines.map((line) => `    line ${values(line)}`),
    "```"
  ].filter(Boolean).join("\n");
}
function distinctLabels(labels) {
  const seen = /* @__PURE__ */ new Set();
  return labels.map((label) => {
    let candidate = label;
    for (let n = 2; seen.has(candidate); n++) candidate = `${label} ${n}`;
    seen.add(candidate);
    return candidate;
  });
}
function axisNumber(value) {
  if (!Number.isFinite(value)) return "0";
  const rounded = Number(value.toPrecision(6));
  if (Math.abs(rounded) < 1e-6) return "0";
  return Math.abs(rounded) >= 1e21 ? BigInt(rounded).toString() : String(rounded);
}
function renderHeadline(section) {
  return `\u2500\u2500 ${section.title}: ${section.status.toUpperCase()}${section.headline ? ` (${section.headline})` : ""}`;
}
function renderText(section, options = {}) {
  const head = `\u2500\u2500 ${section.title}: ${section.status.toUpperCase()}`;
  return [head, ...section.blocks.map((block) => blockToText(block, options)).filter(Boolean)].join("\n\n");
}
var INDENT = "  ";
function blockToText(block, options) {
  switch (block.kind) {
    case "text":
      return block.text;
    case "table":
      return indent(
        renderTextTable(block.table, options.width === void 0 ? void 0 : options.width - INDENT.length)
      );
    case "code":
      return indent(block.text);
    case "details":
      if (block.terminal === "never" || block.terminal === "verbose" && options.verbose !== true) return "";
      return [`${block.summary}:`, ...block.blocks.map((inner) => blockToText(inner, options)).filter(Boolean)].join(
        "\n"
      );
    case "chart":
    case "heatmap":
    case "timeline":
      return "";
    case "markdown":
      return `${block.title}:
${indent(block.text.trimEnd())}`;
    case "link":
      return `${block.text}: ${block.url}`;
  }
}
function indent(text) {
  return text.split("\n").map((line) => line === "" ? line : `${INDENT}${line}`).join("\n");
}

export {
  CHART_COLOURS,
  renderTextTable,
  STATUS_MARK,
  renderMarkdown,
  markdownHeading,
  blockToMarkdown,
  userMarkdown,
  isSafeUrl,
  renderHeadline,
  renderText
};
