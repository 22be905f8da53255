/**
 * Sorting a KLL compactor's level (kll.ts): in place before it is compacted, and out to an array for its state. A level
 * is a few hundred to a thousand values, which a plain quicksort sorts faster than the typed array's own sort.
 */

/**
 * items[0, size) in ascending order as an array, in the order a stable `(a, b) => a - b` sort gives them. The typed
 * array's own sort (no comparator calls, so no warm-up on a small file) gives the same order unless the level holds
 * -0: it puts -0 before 0, where the stable sort keeps them as they came.
 */
export function sortedLevel(items: Float64Array, size: number): number[] {
  const level = items.slice(0, size);
  for (let i = 0; i < size; i++) if (Object.is(level[i], -0)) return Array.from(level).sort((a, b) => a - b);
  level.sort();
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = level[i]!;
  return out;
}

/**
 * Sorts items[0, size) in place in the order of Float64Array.prototype.sort (-0 before 0; the sketch holds no NaN),
 * faster than it for the few hundred values of a level: quicksort down to short runs, then insertion sort.
 */
export function sortNumbers(items: Float64Array, size: number): void {
  // Values that came in order (ids that count up) are left as they are: the check stops at the first step down.
  let ordered = 1;
  while (ordered < size && items[ordered - 1]! <= items[ordered]!) ordered++;
  if (ordered < size) quicksort(items, 0, size - 1);
  // `<` sees -0 and 0 as equal: put any -0 first among the zeros, as the typed-array sort does.
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]! < 0) lo = mid + 1;
    else hi = mid;
  }
  let negativeZeros = 0;
  let end = lo;
  for (; end < size && items[end] === 0; end++) if (Object.is(items[end], -0)) negativeZeros++;
  if (negativeZeros > 0) for (let i = lo; i < end; i++) items[i] = i < lo + negativeZeros ? -0 : 0;
}

function quicksort(items: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const a = items[lo]!;
    const b = items[(lo + hi) >>> 1]!;
    const c = items[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (items[i]! < pivot) i++;
      while (items[j]! > pivot) j--;
      if (i <= j) {
        const t = items[i]!;
        items[i++] = items[j]!;
        items[j--] = t;
      }
    }
    // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
    if (j - lo < hi - i) {
      quicksort(items, lo, j);
      lo = i;
    } else {
      quicksort(items, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const value = items[i]!;
    let j = i - 1;
    while (j >= lo && items[j]! > value) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = value;
  }
}
