/**
 * How much of a data value the kit ever repeats: a top value, an example in a finding, a category in a drift chart.
 * A value is data, and data can hold a 12 MiB field; a report, a `--json` result, an annotation or a stored profile
 * needs a glimpse of it, not all of it. Longer values keep their first {@link TEXT_CAP} characters (code points, so a
 * character is never split) followed by "…": a text holds more than TEXT_CAP characters exactly when it was cut.
 */

export const TEXT_CAP = 256;
export const CUT_MARK = "…";

/** The text, or its first TEXT_CAP characters and the mark when it is longer (a text cut already stays as it is). */
export function capText(text: string): string {
  // At most two UTF-16 units per character: a short text needs no count.
  if (text.length <= TEXT_CAP) return text;
  let units = 0;
  let characters = 0;
  while (units < text.length && characters < TEXT_CAP) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
    characters++;
  }
  return units === text.length ? text : `${text.slice(0, units)}${CUT_MARK}`;
}

/** Whether a text from {@link capText} was cut. */
export function isCut(text: string): boolean {
  if (text.length <= TEXT_CAP || !text.endsWith(CUT_MARK)) return false;
  let characters = 0;
  for (const _ of text) if (++characters > TEXT_CAP) return true;
  return false;
}

/**
 * bytes[start, end) as UTF-8 text, capped as {@link capText} does, without decoding the rest of a long value: a
 * character takes at most 4 bytes, so TEXT_CAP + 1 whole characters (enough to know the value is longer) lie within
 * the first 4 * (TEXT_CAP + 1) + 3 bytes, and a character split by that cut lies past the ones kept.
 */
export function decodeCapped(bytes: Uint8Array, start: number, end: number): string {
  const stop = Math.min(end, start + 4 * (TEXT_CAP + 1) + 3);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, stop - start).toString("utf8");
  return capText(text);
}
