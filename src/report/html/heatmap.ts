import { formatNumber } from "../format.ts";
import type { Heatmap } from "../blocks.ts";
import { attr, escapeHtml, px, shorten } from "./escape.ts";

/**
 * A {@link Heatmap} (a confusion matrix) as an SVG grid: each cell shaded by its share of its row, so a small class's
 * errors show as clearly as a large one's, with the count written in it when the cell is large enough to hold it
 * (every cell also carries it as a tooltip). A row of zeros stays unshaded rather than dividing by zero.
 */

const CHAR_WIDTH = 6.5;
const MAX_LABEL = 16;
const MAX_WIDTH = 640;
const BLUE = "#2563eb";

export function heatmapToHtml(heatmap: Heatmap): string {
  const caption = `<figcaption><strong>${escapeHtml(heatmap.title)}</strong> ${escapeHtml(heatmap.caption)}</figcaption>`;
  if (heatmap.rows.length === 0 || heatmap.columns.length === 0)
    return `<figure class="heatmap">${caption}<p class="empty">No cells to draw.</p></figure>`;
  return `<figure class="heatmap">${caption}${heatmapSvg(heatmap)}</figure>`;
}

function heatmapSvg(heatmap: Heatmap): string {
  const rows = heatmap.rows.map((label) => shorten(label, MAX_LABEL));
  const columns = heatmap.columns.map((label) => shorten(label, MAX_LABEL));
  const longestRow = Math.max(1, ...rows.map((label) => label.length));
  const longestColumn = Math.max(1, ...columns.map((label) => label.length));
  const left = 26 + longestRow * CHAR_WIDTH + 8;
  const cell = Math.max(14, Math.min(64, (MAX_WIDTH - left - 12) / columns.length));
  const rotated = longestColumn * CHAR_WIDTH > cell - 4;
  const top = 24 + (rotated ? longestColumn * CHAR_WIDTH * 0.71 + 8 : 18);
  const width = left + cell * columns.length + 12;
  const height = top + cell * rows.length + 8;
  const parts: string[] = [];

  parts.push(
    `<text class="axis-title" x="${px(left + (cell * columns.length) / 2)}" y="14" text-anchor="middle">${escapeHtml(heatmap.columnTitle)}</text>`,
  );
  parts.push(
    `<text class="axis-title" transform="translate(14 ${px(top + (cell * rows.length) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(heatmap.rowTitle)}</text>`,
  );
  columns.forEach((label, c) => {
    const x = left + cell * (c + 0.5);
    parts.push(
      rotated
        ? `<text class="tick" transform="translate(${px(x)} ${px(top - 6)}) rotate(-45)" text-anchor="start">${escapeHtml(label)}</text>`
        : `<text class="tick" x="${px(x)}" y="${px(top - 6)}" text-anchor="middle">${escapeHtml(label)}</text>`,
    );
  });
  rows.forEach((label, r) => {
    const y = top + cell * (r + 0.5);
    parts.push(
      `<text class="tick" x="${px(left - 6)}" y="${px(y)}" text-anchor="end" dy="0.32em">${escapeHtml(label)}</text>`,
    );
    const counts = heatmap.columns.map((_, c) => heatmap.cells[r]?.[c] ?? 0);
    const total = counts.reduce((sum, value) => sum + (Number.isFinite(value) && value > 0 ? value : 0), 0);
    counts.forEach((count, c) => {
      const share = total > 0 && Number.isFinite(count) && count > 0 ? count / total : 0;
      const x = left + cell * c;
      const tip = `${heatmap.rowTitle} ${heatmap.rows[r] ?? ""}, ${heatmap.columnTitle} ${heatmap.columns[c] ?? ""}: ${countText(count)} (${formatNumber(share * 100)}% of the row)`;
      parts.push(
        `<g><title>${escapeHtml(tip)}</title><rect class="cell" x="${px(x)}" y="${px(top + cell * r)}" width="${px(cell)}" height="${px(cell)}"/>` +
          (share > 0
            ? `<rect x="${px(x)}" y="${px(top + cell * r)}" width="${px(cell)}" height="${px(cell)}" fill="${BLUE}" fill-opacity="${share.toFixed(3)}"/>`
            : "") +
          (cell >= 24
            ? `<text class="count${share > 0.55 ? " on-dark" : ""}" x="${px(x + cell / 2)}" y="${px(top + cell * (r + 0.5))}" text-anchor="middle" dy="0.32em">${escapeHtml(cellText(count))}</text>`
            : "") +
          "</g>",
      );
    });
  });
  return `<svg class="grid-plot" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" role="img" aria-label=${attr(heatmap.title)} xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(heatmap.title)}</title>${parts.join("")}</svg>`;
}

/** A count as written in its cell: whole numbers in full, anything else in the report's number format. */
function countText(count: number): string {
  return Number.isInteger(count) ? String(count) : formatNumber(count);
}

/** A count as it fits in a cell: in full up to five digits, then in thousands or millions (the tooltip has it all). */
function cellText(count: number): string {
  if (!Number.isFinite(count) || Math.abs(count) < 100_000) return countText(count);
  return Math.abs(count) < 1e8 ? `${formatNumber(count / 1e3)}k` : `${formatNumber(count / 1e6)}M`;
}
