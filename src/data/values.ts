/**
 * Reading values from bytes without making strings: numbers, booleans, ISO dates and missing-value tokens, as the
 * type rules in DOMAIN.md §3 need them. Each parser fills {@link parsed} and says whether the text fits.
 */

export const parsed = { value: 0, integer: false };

/** 10^0 .. 10^22: the powers of ten that are exact doubles. */
export const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

function isSpace(byte: number): boolean {
  return byte === 32 || byte === 9;
}

/**
 * A decimal number: `[+-]digits[.digits][(e|E)[+-]digits]`, `.5` and `5.` included, surrounding spaces allowed;
 * `inf`, `infinity` (any case, signed) are numbers too, but not finite. The value is correctly rounded: Clinger's
 * fast path (at most 15 significant digits and a power of ten up to 22 are exact doubles, so one division or
 * multiplication rounds correctly), else JavaScript's own parser on the same text.
 */
export function parseNumber(bytes: Uint8Array, start: number, end: number): boolean {
  let c = bytes[start]!;
  if (c === 32 || c === 9 || bytes[end - 1] === 32 || bytes[end - 1] === 9) {
    while (start < end && isSpace(bytes[start]!)) start++;
    while (end > start && isSpace(bytes[end - 1]!)) end--;
    if (start === end) return false;
    c = bytes[start]!;
  }
  let i = start;
  let negative = false;
  if (c === 43 || c === 45) {
    negative = c === 45;
    if (++i === end) return false;
    c = bytes[i]!;
  }
  if (c === 105 || c === 73) return parseInfinity(bytes, i, end, negative);
  let mantissa = 0;
  let digits = 0;
  let d = 0;
  // Integer part, then fraction: every digit counts towards the 15 that keep `mantissa` exact.
  while (i < end && (d = bytes[i]! - 48) >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  let fraction = 0;
  let integer = true;
  if (i < end && bytes[i] === 46) {
    integer = false;
    i++;
    while (i < end && (d = bytes[i]! - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      fraction++;
      i++;
    }
  }
  if (digits + fraction === 0) return false;
  let exponent = 0;
  if (i < end) {
    c = bytes[i]!;
    if (c !== 101 && c !== 69) return false;
    integer = false;
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === 43 || bytes[i] === 45)) {
      expNegative = bytes[i] === 45;
      i++;
    }
    const expStart = i;
    while (i < end && (d = bytes[i]! - 48) >= 0 && d <= 9) {
      if (exponent < 100000) exponent = exponent * 10 + d;
      i++;
    }
    if (i === expStart || i !== end) return false;
    if (expNegative) exponent = -exponent;
  }
  parsed.integer = integer;
  const power = exponent - fraction;
  if (digits + fraction <= 15 && power >= -22 && power <= 22) {
    const magnitude = power >= 0 ? mantissa * POWERS_OF_TEN[power]! : mantissa / POWERS_OF_TEN[-power]!;
    parsed.value = negative ? -magnitude : magnitude;
    return true;
  }
  parsed.value = Number(latin1(bytes, start, end));
  return true;
}

function parseInfinity(bytes: Uint8Array, i: number, end: number, negative: boolean): boolean {
  const word = latin1(bytes, i, end).toLowerCase();
  if (word !== "inf" && word !== "infinity") return false;
  parsed.value = negative ? -Infinity : Infinity;
  parsed.integer = false;
  return true;
}

