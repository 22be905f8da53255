import { createHash } from "node:crypto";
import { encodeLabels, sortedClasses } from "../../evaluate/confusion.ts";
import type { Predictions } from "../../evaluate/predictions.ts";
import type { PairedData } from "./paired-data.ts";

/**
 * Pairing candidate and baseline rows for the paired tests (DOMAIN.md §2). A paired test compares two models row by
 * row, so it must be certain row i is the same example in both files:
 *
 * - with an id column (evaluate.predictions.id), rows pair by id; both files must hold the same ids with the same
 *   labels;
 * - without one, rows pair by position, and only when that provably matches: the same number of rows with the same
 *   labels in the same order (compared by sha256).
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
  let baselineRow: Uint32Array;
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
    const candidateHash = labelsFingerprint(candidate);
    const baselineHash = labelsFingerprint(baseline);
    if (candidateHash !== baselineHash) {
      return {
        paired: false,
        reason: `without a row id column (evaluate.predictions.id) rows pair only by position, and the labels differ in value or order (sha256 ${candidateHash.slice(0, 12)} vs ${baselineHash.slice(0, 12)}): the rows cannot be shown to be the same`,
      };
    }
    baselineRow = Uint32Array.from(candidate.labels.keys());
    how = `paired by position: both files hold the same ${candidate.rows} labels in the same order (sha256 ${candidateHash.slice(0, 12)})`;
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
  const baselineLabels = new Set(baseline.labels);
  const unseen = [...new Set(candidate.labels)].filter((label) => !baselineLabels.has(label));
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
  for (let row = 0; row < candidate.rows; row++) {
    const other = baselineRow[row] ?? 0;
    if (candidate.labels[row] !== baseline.labels[other]) {
      return {
        paired: false,
        reason: `row id ${JSON.stringify(candidateIds[row])} has the label ${JSON.stringify(candidate.labels[row])} in the candidate's predictions but ${JSON.stringify(baseline.labels[other])} in the baseline's`,
      };
    }
  }
  return { paired: true, baselineRow };
}

function list(values: readonly string[]): string {
  const shown = values.slice(0, EXAMPLES).map((value) => JSON.stringify(value));
  return values.length > EXAMPLES ? `${shown.join(", ")} ...` : shown.join(", ");
}

/** sha256 of the labels in order: numbers by value for regression, text for classification. */
function labelsFingerprint(predictions: Predictions): string {
  const hash = createHash("sha256");
  if (predictions.actual) {
    hash.update(
      new Uint8Array(predictions.actual.buffer, predictions.actual.byteOffset, predictions.actual.byteLength),
    );
  } else {
    for (const label of predictions.labels) hash.update(`${JSON.stringify(label)}\n`);
  }
  return hash.digest("hex");
}

function alignedData(
  candidate: Predictions,
  baseline: Predictions,
  baselineRow: Uint32Array,
  positiveLabel: string | undefined,
): PairedData {
  const n = candidate.rows;
  const floats = (values: Float64Array): Float64Array => Float64Array.from(baselineRow, (row) => values[row] ?? 0);
  if (candidate.actual && candidate.predicted && baseline.predicted) {
    return {
      task: "regression",
      n,
      truth: candidate.actual,
      candidate: candidate.predicted,
      baseline: floats(baseline.predicted),
    };
  }
  const baselinePredictions = Array.from(baselineRow, (row) => baseline.predictions[row] ?? "");
  const classes = sortedClasses(candidate.labels, candidate.predictions, baselinePredictions);
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
    truth: encodeLabels(candidate.labels, classes),
    candidate: encodeLabels(candidate.predictions, classes),
    baseline: encodeLabels(baselinePredictions, classes),
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
