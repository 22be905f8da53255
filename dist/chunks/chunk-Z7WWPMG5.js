import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DataReadError
} from "./chunk-XOZC47AQ.js";

// src/data/formats/chunks.ts
import { closeSync, openSync, readSync } from "node:fs";
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
function isGzip(file) {
  return file.toLowerCase().endsWith(".gz");
}
function fileReader(file, position) {
  const fd = openSync(file, "r");
  let at = position;
  return {
    read(target, offset, length) {
      const n = readSync(fd, target, offset, length, at);
      at += n;
      return Promise.resolve(n);
    },
    close: () => closeSync(fd)
  };
}
function gzipReader(file) {
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = source.pipe(createGunzip({ chunkSize: 1 << 20 }));
  const iterator = stream[Symbol.asyncIterator]();
  let pending = null;
  return {
    async read(target, offset, length) {
      if (pending === null || pending.length === 0) {
        const next = await iterator.next();
        if (next.done) return 0;
        pending = next.value;
      }
      const n = Math.min(length, pending.length);
      target.set(pending.subarray(0, n), offset);
      pending = pending.subarray(n);
      return n;
    },
    // Both: destroying what `pipe` feeds leaves its source open (paused, its descriptor held until collected).
    close: () => {
      stream.destroy();
      source.destroy();
    }
  };
}

// src/data/formats/jsonl.ts
import { isUtf8 as isUtf82 } from "node:buffer";

// src/data/formats/delimited/input.ts
import { isUtf8 } from "node:buffer";

// src/data/formats/delimited/fields.ts
var QUOTE = 34;
var LF = 10;
var CR = 13;
var NEEDS_MORE = -2;
var quoteScan = { escaped: false };
function belowWordOf(delimiter) {
  const high = Math.max(delimiter, CR);
  if (high >= 128) throw new Error("the delimiter must be an ASCII character");
  return (high + 1) * 16843009;
}
function unquotedFieldEnd(buf, words, from, belowWord, delimiter) {
  let r = from;
  for (; ; ) {
    const word = words.getInt32(r, true);
    const below = word - belowWord & ~word & 2155905152;
    if (below === 0) {
      r += 4;
      continue;
    }
    r += 31 - Math.clz32(below & -below) >>> 3;
    const c = buf[r];
    if (c === delimiter || c === LF || c === CR) return r;
    r++;
  }
}
function closingQuote(buf, from, filled, eof) {
  let escaped = false;
  let at = from;
  for (; ; ) {
    const found = buf.indexOf(QUOTE, at);
    if (found >= filled) return eof ? -1 : NEEDS_MORE;
    if (found + 1 >= filled && !eof) return NEEDS_MORE;
    if (buf[found + 1] === QUOTE) {
      escaped = true;
      at = found + 2;
      continue;
    }
    quoteScan.escaped = escaped;
    return found;
  }
}
function unescape(buf, start, end) {
  let write = start;
  for (let read = start; read < end; read++) {
    buf[write++] = buf[read];
    if (buf[read] === QUOTE) read++;
  }
  return write;
}

