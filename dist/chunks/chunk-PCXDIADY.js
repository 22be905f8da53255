import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  createLocalStore
} from "./chunk-G5WNRN53.js";
import {
  isS3Uri,
  parseS3Uri
} from "./chunk-SN54LWLO.js";
import {
  UserError
} from "./chunk-XOZC47AQ.js";

// src/report/table.ts
var ZWSP = "\u200B";
var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
var DOLLAR = "<span>&#36;</span>";
var MAX_CELL = 300;
function plainText(text) {
  return text.replace(BIDI_CONTROLS, "");
}
function escapeMarkdown(text) {
  return plainText(text).replace(/[\r\n]+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_[\]~|])/g, "\\$1").replace(/([@#])/g, `$1${ZWSP}`).replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2").replace(/\$/g, DOLLAR);
}
function clip(text, max = MAX_CELL) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function renderMarkdownTable(table) {
  const separator = table.headers.map((_, i) => table.align?.[i] === "right" ? "---:" : ":---");
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [
    line(table.headers.map((header) => escapeMarkdown(clip(header)))),
    line(separator),
    ...table.rows.map((row) => markdownTableRow(table, row))
  ].join("\n");
}
function markdownTableRow(table, row) {
  return `| ${table.headers.map((_, i) => escapeMarkdown(clip(row[i] ?? ""))).join(" | ")} |`;
}

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

// src/report/sections.ts
var MARK = {
  pass: "\u2705",
  ok: "\u2705",
  fail: "\u274C",
  failed: "\u274C",
  error: "\u26D4",
  warn: "\u26A0\uFE0F",
  skipped: "\u23ED\uFE0F"
};
function renderMarkdown(section) {
  return [markdownHeading(section), ...section.blocks.map(blockToMarkdown)].join("\n\n");
}
function markdownHeading(section) {
  return `### ${MARK[section.status]} ${escapeMarkdown(section.title)}: ${section.status}`;
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

${block.blocks.map(blockToMarkdown).join("\n\n")}

</details>`;
    case "chart":
      return mermaidChart(block.chart);
    case "link":
      return isSafeUrl(block.url) ? `[${escapeMarkdown(block.text)}](${block.url})` : escapeMarkdown(`${block.text}: ${block.url}`);
  }
}
function isSafeUrl(url) {
  return /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/.test(url);
}
function mermaidText(text, max = 24) {
  const safe = text.replace(/[^A-Za-z0-9 ._-]/g, "_").trim() || "_";
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}_`;
}
function mermaidChart(chart) {
  const values = (list) => `[${list.map((v) => Number.isFinite(v) ? Number(v.toPrecision(6)) : 0).join(", ")}]`;
  return [
    `${escapeMarkdown(chart.caption)}
`,
    "```mermaid",
    "xychart-beta",
    `    title "${mermaidText(chart.title, 60)}"`,
    `    x-axis [${chart.labels.map((label) => `"${mermaidText(label)}"`).join(", ")}]`,
    chart.range ? `    y-axis ${chart.range[0]} --> ${chart.range[1]}` : "",
    `    bar ${values(chart.bars)}`,
    chart.line ? `    line ${values(chart.line)}` : "",
    "```"
  ].filter(Boolean).join("\n");
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
      return "";
    case "link":
      return `${block.text}: ${block.url}`;
  }
}
function indent(text) {
  return text.split("\n").map((line) => line === "" ? line : `${INDENT}${line}`).join("\n");
}

// src/store/open.ts
import path from "node:path";
async function openObjectStore(uri, root, settings = {}) {
  if (!isS3Uri(uri)) return createLocalStore(path.resolve(root, uri));
  const location = parseS3Uri(uri);
  if (!location) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
  return openS3Store({ bucket: location.bucket, prefix: location.key.replace(/\/+$/, "") }, settings);
}
async function openS3Store(location, settings = {}) {
  const { createS3Store } = await import("./s3-store-3OWJD4K6.js");
  return createS3Store(
    location,
    {
      ...settings.region === void 0 ? {} : { region: settings.region },
      ...settings.endpoint === void 0 ? {} : { endpoint: settings.endpoint },
      ...settings.forcePathStyle === void 0 ? {} : { forcePathStyle: settings.forcePathStyle },
      ...settings.retrySeconds === void 0 ? {} : { retrySeconds: settings.retrySeconds }
    },
    settings.env
  );
}
function projectStoreSettings(registry, env) {
  return {
    env,
    region: registry.region,
    endpoint: registry.endpoint,
    forcePathStyle: registry.force_path_style,
    retrySeconds: registry.retry_seconds
  };
}

export {
  openObjectStore,
  openS3Store,
  projectStoreSettings,
  plainText,
  clip,
  renderMarkdownTable,
  markdownTableRow,
  renderTextTable,
  renderMarkdown,
  markdownHeading,
  blockToMarkdown,
  isSafeUrl,
  renderHeadline,
  renderText
};
