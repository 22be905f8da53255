import { CURVE_GRID, type Curves } from "../evaluate/curves.ts";
import { formatNumber } from "../report/format.ts";
import type { Block, Chart, ChartColour } from "../report/sections.ts";
import type { GateCharts, SliceBars } from "./charts.ts";

/**
 * The gate report's charts (docs/reports.md): each a Mermaid xychart with its numbers in a collapsed table beside it.
 * Binary classifiers: ROC and precision-recall, candidate against baseline, and the candidate's reliability curve
 * with its expected calibration error. Regression: mean actual against mean predicted by bins, and the mean residual
 * per bin. Then the primary metric per slice. Where a chart cannot be drawn, a sentence says why in its place.
 */

const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? "—" : formatNumber(value);

export function chartBlocks(charts: GateCharts | undefined, baselineName: string | null): Block[] {
  if (!charts) return [];
  const blocks: Block[] = [];
  const { candidate } = charts;
  const baseline = charts.baseline?.task === candidate?.task ? charts.baseline : null;
  const against = baseline
    ? `blue: candidate; orange: the baseline, ${baselineName ?? "baseline"}`
    : `blue: candidate (no baseline curve: ${charts.baselineMissing ?? "the baseline has none"})`;
  if (candidate?.task === "binary") blocks.push(...binaryBlocks(candidate, baseline, against));
  if (candidate?.task === "regression") blocks.push(...regressionBlocks(candidate));
  for (const bars of charts.slices) blocks.push(...sliceBlocks(bars));
  return blocks;
}

const gridLabels = CURVE_GRID.map((x) => formatNumber(x));

function withTable(chart: Chart, summary: string, headers: string[], rows: string[][]): Block[] {
  return [
    { kind: "chart", chart },
    {
      kind: "details",
      summary,
      // The terminal draws no chart; its numbers are there with --verbose.
      terminal: "verbose",
      blocks: [{ kind: "table", table: { headers, rows, align: headers.map((_, i) => (i === 0 ? "left" : "right")) } }],
    },
  ];
}

type Line = { values: number[]; colour: ChartColour; name: string };

/** The candidate in blue, the baseline in orange when it has the curve, then any reference line in grey. */
function comparedLines(
  own: number[],
  theirs: number[] | null | undefined,
  reference?: { values: number[]; name: string },
): Line[] {
  return [
    { values: own, colour: "blue", name: "candidate" },
    ...(theirs ? [{ values: theirs, colour: "orange" as const, name: "baseline" }] : []),
    ...(reference ? [{ ...reference, colour: "grey" as const }] : []),
  ];
}

/** A curve on the fixed grid (ROC, precision-recall): candidate against baseline, with its numbers beside it. */
function gridCurveBlocks(curve: {
  title: string;
  caption: string;
  /** The table's names of the grid and of each model's value ("false positive rate", "TPR"). */
  x: string;
  y: string;
  /** The chart's axis titles. */
  axes: [string, string];
  own: number[];
  theirs: number[] | null | undefined;
  reference?: { values: number[]; name: string };
}): Block[] {
  const { own, theirs } = curve;
  return withTable(
    {
      title: curve.title,
      caption: curve.caption,
      labels: [],
      bars: [],
      line: null,
      lines: comparedLines(own, theirs, curve.reference),
      range: [0, 1],
      xAxis: { title: curve.axes[0], range: [0, 1] },
      yTitle: curve.axes[1],
    },
    `${curve.title}: the numbers`,
    [curve.x, `candidate ${curve.y}`, ...(theirs ? [`baseline ${curve.y}`] : [])],
    CURVE_GRID.map((_, i) => [gridLabels[i] ?? "", num(own[i]), ...(theirs ? [num(theirs[i])] : [])]),
  );
}

