import { formatNumber } from "../report/format.ts";
import type { Block, Section } from "../report/sections.ts";
import type { Comparison, Interval } from "./compare.ts";

/** A comparison as a report section (terminal text or markdown) and as CSV. */

export function comparisonSection(comparison: Comparison, title = "Comparison"): Section {
  const { runs, params, metrics, pairings, bootstrap } = comparison;
  const others = runs.slice(1);
  const level = `${Math.round(bootstrap.level * 100)}%`;
  const unavailable = new Map<string, string>();
  const blocks: Block[] = [
    {
      kind: "text",
      text: [
        `${runs.length} runs; each delta is the run minus ${runs[0]?.ref ?? "the first"}:`,
        ...runs.map(
          (run, i) => `  ${i + 1}. ${run.ref}: ${run.label}${run.commit ? `, commit ${run.commit.slice(0, 7)}` : ""}`,
        ),
      ].join("\n"),
    },
    {
      kind: "table",
      table: {
        headers: [
          "metric",
          ...runs.map((run) => run.ref),
          ...others.flatMap((run) => [`Δ ${run.ref}`, `${level} interval`]),
        ],
        rows: metrics.map((row) => [
          `${row.name}${row.direction ? ` (${row.direction === "higher" ? "↑" : "↓"})` : ""}`,
          ...row.values.map((value) => (value === null ? "—" : formatNumber(value))),
          ...others.flatMap((_, k) => {
            const i = k + 1;
            const delta = row.deltas[i] ?? null;
            const better = row.better[i] ?? null;
            const interval = row.intervals[i] ?? null;
            if (interval && "unavailable" in interval) unavailable.set(row.name, interval.unavailable);
            return [
              delta === null ? "—" : `${signed(delta)}${better === null ? "" : better ? " better" : " worse"}`,
              describeInterval(interval, pairings.find((p) => p.run === i)?.paired ?? false, delta !== null),
            ];
          }),
        ]),
        align: [
          "left",
          ...runs.map(() => "right" as const),
          ...others.flatMap(() => ["right" as const, "left" as const]),
        ],
      },
    },
    {
      kind: "text",
      text: [
        ...pairings.map((p) => {
          const run = runs[p.run]?.ref ?? "";
          return p.paired
            ? `${run} and ${runs[0]?.ref ?? ""} are ${p.detail}: intervals from ${bootstrap.resamples} paired bootstrap resamples (seed ${bootstrap.seed}), as the gate computes them.`
            : `${run} and ${runs[0]?.ref ?? ""} are not paired, so there is no interval: ${p.detail}.`;
        }),
        ...[...unavailable].map(([metric, reason]) => `No interval for ${metric}: ${reason}.`),
      ].join("\n"),
    },
  ];
  if (params.length > 0) {
    const differ = params.filter((p) => p.differs).length;
    blocks.push(
      { kind: "text", text: `Params (${differ} of ${params.length} differ, marked *):` },
      {
        kind: "table",
        table: {
          headers: ["param", ...runs.map((run) => run.ref)],
          rows: params.map((row) => [
            `${row.differs ? "* " : ""}${row.name}`,
            ...row.values.map((value) => value ?? "—"),
          ]),
        },
      },
    );
  }
  const worse = metrics.filter((row) => row.better.some((b) => b === false)).length;
  return {
    title,
    status: "ok",
    headline: `${runs.map((r) => r.ref).join(" vs ")}: ${metrics.length} metric(s), ${worse} worse in some run`,
    blocks,
  };
}

function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function describeInterval(interval: Interval | null, paired: boolean, hasDelta: boolean): string {
  if (!hasDelta) return "—";
  if (!paired) return "not paired";
  if (!interval) return "—";
  if ("unavailable" in interval) return "n/a";
  return `[${signed(interval.low)}, ${signed(interval.high)}]`;
}

/**
 * One row per value, long form (what a spreadsheet or `pandas.read_csv` takes without reshaping): `kind` is metric or
 * param; delta and interval are against the first run.
 */
export function comparisonCsv(comparison: Comparison): string {
  const header = ["kind", "name", "run", "label", "value", "delta", "interval_low", "interval_high", "paired"];
  const lines = [header.join(",")];
  const { runs } = comparison;
  for (const row of comparison.metrics) {
    runs.forEach((run, i) => {
      const value = row.values[i] ?? null;
      const delta = row.deltas[i] ?? null;
      const interval = row.intervals[i] ?? null;
      const bounds = interval && !("unavailable" in interval) ? interval : null;
      const paired = i === 0 ? "" : String(comparison.pairings.find((p) => p.run === i)?.paired ?? false);
      lines.push(
        csvLine([
          "metric",
          row.name,
          run.ref,
          run.label,
          value === null ? "" : String(value),
          delta === null ? "" : String(delta),
          bounds ? String(bounds.low) : "",
          bounds ? String(bounds.high) : "",
          paired,
        ]),
      );
    });
  }
  for (const row of comparison.params) {
    runs.forEach((run, i) => {
      lines.push(csvLine(["param", row.name, run.ref, run.label, row.values[i] ?? "", "", "", "", ""]));
    });
  }
  return lines.join("\n");
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",");
}