/** true/false, t/f, yes/no, y/n, 1/0 in any case; the value is 1 or 0. */
export function parseBoolean(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && isSpace(bytes[start]!)) start++;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  const length = end - start;
  if (length === 0 || length > 5) return false;
  const first = bytes[start]! | 0x20; // lower case for letters
  let value: number;
  let word: string;
  if (first === 116) [value, word] = [1, "true"];
  else if (first === 102) [value, word] = [0, "false"];
  else if (first === 121) [value, word] = [1, "yes"];
  else if (first === 110) [value, word] = [0, "no"];
  else if (length === 1 && (first === 0x31 || first === 0x30)) {
    parsed.value = first === 0x31 ? 1 : 0;
    parsed.integer = true;
    return true;
  } else return false;
  // One letter (t, f, y, n) or the whole word, in any case.
  if (length !== 1) {
    if (length !== word.length) return false;
    for (let i = 1; i < length; i++) if ((bytes[start + i]! | 0x20) !== word.charCodeAt(i)) return false;
  }
  parsed.value = value;
  parsed.integer = true;
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Two digits at bytes[at, at + 2) as a number, or -1. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = bytes[at]! - 48;
  const ones = bytes[at + 1]! - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * An ISO 8601 date or date-time: `YYYY-MM-DD`, optionally `T` or a space and `HH:MM[:SS[.fraction]]`, optionally `Z`
 * or `±HH[:]MM`. A time without an offset is read as UTC (not the machine's zone, so every runner agrees). The value
 * is milliseconds since 1970-01-01T00:00Z. Impossible dates (2023-02-30, 25:00) do not parse.
 */
export function parseDatetime(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && isSpace(bytes[start]!)) start++;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  if (end - start < 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return false;
  const century = twoDigits(bytes, start);
  const decade = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (century < 0 || decade < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + decade;
  const leap = (year & 3) === 0 && (decade !== 0 || (century & 3) === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  let ms = (daysBeforeYear(year) + (leap && month > 2 ? 1 : 0) + DAYS_BEFORE_MONTH[month - 1]! + day - 1) * 86_400_000;
  let i = start + 10;
  if (i < end) {
    const separator = bytes[i]!;
    if (separator !== 84 && separator !== 116 && separator !== 32) return false;
    if (end - i < 6 || bytes[i + 3] !== 58) return false;
    const hour = twoDigits(bytes, i + 1);
    const minute = twoDigits(bytes, i + 4);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
    ms += hour * 3_600_000 + minute * 60_000;
    i += 6;
    if (i < end && bytes[i] === 58) {
      if (end - i < 3) return false;
      const second = twoDigits(bytes, i + 1);
      if (second < 0 || second > 59) return false;
      ms += second * 1000;
      i += 3;
      if (i < end && (bytes[i] === 46 || bytes[i] === 44)) {
        i++;
        let scale = 100;
        const fractionStart = i;
        for (; i < end; i++) {
          const d = bytes[i]! - 48;
          if (d < 0 || d > 9) break;
          ms += d * scale;
          scale /= 10;
        }
        if (i === fractionStart) return false;
        ms = Math.floor(ms);
      }
    }
    if (i < end) {
      const zone = bytes[i]!;
      if (zone === 90 || zone === 122) {
        i++;
      } else if (zone === 43 || zone === 45) {
        const hours = i + 3 <= end ? twoDigits(bytes, i + 1) : -1;
        let at = i + 3;
        if (at < end && bytes[at] === 58) at++;
        const minutes = at + 2 <= end ? twoDigits(bytes, at) : -1;
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
        const offset = (hours * 60 + minutes) * 60_000;
        ms += zone === 43 ? -offset : offset;
        i = at + 2;
      } else {
        return false;
      }
    }
    if (i !== end) return false;
  }
  parsed.value = ms;
  parsed.integer = true;
  return true;
}

/** Days from 1970-01-01 to January 1st of each year from 1900 to 2155, for {@link usualDatetime}. */
const FIRST_TABLE_YEAR = 1900;
const DAYS_BEFORE_TABLE_YEAR = Int32Array.from({ length: 256 }, (_, i) => daysBeforeYear(FIRST_TABLE_YEAR + i));

/** Each byte's digit value, or 0xff for a byte that is not a digit: OR-ed together, digits never set bits 4-7. */
const DIGIT = Uint8Array.from({ length: 256 }, (_, byte) => (byte >= 48 && byte <= 57 ? byte - 48 : 0xff));
const NOT_DIGITS = 0xf0;

function digitAt(bytes: Uint8Array, at: number): number {
  return DIGIT[bytes[at]!]!;
}

/**
 * The common forms `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` (T or a space) and the same with `Z`, for years 1900-2155, as
 * milliseconds since 1970, in a few integer steps; NaN for anything else, which parseDatetime then reads (it reads
 * every form, these included, to the same value). The scan's datetime columns try this first.
 */
export function usualDatetime(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length !== 10 && length !== 19 && !(length === 20 && bytes[end - 1] === 90)) return NaN;
  if (bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return NaN;
  const y1 = digitAt(bytes, start);
  const y2 = digitAt(bytes, start + 1);
  const y3 = digitAt(bytes, start + 2);
  const y4 = digitAt(bytes, start + 3);
  const m1 = digitAt(bytes, start + 5);
  const m2 = digitAt(bytes, start + 6);
  const d1 = digitAt(bytes, start + 8);
  const d2 = digitAt(bytes, start + 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) & NOT_DIGITS) return NaN;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  const index = year - FIRST_TABLE_YEAR;
  if (index < 0 || index > 255 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  const days = DAYS_BEFORE_TABLE_YEAR[index]! + (leap && month > 2 ? 1 : 0) + DAYS_BEFORE_MONTH[month - 1]! + day - 1;
  if (length === 10) return days * 86_400_000;
  const separator = bytes[start + 10];
  if ((separator !== 84 && separator !== 32) || bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return NaN;
  const h1 = digitAt(bytes, start + 11);
  const h2 = digitAt(bytes, start + 12);
  const n1 = digitAt(bytes, start + 14);
  const n2 = digitAt(bytes, start + 15);
  const s1 = digitAt(bytes, start + 17);
  const s2 = digitAt(bytes, start + 18);
  if ((h1 | h2 | n1 | n2 | s1 | s2) & NOT_DIGITS) return NaN;
  const hour = h1 * 10 + h2;
  const minute = n1 * 10 + n2;
  const second = s1 * 10 + s2;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

/** Days from 1970-01-01 to January 1st of `year` (proleptic Gregorian; negative before 1970). */
function daysBeforeYear(year: number): number {
  return (
    365 * (year - 1970) +
    Math.floor((year - 1969) / 4) -
    Math.floor((year - 1901) / 100) +
    Math.floor((year - 1601) / 400)
  );
}

/**
 * Texts that mean "no value" in a numeric, boolean or date column, as pandas reads them by default: NA, N/A, NaN,
 * null, None, #N/A, <NA>, `-` and `?` (any case). In a text column they are ordinary values.
 */
export function isMissingToken(bytes: Uint8Array, start: number, end: number): boolean {
  let length = end - start;
  if (length === 0) return true;
  if (length > 5) return false;
  const first = bytes[start]!;
  // Quick reject: every token starts with n, N, #, <, -, ? or a space (a digit leaves at once).
  if (first !== 110 && first !== 78 && first !== 35 && first !== 60 && first !== 45 && first !== 63 && first !== 32) {
    return false;
  }
  while (start < end && isSpace(bytes[start]!)) start++;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  length = end - start;
  if (length === 0) return true;
  if (first === 45 && length > 1 && bytes[start + 1]! >= 48 && bytes[start + 1]! <= 57) return false; // -12.5
  return MISSING.has(latin1(bytes, start, end).toLowerCase());
}

const MISSING = new Set(["na", "n/a", "nan", "-nan", "null", "none", "#n/a", "<na>", "-", "?"]);

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).toString("latin1", start, end);
}

export function utf8(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).toString("utf8", start, end);
}

export function formatDatetime(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith("T00:00:00.000Z") ? text.slice(0, 10) : text.replace(".000Z", "Z");
}
