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

/** Hashes bytes[start, end) into {@link hashed}: murmur3-style mixing of 4-byte little-endian words, two lanes. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): void {
  let h1 = 0x9747b28c ^ (end - start);
  let h2 = 0x5bd1e995 ^ (end - start);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const word = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
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

/** Hashes a number by its value (so "1", "1.0" and 1e0 are one value; -0 is 0) into {@link hashed}. */
export function hashNumber(value: number): void {
  float[0] = value === 0 ? 0 : value;
  const lo = words[0]!;
  const hi = words[1]!;
  hashed.h1 = fmix(Math.imul(lo, 0xcc9e2d51) ^ hi ^ 0x5f3759df);
  hashed.h2 = fmix(Math.imul(hi ^ 0x27d4eb2f, 0x165667b1) ^ lo);
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
    return this.next() % bound;
  }
  get seed(): number {
    return this.state;
  }
}