function binaryBlocks(candidate: Curves & { task: "binary" }, baseline: Curves | null, against: string): Block[] {
  const base = baseline?.task === "binary" ? baseline : null;
  const blocks: Block[] = [];
  if (!candidate.roc || !candidate.precision) {
    blocks.push({ kind: "text", text: `No ROC or precision-recall curve: ${candidate.notes[0] ?? "no curve"}.` });
  } else {
    for (const note of candidate.notes) blocks.push({ kind: "text", text: `Note on the curves: ${note}.` });
    blocks.push(
      ...gridCurveBlocks({
        title: "ROC curve",
        caption: `ROC curve (${against}; grey: chance): the true positive rate at ${CURVE_GRID.length} false positive rates.`,
        x: "false positive rate",
        y: "TPR",
        axes: ["False positive rate", "True positive rate"],
        own: candidate.roc,
        theirs: base?.roc,
        reference: { values: [...CURVE_GRID], name: "chance" },
      }),
      ...gridCurveBlocks({
        title: "Precision-recall curve",
        caption: `Precision-recall curve (${against}): the precision at the highest threshold that reaches each of ${CURVE_GRID.length} recalls.`,
        x: "recall",
        y: "precision",
        axes: ["Recall", "Precision"],
        own: candidate.precision,
        theirs: base?.precision,
      }),
    );
  }
  if (candidate.calibration.length > 0) {
    const ece = `expected calibration error ${formatNumber(candidate.expectedCalibrationError)}${
      base ? ` (baseline ${formatNumber(base.expectedCalibrationError)})` : ""
    }`;
    const label = (bin: number): string => `${formatNumber(bin / 10)}-${formatNumber((bin + 1) / 10)}`;
    blocks.push(
      ...withTable(
        {
          title: "Reliability curve",
          caption: `Reliability curve of the candidate, ${ece}: blue is the share of positive rows in each score bin, grey the bin's mean score (a calibrated model's blue lies on the grey). Empty bins are left out.`,
          labels: candidate.calibration.map((point) => label(point.bin)),
          bars: [],
          line: null,
          lines: [
            {
              values: candidate.calibration.map((point) => point.positiveRate),
              colour: "blue",
              name: "share of positives",
            },
            { values: candidate.calibration.map((point) => point.meanScore), colour: "grey", name: "mean score" },
          ],
          range: [0, 1],
          yTitle: "Share positive",
        },
        "Reliability curve: the numbers",
        ["score bin", "rows", "mean score", "share positive"],
        candidate.calibration.map((point) => [
          // The first bin holds 0 too (DOMAIN.md §1).
          `${point.bin === 0 ? "[" : "("}${label(point.bin).replace("-", ", ")}]`,
          String(point.rows),
          num(point.meanScore),
          num(point.positiveRate),
        ]),
      ),
    );
  }
  return blocks;
}

function regressionBlocks(candidate: Curves & { task: "regression" }): Block[] {
  if (candidate.bins.length === 0) return [{ kind: "text", text: "No regression charts: there are no predictions." }];
  const labels = candidate.bins.map((bin) => formatNumber(bin.meanPredicted));
  const table = candidate.bins.map((bin) => [
    `${formatNumber(bin.low)} to ${formatNumber(bin.high)}`,
    String(bin.rows),
    num(bin.meanPredicted),
    num(bin.meanActual),
    num(bin.meanResidual),
  ]);
  const headers = ["predicted value bin", "rows", "mean predicted", "mean actual", "mean residual"];
  const notes = candidate.notes.map((note): Block => ({ kind: "text", text: `Note on the charts: ${note}.` }));
  return [
    ...notes,
    ...withTable(
      {
        title: "Predicted vs actual",
        caption: `Predicted against actual in ${candidate.bins.length} bins of the predicted value (equal width, labelled by their mean prediction; empty ones left out): blue is the mean actual value, grey the mean prediction (a well-fitted model's blue lies on the grey).`,
        labels,
        bars: [],
        line: null,
        lines: [
          { values: candidate.bins.map((bin) => bin.meanActual), colour: "blue", name: "mean actual" },
          { values: candidate.bins.map((bin) => bin.meanPredicted), colour: "grey", name: "mean predicted" },
        ],
        range: null,
        yTitle: "Value",
      },
      "Predicted vs actual: the numbers",
      headers,
      table,
    ),
    ...withTable(
      {
        title: "Residuals by predicted value",
        caption:
          "Mean residual (actual minus predicted) in each bin of the predicted value: bars far from 0 show where the model is biased.",
        labels,
        bars: candidate.bins.map((bin) => bin.meanResidual),
        line: null,
        range: null,
        yTitle: "Mean residual",
      },
      "Residuals by predicted value: the numbers",
      headers,
      table,
    ),
  ];
}

type Bar = SliceBars["bars"][number];

const signed = (v: number, scale: number, unit: string): string =>
  `${v * scale > 0 ? "+" : ""}${formatNumber(v * scale)}${unit}`;

/** The change's interval, and which it is: "[-0.05, +0.25] (95%, paired bootstrap ×1000, slice rule)". */
function changeText(bar: Bar): string {
  const interval = bar.interval;
  if (!interval) return bar.changeIntervalMissing ? `none (${bar.changeIntervalMissing})` : "—";
  const scale = interval.relative ? 100 : 1;
  const unit = interval.relative ? "%" : "";
  const how = [
    `${formatNumber(interval.level * 100)}%`,
    ...(interval.resamples === undefined ? [] : [`paired bootstrap ×${interval.resamples}`]),
    ...(interval.source === "rule" ? ["slice rule"] : []),
  ].join(", ");
  return `[${signed(interval.low, scale, unit)}, ${signed(interval.high, scale, unit)}] (${how})`;
}

/** The candidate's interval, and which it is: "[0.61, 0.78] (95%, Wilson)". */
function valueText(bar: Bar): string {
  const interval = bar.candidateInterval;
  if (!interval) return bar.candidateIntervalMissing ? `none (${bar.candidateIntervalMissing})` : "—";
  const method = {
    wilson: "Wilson",
    delong: "DeLong",
    normal: "normal",
    bootstrap: `bootstrap ×${interval.resamples ?? 0}`,
  }[interval.method];
  const clamped = interval.clamped ? (interval.method === "delong" ? ", clamped to [0, 1]" : ", clamped at 0") : "";
  return `[${formatNumber(interval.low)}, ${formatNumber(interval.high)}] (${formatNumber(interval.level * 100)}%, ${method}${clamped})`;
}

