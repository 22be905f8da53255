import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  CHART_COLOURS,
  STATUS_MARK,
  isSafeUrl
} from "./chunk-OSH67I4H.js";
import {
  clip,
  plainText
} from "./chunk-PEZVGW4L.js";

// src/report/html/axis.ts
function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}
function ticks(low, high, count = 5, fixed = false) {
  let [a, b] = Number.isFinite(low) && Number.isFinite(high) ? [low, high] : [0, 1];
  if (a > b) [a, b] = [b, a];
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
    [a, b] = [a - pad, b + pad];
  }
  const step = niceStep(b - a, count);
  const start = fixed ? Math.ceil(a / step - 1e-9) * step : Math.floor(a / step + 1e-9) * step;
  const end = fixed ? Math.floor(b / step + 1e-9) * step : Math.ceil(b / step - 1e-9) * step;
  const values = [];
  for (let i = 0; start + i * step <= end + step * 1e-9 && i < 50; i++) values.push(clean(start + i * step));
  return fixed ? { low: a, high: b, values } : { low: clean(start), high: clean(end), values };
}
function clean(value) {
  return Number(value.toPrecision(12));
}
function tickLabel(value) {
  return formatNumber(value);
}
function scale(d0, d1, r0, r1) {
  const span = d1 - d0 || 1;
  return (value) => r0 + (value - d0) / span * (r1 - r0);
}

