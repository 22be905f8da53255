/**
 * Monitoring windows by timestamp (DOMAIN.md §7), all in UTC, so daylight saving never moves a boundary while an
 * offset written in a timestamp always does: `2026-03-29T01:30:00+02:00` is 23:30 UTC on the 28th and falls in the
 * 28th's daily window.
 *
 * Timestamps are read as logs carry them:
 * - ISO 8601 / RFC 3339 text with a UTC offset or `Z`: `2026-03-28T23:30:00Z`, `2026-03-29T01:30:00.250+02:00`,
 *   `+0200` and `+02` too, a space in place of the `T`, any number of fractional-second digits (kept to the
 *   millisecond, truncated). A leap second (`:60`) counts as the next second's start.
 * - A date alone, `2026-03-28`, as midnight UTC that day.
 * - A number (or text that is only a number, as CSV holds it) as time since 1970-01-01T00:00:00Z in the declared
 *   unit, seconds or milliseconds. The unit is declared rather than guessed from the size of the number: a guess
 *   would misread a millisecond count from early 1970 or a second count far in the future, and a wrong guess moves
 *   every row by a factor of 1,000. A wrong declaration shows at once: milliseconds read as seconds land tens of
 *   thousands of years ahead and are counted as in the future.
 * Anything else is counted as unparseable, never thrown: a date and time without an offset (its zone is unknown), an
 * impossible date (2026-02-29), an instant outside the years 0001-9999. Text of digits alone is a number, so a
 * basic-format date (20260328) is read as an epoch count, not a date: log dates in the extended format.
 */

export type WindowSize = "hour" | "day" | "week";
export type EpochUnit = "seconds" | "milliseconds";

