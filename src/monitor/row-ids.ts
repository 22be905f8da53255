import { utf8 } from "../data/values.ts";

/**
 * A window's request ids as the label join needs them: their UTF-8 bytes side by side in one buffer and a hash table
 * of row numbers, so a window of a few hundred thousand rows costs a few megabytes and no string per row. The readers
 * check UTF-8 as bytes arrive, so equal bytes are equal ids. Rows with an empty id are kept (as "") but never indexed.
 */
export class RowIds {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** Per row: where its id ends in `bytes` (it starts where the row before ends). */
  private ends: Int32Array;
  count = 0;
  /** Slots of row + 1 of the first row with each id (0: free), by hash; built by the first lookup. */
  private table: Int32Array | null = null;
  /**
   * A bit per id's hash, four bits a slot (at least eight an id): a Bloom filter of one hash, a few hundred kilobytes,
   * that turns most ids no row has away before the table (megabytes, a cache miss a probe) is read. A window's join
   * looks up the labels of the days around it, which miss as often as they match: a 10M-row run spent a fifth of its
   * measuring thread's time here (index and lookups of a 333k-row window: 217 ms, with the filter 132).
   */
  private filter = new Uint32Array(0);
  /** Which bit of the filter a hash sets: the top bits of its product with the golden ratio. */
  private filterShift = 0;
  /** Per row: row + 1 of the next row with the same id (0: none). */
  private later: Int32Array | null = null;
  private repeated = 0;

  /** `rows`: how many ids are coming, when known (a window's rows), so the row index is not grown by doubling. */
  constructor(rows = 0) {
    this.ends = new Int32Array(Math.max(1024, rows));
  }

  /** Adds the next row's id, bytes[start, end). */
  add(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = new Int32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    for (let i = start; i < end; i++) this.bytes[this.used++] = source[i]!;
    this.ends[this.count++] = this.used;
    this.table = null;
  }

  /** Adds an id given as text. */
  addText(id: string): void {
    const bytes = Buffer.from(id);
    this.add(bytes, 0, bytes.length);
  }

  /** Row `row`'s id ("" when empty). */
  text(row: number): string {
    return utf8(this.bytes, row === 0 ? 0 : this.ends[row - 1]!, this.ends[row]!);
  }

  /** Rows whose id an earlier row had (empty ids aside). */
  get duplicates(): number {
    this.index();
    return this.repeated;
  }

  /** The row with the id bytes[start, end), or its rows in order when it was logged more than once. */
  rowsOf(source: Uint8Array, start: number, end: number): number | number[] | undefined {
    const table = this.index();
    const first = this.find(table, source, start, end);
    if (first < 0) return undefined;
    const later = this.later!;
    if (later[first] === 0) return first;
    const rows = [first];
    for (let row = later[first]! - 1; row >= 0; row = later[row]! - 1) rows.push(row);
    return rows;
  }

  private index(): Int32Array {
    if (this.table) return this.table;
    let size = 1024;
    while (size < this.count * 2) size *= 2;
    const table = new Int32Array(size);
    const filter = new Uint32Array(size >> 3);
    const shift = Math.clz32((size << 2) - 1);
    const later = new Int32Array(this.count);
    const last = new Int32Array(this.count);
    this.repeated = 0;
    const mask = size - 1;
    for (let row = 0; row < this.count; row++) {
      const start = row === 0 ? 0 : this.ends[row - 1]!;
      const end = this.ends[row]!;
      if (start === end) continue;
      const hash = hashOf(this.bytes, start, end);
      const bit = Math.imul(hash, GOLDEN) >>> shift;
      filter[bit >>> 5]! |= 1 << (bit & 31);
      let slot = hash & mask;
      for (;;) {
        const held = table[slot]!;
        if (held === 0) {
          table[slot] = row + 1;
          last[row] = row;
          break;
        }
        if (this.equal(held - 1, this.bytes, start, end)) {
          this.repeated++;
          later[last[held - 1]!] = row + 1;
          last[held - 1] = row;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    this.table = table;
    this.filter = filter;
    this.filterShift = shift;
    this.later = later;
    return table;
  }

  private find(table: Int32Array, source: Uint8Array, start: number, end: number): number {
    if (start === end) return -1;
    const mask = table.length - 1;
    const hash = hashOf(source, start, end);
    const bit = Math.imul(hash, GOLDEN) >>> this.filterShift;
    if (((this.filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return -1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = table[slot]!;
      if (held === 0) return -1;
      if (this.equal(held - 1, source, start, end)) return held - 1;
    }
  }

  private equal(row: number, source: Uint8Array, start: number, end: number): boolean {
    const from = row === 0 ? 0 : this.ends[row - 1]!;
    if (this.ends[row]! - from !== end - start) return false;
    const bytes = this.bytes;
    for (let i = 0; i < end - start; i++) if (bytes[from + i] !== source[start + i]) return false;
    return true;
  }
}

/** 2^32 / φ: multiplying by it spreads a hash's bits into the product's top ones (Fibonacci hashing). */
const GOLDEN = 0x9e3779b1;

/** FNV-1a over the bytes, finished with murmur3's mixer (ids often differ only in their last digits). */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
