import { hashed, hashNumber } from "./hash.ts";

/**
 * Exact counts of each distinct number, up to `capacity` of them, in a flat open-addressing table (a JavaScript Map
 * of doubles costs several times more per lookup, and this runs for every value of a numeric column).
 */
export class NumberCounts {
  private readonly keys: Float64Array;
  private readonly counts: Float64Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  size = 0;

  constructor(readonly capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Float64Array(slots);
    this.counts = new Float64Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
  }

  /**
   * Counts `value` (hashed by the caller with hashNumber, so {@link hashed} holds its hash). False when the value is
   * new and the table is full: the caller then stops counting exactly.
   */
  addHashed(value: number): boolean {
    const mask = this.mask;
    let slot = hashed.h2 & mask;
    const keys = this.keys;
    const used = this.used;
    while (used[slot] === 1) {
      if (keys[slot] === value) {
        this.counts[slot]!++;
        return true;
      }
      slot = (slot + 1) & mask;
    }
    if (this.size === this.capacity) return false;
    used[slot] = 1;
    keys[slot] = value + 0; // -0 and 0 are one number
    this.counts[slot] = 1;
    this.size++;
    return true;
  }

  add(value: number, count = 1): boolean {
    hashNumber(value);
    if (!this.addHashed(value)) return false;
    if (count !== 1) {
      // addHashed counted one; add the rest to the same slot.
      let slot = hashed.h2 & this.mask;
      while (this.keys[slot] !== value) slot = (slot + 1) & this.mask;
      this.counts[slot]! += count - 1;
    }
    return true;
  }

  /** [number, count] in ascending order of the numbers. */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let slot = 0; slot < this.used.length; slot++)
      if (this.used[slot] === 1) out.push([this.keys[slot]!, this.counts[slot]!]);
    return out.sort((a, b) => a[0] - b[0]);
  }

  /** The numbers counted, in no particular order. */
  values(): Float64Array {
    const values = new Float64Array(this.size);
    let at = 0;
    for (let slot = 0; slot < this.used.length; slot++) if (this.used[slot] === 1) values[at++] = this.keys[slot]!;
    return values;
  }
}
