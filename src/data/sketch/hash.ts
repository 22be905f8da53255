/**
 * Hashing for sketches: two independent 32-bit hashes per value (64 bits in all), computed from the UTF-8 bytes of
 * text or the IEEE-754 bits of a number. The same value always gets the same pair, in any thread, shard or run, so
 * sketches built apart merge as if built together.
 */

/** The pair of hashes of the last value hashed (no allocation per value). */
export const hashed = { h1: 0, h2: 0 };

const float = new Float64Array(1);
const words = new Int32Array(float.buffer);

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A little-endian view of the last buffer hashed: whole words are read in one load instead of four. */
let viewed: Uint8Array = new Uint8Array(0);
let view = new DataView(viewed.buffer);

/** Hashes bytes[start, end) into {@link hashed}: murmur3-style mixing of 4-byte little-endian words, two lanes. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): void {
  if (bytes !== viewed) {
    viewed = bytes;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const data = view;
  let h1 = 0x9747b28c ^ (end - start);
  let h2 = 0x5bd1e995 ^ (end - start);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const word = data.getInt32(i, true);
    let k = Math.imul(word, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h1 ^= Math.imul(k, 0x1b873593);
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 = Math.imul(h2 ^ word, 0x2c1b3c6d) + 0x297a2d39;
    h2 = (h2 << 17) | (h2 >>> 15);
  }
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i]! << shift;
  h1 ^= Math.imul(tail, 0x1b873593);
  h2 = Math.imul(h2 ^ tail, 0x2c1b3c6d);
  hashed.h1 = fmix(h1);
  hashed.h2 = fmix(h2 ^ h1);
}

/**
 * Hashes a whole record into {@link hashed} for the duplicate-rows check: 16 bytes a step in four lanes, each a chain
 * of bijections (xor a word, multiply by an odd constant, xor-shift) over every fourth word, so two records that
 * differ in one word always differ in a lane; the lanes are then mixed into both output words. It is several times
 * faster than hashBytes on a long record. Its hashes are only spilled and compared within a run, never stored.
 */
export function hashRecord(bytes: Uint8Array, start: number, end: number): void {
  if (bytes !== viewed) {
    viewed = bytes;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const data = view;
  const length = end - start;
  let a = 0x9747b28c ^ length;
  let b = 0x5bd1e995;
  let c = 0x27d4eb2f;
  let d = 0x165667b1;
  let i = start;
  for (; i + 16 <= end; i += 16) {
    a = Math.imul(a ^ data.getInt32(i, true), 0x9e3779b1);
    b = Math.imul(b ^ data.getInt32(i + 4, true), 0x85ebca77);
    c = Math.imul(c ^ data.getInt32(i + 8, true), 0xc2b2ae3d);
    d = Math.imul(d ^ data.getInt32(i + 12, true), 0x27d4eb2f);
    a ^= a >>> 15;
    b ^= b >>> 13;
    c ^= c >>> 16;
    d ^= d >>> 14;
  }
  // The last 0-15 bytes: whole words into the lanes in turn, then the last 0-3 bytes.
  for (let lane = 0; i + 4 <= end; i += 4, lane++) {
    const word = data.getInt32(i, true);
    if (lane === 0) a = Math.imul(a ^ word, 0x9e3779b1) ^ 0x5f3759df;
    else if (lane === 1) b = Math.imul(b ^ word, 0x85ebca77) ^ 0x5f3759df;
    else c = Math.imul(c ^ word, 0xc2b2ae3d) ^ 0x5f3759df;
  }
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i]! << shift;
  d = Math.imul(d ^ tail, 0x27d4eb2f);
  a = fmix(a);
  b = fmix(b);
  c = fmix(c);
  d = fmix(d);
  hashed.h1 = fmix((a + Math.imul(b, 0x9e3779b1) + Math.imul(c, 0x85ebca77) + Math.imul(d, 0xc2b2ae3d)) | 0);
  hashed.h2 = fmix((Math.imul(a, 0x27d4eb2f) + Math.imul(b, 0x165667b1) + c + Math.imul(d, 0x5bd1e995)) ^ hashed.h1);
}

