import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  pairedBootstrap
} from "./chunk-QFBHIOL6.js";
import {
  pairedStatistic
} from "./chunk-U3OKT6DL.js";
import {
  flagsPerRow,
  restrictRows
} from "./chunk-BUY5QZDY.js";

// src/gate/significance/mcnemar.ts
function mcnemarExact(candidateCorrect, baselineCorrect) {
  let candidateOnly = 0;
  let baselineOnly = 0;
  for (let i = 0; i < candidateCorrect.length; i++) {
    const c = candidateCorrect[i] ?? 0;
    const b = baselineCorrect[i] ?? 0;
    if (c > b) candidateOnly++;
    else if (b > c) baselineOnly++;
  }
  return { candidateOnly, baselineOnly, pValue: binomialTwoSidedHalf(candidateOnly, candidateOnly + baselineOnly) };
}
function binomialTwoSidedHalf(k, n) {
  if (n === 0) return 1;
  const m = Math.min(k, n - k);
  if (2 * m === n) return 1;
  let logTerm = -n * Math.LN2;
  for (let i = 0; i < m; i++) logTerm += Math.log(n - i) - Math.log(i + 1);
  let relative = 1;
  let term = 1;
  for (let i = m; i > 0; i--) {
    term *= i / (n - i + 1);
    relative += term;
    if (term < relative * 1e-17) break;
  }
  return Math.min(1, 2 * Math.exp(logTerm + Math.log(relative)));
}

// src/gate/significance/assess.ts
function assessRule(rule, data, settings) {
  const level = rule.significance ?? 0.95;
  if (rule.test === "mcnemar") {
    if (data.task !== "classification")
      return { test: "mcnemar", level, status: "unavailable", reason: "McNemar's test needs classification" };
    const correct = (predicted) => flagsPerRow(data.n, (i) => predicted[i] === data.truth[i]);
    return {
      test: "mcnemar",
      level,
      status: "applied",
      ...mcnemarExact(correct(data.candidate), correct(data.baseline))
    };
  }
  const built = pairedStatistic(rule.metric, data);
  if ("unavailable" in built) return { test: "bootstrap", level, status: "unavailable", reason: built.unavailable };
  const source = { metric: rule.metric, data };
  const outcome = pairedBootstrap(built.statistic, data.n, { ...settings, level }, rule.relative, source);
  if ("unavailable" in outcome) return { test: "bootstrap", level, status: "unavailable", reason: outcome.unavailable };
  const { low, high, resamples, seed, undefinedResamples } = outcome.interval;
  return { test: "bootstrap", level, status: "applied", low, high, resamples, seed, undefinedResamples };
}
function significanceProvider(pairing, slices, settings) {
  return (rule, slice) => {
    const level = rule.significance ?? 0.95;
    if (!pairing.paired) return { test: rule.test, level, status: "unavailable", reason: pairing.reason };
    if (slice === null) return assessRule(rule, pairing.data, settings);
    const values = slices.get(slice.column);
    const code = values ? values.classes.indexOf(slice.value) : -1;
    const rows = [];
    if (values && code >= 0)
      values.codes.forEach((value, row) => {
        if (value === code) rows.push(row);
      });
    if (rows.length === 0) {
      return {
        test: rule.test,
        level,
        status: "unavailable",
        reason: `no rows of slice ${slice.column}=${slice.value}`
      };
    }
    return assessRule(rule, restrictRows(pairing.data, rows), settings);
  };
}

export {
  significanceProvider
};
