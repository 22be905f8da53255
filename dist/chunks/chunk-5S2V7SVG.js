import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/gate/significance/normal-quantile.ts
function normalQuantile(q) {
  if (!(q > 0 && q < 1)) throw new RangeError(`a normal quantile needs 0 < q < 1, not ${q}`);
  const a = [
    -39.69683028665376,
    220.9460984245205,
    -275.9285104469687,
    138.357751867269,
    -30.66479806614716,
    2.506628277459239
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293,
    -0.3223964580411365,
    -2.400758277161838,
    -2.549732539343734,
    4.374664141464968,
    2.938163982698783
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (coefficients, x) => coefficients.reduce((sum, k) => sum * x + k, 0);
  const lowTail = 0.02425;
  if (q < lowTail) {
    const r2 = Math.sqrt(-2 * Math.log(q));
    return poly(c, r2) / (poly(d, r2) * r2 + 1);
  }
  if (q > 1 - lowTail) {
    const r2 = Math.sqrt(-2 * Math.log(1 - q));
    return -poly(c, r2) / (poly(d, r2) * r2 + 1);
  }
  const r = q - 0.5;
  const s = r * r;
  return poly(a, s) * r / (poly(b, s) * s + 1);
}

export {
  normalQuantile
};
