import type { Block, Chart, Section } from "../report/blocks.ts";
import { formatNumber } from "../report/format.ts";
import { breachLines } from "./rules.ts";
import type { MonitorResult } from "./run.ts";
import type { WindowResult } from "./window.ts";
import { CBPE_ASSUMPTION } from "./cbpe.ts";
import { windowMetricKind } from "../config/window-metrics.ts";
import { windowNotes } from "./window-notes.ts";

/**
 * The monitoring run's report: the verdict and its reasons, each computed window as a table row, and the trend of the
 * monitoring log as Mermaid line charts with the same numbers in a table beside them (the job summary shows both).
 */

const ADJECTIVE = { hour: "hourly", day: "daily", week: "weekly" } as const;

/** Windows the trend shows, newest last. */
export const TREND_WINDOWS = 60;

export function monitorSection(result: MonitorResult, primary: string | null): Section {
  const blocks: Block[] = [];
  const computed = result.windows.length;
  const headline =
    result.shard !== null
      ? `leg ${result.shard.index} of ${result.shard.count}: ${computed} window(s) computed for the merge job`
      : computed === 0
        ? // Rules judge only the windows a run computes: with none, the run judged nothing, which is not a pass.
          `nothing new to judge: no new or newly labelled window (${result.unchanged} unchanged, judged by the run that computed them)`
        : result.verdict === "fail"
          ? `${result.breaches} of ${computed} window(s) broke a rule of severity error${result.warnings > 0 ? `, ${result.warnings} more only rules of severity warn` : ""}`
          : `${computed} window(s) computed, no rule of severity error broken${result.warnings > 0 ? ` (${result.warnings} broke rules of severity warn)` : ""}`;
  blocks.push({
    kind: "text",
    text: `${result.model} at alias ${result.alias} (${result.version}), ${ADJECTIVE[result.window]} windows, run at ${result.now}: ${headline}.`,
  });
  for (const note of result.notes) blocks.push({ kind: "text", text: `Note: ${note}.` });
  const errors = breachLines(result.judgements, "error");
  if (errors.length > 0) blocks.push({ kind: "code", text: errors.join("\n") });
  const warnings = breachLines(result.judgements, "warn");
  if (warnings.length > 0) {
    blocks.push({ kind: "text", text: "Rules of severity warn broken (reported, they do not fail the run):" });
    blocks.push({ kind: "code", text: warnings.join("\n") });
  }
  blocks.push(...skippedBlocks(result));
  const metrics = performanceMetrics(result, primary);
  if (computed > 0) blocks.push(windowsTable(result.windows, result, metrics));
  const notes = result.windows.flatMap((w) => windowNotes(w).map((line) => `${w.window.key}: ${line}`));
  if (notes.length > 0) {
    blocks.push({ kind: "text", text: "What stands behind the windows' figures:" });
    blocks.push({ kind: "code", text: notes.join("\n") });
  }
  const estimated = result.windows.some((w) => w.estimated !== null);
  if (estimated) blocks.push({ kind: "text", text: `Estimated (CBPE): ${CBPE_ASSUMPTION}` });
  blocks.push(...trendBlocks(result.history, metrics[0] ?? null));
  return {
    title: `Monitor: ${result.model}@${result.alias}`,
    status:
      result.verdict === "fail"
        ? "fail"
        : result.verdict === "skipped" || (computed === 0 && result.shard === null)
          ? "skipped"
          : result.warnings > 0
            ? "warn"
            : "pass",
    headline,
    blocks,
  };
}

function skippedBlocks(result: MonitorResult): Block[] {
  const blocks: Block[] = [];
  const { unparseable, future } = result.skippedRows;
  for (const [what, skipped] of [
    ["an unreadable timestamp", unparseable],
    ["a timestamp after the run's time", future],
  ] as const) {
    if (skipped.count === 0) continue;
    blocks.push({
      kind: "details",
      summary: `${skipped.count} row(s) with ${what} were left out`,
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["File", "Row", "Value", "Why"],
            rows: skipped.examples.map((e) => [e.file, String(e.row), e.value, e.reason]),
          },
        },
      ],
    });
  }
  if (unparseable.examples.length > 0 && unparseable.examples.every(millisecondsAsSeconds)) {
    blocks.push({
      kind: "text",
      text: "Those timestamps read as seconds fall after the year 9999 and as milliseconds within it: did you mean monitor.logs.timestamp_unit: milliseconds?",
    });
  }
  if (result.unmatchedLabels.count > 0) {
    blocks.push({
      kind: "text",
      text: `${result.unmatchedLabels.count} label(s) matched no logged prediction (by monitor.labels.id), in ${result.unmatchedLabels.files.slice(0, 5).join(", ")}${result.unmatchedLabels.files.length > 5 ? " ..." : ""}.`,
    });
  }
  return blocks;
}