/** Hashes a number by its value (so "1", "1.0" and 1e0 are one value; -0 is 0) into {@link hashed}. */
export function hashNumber(value: number): void {
  float[0] = value === 0 ? 0 : value;
  const lo = words[0]!;
  const hi = words[1]!;
  hashed.h1 = fmix(Math.imul(lo, 0xcc9e2d51) ^ hi ^ 0x5f3759df);
  hashed.h2 = fmix(Math.imul(hi ^ 0x27d4eb2f, 0x165667b1) ^ lo);
}

/**
 * Adds values[0, count) to HyperLogLog `registers` by their hashNumber hashes, in one loop (as `hll.add` after
 * hashNumber for each, without the round trips through {@link hashed}).
 */
export function addNumbersToRegisters(registers: Uint8Array, values: Float64Array, from: number, count: number): void {
  const mask = registers.length - 1;
  for (let i = from; i < count; i++) {
    const value = values[i]!;
    float[0] = value === 0 ? 0 : value;
    const lo = words[0]!;
    const hi = words[1]!;
    let h1 = Math.imul(lo, 0xcc9e2d51) ^ hi ^ 0x5f3759df;
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 0x85ebca6b);
    h1 ^= h1 >>> 13;
    h1 = Math.imul(h1, 0xc2b2ae35);
    h1 ^= h1 >>> 16;
    let h2 = Math.imul(hi ^ 0x27d4eb2f, 0x165667b1) ^ lo;
    h2 ^= h2 >>> 16;
    h2 = Math.imul(h2, 0x85ebca6b);
    h2 ^= h2 >>> 13;
    h2 = Math.imul(h2, 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    // As HyperLogLog.add: h2's low bits pick the register, h1's leading zeros give the rank.
    const index = h2 & mask;
    const rank = Math.clz32(h1) + 1;
    if (rank > registers[index]!) registers[index] = rank;
  }
}

/** A 53-bit key from {@link hashed}, exact as a JavaScript number: all of h1 and the low 21 bits of h2. */
export function hashKey(h1: number, h2: number): number {
  return h1 * 0x200000 + (h2 & 0x1fffff);
}

/** Splits a {@link hashKey} back into the bits sketches use (h1, and h2's low 21 bits). */
export function keyParts(key: number): { h1: number; h2: number } {
  const h1 = Math.floor(key / 0x200000);
  return { h1, h2: key - h1 * 0x200000 };
}

/**
 * A fixed set of {@link hashKey} keys, looked up by the hash pair without making the key (a number above 2^31, which
 * a Set would box and hash again for every value).
 */
export class KeySet {
  private readonly highs: Int32Array;
  private readonly lows: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(keys: readonly number[]) {
    let slots = 16;
    while (slots < keys.length * 2) slots *= 2;
    this.highs = new Int32Array(slots);
    this.lows = new Int32Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
    for (const key of keys) {
      const { h1, h2 } = keyParts(key);
      if (!this.has(h1, h2)) {
        let slot = this.slotOf(h1, h2);
        while (this.used[slot] === 1) slot = (slot + 1) & this.mask;
        this.used[slot] = 1;
        this.highs[slot] = h1 | 0;
        this.lows[slot] = h2 & 0x1fffff;
      }
    }
  }

  private slotOf(h1: number, h2: number): number {
    return (h1 ^ (h2 & 0x1fffff)) & this.mask;
  }

  /** Whether hashKey(h1, h2) is in the set. */
  has(h1: number, h2: number): boolean {
    const high = h1 | 0;
    const low = h2 & 0x1fffff;
    for (let slot = this.slotOf(h1, h2); this.used[slot] === 1; slot = (slot + 1) & this.mask)
      if (this.highs[slot] === high && this.lows[slot] === low) return true;
    return false;
  }
}

/** A small, fast, seeded pseudo-random generator (xorshift32): sketches must be reproducible run to run. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  /** An integer in [0, bound). */
  below(bound: number): number {
    const x = this.next();
    // For a power of two (the KLL sampler's blocks) the low bits are the remainder: no floating-point modulo.
    return bound > 0 && bound <= 0x80000000 && (bound & (bound - 1)) === 0 ? x & (bound - 1) : x % bound;
  }
  get seed(): number {
    return this.state;
  }
}
