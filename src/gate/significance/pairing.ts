import { type Coded, codesFor, unionOfClasses, valueAt } from "../../evaluate/coded.ts";
import type { Predictions } from "../../evaluate/predictions.ts";
import type { ClassCodes, PairedData } from "./paired-data.ts";

/**
 * Pairing candidate and baseline rows for the paired tests (DOMAIN.md §2). A paired test compares two models row by
 * row, so it must be certain row i is the same example in both files:
 *
 * - with an id column (evaluate.predictions.id), rows pair by id; both files must hold the same ids with the same
 *   labels;
 * - without one, rows pair by position, and only when that provably matches: the same number of rows with the same
 *   labels in the same order (compared row by row; the first difference is named).
 *
 * Anything else is refused with the reason, and the gate falls back to comparing the point estimates.
 */

export type Pairing = { paired: true; data: PairedData; how: string } | { paired: false; reason: string };

const EXAMPLES = 3;

export function pairPredictions(
  candidate: Predictions,
  baseline: Predictions,
  positiveLabel: string | undefined,
): Pairing {
  // The baseline's row for each candidate row; null when they are the same rows in the same order.
  let baselineRow: Uint32Array | null;
  let how: string;
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
        reason: `without a row id column (evaluate.predictions.id) rows pair only by position, and the files hold different rows: ${candidate.rows} in the candidate's, ${baseline.rows} in the baseline's`,
      };
    }
    const differs = firstDifference(candidate, baseline);
    if (differs >= 0) {
      const [mine, theirs] = [candidate, baseline].map((p) =>
        JSON.stringify(p.actual ? p.actual[differs] : valueAt(p.labels, differs)),
      );
      return {
        paired: false,
        reason: `without a row id column (evaluate.predictions.id) rows pair only by position, and the labels differ (row ${differs + 2}: ${mine} in the candidate's, ${theirs} in the baseline's): the rows cannot be shown to be the same`,
      };
    }
    baselineRow = null;
    how = `paired by position: both files hold the same ${candidate.rows} labels in the same order`;
  }
  return { paired: true, data: alignedData(candidate, baseline, baselineRow, positiveLabel), how };
}

function pairByIds(
  candidate: Predictions,
  baseline: Predictions,
): { paired: true; baselineRow: Uint32Array } | { paired: false; reason: string } {
  const candidateIds = candidate.ids ?? [];
  const baselineIds = baseline.ids ?? [];
  // A label the baseline never saw means the two were evaluated on different label sets: say that first.
  const baselineLabels = new Set(baseline.labels.classes);
  const unseen = firstSightOrder(candidate.labels).filter((label) => !baselineLabels.has(label));
  if (unseen.length > 0) {
    return {
      paired: false,
      reason: `the candidate's labels include ${list(unseen)}, which the baseline's predictions never contain: the two were evaluated on different data`,
    };
  }
  const baselineIndex = new Map(baselineIds.map((id, row) => [id, row]));
  const baselineRow = new Uint32Array(candidate.rows);
  const onlyCandidate: string[] = [];
  candidateIds.forEach((id, row) => {
    const match = baselineIndex.get(id);
    if (match === undefined) onlyCandidate.push(id);
    else baselineRow[row] = match;
  });
  const candidateSet = new Set(candidateIds);
  const onlyBaseline = baselineIds.filter((id) => !candidateSet.has(id));
  if (onlyCandidate.length > 0 || onlyBaseline.length > 0) {
    const parts = [
      onlyCandidate.length > 0
        ? `${onlyCandidate.length} row id(s) only in the candidate's (${list(onlyCandidate)})`
        : "",
      onlyBaseline.length > 0 ? `${onlyBaseline.length} only in the baseline's (${list(onlyBaseline)})` : "",
    ].filter(Boolean);
    return { paired: false, reason: `the files hold different rows: ${parts.join(", ")}` };
  }
  // Every candidate label is one of the baseline's (checked above), so labels compare as codes through one small map.
  const baselineCodeOf = codesIn(candidate.labels, baseline.labels);
  for (let row = 0; row < candidate.rows; row++) {
    const other = baselineRow[row] ?? 0;
    if (baselineCodeOf[candidate.labels.codes[row] ?? 0] !== baseline.labels.codes[other]) {
      return {
        paired: false,
        reason: `row id ${JSON.stringify(candidateIds[row])} has the label ${JSON.stringify(valueAt(candidate.labels, row))} in the candidate's predictions but ${JSON.stringify(valueAt(baseline.labels, other))} in the baseline's`,
      };
    }
  }
  return { paired: true, baselineRow };
}