// src/report/html/escape.ts
function escapeHtml(text) {
  return plainText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function attr(text) {
  return `"${escapeHtml(text)}"`;
}
function px(value) {
  if (!Number.isFinite(value)) return "0";
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}
function shorten(text, max) {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}\u2026`;
}

// src/report/html/chart.ts
var WIDTH = 640;
var HEIGHT = 300;
var MARGIN = { left: 64, right: 16, top: 14, bottom: 44 };
var CHAR_WIDTH = 6.5;
var MAX_LABEL = 18;
var MAX_ROTATED_LABELS = 40;
var hex = (name) => CHART_COLOURS.find((colour) => colour.name === name)?.hex ?? "#000000";
function chartToHtml(chart) {
  const series = [
    ...chart.line ? [{ values: chart.line, colour: "orange", ...chart.names?.line ? { name: chart.names.line } : {} }] : [],
    ...chart.lines ?? []
  ];
  const bounds = (chart.intervals?.bounds ?? []).flatMap((b) => b ? [b.low, b.high] : []);
  const values = [...chart.bars, ...series.flatMap((s) => s.values), ...bounds].filter(Number.isFinite);
  const caption = `<figcaption><strong>${escapeHtml(chart.title)}</strong> ${escapeHtml(chart.caption)}</figcaption>`;
  if (values.length === 0) return `<figure class="chart">${caption}<p class="empty">No values to draw.</p></figure>`;
  return `<figure class="chart">${caption}${chartSvg(chart, series, values)}${legend(chart, series)}</figure>`;
}
function chartSvg(chart, series, values) {
  const count = Math.max(chart.labels.length, chart.bars.length, ...series.map((s) => s.values.length), 1);
  const labels = chart.xAxis ? null : categoryLayout(chart.labels, count);
  const bottom = MARGIN.bottom + (labels?.rotated ? labels.extra : 0);
  const height = HEIGHT + (labels?.rotated ? labels.extra : 0);
  const left = labels?.rotated ? Math.max(MARGIN.left, labels.extra + 8) : MARGIN.left;
  const plot = { left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: height - bottom };
  let [low, high] = chart.bars.length > 0 ? [0, 0] : [Infinity, -Infinity];
  for (const value of values) [low, high] = [Math.min(low, value), Math.max(high, value)];
  const yTicks = chart.range ? ticks(chart.range[0], chart.range[1], 5, true) : ticks(low, high);
  const toY = scale(yTicks.low, yTicks.high, plot.bottom, plot.top);
  const y = (value) => toY(Math.min(yTicks.high, Math.max(yTicks.low, value)));
  const parts = [];
  for (const tick of yTicks.values) {
    const at = px(toY(tick));
    parts.push(`<line class="grid" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${at}" y2="${at}"/>`);
    parts.push(
      `<text class="tick" x="${px(plot.left - 6)}" y="${at}" text-anchor="end" dy="0.32em">${escapeHtml(tickLabel(tick))}</text>`
    );
  }
  const { xOf, band } = xAxis(chart, labels, count, plot, height, parts);
  if (chart.yTitle)
    parts.push(
      `<text class="axis-title" transform="translate(14 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(chart.yTitle)}</text>`
    );
  const zero = y(0);
  const barWidth = Math.min(48, band * 0.7);
  chart.bars.forEach((value, index) => {
    if (!Number.isFinite(value)) return;
    const top = Math.min(y(value), zero);
    const x = xOf(index, chart.bars.length) - barWidth / 2;
    parts.push(
      `<rect class="bar" x="${px(x)}" y="${px(top)}" width="${px(barWidth)}" height="${px(Math.abs(y(value) - zero))}" fill="${hex("blue")}"><title>${escapeHtml(pointName(chart, index, chart.bars.length))}: ${escapeHtml(tickLabel(value))}</title></rect>`
    );
  });
  for (const line of series) parts.push(...polyline(line, (i) => xOf(i, line.values.length), y));
  chart.intervals?.bounds.forEach((interval, index) => {
    if (!interval || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return;
    const length = Math.max(chart.bars.length, chart.intervals?.bounds.length ?? 0);
    const x = px(xOf(index, length));
    const [low2, high2] = [y(interval.low), y(interval.high)];
    const cap = Math.min(10, barWidth / 2);
    const capAt = (at) => `<line x1="${px(Number(x) - cap / 2)}" x2="${px(Number(x) + cap / 2)}" y1="${px(at)}" y2="${px(at)}"/>`;
    parts.push(
      `<g class="interval"><title>${escapeHtml(pointName(chart, index, length))}: ${escapeHtml(tickLabel(interval.low))} to ${escapeHtml(tickLabel(interval.high))}</title><line x1="${x}" x2="${x}" y1="${px(low2)}" y2="${px(high2)}"/>${capAt(low2)}${capAt(high2)}</g>`
    );
  });
  parts.push(
    `<line class="axis" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}"/>`
  );
  parts.push(
    `<line class="axis" x1="${px(plot.left)}" x2="${px(plot.left)}" y1="${px(plot.top)}" y2="${px(plot.bottom)}"/>`
  );
  return `<svg class="plot" viewBox="0 0 ${WIDTH} ${px(height)}" role="img" aria-label=${attr(chart.title)} xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(chart.title)}</title>${parts.join("")}</svg>`;
}
function xAxis(chart, labels, count, plot, height, parts) {
  if (!chart.xAxis) {
    const band = (plot.right - plot.left) / count;
    parts.push(...categoryLabels(labels ?? categoryLayout(chart.labels, count), band, plot.left, plot.bottom));
    return { xOf: (index) => plot.left + band * (index + 0.5), band };
  }
  const xTicks = ticks(chart.xAxis.range[0], chart.xAxis.range[1], 6, true);
  const toX = scale(xTicks.low, xTicks.high, plot.left, plot.right);
  for (const tick of xTicks.values) {
    const at = px(toX(tick));
    parts.push(`<line class="grid" x1="${at}" x2="${at}" y1="${px(plot.top)}" y2="${px(plot.bottom)}"/>`);
    parts.push(
      `<text class="tick" x="${at}" y="${px(plot.bottom + 16)}" text-anchor="middle">${escapeHtml(tickLabel(tick))}</text>`
    );
  }
  parts.push(
    `<text class="axis-title" x="${px((plot.left + plot.right) / 2)}" y="${px(height - 6)}" text-anchor="middle">${escapeHtml(chart.xAxis.title)}</text>`
  );
  const range = chart.xAxis.range;
  return { xOf: (index, length) => toX(xValue(range, index, length)), band: (plot.right - plot.left) / count };
}
function xValue(range, index, length) {
  return length <= 1 ? range[0] : range[0] + index * (range[1] - range[0]) / (length - 1);
}
function pointName(chart, index, length) {
  if (!chart.xAxis) return chart.labels[index] ?? String(index + 1);
  return `${chart.xAxis.title} ${tickLabel(xValue(chart.xAxis.range, index, length))}`;
}
function polyline(line, x, y) {
  const runs = [[]];
  line.values.forEach((value, index) => {
    if (Number.isFinite(value)) runs[runs.length - 1]?.push([x(index), y(value)]);
    else if ((runs[runs.length - 1] ?? []).length > 0) runs.push([]);
  });
  const colour = hex(line.colour);
  const dots = line.values.length <= 40;
  return runs.filter((run) => run.length > 0).flatMap((run) => [
    ...run.length > 1 ? [
      `<polyline class="series" fill="none" stroke="${colour}" points="${run.map(([a, b]) => `${px(a)},${px(b)}`).join(" ")}"/>`
    ] : [],
    ...dots || run.length === 1 ? run.map(([a, b]) => `<circle cx="${px(a)}" cy="${px(b)}" r="2.5" fill="${colour}"/>`) : []
  ]);
}
function categoryLayout(labels, count) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const shown = Array.from({ length: count }, (_, i) => shorten(labels[i] ?? "", MAX_LABEL));
  const longest = Math.max(1, ...shown.map((label) => label.length));
  const rotated = longest * CHAR_WIDTH > plotWidth / count;
  const every = rotated ? Math.ceil(count / MAX_ROTATED_LABELS) : 1;
  return { labels: shown, rotated, every, extra: rotated ? Math.ceil(longest * CHAR_WIDTH * 0.71) : 0 };
}
function categoryLabels(layout, band, left, bottom) {
  return layout.labels.flatMap((label, index) => {
    if (index % layout.every !== 0 || label === "") return [];
    const x = px(left + band * (index + 0.5));
    return layout.rotated ? [
      `<text class="tick" transform="translate(${x} ${px(bottom + 10)}) rotate(-45)" text-anchor="end">${escapeHtml(label)}</text>`
    ] : [`<text class="tick" x="${x}" y="${px(bottom + 16)}" text-anchor="middle">${escapeHtml(label)}</text>`];
  });
}
function legend(chart, series) {
  const item = (colour, shape, text) => `<li><span class="swatch ${shape}" style="background:${colour}"></span>${escapeHtml(text)}</li>`;
  const items = [
    ...chart.bars.length > 0 ? [
      item(
        hex("blue"),
        "box",
        chart.names?.bars ? `${chart.names.bars} (blue)` : `blue bars${chart.yTitle ? `: ${chart.yTitle}` : ""}`
      )
    ] : [],
    ...series.map((s) => item(hex(s.colour), "stroke", s.name ? `${s.name} (${s.colour})` : `${s.colour} line`)),
    ...chart.intervals && chart.intervals.bounds.some(Boolean) ? [`<li><span class="swatch whisker"></span>${escapeHtml(chart.intervals.label)}</li>`] : []
  ];
  return items.length > 0 ? `<ul class="legend">${items.join("")}</ul>` : "";
}