/** A window: its key, and its start (inclusive) and end (exclusive) in milliseconds since 1970-01-01T00:00:00Z. */
export interface TimeWindow {
  /** `2026-03-28T23` (hour), `2026-03-28` (day) or `2026-W13` (ISO 8601 week: week-year and week, Monday first). */
  key: string;
  start: number;
  end: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Timestamps lie in the years 0001 to 9999, the four-digit years of ISO 8601, so that every window has a key of the
 * same shape; 0001-01-01 is a Monday, so no week of the range belongs to year 0.
 */
const FIRST_INSTANT = -62_135_596_800_000;
const END_OF_RANGE = 253_402_300_800_000;

export type ParsedTimestamp = { ms: number } | { unparseable: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads one timestamp as the header of this module describes; never throws. */
export function parseTimestamp(value: string | number | null | undefined, unit: EpochUnit): ParsedTimestamp {
  if (value === null || value === undefined) return { unparseable: "it is empty" };
  if (typeof value === "number") return fromEpoch(value, unit);
  const text = value.trim();
  if (text === "") return { unparseable: "it is empty" };
  if (NUMBER.test(text)) return fromEpoch(Number(text), unit);
  const match = ISO.exec(text);
  if (!match) return { unparseable: "it is neither ISO 8601 (2026-03-28T23:30:00Z) nor a number" };
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return { unparseable: `there is no date ${y}-${month}-${day}` };
  const midnight = daysFromCivil(y, m, d) * DAY;
  if (hour === undefined) return { ms: midnight };
  if (offset === undefined) {
    return { unparseable: "it has a time but no UTC offset, so its zone is unknown: add Z or +hh:mm" };
  }
  const [h, min, s] = [Number(hour), Number(minute), Number(second ?? 0)];
  if (h > 23 || min > 59 || s > 60) return { unparseable: `there is no time ${hour}:${minute}:${second ?? "00"}` };
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return { unparseable: `the offset ${offset} is not one (hours 00-23, minutes 00-59)` };
  const ms = midnight + h * HOUR + min * 60_000 + s * 1000 + millis - offsetMinutes * 60_000;
  // An offset can carry the first or last hours of the range past its ends.
  return ms >= FIRST_INSTANT && ms < END_OF_RANGE
    ? { ms }
    : { unparseable: "it is not between the years 0001 and 9999 in UTC" };
}

function fromEpoch(value: number, unit: EpochUnit): ParsedTimestamp {
  const ms = unit === "seconds" ? value * 1000 : value;
  if (!(ms >= FIRST_INSTANT && ms < END_OF_RANGE)) {
    return { unparseable: `${value} ${unit} since 1970 is not between the years 0001 and 9999` };
  }
  return { ms: Math.floor(ms) };
}

/** Minutes east of UTC; null when out of range. */
function parseOffset(offset: string): number | null {
  if (offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): integer arithmetic, so
 * no Date quirk (Date.UTC reads years 0-99 as 1900-1999) can move a window.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The window of `size` that holds the instant `ms` (milliseconds since 1970-01-01T00:00:00Z). */
export function windowOf(ms: number, size: WindowSize): TimeWindow {
  if (size === "hour") {
    const start = Math.floor(ms / HOUR) * HOUR;
    return { key: isoUtc(start).slice(0, 13), start, end: start + HOUR };
  }
  const days = Math.floor(ms / DAY);
  if (size === "day") return { key: isoUtc(days * DAY).slice(0, 10), start: days * DAY, end: (days + 1) * DAY };
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
  const monday = days - ((((days + 3) % 7) + 7) % 7);
  // ISO 8601: a week belongs to the year that holds its Thursday, and week 1 is the one with that year's first Thursday.
  const thursday = monday + 3;
  const weekYear = Number(isoUtc(thursday * DAY).slice(0, 4));
  const week = Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1;
  return {
    key: `${String(weekYear).padStart(4, "0")}-W${String(week).padStart(2, "0")}`,
    start: monday * DAY,
    end: (monday + 7) * DAY,
  };
}

/** An instant as ISO 8601 in UTC with milliseconds, `2026-03-28T23:30:00.000Z`. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** A row whose timestamp was not placed in a window, for the message that counts them. */
export interface SkippedRow {
  /** 1-based, as the rows of the log were given. */
  row: number;
  value: string;
  reason: string;
}

export interface WindowAssignment {
  size: WindowSize;
  /** For each row, its index in `windows`, or -1 when its timestamp is unparseable or in the future. */
  windowOf: Int32Array;
  /** The windows that hold at least one row, oldest first, with their row counts. */
  windows: (TimeWindow & { rows: number })[];
  /** Rows whose timestamp could not be read: how many, and the first few with why. */
  unparseable: { count: number; examples: SkippedRow[] };
  /** Rows stamped after `now` (a clock ahead, or the wrong epoch unit): how many, and the first few. */
  future: { count: number; examples: SkippedRow[] };
}

/** How many skipped rows each count shows. */
export const SKIPPED_EXAMPLES = 5;

/**
 * Places each row in the window of its timestamp. Unparseable timestamps and timestamps after `now` (injected, in
 * milliseconds since 1970) are counted with a few examples rather than thrown: one bad line must not hide a day.
 */
export function assignWindows(
  timestamps: ArrayLike<string | number | null | undefined>,
  options: { size: WindowSize; unit: EpochUnit; now: number },
): WindowAssignment {
  const rows = new Int32Array(timestamps.length);
  const byStart = new Map<number, TimeWindow & { rows: number }>();
  const unparseable = { count: 0, examples: [] as SkippedRow[] };
  const future = { count: 0, examples: [] as SkippedRow[] };
  const skip = (into: typeof unparseable, i: number, reason: string): void => {
    rows[i] = -1;
    into.count++;
    if (into.examples.length < SKIPPED_EXAMPLES) {
      into.examples.push({ row: i + 1, value: String(timestamps[i] ?? ""), reason });
    }
  };
  // Row -> window start first; indices are handed out once the windows are known and sorted.
  const starts = new Float64Array(timestamps.length);
  for (let i = 0; i < timestamps.length; i++) {
    const parsed = parseTimestamp(timestamps[i], options.unit);
    if ("unparseable" in parsed) {
      skip(unparseable, i, parsed.unparseable);
      continue;
    }
    if (parsed.ms > options.now) {
      skip(future, i, `it is after the run's time, ${isoUtc(options.now)}`);
      continue;
    }
    const window = byStart.get(windowStart(parsed.ms, options.size)) ?? {
      ...windowOf(parsed.ms, options.size),
      rows: 0,
    };
    window.rows++;
    byStart.set(window.start, window);
    starts[i] = window.start;
  }
  const windows = [...byStart.values()].sort((a, b) => a.start - b.start);
  const index = new Map(windows.map((window, i) => [window.start, i]));
  for (let i = 0; i < rows.length; i++) if (rows[i] !== -1) rows[i] = index.get(starts[i] ?? 0) ?? -1;
  return { size: options.size, windowOf: rows, windows, unparseable, future };
}

/** The start of the window of `size` holding `ms`, without building its key (the per-row hot path). */
function windowStart(ms: number, size: WindowSize): number {
  if (size === "hour") return Math.floor(ms / HOUR) * HOUR;
  const days = Math.floor(ms / DAY);
  if (size === "day") return days * DAY;
  return (days - ((((days + 3) % 7) + 7) % 7)) * DAY;
}

/**
 * Labels of a window's predictions are expected to arrive from the window's start until its end plus the label
 * delay; once `now` reaches that instant the window is complete for labels, and before it a window's realised
 * metrics are marked incomplete, never reported as final (DOMAIN.md §7).
 */
export function labelCompleteness(
  window: TimeWindow,
  delayMs: number,
  now: number,
): { complete: boolean; completeAt: number } {
  if (!(delayMs >= 0)) throw new RangeError(`a label delay is zero or more milliseconds, not ${delayMs}`);
  const completeAt = window.end + delayMs;
  return { complete: now >= completeAt, completeAt };
}

/**
 * The windows whose labels may arrive at `arrivalMs` with the given delay: every window W with
 * W.start <= arrival < W.end + delay, which are those from the window of (arrival - delay) to the window of the
 * arrival. A label file partitioned by arrival date feeds these windows only, so a run reads labels window by
 * window. A label is joined to its prediction by id; this says where to look for it, not which prediction it is.
 */
export function windowsForLabelArrival(
  arrivalMs: number,
  size: WindowSize,
  delayMs: number,
): { first: TimeWindow; last: TimeWindow } {
  if (!(delayMs >= 0)) throw new RangeError(`a label delay is zero or more milliseconds, not ${delayMs}`);
  return { first: windowOf(arrivalMs - delayMs, size), last: windowOf(arrivalMs, size) };
}
