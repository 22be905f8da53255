/**
 * Expected calibration error as DOMAIN.md §1 defines it (scikit-learn 1.2 has none): 10 equal-width bins over [0, 1]
 * of the confidence, right-closed except the first, which includes 0; empty bins skipped;
 * ECE = sum over bins of (n_bin / N) * |accuracy_bin - mean confidence_bin|.
 * Binary: the confidence is the positive-class score and "correct" is the positive label. Multiclass: the confidence
 * is the top class's probability and "correct" is whether the top class is the label.
 */

export const CALIBRATION_BINS = 10;

/**
 * Inner bin edges as numpy.linspace(0, 1, 11) computes them (i * 0.1, so the third is 0.30000000000000004): a score
 * of 0.3 then falls in (0.2, 0.3] as a reader expects, and the numpy fixture bins exactly the same way.
 */
const INNER_EDGES = Array.from({ length: CALIBRATION_BINS - 1 }, (_, i) => (i + 1) * (1 / CALIBRATION_BINS));

/**
 * The bin of a confidence in [0, 1]: numpy.digitize(confidence, inner edges, right=True). Called once a row, so it
 * guesses the bin from the value and then checks the guess against the edges themselves (moving at most a bin), rather
 * than walking up from the first edge: the same bin, the one whose edges enclose the confidence.
 */
export function calibrationBin(confidence: number): number {
  // At or below the first edge, and NaN, are bin 0, as the walk from the first edge gives.
  if (!(confidence > (INNER_EDGES[0] ?? 1))) return 0;
  let bin = Math.min(INNER_EDGES.length, Math.ceil(confidence * CALIBRATION_BINS) - 1);
  while (bin > 1 && confidence <= (INNER_EDGES[bin - 1] ?? 0)) bin--;
  while (bin < INNER_EDGES.length && confidence > (INNER_EDGES[bin] ?? 1)) bin++;
  return bin;
}

/** ECE of per-row confidences against per-row outcomes (1 correct, 0 not). */
export function expectedCalibrationError(confidence: ArrayLike<number>, correct: ArrayLike<number>): number {
  const n = confidence.length;
  // Per bin, the sum of (outcome - confidence): |that| / N is the bin's n_bin / N * |accuracy - mean confidence|.
  const gap = new Float64Array(CALIBRATION_BINS);
  for (let i = 0; i < n; i++) {
    const c = confidence[i] ?? 0;
    const bin = calibrationBin(c);
    gap[bin] = (gap[bin] ?? 0) + ((correct[i] ?? 0) - c);
  }
  let ece = 0;
  for (const g of gap) ece += Math.abs(g);
  return ece / n;
}

/** The multiclass confidence and outcome: each row's top probability (the first maximum) and whether it is the label. */
export function topClassConfidence(
  truth: Int32Array,
  columns: readonly Float64Array[],
): { confidence: Float64Array; correct: Uint8Array } {
  const n = truth.length;
  const confidence = new Float64Array(n);
  const correct = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let top = 0;
    let best = columns[0]?.[i] ?? 0;
    for (let c = 1; c < columns.length; c++) {
      const p = columns[c]?.[i] ?? 0;
      if (p > best) {
        best = p;
        top = c;
      }
    }
    confidence[i] = best;
    correct[i] = truth[i] === top ? 1 : 0;
  }
  return { confidence, correct };
}
