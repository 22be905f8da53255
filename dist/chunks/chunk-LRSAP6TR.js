import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  builtinMetric
} from "./chunk-KDNJFZE6.js";
import {
  HLL_STANDARD_ERROR,
  KLL_RANK_ERROR,
  KllView,
  formatDatetime,
  populationStd
} from "./chunk-XF3Z56KS.js";

// src/gate/rules.ts
var SLACK = 1e-12;
function directionOf(metric, rule, config) {
  return builtinMetric(metric)?.direction ?? rule?.direction ?? config.evaluate?.custom_metrics[metric]?.direction;
}
function evaluateRules(config, candidate, baseline, context = {}) {
  const outcomes = [];
  (config.gate?.rules ?? []).forEach((rule, index) => {
    const direction = directionOf(rule.metric, rule, config) ?? "higher";
    const targets = rule.slice === void 0 ? [{ slice: null, value: candidate.metrics[rule.metric], base: baseline?.metrics[rule.metric] }] : candidate.slices.filter((s) => s.column === rule.slice).map((s) => ({
      slice: { column: s.column, value: s.value },
      value: s.metrics[rule.metric],
      base: baseline?.slices.find((b) => b.column === s.column && b.value === s.value)?.metrics[rule.metric]
    }));
    if (rule.slice !== void 0 && targets.length === 0) {
      outcomes.push(errorOutcome(index, rule, direction, null, `no slices of "${rule.slice}" were computed`));
    }
    for (const target of targets) {
      const common = { rule: index, metric: rule.metric, slice: target.slice, direction, relative: rule.relative };
      if (target.value === void 0 || !Number.isFinite(target.value)) {
        outcomes.push(
          errorOutcome(
            index,
            rule,
            direction,
            target.slice,
            `the candidate has no value for "${rule.metric}"${target.slice ? ` in slice ${target.slice.column}=${target.slice.value}` : ""}`
          )
        );
        continue;
      }
      if (rule.min !== void 0 || rule.max !== void 0) {
        outcomes.push({
          ...common,
          ...valueCheck(rule, target.value),
          kind: "value",
          candidate: target.value,
          baseline: target.base ?? null,
          delta: null,
          significance: null
        });
      }
      if (rule.max_regression !== void 0 || rule.min_improvement !== void 0) {
        const comparable = baseline !== null && target.base !== void 0 && Number.isFinite(target.base);
        const significance = rule.significance !== void 0 && comparable && context.significance ? context.significance(rule, target.slice) : null;
        outcomes.push({
          ...common,
          kind: "change",
          candidate: target.value,
          significance,
          ...changeCheck(rule, direction, target.value, target.base, baseline, significance, context.absence)
        });
      }
    }
  });
  return outcomes.map(
    (outcome) => outcome.verdict === "fail" && severityOf(config, outcome) === "warn" ? { ...outcome, verdict: "warn" } : outcome
  );
}
function severityOf(config, outcome) {
  return config.gate?.rules[outcome.rule]?.severity ?? "error";
}
function valueCheck(rule, value) {
  const parts = [];
  if (rule.min !== void 0) parts.push(`>= ${rule.min}`);
  if (rule.max !== void 0) parts.push(`<= ${rule.max}`);
  const requirement = parts.join(" and ");
  if (rule.min !== void 0 && value < rule.min - SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is below the minimum ${rule.min}` };
  if (rule.max !== void 0 && value > rule.max + SLACK)
    return { requirement, verdict: "fail", reason: `${formatNumber(value)} is above the maximum ${rule.max}` };
  return { requirement, verdict: "pass", reason: `${formatNumber(value)} is ${requirement}` };
}
function changeCheck(rule, direction, value, base, baseline, significance, absence) {
  const amount = (n) => rule.relative ? `${formatNumber(n * 100)}%` : formatNumber(n);
  const requirement = (rule.max_regression !== void 0 ? `regression <= ${amount(rule.max_regression)}` : `improvement >= ${amount(rule.min_improvement ?? 0)}`) + (rule.significance === void 0 ? "" : ` (${rule.test === "mcnemar" ? "McNemar" : "bootstrap"}, ${percent(rule.significance)})`);
  if (baseline === null) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: absence ?? "no baseline yet (first run): change rules are skipped"
    };
  }
  if (base === void 0 || !Number.isFinite(base)) {
    return {
      baseline: null,
      delta: null,
      requirement,
      verdict: "skipped",
      reason: `the baseline has no value for "${rule.metric}", so there is nothing to compare with`
    };
  }
  if (rule.relative && base === 0) {
    return {
      baseline: base,
      delta: null,
      requirement,
      verdict: "fail",
      reason: "a relative change cannot be computed against a baseline of 0; use an absolute rule"
    };
  }
  const delta = rule.relative ? (value - base) / Math.abs(base) : value - base;
  const gain = direction === "higher" ? delta : -delta;
  const movement = `${delta < 0 ? "fell" : "rose"} from ${formatNumber(base)} to ${formatNumber(value)}`;
  const point = pointCheck(rule, gain, delta, movement, amount);
  const decided = significance?.status === "applied" ? significantCheck(rule, direction, gain, point, significance, amount) : null;
  const fallback = significance?.status === "unavailable" ? `; point estimates compared, no paired test: ${significance.reason}` : "";
  return {
    baseline: base,
    delta,
    requirement,
    verdict: decided?.verdict ?? point.verdict,
    reason: decided?.reason ?? `${point.reason}${fallback}`
  };
}
function pointCheck(rule, gain, delta, movement, amount) {
  if (rule.max_regression !== void 0) {
    const pass2 = gain >= -rule.max_regression - SLACK;
    let reason2;
    if (gain >= 0) reason2 = delta === 0 ? "unchanged" : `${movement}: no regression`;
    else if (pass2) reason2 = `${movement}: worse by ${amount(-gain)}, within the allowed ${amount(rule.max_regression)}`;
    else reason2 = `${movement}: worse by ${amount(-gain)}, more than the allowed ${amount(rule.max_regression)}`;
    return { verdict: pass2 ? "pass" : "fail", reason: reason2 };
  }
  const needed = rule.min_improvement ?? 0;
  const pass = gain >= needed - SLACK;
  const change = gain >= 0 ? `better by ${amount(gain)}` : `worse by ${amount(-gain)}`;
  const reason = `${delta === 0 ? "unchanged" : movement}: ${pass ? change : `${change}, short of the required improvement of ${amount(needed)}`}`;
  return { verdict: pass ? "pass" : "fail", reason };
}
function significantCheck(rule, direction, gain, point, significance, amount) {
  const level = percent(significance.level);
  if (significance.test === "bootstrap") {
    const gainLow = direction === "higher" ? significance.low : -significance.high;
    const gainHigh = direction === "higher" ? significance.high : -significance.low;
    const interval = `the ${level} interval of the change is [${signedAmount(significance.low, amount)}, ${signedAmount(significance.high, amount)}]`;
    if (rule.max_regression !== void 0) {
      const tolerance = rule.max_regression;
      if (gainHigh < -tolerance - SLACK)
        return {
          verdict: "fail",
          reason: `${point.reason}; ${interval}, all of it past the allowed ${amount(tolerance)}: the regression is real`
        };
      return {
        verdict: "pass",
        reason: point.verdict === "fail" ? `${point.reason}, but ${interval}, which reaches within the allowed ${amount(tolerance)}: not a significant regression` : `${point.reason}; ${interval}`
      };
    }
    const needed = rule.min_improvement ?? 0;
    if (gainLow >= needed - SLACK)
      return {
        verdict: "pass",
        reason: `${point.reason}; ${interval}, all of it clearing the required ${amount(needed)}`
      };
    return {
      verdict: "fail",
      reason: `${point.reason}${point.verdict === "pass" ? ", but" : ";"} ${interval}, which does not all clear the required ${amount(needed)}: not a significant improvement`
    };
  }
  const alpha = 1 - significance.level;
  const evidence = `McNemar's exact test p = ${formatNumber(significance.pValue)} (${significance.baselineOnly} rows only the baseline got right, ${significance.candidateOnly} only the candidate)`;
  const real = significance.pValue < alpha;
  if (rule.max_regression !== void 0) {
    const worse = significance.baselineOnly > significance.candidateOnly;
    if (point.verdict === "fail" && real && worse)
      return {
        verdict: "fail",
        reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the regression is real`
      };
    return {
      verdict: "pass",
      reason: point.verdict === "fail" ? `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant regression` : `${point.reason}; ${evidence}`
    };
  }
  if (point.verdict === "fail") return { verdict: "fail", reason: `${point.reason}; ${evidence}` };
  if (real && significance.candidateOnly > significance.baselineOnly && gain >= 0)
    return {
      verdict: "pass",
      reason: `${point.reason}; ${evidence} < ${formatNumber(alpha)}: the improvement is real`
    };
  return {
    verdict: "fail",
    reason: `${point.reason}, but ${evidence} >= ${formatNumber(alpha)}: not a significant improvement`
  };
}
function signedAmount(value, amount) {
  return value > 0 ? `+${amount(value)}` : amount(value);
}
function percent(level) {
  return `${formatNumber(level * 100)}%`;
}
function errorOutcome(index, rule, direction, slice, reason) {
  return {
    rule: index,
    metric: rule.metric,
    slice,
    kind: "value",
    direction,
    candidate: null,
    baseline: null,
    delta: null,
    relative: rule.relative,
    requirement: "",
    verdict: "error",
    reason,
    significance: null
  };
}
function formatNumber(value) {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

// src/report/table.ts
var ZWSP = "\u200B";
var MAX_CELL = 300;
function escapeMarkdown(text) {
  return text.replace(/[\r\n]+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_[\]~|])/g, "\\$1").replace(/([@#])/g, `$1${ZWSP}`).replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}
function clip(text, max = MAX_CELL) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function renderMarkdownTable(table) {
  const separator = table.headers.map((_, i) => table.align?.[i] === "right" ? "---:" : ":---");
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [
    line(table.headers.map((header) => escapeMarkdown(clip(header)))),
    line(separator),
    ...table.rows.map((row) => markdownTableRow(table, row))
  ].join("\n");
}
function markdownTableRow(table, row) {
  return `| ${table.headers.map((_, i) => escapeMarkdown(clip(row[i] ?? ""))).join(" | ")} |`;
}
function renderTextTable(table) {
  const widths = table.headers.map(
    (header, i) => Math.max(header.length, ...table.rows.map((row) => (row[i] ?? "").length))
  );
  const pad = (text, i) => table.align?.[i] === "right" ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const line = (cells) => cells.map((cell, i) => pad(cell, i)).join("  ").trimEnd();
  return [
    line(table.headers),
    line(widths.map((w) => "-".repeat(w))),
    ...table.rows.map((row) => line(table.headers.map((_, i) => row[i] ?? "")))
  ].join("\n");
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
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1e4; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
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
    let term = 1;
    for (let j = 0; j < h; j++) term = (n - k * h - j) * term / (n + k * h + j + 1);
    p = term * (1 - p);
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
var clip2 = (p) => Math.min(1, Math.max(0, p));
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
    return clip2(1 - prob);
  }
  if (t >= n - 1) return clip2(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip2(2 * smirnov(n, x));
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip2(1 - durbinMatrixCdf(n, x));
    if (nxsquared <= 4) return clip2(1 - pomeranzCdf(n, x));
    return clip2(2 * smirnov(n, x));
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip2(2 * smirnov(n, x));
  const cdf = n <= 1e5 && n * Math.pow(x, 1.5) <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clip2(1 - cdf);
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
  return { pValue: clip2(kolmogorovSf(roundHalfEven(en), d)), statistic: d, method: "asymptotic" };
}
function roundHalfEven(x) {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

// src/data/drift/stats.ts
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
function psi(reference, current) {
  const sr = reference.reduce((s, v) => s + v, 0);
  const sc = current.reduce((s, v) => s + v, 0);
  let total = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i] / sr, 1e-4);
    const c = Math.max((current[i] ?? 0) / sc, 1e-4);
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

// src/data/drift/drift.ts
var DEFAULT_THRESHOLD = {
  ks: 0.05,
  chi2: 0.05,
  wasserstein: 0.1,
  jensen_shannon: 0.1,
  psi: 0.25
};
var MIN_DRIFT_SAMPLE = 30;
function measureDrift(current, reference, config, referenceName) {
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
    const outcome = columnDrift(column, base, reference.rows, config);
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
function columnDrift(current, reference, referenceRows, config) {
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
  if (numeric) return numericDrift(current, reference, method, threshold, chosenBy, few);
  return categoricalDrift(current, reference, method, threshold, chosenBy);
}
function fewValues(a, b) {
  if (!a.numbers || !b.numbers) return null;
  const counts = /* @__PURE__ */ new Map();
  for (const [value, count] of b.numbers) counts.set(value, [count, 0]);
  for (const [value, count] of a.numbers) counts.set(value, [counts.get(value)?.[0] ?? 0, count]);
  return counts.size <= 5 ? counts : null;
}
function distributionOf(view) {
  return { values: view.values, cumulative: view.cumulative, n: view.n };
}
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
function numericDrift(current, reference, method, threshold, chosenBy, few) {
  const cur = new KllView(current.sketch);
  const ref = new KllView(reference.sketch);
  if (cur.n === 0 || ref.n === 0)
    return { column: current.name, reason: "no values in the reference or the current data" };
  const epsilon = (ref.exact ? 0 : KLL_RANK_ERROR) + (cur.exact ? 0 : KLL_RANK_ERROR);
  const show2 = (v) => current.kind === "datetime" ? formatDatetime(v) : formatShort(v);
  const deciles = decileBins(ref, cur, show2);
  const base = {
    column: current.name,
    kind: "numeric",
    method,
    chosenBy,
    threshold,
    referenceCount: ref.n,
    currentCount: cur.n,
    warnings: sampleWarnings(ref.n, cur.n),
    bins: few ? valueBins(few, show2) : deciles.bins
  };
  const approximate = (what) => epsilon === 0 ? null : `from quantile sketches: ${what} (each sketch's ranks are within \xB1${pct(KLL_RANK_ERROR)})`;
  switch (method) {
    case "ks": {
      const result = ksTest(distributionOf(ref), distributionOf(cur));
      return {
        ...base,
        value: result.pValue,
        statistic: result.statistic,
        measure: `p-value of the two-sample Kolmogorov-Smirnov test (D = ${formatShort(result.statistic)}, ${result.method} as scipy's ks_2samp)`,
        driftWhen: "below",
        drifted: result.pValue < threshold,
        approximation: approximate(`D is within \xB1${formatShort(epsilon)}, and the p-value is computed from that D`)
      };
    }
    case "wasserstein": {
      const std = populationStd(reference.moments) ?? 0;
      const distance = wasserstein(distributionOf(ref), distributionOf(cur));
      const range = Math.max(ref.max, cur.max) - Math.min(ref.min, cur.min);
      if (std === 0) {
        return {
          ...base,
          value: distance,
          statistic: null,
          measure: "Wasserstein-1 distance in the column's own unit (the reference's standard deviation is 0, so it is not normed)",
          driftWhen: "at or above",
          drifted: distance >= threshold,
          approximation: approximate(`within \xB1${formatShort(epsilon * range)}`)
        };
      }
      return {
        ...base,
        value: distance / std,
        statistic: null,
        measure: "Wasserstein-1 distance in reference standard deviations (normed, as Evidently; std with n in the denominator)",
        driftWhen: "at or above",
        drifted: distance / std >= threshold,
        approximation: approximate(`within \xB1${formatShort(epsilon * range / std)} standard deviations`)
      };
    }
    case "psi":
    case "chi2":
    case "jensen_shannon": {
      const counts = few ? [...few.values()] : deciles.counts;
      const referenceCounts = counts.map((c) => c[0]);
      const currentCounts = counts.map((c) => c[1]);
      const binning = few ? "counts of each value" : "10 bins at the reference's deciles";
      return {
        ...base,
        ...binnedMeasure(method, referenceCounts, currentCounts, threshold, binning),
        approximation: few ? null : approximate(`each bin's share is within \xB1${formatShort(2 * epsilon)}`)
      };
    }
  }
}
function binnedMeasure(method, reference, current, threshold, binning) {
  if (method === "chi2") {
    const result = chiSquare(reference, current);
    const warnings = result.smallExpected > 0.2 ? [
      `${pct(result.smallExpected)} of the expected counts are below 5: the chi-square test is unreliable (Cochran)`
    ] : [];
    return {
      value: result.pValue,
      statistic: result.statistic,
      measure: `p-value of Pearson's chi-square test of homogeneity (\u03C7\xB2 = ${formatShort(result.statistic)}, ${result.dof} degrees of freedom, ${result.yates ? "with Yates' correction, as scipy applies to 2x2" : "no continuity correction"}; ${binning})`,
      driftWhen: "below",
      drifted: result.pValue < threshold,
      warnings
    };
  }
  if (method === "psi") {
    const value2 = psi(reference, current);
    const band = value2 < 0.1 ? "stable" : value2 <= 0.25 ? "moderate shift" : "major shift";
    return {
      value: value2,
      statistic: null,
      measure: `population stability index (natural log; empty bins as 0.0001; < 0.1 stable, 0.1-0.25 moderate, > 0.25 major: ${band}; ${binning})`,
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
    driftWhen: "at or above",
    drifted: value >= threshold,
    warnings: []
  };
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
  for (const [key, count, text] of ref.entries)
    keys.set(key, { label: text ?? String(key), reference: count, current: 0 });
  for (const [key, count, text] of cur.entries) {
    const entry = keys.get(key);
    if (entry) entry.current = count;
    else keys.set(key, { label: text ?? String(key), reference: 0, current: count });
  }
  const entries = [...keys.values()].sort((a, b) => b.reference - a.reference || b.current - a.current);
  const referenceCount = entries.reduce((s, e) => s + e.reference, 0);
  const currentCount = entries.reduce((s, e) => s + e.current, 0);
  if (referenceCount === 0 || currentCount === 0)
    return { column: name, reason: "no values in the reference or the current data" };
  const measure = binnedMeasure(
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
    ...measure,
    warnings: [...sampleWarnings(referenceCount, currentCount), ...measure.warnings],
    approximation: null,
    bins: entries.slice(0, 12).map((e) => ({
      label: e.label,
      reference: e.reference / referenceCount,
      current: e.current / currentCount
    }))
  };
}
function decileBins(ref, cur, show2) {
  const edges = [];
  for (let i = 1; i < 10; i++) {
    const edge = ref.quantile(i / 10);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const counts = [];
  const bins = [];
  let previousRef = 0;
  let previousCur = 0;
  for (let i = 0; i <= edges.length; i++) {
    const r = i === edges.length ? 1 : ref.cdf(edges[i]);
    const c = i === edges.length ? 1 : cur.cdf(edges[i]);
    counts.push([(r - previousRef) * ref.n, (c - previousCur) * cur.n]);
    const label = i === 0 ? `\u2264 ${show2(edges[0] ?? ref.max)}` : i === edges.length ? `> ${show2(edges[i - 1])}` : `\u2264 ${show2(edges[i])}`;
    bins.push({ label, reference: r - previousRef, current: c - previousCur });
    previousRef = r;
    previousCur = c;
  }
  return { counts, bins };
}
function valueBins(counts, show2) {
  const totalRef = [...counts.values()].reduce((s, c) => s + c[0], 0);
  const totalCur = [...counts.values()].reduce((s, c) => s + c[1], 0);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, [r, c]]) => ({ label: show2(value), reference: r / totalRef, current: c / totalCur }));
}
function formatShort(value) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
function pct(share) {
  return `${Number((share * 100).toPrecision(3))}%`;
}

// src/data/report.ts
var show = (value) => value === null || value === void 0 ? "\u2014" : typeof value === "number" ? formatShort(value) : value;
function validateSection(result) {
  const status = result.verdict === "skipped" ? "skipped" : result.errors > 0 ? "fail" : result.warnings > 0 ? "warn" : "pass";
  if (result.verdict === "skipped") {
    return {
      title: "Data validation",
      status,
      headline: "no data section",
      blocks: [{ kind: "text", text: "No data section in the config." }]
    };
  }
  const blocks = [
    {
      kind: "text",
      text: result.datasets.map((d) => `${d.name}: ${d.rows} rows from ${d.files.join(", ")}`).join("; ") + `. ${result.errors} error(s), ${result.warnings} warning(s).`
    }
  ];
  for (const note of new Set(result.datasets.flatMap((d) => d.notes)))
    blocks.push({ kind: "text", text: `Note: ${note}.` });
  const findings = result.datasets.flatMap((d) => d.findings);
  if (findings.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["", "data", "column", "rule", "what", "observed", "rows", "example rows"],
        rows: findings.map((f) => [
          f.severity === "error" ? "error" : "warn",
          f.dataset,
          f.column ?? "(dataset)",
          f.rule,
          f.message,
          f.observed,
          String(f.count),
          f.rows.join(", ")
        ]),
        align: ["left", "left", "left", "left", "left", "left", "right", "left"]
      }
    });
  }
  if (result.driftNote) blocks.push({ kind: "text", text: result.driftNote });
  if (result.drift) blocks.push(...driftBlocks(result.drift));
  for (const dataset of result.datasets) {
    blocks.push({
      kind: "details",
      summary: `Profile of ${dataset.name} (${dataset.columns.length} columns)`,
      blocks: [
        {
          kind: "table",
          table: {
            headers: [
              "column",
              "type",
              "values",
              "nulls",
              "distinct",
              "min",
              "p50",
              "max",
              "mean",
              "std",
              "top values"
            ],
            rows: dataset.columns.map(profileRow),
            align: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "left"]
          }
        },
        {
          kind: "text",
          text: `Quantiles (p50) come from a KLL sketch: exact up to 1,024 values, else within \xB1${KLL_RANK_ERROR * 100}% of rank (99% confidence). Distinct counts are exact up to 2,048 values, else a HyperLogLog estimate (\xB1${(HLL_STANDARD_ERROR * 100).toFixed(2)}%, one standard error, marked \u2248). std is the sample standard deviation (n - 1).`
        }
      ]
    });
  }
  const rows = result.datasets.map((d) => `${d.rows} ${d.name}`).join(" + ");
  const drift = result.drift ? `, ${result.drift.drifted}/${result.drift.columns.length} columns drifted` : result.driftNote ? ", no drift reference yet" : "";
  return {
    title: "Data validation",
    status,
    headline: `${rows} rows, ${result.errors} error(s), ${result.warnings} warning(s)${drift}`,
    blocks
  };
}
function profileRow(c) {
  const median = c.quantiles.find((q) => q.q === 0.5)?.value ?? null;
  const distinct = c.distinct === null ? "\u2014" : `${c.distinct.exact ? "" : "\u2248"}${c.distinct.value}`;
  const top = c.top.slice(0, 3).map((t) => `${t.value.length > 20 ? `${t.value.slice(0, 17)}...` : t.value} (${t.count})`).join(", ");
  return [
    c.name,
    c.declared ? c.type : `${c.type} (inferred)`,
    String(c.count),
    String(c.nulls),
    distinct,
    show(c.min),
    show(median),
    show(c.max),
    show(c.mean),
    show(c.std),
    top
  ];
}
function driftBlocks(drift) {
  const blocks = [];
  const verdict = drift.datasetDrift ? `the dataset drifted (share \u2265 ${drift.maxDriftedShare}; severity ${drift.severity})` : `the dataset did not drift (it would at a share \u2265 ${drift.maxDriftedShare})`;
  blocks.push({
    kind: "text",
    text: `Drift of train against ${drift.reference}: ${drift.drifted} of ${drift.columns.length} columns drifted (share ${drift.share.toFixed(2)}), so ${verdict}.`
  });
  if (drift.columns.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["column", "method", "value", "measure", "threshold", "drift when", "verdict", "notes"],
        rows: drift.columns.map((c) => [
          c.column,
          `${c.method}${c.chosenBy === "auto" ? " (auto)" : ""}`,
          formatShort(c.value),
          c.measure,
          formatShort(c.threshold),
          `${c.driftWhen === "below" ? "<" : "\u2265"} ${formatShort(c.threshold)}`,
          c.drifted ? "drifted" : "stable",
          [c.approximation, ...c.warnings].filter(Boolean).join("; ")
        ]),
        align: ["left", "left", "right", "left", "right", "left", "left", "left"]
      }
    });
  }
  const chart = mostDrifted(drift.columns);
  if (chart && chart.bins.length > 1) {
    blocks.push({ kind: "chart", chart: chartOf(chart) });
    blocks.push({
      kind: "table",
      table: {
        headers: [chart.kind === "numeric" ? `${chart.column} (bin)` : chart.column, "reference %", "current %"],
        rows: chart.bins.map((b) => [b.label, (b.reference * 100).toFixed(1), (b.current * 100).toFixed(1)]),
        align: ["left", "right", "right"]
      }
    });
  }
  if (drift.skipped.length > 0) {
    blocks.push({
      kind: "details",
      summary: `Columns without a drift check (${drift.skipped.length})`,
      blocks: [
        { kind: "table", table: { headers: ["column", "why"], rows: drift.skipped.map((s) => [s.column, s.reason]) } }
      ]
    });
  }
  return blocks;
}
function mostDrifted(columns) {
  const score = (c) => c.driftWhen === "below" ? c.threshold / Math.max(c.value, 1e-300) : c.value / c.threshold;
  return [...columns].sort((a, b) => score(b) - score(a))[0];
}
function chartOf(column) {
  const percent2 = (share) => Number((share * 100).toFixed(1));
  const top = Math.max(...column.bins.flatMap((b) => [b.reference, b.current])) * 100;
  return {
    title: `${column.column}, share of rows in percent`,
    caption: `${column.column}: current data as bars, the reference as a line (share of rows, %).`,
    // Mermaid labels keep letters and digits only: say "to" and "over" rather than the table's ≤ and >.
    labels: column.bins.map((b) => b.label.replace(/^≤ /, "to ").replace(/^> /, "over ")),
    bars: column.bins.map((b) => percent2(b.current)),
    line: column.bins.map((b) => percent2(b.reference)),
    range: [0, Math.ceil(top)]
  };
}
function profileSection(profile, file) {
  const columns = profile.columns.map((c) => ({ name: c.name, type: c.type, declared: c.declared, ...c.summary }));
  return {
    title: `Profile of ${profile.dataset}`,
    status: "ok",
    headline: `${profile.rows} rows, ${profile.columns.length} columns`,
    blocks: [
      {
        kind: "text",
        text: `${profile.rows} rows from ${profile.files.length} file(s)${profile.parts > 1 ? ` (${profile.parts} parts merged)` : ""}, written to ${file}.`
      },
      ...profile.notes.map((note) => ({ kind: "text", text: `Note: ${note}.` })),
      {
        kind: "table",
        table: {
          headers: ["column", "type", "values", "nulls", "distinct", "min", "p50", "max", "mean", "std", "top values"],
          rows: columns.map(profileRow),
          align: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "left"]
        }
      }
    ]
  };
}

