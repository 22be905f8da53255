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

/**
 * Escapes text for a markdown table cell or paragraph: HTML, emphasis, code spans, links (escaping `[` disarms
 * `[x](y)` and `![x](y)`), table pipes, @mentions and #references. A leading list or heading marker is escaped too;
 * everything else (parentheses, dashes inside text) reads as written.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[@#]/g, (char) => (char === "@" ? "&#64;" : "&#35;"))
    .replace(/([\\`*_[\]~|])/g, "\\$1")
    .replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}

export function renderMarkdownTable(table: Table): string {
  const separator = table.headers.map((_, i) => (table.align?.[i] === "right" ? "---:" : ":---"));
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [
    line(table.headers.map(escapeMarkdown)),
    line(separator),
    ...table.rows.map((row) => line(table.headers.map((_, i) => escapeMarkdown(row[i] ?? "")))),
  ].join("\n");
}

export function renderTextTable(table: Table): string {
  const widths = table.headers.map((header, i) =>
    Math.max(header.length, ...table.rows.map((row) => (row[i] ?? "").length)),
  );
  const pad = (text: string, i: number): string =>
    table.align?.[i] === "right" ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => pad(cell, i))
      .join("  ")
      .trimEnd();
  return [
    line(table.headers),
    line(widths.map((w) => "-".repeat(w))),
    ...table.rows.map((row) => line(table.headers.map((_, i) => row[i] ?? ""))),
  ].join("\n");
}
