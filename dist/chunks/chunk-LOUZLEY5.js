import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatShort,
  pct
} from "./chunk-7QX6F57P.js";
import {
  BATCH_RECORDS,
  EXACT_NUMBERS,
  FREQUENT_CAPACITY,
  FrequentItems,
  HELD_VALUES_BUDGET,
  HeldParts,
  RepeatWriter,
  RowHashes,
  capText,
  findRepeats,
  heldValuesLimit,
  isCut,
  keyOf,
  mergeCheckFindings,
  mergeMoments,
  mergeRepeatTallies,
  mergeTallies,
  partitionBitsFor,
  populationStd,
  sampleStd,
  scanDelimited,
  scanRange,
  shiftTallies,
  tallyOf
} from "./chunk-B2PBEH22.js";
import {
  HLL_STANDARD_ERROR,
  HyperLogLog,
  KLL_RANK_ERROR,
  KllSketch,
  KllView,
  decodeRegisters,
  encodeRegisters,
  hashBytes,
  hashed,
  hllOfKeys,
  hllOfNumbers
} from "./chunk-EUDZWFHB.js";
import {
  SAMPLE_ROWS,
  TypeSample
} from "./chunk-G6IL24PE.js";
import {
  fetchSources,
  listSources,
  shardOf
} from "./chunk-LGIA7PQF.js";
import {
  startWorkerThread
} from "./chunk-N6JR4UVL.js";
import {
  explainReadError,
  formatOf,
  openTable,
  refuseIrregularFile
} from "./chunk-3EFEPTIF.js";
import {
  DelimitedReader,
  MORE,
  RECORD,
  fileReader,
  formatDatetime,
  isGzip,
  parseDatetime,
  parseNumber,
  parsed
} from "./chunk-Z7WWPMG5.js";
import {
  openRegistry
} from "./chunk-CVLWS2FK.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  KIT_VERSION
} from "./chunk-MFDUBFJ5.js";
import {
  readTextLimited
} from "./chunk-OZSKINQ5.js";
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  record,
  string,
  tuple
} from "./chunk-I7GHSQM2.js";
import {
  InputError,
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/data/drift/psi.ts
var PSI_FLOOR = 1e-4;
var BINS = 10;
function exactDeciles(distribution) {
  const edges = Array.from({ length: BINS - 1 }, (_, k) => numpyQuantile(distribution, (k + 1) / BINS));
  return { edges, shares: binShares(distribution, edges) };
}
function orderStatistic(d, j) {
  const target = j + 1 - 1e-9;
  let lo = 0;
  let hi = d.values.length - 1;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (d.cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return d.values[lo];
}
function numpyQuantile(d, q) {
  const n = Math.round(d.n);
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return orderStatistic(d, n - 1);
  if (virtual <= 0) return orderStatistic(d, 0);
  const previous = Math.floor(virtual);
  const gamma = virtual - previous;
  const a = orderStatistic(d, previous);
  const b = orderStatistic(d, previous + 1);
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
function weightBelow(d, x) {
  let lo = 0;
  let hi = d.values.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (d.values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : d.cumulative[lo - 1];
}
function binShares(d, edges) {
  const below = [0, ...edges.map((e) => Math.min(d.n, weightBelow(d, e))), d.n];
  return below.slice(1).map((b, i) => (b - below[i]) / d.n);
}
var floored = (share) => share === 0 ? PSI_FLOOR : share;
var term = (c, r) => (c - r) * Math.log(c / r);
function psiOfShares(reference, current) {
  let total = 0;
  for (let i = 0; i < reference.length; i++) total += term(floored(current[i] ?? 0), floored(reference[i]));
  return total;
}
function psiOfCounts(reference, current) {
  const sr = reference.reduce((s, v) => s + v, 0);
  const sc = current.reduce((s, v) => s + v, 0);
  return psiOfShares(
    reference.map((v) => v / sr),
    reference.map((_, i) => (current[i] ?? 0) / sc)
  );
}
function decileBins(reference, current) {
  const { edges, shares } = reference.deciles ?? exactDeciles(reference.distribution);
  return { edges, reference: shares, current: binShares(current.distribution, edges) };
}
function psiAtDeciles(reference, current) {
  const bins = decileBins(reference, current);
  const base = reference.deciles ? { ...reference, rankError: 0 } : reference;
  const exact = base.rankError === 0 && current.rankError === 0;
  return {
    value: psiOfShares(bins.reference, bins.current),
    ...bins,
    bounds: exact ? null : psiBounds(bins.edges, { shares: bins.reference, side: base }, { shares: bins.current, side: current })
  };
}
function psiBounds(edges, reference, current) {
  const range = ({ shares, side }, i) => {
    const share = shares[i];
    const delta = side.rankError * ((i > 0 ? 1 : 0) + (i < BINS - 1 ? 1 : 0));
    if (delta === 0) return [floored(share), floored(share)];
    const lo = share - delta;
    const hi = Math.min(1, share + delta);
    if (lo > 0) return [lo, hi];
    const smallest = 1 / side.distribution.n;
    return [Math.min(PSI_FLOOR, Math.max(lo, smallest)), Math.max(hi, PSI_FLOOR)];
  };
  let low = 0;
  let high = 0;
  for (let i = 0; i < BINS; i++) {
    if (i > 0 && i < BINS - 1 && edges[i - 1] === edges[i]) continue;
    const [rl, rh] = range(reference, i);
    const [cl, ch] = range(current, i);
    high += Math.max(term(ch, rl), term(cl, rh));
    if (cl > rh) low += term(cl, rh);
    else if (ch < rl) low += term(ch, rl);
  }
  return [low, high];
}

// src/data/drift/special.ts
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}
function upperGammaRegularized(a, x) {
  if (x <= 0) return 1;
  if (x < a + 1) {
    let term2 = 1 / a;
    let sum = term2;
    for (let n = 1; n < 1e4; n++) {
      term2 *= x / (a + n);
      sum += term2;
      if (Math.abs(term2) < Math.abs(sum) * 1e-17) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a)));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e4; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}
function chiSquareSf(x, df) {
  return upperGammaRegularized(df / 2, x / 2);
}
function probOutsideSquare(n, h) {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term2 = 1;
    for (let j = 0; j < h; j++) term2 = (n - k * h - j) * term2 / (n + k * h + j + 1);
    p = term2 * (1 - p);
  }
  return 2 * p;
}
function outerProbInside(m0, n0, g, h) {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) a[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = (a[jj + minj - lastminj] * i + value * j) / (i + j);
      a[jj] = value;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return a[maxj - minj - 1];
}
var E128 = 2 ** 128;
var EM128 = 2 ** -128;
function smirnov(n, e) {
  if (!(n > 0 && e >= 0 && e <= 1)) return NaN;
  if (e === 0) return 1;
  const nn = Math.floor(n * (1 - e));
  let p = 0;
  if (n < 1013) {
    let c = 1;
    for (let v = 0; v <= nn; v++) {
      const evn = e + v / n;
      p += c * Math.pow(evn, v - 1) * Math.pow(1 - evn, n - v);
      c *= (n - v) / (v + 1);
    }
  } else {
    const lgnp1 = logGamma(n + 1);
    for (let v = 0; v <= nn; v++) {
      const evn = e + v / n;
      const omevn = 1 - evn;
      if (Math.abs(omevn) > 0) {
        const t = lgnp1 - logGamma(v + 1) - logGamma(n - v + 1) + (v - 1) * Math.log(evn) + (n - v) * Math.log(omevn);
        if (t > -708) p += Math.exp(t);
      }
    }
  }
  return Math.min(1, Math.max(0, p * e));
}
function logFactorialOverPower(n) {
  const coefficients = [
    -0.02955065359477124,
    0.00641025641025641,
    -0.001917526917526918,
    8417508417508418e-19,
    -5952380952380952e-19,
    7936507936507937e-19,
    -0.002777777777777778,
    0.08333333333333333
  ];
  const rn = 1 / n;
  let poly = 0;
  for (const c of coefficients) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}
function durbinMatrixCdf(n, d) {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - Math.pow(h, j)) * fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  let matrix = new Float64Array(m * m);
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) matrix[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) matrix[r * m] = v[r];
  for (let c = 0; c < m; c++) matrix[(m - 1) * m + c] = v[m - 1 - c];
  let power = identity(m);
  let remaining = n;
  let exponent = 0;
  let matrixExponent = 0;
  while (remaining > 0) {
    if (remaining % 2) {
      power = multiply(power, matrix, m);
      exponent += matrixExponent;
    }
    matrix = multiply(matrix, matrix, m);
    matrixExponent *= 2;
    if (Math.abs(matrix[(k - 1) * m + (k - 1)]) > E128) {
      for (let i = 0; i < matrix.length; i++) matrix[i] /= E128;
      matrixExponent += 128;
    }
    remaining = Math.floor(remaining / 2);
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < EM128) {
      p *= E128;
      exponent -= 128;
    }
  }
  return exponent !== 0 ? p * Math.pow(2, exponent) : p;
}
function identity(m) {
  const result = new Float64Array(m * m);
  for (let i = 0; i < m; i++) result[i * m + i] = 1;
  return result;
}
function multiply(a, b, m) {
  const result = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) result[i * m + j] += aik * b[k * m + j];
    }
  }
  return result;
}
function pomeranzCdf(n, x) {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = gpower[m - 1] * (g / n) / m;
    twogpower[m] = twogpower[m - 1] * (2 * g / n) / m;
    onem2gpower[m] = onem2gpower[m - 1] * ((1 - 2 * g) / n) / m;
  }
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let expnt = 0;
  let [j1, j2] = pomeranzInterval(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = pomeranzInterval(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const from = k1 - v0s;
      const lengthA = Math.max(0, Math.min(ln2, v0.length - from));
      const lengthB = Math.min(ln2, pwrs.length);
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      let largest = 0;
      for (let out = 0; out < convLength; out++) {
        const index = convStart + out;
        let sum = 0;
        for (let a = Math.max(0, index - lengthB + 1); a <= Math.min(index, lengthA - 1); a++) {
          sum += v0[from + a] * pwrs[index - a];
        }
        v1[out] = sum;
        if (sum > largest) largest = sum;
      }
      if (largest > 0 && largest < EM128) {
        for (let out = 0; out < v1.length; out++) v1[out] *= E128;
        expnt -= 128;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let answer = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > E128) {
      answer *= EM128;
      expnt += 128;
    }
    answer *= m;
  }
  return expnt !== 0 ? answer * Math.pow(2, expnt) : answer;
}
function pomeranzInterval(i, n, ll, ceilf, roundf) {
  let j1;
  let j2;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
function pelzGoodCdf(n, x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI ** 2;
  const pi4 = pi2 * pi2;
  const pi6 = pi4 * pi2;
  const qlog = -pi2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = pi2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = (2 * z4 - 5 * z2) * pi2 / 4;
  const k2c = pi4 * (1 - 2 * z2) / 16;
  const k3d = pi6 * (5 - 30 * z2) / 64;
  const k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
  const k3b = pi2 * (135 * z4 - 96 * z6) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const terms = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpower = Math.pow(q, 8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) terms[i] = terms[i] * qpower + coefficients[i];
  }
  const sqrt2pi = Math.sqrt(2 * Math.PI);
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) terms[i] = terms[i] * q * sqrt2pi / divisors[i];
  q = Math.exp(-pi2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qk = Math.pow(q, k2);
    k2extra += k2 * qk;
    const kpi = Math.PI * k;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
  }
  terms[2] += k2extra * pi2 * sqrt2pi / (-36 * z3);
  terms[3] += k3extra * pi2 * sqrt2pi / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += terms[i] / Math.pow(n, i / 2);
  return sum;
}
var clip = (p) => Math.min(1, Math.max(0, p));
function kolmogorovSf(n, x) {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i / n * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnov(n, x));
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip(1 - durbinMatrixCdf(n, x));
    if (nxsquared <= 4) return clip(1 - pomeranzCdf(n, x));
    return clip(2 * smirnov(n, x));
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip(2 * smirnov(n, x));
  const cdf = n <= 1e5 && n * Math.pow(x, 1.5) <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clip(1 - cdf);
}
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
function ksTwoSamplePValue(d, n1, n2) {
  if (Math.max(n1, n2) <= 1e4) {
    const g = gcd(n1, n2);
    const lcm = n1 / g * n2;
    const h = Math.round(d * lcm);
    d = h / lcm;
    if (h === 0) return { pValue: 1, statistic: d, method: "exact" };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    if (Number.isFinite(p) && p >= 0 && p <= 1) return { pValue: p, statistic: d, method: "exact" };
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = m * n / (m + n);
  return { pValue: clip(kolmogorovSf(roundHalfEven(en), d)), statistic: d, method: "asymptotic" };
}
function roundHalfEven(x) {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

// src/data/drift/stats.ts
function sortedDistribution(sorted) {
  return { values: sorted, cumulative: countsUpTo(sorted.length), n: sorted.length };
}
var counts = null;
function countsUpTo(n) {
  let shared = counts?.deref();
  if (!shared || shared.length < n) {
    shared = new Float64Array(Math.max(n, Math.ceil((shared?.length ?? 0) * 1.25)));
    for (let i = 0; i < shared.length; i++) shared[i] = i + 1;
    counts = new WeakRef(shared);
  }
  return shared.subarray(0, n);
}
function ksStatistic(a, b) {
  let i = 0;
  let j = 0;
  let best = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || i < na && a.values[i] <= b.values[j] ? a.values[i] : b.values[j];
    while (i < na && a.values[i] <= x) i++;
    while (j < nb && b.values[j] <= x) j++;
    const fa = i === 0 ? 0 : a.cumulative[i - 1] / a.n;
    const fb = j === 0 ? 0 : b.cumulative[j - 1] / b.n;
    const gap = Math.abs(fa - fb);
    if (gap > best) best = gap;
  }
  return best;
}
function ksTest(a, b) {
  const d = ksStatistic(a, b);
  return ksTwoSamplePValue(d, Math.round(a.n), Math.round(b.n));
}
function wasserstein(a, b) {
  let i = 0;
  let j = 0;
  let total = 0;
  let previous = NaN;
  let gap = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || i < na && a.values[i] <= b.values[j] ? a.values[i] : b.values[j];
    if (!Number.isNaN(previous)) total += gap * (x - previous);
    while (i < na && a.values[i] <= x) i++;
    while (j < nb && b.values[j] <= x) j++;
    gap = Math.abs((i === 0 ? 0 : a.cumulative[i - 1] / a.n) - (j === 0 ? 0 : b.cumulative[j - 1] / b.n));
    previous = x;
  }
  return total;
}
function chiSquare(reference, current) {
  const columns = [];
  reference.forEach((r, i) => {
    const c = current[i] ?? 0;
    if (r + c > 0) columns.push([r, c]);
  });
  const totalReference = columns.reduce((s, c) => s + c[0], 0);
  const totalCurrent = columns.reduce((s, c) => s + c[1], 0);
  const total = totalReference + totalCurrent;
  const dof = columns.length - 1;
  if (dof <= 0 || totalReference === 0 || totalCurrent === 0)
    return { statistic: 0, pValue: 1, dof: Math.max(dof, 0), yates: false, smallExpected: 0 };
  const yates = dof === 1;
  let statistic = 0;
  let small = 0;
  for (const [r, c] of columns) {
    const share = (r + c) / total;
    for (const [observed, rowTotal] of [
      [r, totalReference],
      [c, totalCurrent]
    ]) {
      const expected = rowTotal * share;
      if (expected < 5) small++;
      let o = observed;
      if (yates) {
        const diff = expected - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += (o - expected) * (o - expected) / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, yates, smallExpected: small / (2 * columns.length) };
}
function jensenShannon(p, q) {
  const sp = p.reduce((s, v) => s + v, 0);
  const sq = q.reduce((s, v) => s + v, 0);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = (q[i] ?? 0) / sq;
    const m = (a + b) / 2;
    if (a > 0) divergence += a * Math.log(a / m);
    if (b > 0) divergence += b * Math.log(b / m);
  }
  return Math.sqrt(Math.max(0, divergence / 2));
}

// src/data/drift/measures.ts
var MIN_DRIFT_SAMPLE = 30;
function sampleWarnings(referenceCount, currentCount) {
  const warnings = [];
  if (referenceCount < MIN_DRIFT_SAMPLE)
    warnings.push(
      `the reference has only ${referenceCount} values (fewer than ${MIN_DRIFT_SAMPLE}): too few to mean much`
    );
  if (currentCount < MIN_DRIFT_SAMPLE)
    warnings.push(
      `the current data has only ${currentCount} values (fewer than ${MIN_DRIFT_SAMPLE}): too few to mean much`
    );
  return warnings;
}
var PSI_BANDS = "< 0.1 stable, 0.1-0.25 moderate, > 0.25 major";
function psiBand(value) {
  return value < 0.1 ? "stable" : value <= 0.25 ? "moderate shift" : "major shift";
}
function countsMeasure(method, reference, current, threshold, binning) {
  if (method === "chi2") {
    const result = chiSquare(reference, current);
    const warnings = result.smallExpected > 0.2 ? [
      `${pct(result.smallExpected)} of the expected counts are below 5: the chi-square test is unreliable (Cochran)`
    ] : [];
    return {
      value: result.pValue,
      statistic: result.statistic,
      measure: `p-value of Pearson's chi-square test of homogeneity (\u03C7\xB2 = ${formatShort(result.statistic)}, ${result.dof} degrees of freedom, ${result.yates ? "with Yates' correction, as scipy applies to 2x2" : "no continuity correction"}; ${binning})`,
      unit: "p-value",
      driftWhen: "below",
      drifted: result.pValue < threshold,
      warnings
    };
  }
  if (method === "psi") {
    const value2 = psiOfCounts(reference, current);
    return {
      value: value2,
      statistic: null,
      measure: `population stability index (natural log; empty ${binning.startsWith("counts") ? "categories" : "bins"} as 0.0001; ${PSI_BANDS}: ${psiBand(value2)}; ${binning})`,
      unit: "index (natural log)",
      driftWhen: "at or above",
      drifted: value2 >= threshold,
      warnings: []
    };
  }
  const value = jensenShannon(reference, current);
  return {
    value,
    statistic: null,
    measure: `Jensen-Shannon distance (square root of the divergence, natural log; 0 same, 0.833 disjoint; ${binning})`,
    unit: "distance (natural log)",
    driftWhen: "at or above",
    drifted: value >= threshold,
    warnings: []
  };
}

// src/data/drift/numeric.ts
function numericSide(column, held) {
  const view = new KllView(column.sketch);
  const bounds = { min: view.min, max: view.max };
  if (held && held.length === view.n)
    return { distribution: sortedDistribution(held), rankError: 0, source: "values", ...bounds };
  const counts2 = column.numbers;
  if (counts2 && counts2.reduce((sum, [, count]) => sum + count, 0) === view.n) {
    const sorted = [...counts2].sort((a, b) => a[0] - b[0]);
    const values = Float64Array.from(sorted, (e) => e[0]);
    const cumulative = new Float64Array(sorted.length);
    let total = 0;
    sorted.forEach(([, count], i) => cumulative[i] = total += count);
    return { distribution: { values, cumulative, n: view.n }, rankError: 0, source: "value counts", ...bounds };
  }
  const distribution = { values: view.values, cumulative: view.cumulative, n: view.n };
  return view.exact ? { distribution, rankError: 0, source: "values", ...bounds } : { distribution, rankError: KLL_RANK_ERROR, source: "sketch", deciles: column.deciles, ...bounds };
}
function numericDrift(current, reference, choice, held) {
  const cur = numericSide(current, held.current);
  const ref = numericSide(reference, held.reference);
  if (cur.distribution.n === 0 || ref.distribution.n === 0)
    return { column: current.name, reason: "no values in the reference or the current data" };
  const { method, threshold, chosenBy, few } = choice;
  const show = (v) => current.kind === "datetime" ? formatDatetime(v) : formatShort(v);
  const binnedRef = ref.deciles ? { ...ref, rankError: 0, source: "deciles" } : ref;
  const binned = method === "psi" || (method === "chi2" || method === "jensen_shannon") && !few;
  const sides = binned ? { reference: binnedRef, current: cur } : { reference: ref, current: cur };
  const epsilon = sides.reference.rankError + sides.current.rankError;
  const sketched = [
    sides.reference.rankError > 0 ? "the reference" : null,
    sides.current.rankError > 0 ? "the current data" : null
  ].filter(Boolean).join(" and ");
  const approximate = (what) => epsilon === 0 ? null : `from the quantile sketch of ${sketched}: ${what} (a sketch's ranks are within \xB1${pct(KLL_RANK_ERROR)}, 99% confidence)`;
  const base = {
    column: current.name,
    kind: "numeric",
    method,
    chosenBy,
    threshold,
    sources: { reference: sides.reference.source, current: cur.source },
    referenceCount: ref.distribution.n,
    currentCount: cur.distribution.n,
    warnings: sampleWarnings(ref.distribution.n, cur.distribution.n),
    bounds: null,
    edges: null
  };
  const deciles = decileBins(binnedRef, cur);
  const decileChart = few ? valueBins(few, show) : chartBins(deciles, show);
  switch (method) {
    case "ks": {
      const result = ksTest(ref.distribution, cur.distribution);
      return {
        ...base,
        value: result.pValue,
        statistic: result.statistic,
        measure: `p-value of the two-sample Kolmogorov-Smirnov test (D = ${formatShort(result.statistic)}, ${result.method} as scipy's ks_2samp)`,
        unit: "p-value",
        driftWhen: "below",
        drifted: result.pValue < threshold,
        approximation: approximate(`D is within \xB1${formatShort(epsilon)}, and the p-value is computed from that D`),
        bins: decileChart
      };
    }
    case "wasserstein": {
      const std = populationStd(reference.moments) ?? 0;
      const distance = wasserstein(ref.distribution, cur.distribution);
      const off = epsilon * (Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min));
      const normed = std > 0;
      const value = normed ? distance / std : distance;
      const within = normed ? off / std : off;
      return {
        ...base,
        value,
        statistic: null,
        measure: normed ? "Wasserstein-1 distance in reference standard deviations (normed, as Evidently; std with n in the denominator)" : "Wasserstein-1 distance in the column's own unit (the reference's standard deviation is 0, so it is not normed)",
        unit: normed ? "reference standard deviations" : "the column's unit",
        driftWhen: "at or above",
        drifted: value >= threshold,
        approximation: approximate(`within \xB1${formatShort(within)}${normed ? " standard deviations" : ""}`),
        bounds: epsilon === 0 ? null : [Math.max(0, value - within), value + within],
        bins: decileChart
      };
    }
    case "psi": {
      const outcome = psiAtDeciles(binnedRef, cur);
      const edgesNote = binnedRef.rankError > 0 ? "; the bins are the reference sketch's deciles, each within its rank error of numpy's" : "";
      const bounds = outcome.bounds;
      return {
        ...base,
        value: outcome.value,
        statistic: null,
        measure: `population stability index (natural log; 10 bins at the reference's deciles as numpy.quantile computes them, left-closed, empty bins as 0.0001, no renormalising; ${PSI_BANDS}: ${psiBand(outcome.value)})`,
        unit: "index (natural log)",
        driftWhen: "at or above",
        drifted: outcome.value >= threshold,
        approximation: bounds && approximate(
          `each bin's share is within \xB1${formatShort(2 * KLL_RANK_ERROR)} of the data's, so the PSI over these bins lies in [${formatShort(bounds[0])}, ${formatShort(bounds[1])}]${edgesNote}`
        ),
        bounds,
        edges: outcome.edges,
        bins: decileChart
      };
    }
    case "chi2":
    case "jensen_shannon": {
      const counts2 = few ? [...few.values()] : deciles.reference.map((r, i) => [
        r * ref.distribution.n,
        deciles.current[i] * cur.distribution.n
      ]);
      const binning = few ? "counts of each value" : "10 bins at the reference's deciles";
      const measured = countsMeasure(
        method,
        counts2.map((c) => c[0]),
        counts2.map((c) => c[1]),
        threshold,
        binning
      );
      return {
        ...base,
        ...measured,
        warnings: [...base.warnings, ...measured.warnings],
        approximation: few ? null : approximate(`each bin's share is within \xB1${formatShort(2 * epsilon)}`),
        edges: few ? null : deciles.edges,
        bins: decileChart
      };
    }
  }
}
function chartBins(deciles, show) {
  const { edges } = deciles;
  const bins = [];
  for (let i = 0; i <= edges.length; i++) {
    if (i > 0 && i < edges.length && edges[i - 1] === edges[i]) continue;
    const label = i === 0 ? `< ${show(edges[0])}` : `\u2265 ${show(edges[i - 1])}`;
    bins.push({ label, reference: deciles.reference[i], current: deciles.current[i] });
  }
  return bins;
}
function valueBins(counts2, show) {
  const totalRef = [...counts2.values()].reduce((s, c) => s + c[0], 0);
  const totalCur = [...counts2.values()].reduce((s, c) => s + c[1], 0);
  return [...counts2.entries()].sort((a, b) => a[0] - b[0]).map(([value, [r, c]]) => ({ label: show(value), reference: r / totalRef, current: c / totalCur }));
}

