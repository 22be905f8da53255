import { hashed, hashRecord } from "../sketch/hash.ts";

/** What the readers and column accumulators feed the repeat checks through (the writer is writer.ts). */

/** Receives hashes for the rules that need the whole dataset at once (unique values, duplicate rows). */
export interface RepeatSink {
  /** File offset of the record being read, or -1 when the reader has none (the value's text is kept instead). */
  offset: number;
  /** The records' own hashes, when a unique value carries its record's hash for the duplicate-rows check. */
  rows: RowHashes | null;
  /** One row's hash for `check`; bytes[start, end) is the value, kept as text only when there is no offset. */
  add(
    check: number,
    h1: number,
    h2: number,
    record: number,
    bytes: Uint8Array | null,
    start: number,
    end: number,
  ): void;
}

/**
 * The records being read, for the duplicate-rows check: set by the reader before a batch's values are observed. A
 * value spilled for `check` (the carrying unique column) takes its record's hash with it and marks the record
 * `carried` (so does a value left out of the spill in order, see KeyOrder); the reader spills only the others to the
 * duplicate-rows check. Hashes are made when needed: from the batch's bytes, or kept in `hashes` by readers of text.
 */
export class RowHashes {
  /** The record (within the range) that index 0 stands for. */
  base = 0;
  /** h1, h2 of record base + i at 2i, 2i + 1, when `bytes` is null. */
  readonly hashes: Int32Array;
  readonly carried: Uint8Array;
  /** The batch's buffer and record spans, for a delimited file. */
  bytes: Uint8Array | null = null;
  recordStarts: Int32Array | null = null;
  contentEnds: Int32Array | null = null;

  constructor(
    /** The unique check that carries row hashes, or -1 (none: every row takes the duplicate-rows spill). */
    readonly check: number,
    capacity: number,
  ) {
    this.hashes = new Int32Array(2 * capacity);
    this.carried = new Uint8Array(capacity);
  }

  /** Records base + i are the batch's record i, in `bytes` (a delimited file): hashes are made from them. */
  atBatch(base: number, bytes: Uint8Array, recordStarts: Int32Array, contentEnds: Int32Array): void {
    this.base = base;
    this.bytes = bytes;
    this.recordStarts = recordStarts;
    this.contentEnds = contentEnds;
  }

  /** Record `record` alone, already hashed to (h1, h2) (readers of text). */
  atRecord(record: number, h1: number, h2: number): void {
    this.base = record;
    this.bytes = null;
    this.hashes[0] = h1;
    this.hashes[1] = h2;
    this.carried[0] = 0;
  }

  /** Hashes record base + index into {@link hashed}. */
  hash(index: number): void {
    if (this.bytes === null) {
      hashed.h1 = this.hashes[2 * index]!;
      hashed.h2 = this.hashes[2 * index + 1]!;
    } else {
      hashRecord(this.bytes, this.recordStarts![index]!, this.contentEnds![index]!);
    }
  }
}
