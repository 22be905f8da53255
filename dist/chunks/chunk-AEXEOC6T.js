import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  perClassMetric
} from "./chunk-GDLHBLAJ.js";

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

// src/gate/section.ts
var MAX_SLICE_ROWS = 300;
var MAX_CHART_BARS = 20;
var VERDICT_ORDER = { error: 0, fail: 1, warn: 2, skipped: 3, pass: 4 };
var num2 = (value) => value === null || value === void 0 ? "\u2014" : formatNumber(value);
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
      num2(o.baseline),
      num2(o.candidate),
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
              num2(c.baseline),
              num2(c.candidate),
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

export {
  evaluateSection,
  gateSection
};
