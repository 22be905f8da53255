/**
 * One table model, two renderings: GitHub markdown (summaries, PR comments) and aligned plain text (terminal).
 * Cells are plain text; the markdown renderer escapes them, so user-controlled strings (metric names, slice values,
 * file contents) can never inject markdown, HTML or @mentions.
 */

export interface Table {
  headers: string[];
  rows: string[][];
  /** Per column: numbers read best right-aligned. */
  align?: ("left" | "right")[];
}

/** A zero-width space: splits "@user" and "#12" so GitHub neither mentions anyone nor links an issue. */
const ZWSP = "\u200b";

/**
 * The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): with them a string
 * reads differently than it is (Trojan Source), e.g. a metric or file name shown backwards.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A literal dollar sign. GitHub typesets `$...$`, `$$...$$` and `` $`...`$ `` as math in comments, summaries and check
 * runs, and a backslash does not stop it; its documentation writes a lone `$` inside a span. The entity keeps the
 * markdown free of `$` for any parser that pairs delimiters in the source; the span keeps it alone in its own element
 * for one that pairs them in the rendered text.
 */
const DOLLAR = "<span>&#36;</span>";

/** Longest cell, in characters: a report stays readable (and under GitHub's size limits) whatever a file holds. */
export const MAX_CELL = 300;

/**
 * User text as it may appear on any surface, plain or markdown (annotations, check-run titles, code blocks, and
 * first of all in {@link escapeMarkdown}): without bidirectional controls.
 */
export function plainText(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/**
 * Escapes text for a markdown table cell or paragraph: HTML (as entities), emphasis, code spans, links and images
 * (escaping `[` disarms `[x](y)` and `![x](y)`), table pipes, line breaks, and a leading list or heading marker.
 * GitHub turns `@user` and `#12` into mentions and references after rendering, where entities are already decoded, so
 * those get a zero-width space instead. Bidirectional controls are dropped ({@link plainText}) and every `$` is
 * written as {@link DOLLAR}, so no math is typeset. A bare URL still autolinks, showing exactly where it leads (other
 * sections rely on that for run links); a link whose text hides its target cannot be written. Everything else reads
 * as written. Every renderer of user text into markdown goes through here.
 */
export function escapeMarkdown(text: string): string {
  return (
    plainText(text)
      .replace(/[\r\n]+/g, " ")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/([\\`*_[\]~|])/g, "\\$1")
      .replace(/([@#])/g, `$1${ZWSP}`)
      .replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2")
      // Last: the span and entity are the kit's own markup, which the steps above would escape.
      .replace(/\$/g, DOLLAR)
  );
}

/** A cell cut to {@link MAX_CELL} characters, so one long value cannot swallow a report. */
export function clip(text: string, max = MAX_CELL): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function renderMarkdownTable(table: Table): string {
  const separator = table.headers.map((_, i) => (table.align?.[i] === "right" ? "---:" : ":---"));
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [
    line(table.headers.map((header) => escapeMarkdown(clip(header)))),
    line(separator),
    ...table.rows.map((row) => markdownTableRow(table, row)),
  ].join("\n");
}

/** One body row of {@link renderMarkdownTable}, escaped and clipped. */
export function markdownTableRow(table: Table, row: readonly string[]): string {
  return `| ${table.headers.map((_, i) => escapeMarkdown(clip(row[i] ?? ""))).join(" | ")} |`;
}
