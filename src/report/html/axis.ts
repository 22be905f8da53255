import { formatNumber } from "../format.ts";

/** Numeric axes: a range that holds the data, rounded outwards to a step of 1, 2 or 5 times a power of ten. */

export interface Ticks {
  low: number;
  high: number;
  values: number[];
}

/** A step of 1, 2, 2.5 or 5 × 10^k near `span / count`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks for values between `low` and `high`. With `fixed` the range is kept as given (a share stays 0 to 1) and the
 * ticks fall inside it; otherwise it grows out to the nearest ticks. A flat or empty range is widened so the axis
 * still has a length.
 */
export function ticks(low: number, high: number, count = 5, fixed = false): Ticks {
  let [a, b] = Number.isFinite(low) && Number.isFinite(high) ? [low, high] : [0, 1];
  if (a > b) [a, b] = [b, a];
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
    [a, b] = [a - pad, b + pad];
  }
  const step = niceStep(b - a, count);
  const start = fixed ? Math.ceil(a / step - 1e-9) * step : Math.floor(a / step + 1e-9) * step;
  const end = fixed ? Math.floor(b / step + 1e-9) * step : Math.ceil(b / step - 1e-9) * step;
  const values: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9 && i < 50; i++) values.push(clean(start + i * step));
  return fixed ? { low: a, high: b, values } : { low: clean(start), high: clean(end), values };
}

/** Floating-point noise off a tick (0.30000000000000004 → 0.3). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** A tick's label: the report's number format (4 significant digits). */
export function tickLabel(value: number): string {
  return formatNumber(value);
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}
