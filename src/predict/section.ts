import type { Block, Section } from "../report/blocks.ts";
import type { KeyedScoringRecord } from "../registry/registry.ts";
import type { PredictResult } from "./predict.ts";

/** The batch-scoring report: which version scored which input, where the predictions went, and what failed. */

export function predictSection(result: PredictResult): Section {
  const leg = result.shard ? ` (leg ${result.shard.index}/${result.shard.count})` : "";
  const rows: string[][] = [
    ["Version", `${result.version}${result.alias ? ` (${result.alias})` : ""}`],
    ["Input", `${result.input.files} file(s), fingerprint ${result.input.fingerprint}`],
    ["Output", result.location],
    ["State", STATE_TEXT[result.state]],
  ];
  if (result.rows !== null) rows.push(["Rows", String(result.rows)]);
  if (result.record !== null) rows.push(["Record", result.record]);
  const blocks: Block[] = [{ kind: "table", table: { headers: ["", ""], rows } }];
  if (result.parts.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["part", "input file", "state", "rows in", "rows out"],
        rows: result.parts.map((p) => [
          String(p.index),
          p.file,
          p.state,
          p.rowsIn === null ? "-" : String(p.rowsIn),
          p.rowsOut === null ? "-" : String(p.rowsOut),
        ]),
      },
    });
  }
  if (result.findings.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["severity", "column", "rule", "problem"],
        rows: result.findings.map((f) => [f.severity, f.column ?? "-", f.rule, f.message]),
      },
    });
  }
  if (result.failure) blocks.unshift({ kind: "text", text: `Failed: ${result.failure}` });
  return {
    title: `Batch scoring${leg}`,
    status: result.verdict === "pass" ? "pass" : "fail",
    headline:
      result.verdict === "pass"
        ? `${result.model} ${result.version} → ${result.location}: ${STATE_TEXT[result.state]}`
        : `${result.model} ${result.version} did not score the input; nothing was marked complete`,
    blocks,
  };
}

const STATE_TEXT: Record<PredictResult["state"], string> = {
  complete: "complete (every part written, _SUCCESS marked, recorded in the registry)",
  already: "scored already by this version for this input (--force scores again)",
  partial: "this leg's parts written; the finish job marks the result complete",
  failed: "failed",
};

/** `mlops predict history`: the registry's scoring records, newest first. */
export function scoringHistorySection(model: string, records: readonly KeyedScoringRecord[]): Section {
  const newest = [...records].reverse();
  return {
    title: `Batch scoring of ${model}`,
    status: "ok",
    headline:
      records.length === 0
        ? `${model} has no batch-scoring records yet`
        : `${records.length} scoring run(s) of ${model}, newest first`,
    blocks:
      newest.length === 0
        ? []
        : [
            {
              kind: "table",
              table: {
                headers: ["scored at", "version", "alias", "input", "rows", "output", "run"],
                rows: newest.map((r) => [
                  r.scoredAt,
                  r.version,
                  r.alias ?? "-",
                  `${r.input.fingerprint} (${r.input.files.length} file(s))`,
                  String(r.output.rows),
                  r.output.location,
                  r.runUrl ?? "-",
                ]),
              },
            },
          ],
  };
}
