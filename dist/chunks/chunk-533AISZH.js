import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  userSectionBlocks
} from "./chunk-Y4XFK5HZ.js";
import {
  CURVE_GRID
} from "./chunk-X2I57EAR.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  perClassMetric
} from "./chunk-KIGM2236.js";

// src/evaluate/section.ts
var num = (value) => value === null || value === void 0 ? "\u2014" : formatNumber(value);
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
  const all = Object.entries(result.metrics);
  const metrics = all.filter(([name]) => !perClassMetric(name) || result.sources[name] !== result.predictions?.path);
  const undefinedMetrics = Object.entries(result.undefinedMetrics ?? {});
  if (metrics.length > 0 || undefinedMetrics.length > 0) {
    blocks.push({
      kind: "text",
      text: `${all.length} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}.`
    });
    blocks.push({
      kind: "table",
      table: {
        headers: ["metric", "value", "source"],
        rows: [
          ...metrics.map(([k, v]) => [k, num(v), result.sources[k] ?? ""]),
          ...undefinedMetrics.map(([k, why]) => [k, "undefined", `because ${why}`])
        ],
        align: ["left", "right", "left"]
      }
    });
  }
  const perClass = perClassBlock(result);
  if (perClass) blocks.push(perClass);
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
              ...shown.map((m) => num(s.metrics[m]))
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
function perClassBlock(result) {
  const byClass = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(result.metrics)) {
    const parts = perClassMetric(name);
    if (!parts || result.sources[name] !== result.predictions?.path) continue;
    byClass.set(parts.label, { ...byClass.get(parts.label), [parts.metric]: value });
  }
  if (byClass.size === 0) return null;
  return {
    kind: "details",
    summary: "Metrics per class (gate rules name them precision[class], recall[class], f1[class])",
    blocks: [
      {
        kind: "table",
        table: {
          headers: ["class", "precision", "recall", "f1"],
          rows: [...byClass].map(([label, m]) => [label, num(m.precision), num(m.recall), num(m.f1)]),
          align: ["left", "right", "right", "right"]
        }
      }
    ]
  };
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
function confusionHeatmap(confusion, whose) {
  const total = confusion.matrix.flat().reduce((sum, count) => sum + count, 0);
  const right = confusion.labels.reduce((sum, _, i) => sum + (confusion.matrix[i]?.[i] ?? 0), 0);
  return {
    kind: "heatmap",
    heatmap: {
      title: `Confusion matrix of ${whose}`,
      caption: `${total} rows, ${right} on the diagonal (predicted right); each cell is shaded by its share of its row.`,
      rowTitle: "true class",
      columnTitle: "predicted class",
      rows: [...confusion.labels],
      columns: [...confusion.labels],
      cells: confusion.labels.map((_, t) => confusion.labels.map((__, p) => confusion.matrix[t]?.[p] ?? 0))
    }
  };
}