// src/data/formats/delimited/input.ts
var CHUNK = 4 << 20;
var SLACK = 4;
var MAX_RECORD_BYTES = 64 << 20;
var LONG_RECORD_HINT = "a line with no line end, or a quote that is never closed, makes the rest of the file one record: check that the file is text in the configured format, and its quotes";
var InputBuffer = class {
  constructor(reader, file, offset, buffer, checking) {
    this.reader = reader;
    this.file = file;
    this.checking = checking;
    this.buffer = buffer ?? Buffer.allocUnsafeSlow(CHUNK);
    this.words = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    this.base = offset;
  }
  reader;
  file;
  checking;
  buffer;
  /** The buffer as little-endian words, for the field scanner's word-at-a-time test. */
  words;
  /** File offset of buffer[0]. */
  base;
  /** Bytes of data in the buffer. */
  filled = 0;
  eof = false;
  /** File offset of the first byte that breaks UTF-8 (Infinity: none so far). */
  badUtf8At = Infinity;
  validated = 0;
  /**
   * Reads more, keeping buffer[keepFrom, filled) (the unfinished record), which moves to the front: buffer offsets
   * before the call are `keepFrom` greater than after it. `records` (read so far) goes into a long record's error.
   */
  async fill(keepFrom, records) {
    let buf = this.buffer;
    if (keepFrom > 0) {
      buf.copyWithin(0, keepFrom, this.filled);
      this.base += keepFrom;
      this.validated = Math.max(0, this.validated - keepFrom);
      this.filled -= keepFrom;
    }
    if (this.filled >= buf.length - SLACK) {
      if (buf.length >= MAX_RECORD_BYTES) {
        throw new DataReadError(
          this.file,
          `a record is longer than ${MAX_RECORD_BYTES >> 20} MiB`,
          this.base,
          records,
          {
            hint: LONG_RECORD_HINT
          }
        );
      }
      const grown = Buffer.allocUnsafeSlow(buf.length * 2);
      buf.copy(grown, 0, 0, this.filled);
      this.buffer = buf = grown;
      this.words = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
    }
    const n = await this.reader.read(buf, this.filled, buf.length - this.filled - SLACK);
    if (n === 0) this.eof = true;
    this.filled += n;
    buf[this.filled] = LF;
    buf[this.filled + 1] = QUOTE;
    if (this.checking) this.checkUtf8();
  }
  /** Starts checking UTF-8 at buffer[from], the first record's start (a line end is never inside a character). */
  checkUtf8From(from) {
    this.checking = true;
    this.validated = from;
    this.checkUtf8();
  }
  /** Checks the UTF-8 of the bytes read since the last check (up to the last line end: no character spans one). */
  checkUtf8() {
    const buf = this.buffer;
    const safe = this.eof ? this.filled : buf.lastIndexOf(LF, this.filled - 1) + 1;
    if (safe > this.validated && this.badUtf8At === Infinity) {
      if (!isUtf8(buf.subarray(this.validated, safe)))
        this.badUtf8At = this.base + firstInvalidUtf8(buf, this.validated, safe);
      this.validated = safe;
    }
  }
};
function firstInvalidUtf8(buf, start, end) {
  let i = start;
  while (i < end) {
    const b = buf[i];
    const length = b < 128 ? 1 : b >= 194 && b < 224 ? 2 : b >= 224 && b < 240 ? 3 : b >= 240 && b < 245 ? 4 : 0;
    if (length === 0 || i + length > end) return i;
    if (length > 1 && !isUtf8(buf.subarray(i, i + length))) return i;
    i += length;
  }
  return end;
}

// src/data/formats/jsonl.ts
async function* jsonLines(reader, file) {
  let buffer = Buffer.allocUnsafe(1 << 20);
  let start = 0;
  let filled = 0;
  let base = 0;
  let line = 0;
  let eof = false;
  while (!eof) {
    if (filled === buffer.length) {
      if (start > 0) {
        buffer.copy(buffer, 0, start, filled);
        base += start;
        filled -= start;
        start = 0;
      } else {
        if (buffer.length > MAX_RECORD_BYTES) {
          throw new DataReadError(file, `line ${line + 1} is longer than ${MAX_RECORD_BYTES >> 20} MiB`, base, null, {
            hint: LONG_RECORD_HINT
          });
        }
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_RECORD_BYTES + 1));
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
    }
    const n = await reader.read(buffer, filled, buffer.length - filled);
    if (n === 0) eof = true;
    filled += n;
    for (; ; ) {
      let end = buffer.subarray(0, filled).indexOf(10, start);
      if (end < 0) {
        if (!eof || start >= filled) break;
        end = filled;
      }
      line++;
      const offset = base + start;
      const bytes = buffer.subarray(start, end);
      start = end + 1;
      if (!isUtf82(bytes)) throw new DataReadError(file, `line ${line} is not valid UTF-8`, offset, null);
      const text = bytes.toString("utf8");
      if (text.trim() === "") continue;
      let value;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new DataReadError(file, `line ${line} is not valid JSON (${error.message})`, offset, null, {
          hint: "each line of a JSON Lines file is one JSON object"
        });
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new DataReadError(file, `line ${line} is not a JSON object`, offset, null, {
          hint: "each line of a JSON Lines file is one JSON object"
        });
      }
      yield { object: value, line, offset };
    }
    if (start >= filled) {
      base += filled;
      start = filled = 0;
    }
  }
}
function cellText(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, v) => typeof v === "bigint" ? v.toString() : v);
}

