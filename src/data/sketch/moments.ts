/**
 * Count, mean and the sum of squared deviations (M2), mergeable by Chan, Golub & LeVeque's pairwise formula.
 * Values are accumulated shifted by the first one, so a column of large, close values (timestamps) keeps its digits.
 */
export interface MomentsState {
  count: number;
  mean: number;
  m2: number;
}

export class Moments {
  private count = 0;
  private shift = 0;
  private sum = 0;
  private sumSquares = 0;

  add(value: number): void {
    if (this.count === 0) this.shift = value;
    const d = value - this.shift;
    this.sum += d;
    this.sumSquares += d * d;
    this.count++;
  }

  /** add() for values[0, count), in one loop. */
  addMany(values: Float64Array, count: number): void {
    if (count === 0) return;
    if (this.count === 0) this.shift = values[0]!;
    const shift = this.shift;
    let sum = this.sum;
    let sumSquares = this.sumSquares;
    for (let i = 0; i < count; i++) {
      const d = values[i]! - shift;
      sum += d;
      sumSquares += d * d;
    }
    this.sum = sum;
    this.sumSquares = sumSquares;
    this.count += count;
  }

  toState(): MomentsState {
    if (this.count === 0) return { count: 0, mean: 0, m2: 0 };
    const meanShifted = this.sum / this.count;
    return {
      count: this.count,
      mean: this.shift + meanShifted,
      m2: Math.max(0, this.sumSquares - this.sum * meanShifted),
    };
  }
}

export function mergeMoments(a: MomentsState, b: MomentsState): MomentsState {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  return {
    count,
    mean: a.mean + (delta * b.count) / count,
    m2: a.m2 + b.m2 + (delta * delta * a.count * b.count) / count,
  };
}

/** Sample standard deviation (n - 1 in the denominator, as pandas and DuckDB report it). */
export function sampleStd(state: MomentsState): number | null {
  return state.count > 1 ? Math.sqrt(state.m2 / (state.count - 1)) : null;
}

/** Population standard deviation (n in the denominator, as numpy's default and Evidently's normed Wasserstein). */
export function populationStd(state: MomentsState): number | null {
  return state.count > 0 ? Math.sqrt(state.m2 / state.count) : null;
}