function sliceBlocks(bars: SliceBars): Block[] {
  const { metric, column } = bars;
  const drawn = bars.bars.filter((bar) => bar.candidate !== null);
  const withBaseline = drawn.length > 0 && drawn.every((bar) => bar.baseline !== null);
  const bounds = drawn.map((bar) => bar.candidateInterval ?? null);
  const withIntervals = bounds.some((b) => b !== null);
  const level = bounds.find((b) => b !== null)?.level ?? 0.95;
  const ends = (end: "low" | "high"): number[] => drawn.map((bar, i) => bounds[i]?.[end] ?? bar.candidate ?? 0);
  const values = [
    ...drawn.map((bar) => bar.candidate ?? 0),
    ...(withBaseline ? drawn.map((b) => b.baseline ?? 0) : []),
    ...(withIntervals ? [...ends("low"), ...ends("high")] : []),
  ];
  const blocks: Block[] = [];
  const rest =
    bars.omitted.slices > 0
      ? ` The ${drawn.length} largest slices are drawn; ${bars.omitted.slices} more (${bars.omitted.rows} rows) are in the evaluation's table.`
      : "";
  // Mermaid draws no error bars: the ends of each interval are joined by two grey lines (the HTML report draws bars).
  const intervalsSaid = withIntervals
    ? ` The two grey lines join the low and the high ends of each slice's ${formatNumber(level * 100)}% interval of the candidate's value (Mermaid draws no error bars; where a slice has none, both meet at its bar and the table says why).`
    : "";
  if (drawn.length === 0) {
    blocks.push({ kind: "text", text: `No chart of ${metric} by ${column}: no slice has a value.` });
  } else {
    blocks.push({
      kind: "chart",
      chart: {
        title: `${metric} by ${column}`,
        caption: `${metric} by ${column}, largest slices first: bars are the candidate${withBaseline ? ", the orange line is the baseline" : ""}.${intervalsSaid}${rest}`,
        labels: drawn.map((bar) => bar.value),
        bars: drawn.map((bar) => bar.candidate ?? 0),
        line: withBaseline ? drawn.map((bar) => bar.baseline ?? 0) : null,
        names: { bars: "candidate", line: "baseline" },
        range: values.every((v) => v >= 0 && v <= 1) ? [0, 1] : null,
        ...(withIntervals
          ? {
              lines: [
                { values: ends("low"), colour: "grey" as const, name: "interval low" },
                { values: ends("high"), colour: "grey" as const, name: "interval high" },
              ],
              intervals: {
                label: `${formatNumber(level * 100)}% interval of the candidate's ${metric} in the slice`,
                bounds: bounds.map((b) => (b ? { low: b.low, high: b.high } : null)),
              },
            }
          : {}),
      },
    });
  }
  blocks.push({
    kind: "details",
    summary: `${metric} by ${column}: the numbers`,
    terminal: "verbose",
    blocks: [
      {
        kind: "table",
        table: {
          headers: [column, "rows", "candidate", "interval of candidate", "baseline", "interval of Δ"],
          rows: bars.bars.map((bar) => [
            bar.value,
            String(bar.rows),
            bar.candidate === null
              ? `undefined${bar.undefinedBecause ? ` (${bar.undefinedBecause})` : ""}`
              : num(bar.candidate),
            valueText(bar),
            num(bar.baseline),
            changeText(bar),
          ]),
          align: ["left", "right", "right", "left", "right", "left"],
        },
      },
      ...(intervalsExplained(bars) ? [{ kind: "text" as const, text: intervalsExplained(bars) }] : []),
    ],
  });
  return blocks;
}

/** What the intervals in the table are, in words, those present only (DOMAIN.md §2: an interval says what it is). */
function intervalsExplained(bars: SliceBars): string {
  const all = bars.bars;
  const parts = [
    all.some((bar) => bar.candidateInterval?.method === "wilson")
      ? "Wilson: the score interval of a proportion (accuracy, recall, precision: a share of the slice's rows)."
      : "",
    all.some((bar) => bar.candidateInterval?.method === "delong")
      ? "DeLong: the normal interval of ROC AUC with DeLong's variance (over the slice's positives and negatives; ties count half)."
      : "",
    all.some((bar) => bar.candidateInterval?.method === "normal")
      ? "normal: mean ± z·s/√n of the per-row losses of the slice (RMSE: the square roots of MSE's ends)."
      : "",
    all.some((bar) => bar.candidateInterval?.method === "bootstrap")
      ? "bootstrap ×N: the percentile interval over N resamples of the slice's rows (the gate's seed)."
      : "",
    all.some((bar) => bar.interval?.resamples !== undefined)
      ? "paired bootstrap: both models scored on the same resampled rows; the interval of candidate minus baseline."
      : "",
    bars.unpaired ? `No interval of Δ is computed for the report: ${bars.unpaired}.` : "",
  ];
  return parts.filter(Boolean).join(" ");
}
