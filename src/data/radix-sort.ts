/**
 * Sorting many doubles (a column's held values, held-values.ts) in the order of Float64Array.prototype.sort:
 * ascending, -0 before 0, NaN last. A least-significant-digit radix sort on the 64 bits, 16 at a time, takes four
 * linear passes (fewer when a digit is the same in every value), where the built-in comparison sort takes several
 * times as long on a few hundred thousand values.
 */

/** Below this many values the built-in sort is as fast (the digit counts cost 256 KiB to clear). */
const RADIX_FROM = 4096;

/** Sorts `values` in place and returns it, as `values.sort()` does. */
export function sortDoubles(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_FROM || values.byteOffset % 8 !== 0) return values.sort();
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) return values.sort();
  // Little-endian words: [2i] the low half, [2i + 1] the high half (with the sign).
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // As unsigned keys: a negative number's bits all flipped (larger magnitudes come first), a positive one's sign set.
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1]!;
    if (high >>> 31) {
      words[2 * i] = ~words[2 * i]! >>> 0;
      words[2 * i + 1] = ~high >>> 0;
    } else words[2 * i + 1] = (high | 0x80000000) >>> 0;
  }
  let from: Uint32Array = words;
  let to: Uint32Array = scratch(2 * n);
  const counts = digitCounts();
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[2 * i + word]! >>> shift) & 0xffff]!++;
    // A digit every key shares leaves the order as it is.
    if (counts[(from[word]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const count = counts[d]!;
      counts[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const at = 2 * counts[(from[2 * i + word]! >>> shift) & 0xffff]!++;
      to[at] = from[2 * i]!;
      to[at + 1] = from[2 * i + 1]!;
    }
    [from, to] = [to, from];
  }
  if (from !== words) words.set(from);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1]!;
    if (high >>> 31) words[2 * i + 1] = (high & 0x7fffffff) >>> 0;
    else {
      words[2 * i] = ~words[2 * i]! >>> 0;
      words[2 * i + 1] = ~high >>> 0;
    }
  }
  return values;
}

/**
 * The sort's scratch space, kept while the collector lets it live: a dataset sorts one column after another, and an
 * array as long as each column would otherwise be left for the collector every time.
 */
let spare: WeakRef<Uint32Array> | null = null;
let spareCounts: WeakRef<Uint32Array> | null = null;

function scratch(words: number): Uint32Array {
  let shared = spare?.deref();
  if (!shared || shared.length < words) {
    shared = new Uint32Array(Math.max(words, Math.ceil((shared?.length ?? 0) * 1.25)));
    spare = new WeakRef(shared);
  }
  return shared.subarray(0, words);
}

function digitCounts(): Uint32Array {
  let counts = spareCounts?.deref();
  if (!counts) {
    counts = new Uint32Array(1 << 16);
    spareCounts = new WeakRef(counts);
  }
  return counts;
}