// src/gate/chart-section.ts
var num2 = (value) => value === null || value === void 0 ? "\u2014" : formatNumber(value);
function chartBlocks(charts, baselineName) {
  if (!charts) return [];
  const blocks = [];
  const { candidate } = charts;
  const baseline = charts.baseline?.task === candidate?.task ? charts.baseline : null;
  const against = baseline ? `blue: candidate; orange: the baseline, ${baselineName ?? "baseline"}` : `blue: candidate (no baseline curve: ${charts.baselineMissing ?? "the baseline has none"})`;
  if (candidate?.task === "binary") blocks.push(...binaryBlocks(candidate, baseline, against));
  if (candidate?.task === "regression") blocks.push(...regressionBlocks(candidate));
  for (const bars of charts.slices) blocks.push(...sliceBlocks(bars));
  return blocks;
}
var gridLabels = CURVE_GRID.map((x) => formatNumber(x));
function withTable(chart, summary, headers, rows) {
  return [
    { kind: "chart", chart },
    {
      kind: "details",
      summary,
      // The terminal draws no chart; its numbers are there with --verbose.
      terminal: "verbose",
      blocks: [{ kind: "table", table: { headers, rows, align: headers.map((_, i) => i === 0 ? "left" : "right") } }]
    }
  ];
}
function comparedLines(own, theirs, reference) {
  return [
    { values: own, colour: "blue", name: "candidate" },
    ...theirs ? [{ values: theirs, colour: "orange", name: "baseline" }] : [],
    ...reference ? [{ ...reference, colour: "grey" }] : []
  ];
}
function gridCurveBlocks(curve) {
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
      yTitle: curve.axes[1]
    },
    `${curve.title}: the numbers`,
    [curve.x, `candidate ${curve.y}`, ...theirs ? [`baseline ${curve.y}`] : []],
    CURVE_GRID.map((_, i) => [gridLabels[i] ?? "", num2(own[i]), ...theirs ? [num2(theirs[i])] : []])
  );
}
function binaryBlocks(candidate, baseline, against) {
  const base = baseline?.task === "binary" ? baseline : null;
  const blocks = [];
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
        reference: { values: [...CURVE_GRID], name: "chance" }
      }),
      ...gridCurveBlocks({
        title: "Precision-recall curve",
        caption: `Precision-recall curve (${against}): the precision at the highest threshold that reaches each of ${CURVE_GRID.length} recalls.`,
        x: "recall",
        y: "precision",
        axes: ["Recall", "Precision"],
        own: candidate.precision,
        theirs: base?.precision
      })
    );
  }
  if (candidate.calibration.length > 0) {
    const ece = `expected calibration error ${formatNumber(candidate.expectedCalibrationError)}${base ? ` (baseline ${formatNumber(base.expectedCalibrationError)})` : ""}`;
    const label = (bin) => `${formatNumber(bin / 10)}-${formatNumber((bin + 1) / 10)}`;
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
              name: "share of positives"
            },
            { values: candidate.calibration.map((point) => point.meanScore), colour: "grey", name: "mean score" }
          ],
          range: [0, 1],
          yTitle: "Share positive"
        },
        "Reliability curve: the numbers",
        ["score bin", "rows", "mean score", "share positive"],
        candidate.calibration.map((point) => [
          // The first bin holds 0 too (DOMAIN.md §1).
          `${point.bin === 0 ? "[" : "("}${label(point.bin).replace("-", ", ")}]`,
          String(point.rows),
          num2(point.meanScore),
          num2(point.positiveRate)
        ])
      )
    );
  }
  return blocks;
}
function regressionBlocks(candidate) {
  if (candidate.bins.length === 0) return [{ kind: "text", text: "No regression charts: there are no predictions." }];
  const labels = candidate.bins.map((bin) => formatNumber(bin.meanPredicted));
  const table = candidate.bins.map((bin) => [
    `${formatNumber(bin.low)} to ${formatNumber(bin.high)}`,
    String(bin.rows),
    num2(bin.meanPredicted),
    num2(bin.meanActual),
    num2(bin.meanResidual)
  ]);
  const headers = ["predicted value bin", "rows", "mean predicted", "mean actual", "mean residual"];
  const notes = candidate.notes.map((note) => ({ kind: "text", text: `Note on the charts: ${note}.` }));
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
          { values: candidate.bins.map((bin) => bin.meanPredicted), colour: "grey", name: "mean predicted" }
        ],
        range: null,
        yTitle: "Value"
      },
      "Predicted vs actual: the numbers",
      headers,
      table
    ),
    ...withTable(
      {
        title: "Residuals by predicted value",
        caption: "Mean residual (actual minus predicted) in each bin of the predicted value: bars far from 0 show where the model is biased.",
        labels,
        bars: candidate.bins.map((bin) => bin.meanResidual),
        line: null,
        range: null,
        yTitle: "Mean residual"
      },
      "Residuals by predicted value: the numbers",
      headers,
      table
    )
  ];
}
var signed = (v, scale, unit) => `${v * scale > 0 ? "+" : ""}${formatNumber(v * scale)}${unit}`;
function changeText(bar) {
  const interval = bar.interval;
  if (!interval) return bar.changeIntervalMissing ? `none (${bar.changeIntervalMissing})` : "\u2014";
  const scale = interval.relative ? 100 : 1;
  const unit = interval.relative ? "%" : "";
  const how = [
    `${formatNumber(interval.level * 100)}%`,
    ...interval.resamples === void 0 ? [] : [`paired bootstrap \xD7${interval.resamples}`],
    ...interval.source === "rule" ? ["slice rule"] : []
  ].join(", ");
  return `[${signed(interval.low, scale, unit)}, ${signed(interval.high, scale, unit)}] (${how})`;
}
function valueText(bar) {
  const interval = bar.candidateInterval;
  if (!interval) return bar.candidateIntervalMissing ? `none (${bar.candidateIntervalMissing})` : "\u2014";
  const method = {
    wilson: "Wilson",
    delong: "DeLong",
    normal: "normal",
    bootstrap: `bootstrap \xD7${interval.resamples ?? 0}`
  }[interval.method];
  const clamped = interval.clamped ? interval.method === "delong" ? ", clamped to [0, 1]" : ", clamped at 0" : "";
  return `[${formatNumber(interval.low)}, ${formatNumber(interval.high)}] (${formatNumber(interval.level * 100)}%, ${method}${clamped})`;
}
function sliceBlocks(bars) {
  const { metric, column } = bars;
  const drawn = bars.bars.filter((bar) => bar.candidate !== null);
  const withBaseline = drawn.length > 0 && drawn.every((bar) => bar.baseline !== null);
  const bounds = drawn.map((bar) => bar.candidateInterval ?? null);
  const withIntervals = bounds.some((b) => b !== null);
  const level = bounds.find((b) => b !== null)?.level ?? 0.95;
  const ends = (end) => drawn.map((bar, i) => bounds[i]?.[end] ?? bar.candidate ?? 0);
  const values = [
    ...drawn.map((bar) => bar.candidate ?? 0),
    ...withBaseline ? drawn.map((b) => b.baseline ?? 0) : [],
    ...withIntervals ? [...ends("low"), ...ends("high")] : []
  ];
  const blocks = [];
  const rest = bars.omitted.slices > 0 ? ` The ${drawn.length} largest slices are drawn; ${bars.omitted.slices} more (${bars.omitted.rows} rows) are in the evaluation's table.` : "";
  const intervalsSaid = withIntervals ? ` The two grey lines join the low and the high ends of each slice's ${formatNumber(level * 100)}% interval of the candidate's value (Mermaid draws no error bars; where a slice has none, both meet at its bar and the table says why).` : "";
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
        ...withIntervals ? {
          lines: [
            { values: ends("low"), colour: "grey", name: "interval low" },
            { values: ends("high"), colour: "grey", name: "interval high" }
          ],
          intervals: {
            label: `${formatNumber(level * 100)}% interval of the candidate's ${metric} in the slice`,
            bounds: bounds.map((b) => b ? { low: b.low, high: b.high } : null)
          }
        } : {}
      }
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
          headers: [column, "rows", "candidate", "interval of candidate", "baseline", "interval of \u0394"],
          rows: bars.bars.map((bar) => [
            bar.value,
            String(bar.rows),
            bar.candidate === null ? `undefined${bar.undefinedBecause ? ` (${bar.undefinedBecause})` : ""}` : num2(bar.candidate),
            valueText(bar),
            num2(bar.baseline),
            changeText(bar)
          ]),
          align: ["left", "right", "right", "left", "right", "left"]
        }
      },
      ...intervalsExplained(bars) ? [{ kind: "text", text: intervalsExplained(bars) }] : []
    ]
  });
  return blocks;
}
function intervalsExplained(bars) {
  const all = bars.bars;
  const parts = [
    all.some((bar) => bar.candidateInterval?.method === "wilson") ? "Wilson: the score interval of a proportion (accuracy, recall, precision: a share of the slice's rows)." : "",
    all.some((bar) => bar.candidateInterval?.method === "delong") ? "DeLong: the normal interval of ROC AUC with DeLong's variance (over the slice's positives and negatives; ties count half)." : "",
    all.some((bar) => bar.candidateInterval?.method === "normal") ? "normal: mean \xB1 z\xB7s/\u221An of the per-row losses of the slice (RMSE: the square roots of MSE's ends)." : "",
    all.some((bar) => bar.candidateInterval?.method === "bootstrap") ? "bootstrap \xD7N: the percentile interval over N resamples of the slice's rows (the gate's seed)." : "",
    all.some((bar) => bar.interval?.resamples !== void 0) ? "paired bootstrap: both models scored on the same resampled rows; the interval of candidate minus baseline." : "",
    bars.unpaired ? `No interval of \u0394 is computed for the report: ${bars.unpaired}.` : ""
  ];
  return parts.filter(Boolean).join(" ");
}