/**
 * The performance metrics a window can have, for the table's columns: the primary metric and those the monitor's rules
 * judge, realised or estimated. A metric the monitor cannot compute (a custom gate metric such as `holdout_rmse`,
 * which only the evaluate command writes) has no column.
 */
/** Latest instant a timestamp can have (windows.ts): the start of the year 10000, in milliseconds since 1970. */
const END_OF_RANGE_MS = 253_402_300_800_000;

/**
 * An epoch timestamp refused as seconds (the default unit) that milliseconds would read: the unit is declared, never
 * guessed (docs/monitoring.md), so the report asks rather than reads it another way.
 */
function millisecondsAsSeconds(example: { value: string; reason: string }): boolean {
  const value = Number(example.value.trim());
  return example.reason.includes(" seconds since 1970 ") && value >= 0 && value < END_OF_RANGE_MS;
}

function performanceMetrics(result: MonitorResult, primary: string | null): string[] {
  const names = [primary, ...result.judgements.flatMap((j) => j.outcomes.map((o) => o.metric))];
  const metrics: string[] = [];
  for (const name of names) {
    const kind = name === null ? undefined : windowMetricKind(name);
    if (kind && kind.kind !== "measure" && !metrics.includes(kind.metric)) metrics.push(kind.metric);
  }
  return metrics;
}

function windowsTable(windows: readonly WindowResult[], result: MonitorResult, metrics: readonly string[]): Block {
  const verdicts = new Map(result.judgements.map((j) => [j.window, j.verdict]));
  const estimate = (w: WindowResult, metric: string): string => {
    const e = w.estimated?.estimates.find((x) => x.metric === metric);
    return e ? `${formatNumber(e.estimate)} [${formatNumber(e.interval.low)}, ${formatNumber(e.interval.high)}]` : "–";
  };
  const figure = (w: WindowResult, name: string): string => {
    const value = w.metrics[name];
    return value === undefined ? "–" : formatNumber(value);
  };
  // Realised values need labels (monitor.labels); estimates need a classifier's scores (CBPE): a column neither can
  // ever fill is left out.
  const realised = windows.some((w) => w.labels !== null);
  const level = windows.find((w) => w.estimated)?.estimated?.estimates[0]?.interval.level ?? 0.95;
  const estimated = (metric: string): boolean =>
    windows.some((w) => w.estimated?.estimates.some((e) => e.metric === metric));
  const headers = ["Window", "Rows", "Quality errors", "Drift share", "Prediction drift", "Latency p95", "Labels"];
  const cells: ((w: WindowResult) => string)[] = [];
  for (const metric of metrics) {
    if (realised) {
      headers.push(`${metric} (realised)`);
      cells.push((w) =>
        w.labels && !w.labels.complete && w.metrics[metric] !== undefined
          ? `${figure(w, metric)} (so far)`
          : figure(w, metric),
      );
    }
    if (estimated(metric)) {
      headers.push(`${metric} (estimated, ${Math.round(100 * level)}%)`);
      cells.push((w) => estimate(w, metric));
    }
  }
  headers.push("Verdict");
  return {
    kind: "table",
    table: {
      headers,
      rows: windows.map((w) => {
        // Labelled: rows whose label joined and which the realised metrics could use.
        const labels = w.labels
          ? `${w.labels.joined - w.labels.unusable}/${w.rows}${w.labels.complete ? "" : " (incomplete)"}`
          : "–";
        return [
          w.window.key,
          String(w.rows),
          figure(w, "quality_errors"),
          figure(w, "drift_share"),
          figure(w, "prediction_drift"),
          figure(w, "latency_p95"),
          labels,
          ...cells.map((cell) => cell(w)),
          verdicts.get(w.window.key) ?? (result.shard ? "merge judges" : "no rules"),
        ];
      }),
      align: ["left", ...headers.slice(1, -1).map(() => "right" as const), "left"],
    },
  };
}

