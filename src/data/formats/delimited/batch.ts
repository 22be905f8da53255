/**
 * Records parsed in one go, as field spans of the reader's buffer: field f of record r is
 * buffer[starts[r * stride + f], ends[r * stride + f]). A record with more than `stride` fields keeps its first
 * `stride` (fieldCounts says how many it had). Valid until the reader's next fill().
 */
export class RecordBatch {
  starts: Int32Array;
  ends: Int32Array;
  /** 0 unquoted, 1 quoted (so an empty quoted field is "", not missing). */
  quoted: Uint8Array;
  readonly fieldCounts: Int32Array;
  /** Each record's span in the buffer, without its line end. */
  readonly recordStarts: Int32Array;
  readonly contentEnds: Int32Array;
  /** Records in the batch now. */
  size = 0;

  constructor(
    /** Records the batch holds at most. */
    readonly capacity: number,
    /** Field slots per record (at least 1). */
    public stride: number,
    /** Whether the stride grows to hold every field of a record (a batch of one record only). */
    readonly growable = false,
  ) {
    if (growable && capacity !== 1) throw new Error("only a batch of one record can grow");
    this.stride = Math.max(1, stride);
    this.starts = new Int32Array(capacity * this.stride);
    this.ends = new Int32Array(capacity * this.stride);
    this.quoted = new Uint8Array(capacity * this.stride);
    this.fieldCounts = new Int32Array(capacity);
    this.recordStarts = new Int32Array(capacity);
    this.contentEnds = new Int32Array(capacity);
  }

  grow(fields: number): void {
    this.stride = Math.max(fields, this.stride * 2);
    this.starts = new Int32Array(this.capacity * this.stride);
    this.ends = new Int32Array(this.capacity * this.stride);
    this.quoted = new Uint8Array(this.capacity * this.stride);
  }
}