// src/report/gate-section.ts
var MAX_SLICE_ROWS = 300;
var MAX_CHART_BARS = 20;
var VERDICT_ORDER = { error: 0, fail: 1, warn: 2, skipped: 3, pass: 4 };
var num = (value) => value === null || value === void 0 ? "\u2014" : formatNumber(value);
function deltaText(outcome) {
  if (outcome.delta === null) return "\u2014";
  const value = outcome.relative ? outcome.delta * 100 : outcome.delta;
  return `${value > 0 ? "+" : ""}${formatNumber(value)}${outcome.relative ? "%" : ""}`;
}
function significanceText(outcome) {
  const s = outcome.significance;
  if (!s) return "";
  const level = `${formatNumber(s.level * 100)}%`;
  if (s.status === "unavailable") return "\u2014 (no paired test)";
  if (s.test === "mcnemar") return `p = ${formatNumber(s.pValue)} (McNemar)`;
  const bound = (value) => {
    const shown = outcome.relative ? value * 100 : value;
    return `${shown > 0 ? "+" : ""}${formatNumber(shown)}${outcome.relative ? "%" : ""}`;
  };
  return `[${bound(s.low)}, ${bound(s.high)}] (${level})`;
}
function byVerdict(outcomes) {
  return outcomes.map((outcome, index) => ({ outcome, index })).sort((a, b) => VERDICT_ORDER[a.outcome.verdict] - VERDICT_ORDER[b.outcome.verdict] || a.index - b.index).map(({ outcome }) => outcome);
}
function outcomeTable(outcomes, withSlice, result) {
  const withInterval = outcomes.some((o) => o.significance !== null);
  const headers = [
    ...withSlice ? ["slice"] : [],
    "metric",
    "baseline",
    "candidate",
    "\u0394",
    ...withInterval ? ["interval of \u0394"] : [],
    "rule",
    "verdict",
    "why"
  ];
  const rows = outcomes.map((o) => {
    const description = result.rules[o.rule]?.description;
    return [
      ...withSlice ? [o.slice ? `${o.slice.column}=${o.slice.value}` : "\u2014"] : [],
      o.metric,
      num(o.baseline),
      num(o.candidate),
      deltaText(o),
      ...withInterval ? [significanceText(o)] : [],
      o.requirement,
      o.verdict,
      description ? `${o.reason} (${description})` : o.reason
    ];
  });
  const align = headers.map((h) => ["baseline", "candidate", "\u0394"].includes(h) ? "right" : "left");
  return { headers, rows, align };
}
function gateSection(result) {
  const blocks = [];
  const pr = result.source.pullRequest;
  const branches = pr ? `, ${pr.headRef} into ${pr.baseRef}` : "";
  blocks.push({
    kind: "text",
    text: `Model: ${result.model}. Candidate: ${result.candidate}${branches}. Baseline: ${result.baseline ? result.baseline.description : "none"}.`
  });
  for (const note of result.notes) blocks.push({ kind: "text", text: note });
  const overall = byVerdict(result.outcomes.filter((o) => o.slice === null));
  if (overall.length > 0) blocks.push({ kind: "table", table: outcomeTable(overall, false, result) });
  blocks.push(...sliceBlocks(result));
  if (result.comparison.length > 0) {
    blocks.push({
      kind: "details",
      summary: "All metrics",
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["metric", "baseline", "candidate", "\u0394", "change"],
            rows: result.comparison.map((c) => [
              c.metric + (c.direction ? c.direction === "higher" ? " \u2191" : " \u2193" : ""),
              num(c.baseline),
              num(c.candidate),
              c.delta === null ? "\u2014" : `${c.delta > 0 ? "+" : ""}${formatNumber(c.delta)}`,
              c.change ?? ""
            ]),
            align: ["left", "right", "right", "right", "left"]
          }
        }
      ]
    });
  }
  if (result.evaluation.confusion) blocks.push(confusionBlock(result.evaluation.confusion));
  if (result.pairing.status !== "not-needed") {
    const tests = result.outcomes.flatMap((o) => o.significance?.status === "applied" ? [o.significance] : []);
    const bootstrap = tests.find((t) => t.test === "bootstrap");
    blocks.push({
      kind: "details",
      summary: "Paired tests",
      blocks: [
        { kind: "text", text: `Rows: ${result.pairing.status === "paired" ? "" : "not "}${result.pairing.detail}.` },
        ...bootstrap && bootstrap.test === "bootstrap" ? [
          {
            kind: "text",
            text: `Bootstrap: ${bootstrap.resamples} resamples of the paired rows, seed ${bootstrap.seed}, percentile intervals of candidate minus baseline. A regression rule fails only when its whole interval lies past the tolerance.`
          }
        ] : [],
        ...tests.some((t) => t.test === "mcnemar") ? [
          {
            kind: "text",
            text: "McNemar: exact two-sided binomial test on the rows exactly one of the two models got right."
          }
        ] : []
      ]
    });
  }
  const counts = /* @__PURE__ */ new Map();
  for (const outcome of result.outcomes) counts.set(outcome.verdict, (counts.get(outcome.verdict) ?? 0) + 1);
  const headline = result.outcomes.length > 0 ? [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(", ") : result.notes[0] ?? result.verdict;
  return { title: "Evaluation gate", status: result.verdict, headline, blocks };
}
function sliceBlocks(result) {
  const sliced = byVerdict(result.outcomes.filter((o) => o.slice !== null));
  if (sliced.length === 0) return [];
  const blocks = [];
  const shown = sliced.filter((o, i) => i < MAX_SLICE_ROWS || o.verdict !== "pass");
  blocks.push({ kind: "table", table: outcomeTable(shown, true, result) });
  if (shown.length < sliced.length) {
    blocks.push({ kind: "text", text: `${sliced.length - shown.length} more passing slice checks are not listed.` });
  }
  const charted = /* @__PURE__ */ new Set();
  for (const outcome of result.outcomes) {
    if (!outcome.slice || charted.has(`${outcome.metric}/${outcome.slice.column}`)) continue;
    const column = outcome.slice.column;
    charted.add(`${outcome.metric}/${column}`);
    const points = /* @__PURE__ */ new Map();
    for (const o of result.outcomes)
      if (o.metric === outcome.metric && o.slice?.column === column && !points.has(o.slice.value))
        points.set(o.slice.value, o);
    const values = [...points.values()].filter((o) => o.candidate !== null);
    if (values.length < 2 || values.length > MAX_CHART_BARS) continue;
    const baseline = values.every((o) => o.baseline !== null) ? values.map((o) => o.baseline ?? 0) : null;
    const all = [...values.map((o) => o.candidate ?? 0), ...baseline ?? []];
    blocks.push({
      kind: "chart",
      chart: {
        title: `${outcome.metric} by ${column}`,
        caption: `${outcome.metric} by ${column}: bars are the candidate${baseline ? ", the line is the baseline" : ""}.`,
        labels: values.map((o) => o.slice?.value ?? ""),
        bars: values.map((o) => o.candidate ?? 0),
        line: baseline,
        range: all.every((v) => v >= 0 && v <= 1) ? [0, 1] : null
      }
    });
  }
  return blocks;
}
function confusionBlock(confusion) {
  return {
    kind: "details",
    summary: "Confusion matrix (rows: true class, columns: predicted)",
    blocks: [
      {
        kind: "table",
        table: {
          headers: ["", ...confusion.labels],
          rows: confusion.labels.map((label, t) => [
            label,
            ...confusion.labels.map((_, p) => String(confusion.matrix[t]?.[p] ?? 0))
          ]),
          align: ["left", ...confusion.labels.map(() => "right")]
        }
      }
    ]
  };
}