// src/report/html/heatmap.ts
var CHAR_WIDTH2 = 6.5;
var MAX_LABEL2 = 16;
var MAX_WIDTH = 640;
var BLUE = "#2563eb";
function heatmapToHtml(heatmap) {
  const caption = `<figcaption><strong>${escapeHtml(heatmap.title)}</strong> ${escapeHtml(heatmap.caption)}</figcaption>`;
  if (heatmap.rows.length === 0 || heatmap.columns.length === 0)
    return `<figure class="heatmap">${caption}<p class="empty">No cells to draw.</p></figure>`;
  return `<figure class="heatmap">${caption}${heatmapSvg(heatmap)}</figure>`;
}
function heatmapSvg(heatmap) {
  const rows = heatmap.rows.map((label) => shorten(label, MAX_LABEL2));
  const columns = heatmap.columns.map((label) => shorten(label, MAX_LABEL2));
  const longestRow = Math.max(1, ...rows.map((label) => label.length));
  const longestColumn = Math.max(1, ...columns.map((label) => label.length));
  const left = 26 + longestRow * CHAR_WIDTH2 + 8;
  const cell = Math.max(14, Math.min(64, (MAX_WIDTH - left - 12) / columns.length));
  const rotated = longestColumn * CHAR_WIDTH2 > cell - 4;
  const top = 24 + (rotated ? longestColumn * CHAR_WIDTH2 * 0.71 + 8 : 18);
  const width = left + cell * columns.length + 12;
  const height = top + cell * rows.length + 8;
  const parts = [];
  parts.push(
    `<text class="axis-title" x="${px(left + cell * columns.length / 2)}" y="14" text-anchor="middle">${escapeHtml(heatmap.columnTitle)}</text>`
  );
  parts.push(
    `<text class="axis-title" transform="translate(14 ${px(top + cell * rows.length / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(heatmap.rowTitle)}</text>`
  );
  columns.forEach((label, c) => {
    const x = left + cell * (c + 0.5);
    parts.push(
      rotated ? `<text class="tick" transform="translate(${px(x)} ${px(top - 6)}) rotate(-45)" text-anchor="start">${escapeHtml(label)}</text>` : `<text class="tick" x="${px(x)}" y="${px(top - 6)}" text-anchor="middle">${escapeHtml(label)}</text>`
    );
  });
  rows.forEach((label, r) => {
    const y = top + cell * (r + 0.5);
    parts.push(
      `<text class="tick" x="${px(left - 6)}" y="${px(y)}" text-anchor="end" dy="0.32em">${escapeHtml(label)}</text>`
    );
    const counts = heatmap.columns.map((_, c) => heatmap.cells[r]?.[c] ?? 0);
    const total = counts.reduce((sum, value) => sum + (Number.isFinite(value) && value > 0 ? value : 0), 0);
    counts.forEach((count, c) => {
      const share = total > 0 && Number.isFinite(count) && count > 0 ? count / total : 0;
      const x = left + cell * c;
      const tip = `${heatmap.rowTitle} ${heatmap.rows[r] ?? ""}, ${heatmap.columnTitle} ${heatmap.columns[c] ?? ""}: ${countText(count)} (${formatNumber(share * 100)}% of the row)`;
      parts.push(
        `<g><title>${escapeHtml(tip)}</title><rect class="cell" x="${px(x)}" y="${px(top + cell * r)}" width="${px(cell)}" height="${px(cell)}"/>` + (share > 0 ? `<rect x="${px(x)}" y="${px(top + cell * r)}" width="${px(cell)}" height="${px(cell)}" fill="${BLUE}" fill-opacity="${share.toFixed(3)}"/>` : "") + (cell >= 24 ? `<text class="count${share > 0.55 ? " on-dark" : ""}" x="${px(x + cell / 2)}" y="${px(top + cell * (r + 0.5))}" text-anchor="middle" dy="0.32em">${escapeHtml(cellText(count))}</text>` : "") + "</g>"
      );
    });
  });
  return `<svg class="grid-plot" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" role="img" aria-label=${attr(heatmap.title)} xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(heatmap.title)}</title>${parts.join("")}</svg>`;
}
function countText(count) {
  return Number.isInteger(count) ? String(count) : formatNumber(count);
}
function cellText(count) {
  if (!Number.isFinite(count) || Math.abs(count) < 1e5) return countText(count);
  return Math.abs(count) < 1e8 ? `${formatNumber(count / 1e3)}k` : `${formatNumber(count / 1e6)}M`;
}

