import type { Table } from "./table.ts";

/**
 * A table as aligned plain text for the terminal. Given a width (the terminal's columns), the widest columns give up
 * room first and their cells wrap onto more lines, between words where they can, so no line is wider than the
 * terminal and no value is cut: what a cell holds is all there, as it is in `--json`. A table too wide for that even
 * with narrow columns is printed one record at a time, a line per column (`header  value`), as `psql -x` does.
 */

/** Columns are never narrowed below this, so a wrapped cell stays readable; a table that still does not fit overflows. */
const NARROWEST = 8;
/** A word longer than this may still be broken to keep prose columns from wrapping into slivers. */
const LONG_WORD = 24;
const GAP = "  ";

export function renderTextTable(table: Table, width?: number): string {
  const cells = [table.headers, ...table.rows.map((row) => table.headers.map((_, i) => row[i] ?? ""))];
  const natural = table.headers.map((_, i) => Math.max(...cells.map((row) => longestLine(row[i] ?? ""))));
  const words = table.headers.map((_, i) => Math.max(...cells.map((row) => longestWord(row[i] ?? ""))));
  const room = width === undefined ? Infinity : width - GAP.length * (natural.length - 1);
  const widths = width === undefined ? natural : fitColumns(natural, words, room);
  if (width !== undefined && sum(widths) > room) return renderRecords(table, width);
  const pad = (text: string, i: number): string =>
    table.align?.[i] === "right" ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const lines = (row: string[]): string[] => {
    const wrapped = row.map((cell, i) => wrapCell(cell, widths[i] ?? cell.length));
    const height = Math.max(...wrapped.map((parts) => parts.length));
    return Array.from({ length: height }, (_, line) =>
      wrapped
        .map((parts, i) => pad(parts[line] ?? "", i))
        .join(GAP)
        .trimEnd(),
    );
  };
  const [headers = [], ...rows] = cells;
  return [...lines(headers), widths.map((w) => "-".repeat(w)).join(GAP), ...rows.flatMap(lines)].join("\n");
}

/** The table as records: each row a block of `header  value` lines, values wrapped, rows apart by a blank line. */
function renderRecords(table: Table, width: number): string {
  const label = Math.max(...table.headers.map((header) => header.length));
  const valueWidth = Math.max(NARROWEST, width - label - GAP.length);
  const record = (row: readonly string[]): string =>
    table.headers
      .flatMap((header, i) =>
        wrapCell(row[i] ?? "", valueWidth).map((part, line) =>
          `${(line === 0 ? header : "").padEnd(label)}${GAP}${part}`.trimEnd(),
        ),
      )
      .join("\n");
  return table.rows.map(record).join("\n\n");
}

/**
 * Column widths that add up to at most `room`: the widest columns give up width first, all down to the same width (a
 * water level lowered until the table fits). First no column goes below its longest word (up to {@link LONG_WORD}),
 * so only prose wraps; when that is still too wide, words break too, down to {@link NARROWEST}. A table that does not
 * fit even then overflows.
 */
export function fitColumns(natural: readonly number[], words: readonly number[], room: number): number[] {
  const keepWords = natural.map((w, i) => Math.min(w, Math.max(NARROWEST, Math.min(words[i] ?? 0, LONG_WORD))));
  const floors = sum(keepWords) <= room ? keepWords : natural.map((w) => Math.min(w, NARROWEST));
  const at = (cap: number): number[] => natural.map((w, i) => Math.max(floors[i] ?? 0, Math.min(w, cap)));
  let cap = Math.max(0, ...natural);
  while (cap > 0 && sum(at(cap)) > room) cap--;
  return at(cap);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A cell's text in lines of at most `width` characters: broken at spaces, and inside words longer than a line. */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
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

function longestLine(text: string): number {
  return Math.max(...text.split("\n").map((line) => line.length));
}

function longestWord(text: string): number {
  return Math.max(...text.split(/[ \n]/).map((word) => word.length));
}