// src/data/drift/drift.ts
var DEFAULT_THRESHOLD = {
  ks: 0.05,
  chi2: 0.05,
  wasserstein: 0.1,
  jensen_shannon: 0.1,
  psi: 0.25
};
function measureDrift(current, reference, config, { comparison, referenceName, held }) {
  const columns = [];
  const skipped = [];
  const referenceColumns = new Map(reference.columns.map((c) => [c.name, c]));
  for (const column of current.columns) {
    const override = config.columns[column.name];
    if (override?.skip) {
      skipped.push({ column: column.name, reason: "skip: true in data.drift.columns" });
      continue;
    }
    const base = referenceColumns.get(column.name);
    if (!base) {
      skipped.push({ column: column.name, reason: "not in the reference" });
      continue;
    }
    const values = {
      current: held?.current?.get(column.name),
      reference: held?.reference?.get(column.name)
    };
    const outcome = columnDrift(column, base, reference.rows, config, values);
    if ("reason" in outcome) skipped.push(outcome);
    else columns.push(outcome);
  }
  for (const name of referenceColumns.keys()) {
    if (!current.columns.some((c) => c.name === name))
      skipped.push({ column: name, reason: "not in the current data" });
  }
  const drifted = columns.filter((c) => c.drifted).length;
  const share = columns.length > 0 ? drifted / columns.length : 0;
  return {
    comparison,
    dataset: current.dataset,
    reference: referenceName,
    columns,
    skipped,
    drifted,
    share,
    maxDriftedShare: config.max_drifted_share,
    datasetDrift: columns.length > 0 && share >= config.max_drifted_share,
    severity: config.severity
  };
}
function isNumeric(column) {
  return (column.kind === "numeric" || column.kind === "datetime") && column.sketch !== null;
}
function columnDrift(current, reference, referenceRows, config, held) {
  const name = current.name;
  const numeric = isNumeric(current);
  if (numeric !== isNumeric(reference)) {
    return { column: name, reason: `its type differs (${reference.type} in the reference, ${current.type} now)` };
  }
  const override = config.columns[name];
  const configured = override?.method ?? config.method;
  const few = numeric ? fewValues(current, reference) : null;
  let method;
  if (configured !== "auto") method = configured;
  else if (referenceRows <= 1e3) method = numeric && !few ? "ks" : "chi2";
  else method = numeric && !few ? "wasserstein" : "jensen_shannon";
  const global = override?.method === void 0 && config.method !== "auto" ? config.threshold : void 0;
  const threshold = override?.threshold ?? global ?? DEFAULT_THRESHOLD[method];
  const chosenBy = configured === "auto" ? "auto" : "config";
  if (numeric) return numericDrift(current, reference, { method, threshold, chosenBy, few }, held);
  return categoricalDrift(current, reference, method, threshold, chosenBy);
}
function fewValues(a, b) {
  if (!a.numbers || !b.numbers) return null;
  const counts2 = /* @__PURE__ */ new Map();
  for (const [value, count] of b.numbers) counts2.set(value, [count, 0]);
  for (const [value, count] of a.numbers) counts2.set(value, [counts2.get(value)?.[0] ?? 0, count]);
  return counts2.size <= 5 ? counts2 : null;
}
function categoricalDrift(current, reference, method, threshold, chosenBy) {
  const name = current.name;
  if (method === "ks" || method === "wasserstein") {
    return { column: name, reason: `${method} compares numbers; "${name}" is ${current.type}` };
  }
  const cur = current.frequent;
  const ref = reference.frequent;
  if (!cur || !ref) return { column: name, reason: "no value counts in one of the profiles" };
  if (cur.error > 0 || ref.error > 0) {
    return {
      column: name,
      reason: "more than 2048 distinct values: free text or an id, not a category (set `skip: true` to say so)"
    };
  }
  const keys = /* @__PURE__ */ new Map();
  const label = (key, text) => capText(text ?? String(key));
  for (const [key, count, text] of ref.entries)
    keys.set(key, { label: label(key, text), reference: count, current: 0 });
  for (const [key, count, text] of cur.entries) {
    const entry = keys.get(key);
    if (entry) entry.current = count;
    else keys.set(key, { label: label(key, text), reference: 0, current: count });
  }
  const entries = [...keys.values()].sort((a, b) => b.reference - a.reference || b.current - a.current);
  const referenceCount = entries.reduce((s, e) => s + e.reference, 0);
  const currentCount = entries.reduce((s, e) => s + e.current, 0);
  if (referenceCount === 0 || currentCount === 0)
    return { column: name, reason: "no values in the reference or the current data" };
  const measured = countsMeasure(
    method,
    entries.map((e) => e.reference),
    entries.map((e) => e.current),
    threshold,
    "counts of each category"
  );
  return {
    column: name,
    kind: "categorical",
    method,
    chosenBy,
    threshold,
    referenceCount,
    currentCount,
    ...measured,
    warnings: [...sampleWarnings(referenceCount, currentCount), ...measured.warnings],
    sources: { reference: "value counts", current: "value counts" },
    approximation: null,
    bounds: null,
    edges: null,
    bins: entries.slice(0, 12).map((e) => ({
      label: e.label,
      reference: e.reference / referenceCount,
      current: e.current / currentCount
    }))
  };
}

