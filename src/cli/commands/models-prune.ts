import { ExitCode, UsageError } from "../../errors.ts";
import { formatBytes } from "../../report/format.ts";
import type { PruneReport } from "../../registry/registry.ts";
import { renderTextTable } from "../../report/text-table.ts";
import type { CommandOutcome } from "../command.ts";

/** `models prune`'s door: its --keep, and its report in words (`mlops models prune --keep 5 [--apply]`). */

/** --keep as a whole number of at least 1; there is no default, so a prune never deletes more than was asked. */
export function keepOf(value: string | boolean | (string | boolean)[] | undefined): number {
  if (value === undefined) {
    throw new UsageError("models prune needs --keep N: how many of the newest versions to keep (at least 1)", {
      hint: "mlops models prune --keep 10 shows what it would delete; add --apply to delete it",
    });
  }
  const keep = Number(value);
  if (typeof value !== "string" || !/^\d+$/.test(value) || !Number.isSafeInteger(keep) || keep < 1) {
    throw new UsageError(`--keep is a whole number of at least 1, not "${String(value)}"`, {
      hint: "mlops models prune --keep 10",
    });
  }
  return keep;
}

export function describePrune(report: PruneReport, width?: number): CommandOutcome {
  const { pruned, kept, debris, failed } = report;
  const rows = [
    ...kept.map((v) => ({ ...v, action: "keep", why: v.reasons.join("; ") })),
    ...pruned.map((v) => ({
      ...v,
      action: report.applied ? "deleted" : "delete",
      why: `${v.objects.length} object(s)`,
    })),
  ].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.version.localeCompare(b.version));
  const table = {
    headers: ["", "#", "version", "created", "size", "why"],
    rows: rows.map((r) => [
      r.action,
      r.sequence === null ? "—" : String(r.sequence),
      r.version,
      r.createdAt ?? "—",
      r.bytes === null ? "—" : formatBytes(r.bytes),
      r.why,
    ]),
  };
  const bytes = pruned.reduce((total, v) => total + v.bytes, 0);
  const objects = pruned.reduce((total, v) => total + v.objects.length, 0);
  const leftovers = debris.reduce((total, d) => total + d.keys.length, 0);
  const lines = [
    `${report.model} in ${report.location}: keeping the last ${report.keep} version(s), every version an alias points ` +
      "or ever pointed at, and every version created less than a day ago.",
    ...(rows.length > 0 ? [renderTextTable(table, width)] : []),
    ...debris.map(
      (d) =>
        `${report.applied ? "deleted" : "delete"} ${d.version}: ${d.keys.length} object(s) without a manifest, ` +
        "left by a publish (or prune) interrupted more than a day ago",
    ),
    ...report.restored.map((v) => `kept ${v}: an alias moved to it while prune ran, so its manifest was put back`),
    ...failed.map((f) => `failed: ${f.key}: ${f.problem}`),
  ];
  const what =
    `${pruned.length} version(s) (${formatBytes(bytes)}, ${objects} object(s))` +
    (debris.length > 0 ? ` and ${debris.length} interrupted publish(es) (${leftovers} object(s))` : "");
  if (!report.applied) {
    lines.push(
      pruned.length === 0 && debris.length === 0
        ? "Nothing to prune."
        : `Dry run: would delete ${what}. Run again with --apply to delete them.`,
    );
  } else if (pruned.length === 0 && debris.length === 0 && failed.length === 0) lines.push("Nothing to prune.");
  else {
    lines.push(
      `Deleted ${what}${failed.length > 0 ? `; ${failed.length} could not be deleted (failed: above)` : ""}.` +
        (report.record ? ` Recorded in ${report.record}.` : ""),
    );
  }
  return { exitCode: failed.length > 0 ? ExitCode.checkFailed : ExitCode.ok, result: report, text: lines.join("\n") };
}
