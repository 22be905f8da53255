import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

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

export {
  plainText,
  escapeMarkdown,
  clip,
  renderMarkdownTable,
  markdownTableRow
};
