import { CHART_COLOURS, type Timeline } from "../blocks.ts";
import { attr, escapeHtml, px, shorten } from "./escape.ts";
import { scale } from "./axis.ts";

/**
 * A {@link Timeline} (which version each alias held, and when) as SVG lanes on a time axis that ends at the
 * timeline's `end`: one lane per name, a labelled bar per span, the span that still holds drawn open up to the end.
 * Spans whose times cannot be read are left out and named in a line under the figure.
 */

const WIDTH = 640;
const LANE = 30;
const CHAR_WIDTH = 6.5;
const MAX_LANE_LABEL = 18;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
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
  14 * DAY,
];

interface Placed {
  lane: number;
  index: number;
  label: string;
  note?: string;
  from: number;
  to: number;
  open: boolean;
}

export function timelineToHtml(timeline: Timeline): string {
  const caption = `<figcaption><strong>${escapeHtml(timeline.title)}</strong> ${escapeHtml(timeline.caption)}</figcaption>`;
  const unread: string[] = [];
  const parsedEnd = Date.parse(timeline.end);
  const placed: Placed[] = timeline.lanes.flatMap((lane, laneIndex) =>
    lane.spans.flatMap((span, index) => {
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
          open: span.to === null,
        },
      ];
    }),
  );
  const left = `<p class="empty">Left out, their times unreadable: ${escapeHtml(unread.join("; "))}.</p>`;
  if (placed.length === 0)
    return `<figure class="timeline">${caption}<p class="empty">No spans to draw.</p>${unread.length > 0 ? left : ""}</figure>`;
  return `<figure class="timeline">${caption}${timelineSvg(timeline, placed)}${unread.length > 0 ? left : ""}</figure>`;
}

function timelineSvg(timeline: Timeline, placed: Placed[]): string {
  const names = timeline.lanes.map((lane) => shorten(lane.name, MAX_LANE_LABEL));
  const left = 12 + Math.max(1, ...names.map((name) => name.length)) * CHAR_WIDTH;
  const right = WIDTH - 16;
  const start = Math.min(...placed.map((span) => span.from));
  const end = Math.max(...placed.map((span) => span.to), start + MINUTE);
  const x = scale(start, end, left, right);
  const height = 10 + LANE * names.length + 34;
  const axisY = 10 + LANE * names.length;
  const parts: string[] = [];
  for (const [tick, label] of timeTicks(start, end)) {
    const at = px(x(tick));
    parts.push(`<line class="grid" x1="${at}" x2="${at}" y1="6" y2="${px(axisY)}"/>`);
    parts.push(`<text class="tick" x="${at}" y="${px(axisY + 16)}" text-anchor="middle">${escapeHtml(label)}</text>`);
  }
  names.forEach((name, lane) => {
    parts.push(
      `<text class="lane" x="${px(left - 8)}" y="${px(10 + LANE * (lane + 0.5))}" text-anchor="end" dy="0.32em">${escapeHtml(name)}</text>`,
    );
  });
  for (const span of placed) {
    const [x0, x1] = [x(span.from), x(span.to)];
    const width = Math.max(2, x1 - x0);
    const y = 10 + LANE * span.lane + 4;
    const colour = CHART_COLOURS[span.index % CHART_COLOURS.length]?.hex ?? "#2563eb";
    const until = span.open ? "now" : new Date(span.to).toISOString();
    const tip = `${timeline.lanes[span.lane]?.name ?? ""}: ${span.label}, ${new Date(span.from).toISOString()} to ${until}${span.note ? ` (${span.note})` : ""}`;
    const fits = Math.floor((width - 8) / CHAR_WIDTH);
    parts.push(
      `<g class="span${span.open ? " open" : ""}"><title>${escapeHtml(tip)}</title>` +
        `<rect x="${px(x0)}" y="${px(y)}" width="${px(width)}" height="${px(LANE - 8)}" rx="3" fill="${colour}"/>` +
        (fits >= 2
          ? `<text x="${px(x0 + 4)}" y="${px(y + (LANE - 8) / 2)}" dy="0.32em">${escapeHtml(shorten(span.label, fits))}</text>`
          : "") +
        "</g>",
    );
  }
  parts.push(`<line class="axis" x1="${px(left)}" x2="${px(right)}" y1="${px(axisY)}" y2="${px(axisY)}"/>`);
  return `<svg class="plot" viewBox="0 0 ${WIDTH} ${px(height)}" role="img" aria-label=${attr(timeline.title)} xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(timeline.title)}</title>${parts.join("")}</svg>`;
}

/**
 * At most about six ticks between `start` and `end` (UTC): at round minutes, hours or days for spans up to a couple of
 * months, else at the first of every 1, 3 or 6 months, or of every 1, 2, 5, 10... years.
 */
export function timeTicks(start: number, end: number): [number, string][] {
  const step = STEPS.find((candidate) => (end - start) / candidate <= 6);
  if (step !== undefined) {
    const ticks: [number, string][] = [];
    for (let tick = Math.ceil(start / step) * step; tick <= end; tick += step) {
      const iso = new Date(tick).toISOString();
      ticks.push([tick, step >= DAY ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`]);
    }
    return ticks;
  }
  const months = (end - start) / (30.44 * DAY);
  const every =
    [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200].find((candidate) => months / candidate <= 6) ??
    12 * 10 ** Math.ceil(Math.log10(months / 72));
  const first = new Date(start);
  let index = first.getUTCFullYear() * 12 + first.getUTCMonth();
  if (Date.UTC(Math.floor(index / 12), index % 12) < start) index++;
  index = Math.ceil(index / every) * every;
  const ticks: [number, string][] = [];
  for (; ; index += every) {
    const tick = Date.UTC(Math.floor(index / 12), index % 12);
    if (tick > end) break;
    const iso = new Date(tick).toISOString();
    ticks.push([tick, every >= 12 ? iso.slice(0, 4) : iso.slice(0, 7)]);
  }
  return ticks;
}
