import type { RepeatExample } from "./findings.ts";

/**
 * Rules that need every row at once (unique values, a unique key, duplicate rows), in constant memory: while reading,
 * each row's 64-bit hash is appended to one of P partition files by hash, with where the row is (range, record, byte
 * offset); afterwards each partition is checked alone with a hash table. Memory is one partition's table (rows / P
 * entries), not the dataset's; the disk holds about 24 bytes per row. The value shown for a repeat is read back from
 * the data file at its offset (sources without offsets, such as gzip, store the value's text instead).
 *
 * Two different rows share a 64-bit hash with probability about rows² / 2^65 (3e-6 for 10 million rows): such a pair
 * would be counted as a repeat.
 *
 * Duplicate rows ride on a unique column's check when the schema has one (ScanPlan.duplicateCarrier): two identical
 * rows have the same value in that column, so the row's own hash goes out with its value (8 more bytes) and is
 * compared only within the groups of rows whose value repeats. Only the rows without a value there (empty, or not
 * of the column's type) take the duplicate-rows check's own spill. Passing data thus costs no second spill.
 */

/**
 * A spilled row is u32 words: h1, h2, the range (low 24 bits) with flags (high 8 bits: where the value is, nothing, a
 * file offset or its text, and whether the row's hash follows), the record within the range, then the row's hash
 * (2 words) when carried, then the offset (2 words) or the text's length and its bytes. A row of the duplicate-rows
 * check is 4 words (16 bytes): its value is never shown.
 */
export const HEAD = 4;
const AT_NOTHING = 0;
export const AT_OFFSET = 1;
export const AT_TEXT = 2;
export const WHERE = 3;
/** Flag: the row's own hash follows the head (the duplicate-rows check rides on this unique check). */
export const ROW_HASH = 4;
/** Ranges are numbered in 24 bits (16 million ranges of at least 8 MiB is more than any dataset a run reads). */
export const MAX_RANGE = 0xffffff;
/** Text kept for a value without an offset (gzip sources), at most. */
export const MAX_TEXT = 240;
/** The longest spilled row: the head, the row's hash, the text's length and the text. */
export const MAX_ROW_WORDS = HEAD + 2 + 1 + MAX_TEXT / 4;

/** Words between the head and where the value is: the row's hash, when carried. */
export function rowHashWords(headWord: number): number {
  return (headWord >>> 24) & ROW_HASH ? 2 : 0;
}

/** The words after a row's head. */
export function tailWords(headWord: number, records: Uint32Array, at: number): number {
  const where = (headWord >>> 24) & WHERE;
  const skip = rowHashWords(headWord);
  return skip + (where === AT_NOTHING ? 0 : where === AT_OFFSET ? 2 : 1 + Math.ceil(records[at + HEAD + skip]! / 4));
}

export function rowOf(records: Uint32Array, at: number, rowStart: Map<number, number>): number {
  const start = rowStart.get(records[at + 2]! & MAX_RANGE);
  return start === undefined ? -1 : start + records[at + 3]!;
}

export function exampleOf(records: Uint32Array, at: number, row: number): RepeatExample {
  const head = records[at + 2]!;
  const where = (head >>> 24) & WHERE;
  const tail = at + HEAD + rowHashWords(head);
  const text =
    where === AT_TEXT && records[tail]! > 0
      ? Buffer.from(records.buffer, records.byteOffset + (tail + 1) * 4, records[tail]).toString("utf8")
      : null;
  return {
    row,
    range: head & MAX_RANGE,
    record: records[at + 3]!,
    offset: where === AT_OFFSET ? records[tail + 1]! * 0x100000000 + records[tail]! : null,
    text,
  };
}
