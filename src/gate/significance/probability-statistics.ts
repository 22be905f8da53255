import { calibrationBin, CALIBRATION_BINS, topClassConfidence } from "../../evaluate/calibration.ts";
import { rowsSumToOne } from "../../evaluate/metrics.ts";
import {
  descendingOrder,
  oneVsOneRocAuc,
  oneVsRestRocAuc,
  oneVsRestWeightedRocAuc,
  type Ranked,
} from "../../evaluate/ranking.ts";
import { flagsPerRow, floatsPerRow, type PairedClassification, truthIndexIn } from "./paired-data.ts";

/**
 * The paired statistics of metrics over per-class probabilities (multiclass ROC AUC in its three averages) and of
 * expected calibration error, as statistics.ts describes: each resample is scored exactly as the evaluate stage
 * scores all rows, with rows counted as often as they were drawn.
 */

/** statistics.ts's StatisticOrReason, "weights" family only (spelled out here so the two modules import one way). */
type StatisticOrReason =
  { statistic: { family: "weights"; finalize(weights: Int32Array): [number, number] } } | { unavailable: string };

const MULTICLASS_ROC = {
  roc_auc: oneVsRestRocAuc,
  roc_auc_ovr_weighted: oneVsRestWeightedRocAuc,
  roc_auc_ovo: oneVsOneRocAuc,
} as const;

export type MulticlassRocMetric = keyof typeof MULTICLASS_ROC;

export function isMulticlassRocMetric(metric: string): metric is MulticlassRocMetric {
  return Object.hasOwn(MULTICLASS_ROC, metric);
}

export function multiclassRocAuc(metric: MulticlassRocMetric, data: PairedClassification): StatisticOrReason {
  const classes = data.probabilityClasses ?? [];
  const candidate = data.candidateProbabilities;
  const baseline = data.baselineProbabilities;
  if (!candidate || !baseline || classes.length <= 2)
    return { unavailable: `"${metric}" needs the class probabilities (more than two classes) of both models` };
  if (!rowsSumToOne(candidate, data.n) || !rowsSumToOne(baseline, data.n))
    return { unavailable: `"${metric}" is undefined: the class probabilities of a row do not sum to 1` };
  const truth = truthIndexIn(data, classes);
  const score = MULTICLASS_ROC[metric];
  const orders = (columns: Float64Array[]): Ranked[] => columns.map((column) => descendingOrder(column));
  const candidateOrders = orders(candidate);
  const baselineOrders = orders(baseline);
  return {
    statistic: {
      family: "weights",
      finalize: (weights) => [
        score(candidateOrders, truth, weights) ?? Number.NaN,
        score(baselineOrders, truth, weights) ?? Number.NaN,
      ],
    },
  };
}

/**
 * Expected calibration error (DOMAIN.md §1) of both models: from the per-class probabilities when there are more
 * than two classes, else from the positive-class scores, as the evaluate stage chooses.
 */
export function calibrationStatistic(data: PairedClassification): StatisticOrReason {
  const classes = data.probabilityClasses;
  let sides: { confidence: Float64Array; correct: ArrayLike<number> }[];
  if (classes && classes.length > 2 && data.candidateProbabilities && data.baselineProbabilities) {
    const truth = truthIndexIn(data, classes);
    sides = [
      topClassConfidence(truth, data.candidateProbabilities),
      topClassConfidence(truth, data.baselineProbabilities),
    ];
  } else if (data.candidateScores && data.baselineScores && data.positive !== null) {
    const positive = flagsPerRow(data.n, (i) => data.truth[i] === data.positive);
    sides = [
      { confidence: data.candidateScores, correct: positive },
      { confidence: data.baselineScores, correct: positive },
    ];
  } else {
    return {
      unavailable:
        '"expected_calibration_error" needs the positive-class score (or the class probabilities) of both models',
    };
  }
  const [candidate, baseline] = sides.map(({ confidence, correct }) => {
    const bins = new Uint8Array(data.n);
    for (let i = 0; i < data.n; i++) bins[i] = calibrationBin(confidence[i] ?? 0);
    return { bins, gaps: floatsPerRow(data.n, (i) => (correct[i] ?? 0) - (confidence[i] ?? 0)) };
  });
  const gap = new Float64Array(CALIBRATION_BINS);
  const ece = (side: typeof candidate, weights: Int32Array): number => {
    gap.fill(0);
    let drawn = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (w === 0 || !side) continue;
      const bin = side.bins[i] ?? 0;
      gap[bin] = (gap[bin] ?? 0) + w * (side.gaps[i] ?? 0);
      drawn += w;
    }
    let sum = 0;
    for (const g of gap) sum += Math.abs(g);
    return sum / drawn;
  };
  return { statistic: { family: "weights", finalize: (weights) => [ece(candidate, weights), ece(baseline, weights)] } };
}