/** Per class of `mine`, its code in `theirs` (-1 when `theirs` has no such class). */
function codesIn(mine: Coded, theirs: Coded): Int32Array {
  const index = new Map(theirs.classes.map((value, code) => [value, code]));
  return Int32Array.from(mine.classes, (value) => index.get(value) ?? -1);
}

/** The column's distinct values in the order rows first hold them (how a Set of the values would list them). */
function firstSightOrder(column: Coded): string[] {
  const seen = new Uint8Array(column.classes.length);
  const order: string[] = [];
  for (const code of column.codes) {
    if (seen[code] === 1) continue;
    seen[code] = 1;
    order.push(column.classes[code] ?? "");
  }
  return order;
}

function list(values: readonly string[]): string {
  const shown = values.slice(0, EXAMPLES).map((value) => JSON.stringify(value));
  return values.length > EXAMPLES ? `${shown.join(", ")} ...` : shown.join(", ");
}

/** The first row whose label differs between the files (numbers by value for regression), or -1. */
function firstDifference(candidate: Predictions, baseline: Predictions): number {
  if (candidate.actual && baseline.actual) {
    for (let i = 0; i < candidate.rows; i++) if (candidate.actual[i] !== baseline.actual[i]) return i;
    return -1;
  }
  const baselineCodeOf = codesIn(candidate.labels, baseline.labels);
  const [mine, theirs] = [candidate.labels.codes, baseline.labels.codes];
  for (let i = 0; i < candidate.rows; i++) if (baselineCodeOf[mine[i] ?? 0] !== theirs[i]) return i;
  return -1;
}

function alignedData(
  candidate: Predictions,
  baseline: Predictions,
  baselineRow: Uint32Array | null,
  positiveLabel: string | undefined,
): PairedData {
  const n = candidate.rows;
  const floats = (values: Float64Array): Float64Array => {
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
      baseline: floats(baseline.predicted),
    };
  }
  // The three columns' small class tables are merged and remapped; no row's text is looked at again. Every baseline
  // row pairs with one candidate row, so the baseline's classes that occur are the same before and after aligning.
  const {
    classes,
    remaps: [truthClass, candidateClass, baselineClass],
  } = unionOfClasses(candidate.labels, candidate.predictions, baseline.predictions);
  const recode = (column: Coded, remap: Int32Array | undefined, rows: Uint32Array | null): ClassCodes => {
    const out = codesFor(classes.length, n);
    for (let i = 0; i < n; i++) out[i] = remap?.[column.codes[rows ? (rows[i] ?? 0) : i] ?? 0] ?? 0;
    return out;
  };
  const truth = recode(candidate.labels, truthClass, null);
  const candidateCodes = recode(candidate.predictions, candidateClass, null);
  const baselineCodes = recode(baseline.predictions, baselineClass, baselineRow);
  const positive = positiveLabel === undefined ? null : classes.indexOf(positiveLabel);
  // Probability columns pair by class name; a class one model has no column for leaves them out.
  const candidateProbabilities = candidate.probabilities;
  const baselineProbabilities = baseline.probabilities;
  const sameClasses =
    candidateProbabilities &&
    baselineProbabilities &&
    candidateProbabilities.classes.length === baselineProbabilities.classes.length &&
    candidateProbabilities.classes.every((c) => baselineProbabilities.classes.includes(c));
  const binaryScore = (predictions: Predictions, align: boolean): Float64Array | null => {
    const scores =
      predictions.scores ??
      (predictions.probabilities && positiveLabel !== undefined && predictions.probabilities.classes.length === 2
        ? (predictions.probabilities.columns[predictions.probabilities.classes.indexOf(positiveLabel)] ?? null)
        : null);
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
    baselineProbabilities: sameClasses
      ? candidateProbabilities.classes.map((cls) =>
          floats(baselineProbabilities.columns[baselineProbabilities.classes.indexOf(cls)] ?? new Float64Array(n)),
        )
      : null,
  };
}
