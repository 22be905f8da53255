/**
 * The bootstrap's random numbers: xoshiro128** (Blackman and Vigna), seeded through splitmix64, and Lemire's
 * nearly-divisionless method for uniform integers below n (with its rejection step, so every row is exactly equally
 * likely). Fixed, documented algorithms, so an interval can be reproduced anywhere: the gate's Python fixtures
 * (test/fixtures/gate/generate.py) replay the same stream to check the kit's intervals against scikit-learn.
 */

const TWO_32 = 4294967296;
/** xoshiro128**'s jump polynomial (2^64 steps), from the authors' reference code. */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];
const MASK_64 = (1n << 64n) - 1n;

export class Random {
  /**
   * xoshiro128** state; an Int32Array so stepping it allocates nothing. Hot loops (the bootstrap) copy it into local
   * variables, step them inline with exactly {@link nextUint32}'s code, and store them back.
   */
  readonly state = new Int32Array(4);

  constructor(seed: number) {
    // splitmix64 over the seed (any integer, negative ones as their 64-bit two's complement) gives the 128-bit state.
    let x = BigInt.asUintN(64, BigInt(Math.trunc(seed)));
    const next = (): bigint => {
      x = (x + 0x9e3779b97f4a7c15n) & MASK_64;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
      return z ^ (z >> 31n);
    };
    const a = next();
    const b = next();
    this.state[0] = Number(a & 0xffffffffn);
    this.state[1] = Number(a >> 32n);
    this.state[2] = Number(b & 0xffffffffn);
    this.state[3] = Number(b >> 32n);
    if (this.state.every((word) => word === 0)) this.state[0] = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const s = this.state;
    const s1 = s[1] ?? 0;
    const times5 = Math.imul(s1, 5);
    const result = Math.imul((times5 << 7) | (times5 >>> 25), 9);
    const t = s1 << 9;
    const s2 = (s[2] ?? 0) ^ (s[0] ?? 0);
    const s3 = (s[3] ?? 0) ^ s1;
    s[1] = s1 ^ s2;
    s[0] = (s[0] ?? 0) ^ s3;
    s[2] = s2 ^ t;
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /**
   * Moves the generator 2^64 draws on (Blackman and Vigna's jump polynomial for xoshiro128**), so streams jumped
   * from one seed never overlap: the bootstrap draws resample r from the seed's stream jumped r times, which lets any
   * thread draw any resample (test/fixtures/gate/generate.py checks the jump against 2^64 steps of the state's matrix).
   */
  jump(): void {
    const s = this.state;
    let [s0, s1, s2, s3] = [s[0]!, s[1]!, s[2]!, s[3]!];
    let j0 = 0;
    let j1 = 0;
    let j2 = 0;
    let j3 = 0;
    for (const word of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1) {
          j0 ^= s0;
          j1 ^= s1;
          j2 ^= s2;
          j3 ^= s3;
        }
        // One step, as nextUint32 takes it (the output is not needed), in local variables: the bootstrap jumps once
        // per resample, up to 100,000 times.
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
      }
    }
    s[0] = j0;
    s[1] = j1;
    s[2] = j2;
    s[3] = j3;
  }

  /**
   * A uniform integer in [0, n), for 1 <= n < 2^32: the high word of x * n, redrawing x while the low word falls
   * below 2^32 mod n (Lemire 2019). `threshold` is {@link lemireThreshold}(n), passed in so hot loops compute it once.
   */
  below(n: number, threshold: number): number {
    for (;;) {
      const x = this.nextUint32();
      const low = Math.imul(x, n) >>> 0;
      // x * n exceeds 2^53 when n > 2^21, but it is off by far less than 2^31, so rounding recovers the exact high word.
      if (low >= threshold) return Math.round((x * n - low) / TWO_32);
    }
  }
}

/** (2^32 - n) mod n: low words below it are redrawn, which makes {@link Random.below} exactly uniform. */
export function lemireThreshold(n: number): number {
  return (TWO_32 - n) % n;
}

const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * Fills `uniforms` with numbers in [0, 1) (32 random bits each), stepping the generator's state in local variables
 * with exactly {@link Random.nextUint32}'s code, as the bootstrap's hot loop does (CBPE's simulation draws its rows'
 * outcomes with it: monitor/cbpe-simulation.ts).
 */
export function fillUniform(random: Random, uniforms: Float64Array): void {
  const state = random.state;
  let s0 = state[0] ?? 0;
  let s1 = state[1] ?? 0;
  let s2 = state[2] ?? 0;
  let s3 = state[3] ?? 0;
  for (let i = 0; i < uniforms.length; i++) {
    const times5 = Math.imul(s1, 5);
    uniforms[i] = (Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0) * TWO_TO_MINUS_32;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