// src/report/html/markdown.ts
function markdownToHtml(text) {
  const out = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let paragraph = [];
  let list = null;
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
    if (list) {
      const tag = list.ordered ? "ol" : "ul";
      out.push(`<${tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join("")}</${tag}>`);
    }
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      flush();
      const marks = fence[1] ?? "```";
      const code = [];
      for (i++; i < lines.length; i++) {
        const inner = lines[i] ?? "";
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(inner);
        if (close && close[1]?.[0] === marks[0] && (close[1]?.length ?? 0) >= marks.length) break;
        code.push(inner);
      }
      out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(6, 3 + (heading[1]?.length ?? 1));
      out.push(`<h${level}>${inline(heading[2] ?? "")}</h${level}>`);
      continue;
    }
    const item = /^ {0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/.exec(line);
    if (item) {
      const ordered = item[2] !== void 0;
      if (paragraph.length > 0 || list && list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3] ?? "");
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (list) flush();
    paragraph.push(line.trim());
  }
  flush();
  return out.join("\n");
}
function inline(text) {
  const html = [];
  let last = 0;
  for (const span of text.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    html.push(prose(text.slice(last, span.index)));
    const code = span[2] ?? "";
    html.push(`<code>${escapeHtml(/^ .* $/.test(code) ? code.slice(1, -1) : code)}</code>`);
    last = span.index + span[0].length;
  }
  html.push(prose(text.slice(last)));
  return html.join("");
}
function prose(text) {
  const plain = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1").replace(
    /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)/g,
    (_, label, url) => url ? `${label} (${url})` : label
  );
  return escapeHtml(plain).replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>").replace(/__(?=\S)([\s\S]*?\S)__/g, "<strong>$1</strong>").replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, "$1<em>$2</em>").replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1<em>$2</em>");
}

