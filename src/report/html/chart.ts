import { type Chart, CHART_COLOURS, type ChartColour } from "../blocks.ts";
import { scale, tickLabel, ticks } from "./axis.ts";
import { attr, escapeHtml, px, shorten } from "./escape.ts";

/**
 * A {@link Chart} as an inline SVG plot inside a <figure>: axes with ticks and gridlines, a numeric or categorical x
 * axis, blue bars, the orange `line`, the named-colour `lines`, error bars from `intervals`, and a legend. Values that
 * are not finite are left out (a line breaks there), so no attribute reads NaN. The size is fixed by the number of
 * points the chart holds, which its maker resampled: nothing here grows with the number of predictions.
 */

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { left: 64, right: 16, top: 14, bottom: 44 };
/** Below this many characters per category a label stays level; past it labels turn 45°. */
const CHAR_WIDTH = 6.5;
const MAX_LABEL = 18;
const MAX_ROTATED_LABELS = 40;

const hex = (name: ChartColour): string => CHART_COLOURS.find((colour) => colour.name === name)?.hex ?? "#000000";

interface Series {
  values: number[];
  colour: ChartColour;
  name?: string;
}

export function chartToHtml(chart: Chart): string {
  const series: Series[] = [
    ...(chart.line
      ? [{ values: chart.line, colour: "orange" as const, ...(chart.names?.line ? { name: chart.names.line } : {}) }]
      : []),
    ...(chart.lines ?? []),
  ];
  const bounds = (chart.intervals?.bounds ?? []).flatMap((b) => (b ? [b.low, b.high] : []));
  const values = [...chart.bars, ...series.flatMap((s) => s.values), ...bounds].filter(Number.isFinite);
  const caption = `<figcaption><strong>${escapeHtml(chart.title)}</strong> ${escapeHtml(chart.caption)}</figcaption>`;
  if (values.length === 0) return `<figure class="chart">${caption}<p class="empty">No values to draw.</p></figure>`;
  return `<figure class="chart">${caption}${chartSvg(chart, series, values)}${legend(chart, series)}</figure>`;
}

function chartSvg(chart: Chart, series: Series[], values: number[]): string {
  const count = Math.max(chart.labels.length, chart.bars.length, ...series.map((s) => s.values.length), 1);
  const labels = chart.xAxis ? null : categoryLayout(chart.labels, count);
  const bottom = MARGIN.bottom + (labels?.rotated ? labels.extra : 0);
  const height = HEIGHT + (labels?.rotated ? labels.extra : 0);
  // A turned first label reaches left of its band by about its drawn width: room for it inside the drawing.
  const left = labels?.rotated ? Math.max(MARGIN.left, labels.extra + 8) : MARGIN.left;
  const plot = { left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: height - bottom };
  // Bars stand on 0, so a range from the data holds it. A loop, not Math.min(...values): no limit on the count.
  let [low, high] = chart.bars.length > 0 ? [0, 0] : [Infinity, -Infinity];
  for (const value of values) [low, high] = [Math.min(low, value), Math.max(high, value)];
  const yTicks = chart.range ? ticks(chart.range[0], chart.range[1], 5, true) : ticks(low, high);
  const toY = scale(yTicks.low, yTicks.high, plot.bottom, plot.top);
  const y = (value: number): number => toY(Math.min(yTicks.high, Math.max(yTicks.low, value)));
  const parts: string[] = [];

  // y axis: gridlines and labels.
  for (const tick of yTicks.values) {
    const at = px(toY(tick));
    parts.push(`<line class="grid" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${at}" y2="${at}"/>`);
    parts.push(
      `<text class="tick" x="${px(plot.left - 6)}" y="${at}" text-anchor="end" dy="0.32em">${escapeHtml(tickLabel(tick))}</text>`,
    );
  }

  const { xOf, band } = xAxis(chart, labels, count, plot, height, parts);
  if (chart.yTitle)
    parts.push(
      `<text class="axis-title" transform="translate(14 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(chart.yTitle)}</text>`,
    );

  // Bars from 0 (or from the axis' end nearer 0 when 0 is off the range).
  const zero = y(0);
  const barWidth = Math.min(48, band * 0.7);
  chart.bars.forEach((value, index) => {
    if (!Number.isFinite(value)) return;
    const top = Math.min(y(value), zero);
    const x = xOf(index, chart.bars.length) - barWidth / 2;
    parts.push(
      `<rect class="bar" x="${px(x)}" y="${px(top)}" width="${px(barWidth)}" height="${px(Math.abs(y(value) - zero))}" fill="${hex("blue")}"><title>${escapeHtml(pointName(chart, index, chart.bars.length))}: ${escapeHtml(tickLabel(value))}</title></rect>`,
    );
  });

  for (const line of series) parts.push(...polyline(line, (i) => xOf(i, line.values.length), y));

  chart.intervals?.bounds.forEach((interval, index) => {
    if (!interval || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return;
    const length = Math.max(chart.bars.length, chart.intervals?.bounds.length ?? 0);
    const x = px(xOf(index, length));
    const [low, high] = [y(interval.low), y(interval.high)];
    const cap = Math.min(10, barWidth / 2);
    const capAt = (at: number): string =>
      `<line x1="${px(Number(x) - cap / 2)}" x2="${px(Number(x) + cap / 2)}" y1="${px(at)}" y2="${px(at)}"/>`;
    parts.push(
      `<g class="interval"><title>${escapeHtml(pointName(chart, index, length))}: ${escapeHtml(tickLabel(interval.low))} to ${escapeHtml(tickLabel(interval.high))}</title><line x1="${x}" x2="${x}" y1="${px(low)}" y2="${px(high)}"/>${capAt(low)}${capAt(high)}</g>`,
    );
  });

  parts.push(
    `<line class="axis" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}"/>`,
  );
  parts.push(
    `<line class="axis" x1="${px(plot.left)}" x2="${px(plot.left)}" y1="${px(plot.top)}" y2="${px(plot.bottom)}"/>`,
  );
  return `<svg class="plot" viewBox="0 0 ${WIDTH} ${px(height)}" role="img" aria-label=${attr(chart.title)} xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(chart.title)}</title>${parts.join("")}</svg>`;
}

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The x axis, drawn into `parts`: numeric (ticks over `xAxis.range`, the points evenly spaced across it) or one band
 * per category. Returns where the index-th of `length` points sits, and the width of a band.
 */
function xAxis(
  chart: Chart,
  labels: CategoryLayout | null,
  count: number,
  plot: Plot,
  height: number,
  parts: string[],
): { xOf: (index: number, length: number) => number; band: number } {
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
      `<text class="tick" x="${at}" y="${px(plot.bottom + 16)}" text-anchor="middle">${escapeHtml(tickLabel(tick))}</text>`,
    );
  }
  parts.push(
    `<text class="axis-title" x="${px((plot.left + plot.right) / 2)}" y="${px(height - 6)}" text-anchor="middle">${escapeHtml(chart.xAxis.title)}</text>`,
  );
  const range = chart.xAxis.range;
  return { xOf: (index, length) => toX(xValue(range, index, length)), band: (plot.right - plot.left) / count };
}

