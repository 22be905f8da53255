import { decodeCapped } from "../text-cap.ts";

/**
 * Value counts that stay exact while a column has few distinct values and turn into a Misra-Gries frequent-items
 * summary when it has many (Misra & Gries 1982; mergeable per Agarwal et al., "Mergeable Summaries", 2012).
 *
 * Values are keyed by a 53-bit hash of their bytes (hash.ts): two different values share a key with probability
 * below 1e-9 among the {@link FREQUENT_CAPACITY} kept. When the table is full, the median count is subtracted from
 * every entry and the entries that reach zero are dropped; `error` adds up what was subtracted, so each count is
 * exact to within `error` (too low, never too high), and a value missing from the table occurred at most `error`
 * times. While `error` is 0 the table holds every value with its exact count.
 */

export const FREQUENT_CAPACITY = 2048;

/** A value's words as kept: capped (text-cap.ts), so 2,048 entries of a 12 MiB field cannot fill memory or a profile. */
const textOf = decodeCapped;

export interface FrequentState {
  /** [key, count, text] per value; text is null when the value was not kept in words (see `add`). */
  entries: [number, number, string | null][];
  error: number;
}

const INDEX_SIZE = FREQUENT_CAPACITY * 4;

export class FrequentItems {
  /** Open-addressing index from key to slot + 1 (0 = empty): no allocation per lookup, unlike a Map of doubles. */
  private readonly index = new Int32Array(INDEX_SIZE);
  private counts = new Float64Array(FREQUENT_CAPACITY + 1);
  private keys = new Float64Array(FREQUENT_CAPACITY + 1);
  private texts: (string | null)[] = [];
  private used = 0;
  error = 0;

  /**
   * Counts one occurrence of bytes[start, end) (hashed to `key`). Its words are only decoded when needed: for a new
   * value while the table is exact, or for a value seen twice (after the table has overflowed, most new values are
   * seen once and dropped again, so decoding each would be wasted work).
   */
  add(key: number, bytes: Uint8Array, start: number, end: number): void {
    const slot = this.find(key);
    if (slot >= 0) {
      this.counts[slot]!++;
      if (this.texts[slot] === null) this.texts[slot] = textOf(bytes, start, end);
      return;
    }
    if (this.used === FREQUENT_CAPACITY) this.purge();
    this.insert(key, 1, this.error === 0 ? textOf(bytes, start, end) : null);
  }

  /** Counts `count` occurrences of bytes[start, end) at once (see add). */
  addCount(key: number, count: number, bytes: Uint8Array, start: number, end: number): void {
    const slot = this.find(key);
    if (slot >= 0) {
      this.counts[slot]! += count;
      if (this.texts[slot] === null) this.texts[slot] = textOf(bytes, start, end);
      return;
    }
    if (this.used === FREQUENT_CAPACITY) this.purge();
    this.insert(key, count, this.error === 0 || count > 1 ? textOf(bytes, start, end) : null);
  }

  /** The key's slot, or -1. Keys are integers below 2^53; `key | 0` keeps their low 32 bits, hash bits all. */
  private find(key: number): number {
    const index = this.index;
    const mask = INDEX_SIZE - 1;
    for (let i = (key | 0) & mask; ; i = (i + 1) & mask) {
      const entry = index[i]!;
      if (entry === 0) return -1;
      if (this.keys[entry - 1] === key) return entry - 1;
    }
  }

  private insert(key: number, count: number, text: string | null): void {
    const slot = this.used++;
    const index = this.index;
    const mask = INDEX_SIZE - 1;
    let i = (key | 0) & mask;
    while (index[i] !== 0) i = (i + 1) & mask;
    index[i] = slot + 1;
    this.keys[slot] = key;
    this.counts[slot] = count;
    this.texts[slot] = text;
  }

  /** Subtracts the median count from every entry and drops those that reach zero (at least half of them). */
  private purge(): void {
    const median = medianCount(this.counts, this.used);
    this.error += median;
    const keys = this.keys;
    const counts = this.counts;
    const texts = this.texts;
    this.index.fill(0);
    let kept = 0;
    for (let i = 0; i < this.used; i++) {
      const count = counts[i]! - median;
      if (count <= 0) continue;
      keys[kept] = keys[i]!;
      counts[kept] = count;
      texts[kept] = texts[i]!;
      kept++;
    }
    texts.length = kept;
    this.used = 0;
    // Re-index the survivors.
    const survivors = kept;
    for (let i = 0; i < survivors; i++) this.insert(keys[i]!, counts[i]!, texts[i] ?? null);
  }

  merge(state: FrequentState): void {
    this.error += state.error;
    for (const [key, count, text] of state.entries) {
      const slot = this.find(key);
      if (slot >= 0) {
        this.counts[slot]! += count;
        this.texts[slot] ??= text;
      } else {
        if (this.used === FREQUENT_CAPACITY) this.purge();
        this.insert(key, count, text);
      }
    }
  }

  /** Values in the table now. */
  get size(): number {
    return this.used;
  }

  /** Number of distinct values, when it is exactly known (the table never overflowed). */
  get exactDistinct(): number | null {
    return this.error === 0 ? this.used : null;
  }

  keysInTable(): Float64Array {
    return this.keys.slice(0, this.used);
  }

  toState(): FrequentState {
    const entries: [number, number, string | null][] = [];
    for (let i = 0; i < this.used; i++) entries.push([this.keys[i]!, this.counts[i]!, this.texts[i] ?? null]);
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { entries, error: this.error };
  }
}

/** A copy of the counts for the quickselect, kept: a purge then allocates nothing. */
const scratch = new Float64Array(FREQUENT_CAPACITY + 1);

/**
 * The (used >>> 1)-th smallest (0-based) of counts[0, used). Past overflow most entries were seen once, so the
 * smallest count usually fills more than half of the table and is the answer without the quickselect.
 */
function medianCount(counts: Float64Array, used: number): number {
  const k = used >>> 1;
  let smallest = Infinity;
  let atSmallest = 0;
  for (let i = 0; i < used; i++) {
    const count = counts[i]!;
    if (count < smallest) {
      smallest = count;
      atSmallest = 1;
    } else if (count === smallest) atSmallest++;
  }
  if (atSmallest > k) return smallest;
  scratch.set(counts.subarray(0, used));
  return kthSmallest(scratch.subarray(0, used), k);
}

/** Quickselect: the k-th smallest (0-based) value; reorders `values`. */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
