import { formatNumber } from "../report/format.ts";
import type { Block, Section } from "../report/sections.ts";
import type { EvaluateResult } from "./evaluate.ts";
import type { ConfusionMatrix } from "./metrics.ts";

/** The evaluate stage's report: the metrics with where each came from, per slice, and the confusion matrix. */

const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? "—" : formatNumber(value);

export function evaluateSection(result: EvaluateResult): Section {
  if (result.status === "skipped")
    return {
      title: "Evaluation",
      status: "skipped",
      headline: "no evaluate section",
      blocks: [{ kind: "text", text: "No evaluate section in the config." }],
    };
  const blocks: Block[] = [];
  if (result.failure) blocks.push({ kind: "code", text: result.failure });
  const metrics = Object.entries(result.metrics);
  if (metrics.length > 0) {
    blocks.push({
      kind: "text",
      text: `${metrics.length} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}.`,
    });
    blocks.push({
      kind: "table",
      table: {
        headers: ["metric", "value", "source"],
        rows: metrics.map(([k, v]) => [k, num(v), result.sources[k] ?? ""]),
        align: ["left", "right", "left"],
      },
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
              ...shown.map((m) => num(s.metrics[m])),
            ]),
            align: ["left", "right", ...shown.map(() => "right" as const)],
          },
        },
      ],
    });
  }
  if (result.confusion) blocks.push(confusionBlock(result.confusion));
  for (const warning of result.warnings) blocks.push({ kind: "text", text: `Note: ${warning}` });
  const count = Object.keys(result.metrics).length;
  const headline =
    result.status === "ok" ? `${count} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}` : "failed";
  return { title: "Evaluation", status: result.status === "ok" ? "ok" : "failed", headline, blocks };
}

export function confusionBlock(confusion: ConfusionMatrix): Block {
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
            ...confusion.labels.map((_, p) => String(confusion.matrix[t]?.[p] ?? 0)),
          ]),
          align: ["left", ...confusion.labels.map(() => "right" as const)],
        },
      },
    ],
  };
}