/** The x value of the index-th of `length` points spread evenly over `range`. */
function xValue(range: [number, number], index: number, length: number): number {
  return length <= 1 ? range[0] : range[0] + (index * (range[1] - range[0])) / (length - 1);
}

/** What a point is called in its tooltip: its category, or its x value. */
function pointName(chart: Chart, index: number, length: number): string {
  if (!chart.xAxis) return chart.labels[index] ?? String(index + 1);
  return `${chart.xAxis.title} ${tickLabel(xValue(chart.xAxis.range, index, length))}`;
}

/** A line through the finite points, broken where a value is missing; lone points drawn as dots. */
function polyline(line: Series, x: (index: number) => number, y: (value: number) => number): string[] {
  const runs: [number, number][][] = [[]];
  line.values.forEach((value, index) => {
    if (Number.isFinite(value)) runs[runs.length - 1]?.push([x(index), y(value)]);
    else if ((runs[runs.length - 1] ?? []).length > 0) runs.push([]);
  });
  const colour = hex(line.colour);
  const dots = line.values.length <= 40;
  return runs
    .filter((run) => run.length > 0)
    .flatMap((run) => [
      ...(run.length > 1
        ? [
            `<polyline class="series" fill="none" stroke="${colour}" points="${run.map(([a, b]) => `${px(a)},${px(b)}`).join(" ")}"/>`,
          ]
        : []),
      ...(dots || run.length === 1
        ? run.map(([a, b]) => `<circle cx="${px(a)}" cy="${px(b)}" r="2.5" fill="${colour}"/>`)
        : []),
    ]);
}

interface CategoryLayout {
  labels: string[];
  rotated: boolean;
  /** Every how-many-th label is written (1: all). */
  every: number;
  /** Extra height below the plot for turned labels. */
  extra: number;
}

/** Level labels when they fit their band, else turned 45° and, past {@link MAX_ROTATED_LABELS}, thinned. */
function categoryLayout(labels: string[], count: number): CategoryLayout {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const shown = Array.from({ length: count }, (_, i) => shorten(labels[i] ?? "", MAX_LABEL));
  const longest = Math.max(1, ...shown.map((label) => label.length));
  const rotated = longest * CHAR_WIDTH > plotWidth / count;
  const every = rotated ? Math.ceil(count / MAX_ROTATED_LABELS) : 1;
  return { labels: shown, rotated, every, extra: rotated ? Math.ceil(longest * CHAR_WIDTH * 0.71) : 0 };
}

function categoryLabels(layout: CategoryLayout, band: number, left: number, bottom: number): string[] {
  return layout.labels.flatMap((label, index) => {
    if (index % layout.every !== 0 || label === "") return [];
    const x = px(left + band * (index + 0.5));
    return layout.rotated
      ? [
          `<text class="tick" transform="translate(${x} ${px(bottom + 10)}) rotate(-45)" text-anchor="end">${escapeHtml(label)}</text>`,
        ]
      : [`<text class="tick" x="${x}" y="${px(bottom + 16)}" text-anchor="middle">${escapeHtml(label)}</text>`];
  });
}

/** What each colour is: a line's name when it has one, else its colour (the caption then says what it means). */
function legend(chart: Chart, series: Series[]): string {
  const item = (colour: string, shape: string, text: string): string =>
    `<li><span class="swatch ${shape}" style="background:${colour}"></span>${escapeHtml(text)}</li>`;
  const items = [
    ...(chart.bars.length > 0
      ? [
          item(
            hex("blue"),
            "box",
            chart.names?.bars ? `${chart.names.bars} (blue)` : `blue bars${chart.yTitle ? `: ${chart.yTitle}` : ""}`,
          ),
        ]
      : []),
    ...series.map((s) => item(hex(s.colour), "stroke", s.name ? `${s.name} (${s.colour})` : `${s.colour} line`)),
    ...(chart.intervals && chart.intervals.bounds.some(Boolean)
      ? [`<li><span class="swatch whisker"></span>${escapeHtml(chart.intervals.label)}</li>`]
      : []),
  ];
  return items.length > 0 ? `<ul class="legend">${items.join("")}</ul>` : "";
}
