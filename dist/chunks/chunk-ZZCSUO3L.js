import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  codesFor,
  unionOfClasses,
  valueAt
} from "./chunk-BUY5QZDY.js";

// src/gate/significance/pairing.ts
var EXAMPLES = 3;
function pairPredictions(candidate, baseline, positiveLabel) {
  let baselineRow;
  let how;
  if (candidate.ids && baseline.ids) {
    const byId = pairByIds(candidate, baseline);
    if (!byId.paired) return byId;
    baselineRow = byId.baselineRow;
    how = `paired by row id: the same ${candidate.rows} ids in both files, with the same labels`;
  } else if (candidate.ids && !baseline.ids) {
    return { paired: false, reason: "the baseline's predictions have no row id column, so rows cannot be matched" };
  } else {
    if (candidate.rows !== baseline.rows) {
      return {
        paired: false,
        reason: `without a row id column (evaluate.predictions.id) rows pair only by position, and the files hold different rows: ${candidate.rows} in the candidate's, ${baseline.rows} in the baseline's`
      };
    }
    const differs = firstDifference(candidate, baseline);
    if (differs >= 0) {
      const [mine, theirs] = [candidate, baseline].map(
        (p) => JSON.stringify(p.actual ? p.actual[differs] : valueAt(p.labels, differs))
      );
      return {
        paired: false,
        reason: `without a row id column (evaluate.predictions.id) rows pair only by position, and the labels differ (row ${differs + 2}: ${mine} in the candidate's, ${theirs} in the baseline's): the rows cannot be shown to be the same`
      };
    }
    baselineRow = null;
    how = `paired by position: both files hold the same ${candidate.rows} labels in the same order`;
  }
  return { paired: true, data: alignedData(candidate, baseline, baselineRow, positiveLabel), how };
}
function pairByIds(candidate, baseline) {
  const candidateIds = candidate.ids ?? [];
  const baselineIds = baseline.ids ?? [];
  const baselineLabels = new Set(baseline.labels.classes);
  const unseen = firstSightOrder(candidate.labels).filter((label) => !baselineLabels.has(label));
  if (unseen.length > 0) {
    return {
      paired: false,
      reason: `the candidate's labels include ${list(unseen)}, which the baseline's predictions never contain: the two were evaluated on different data`
    };
  }
  const baselineIndex = new Map(baselineIds.map((id, row) => [id, row]));
  const baselineRow = new Uint32Array(candidate.rows);
  const onlyCandidate = [];
  candidateIds.forEach((id, row) => {
    const match = baselineIndex.get(id);
    if (match === void 0) onlyCandidate.push(id);
    else baselineRow[row] = match;
  });
  const candidateSet = new Set(candidateIds);
  const onlyBaseline = baselineIds.filter((id) => !candidateSet.has(id));
  if (onlyCandidate.length > 0 || onlyBaseline.length > 0) {
    const parts = [
      onlyCandidate.length > 0 ? `${onlyCandidate.length} row id(s) only in the candidate's (${list(onlyCandidate)})` : "",
      onlyBaseline.length > 0 ? `${onlyBaseline.length} only in the baseline's (${list(onlyBaseline)})` : ""
    ].filter(Boolean);
    return { paired: false, reason: `the files hold different rows: ${parts.join(", ")}` };
  }
  const baselineCodeOf = codesIn(candidate.labels, baseline.labels);
  for (let row = 0; row < candidate.rows; row++) {
    const other = baselineRow[row] ?? 0;
    if (baselineCodeOf[candidate.labels.codes[row] ?? 0] !== baseline.labels.codes[other]) {
      return {
        paired: false,
        reason: `row id ${JSON.stringify(candidateIds[row])} has the label ${JSON.stringify(valueAt(candidate.labels, row))} in the candidate's predictions but ${JSON.stringify(valueAt(baseline.labels, other))} in the baseline's`
      };
    }
  }
  return { paired: true, baselineRow };
}
function codesIn(mine, theirs) {
  const index = new Map(theirs.classes.map((value, code) => [value, code]));
  return Int32Array.from(mine.classes, (value) => index.get(value) ?? -1);
}
function firstSightOrder(column) {
  const seen = new Uint8Array(column.classes.length);
  const order = [];
  for (const code of column.codes) {
    if (seen[code] === 1) continue;
    seen[code] = 1;
    order.push(column.classes[code] ?? "");
  }
  return order;
}
function list(values) {
  const shown = values.slice(0, EXAMPLES).map((value) => JSON.stringify(value));
  return values.length > EXAMPLES ? `${shown.join(", ")} ...` : shown.join(", ");
}
function firstDifference(candidate, baseline) {
  if (candidate.actual && baseline.actual) {
    for (let i = 0; i < candidate.rows; i++) if (candidate.actual[i] !== baseline.actual[i]) return i;
    return -1;
  }
  const baselineCodeOf = codesIn(candidate.labels, baseline.labels);
  const [mine, theirs] = [candidate.labels.codes, baseline.labels.codes];
  for (let i = 0; i < candidate.rows; i++) if (baselineCodeOf[mine[i] ?? 0] !== theirs[i]) return i;
  return -1;
}
function alignedData(candidate, baseline, baselineRow, positiveLabel) {
  const n = candidate.rows;
  const floats = (values) => {
    if (!baselineRow) return values;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = values[baselineRow[i] ?? 0] ?? 0;
    return out;
  };
  if (candidate.actual && candidate.predicted && baseline.predicted) {
    return {
      task: "regression",
      n,
      truth: candidate.actual,
      candidate: candidate.predicted,
      baseline: floats(baseline.predicted)
    };
  }
  const {
    classes,
    remaps: [truthClass, candidateClass, baselineClass]
  } = unionOfClasses(candidate.labels, candidate.predictions, baseline.predictions);
  const recode = (column, remap, rows) => {
    const out = codesFor(classes.length, n);
    for (let i = 0; i < n; i++) out[i] = remap?.[column.codes[rows ? rows[i] ?? 0 : i] ?? 0] ?? 0;
    return out;
  };
  const truth = recode(candidate.labels, truthClass, null);
  const candidateCodes = recode(candidate.predictions, candidateClass, null);
  const baselineCodes = recode(baseline.predictions, baselineClass, baselineRow);
  const positive = positiveLabel === void 0 ? null : classes.indexOf(positiveLabel);
  const candidateProbabilities = candidate.probabilities;
  const baselineProbabilities = baseline.probabilities;
  const sameClasses = candidateProbabilities && baselineProbabilities && candidateProbabilities.classes.length === baselineProbabilities.classes.length && candidateProbabilities.classes.every((c) => baselineProbabilities.classes.includes(c));
  const binaryScore = (predictions, align) => {
    const scores = predictions.scores ?? (predictions.probabilities && positiveLabel !== void 0 && predictions.probabilities.classes.length === 2 ? predictions.probabilities.columns[predictions.probabilities.classes.indexOf(positiveLabel)] ?? null : null);
    return scores && align ? floats(scores) : scores;
  };
  return {
    task: "classification",
    n,
    classes,
    truth,
    candidate: candidateCodes,
    baseline: baselineCodes,
    positive,
    candidateScores: binaryScore(candidate, false),
    baselineScores: binaryScore(baseline, true),
    probabilityClasses: sameClasses ? [...candidateProbabilities.classes] : null,
    candidateProbabilities: sameClasses ? [...candidateProbabilities.columns] : null,
    baselineProbabilities: sameClasses ? candidateProbabilities.classes.map(
      (cls) => floats(baselineProbabilities.columns[baselineProbabilities.classes.indexOf(cls)] ?? new Float64Array(n))
    ) : null
  };
}

export {
  pairPredictions
};