// src/data/validate.ts
import { mkdir, mkdtemp as mkdtemp2, rm as rm2 } from "node:fs/promises";
import os from "node:os";
import path3 from "node:path";

// src/data/comparisons.ts
function compareDatasets(data, datasets, reference) {
  const settings2 = data.drift;
  const none = { drift: null, evalDrift: null, skew: null };
  if (!settings2) return none;
  const against = (comparison, current, base, name) => current && base ? measureDrift(current.profile, base.profile, settings2, {
    comparison,
    referenceName: name,
    held: { current: current.held, reference: base.held }
  }) : null;
  return {
    drift: against("drift", datasets.train, reference ?? void 0, reference?.name ?? ""),
    evalDrift: against("drift", datasets.eval, reference ?? void 0, reference?.name ?? ""),
    skew: against("skew", datasets.eval, datasets.train, "the training data")
  };
}
function driftFinding(result) {
  if (!result.datasetDrift) return null;
  const what = result.comparison === "skew" ? "skew" : "dataset drift";
  return {
    dataset: result.dataset,
    column: null,
    rule: result.comparison,
    severity: result.severity,
    message: `${what}: ${result.drifted} of ${result.columns.length} columns drifted (share ${result.share.toFixed(2)} >= ${result.maxDriftedShare}) against ${result.reference}`,
    observed: result.columns.filter((c) => c.drifted).map((c) => c.column).join(", "),
    count: result.drifted,
    rows: [],
    configPath: ["data", "drift", "max_drifted_share"]
  };
}