// src/report/sections.ts
var MARK = {
  pass: "\u2705",
  ok: "\u2705",
  fail: "\u274C",
  failed: "\u274C",
  error: "\u26D4",
  warn: "\u26A0\uFE0F",
  skipped: "\u23ED\uFE0F"
};
function renderMarkdown(section) {
  return [markdownHeading(section), ...section.blocks.map(blockToMarkdown)].join("\n\n");
}
function markdownHeading(section) {
  return `### ${MARK[section.status]} ${escapeMarkdown(section.title)}: ${section.status}`;
}
function blockToMarkdown(block) {
  switch (block.kind) {
    case "text":
      return escapeMarkdown(block.text);
    case "table":
      return renderMarkdownTable(block.table);
    case "code": {
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(longest + 1);
      return `${fence}text
${block.text}
${fence}`;
    }
    case "details":
      return `<details><summary>${escapeMarkdown(block.summary)}</summary>

${block.blocks.map(blockToMarkdown).join("\n\n")}

</details>`;
    case "chart":
      return mermaidChart(block.chart);
    case "link":
      return isSafeUrl(block.url) ? `[${escapeMarkdown(block.text)}](${block.url})` : escapeMarkdown(`${block.text}: ${block.url}`);
  }
}
function isSafeUrl(url) {
  return /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/.test(url);
}
function mermaidText(text, max = 24) {
  const safe = text.replace(/[^A-Za-z0-9 ._-]/g, "_").trim() || "_";
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}_`;
}
function mermaidChart(chart) {
  const values = (list) => `[${list.map((v) => Number.isFinite(v) ? Number(v.toPrecision(6)) : 0).join(", ")}]`;
  return [
    `${escapeMarkdown(chart.caption)}
