import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatShort,
  pct
} from "./chunk-XCPY3VZS.js";
import {
  PROFILE_FORMAT,
  buildProfile,
  findingsOf,
  mergeProfiles,
  planDataset,
  scanDataset
} from "./chunk-CY6NSRLG.js";
import {
  HELD_VALUES_BUDGET,
  capText,
  populationStd
} from "./chunk-D4GGIWCT.js";
import {
  KLL_RANK_ERROR,
  KllView
} from "./chunk-VZY6JDFA.js";
import {
  fetchSources,
  listSources
} from "./chunk-LGIA7PQF.js";
import {
  refuseIrregularFile
} from "./chunk-3EFEPTIF.js";
import {
  formatDatetime
} from "./chunk-Z7WWPMG5.js";
import {
  readTextLimited
} from "./chunk-5AQJPSN5.js";
import {
  _default,
  _enum,
  _gte,
  _length,
  _lte,
  array,
  boolean,
  int,
  literal,
  looseObject,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  tuple
} from "./chunk-MOKAEFJD.js";
import {
  InputError
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
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/data/comparisons.ts
function compareDatasets(data, datasets, reference) {
  const settings = data.drift;
  const none = { drift: null, evalDrift: null, skew: null };
  if (!settings) return none;
  const against = (comparison, current, base, name) => current && base ? measureDrift(current.profile, base.profile, settings, {
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

// src/data/profile-file.ts
var Tally = object({ count: number(), rows: array(number()), observed: string() });
var Column = looseObject({
  name: string(),
  type: _enum(["integer", "number", "string", "boolean", "category", "datetime"]),
  kind: _enum(["numeric", "datetime", "boolean", "text", "any"]),
  rows: number(),
  values: number(),
  nulls: number(),
  checks: record(string(), Tally),
  sketch: nullable(
    looseObject({ k: number(), n: number(), levels: array(array(number())), exact: boolean() })
  ),
  frequent: nullable(
    object({ entries: array(tuple([number(), number(), nullable(string())])), error: number() })
  ),
  numbers: nullable(array(tuple([number(), number()]))),
  hll: nullable(string()),
  deciles: optional(
    object({
      edges: array(number()).check(_length(9)),
      shares: array(number().check(_gte(0), _lte(1))).check(_length(10))
    })
  )
});
var Profile = looseObject({
  format: literal(PROFILE_FORMAT),
  dataset: string(),
  schemaHash: string(),
  rows: number(),
  columns: array(Column),
  checks: record(string(), Tally),
  shard: _default(
    nullable(object({ index: number().check(int(), _gte(1)), count: number().check(int(), _gte(1)) })),
    null
  ),
  files: array(object({ path: string(), bytes: number(), rows: number(), columns: array(string()) }))
});
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
  const parsed = Profile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${shown} is not an mlops-kit profile (${issue ? `${issue.path.join(".") || "top level"}: ${issue.message}` : "unknown shape"})`,
      { hint: `a profile is the JSON file \`mlops profile\` writes (format ${PROFILE_FORMAT})` }
    );
  }
  return parsed.data;
}

// src/data/radix-sort.ts
var RADIX_FROM = 4096;
var DIGITS = 1 << 16;
function sortDoubles(values) {
  const n = values.length;
  if (n < RADIX_FROM || values.byteOffset % 8 !== 0) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const counts2 = digitCounts();
  counts2.fill(0);
  for (let i = 0; i < n; i++) {
    let low = words[2 * i];
    let high = words[2 * i + 1];
    if ((high & 2146435072) === 2146435072 && ((high & 1048575) !== 0 || low !== 0)) {
      for (let j = 0; j < i; j++) fromKey(words, j);
      return values.sort();
    }
    if (high >>> 31) {
      low = ~low >>> 0;
      high = ~high >>> 0;
    } else high = (high | 2147483648) >>> 0;
    words[2 * i] = low;
    words[2 * i + 1] = high;
    counts2[low & 65535]++;
    counts2[DIGITS + (low >>> 16)]++;
    counts2[2 * DIGITS + (high & 65535)]++;
    counts2[3 * DIGITS + (high >>> 16)]++;
  }
  let from = words;
  let to = scratch(2 * n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * DIGITS;
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    if (counts2[base + (from[word] >>> shift & 65535)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + DIGITS; d++) {
      const count = counts2[d];
      counts2[d] = sum;
      sum += count;
    }
    move(from, to, n, word, shift, counts2, base);
    [from, to] = [to, from];
  }
  if (from !== words) words.set(from);
  for (let i = 0; i < n; i++) fromKey(words, i);
  return values;
}
function move(from, to, n, word, shift, counts2, base) {
  for (let i = 0; i < n; i++) {
    const at = 2 * counts2[base + (from[2 * i + word] >>> shift & 65535)]++;
    to[at] = from[2 * i];
    to[at + 1] = from[2 * i + 1];
  }
}
function fromKey(words, i) {
  const high = words[2 * i + 1];
  if (high >>> 31) words[2 * i + 1] = (high & 2147483647) >>> 0;
  else {
    words[2 * i] = ~words[2 * i] >>> 0;
    words[2 * i + 1] = ~high >>> 0;
  }
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
    counts2 = new Uint32Array(4 * DIGITS);
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
  const tempDir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), "mlops-validate-"));
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
    await rm(tempDir, { recursive: true, force: true });
  }
}
async function profileSources(name, sources, data, root, options, tempDir, heldValuesBudget = 0, hints = {}) {
  const downloadDir = path.join(tempDir, "download");
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
      path.resolve(root, reference),
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

export {
  measureDrift,
  readProfileFile,
  sortDoubles,
  validateDatasets,
  profileSources
};