// src/data/formats/parquet.ts
async function openParquet(file, shown) {
  const [{ asyncBufferFromFile, parquetMetadataAsync, parquetRead }, { compressors }] = await Promise.all([
    import("./node-UVH4YE3C.js"),
    import("./src-WB2MKV4S.js")
  ]);
  let metadata;
  const buffer = await asyncBufferFromFile(file);
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new DataReadError(
      shown,
      `not a readable Parquet file (${error.message})`,
      buffer.byteLength,
      null,
      {
        hint: "a truncated or partly copied file has no valid footer; copy it again",
        cause: error
      }
    );
  }
  const root = metadata.schema[0];
  const columns = [];
  const decimalScales = /* @__PURE__ */ new Map();
  let index = 1;
  for (let i = 0; i < (root?.num_children ?? 0); i++) {
    const element = metadata.schema[index];
    if (!element) break;
    columns.push(element.name);
    const scale = element.logical_type?.type === "DECIMAL" ? element.logical_type.scale : element.converted_type === "DECIMAL" ? element.scale ?? 0 : void 0;
    if (scale !== void 0 && scale > 0) decimalScales.set(element.name, scale);
    index += 1 + countDescendants(metadata, index);
  }
  const groups = metadata.row_groups.map((group) => Number(group.num_rows));
  return {
    columns,
    rows: Number(metadata.num_rows),
    async *rowGroups() {
      let rowStart = 0;
      for (const size of groups) {
        let rows = [];
        try {
          await parquetRead({
            file: buffer,
            metadata,
            compressors,
            rowStart,
            rowEnd: rowStart + size,
            rowFormat: "object",
            onComplete: (result) => rows = result
          });
        } catch (error) {
          throw new DataReadError(
            shown,
            `cannot read rows ${rowStart + 1}-${rowStart + size} of the Parquet file (${error.message})`,
            0,
            rowStart,
            {
              hint: "the file may be truncated or written by an unsupported encoder",
              cause: error
            }
          );
        }
        rowStart += size;
        yield rows.map(
          (row) => columns.map((name) => {
            const scale = decimalScales.get(name);
            return cellText(scale === void 0 ? row[name] : exactDecimal(row[name], scale));
          })
        );
      }
    }
  };
}
function exactDecimal(value, scale) {
  if (typeof value !== "number" || !Number.isFinite(value) || scale > 22) return value;
  const unscaled = Math.round(value * 10 ** scale);
  return Number.isSafeInteger(unscaled) ? unscaled / 10 ** scale : value;
}
function countDescendants(metadata, index) {
  const element = metadata.schema[index];
  let count = 0;
  let next = index + 1;
  for (let i = 0; i < (element?.num_children ?? 0); i++) {
    const child = 1 + countDescendants(metadata, next);
    count += child;
    next += child;
  }
  return count;
}

