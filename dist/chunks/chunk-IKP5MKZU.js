import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  formatShort
} from "./chunk-XCPY3VZS.js";
import {
  HLL_STANDARD_ERROR,
  KLL_RANK_ERROR
} from "./chunk-VZY6JDFA.js";

// src/data/report.ts
var show = (value) => value === null || value === void 0 ? "\u2014" : typeof value === "number" ? formatShort(value) : value;
function validateSection(result, options = {}) {
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
  for (const comparison of comparisons) blocks.push(...driftBlocks(comparison, options.everyDriftedColumn === true));
  for (const dataset of result.datasets) {
    blocks.push({
      kind: "details",
      summary: `Profile of ${dataset.name} (${dataset.columns.length} columns)`,
      // A wide table per dataset: in the terminal, only when asked for (the profile JSON and `mlops profile` hold it).
      terminal: "verbose",
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
function driftBlocks(drift, everyDrifted) {
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
  const drifted = everyDrifted ? drift.columns.filter((c) => c.drifted && c.bins.length > 1) : [];
  if (drifted.length > 0) {
    for (const column of drifted) {
      blocks.push({ kind: "chart", chart: chartOf(column, drift) });
      blocks.push({
        kind: "details",
        summary: `${comparisonName(drift)}: ${column.column} (${column.method} ${formatShort(column.value)}, drifted when ${column.driftWhen === "below" ? "<" : "\u2265"} ${formatShort(column.threshold)}): the numbers`,
        blocks: [binsTable(column)]
      });
    }
  } else {
    const chart = mostDrifted(drift.columns);
    if (chart && chart.bins.length > 1) {
      blocks.push({ kind: "chart", chart: chartOf(chart, drift) });
      blocks.push(binsTable(chart));
    }
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
function binsTable(column) {
  return {
    kind: "table",
    table: {
      headers: [column.kind === "numeric" ? `${column.column} (bin)` : column.column, "reference %", "current %"],
      rows: column.bins.map((b) => [b.label, (b.reference * 100).toFixed(1), (b.current * 100).toFixed(1)]),
      align: ["left", "right", "right"]
    }
  };
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
  const percent = (share) => Number((share * 100).toFixed(1));
  const top = Math.max(...column.bins.flatMap((b) => [b.reference, b.current])) * 100;
  return {
    title: `${comparisonName(drift)}: ${column.column}, share of rows in percent`,
    caption: `${column.column}: ${drift.dataset} as bars, ${drift.reference} as a line (share of rows, %).`,
    // Mermaid labels keep letters and digits only: say "below" and "from" rather than the table's < and ≥.
    labels: column.bins.map((b) => b.label.replace(/^< /, "below ").replace(/^≥ /, "from ")),
    bars: column.bins.map((b) => percent(b.current)),
    line: column.bins.map((b) => percent(b.reference)),
    names: { bars: drift.dataset, line: drift.reference },
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

export {
  validateSection,
  profileSection
};