/** `mlops monitor history`: the monitoring log's trend, as the run's report shows it. */
export function historySection(
  model: string,
  alias: string,
  history: MonitorResult["history"],
  primary: string | null,
  last = TREND_WINDOWS,
): Section {
  const shown = history.slice(-last);
  const first = shown[0]?.key;
  const headline =
    shown.length === 0
      ? "no window has been monitored yet"
      : `${shown.length} window(s), ${first ?? ""} to ${shown.at(-1)?.key ?? ""}`;
  const versions = [...new Set(shown.map((w) => w.version))];
  return {
    title: `Monitoring history: ${model}@${alias}`,
    status: "ok",
    headline,
    blocks: [
      {
        kind: "text",
        text: `${headline}${versions.length > 0 ? `; version(s) monitored: ${versions.join(", ")}` : ""}.`,
      },
      ...trendBlocks(shown, primary, 1),
    ],
  };
}

function trendBlocks(history: MonitorResult["history"], preferred: string | null, fewest = 2): Block[] {
  const trend = history.slice(-TREND_WINDOWS);
  if (trend.length < fewest) return [];
  const labels = trend.map((w) => w.key);
  const series = (name: string): number[] => trend.map((w) => w.metrics[name] ?? Number.NaN);
  const charts: Chart[] = [
    {
      title: "Rows per window",
      caption: "Predictions logged per window.",
      labels,
      bars: series("rows"),
      line: null,
      range: null,
    },
  ];
  const drift = series("drift_share");
  if (drift.some(Number.isFinite)) {
    charts.push({
      title: "Feature drift",
      caption:
        "Share of the features that drifted from the training data (orange) and of the prediction columns (blue); a window without the figure is drawn at 0.",
      labels,
      bars: [],
      line: drift.map(zeroIfMissing),
      lines: [{ values: series("prediction_drift").map(zeroIfMissing), colour: "blue", name: "prediction drift" }],
      names: { line: "feature drift share" },
      range: [0, 1],
    });
  }
  const primary = trendMetric(preferred, trend);
  const hasEstimate = primary !== null && series(`estimated_${primary}`).some(Number.isFinite);
  if (primary) {
    const realised = series(primary);
    const estimated = series(`estimated_${primary}`);
    if (realised.some(Number.isFinite) || hasEstimate) {
      charts.push({
        title: primary,
        caption: hasEstimate
          ? `${primary} realised once labels joined (orange) and estimated by CBPE (blue); a missing value is drawn at the other's.`
          : `${primary} realised once labels joined; a window without it is drawn at 0.`,
        labels,
        bars: [],
        line: realised.map((v, i) => (Number.isFinite(v) ? v : (estimated[i] ?? Number.NaN))).map(zeroIfMissing),
        lines: hasEstimate
          ? [
              {
                values: estimated.map((v, i) => (Number.isFinite(v) ? v : (realised[i] ?? 0))).map(zeroIfMissing),
                colour: "blue",
                name: "estimated",
              },
            ]
          : [],
        names: { line: "realised" },
        range: null,
      });
    }
  }
  const table: Block = {
    kind: "details",
    summary: `The trend, window by window (last ${trend.length})`,
    blocks: [
      {
        kind: "table",
        table: {
          headers: [
            "Window",
            "Rows",
            "Drift share",
            "Prediction drift",
            ...(primary ? [primary] : []),
            ...(hasEstimate ? [`estimated_${primary}`] : []),
            "Labels complete",
          ],
          rows: trend.map((w) => [
            w.key,
            String(w.rows),
            show(w.metrics.drift_share),
            show(w.metrics.prediction_drift),
            ...(primary
              ? [
                  // A realised value of a window whose labels are still arriving is a value so far, never final.
                  w.complete === false && w.metrics[primary] !== undefined
                    ? `${show(w.metrics[primary])} (so far)`
                    : show(w.metrics[primary]),
                ]
              : []),
            ...(hasEstimate ? [show(w.metrics[`estimated_${primary}`])] : []),
            w.complete === null ? "–" : w.complete ? "yes" : "no",
          ]),
        },
      },
    ],
  };
  // Each chart has its title and the table its summary: no heading line of its own, which terminal text (where charts
  // are left out) would print straight above the table's.
  return [...charts.map((chart): Block => ({ kind: "chart", chart })), table];
}

/**
 * The performance metric the trend follows: `preferred` (the primary metric) when windows can have it, else the first
 * realised or estimated metric the windows hold (a custom gate metric such as `holdout_rmse` is never in a window).
 */
function trendMetric(preferred: string | null, trend: MonitorResult["history"]): string | null {
  const kind = preferred === null ? undefined : windowMetricKind(preferred);
  if (kind && kind.kind !== "measure") return kind.metric;
  for (const window of trend) {
    for (const name of Object.keys(window.metrics)) {
      const found = windowMetricKind(name);
      if (found && found.kind !== "measure") return found.metric;
    }
  }
  return null;
}

function zeroIfMissing(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function show(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "–" : formatNumber(value);
}
