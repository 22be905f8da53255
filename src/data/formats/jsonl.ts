import { isUtf8 } from "node:buffer";
import { DataReadError } from "../../errors.ts";
import type { ChunkReader } from "./chunks.ts";

/**
 * JSON Lines: one JSON object per line (a JSON text never holds a raw line feed, so lines are records). Blank lines
 * are skipped. Yields each object with its line number and byte offset.
 */
export async function* jsonLines(
  reader: ChunkReader,
  file: string,
): AsyncGenerator<{ object: Record<string, unknown>; line: number; offset: number }> {
  let buffer = Buffer.allocUnsafe(0);
  let base = 0;
  let line = 0;
  let eof = false;
  const chunk = Buffer.allocUnsafeSlow(1 << 20);
  while (!eof) {
    const n = await reader.read(chunk, 0, chunk.length);
    if (n === 0) eof = true;
    buffer = buffer.length === 0 ? Buffer.from(chunk.subarray(0, n)) : Buffer.concat([buffer, chunk.subarray(0, n)]);
    let start = 0;
    for (;;) {
      let end = buffer.indexOf(10, start);
      if (end < 0) {
        if (!eof || start >= buffer.length) break;
        end = buffer.length;
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
    base += Math.min(start, buffer.length);
    buffer = buffer.subarray(Math.min(start, buffer.length));
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