// src/gate/section.ts
var MAX_SLICE_ROWS = 300;
var MAX_CHART_BARS = 20;
var VERDICT_ORDER = { error: 0, fail: 1, warn: 2, skipped: 3, pass: 4 };
var num3 = (value) => value === null || value === void 0 ? "\u2014" : formatNumber(value);
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
      num3(o.baseline),
      num3(o.candidate),
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
var AS_TEXT = {
  asWritten: false,
  why: "Sections: shown as text, not as markdown."
};
function gateSection(result, userSections = AS_TEXT) {
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
  blocks.push(...sliceBlocks2(result));
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
              num3(c.baseline),
              num3(c.candidate),
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
  blocks.push(...chartBlocks(result.charts, result.baseline?.description ?? null));
  blocks.push(...userSectionBlocks(result.sections ?? [], userSections));
  const counts = /* @__PURE__ */ new Map();
  for (const outcome of result.outcomes) counts.set(outcome.verdict, (counts.get(outcome.verdict) ?? 0) + 1);
  const headline = result.outcomes.length > 0 ? [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(", ") : result.notes[0] ?? result.verdict;
  return { title: "Evaluation gate", status: result.verdict, headline, blocks };
}
function sliceBlocks2(result) {
  const sliced = byVerdict(result.outcomes.filter((o) => o.slice !== null));
  if (sliced.length === 0) return [];
  const blocks = [];
  const shown = sliced.filter((o, i) => i < MAX_SLICE_ROWS || o.verdict !== "pass");
  blocks.push({ kind: "table", table: outcomeTable(shown, true, result) });
  if (shown.length < sliced.length) {
    blocks.push({ kind: "text", text: `${sliced.length - shown.length} more passing slice checks are not listed.` });
  }
  const charted = new Set((result.charts?.slices ?? []).map((bars) => `${bars.metric}/${bars.column}`));
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

export {
  evaluateSection,
  confusionBlock,
  confusionHeatmap,
  gateSection
};
