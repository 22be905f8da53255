import type { Block, Chart, Section, Status } from "../report/blocks.ts";
import type { ColumnDrift, DriftResult } from "./drift/drift.ts";
import { formatShort } from "./drift/format.ts";
import { HLL_STANDARD_ERROR } from "./sketch/hll.ts";
import { KLL_RANK_ERROR } from "./sketch/kll.ts";
import type { DatasetProfile } from "./profile.ts";
import type { ColumnReport, ValidateResult } from "./validate.ts";

/**
 * The validate stage's report (job summary, PR comment, terminal): the broken rules; the drift comparisons (training
 * data and evaluation data against the reference, evaluation against training data), each with its dataset-level
 * rule and a table giving every column's method, unit, threshold, direction, verdict and what it was computed from;
 * a chart of each comparison's most drifted column with its table beside it; and per-column profiles with their
 * error bounds.
 */

const show = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? "—" : typeof value === "number" ? formatShort(value) : value;

interface ValidateSectionOptions {
  /**
   * A histogram of every drifted column of every comparison (the HTML report), each with its numbers in a collapsed
   * table beside it, instead of one chart of each comparison's most drifted column: a PR comment has no room for more.
   */
  everyDriftedColumn?: boolean;
}

export function validateSection(result: ValidateResult, options: ValidateSectionOptions = {}): Section {
  const status: Status =
    result.verdict === "skipped" ? "skipped" : result.errors > 0 ? "fail" : result.warnings > 0 ? "warn" : "pass";
  if (result.verdict === "skipped") {
    return {
      title: "Data validation",
      status,
      headline: "no data section",
      blocks: [{ kind: "text", text: "No data section in the config." }],
    };
  }
  const blocks: Block[] = [
    {
      kind: "text",
      text:
        result.datasets.map((d) => `${d.name}: ${d.rows} rows from ${d.files.join(", ")}`).join("; ") +
        `. ${result.errors} error(s), ${result.warnings} warning(s).`,
    },
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
          f.rows.join(", "),
        ]),
        align: ["left", "left", "left", "left", "left", "left", "right", "left"],
      },
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
              "top values",
            ],
            rows: dataset.columns.map(profileRow),
            align: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "left"],
          },
        },
        {
          kind: "text",
          text: `Quantiles (p50) come from a KLL sketch: exact up to 1,024 values, else within ±${KLL_RANK_ERROR * 100}% of rank (99% confidence). Distinct counts are exact up to 2,048 values, else a HyperLogLog estimate (±${(HLL_STANDARD_ERROR * 100).toFixed(2)}%, one standard error, marked ≈). std is the sample standard deviation (n - 1).`,
        },
      ],
    });
  }
  const rows = result.datasets.map((d) => `${d.rows} ${d.name}`).join(" + ");
  const drifted = comparisons.map((c) => `${comparisonName(c)} ${c.drifted}/${c.columns.length}`).join(", ");
  const drift = drifted ? `, drifted columns: ${drifted}` : result.driftNote ? ", no drift reference yet" : "";
  return {
    title: "Data validation",
    status,
    headline: `${rows} rows, ${result.errors} error(s), ${result.warnings} warning(s)${drift}`,
    blocks,
  };
}

/** The comparisons that were made, in the order the report shows them. */
function comparisonsOf(result: ValidateResult): DriftResult[] {
  return [result.drift, result.evalDrift, result.skew].filter((c): c is DriftResult => c !== null);
}

/** "train", "eval", or "eval vs train" for skew. */
function comparisonName(comparison: DriftResult): string {
  return comparison.comparison === "skew" ? `${comparison.dataset} vs train` : comparison.dataset;
}

/** One row per comparison: its dataset-level rule with method, unit, threshold, direction and verdict. */
function comparisonsTable(comparisons: DriftResult[]): Block {
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
        `≥ ${c.maxDriftedShare}`,
        c.datasetDrift ? "drifted" : "stable",
        c.severity,
      ]),
      align: ["left", "left", "left", "right", "left", "right", "left", "left", "left"],
    },
  };
}

function profileRow(c: ColumnReport): string[] {
  const median = c.quantiles.find((q) => q.q === 0.5)?.value ?? null;
  const distinct = c.distinct === null ? "—" : `${c.distinct.exact ? "" : "≈"}${c.distinct.value}`;
  const top = c.top
    .slice(0, 3)
    .map((t) => `${t.value.length > 20 ? `${t.value.slice(0, 17)}...` : t.value} (${t.count})`)
    .join(", ");
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
    top,
  ];
}

