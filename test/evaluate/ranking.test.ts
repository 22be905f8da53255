import { describe, expect, it } from "vitest";
import { descendingOrder, withDescendingOrder } from "../../src/evaluate/ranking.ts";
import { Random } from "../../src/gate/significance/random.ts";

/**
 * descendingOrder against a plain stable comparator sort, through the sort buffers' pool: a sort after a larger one
 * reuses its buffers, and a ranking handed back by withDescendingOrder must never show through a later one.
 */

function expected(scores: Float64Array): { order: number[]; sorted: number[] } {
  const order = Array.from(scores, (_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  return { order, sorted: order.map((i) => (scores[i] ?? 0) + 0) };
}

function randomScores(n: number, seed: number, round: number): Float64Array {
  const random = new Random(seed);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = Math.round((random.nextUint32() / 4294967296) * round) / round;
  return scores;
}

describe("descendingOrder", () => {
  it("orders highest first, ties in row order, -0 as 0", () => {
    const scores = Float64Array.from([0.2, 0.9, -0, 0.2, 0, 1, 0.9]);
    const ranked = descendingOrder(scores);
    expect(Array.from(ranked.order)).toEqual([5, 1, 6, 0, 3, 2, 4]);
    expect(Array.from(ranked.sorted)).toEqual([1, 0.9, 0.9, 0.2, 0.2, 0, 0]);
  });

  it("sorts right whatever the pool held: larger then smaller sorts, and an odd number of passes", () => {
    // 0.25, 0.5 and 1 differ only in their top 16 bits, so one pass sorts them and the result lands in the spare pair.
    const dyadic = Float64Array.from([0.5, 1, 0.25, 0.5, 1, 0.25]);
    for (const scores of [randomScores(5000, 1, 1000), dyadic, randomScores(300, 2, 10), randomScores(7000, 3, 1e6)]) {
      const ranked = descendingOrder(scores);
      const want = expected(scores);
      expect(ranked.order).toHaveLength(scores.length);
      expect(Array.from(ranked.order)).toEqual(want.order);
      expect(Array.from(ranked.sorted)).toEqual(want.sorted);
    }
  });

  it("keeps a returned ranking intact after later sorts reuse the pool", () => {
    const first = randomScores(4000, 4, 100);
    const kept = descendingOrder(first);
    const seen = withDescendingOrder(randomScores(4000, 5, 100), (ranked) => Array.from(ranked.order));
    expect(seen).toEqual(expected(randomScores(4000, 5, 100)).order);
    withDescendingOrder(randomScores(4000, 6, 100), () => undefined);
    descendingOrder(randomScores(3000, 7, 100));
    expect(Array.from(kept.order)).toEqual(expected(first).order);
    expect(Array.from(kept.sorted)).toEqual(expected(first).sorted);
  });

  it("sorts the rows a slice picks as it sorts their scores copied out, the order indexing the slice", () => {
    const column = randomScores(6000, 8, 1000);
    column[17] = -0;
    const random = new Random(9);
    const rows = Uint32Array.from(
      Array.from({ length: column.length }, (_, row) => row).filter(() => random.nextUint32() % 3 === 0),
    );
    rows[1] = 17;
    const copied = Float64Array.from(rows, (row) => column[row] ?? 0);
    // After a larger sort, so the slice's sort runs in pooled buffers longer than the slice.
    descendingOrder(randomScores(9000, 10, 100));
    const seen = withDescendingOrder(column, (ranked) => [Array.from(ranked.order), Array.from(ranked.sorted)], rows);
    expect(seen).toEqual([expected(copied).order, expected(copied).sorted]);
  });
});
