/**
 * The field scanner of the delimited reader (reader.ts): where an unquoted field ends, where a quoted one closes, and
 * undoing its "" escapes. Each works on the reader's buffer, which ends in sentinels (see InputBuffer.fill): a line
 * end and a quote after the data, so no search needs a bounds check of its own.
 */

export const QUOTE = 34;
export const LF = 10;
export const CR = 13;

/** closingQuote's answer when the buffer ends before the quote closes (read more and parse the record again). */
export const NEEDS_MORE = -2;

/** Set by closingQuote: whether the field held "" escapes. */
export const quoteScan = { escaped: false };

/**
 * `high + 1` in each byte of a word, `high` being the delimiter or the carriage return, whichever is greater: a word
 * with no byte below it holds no end of an unquoted field (see unquotedFieldEnd).
 */
export function belowWordOf(delimiter: number): number {
  const high = Math.max(delimiter, CR);
  if (high >= 128) throw new Error("the delimiter must be an ASCII character");
  return (high + 1) * 0x01010101;
}

/**
 * Where the unquoted field that starts at `from` ends: at the delimiter, a line end, or the sentinel line end after
 * the data. Four bytes at a time: `below` marks the bytes under belowWord's (the first mark is exact), and only a
 * marked byte can be the delimiter or a line end.
 */
export function unquotedFieldEnd(
  buf: Uint8Array,
  words: DataView,
  from: number,
  belowWord: number,
  delimiter: number,
): number {
  let r = from;
  for (;;) {
    const word = words.getInt32(r, true);
    const below = (word - belowWord) & ~word & 0x80808080;
    if (below === 0) {
      r += 4;
      continue;
    }
    r += (31 - Math.clz32(below & -below)) >>> 3;
    const c = buf[r]!;
    if (c === delimiter || c === LF || c === CR) return r;
    r++;
  }
}

/**
 * The closing quote of the quoted field whose text starts at `from` (after its opening quote); NEEDS_MORE when the
 * buffer ends first, -1 when the file does. Sets quoteScan.escaped.
 */
export function closingQuote(buf: Buffer, from: number, filled: number, eof: boolean): number {
  let escaped = false;
  let at = from;
  for (;;) {
    // The sentinel quote at buf[filled + 1] ends the search at the latest.
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

/** Turns each "" in buf[start, end) into ", in place; returns the new end. */
export function unescape(buf: Buffer, start: number, end: number): number {
  let write = start;
  for (let read = start; read < end; read++) {
    buf[write++] = buf[read]!;
    if (buf[read] === QUOTE) read++;
  }
  return write;
}
