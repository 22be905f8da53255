import { isUtf8 } from "node:buffer";
import { DataReadError } from "../../errors.ts";
import type { ChunkReader } from "./chunks.ts";
import { LONG_RECORD_HINT, MAX_RECORD_BYTES } from "./delimited/input.ts";

/**
 * JSON Lines: one JSON object per line (a JSON text never holds a raw line feed, so lines are records). Blank lines
 * are skipped. Yields each object with its line number and byte offset. A line longer than MAX_RECORD_BYTES is
 * refused when that many bytes of it have been read: the buffer never holds more, whatever the file is.
 */
export async function* jsonLines(
  reader: ChunkReader,
  file: string,
): AsyncGenerator<{ object: Record<string, unknown>; line: number; offset: number }> {
  // buffer[start, filled) is read and not yet parsed; `base` is the file offset of buffer[0].
  let buffer = Buffer.allocUnsafe(1 << 20);
  let start = 0;
  let filled = 0;
  let base = 0;
  let line = 0;
  let eof = false;
  while (!eof) {
    if (filled === buffer.length) {
      if (start > 0) {
        // Move the unfinished line to the front, then read on behind it.
        buffer.copy(buffer, 0, start, filled);
        base += start;
        filled -= start;
        start = 0;
      } else {
        if (buffer.length > MAX_RECORD_BYTES) {
          throw new DataReadError(file, `line ${line + 1} is longer than ${MAX_RECORD_BYTES >> 20} MiB`, base, null, {
            hint: LONG_RECORD_HINT,
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
    for (;;) {
      let end = buffer.subarray(0, filled).indexOf(10, start);
      if (end < 0) {
        if (!eof || start >= filled) break;
        end = filled;
      }
      line++;
      const offset = base + start;
      const bytes = buffer.subarray(start, end);
      start = end + 1;
      if (!isUtf8(bytes)) throw new DataReadError(file, `line ${line} is not valid UTF-8`, offset, null);
      const text = bytes.toString("utf8");
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new DataReadError(file, `line ${line} is not valid JSON (${(error as Error).message})`, offset, null, {
          hint: "each line of a JSON Lines file is one JSON object",
        });
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new DataReadError(file, `line ${line} is not a JSON object`, offset, null, {
          hint: "each line of a JSON Lines file is one JSON object",
        });
      }
      yield { object: value as Record<string, unknown>, line, offset };
    }
    if (start >= filled) {
      base += filled;
      start = filled = 0;
    }
  }
}

/** A JSON value as the text a CSV cell would hold: null stays null, objects and arrays become JSON. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