// src/data/findings.ts
function findingsOf(profile, schema) {
  const findings = [];
  const dataset = profile.dataset;
  const add = (finding) => void findings.push({ dataset, ...finding });
  const fromTally = (tally, column, rule, severity, message, configPath) => {
    if (!tally || tally.count === 0) return;
    add({
      column,
      rule,
      severity,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath
    });
  };
  const columns = schema?.columns ?? {};
  for (const file of profile.files) {
    for (const [name, spec] of Object.entries(columns)) {
      if (spec.required && !file.columns.includes(name)) {
        add({
          column: name,
          rule: "required",
          severity: spec.severity,
          message: `column is missing from ${file.path}`,
          observed: "absent",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "columns", name]
        });
      }
    }
    if (schema && schema.extra_columns !== "allow") {
      for (const name of file.columns) {
        if (name in columns) continue;
        add({
          column: name,
          rule: "extra_columns",
          severity: schema.extra_columns === "error" ? "error" : "warn",
          message: `column is not declared in data.schema.columns (${file.path})`,
          observed: "present",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "extra_columns"]
        });
      }
    }
  }
  fromTally(
    profile.checks.ragged_rows,
    null,
    "ragged_rows",
    "error",
    profile.firstRow === 2 ? "rows with a different number of fields than the header" : "rows with a different number of fields than the columns in data.schema.columns",
    ["data", "train"]
  );
  fromTally(
    profile.checks.extra_fields,
    null,
    "extra_fields",
    "warn",
    "records with keys the file's first record does not have (they are not read)",
    ["data", "train"]
  );
  for (const column of profile.columns)
    findings.push(...columnFindings(dataset, column, columns[column.name], profile));
  if (schema) {
    const duplicates = schema.duplicate_rows;
    if (duplicates !== "allow") {
      const tally = profile.checks.duplicate_rows;
      if (tally) tally.observed = "a repeated row";
      fromTally(tally, null, "duplicate_rows", duplicates, "rows that repeat an earlier row exactly", [
        "data",
        "schema",
        "duplicate_rows"
      ]);
    }
    if (schema.unique_key) {
      fromTally(profile.checks.unique_key, schema.unique_key.join("+"), "unique_key", "error", "repeated key values", [
        "data",
        "schema",
        "unique_key"
      ]);
    }
  }
  findings.push(...rowCountFindings(profile, schema));
  return findings;
}
function rowCountFindings(profile, schema) {
  const found = [];
  const bounds = schema?.rows;
  const add = (rule, message, observed, path5) => void found.push({
    dataset: profile.dataset,
    column: null,
    rule,
    severity: "error",
    message,
    observed: String(observed),
    count: 1,
    rows: [],
    configPath: path5
  });
  const belowMin = bounds?.min !== void 0 && profile.rows < bounds.min;
  if (belowMin) {
    const what = profile.rows === 0 ? "no rows, fewer" : "fewer rows";
    add("rows.min", `${what} than the minimum of ${bounds.min}`, profile.rows, ["data", "schema", "rows", "min"]);
  }
  if (bounds?.max !== void 0 && profile.rows > bounds.max)
    add("rows.max", `more rows than the maximum of ${bounds.max}`, profile.rows, ["data", "schema", "rows", "max"]);
  if (bounds?.min === 0 || belowMin && profile.files.length === 1) return found;
  for (const file of profile.files) {
    if (file.rows > 0) continue;
    const what = profile.firstRow === 2 ? "has a header and no data rows" : "has no data rows";
    const message = `no rows: ${file.path} ${what} (declare rows.min: 0 if that is expected)`;
    add("rows.min", message, 0, ["data", profile.dataset]);
  }
  return found;
}
function columnFindings(dataset, column, spec, profile) {
  const found = [];
  const name = column.name;
  const at = (field) => ["data", "schema", "columns", name, field];
  const severity = spec?.severity ?? "warn";
  const push = (tally, rule, message, path5, level = severity) => {
    if (!tally || tally.count === 0) return;
    found.push({
      dataset,
      column: name,
      rule,
      severity: level,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath: path5
    });
  };
  const checks = column.checks;
  if (spec?.type) {
    push(checks.type, "type", `values that are not of type ${spec.type}`, at("type"));
  } else if (column.inferred) {
    push(
      checks.type,
      "type",
      `values that are not ${column.inferred}, the type the first ${profile.sampledRows} rows suggested (mixed types)`,
      spec ? ["data", "schema", "columns", name] : ["data", "schema"],
      "warn"
    );
  }
  push(
    checks.finite,
    "finite",
    "infinite values (inf) in a numeric column; they are left out of the statistics",
    spec ? at("type") : ["data", "schema"],
    spec ? severity : "warn"
  );
  if (!spec) return found;
  push(checks.nullable, "nullable", "empty values in a column that is not nullable", at("nullable"));
  push(checks.min, "min", `values below the minimum ${String(spec.min)}`, at("min"));
  push(checks.max, "max", `values above the maximum ${String(spec.max)}`, at("max"));
  push(
    checks.values,
    "values",
    `values outside the allowed ${(spec.values ?? []).map(String).join(", ")}`,
    at("values")
  );
  push(checks.regex, "regex", `values that do not match /${spec.regex ?? ""}/`, at("regex"));
  push(profile.checks[`unique:${name}`], "unique", "repeated values in a unique column", at("unique"));
  const rows = column.rows;
  if (spec.max_null_fraction !== void 0 && rows > 0 && column.nulls / rows > spec.max_null_fraction) {
    found.push({
      dataset,
      column: name,
      rule: "max_null_fraction",
      severity,
      message: `more empty values than the allowed ${spec.max_null_fraction}`,
      observed: (column.nulls / rows).toFixed(4),
      count: column.nulls,
      rows: [],
      configPath: at("max_null_fraction")
    });
  }
  return found;
}

// src/data/parallel.ts
import { mkdtemp, rm } from "node:fs/promises";
import path2 from "node:path";

// src/data/parallel/merger.ts
import { writeFileSync } from "node:fs";
import path from "node:path";

// src/data/column/merge.ts
function mergeColumnState(into, later, seed = 1) {
  into.rows += later.rows;
  into.values += later.values;
  into.nulls += later.nulls;
  into.missingTokens += later.missingTokens;
  into.invalid += later.invalid;
  into.nonFinite += later.nonFinite;
  into.fractional += later.fractional;
  into.numericValues += later.numericValues;
  if (later.moments) into.moments = into.moments ? mergeMoments(into.moments, later.moments) : { ...later.moments };
  if (later.sketch) {
    const sketch = into.sketch ? KllSketch.fromState(into.sketch, seed) : new KllSketch(seed);
    sketch.merge(later.sketch);
    into.sketch = sketch.toState();
  }
  if (into.sketch !== null || later.sketch !== null) mergeNumberDistinct(into, later);
  else mergeTextDistinct(into, later);
  if (into.sketch !== null && later.frequent !== null) {
    const frequent = new FrequentItems();
    if (into.frequent) frequent.merge(into.frequent);
    frequent.merge(later.frequent);
    into.frequent = frequent.toState();
  }
  mergeTallies(into.checks, later.checks);
}
function mergeNumberDistinct(into, later) {
  if (into.numbers && later.numbers && into.hll === null && later.hll === null) {
    const counts2 = new Map(into.numbers);
    for (const [value, count] of later.numbers) counts2.set(value, (counts2.get(value) ?? 0) + count);
    if (counts2.size <= EXACT_NUMBERS) {
      into.numbers = [...counts2];
      return;
    }
  }
  const hll = new HyperLogLog();
  for (const side of [into, later]) {
    if (side.numbers) hll.merge(hllOfNumbers(side.numbers.map((e) => e[0])).registers);
    const registers = side.hll === null ? void 0 : decodeRegisters(side.hll);
    if (registers) hll.merge(registers);
  }
  into.numbers = null;
  into.hll = encodeRegisters(hll.registers);
}
function mergeTextDistinct(into, later) {
  const sides = [into.frequent, later.frequent].filter((f) => f !== null);
  const frequent = new FrequentItems();
  for (const side of sides) frequent.merge(side);
  const merged = frequent.toState();
  const exact = merged.error === 0 && into.hll === null && later.hll === null;
  if (!exact) {
    const hll = new HyperLogLog();
    for (const side of [into, later]) {
      if (side.frequent && side.frequent.error === 0 && side.hll === null)
        hll.merge(hllOfKeys(side.frequent.entries.map((e) => e[0])).registers);
      const registers = side.hll === null ? void 0 : decodeRegisters(side.hll);
      if (registers) hll.merge(registers);
    }
    into.hll = encodeRegisters(hll.registers);
  }
  into.frequent = sides.length > 0 ? merged : null;
}

