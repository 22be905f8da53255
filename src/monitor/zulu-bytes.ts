import { parseTimestamp } from "./windows.ts";

/**
 * The prediction log's commonest timestamp read straight from a CSV field's bytes, for the spool's loop over every
 * row: no string is made, and the date is parsed once a day.
 */

/** The last date {@link isoZuluMs} read, as bytes, and its midnight (NaN: none yet). */
export interface DateCache {
  bytes: Buffer;
  midnight: number;
}

const digit = (bytes: Buffer, at: number): number => {
  const value = (bytes[at] ?? 0) - 48;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};

/**
 * The commonest timestamp of a log, `2026-03-28T23:30:00Z` or with a fraction (`.250Z`), read from its bytes: the
 * same instant parseTimestamp gives (its date read by parseTimestamp once per day, the time by the same rules: hours
 * to 23, minutes to 59, a leap second :60, the fraction truncated to milliseconds). NaN for any other form, which
 * then goes to parseTimestamp: an offset, a space for the T, a date alone, a number, text that is not a timestamp.
 */
export function isoZuluMs(bytes: Buffer, start: number, end: number, dates: DateCache): number {
  const length = end - start;
  if (length < 20 || bytes[start + 10] !== 84 || bytes[end - 1] !== 90) return Number.NaN; // T, Z
  if (bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return Number.NaN; // :
  if (!sameDate(bytes, start, dates.bytes) || Number.isNaN(dates.midnight)) {
    const parsed = parseTimestamp(bytes.toString("latin1", start, start + 10), "seconds");
    if ("unparseable" in parsed || !/^\d{4}-\d{2}-\d{2}$/.test(bytes.toString("latin1", start, start + 10)))
      return Number.NaN;
    bytes.copy(dates.bytes, 0, start, start + 10);
    dates.midnight = parsed.ms;
  }
  const hours = digit(bytes, start + 11) * 10 + digit(bytes, start + 12);
  const minutes = digit(bytes, start + 14) * 10 + digit(bytes, start + 15);
  const seconds = digit(bytes, start + 17) * 10 + digit(bytes, start + 18);
  if (!(hours <= 23 && minutes <= 59 && seconds <= 60)) return Number.NaN;
  let millis = 0;
  if (length > 20) {
    // A fraction: a dot or comma, then at least one digit, up to the Z.
    if ((bytes[start + 19] !== 46 && bytes[start + 19] !== 44) || length < 22) return Number.NaN;
    for (let at = start + 20, scale = 100; at < end - 1; at++, scale /= 10) {
      const value = digit(bytes, at);
      if (Number.isNaN(value)) return Number.NaN;
      if (scale >= 1) millis += value * scale;
    }
  }
  const ms = dates.midnight + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis;
  // The last second of 9999 written as :60 lies past the range: parseTimestamp says why.
  return ms < END_OF_RANGE ? ms : Number.NaN;
}

/**
 * Whether the ten bytes at `start` are the cached date's. By hand: Buffer.compare crosses into C++ on every call, which
 * cost the spool 80 ns a row, more than the rest of the timestamp.
 */
function sameDate(bytes: Buffer, start: number, date: Buffer): boolean {
  for (let i = 0; i < 10; i++) if (bytes[start + i] !== date[i]) return false;
  return true;
}

/** 10000-01-01T00:00:00Z, where parseTimestamp's range ends. */
const END_OF_RANGE = 253_402_300_800_000;

export function dateCache(): DateCache {
  return { bytes: Buffer.alloc(10), midnight: Number.NaN };
}
