import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  checkHeader,
  explainReadError,
  refuseIrregularFile,
  wholeFileReader
} from "./chunk-3EFEPTIF.js";
import {
  CHUNK,
  MORE,
  RECORD,
  fileReader,
  gzipReader,
  isGzip,
  utf8
} from "./chunk-Z7WWPMG5.js";
import {
  InputError
} from "./chunk-XOZC47AQ.js";

// src/monitor/windows.ts
var HOUR = 36e5;
var DAY = 24 * HOUR;
var FIRST_INSTANT = -621355968e5;
var END_OF_RANGE = 2534023008e5;
var ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
var NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseTimestamp(value, unit) {
  if (value === null || value === void 0) return { unparseable: "it is empty" };
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
  if (hour === void 0) return { ms: midnight };
  if (offset === void 0) {
    return { unparseable: "it has a time but no UTC offset, so its zone is unknown: add Z or +hh:mm" };
  }
  const [h, min, s] = [Number(hour), Number(minute), Number(second ?? 0)];
  if (h > 23 || min > 59 || s > 60) return { unparseable: `there is no time ${hour}:${minute}:${second ?? "00"}` };
  const millis = fraction === void 0 ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return { unparseable: `the offset ${offset} is not one (hours 00-23, minutes 00-59)` };
  const ms = midnight + h * HOUR + min * 6e4 + s * 1e3 + millis - offsetMinutes * 6e4;
  return ms >= FIRST_INSTANT && ms < END_OF_RANGE ? { ms } : { unparseable: "it is not between the years 0001 and 9999 in UTC" };
}
function fromEpoch(value, unit) {
  const ms = unit === "seconds" ? value * 1e3 : value;
  if (!(ms >= FIRST_INSTANT && ms < END_OF_RANGE)) {
    return { unparseable: `${value} ${unit} since 1970 is not between the years 0001 and 9999` };
  }
  return { ms: Math.floor(ms) };
}
function parseOffset(offset) {
  if (offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function daysInMonth(year, month) {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function windowOf(ms, size) {
  if (size === "hour") {
    const start = Math.floor(ms / HOUR) * HOUR;
    return { key: isoUtc(start).slice(0, 13), start, end: start + HOUR };
  }
  const days = Math.floor(ms / DAY);
  if (size === "day") return { key: isoUtc(days * DAY).slice(0, 10), start: days * DAY, end: (days + 1) * DAY };
  const monday = days - ((days + 3) % 7 + 7) % 7;
  const thursday = monday + 3;
  const weekYear = Number(isoUtc(thursday * DAY).slice(0, 4));
  const week = Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1;
  return {
    key: `${String(weekYear).padStart(4, "0")}-W${String(week).padStart(2, "0")}`,
    start: monday * DAY,
    end: (monday + 7) * DAY
  };
}
function isoUtc(ms) {
  return new Date(ms).toISOString();
}
var SKIPPED_EXAMPLES = 5;
function labelCompleteness(window, delayMs, now) {
  if (!(delayMs >= 0)) throw new RangeError(`a label delay is zero or more milliseconds, not ${delayMs}`);
  const completeAt = window.end + delayMs;
  return { complete: now >= completeAt, completeAt };
}
function windowsForLabelArrival(arrivalMs, size, delayMs) {
  if (!(delayMs >= 0)) throw new RangeError(`a label delay is zero or more milliseconds, not ${delayMs}`);
  return { first: windowOf(arrivalMs - delayMs, size), last: windowOf(arrivalMs, size) };
}

// src/monitor/delimited-spans.ts
import { existsSync } from "node:fs";
async function openDelimitedSpans(file, format, options) {
  const { shown } = options;
  if (!existsSync(file)) {
    throw new InputError(`${options.what} not found: ${shown}`, {
      hint: options.missingHint ?? "paths are relative to the folder of mlops.yml"
    });
  }
  refuseIrregularFile(file, shown);
  const chunks = isGzip(file) ? gzipReader(file) : fileReader(file, 0);
  const reader = wholeFileReader(chunks, shown, format, spareBuffers.pop());
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    chunks.close();
    if (reader.buffer.length === CHUNK && spareBuffers.length < SPARE_BUFFERS) spareBuffers.push(reader.buffer);
  };
  let record = -1;
  const nextHere = () => {
    let got;
    try {
      got = reader.next();
    } catch (error) {
      throw explainReadError(error, shown, (r) => r + 1);
    }
    if (got === RECORD) {
      record++;
      spans.record = record;
      return true;
    }
    return got === MORE ? void 0 : false;
  };
  const next = async () => {
    for (; ; ) {
      const here = nextHere();
      if (here !== void 0) return here;
      try {
        await reader.fill();
      } catch (error) {
        throw explainReadError(error, shown, (r) => r + 1);
      }
    }
  };
  const spans = { columns: [], reader, next, nextHere, record: 0, close };
  try {
    if (!await next())
      throw new InputError(`${shown} is empty`, { hint: "a table needs a header row and data rows" });
    spans.columns = Array.from({ length: reader.fieldCount }, (_, i) => {
      return cellOf(reader, i)?.trim() || `column_${i + 1}`;
    });
    checkHeader(spans.columns, shown);
  } catch (error) {
    close();
    throw error;
  }
  return spans;
}
var spareBuffers = [];
var SPARE_BUFFERS = 2;
function cellOf(reader, index) {
  if (index < 0 || index >= reader.fieldCount) return null;
  const start = reader.starts[index] ?? 0;
  const end = reader.ends[index] ?? 0;
  return start === end && reader.quoted[index] === 0 ? null : utf8(reader.buffer, start, end);
}
function interned(strings, value) {
  const known = strings.get(value);
  if (known !== void 0) return known;
  if (strings.size < 1e4) strings.set(value, value);
  return value;
}
var ByteStrings = class {
  constructor(strings) {
    this.strings = strings;
  }
  strings;
  bytes = [];
  texts = [];
  /** `value`, interned. */
  text(value) {
    return interned(this.strings, value);
  }
  /** cellOf(reader, index) ?? "", interned. */
  of(reader, index) {
    if (index < 0 || index >= reader.fieldCount) return "";
    const start = reader.starts[index];
    const end = reader.ends[index];
    if (start === end) return "";
    const buffer = reader.buffer;
    for (let k = 0; k < this.bytes.length; k++) {
      const known = this.bytes[k];
      if (known.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < known.length; i++) {
        if (known[i] !== buffer[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.texts[k];
    }
    const text = interned(this.strings, utf8(buffer, start, end));
    if (this.bytes.length < 16) {
      this.bytes.push(Buffer.from(buffer.subarray(start, end)));
      this.texts.push(text);
    }
    return text;
  }
};

export {
  openDelimitedSpans,
  cellOf,
  interned,
  ByteStrings,
  parseTimestamp,
  windowOf,
  isoUtc,
  SKIPPED_EXAMPLES,
  labelCompleteness,
  windowsForLabelArrival
};