// src/data/reread.ts
import { readFileSync } from "node:fs";
async function respill(plan, job, writer) {
  const file = plan.files[job.task.file];
  const end = Math.max(...job.columns.map((c) => c.end));
  const columns = job.columns.map(({ column, marks, end: end2 }) => {
    const check = plan.columns[column].uniqueCheck;
    return { field: file.columns.indexOf(plan.columns[column].name), check, keyed: readFileSync(marks), end: end2 };
  });
  const rows = new RowHashes(plan.duplicateCarrier ?? -1, BATCH_RECORDS);
  const visit = {
    finished: false,
    delimited(reader, batch, from, recordBase) {
      const buffer = reader.buffer;
      const { starts, ends, fieldCounts, recordStarts, contentEnds, stride, size } = batch;
      rows.atBatch(recordBase, buffer, recordStarts, contentEnds);
      for (const { field, check, keyed, end: end2 } of columns) {
        for (let i = from; i < size; i++) {
          const record2 = recordBase + i;
          if (record2 >= end2) break;
          if ((keyed[record2 >>> 3] & 1 << (record2 & 7)) === 0 || field >= fieldCounts[i]) continue;
          const at = i * stride + field;
          hashBytes(buffer, starts[at], ends[at]);
          writer.offset = reader.base + recordStarts[i];
          writer.add(check, hashed.h1, hashed.h2, record2, buffer, starts[at], ends[at]);
        }
      }
      this.finished = recordBase + size >= end;
    }
  };
  const previous = writer.rows;
  writer.range = job.task.id;
  writer.rows = rows;
  try {
    await scanDelimited(plan, job.task, visit, { records: 0, firstStart: 0, nextStart: 0 }, false);
  } finally {
    writer.rows = previous;
  }
}
async function readFieldsAt(plan, fileIndex, offset) {
  const file = plan.files[fileIndex];
  const reader = fileReader(file.path, offset);
  try {
    const delimited = new DelimitedReader({
      reader,
      file: file.shown,
      offset,
      delimiter: file.format === "tsv" ? 9 : 44,
      align: false,
      stopAt: Infinity,
      atFileStart: false
    });
    for (; ; ) {
      const got = delimited.next();
      if (got === MORE) {
        await delimited.fill();
        continue;
      }
      if (got !== RECORD) return [];
      const cells = [];
      for (let i = 0; i < delimited.fieldCount; i++) {
        const start = delimited.starts[i];
        const end = delimited.ends[i];
        cells.push(start === end ? null : delimited.buffer.toString("utf8", start, end));
      }
      return cells;
    }
  } finally {
    reader.close();
  }
}

// src/data/parallel/repeat-checks.ts
async function checkRepeats(plan, merged, writer, findAll, checks) {
  const valueOf = async (example, columnsShown) => {
    if (example.text !== null) return example.text;
    const file = merged.rangeFile.get(example.range);
    if (file === void 0 || example.offset === null) return "";
    const cells = await readFieldsAt(plan, file, example.offset);
    const header = plan.files[file].columns;
    return columnsShown.map((name) => String(cells[header.indexOf(name)] ?? null)).join(", ");
  };
  const { jobs, inOrder } = leftOutToSpill(plan, merged);
  for (const job of jobs) await respill(plan, job, writer);
  writer.flush();
  const spilled = [plan.duplicateCheck, plan.keyCheck, ...plan.columns.map((c) => c.uniqueCheck)].filter(
    (c) => c !== null
  );
  const all = await findAll(spilled, merged.rowStart);
  const findingsOf2 = (check) => check === null ? void 0 : all[spilled.indexOf(check)];
  const repeat = async (check, rule, shown) => {
    if (check === null) return;
    const found = check === plan.duplicateCheck ? (
      // Rows with a value in the carrying column were checked with its repeats; the rest on their own.
      mergeRepeatTallies([
        findingsOf2(check)?.repeats ?? null,
        findingsOf2(plan.duplicateCarrier)?.duplicates ?? null
      ])
    ) : findingsOf2(check)?.repeats ?? null;
    if (!found) return;
    const first = found.examples[0];
    const observed = shown === null || !first ? "a repeated row" : capText(await valueOf(first, shown));
    checks[rule] = tallyOf(found, observed);
  };
  await repeat(plan.duplicateCheck, "duplicate_rows", null);
  await repeat(plan.keyCheck, "unique_key", plan.keyColumns);
  for (const column of plan.columns) await repeat(column.uniqueCheck, `unique:${column.name}`, [column.name]);
  return inOrder;
}
function leftOutToSpill(plan, merged) {
  const jobs = /* @__PURE__ */ new Map();
  let inOrder = 0;
  const meets = (a, b, c, d) => !(b < c || d < a);
  plan.columns.forEach((column, c) => {
    if (column.uniqueCheck === null) return;
    const ranges = merged.accepted.filter((r) => r.keyOrders[c] != null);
    for (const range of ranges) {
      const order = range.keyOrders[c];
      if (order.inOrder === 0) continue;
      const apart = ranges.every((other) => {
        const o = other.keyOrders[c];
        if (o.spilled > 0 && meets(order.first, order.last, o.min, o.max)) return false;
        return other === range || o.inOrder === 0 || !meets(order.first, order.last, o.first, o.last);
      });
      if (apart) {
        inOrder += order.inOrder;
        continue;
      }
      const job = jobs.get(range.task.id) ?? { task: range.task, columns: [] };
      job.columns.push({ column: c, marks: merged.keyedFile(range.task.id, c), end: order.inOrderEnd });
      jobs.set(range.task.id, job);
    }
  });
  return { jobs: [...jobs.values()], inOrder };
}

// src/data/parallel/merger.ts
var Merger = class {
  constructor(plan, tasks, local, queue, spillDir) {
    this.plan = plan;
    this.tasks = tasks;
    this.local = local;
    this.queue = queue;
    this.spillDir = spillDir;
    this.columns = plan.columns.map(() => null);
    this.values = plan.columns.map((c) => new HeldParts(c.valuesLimit));
    for (const task of tasks) this.taskById.set(task.id, task);
    this.fileRows = plan.files.map(() => 0);
    this.nextId = tasks.length;
  }
  plan;
  tasks;
  local;
  queue;
  spillDir;
  columns;
  values;
  checks = {};
  fileRows;
  rowStart = /* @__PURE__ */ new Map();
  rangeFile = /* @__PURE__ */ new Map();
  waiting = /* @__PURE__ */ new Map();
  /** Ranges read again: the id of the new reading, by the original's. */
  replaced = /* @__PURE__ */ new Map();
  rows = 0;
  next = 0;
  nextId;
  reread = 0;
  previous = null;
  /** Accepted ranges with the task that read them and, per plan column, how its unique values went (KeyOrder). */
  accepted = [];
  /** Every task by id, ranges read again included. */
  taskById = /* @__PURE__ */ new Map();
  error = null;
  accept(result) {
    this.waiting.set(result.id, result);
    this.drain();
  }
  /** After the threads stopped: reads what is still queued (ranges to read again) here, then reports an error. */
  async done() {
    for (let task = this.queue.shift(); task && this.error === null; task = this.queue.shift()) {
      this.local.range = task.id;
      this.accept(await scanRange(this.plan, task, this.plan.checks > 0 ? this.local : null));
    }
    if (this.error) throw this.error;
  }
  drain() {
    while (this.error === null && this.next < this.tasks.length) {
      const task = this.tasks[this.next];
      const id = this.replaced.get(task.id) ?? task.id;
      const result = this.waiting.get(id);
      if (!result) return;
      this.waiting.delete(id);
      const previous = this.previous;
      if (previous && previous.file === task.file && result.firstStart !== previous.result.nextStart) {
        this.reread++;
        const again = {
          id: this.nextId++,
          file: task.file,
          start: previous.result.nextStart,
          end: task.end,
          align: false
        };
        this.replaced.set(task.id, again.id);
        this.taskById.set(again.id, again);
        this.queue.unshift(again);
        return;
      }
      this.add(result, task.file);
      this.next++;
    }
  }
  add(result, file) {
    const start = this.plan.firstRow + this.rows;
    this.rowStart.set(result.id, start);
    this.rangeFile.set(result.id, file);
    this.previous = { result, file };
    if (result.error) {
      const error = result.error;
      const shown = this.plan.files[file]?.shown ?? "data";
      const where = [
        error.record === null ? null : `row ${start + error.record}`,
        error.byteOffset === null ? null : `byte ${error.byteOffset}`
      ].filter(Boolean).join(", ");
      this.error = new InputError(
        `${shown}: ${error.detail}${where ? ` (${where})` : ""}`,
        error.hint ? { hint: error.hint } : {}
      );
      this.queue.length = 0;
      return;
    }
    this.rows += result.records;
    this.fileRows[file] += result.records;
    result.columns.forEach((state, i) => {
      if (state === null) return;
      for (const tally of Object.values(state.checks)) tally.rows = tally.rows.map((r) => r + start);
      if (this.columns[i] === null) this.columns[i] = state;
      else mergeColumnState(this.columns[i], state, i + 1);
    });
    result.values.forEach((values, i) => this.values[i].addAll(values));
    shiftTallies(result.checks, start);
    mergeTallies(this.checks, result.checks);
    const keyOrders = result.keyOrders.map((order, c) => {
      if (order?.keyed == null) return order;
      writeFileSync(this.keyedFile(result.id, c), order.keyed);
      return { ...order, keyed: null };
    });
    this.accepted.push({ task: this.taskById.get(result.id), keyOrders });
  }
  keyedFile(range, column) {
    return path.join(this.spillDir, `keyed-r${range}-c${column}.bin`);
  }
  /**
   * After done(): the whole-dataset checks (repeat-checks.ts), then the scan's outcome, its held values joined into
   * `heldArrays` when given.
   */
  async finish(findAll, threads, heldArrays) {
    const uniqueInOrder = await checkRepeats(this.plan, this, this.local, findAll, this.checks);
    return {
      rows: this.rows,
      fileRows: this.fileRows,
      columns: this.columns,
      values: this.values.map((held) => held.result(heldArrays)),
      checks: this.checks,
      uniqueInOrder,
      ranges: this.tasks.length,
      reread: this.reread,
      threads
    };
  }
};