function driftBlocks(drift: DriftResult, everyDrifted: boolean): Block[] {
  const blocks: Block[] = [];
  const verdict = drift.datasetDrift
    ? `the dataset drifted (share ≥ ${drift.maxDriftedShare}; severity ${drift.severity})`
    : `the dataset did not drift (it would at a share ≥ ${drift.maxDriftedShare})`;
  const what = drift.comparison === "skew" ? `Skew of ${drift.dataset}` : `Drift of ${drift.dataset}`;
  blocks.push({
    kind: "text",
    text: `${what} against ${drift.reference}: ${drift.drifted} of ${drift.columns.length} columns drifted (share ${drift.share.toFixed(2)}), so ${verdict}.`,
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
          "notes",
        ],
        rows: drift.columns.map((c) => [
          c.column,
          `${c.method}${c.chosenBy === "auto" ? " (auto)" : ""}`,
          formatShort(c.value),
          c.measure,
          c.unit,
          formatShort(c.threshold),
          `${c.driftWhen === "below" ? "<" : "≥"} ${formatShort(c.threshold)}`,
          c.drifted ? "drifted" : "stable",
          sourcesOf(c),
          [c.approximation, ...c.warnings].filter(Boolean).join("; "),
        ]),
        align: ["left", "left", "right", "left", "left", "right", "left", "left", "left", "left"],
      },
    });
  }
  const drifted = everyDrifted ? drift.columns.filter((c) => c.drifted && c.bins.length > 1) : [];
  if (drifted.length > 0) {
    // Numbers from the drift result's bins (at most 12 per column): nothing here grows with the rows.
    for (const column of drifted) {
      blocks.push({ kind: "chart", chart: chartOf(column, drift) });
      blocks.push({
        kind: "details",
        summary: `${comparisonName(drift)}: ${column.column} (${column.method} ${formatShort(column.value)}, drifted when ${column.driftWhen === "below" ? "<" : "≥"} ${formatShort(column.threshold)}): the numbers`,
        blocks: [binsTable(column)],
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
        { kind: "table", table: { headers: ["column", "why"], rows: drift.skipped.map((s) => [s.column, s.reason]) } },
      ],
    });
  }
  return blocks;
}

function binsTable(column: ColumnDrift): Block {
  return {
    kind: "table",
    table: {
      headers: [column.kind === "numeric" ? `${column.column} (bin)` : column.column, "reference %", "current %"],
      rows: column.bins.map((b) => [b.label, (b.reference * 100).toFixed(1), (b.current * 100).toFixed(1)]),
      align: ["left", "right", "right"],
    },
  };
}

/** What the two sides were computed from: "values" when both were exact, else each side in words. */
function sourcesOf(column: ColumnDrift): string {
  const { reference, current } = column.sources;
  return reference === current ? reference : `reference: ${reference}, current: ${current}`;
}

/** The drifted column whose number is furthest past its threshold (else the closest to it). */
function mostDrifted(columns: ColumnDrift[]): ColumnDrift | undefined {
  const score = (c: ColumnDrift): number =>
    c.driftWhen === "below" ? c.threshold / Math.max(c.value, 1e-300) : c.value / c.threshold;
  return [...columns].sort((a, b) => score(b) - score(a))[0];
}

/** Current shares as bars, the reference as a line (GitHub renders it as Mermaid; the table beside it says the same). */
function chartOf(column: ColumnDrift, drift: DriftResult): Chart {
  const percent = (share: number): number => Number((share * 100).toFixed(1));
  const top = Math.max(...column.bins.flatMap((b) => [b.reference, b.current])) * 100;
  return {
    title: `${comparisonName(drift)}: ${column.column}, share of rows in percent`,
    caption: `${column.column}: ${drift.dataset} as bars, ${drift.reference} as a line (share of rows, %).`,
    // Mermaid labels keep letters and digits only: say "below" and "from" rather than the table's < and ≥.
    labels: column.bins.map((b) => b.label.replace(/^< /, "below ").replace(/^≥ /, "from ")),
    bars: column.bins.map((b) => percent(b.current)),
    line: column.bins.map((b) => percent(b.reference)),
    names: { bars: drift.dataset, line: drift.reference },
    range: [0, Math.ceil(top)],
  };
}

/** What `mlops profile` prints: the dataset's size and its columns' profile. */
export function profileSection(profile: DatasetProfile, file: string): Section {
  const columns = profile.columns.map((c) => ({ name: c.name, type: c.type, declared: c.declared, ...c.summary }));
  return {
    title: `Profile of ${profile.dataset}`,
    status: "ok",
    headline: `${profile.rows} rows, ${profile.columns.length} columns`,
    blocks: [
      {
        kind: "text",
        text: `${profile.rows} rows from ${profile.files.length} file(s)${profile.parts > 1 ? ` (${profile.parts} parts merged)` : ""}, written to ${file}.`,
      },
      ...profile.notes.map((note): Block => ({ kind: "text", text: `Note: ${note}.` })),
      {
        kind: "table",
        table: {
          headers: ["column", "type", "values", "nulls", "distinct", "min", "p50", "max", "mean", "std", "top values"],
          rows: columns.map(profileRow),
          align: ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "left"],
        },
      },
    ],
  };
}
