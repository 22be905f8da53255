import type { ColumnDrift } from "../data/drift/types.ts";
import { formatNumber } from "../report/format.ts";
import type { WindowResult } from "./window.ts";

/**
 * What stands behind a window's figures, in words, for the run's report: which features drifted (score, threshold,
 * measure), which data.schema rules broke and on which rows, the label problems that change what the realised metrics
 * mean (duplicate labels, label rows with no id or label, request ids logged twice, labels left out as unusable), and
 * the window's own warnings. The JSON result holds the same figures; the terminal and the job summary show these lines.
 */

/** Example rows named per finding. */
const EXAMPLES = 3;

/** The lines about one window, empty when there is nothing beyond its table row to say. */
export function windowNotes(window: WindowResult): string[] {
  const lines: string[] = [];
  const drifted = window.drift?.columns.filter((c) => c.drifted) ?? [];
  if (window.drift && drifted.length > 0) {
    lines.push(`features that drifted (${drifted.length} of ${window.drift.columns.length}): ${driftScores(drifted)}`);
  }
  const predictions = window.predictionDrift?.columns.filter((c) => c.drifted) ?? [];
  if (window.predictionDrift && predictions.length > 0) {
    lines.push(
      `prediction columns that drifted from the version's evaluation predictions: ${driftScores(predictions)}`,
    );
  }
  for (const finding of window.quality.findings) {
    const examples = finding.examples.slice(0, EXAMPLES).map((e) => (e.id === null ? `row ${e.row}` : `id ${e.id}`));
    // A window read from one log file names it: its rows are all there.
    const file = window.sources.length === 1 ? ` in ${window.sources[0]?.shown ?? ""}` : "";
    lines.push(
      `quality ${finding.severity === "error" ? "error" : "warning"}: ${finding.column ?? "rows"} ${finding.rule}: ${finding.message} (${finding.count} row(s), first value "${finding.observed}"${examples.length > 0 ? `; e.g. ${examples.join(", ")} of the window${file}` : ""})`,
    );
  }
  const labels = window.labels;
  if (labels && labels.duplicates > 0)
    lines.push(`${labels.duplicates} label row(s) repeat an id already labelled: the first label stands`);
  if (labels && labels.empty > 0)
    lines.push(
      `${labels.empty} label row(s) with an empty id or label in the label files read for the window, not joined`,
    );
  if (window.duplicateIds !== null && window.duplicateIds > 0) {
    lines.push(
      `${window.duplicateIds} row(s) repeat a request id logged earlier in the window: an id's label joins every row of it${labels ? ", so the realised metrics count it more than once" : ""}`,
    );
  }
  lines.push(...window.warnings);
  return lines;
}

/** `sqft 0.23, age 0.4 (drift at or above the threshold 0.1): Wasserstein distance ...`, each measure named once. */
function driftScores(columns: readonly ColumnDrift[]): string {
  const byMeasure = new Map<string, ColumnDrift[]>();
  for (const column of columns) byMeasure.set(column.measure, [...(byMeasure.get(column.measure) ?? []), column]);
  return [...byMeasure]
    .map(
      ([measure, group]) =>
        `${group.map((c) => `${c.column} ${formatNumber(c.value)} (drift ${c.driftWhen} ${formatNumber(c.threshold)})`).join(", ")}: ${measure}`,
    )
    .join("; ");
}