`,
    "```mermaid",
    "xychart-beta",
    `    title "${mermaidText(chart.title, 60)}"`,
    `    x-axis [${chart.labels.map((label) => `"${mermaidText(label)}"`).join(", ")}]`,
    chart.range ? `    y-axis ${chart.range[0]} --> ${chart.range[1]}` : "",
    `    bar ${values(chart.bars)}`,
    chart.line ? `    line ${values(chart.line)}` : "",
    "```"
  ].filter(Boolean).join("\n");
}
function renderHeadline(section) {
  return `\u2500\u2500 ${section.title}: ${section.status.toUpperCase()}${section.headline ? ` (${section.headline})` : ""}`;
}
function renderText(section) {
  const head = `\u2500\u2500 ${section.title}: ${section.status.toUpperCase()}`;
  return [head, ...section.blocks.map(blockToText).filter(Boolean)].join("\n\n");
}
function blockToText(block) {
  switch (block.kind) {
    case "text":
      return block.text;
    case "table":
      return indent(renderTextTable(block.table));
    case "code":
      return indent(block.text);
    case "details":
      return [`${block.summary}:`, ...block.blocks.map(blockToText).filter(Boolean)].join("\n");
    case "chart":
      return "";
    case "link":
      return `${block.text}: ${block.url}`;
  }
}
function indent(text) {
  return text.split("\n").map((line) => `  ${line}`).join("\n");
}
var num2 = (value) => value === null || value === void 0 ? "\u2014" : formatNumber(value);
function evaluateSection(result) {
  if (result.status === "skipped")
    return {
      title: "Evaluation",
      status: "skipped",
      headline: "no evaluate section",
      blocks: [{ kind: "text", text: "No evaluate section in the config." }]
    };
  const blocks = [];
  if (result.failure) blocks.push({ kind: "code", text: result.failure });
  const metrics = Object.entries(result.metrics);
  if (metrics.length > 0) {
    blocks.push({
      kind: "text",
      text: `${metrics.length} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}.`
    });
    blocks.push({
      kind: "table",
      table: {
        headers: ["metric", "value", "source"],
        rows: metrics.map(([k, v]) => [k, num2(v), result.sources[k] ?? ""]),
        align: ["left", "right", "left"]
      }
    });
  }
  if (result.slices.length > 0) {
    const shown = Object.keys(result.slices[0]?.metrics ?? {}).slice(0, 4);
    blocks.push({
      kind: "details",
      summary: "Metrics per slice",
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["slice", "rows", ...shown],
            rows: result.slices.map((s) => [
              `${s.column}=${s.value}`,
              String(s.rows),
              ...shown.map((m) => num2(s.metrics[m]))
            ]),
            align: ["left", "right", ...shown.map(() => "right")]
          }
        }
      ]
    });
  }
  if (result.confusion) blocks.push(confusionBlock(result.confusion));
  for (const warning of result.warnings) blocks.push({ kind: "text", text: `Note: ${warning}` });
  const count = Object.keys(result.metrics).length;
  const headline = result.status === "ok" ? `${count} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}` : "failed";
  return { title: "Evaluation", status: result.status === "ok" ? "ok" : "failed", headline, blocks };
}
function publishSection(result) {
  return {
    title: "Publish",
    status: "ok",
    headline: `${result.version}, ${result.promoted ? `promoted to ${result.promoted}` : "not promoted"}`,
    blocks: [
      {
        kind: "text",
        text: `${result.model} ${result.version}: ${result.files} file(s), ${result.bytes} bytes, stored at ${result.uri}.`
      },
      { kind: "text", text: `${result.promotion[0]?.toUpperCase() ?? ""}${result.promotion.slice(1)}.` }
    ]
  };
}

// src/pipeline/workspace.ts
import path from "node:path";
function workspaceFor(loaded) {
  const dir = path.resolve(loaded.root, loaded.config.workspace);
  const outDir = path.join(dir, "out");
  return {
    dir,
    outDir,
    resultFile: (stage) => path.join(outDir, `${stage}.json`),
    reportFile: (stage) => path.join(outDir, `${stage}.md`),
    registryDir: path.join(dir, "registry"),
    cacheDir: path.join(dir, "cache")
  };
}

export {
  measureDrift,
  formatShort,
  directionOf,
  evaluateRules,
  formatNumber,
  gateSection,
  renderMarkdownTable,
  markdownTableRow,
  renderTextTable,
  validateSection,
  profileSection,
  renderMarkdown,
  markdownHeading,
  blockToMarkdown,
  isSafeUrl,
  renderHeadline,
  renderText,
  evaluateSection,
  publishSection,
  workspaceFor
};