// src/data/parallel/worker-pool.ts
var WorkerPool = class {
  workers;
  constructor(threads, setup) {
    this.workers = Array.from({ length: threads }, (_, writer) => startWorker({ ...setup, writer }));
  }
  get size() {
    return this.workers.length;
  }
  /**
   * Points the workers at another pass (a pool kept for several datasets, as the monitor's windows are): messages
   * arrive in order, so the next task is read under the new plan.
   */
  prepare(setup) {
    this.workers.forEach((worker, writer) => worker.postMessage({ type: "setup", setup: { ...setup, writer } }));
  }
  /** Sends `first` to a worker and resolves with the first reply that `done` accepts. */
  ask(worker, first, done, next) {
    return new Promise((resolve, reject) => {
      const onMessage = (reply) => {
        if (reply.type === "failed") return finish(() => reject(new Error(`a scan worker failed: ${reply.message}`)));
        const value = done(reply);
        if (value !== void 0) return finish(() => resolve(value));
        const follow = next?.(reply);
        if (follow !== void 0) worker.postMessage(follow);
      };
      const onError = (error) => finish(() => reject(error));
      const onExit = (code) => finish(() => reject(new Error(`a scan worker exited with code ${code}`)));
      const finish = (then) => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        then();
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(first);
    });
  }
  /** Hands out ranges from the shared queue (which this thread also takes from) until it is empty. */
  async run(queue, accept) {
    const nextMessage = () => {
      const task = queue.shift();
      return task ? { type: "task", task } : { type: "close" };
    };
    await Promise.all(
      this.workers.map(
        (worker) => this.ask(
          worker,
          nextMessage(),
          (reply) => reply.type === "closed" ? true : void 0,
          (reply) => {
            if (reply.type !== "result") return void 0;
            accept(reply.result);
            return nextMessage();
          }
        )
      )
    );
  }
  /** The repeat checks, the spill partitions shared between the workers and this thread. */
  async repeats(checks, rowStart, partitionBits, spillDir) {
    if (checks.length === 0) return [];
    const shares = this.workers.length + 1;
    const partitions = Array.from({ length: 2 ** partitionBits }, (_, i) => i);
    const share = (w) => partitions.filter((p) => p % shares === w);
    const asked = Promise.all(
      this.workers.map(
        (worker, w) => this.ask(
          worker,
          { type: "repeats", checks, partitions: share(w), rowStart: [...rowStart] },
          (reply) => reply.type === "repeats" ? reply.found : void 0
        )
      )
    );
    const mine = checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart, share(shares - 1)));
    const found = [...await asked, mine];
    return checks.map((_, i) => mergeCheckFindings(found.map((f) => f[i])));
  }
  async terminate() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
};
var WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
function startWorker(setup) {
  return startWorkerThread(
    { name: "scan-worker", source: new URL("../scan-worker.ts", import.meta.url), caller: import.meta.url },
    { workerData: setup, resourceLimits: WORKER_LIMITS }
  );
}

// src/data/ranges.ts
function rangeBytesFor(totalBytes, workers) {
  return Math.min(512 << 20, Math.max(8 << 20, Math.ceil(totalBytes / (2 * Math.max(1, workers)))));
}
function planRanges(plan, target) {
  const tasks = [];
  plan.files.forEach((file, index) => {
    if (file.gzip || file.format === "jsonl" || file.format === "parquet" || file.bytes <= target) {
      tasks.push({ id: tasks.length, file: index, start: 0, end: Infinity, align: false });
      return;
    }
    const pieces = Math.ceil(file.bytes / target);
    for (let i = 0; i < pieces; i++) {
      const start = Math.floor(file.bytes * i / pieces);
      const end = i === pieces - 1 ? Infinity : Math.floor(file.bytes * (i + 1) / pieces);
      tasks.push({ id: tasks.length, file: index, start, end, align: i > 0 });
    }
  });
  return tasks;
}
function threadsFor(workers, ranges, totalBytes, parallelFrom = 16 << 20) {
  return workers > 1 && ranges > 1 && totalBytes >= parallelFrom ? Math.min(workers, ranges) : 1;
}

// src/data/parallel.ts
var ScanThreads = class {
  constructor(count) {
    this.count = count;
  }
  count;
  pool = null;
  /** The pool, started the first time, set up for a pass. */
  for(setup) {
    if (this.pool) this.pool.prepare(setup);
    else this.pool = new WorkerPool(this.count, setup);
    return this.pool;
  }
  async close() {
    const pool = this.pool;
    this.pool = null;
    await pool?.terminate();
  }
};
async function scanDataset(plan, options) {
  const totalBytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const tasks = planRanges(plan, options.rangeBytes ?? rangeBytesFor(totalBytes, options.workers));
  const shared = options.threads;
  const readHere = shared ? options.readHere === true : (options.readHere ?? true) || tasks.length < 2;
  const threads = shared ? shared.count + (readHere ? 1 : 0) : readHere ? threadsFor(options.workers, tasks.length, totalBytes, options.parallelFrom) : Math.max(1, Math.min(options.workers - 1, tasks.length));
  const partitionBits = partitionBitsFor(totalBytes);
  const spillDir = await mkdtemp(path2.join(options.tempDir, "scan-"));
  const helpers = readHere ? threads - 1 : threads;
  const setup = { plan, spillDir, partitionBits };
  const pool = shared ? shared.for(setup) : helpers > 0 ? new WorkerPool(helpers, setup) : null;
  try {
    const local = new RepeatWriter(spillDir, threads, partitionBits);
    const queue = [...tasks];
    const merger = new Merger(plan, tasks, local, queue, spillDir);
    const accept = (result) => merger.accept(result);
    const reading = Promise.all([
      pool?.run(queue, accept),
      readHere ? runHere(plan, queue, local, accept, pool !== null) : void 0
    ]);
    options.onReading?.();
    await reading;
    await merger.done();
    local.flush();
    const repeats = pool ? (checks, rowStart) => pool.repeats(checks, rowStart, partitionBits, spillDir) : (checks, rowStart) => Promise.resolve(checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart)));
    return await merger.finish(repeats, threads, options.heldArrays);
  } finally {
    if (!shared) await pool?.terminate();
    await rm(spillDir, { recursive: true, force: true });
  }
}
async function runHere(plan, queue, repeats, accept, beside) {
  for (let task = queue.shift(); task; task = queue.shift()) {
    repeats.range = task.id;
    accept(await scanRange(plan, task, plan.checks > 0 ? repeats : null, beside));
  }
}

// src/data/plan.ts
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
function schemaHash(schema) {
  return createHash("sha256").update(JSON.stringify(schema ?? null)).digest("hex").slice(0, 16);
}
async function planDataset(dataset, files, reading, schema, heldValuesBudget = 0, hints = {}) {
  const dataFiles = [];
  const sample = hints.sample ?? new TypeSample();
  for (const file of files) {
    const fileFormat = formatOf(file.path, reading.format);
    const delimited = fileFormat === "csv" || fileFormat === "tsv";
    if (!reading.header && !delimited) {
      throw new InputError(
        `data.header: false does not apply to ${file.shown}: ${fileFormat === "jsonl" ? "JSON Lines" : "Parquet"} files name their columns themselves`,
        { hint: "remove data.header, or list only CSV and TSV files in this dataset" }
      );
    }
    const table = await openTable(file.path, fileFormat, {
      displayName: file.shown,
      ...reading.header ? {} : { columns: Object.keys(schema?.columns ?? {}) }
    });
    const entry = {
      path: file.path,
      shown: file.shown,
      format: fileFormat,
      gzip: isGzip(file.path),
      // A regular file (openTable refused anything else): its size cuts byte ranges, and the last range reads to the
      // end, whatever the size has become by then.
      bytes: statSync(file.path).size,
      columns: table.columns,
      header: delimited && reading.header
    };
    dataFiles.push(entry);
    if (table.spans && !hints.sample && sample.rows < SAMPLE_ROWS) {
      const at = table.columns.map((_, i) => i);
      await table.spans((record2) => {
        sample.addSpans(table.columns, at, record2.buffer, record2.starts, record2.ends, record2.fieldCount);
        return sample.rows < SAMPLE_ROWS;
      });
      continue;
    }
    if (hints.sample || sample.rows >= SAMPLE_ROWS) {
      table.close();
      continue;
    }
    const iterator = table.rows[Symbol.asyncIterator]();
    try {
      while (sample.rows < SAMPLE_ROWS) {
        const next = await iterator.next();
        if (next.done) break;
        sample.add(table.columns, next.value.cells);
      }
    } catch (error) {
      throw explainReadError(error, file.shown, (record2) => record2 + (entry.header ? 1 : 0));
    } finally {
      await iterator.return?.();
    }
  }
  const names = [];
  for (const file of dataFiles) for (const column of file.columns) if (!names.includes(column)) names.push(column);
  let checks = 0;
  const duplicateRows = schema?.duplicate_rows ?? "allow";
  const duplicateCheck = duplicateRows === "allow" ? null : checks++;
  const keyCheck = schema?.unique_key ? checks++ : null;
  const columns = names.map((name) => {
    const spec = schema?.columns[name];
    const declared = spec?.type ?? null;
    const inferred = sample.inferred(name);
    const type = declared ?? inferred;
    return {
      name,
      declared,
      inferred,
      kind: kindOf(type),
      severity: spec?.severity ?? "error",
      rules: spec ? rulesOf(spec, declared) : null,
      uniqueCheck: spec?.unique ? checks++ : null,
      valuesLimit: 0
    };
  });
  const numeric = columns.filter((c) => c.kind === "numeric" || c.kind === "datetime" || c.kind === "any");
  const limit = heldValuesLimit(heldValuesBudget, numeric.length);
  for (const column of numeric) if (!hints.holdOnly || hints.holdOnly.has(column.name)) column.valuesLimit = limit;
  return {
    dataset,
    files: dataFiles,
    columns,
    firstRow: dataFiles[0]?.header ? 2 : 1,
    duplicateCheck,
    duplicateCarrier: duplicateCheck === null ? null : columns.find((c) => c.uniqueCheck !== null)?.uniqueCheck ?? null,
    duplicateSeverity: duplicateRows === "error" ? "error" : "warn",
    keyCheck,
    keyColumns: schema?.unique_key ?? [],
    checks,
    sampledRows: sample.rows,
    schemaHash: schemaHash(schema)
  };
}
function kindOf(type) {
  switch (type) {
    case "integer":
    case "number":
      return "numeric";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "string":
    case "category":
      return "text";
    case null:
      return "any";
  }
}
function rulesOf(spec, declared) {
  const bound = (value) => {
    if (value === void 0) return null;
    if (typeof value === "number") return value;
    const bytes = Buffer.from(value);
    if (declared === "datetime" && parseDatetime(bytes, 0, bytes.length)) return parsed.value;
    return parseNumber(bytes, 0, bytes.length) ? parsed.value : null;
  };
  return {
    nullable: spec.nullable,
    min: bound(spec.min),
    max: bound(spec.max),
    allowed: spec.values ? spec.values.map((v) => keyOf(String(v))) : null,
    regex: spec.regex ?? null,
    unique: spec.unique
  };
}