// src/report/html/timeline.ts
var WIDTH2 = 640;
var LANE = 30;
var CHAR_WIDTH3 = 6.5;
var MAX_LANE_LABEL = 18;
var MINUTE = 6e4;
var HOUR = 60 * MINUTE;
var DAY = 24 * HOUR;
var STEPS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY
];
function timelineToHtml(timeline) {
  const caption = `<figcaption><strong>${escapeHtml(timeline.title)}</strong> ${escapeHtml(timeline.caption)}</figcaption>`;
  const unread = [];
  const parsedEnd = Date.parse(timeline.end);
  const placed = timeline.lanes.flatMap(
    (lane, laneIndex) => lane.spans.flatMap((span, index) => {
      const from = Date.parse(span.from);
      const to = span.to === null ? parsedEnd : Date.parse(span.to);
      if (!Number.isFinite(from) || !Number.isFinite(to)) {
        unread.push(`${lane.name}: ${span.label}`);
        return [];
      }
      return [
        {
          lane: laneIndex,
          index,
          label: span.label,
          note: span.note,
          from,
          to: Math.max(from, to),
          open: span.to === null
        }
      ];
    })
  );
  const left = `<p class="empty">Left out, their times unreadable: ${escapeHtml(unread.join("; "))}.</p>`;
  if (placed.length === 0)
    return `<figure class="timeline">${caption}<p class="empty">No spans to draw.</p>${unread.length > 0 ? left : ""}</figure>`;
  return `<figure class="timeline">${caption}${timelineSvg(timeline, placed)}${unread.length > 0 ? left : ""}</figure>`;
}
function timelineSvg(timeline, placed) {
  const names = timeline.lanes.map((lane) => shorten(lane.name, MAX_LANE_LABEL));
  const left = 12 + Math.max(1, ...names.map((name) => name.length)) * CHAR_WIDTH3;
  const right = WIDTH2 - 16;
  const start = Math.min(...placed.map((span) => span.from));
  const end = Math.max(...placed.map((span) => span.to), start + MINUTE);
  const x = scale(start, end, left, right);
  const height = 10 + LANE * names.length + 34;
  const axisY = 10 + LANE * names.length;
  const parts = [];
  for (const [tick, label] of timeTicks(start, end)) {
    const at = px(x(tick));
    parts.push(`<line class="grid" x1="${at}" x2="${at}" y1="6" y2="${px(axisY)}"/>`);
    parts.push(`<text class="tick" x="${at}" y="${px(axisY + 16)}" text-anchor="middle">${escapeHtml(label)}</text>`);
  }
  names.forEach((name, lane) => {
    parts.push(
      `<text class="lane" x="${px(left - 8)}" y="${px(10 + LANE * (lane + 0.5))}" text-anchor="end" dy="0.32em">${escapeHtml(name)}</text>`
    );
  });
  for (const span of placed) {
    const [x0, x1] = [x(span.from), x(span.to)];
    const width = Math.max(2, x1 - x0);
    const y = 10 + LANE * span.lane + 4;
    const colour = CHART_COLOURS[span.index % CHART_COLOURS.length]?.hex ?? "#2563eb";
    const until = span.open ? "now" : new Date(span.to).toISOString();
    const tip = `${timeline.lanes[span.lane]?.name ?? ""}: ${span.label}, ${new Date(span.from).toISOString()} to ${until}${span.note ? ` (${span.note})` : ""}`;
    const fits = Math.floor((width - 8) / CHAR_WIDTH3);
    parts.push(
      `<g class="span${span.open ? " open" : ""}"><title>${escapeHtml(tip)}</title><rect x="${px(x0)}" y="${px(y)}" width="${px(width)}" height="${px(LANE - 8)}" rx="3" fill="${colour}"/>` + (fits >= 2 ? `<text x="${px(x0 + 4)}" y="${px(y + (LANE - 8) / 2)}" dy="0.32em">${escapeHtml(shorten(span.label, fits))}</text>` : "") + "</g>"
    );
  }
  parts.push(`<line class="axis" x1="${px(left)}" x2="${px(right)}" y1="${px(axisY)}" y2="${px(axisY)}"/>`);
  return `<svg class="plot" viewBox="0 0 ${WIDTH2} ${px(height)}" role="img" aria-label=${attr(timeline.title)} xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(timeline.title)}</title>${parts.join("")}</svg>`;
}
function timeTicks(start, end) {
  const step = STEPS.find((candidate) => (end - start) / candidate <= 6);
  if (step !== void 0) {
    const ticks3 = [];
    for (let tick = Math.ceil(start / step) * step; tick <= end; tick += step) {
      const iso = new Date(tick).toISOString();
      ticks3.push([tick, step >= DAY ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`]);
    }
    return ticks3;
  }
  const months = (end - start) / (30.44 * DAY);
  const every = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200].find((candidate) => months / candidate <= 6) ?? 12 * 10 ** Math.ceil(Math.log10(months / 72));
  const first = new Date(start);
  let index = first.getUTCFullYear() * 12 + first.getUTCMonth();
  if (Date.UTC(Math.floor(index / 12), index % 12) < start) index++;
  index = Math.ceil(index / every) * every;
  const ticks2 = [];
  for (; ; index += every) {
    const tick = Date.UTC(Math.floor(index / 12), index % 12);
    if (tick > end) break;
    const iso = new Date(tick).toISOString();
    ticks2.push([tick, every >= 12 ? iso.slice(0, 4) : iso.slice(0, 7)]);
  }
  return ticks2;
}

// src/report/html/blocks.ts
function blockToHtml(block) {
  switch (block.kind) {
    case "text":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "table":
      return tableToHtml(block.table);
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "details":
      return `<details><summary>${escapeHtml(block.summary)}</summary>
${block.blocks.map(blockToHtml).join("\n")}
</details>`;
    case "chart":
      return chartToHtml(block.chart);
    case "markdown":
      return `<section class="user-markdown"><h3>${escapeHtml(block.title)}</h3>
${markdownToHtml(block.text)}
</section>`;
    case "link":
      return isSafeUrl(block.url) ? `<p><a href=${attr(block.url)}>${escapeHtml(block.text)}</a></p>` : `<p>${escapeHtml(`${block.text}: ${block.url}`)}</p>`;
    case "heatmap":
      return heatmapToHtml(block.heatmap);
    case "timeline":
      return timelineToHtml(block.timeline);
  }
}
function tableToHtml(table) {
  const align = (i) => table.align?.[i] === "right" ? ' class="num"' : "";
  const head = table.headers.map((header, i) => `<th${align(i)}>${escapeHtml(clip(header))}</th>`).join("");
  const body = table.rows.map(
    (row) => `<tr>${table.headers.map((_, i) => `<td${align(i)}>${escapeHtml(clip(row[i] ?? ""))}</td>`).join("")}</tr>`
  ).join("\n");
  return `<div class="table-box"><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>`;
}

// src/report/html/styles.ts
var STYLES = `
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --grid: #e6eaef;
  --cell: #f6f8fa; --accent: #0969da;
  --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --grid: #262c36;
    --cell: #151b23; --accent: #4493f8;
    --pass: #3fb950; --fail: #f85149; --warn: #d29922;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg);
  /* A long unbroken value (a path, a hash) wraps rather than widening the page. */
  overflow-wrap: anywhere;
}
th, td { overflow-wrap: normal; }
header { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
header p { margin: .2rem 0; color: var(--muted); }
nav ol { padding-left: 1.4rem; columns: 2 18rem; }
a { color: var(--accent); }
section.report { border-top: 1px solid var(--line); padding-top: .5rem; margin-top: 1.5rem; }
h2 { font-size: 1.3rem; margin: .5rem 0; }
h2 .status { font-size: .85rem; font-weight: 600; padding: .1rem .5rem; border-radius: 1rem; border: 1px solid currentColor; margin-left: .4rem; vertical-align: middle; }
.status.pass, .status.ok { color: var(--pass); }
.status.fail, .status.failed, .status.error { color: var(--fail); }
.status.warn { color: var(--warn); }
.status.skipped { color: var(--muted); }
.headline { color: var(--muted); margin-top: 0; }
.table-box { overflow-x: auto; max-width: 100%; margin: .75rem 0; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; font-size: .85rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
p code, li code { background: var(--panel); padding: 0 .25rem; border-radius: 4px; }
details { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .75rem; margin: .75rem 0; }
summary { cursor: pointer; font-weight: 600; }
figure { margin: 1rem 0; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); max-width: 100%; overflow-x: auto; }
figcaption { margin-bottom: .5rem; }
figcaption strong { display: block; }
svg.plot { display: block; width: 100%; max-width: 760px; height: auto; }
svg.grid-plot { display: block; max-width: 100%; height: auto; }
svg text { fill: var(--fg); font-size: 11px; font-family: system-ui, sans-serif; }
svg .tick { fill: var(--muted); }
svg .axis-title { font-size: 12px; font-weight: 600; }
svg .grid { stroke: var(--grid); stroke-width: 1; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .series { stroke-width: 2; stroke-linejoin: round; }
svg .interval line { stroke: var(--fg); stroke-width: 1.5; }
svg .cell { fill: var(--cell); stroke: var(--line); }
svg .count { font-size: 12px; }
svg .count.on-dark { fill: #ffffff; }
svg .span text { fill: #ffffff; font-size: 11px; }
svg .span.open rect { fill-opacity: .6; stroke: var(--fg); stroke-dasharray: 4 3; }
svg .lane { font-weight: 600; }
ul.legend { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .85rem; }
.swatch { display: inline-block; width: 14px; margin-right: .4rem; vertical-align: middle; }
.swatch.box { height: 10px; }
.swatch.stroke { height: 3px; }
.swatch.whisker { height: 12px; width: 8px; border: 1.5px solid var(--fg); border-left: none; border-right: none; background: linear-gradient(var(--fg), var(--fg)) center / 1.5px 100% no-repeat; }
.empty { color: var(--muted); font-style: italic; }
.user-markdown { border-left: 3px solid var(--line); padding-left: .75rem; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  figure, table, pre { break-inside: avoid; }
  section.report { break-before: auto; }
  .table-box, pre, figure { overflow: visible; }
  /* On paper nobody can click a summary: the numbers behind each figure print open (where the browser can). */
  details::details-content { content-visibility: visible; display: contents; }
  a { color: inherit; }
}
`;

// src/report/html/document.ts
var CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
function renderHtmlDocument(document) {
  const ids = sectionIds(document.sections);
  const contents = document.sections.map(
    (section, i) => `<li><a href="#${ids[i] ?? ""}">${STATUS_MARK[section.status]} ${escapeHtml(section.title)}: ${escapeHtml(section.status)}</a></li>`
  ).join("\n");
  const body = document.sections.map((section, i) => sectionToHtml(section, ids[i] ?? `section-${i + 1}`)).join("\n");
  const notes = (document.notes ?? []).map((note) => `<li>${escapeHtml(note)}</li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content=${attr(CONTENT_SECURITY_POLICY)}>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(document.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>${escapeHtml(document.title)}</h1>
${document.subtitle ? `<p class="subtitle">${escapeHtml(document.subtitle)}</p>
` : ""}<p>Generated <time datetime=${attr(document.generated)}>${escapeHtml(readableTime(document.generated))}</time> by mlops-kit.</p>
</header>
${document.sections.length > 0 ? `<nav aria-label="Contents"><ol>
${contents}
</ol></nav>
` : ""}<main>
${body}
</main>
${notes ? `<footer><ul>${notes}</ul></footer>
` : ""}</body>
</html>
`;
}
function sectionToHtml(section, id) {
  return [
    `<section class="report" id="${id}">`,
    `<h2>${STATUS_MARK[section.status]} ${escapeHtml(section.title)} <span class="status ${section.status}">${escapeHtml(section.status)}</span></h2>`,
    section.headline ? `<p class="headline">${escapeHtml(section.headline)}</p>` : "",
    ...section.blocks.map(blockToHtml),
    "</section>"
  ].filter(Boolean).join("\n");
}
function sectionIds(sections) {
  return sections.map((section, i) => {
    const slug = section.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    return `s${i + 1}${slug ? `-${slug}` : ""}`;
  });
}
function readableTime(iso) {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  const text = new Date(time).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

export {
  renderHtmlDocument
};
