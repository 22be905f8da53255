import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  builtinMetric
} from "./chunk-TFWDSRPY.js";
import {
  HLL_STANDARD_ERROR,
  KLL_RANK_ERROR
} from "./chunk-XDWG76T6.js";

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
var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
var DOLLAR = "<span>&#36;</span>";
var MAX_CELL = 300;
function plainText(text) {
  return text.replace(BIDI_CONTROLS, "");
}
function escapeMarkdown(text) {
  return plainText(text).replace(/[\r\n]+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_[\]~|])/g, "\\$1").replace(/([@#])/g, `$1${ZWSP}`).replace(/^(\s*)([-+=])(?=\s|$)/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2").replace(/\$/g, DOLLAR);
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

// src/data/drift/format.ts
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
  const comparisons = comparisonsOf(result);
  if (comparisons.length > 0) blocks.push(comparisonsTable(comparisons));
  for (const comparison of comparisons) blocks.push(...driftBlocks(comparison));
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
  const drifted = comparisons.map((c) => `${comparisonName(c)} ${c.drifted}/${c.columns.length}`).join(", ");
  const drift = drifted ? `, drifted columns: ${drifted}` : result.driftNote ? ", no drift reference yet" : "";
  return {
    title: "Data validation",
    status,
    headline: `${rows} rows, ${result.errors} error(s), ${result.warnings} warning(s)${drift}`,
    blocks
  };
}
function comparisonsOf(result) {
  return [result.drift, result.evalDrift, result.skew].filter((c) => c !== null);
}
function comparisonName(comparison) {
  return comparison.comparison === "skew" ? `${comparison.dataset} vs train` : comparison.dataset;
}
function comparisonsTable(comparisons) {
  return {
    kind: "table",
    table: {
      headers: ["comparison", "against", "method", "value", "unit", "threshold", "drifted when", "verdict", "severity"],
      rows: comparisons.map((c) => [
        c.comparison === "skew" ? `skew: ${c.dataset}` : `drift: ${c.dataset}`,
        c.reference,
        "share of compared columns that drifted",
        `${c.share.toFixed(2)} (${c.drifted} of ${c.columns.length})`,
        "share of columns",
        String(c.maxDriftedShare),
        `\u2265 ${c.maxDriftedShare}`,
        c.datasetDrift ? "drifted" : "stable",
        c.severity
      ]),
      align: ["left", "left", "left", "right", "left", "right", "left", "left", "left"]
    }
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
  const what = drift.comparison === "skew" ? `Skew of ${drift.dataset}` : `Drift of ${drift.dataset}`;
  blocks.push({
    kind: "text",
    text: `${what} against ${drift.reference}: ${drift.drifted} of ${drift.columns.length} columns drifted (share ${drift.share.toFixed(2)}), so ${verdict}.`
  });
  if (drift.columns.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: [
          "column",
          "method",
          "value",
          "measure",
          "unit",
          "threshold",
          "drift when",
          "verdict",
          "from",
          "notes"
        ],
        rows: drift.columns.map((c) => [
          c.column,
          `${c.method}${c.chosenBy === "auto" ? " (auto)" : ""}`,
          formatShort(c.value),
          c.measure,
          c.unit,
          formatShort(c.threshold),
          `${c.driftWhen === "below" ? "<" : "\u2265"} ${formatShort(c.threshold)}`,
          c.drifted ? "drifted" : "stable",
          sourcesOf(c),
          [c.approximation, ...c.warnings].filter(Boolean).join("; ")
        ]),
        align: ["left", "left", "right", "left", "left", "right", "left", "left", "left", "left"]
      }
    });
  }
  const chart = mostDrifted(drift.columns);
  if (chart && chart.bins.length > 1) {
    blocks.push({ kind: "chart", chart: chartOf(chart, drift) });
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
      summary: `Columns without a ${drift.comparison} check (${drift.skipped.length})`,
      blocks: [
        { kind: "table", table: { headers: ["column", "why"], rows: drift.skipped.map((s) => [s.column, s.reason]) } }
      ]
    });
  }
  return blocks;
}
function sourcesOf(column) {
  const { reference, current } = column.sources;
  return reference === current ? reference : `reference: ${reference}, current: ${current}`;
}
function mostDrifted(columns) {
  const score = (c) => c.driftWhen === "below" ? c.threshold / Math.max(c.value, 1e-300) : c.value / c.threshold;
  return [...columns].sort((a, b) => score(b) - score(a))[0];
}
function chartOf(column, drift) {
  const percent2 = (share) => Number((share * 100).toFixed(1));
  const top = Math.max(...column.bins.flatMap((b) => [b.reference, b.current])) * 100;
  return {
    title: `${comparisonName(drift)}: ${column.column}, share of rows in percent`,
    caption: `${column.column}: ${drift.dataset} as bars, ${drift.reference} as a line (share of rows, %).`,
    // Mermaid labels keep letters and digits only: say "below" and "from" rather than the table's < and ≥.
    labels: column.bins.map((b) => b.label.replace(/^< /, "below ").replace(/^≥ /, "from ")),
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
${plainText(block.text)}
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
      ...result.builtFrom ? [{ kind: "text", text: `Built from ${result.builtFrom}.` }] : [],
      { kind: "text", text: `${result.promotion[0]?.toUpperCase() ?? ""}${result.promotion.slice(1)}.` }
    ]
  };
}

export {
  formatShort,
  pct,
  directionOf,
  evaluateRules,
  formatNumber,
  gateSection,
  plainText,
  clip,
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
  publishSection
};