// src/data/profile.ts
var PROFILE_FORMAT = "mlops-profile/1";
var QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
function buildProfile(plan, outcome) {
  const columns = [];
  plan.columns.forEach((column, i) => {
    const state = outcome.columns[i];
    if (state) columns.push(finishColumn(column, state));
  });
  return {
    format: PROFILE_FORMAT,
    kit: KIT_VERSION,
    dataset: plan.dataset,
    schemaHash: plan.schemaHash,
    files: plan.files.map((f, i) => ({
      path: f.shown,
      bytes: f.bytes,
      rows: outcome.fileRows[i] ?? 0,
      columns: f.columns
    })),
    rows: outcome.rows,
    firstRow: plan.firstRow,
    sampledRows: plan.sampledRows,
    columns,
    checks: outcome.checks,
    parts: 1,
    shard: null,
    notes: [],
    settings: settings()
  };
}
function settings() {
  return { kllRankError: KLL_RANK_ERROR, hllStandardError: HLL_STANDARD_ERROR, exactDistinct: FREQUENT_CAPACITY };
}
function finishColumn(plan, state) {
  let type;
  let kind = plan.kind;
  const finished = { ...state };
  if (plan.declared) {
    type = plan.declared;
  } else if (plan.kind === "any") {
    const numeric = state.values > 0 && state.numericValues > 0 && state.numericValues + state.missingTokens === state.values;
    if (numeric) {
      type = state.fractional > 0 ? "number" : "integer";
      kind = "numeric";
      finished.nulls += state.missingTokens;
      finished.values -= state.missingTokens;
      finished.frequent = null;
    } else {
      type = "string";
      kind = "text";
      finished.missingTokens = 0;
      finished.moments = null;
      finished.sketch = null;
      finished.numbers = null;
      finished.hll = null;
    }
  } else {
    type = plan.inferred === "integer" && state.fractional > 0 ? "number" : plan.inferred ?? "string";
  }
  const profile = {
    ...finished,
    type,
    declared: plan.declared !== null,
    inferred: plan.inferred,
    kind,
    summary: emptySummary()
  };
  profile.summary = summarize(profile);
  return profile;
}
function emptySummary() {
  return {
    count: 0,
    nulls: 0,
    distinct: null,
    min: null,
    max: null,
    mean: null,
    std: null,
    quantiles: [],
    rankError: 0,
    histogram: null,
    top: [],
    topError: 0
  };
}
function summarize(column) {
  const summary = emptySummary();
  summary.nulls = column.nulls;
  summary.count = column.values - column.invalid - column.nonFinite;
  const show = (value) => column.kind === "datetime" ? formatDatetime(value) : value;
  if (column.sketch && column.sketch.n > 0 && column.moments) {
    const view = new KllView(column.sketch);
    summary.min = show(view.min);
    summary.max = show(view.max);
    summary.mean = show(column.moments.mean);
    summary.std = sampleStd(column.moments);
    summary.rankError = view.exact ? 0 : KLL_RANK_ERROR;
    summary.quantiles = QUANTILES.map((q) => ({ q, value: show(view.quantile(q)) }));
    summary.histogram = histogram(view, show);
  }
  if (column.frequent) {
    const error = column.frequent.error;
    summary.top = column.frequent.entries.filter(([, count, text]) => count > error && text !== null).slice(0, 10).map(([, count, text]) => {
      const value = capText(text ?? "");
      return isCut(value) ? { value, count, cut: true } : { value, count };
    });
    summary.topError = error;
  }
  summary.distinct = distinctOf(column);
  return summary;
}
function distinctOf(column) {
  const numeric = column.kind === "numeric" || column.kind === "datetime";
  if (numeric && column.numbers) return { value: column.numbers.length, exact: true };
  if (!numeric && column.frequent && column.frequent.error === 0 && column.hll === null)
    return { value: column.frequent.entries.length, exact: true };
  const registers = column.hll === null ? void 0 : decodeRegisters(column.hll);
  return registers ? { value: new HyperLogLog(registers).estimate(), exact: false } : null;
}
function histogram(view, show) {
  if (!(view.max > view.min)) return { edges: [show(view.min), show(view.max)], counts: [view.n] };
  const bins = 10;
  const edges = Array.from(
    { length: bins + 1 },
    (_, i) => i === bins ? view.max : view.min + (view.max - view.min) * i / bins
  );
  const counts2 = [];
  let below = 0;
  for (let i = 1; i <= bins; i++) {
    const atOrBelow = i === bins ? view.n : Math.round(view.cdfBelow(edges[i]) * view.n);
    counts2.push(atOrBelow - below);
    below = atOrBelow;
  }
  return { edges: edges.map(show), counts: counts2 };
}
function mergeProfiles(input) {
  const profiles = orderShards(input);
  const [first, ...rest] = profiles;
  if (!first) throw new InputError("no profiles to merge");
  for (const other of rest) {
    if (other.schemaHash !== first.schemaHash) {
      throw new InputError(
        `the profiles were made with different data.schema sections (${first.schemaHash}, ${other.schemaHash})`,
        {
          hint: "profile every shard with the same mlops.yml"
        }
      );
    }
    if (other.dataset !== first.dataset) {
      throw new InputError(`cannot merge profiles of different datasets (${first.dataset} and ${other.dataset})`);
    }
  }
  const merged = structuredClone(first);
  for (const part of rest) {
    const offset = merged.rows;
    const byName = new Map(merged.columns.map((c) => [c.name, c]));
    for (const column of part.columns) {
      const shifted = structuredClone(column);
      shiftTallies(shifted.checks, offset);
      const into = byName.get(column.name);
      if (!into) {
        merged.columns.push(shifted);
        byName.set(column.name, shifted);
        continue;
      }
      const type = widen(into, shifted);
      mergeColumnState(into, shifted);
      into.type = type;
      into.summary = summarize(into);
    }
    const checks = structuredClone(part.checks);
    shiftTallies(checks, offset);
    mergeTallies(merged.checks, checks);
    merged.files.push(...part.files);
    merged.rows += part.rows;
    merged.parts += part.parts;
    merged.notes = [.../* @__PURE__ */ new Set([...merged.notes, ...part.notes])];
  }
  if (profiles.length > 1) {
    merged.notes = [
      .../* @__PURE__ */ new Set([
        ...merged.notes,
        "unique values, unique keys and duplicate rows were checked within each part, not across parts"
      ])
    ];
  }
  for (const column of merged.columns) {
    column.summary = summarize(column);
    if (profiles.length > 1) delete column.deciles;
  }
  merged.shard = null;
  return merged;
}
function orderShards(profiles) {
  const shards = profiles.map((p) => p.shard ?? null);
  if (shards.every((s) => s === null)) return profiles;
  if (shards.some((s) => s === null))
    throw new InputError("some profiles are shards (mlops profile --shard) and some are not");
  const count = shards[0].count;
  const byIndex = /* @__PURE__ */ new Map();
  for (const profile of profiles) {
    const shard = profile.shard;
    if (shard.count !== count)
      throw new InputError(`the shards were cut differently (${shard.index}/${shard.count} and ?/${count})`);
    if (byIndex.has(shard.index)) throw new InputError(`shard ${shard.index}/${count} is there twice`);
    byIndex.set(shard.index, profile);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new InputError(
      `shard(s) ${missing.map((i) => `${i}/${count}`).join(", ")} missing: the merged profile would not be the whole dataset`,
      {
        hint: "download every matrix leg's profile before merging"
      }
    );
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}
function widen(a, b) {
  if (a.type === b.type) return a.type;
  const numeric = /* @__PURE__ */ new Set(["integer", "number"]);
  if (numeric.has(a.type) && numeric.has(b.type)) return "number";
  if (a.kind === "any" || b.kind === "any") return a.kind === "any" ? b.type : a.type;
  throw new InputError(`column "${a.name}" is ${a.type} in one part and ${b.type} in another`, {
    hint: `declare its type in data.schema.columns.${a.name}.type so every shard reads it the same way`
  });
}

// src/data/profile-file.ts
var Tally = object({ count: number(), rows: array(number()), observed: string() });
var Column = object({
  name: string(),
  type: _enum(["integer", "number", "string", "boolean", "category", "datetime"]),
  kind: _enum(["numeric", "datetime", "boolean", "text", "any"]),
  rows: number(),
  values: number(),
  nulls: number(),
  checks: record(string(), Tally),
  sketch: object({ k: number(), n: number(), levels: array(array(number())), exact: boolean() }).passthrough().nullable(),
  frequent: object({ entries: array(tuple([number(), number(), string().nullable()])), error: number() }).nullable(),
  numbers: array(tuple([number(), number()])).nullable(),
  hll: string().nullable(),
  deciles: object({ edges: array(number()).length(9), shares: array(number().min(0).max(1)).length(10) }).optional()
}).passthrough();
var Profile = object({
  format: literal(PROFILE_FORMAT),
  dataset: string(),
  schemaHash: string(),
  rows: number(),
  columns: array(Column),
  checks: record(string(), Tally),
  shard: object({ index: number().int().min(1), count: number().int().min(1) }).nullable().default(null),
  files: array(object({ path: string(), bytes: number(), rows: number(), columns: array(string()) }))
}).passthrough();
var PROFILE_BYTES_LIMIT = 256 * 1024 * 1024;
async function readProfileFile(file, shown, missingHint) {
  refuseIrregularFile(file, shown);
  const text = await readTextLimited(file, { shown, what: "profile", limit: PROFILE_BYTES_LIMIT, missingHint });
  return readProfile(text, shown);
}
function readProfile(text, shown) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON (${error.message})`, {
      hint: "a profile is the JSON file `mlops profile` writes"
    });
  }
  const parsed2 = Profile.safeParse(value);
  if (!parsed2.success) {
    const issue = parsed2.error.issues[0];
    throw new InputError(
      `${shown} is not an mlops-kit profile (${issue ? `${issue.path.join(".") || "top level"}: ${issue.message}` : "unknown shape"})`,
      { hint: `a profile is the JSON file \`mlops profile\` writes (format ${PROFILE_FORMAT})` }
    );
  }
  return parsed2.data;
}