// src/data/values.ts
var parsed = { value: 0, integer: false };
var POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
function isSpace(byte) {
  return byte === 32 || byte === 9;
}
function parseNumber(bytes, start, end) {
  let c = bytes[start];
  if (c === 32 || c === 9 || bytes[end - 1] === 32 || bytes[end - 1] === 9) {
    while (start < end && isSpace(bytes[start])) start++;
    while (end > start && isSpace(bytes[end - 1])) end--;
    if (start === end) return false;
    c = bytes[start];
  }
  let i = start;
  let negative = false;
  if (c === 43 || c === 45) {
    negative = c === 45;
    if (++i === end) return false;
    c = bytes[i];
  }
  if (c === 105 || c === 73) return parseInfinity(bytes, i, end, negative);
  let mantissa = 0;
  let digits = 0;
  let d = 0;
  while (i < end && (d = bytes[i] - 48) >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  let fraction = 0;
  let integer = true;
  if (i < end && bytes[i] === 46) {
    integer = false;
    i++;
    while (i < end && (d = bytes[i] - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      fraction++;
      i++;
    }
  }
  if (digits + fraction === 0) return false;
  let exponent = 0;
  if (i < end) {
    c = bytes[i];
    if (c !== 101 && c !== 69) return false;
    integer = false;
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === 43 || bytes[i] === 45)) {
      expNegative = bytes[i] === 45;
      i++;
    }
    const expStart = i;
    while (i < end && (d = bytes[i] - 48) >= 0 && d <= 9) {
      if (exponent < 1e5) exponent = exponent * 10 + d;
      i++;
    }
    if (i === expStart || i !== end) return false;
    if (expNegative) exponent = -exponent;
  }
  parsed.integer = integer;
  const power = exponent - fraction;
  if (digits + fraction <= 15 && power >= -22 && power <= 22) {
    const magnitude = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
    parsed.value = negative ? -magnitude : magnitude;
    return true;
  }
  parsed.value = Number(latin1(bytes, start, end));
  return true;
}
function parseInfinity(bytes, i, end, negative) {
  const word = latin1(bytes, i, end).toLowerCase();
  if (word !== "inf" && word !== "infinity") return false;
  parsed.value = negative ? -Infinity : Infinity;
  parsed.integer = false;
  return true;
}
function parseBoolean(bytes, start, end) {
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  const length = end - start;
  if (length === 0 || length > 5) return false;
  const first = bytes[start] | 32;
  let value;
  let word;
  if (first === 116) [value, word] = [1, "true"];
  else if (first === 102) [value, word] = [0, "false"];
  else if (first === 121) [value, word] = [1, "yes"];
  else if (first === 110) [value, word] = [0, "no"];
  else if (length === 1 && (first === 49 || first === 48)) {
    parsed.value = first === 49 ? 1 : 0;
    parsed.integer = true;
    return true;
  } else return false;
  if (length !== 1) {
    if (length !== word.length) return false;
    for (let i = 1; i < length; i++) if ((bytes[start + i] | 32) !== word.charCodeAt(i)) return false;
  }
  parsed.value = value;
  parsed.integer = true;
  return true;
}
var DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
function twoDigits(bytes, at) {
  const tens = bytes[at] - 48;
  const ones = bytes[at + 1] - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
function parseDatetime(bytes, start, end) {
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  if (end - start < 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return false;
  const century = twoDigits(bytes, start);
  const decade = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (century < 0 || decade < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + decade;
  const leap = (year & 3) === 0 && (decade !== 0 || (century & 3) === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return false;
  let ms = (daysBeforeYear(year) + (leap && month > 2 ? 1 : 0) + DAYS_BEFORE_MONTH[month - 1] + day - 1) * 864e5;
  let i = start + 10;
  if (i < end) {
    const separator = bytes[i];
    if (separator !== 84 && separator !== 116 && separator !== 32) return false;
    if (end - i < 6 || bytes[i + 3] !== 58) return false;
    const hour = twoDigits(bytes, i + 1);
    const minute = twoDigits(bytes, i + 4);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
    ms += hour * 36e5 + minute * 6e4;
    i += 6;
    if (i < end && bytes[i] === 58) {
      if (end - i < 3) return false;
      const second = twoDigits(bytes, i + 1);
      if (second < 0 || second > 59) return false;
      ms += second * 1e3;
      i += 3;
      if (i < end && (bytes[i] === 46 || bytes[i] === 44)) {
        i++;
        let scale = 100;
        const fractionStart = i;
        for (; i < end; i++) {
          const d = bytes[i] - 48;
          if (d < 0 || d > 9) break;
          ms += d * scale;
          scale /= 10;
        }
        if (i === fractionStart) return false;
        ms = Math.floor(ms);
      }
    }
    if (i < end) {
      const zone = bytes[i];
      if (zone === 90 || zone === 122) {
        i++;
      } else if (zone === 43 || zone === 45) {
        const hours = i + 3 <= end ? twoDigits(bytes, i + 1) : -1;
        let at = i + 3;
        if (at < end && bytes[at] === 58) at++;
        const minutes = at + 2 <= end ? twoDigits(bytes, at) : -1;
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
        const offset = (hours * 60 + minutes) * 6e4;
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
var FIRST_TABLE_YEAR = 1900;
var DAYS_BEFORE_TABLE_YEAR = Int32Array.from({ length: 256 }, (_, i) => daysBeforeYear(FIRST_TABLE_YEAR + i));
var DIGIT = Uint8Array.from({ length: 256 }, (_, byte) => byte >= 48 && byte <= 57 ? byte - 48 : 255);
var NOT_DIGITS = 240;
function digitAt(bytes, at) {
  return DIGIT[bytes[at]];
}
function usualDatetime(bytes, start, end) {
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
  const year = y1 * 1e3 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  const index = year - FIRST_TABLE_YEAR;
  if (index < 0 || index > 255 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  const days = DAYS_BEFORE_TABLE_YEAR[index] + (leap && month > 2 ? 1 : 0) + DAYS_BEFORE_MONTH[month - 1] + day - 1;
  if (length === 10) return days * 864e5;
  const separator = bytes[start + 10];
  if (separator !== 84 && separator !== 32 || bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return NaN;
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
  return days * 864e5 + hour * 36e5 + minute * 6e4 + second * 1e3;
}
function daysBeforeYear(year) {
  return 365 * (year - 1970) + Math.floor((year - 1969) / 4) - Math.floor((year - 1901) / 100) + Math.floor((year - 1601) / 400);
}
function isMissingToken(bytes, start, end) {
  let length = end - start;
  if (length === 0) return true;
  if (length > 5) return false;
  const first = bytes[start];
  if (first !== 110 && first !== 78 && first !== 35 && first !== 60 && first !== 45 && first !== 63 && first !== 32) {
    return false;
  }
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  length = end - start;
  if (length === 0) return true;
  if (first === 45 && length > 1 && bytes[start + 1] >= 48 && bytes[start + 1] <= 57) return false;
  return MISSING.has(latin1(bytes, start, end).toLowerCase());
}
var MISSING = /* @__PURE__ */ new Set(["na", "n/a", "nan", "-nan", "null", "none", "#n/a", "<na>", "-", "?"]);
function asBuffer(bytes) {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
function latin1(bytes, start, end) {
  return asBuffer(bytes).toString("latin1", start, end);
}
function utf8(bytes, start, end) {
  return asBuffer(bytes).toString("utf8", start, end);
}
function formatDatetime(ms) {
  const text = new Date(ms).toISOString();
  return text.endsWith("T00:00:00.000Z") ? text.slice(0, 10) : text.replace(".000Z", "Z");
}

// src/data/formats/delimited/batch.ts
var RecordBatch = class {
  constructor(capacity, stride, growable = false) {
    this.capacity = capacity;
    this.stride = stride;
    this.growable = growable;
    if (growable && capacity !== 1) throw new Error("only a batch of one record can grow");
    this.stride = Math.max(1, stride);
    this.starts = new Int32Array(capacity * this.stride);
    this.ends = new Int32Array(capacity * this.stride);
    this.quoted = new Uint8Array(capacity * this.stride);
    this.fieldCounts = new Int32Array(capacity);
    this.recordStarts = new Int32Array(capacity);
    this.contentEnds = new Int32Array(capacity);
  }
  capacity;
  stride;
  growable;
  starts;
  ends;
  /** 0 unquoted, 1 quoted (so an empty quoted field is "", not missing). */
  quoted;
  fieldCounts;
  /** Each record's span in the buffer, without its line end. */
  recordStarts;
  contentEnds;
  /** Records in the batch now. */
  size = 0;
  grow(fields) {
    this.stride = Math.max(fields, this.stride * 2);
    this.starts = new Int32Array(this.capacity * this.stride);
    this.ends = new Int32Array(this.capacity * this.stride);
    this.quoted = new Uint8Array(this.capacity * this.stride);
  }
};

// src/data/formats/delimited/reader.ts
var RECORD = 1;
var MORE = 0;
var DONE = -1;
var DelimitedReader = class {
  constructor(options) {
    this.options = options;
    this.belowWord = belowWordOf(options.delimiter);
    this.aligned = !options.align;
    this.bomChecked = !options.atFileStart;
    this.input = new InputBuffer(options.reader, options.file, options.offset, options.buffer, this.aligned);
    this.starts = this.single.starts;
    this.ends = this.single.ends;
    this.quoted = this.single.quoted;
  }
  options;
  /** Field spans of the current record (after next()): buffer[starts[i], ends[i]). */
  starts;
  ends;
  /** 0 unquoted, 1 quoted (so an empty quoted field is "", not missing). */
  quoted;
  fieldCount = 0;
  /** The current record's span in the buffer, without its line end. */
  recordStart = 0;
  contentEnd = 0;
  /** Records returned so far. */
  records = 0;
  /** File offset of the first record (after alignment); -1 before it is known. */
  firstStart = -1;
  input;
  /** Where parsing goes on in the input's buffer. */
  p = 0;
  aligned;
  bomChecked;
  /** See belowWordOf: a word with no byte below it holds no end of an unquoted field. */
  belowWord;
  /** next()'s one-record batch. */
  single = new RecordBatch(1, 64, true);
  /** An unreadable record found after the records before it in the same batch: thrown by the next call. */
  failure = null;
  /** The buffer the fields' spans point into (valid until the next fill()). */
  get buffer() {
    return this.input.buffer;
  }
  /** File offset of buffer[0]. */
  get base() {
    return this.input.base;
  }
  /** File offset where the next record starts (after DONE: where reading stopped). */
  get nextStart() {
    return this.input.base + this.p;
  }
  /** Reads more; the unfinished record moves to the front of the buffer. */
  async fill() {
    const keep = this.p;
    this.p = 0;
    await this.input.fill(keep, this.records);
  }
  /** Parses the next record: RECORD (its fields are set), MORE (call fill() first) or DONE. */
  next() {
    const single = this.single;
    const got = this.nextBatch(single);
    if (got === RECORD) {
      this.starts = single.starts;
      this.ends = single.ends;
      this.quoted = single.quoted;
      this.fieldCount = single.fieldCounts[0];
      this.recordStart = single.recordStarts[0];
      this.contentEnd = single.contentEnds[0];
    }
    return got;
  }
  /** Drops a byte order mark and skips to the first record start: false when that needs more bytes (or at the end). */
  prepare() {
    const { buffer: buf, filled, eof } = this.input;
    if (!this.bomChecked) {
      if (filled < 3 && !eof) return MORE;
      if (filled >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191) this.p = 3;
      this.bomChecked = true;
    }
    if (!this.aligned) {
      let p = this.p;
      for (; ; ) {
        if (p >= filled) {
          this.p = p;
          if (eof) {
            this.firstStart = this.input.base + p;
            return DONE;
          }
          return MORE;
        }
        const c = buf[p];
        if (c === LF) {
          p++;
          break;
        }
        if (c === CR) {
          if (p + 1 >= filled && !eof) {
            this.p = p;
            return MORE;
          }
          p += buf[p + 1] === LF ? 2 : 1;
          break;
        }
        p++;
      }
      this.p = p;
      this.aligned = true;
      this.input.checkUtf8From(p);
    }
    return RECORD;
  }
  /**
   * Parses the records in the buffer into `batch`, up to its capacity: RECORD (batch.size records), MORE (call fill()
   * first) or DONE. An unreadable record after readable ones in the same batch is thrown by the next call.
   */
  nextBatch(batch) {
    batch.size = 0;
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
    if (!this.bomChecked || !this.aligned) {
      const got2 = this.prepare();
      if (got2 !== RECORD) return got2;
    }
    const { buffer: buf, words, filled, eof, base, badUtf8At } = this.input;
    const belowWord = this.belowWord;
    const delimiter = this.options.delimiter;
    const stop = this.options.stopAt - base;
    const { capacity, fieldCounts, recordStarts, contentEnds } = batch;
    let { stride, starts, ends, quoted } = batch;
    let n = 0;
    let p = this.p;
    let got = RECORD;
    try {
      records: while (n < capacity) {
        if (this.firstStart < 0) this.firstStart = base + p;
        if (p >= stop) {
          got = DONE;
          break;
        }
        const row = n * stride;
        let q = p;
        let nf = 0;
        let escapes = false;
        let contentEnd = -1;
        let next = -1;
        for (; ; ) {
          if (q >= filled) {
            if (!eof) {
              got = MORE;
              break records;
            }
            if (q === p) {
              got = DONE;
              break records;
            }
            if (nf < stride) {
              starts[row + nf] = q;
              ends[row + nf] = q;
              quoted[row + nf] = 0;
            }
            nf++;
            contentEnd = next = q;
            break;
          }
          if (buf[q] === QUOTE) {
            const close = closingQuote(buf, q + 1, filled, eof);
            if (close === NEEDS_MORE) {
              got = MORE;
              break records;
            }
            if (close < 0) {
              throw new DataReadError(
                this.options.file,
                "a quoted field is never closed (unterminated quote)",
                base + q,
                this.records,
                { hint: "check this record for a missing closing quote" }
              );
            }
            const escaped = quoteScan.escaped;
            if (nf < stride) {
              starts[row + nf] = q + 1;
              ends[row + nf] = close;
              quoted[row + nf] = escaped ? 2 : 1;
            }
            nf++;
            escapes ||= escaped;
            q = close + 1;
            if (q >= filled) {
              if (!eof) {
                got = MORE;
                break records;
              }
              contentEnd = next = q;
              break;
            }
            const c = buf[q];
            if (c === delimiter) {
              q++;
              continue;
            }
            if (c !== LF && c !== CR) {
              throw new DataReadError(
                this.options.file,
                "unexpected text after a closing quote",
                base + q,
                this.records,
                { hint: 'inside a quoted field, write a quote as two quotes ("")' }
              );
            }
          } else {
            const r = unquotedFieldEnd(buf, words, q, belowWord, delimiter);
            if (r >= filled && !eof) {
              got = MORE;
              break records;
            }
            if (nf < stride) {
              starts[row + nf] = q;
              ends[row + nf] = r;
              quoted[row + nf] = 0;
            }
            nf++;
            if (r >= filled) {
              contentEnd = next = r;
              break;
            }
            q = r;
            if (buf[r] === delimiter) {
              q++;
              continue;
            }
          }
          contentEnd = q;
          if (buf[q] === CR) {
            if (q + 1 >= filled && !eof) {
              got = MORE;
              break records;
            }
            next = buf[q + 1] === LF ? q + 2 : q + 1;
          } else {
            next = q + 1;
          }
          break;
        }
        if (nf > stride && batch.growable) {
          batch.grow(nf);
          ({ stride, starts, ends, quoted } = batch);
          continue;
        }
        if (base + contentEnd > badUtf8At) {
          throw new DataReadError(this.options.file, "not valid UTF-8", badUtf8At, this.records, {
            hint: "save the file as UTF-8"
          });
        }
        const recordStart = p;
        p = next;
        if (nf === 1 && quoted[row] === 0 && starts[row] === ends[row]) continue;
        if (escapes) {
          const kept = Math.min(nf, stride);
          for (let i = row; i < row + kept; i++) {
            if (quoted[i] === 2) {
              ends[i] = unescape(buf, starts[i], ends[i]);
              quoted[i] = 1;
            }
          }
        }
        fieldCounts[n] = nf;
        recordStarts[n] = recordStart;
        contentEnds[n] = contentEnd;
        n++;
        this.records++;
      }
    } catch (error) {
      this.p = p;
      if (n === 0) throw error;
      this.failure = error;
      batch.size = n;
      return RECORD;
    }
    this.p = p;
    batch.size = n;
    return n > 0 ? RECORD : got;
  }
};

export {
  parsed,
  POWERS_OF_TEN,
  parseNumber,
  parseBoolean,
  parseDatetime,
  usualDatetime,
  isMissingToken,
  utf8,
  formatDatetime,
  isGzip,
  fileReader,
  gzipReader,
  RecordBatch,
  CHUNK,
  RECORD,
  MORE,
  DelimitedReader,
  jsonLines,
  cellText,
  openParquet
};
