import type { Block } from "../blocks.ts";
import { isSafeUrl } from "../sections.ts";
import { clip, type Table } from "../table.ts";
import { chartToHtml } from "./chart.ts";
import { attr, escapeHtml } from "./escape.ts";
import { heatmapToHtml } from "./heatmap.ts";
import { markdownToHtml } from "./markdown.ts";
import { timelineToHtml } from "./timeline.ts";

/** Each kind of {@link Block} as HTML; every string in a block is escaped on the way in. */
export function blockToHtml(block: Block): string {
  switch (block.kind) {
    case "text":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "table":
      return tableToHtml(block.table);
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "details":
      // Closed, as on GitHub: the numbers beside a figure are there for whoever wants them.
      return `<details><summary>${escapeHtml(block.summary)}</summary>\n${block.blocks.map(blockToHtml).join("\n")}\n</details>`;
    case "chart":
      return chartToHtml(block.chart);
    case "markdown":
      return `<section class="user-markdown"><h3>${escapeHtml(block.title)}</h3>\n${markdownToHtml(block.text)}\n</section>`;
    case "link":
      return isSafeUrl(block.url)
        ? `<p><a href=${attr(block.url)}>${escapeHtml(block.text)}</a></p>`
        : `<p>${escapeHtml(`${block.text}: ${block.url}`)}</p>`;
    case "heatmap":
      return heatmapToHtml(block.heatmap);
    case "timeline":
      return timelineToHtml(block.timeline);
  }
}

/** A table in a box that scrolls sideways, so a wide one cannot push the page wider; cells clipped like markdown's. */
function tableToHtml(table: Table): string {
  const align = (i: number): string => (table.align?.[i] === "right" ? ' class="num"' : "");
  const head = table.headers.map((header, i) => `<th${align(i)}>${escapeHtml(clip(header))}</th>`).join("");
  const body = table.rows
    .map(
      (row) =>
        `<tr>${table.headers.map((_, i) => `<td${align(i)}>${escapeHtml(clip(row[i] ?? ""))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<div class="table-box"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