// src/data/radix-sort.ts
var RADIX_FROM = 4096;
function sortDoubles(values) {
  const n = values.length;
  if (n < RADIX_FROM || values.byteOffset % 8 !== 0) return values.sort();
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1];
    if (high >>> 31) {
      words[2 * i] = ~words[2 * i] >>> 0;
      words[2 * i + 1] = ~high >>> 0;
    } else words[2 * i + 1] = (high | 2147483648) >>> 0;
  }
  let from = words;
  let to = scratch(2 * n);
  const counts2 = digitCounts();
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts2.fill(0);
    for (let i = 0; i < n; i++) counts2[from[2 * i + word] >>> shift & 65535]++;
    if (counts2[from[word] >>> shift & 65535] === n) continue;
    let sum = 0;
    for (let d = 0; d < counts2.length; d++) {
      const count = counts2[d];
      counts2[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const at = 2 * counts2[from[2 * i + word] >>> shift & 65535]++;
      to[at] = from[2 * i];
      to[at + 1] = from[2 * i + 1];
    }
    [from, to] = [to, from];
  }
  if (from !== words) words.set(from);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1];
    if (high >>> 31) words[2 * i + 1] = (high & 2147483647) >>> 0;
    else {
      words[2 * i] = ~words[2 * i] >>> 0;
      words[2 * i + 1] = ~high >>> 0;
    }
  }
  return values;
}
var spare = null;
var spareCounts = null;
function scratch(words) {
  let shared = spare?.deref();
  if (!shared || shared.length < words) {
    shared = new Uint32Array(Math.max(words, Math.ceil((shared?.length ?? 0) * 1.25)));
    spare = new WeakRef(shared);
  }
  return shared.subarray(0, words);
}
function digitCounts() {
  let counts2 = spareCounts?.deref();
  if (!counts2) {
    counts2 = new Uint32Array(1 << 16);
    spareCounts = new WeakRef(counts2);
  }
  return counts2;
}

// src/data/validate.ts
async function validateDatasets(data, root, options = {}) {
  const skipped = {
    stage: "validate",
    verdict: "skipped",
    datasets: [],
    errors: 0,
    warnings: 0,
    profile: null,
    drift: null,
    evalDrift: null,
    skew: null,
    driftNote: null
  };
  if (!data) return { result: skipped, profiles: /* @__PURE__ */ new Map() };
  const tempDir = await mkdtemp2(path3.join(options.tempDir ?? os.tmpdir(), "mlops-validate-"));
  const heldBudget = options.heldValuesBudget ?? (data.drift === void 0 ? 0 : HELD_VALUES_BUDGET);
  try {
    const read = {};
    if (options.trainProfiles && options.trainProfiles.length > 0)
      read.train = { profile: mergeProfiles(options.trainProfiles), held: /* @__PURE__ */ new Map() };
    else read.train = await profileSources("train", data.train, data, root, options, tempDir, heldBudget);
    if (data.eval !== void 0)
      read.eval = await profileSources("eval", data.eval, data, root, options, tempDir, heldBudget);
    const profiles = new Map(Object.entries(read).map(([name, dataset]) => [name, dataset.profile]));
    const datasets = [...profiles.values()].map((profile) => reportOf(profile, data));
    let reference = null;
    let driftNote = null;
    if (data.drift) {
      const resolved = await resolveReference(data, root, options, tempDir, heldBudget);
      if ("none" in resolved) driftNote = resolved.none;
      else reference = resolved;
    }
    const comparisons = compareDatasets(data, read, reference);
    for (const comparison of [comparisons.drift, comparisons.evalDrift, comparisons.skew]) {
      const finding = comparison && driftFinding(comparison);
      if (finding) datasets.find((d) => d.name === finding.dataset)?.findings.push(finding);
    }
    const findings = datasets.flatMap((d) => d.findings);
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    return {
      result: {
        stage: "validate",
        verdict: errors > 0 ? "fail" : "pass",
        datasets,
        errors,
        warnings,
        profile: null,
        ...comparisons,
        driftNote
      },
      profiles
    };
  } finally {
    await rm2(tempDir, { recursive: true, force: true });
  }
}
async function profileSources(name, sources, data, root, options, tempDir, heldValuesBudget = 0, hints = {}) {
  const downloadDir = path3.join(tempDir, "download");
  await mkdir(downloadDir, { recursive: true });
  const started = performance.now();
  const entries = isEntries(sources) ? sources : await listSources(sources, root, options.store ?? {});
  const files = await fetchSources(entries, downloadDir);
  const plan = await planDataset(
    name,
    files,
    { format: data.format, header: data.header },
    data.schema,
    heldValuesBudget,
    hints
  );
  const planned = performance.now();
  const outcome = await scanDataset(plan, {
    workers: options.workers ?? os.availableParallelism(),
    tempDir,
    ...options.rangeBytes === void 0 ? {} : { rangeBytes: options.rangeBytes },
    ...options.parallelFrom === void 0 ? {} : { parallelFrom: options.parallelFrom },
    ...options.readHere === void 0 ? {} : { readHere: options.readHere },
    ...options.threads === void 0 ? {} : { threads: options.threads },
    ...options.onReading === void 0 ? {} : { onReading: options.onReading },
    ...options.heldArrays === void 0 ? {} : { heldArrays: options.heldArrays }
  });
  const profile = buildProfile(plan, outcome);
  const bytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const seconds = (performance.now() - planned) / 1e3;
  options.debug?.(
    `${name}: ${plan.files.length} file(s), ${(bytes / 1e6).toFixed(1)} MB, ${outcome.rows} rows; planned in ${((planned - started) / 1e3).toFixed(2)} s, read in ${seconds.toFixed(2)} s (${(bytes / 1e6 / seconds).toFixed(0)} MB/s) on ${outcome.threads} thread(s), ${outcome.ranges} range(s), ${outcome.reread} read again`
  );
  const held = /* @__PURE__ */ new Map();
  profile.columns.forEach((column) => {
    const values = outcome.values[plan.columns.findIndex((c) => c.name === column.name)];
    if (!values || column.kind !== "numeric" && column.kind !== "datetime") return;
    const sorted = sortDoubles(values);
    held.set(column.name, sorted);
    if (sorted.length > 0) column.deciles = exactDeciles(sortedDistribution(sorted));
  });
  return { profile, held };
}
function reportOf(profile, data) {
  return {
    name: profile.dataset,
    files: profile.files.map((f) => f.path),
    rows: profile.rows,
    columns: profile.columns.map((c) => ({ name: c.name, type: c.type, declared: c.declared, ...c.summary })),
    findings: findingsOf(profile, data.schema),
    notes: profile.notes
  };
}
async function resolveReference(data, root, options, tempDir, heldValuesBudget) {
  const reference = data.drift?.reference ?? "champion";
  if (reference === "champion") {
    const champion = await options.championProfile?.() ?? {
      none: "No drift check: no registry was given to find the champion in."
    };
    return "none" in champion ? champion : {
      profile: champion.profile,
      held: /* @__PURE__ */ new Map(),
      name: `the champion's training data (${champion.version})`
    };
  }
  if (reference.toLowerCase().endsWith(".json")) {
    const profile = await readProfileFile(
      path3.resolve(root, reference),
      reference,
      "data.drift.reference is a profile JSON (from `mlops profile`), a data file, or champion"
    );
    return { profile, held: /* @__PURE__ */ new Map(), name: `the profile ${reference}` };
  }
  const read = await profileSources("reference", reference, data, root, options, tempDir, heldValuesBudget);
  return { ...read, name: reference };
}
function isEntries(sources) {
  return Array.isArray(sources) && sources.length > 0 && typeof sources[0] === "object";
}

// src/data/stage.ts
import { mkdir as mkdir2, mkdtemp as mkdtemp3, rm as rm3, writeFile } from "node:fs/promises";
import path4 from "node:path";
async function validationOptions(context, options, champion) {
  const tempDir = path4.join(context.workspace.dir, "tmp");
  await mkdir2(tempDir, { recursive: true });
  const trainProfiles = [];
  for (const file of options.profiles ?? []) {
    const shown = path4.relative(context.loaded.root, file) || file;
    trainProfiles.push(await readProfileFile(file, shown, "pass the files `mlops profile` wrote"));
  }
  return {
    ...options.workers === void 0 ? {} : { workers: options.workers },
    tempDir,
    store: projectStoreSettings(context.loaded.config.registry, context.env),
    trainProfiles,
    championProfile: champion,
    debug: (message) => context.logger.debug(message)
  };
}
async function championProfile(context) {
  const registry = await openRegistry(context);
  const model = context.loaded.config.model.name;
  const manifest = await registry.resolve(model, "champion");
  if (!manifest)
    return {
      none: `No drift check yet: ${model} has no champion in ${registry.location}, so there is no reference to compare with.`
    };
  const file = path4.join(context.workspace.dir, "tmp", `champion-profile-${manifest.version}.json`);
  try {
    if (!await registry.pullAttachment(manifest, "profile", file)) {
      return {
        none: `No drift check: the champion (${manifest.version}) was published without a training-data profile.`
      };
    }
    const shown = `the champion's profile (${manifest.version})`;
    return {
      profile: await readProfileFile(file, shown, "publish stores it with the model"),
      version: manifest.version
    };
  } finally {
    await rm3(file, { force: true });
  }
}
async function runProfile(context, request) {
  const data = context.loaded.config.data;
  if (!data) throw new UsageError("mlops.yml has no data section to profile", { hint: "add `data: { train: ... }`" });
  const sources = request.files.length > 0 ? request.files : data[request.dataset];
  if (sources === void 0) throw new UsageError(`mlops.yml has no data.${request.dataset}`);
  const options = await validationOptions(
    context,
    request.workers === void 0 ? {} : { workers: request.workers },
    () => Promise.resolve({ none: "" })
  );
  const tempDir = await mkdtemp3(path4.join(options.tempDir ?? context.workspace.dir, "profile-"));
  try {
    let entries = await listSources(sources, context.loaded.root, options.store ?? {});
    if (request.shard) entries = shardOf(entries, request.shard.index, request.shard.count);
    const { profile } = await profileSources(request.dataset, entries, data, context.loaded.root, options, tempDir);
    profile.shard = request.shard;
    const suffix = request.shard ? `-${request.shard.index}-of-${request.shard.count}` : "";
    const file = request.out ?? path4.join(context.workspace.outDir, `profile-${request.dataset}${suffix}.json`);
    await mkdir2(path4.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(profile)}
`);
    return { profile, file };
  } finally {
    await rm3(tempDir, { recursive: true, force: true });
  }
}
async function mergeProfileFiles(files, out, shownFrom) {
  const profiles = [];
  for (const file of files) {
    const shown = path4.relative(shownFrom, file) || file;
    profiles.push(await readProfileFile(file, shown, "pass the files `mlops profile` wrote"));
  }
  const merged = mergeProfiles(profiles);
  await mkdir2(path4.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(merged)}
`);
  return merged;
}

export {
  measureDrift,
  buildProfile,
  readProfileFile,
  findingsOf,
  ScanThreads,
  scanDataset,
  planDataset,
  sortDoubles,
  validateDatasets,
  profileSources,
  validationOptions,
  championProfile,
  runProfile,
  mergeProfileFiles
};
