import { perClassMetric } from "../config/metrics.ts";
import { formatNumber } from "../report/format.ts";
import type { Block, Section } from "../report/sections.ts";
import type { EvaluateResult } from "./evaluate.ts";
import type { ConfusionMatrix } from "./metrics.ts";

/**
 * The evaluate stage's report: the metrics with where each came from (and why any built-in one is undefined), per
 * class, per slice, and the confusion matrix.
 */

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
  const all = Object.entries(result.metrics);
  // Per-class metrics get their own table below; a built-in metric from a metrics file stays here.
  const metrics = all.filter(([name]) => !perClassMetric(name) || result.sources[name] !== result.predictions?.path);
  const undefinedMetrics = Object.entries(result.undefinedMetrics ?? {});
  if (metrics.length > 0 || undefinedMetrics.length > 0) {
    blocks.push({
      kind: "text",
      text: `${all.length} metrics${result.rows > 0 ? ` over ${result.rows} predictions` : ""}.`,
    });
    blocks.push({
      kind: "table",
      table: {
        headers: ["metric", "value", "source"],
        rows: [
          ...metrics.map(([k, v]) => [k, num(v), result.sources[k] ?? ""]),
          ...undefinedMetrics.map(([k, why]) => [k, "undefined", `because ${why}`]),
        ],
        align: ["left", "right", "left"],
      },
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

/** Precision, recall and F1 of each class, as gate rules name them: `recall[<class>]`. */
function perClassBlock(result: EvaluateResult): Block | null {
  const byClass = new Map<string, Partial<Record<"precision" | "recall" | "f1", number>>>();
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
          align: ["left", "right", "right", "right"],
        },
      },
    ],
  };
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

/**
 * The confusion matrix as a heat map, for the HTML report (markdown and terminal text leave it out): put it beside
 * {@link confusionBlock}, which holds the same numbers. `whose` names the model ("the candidate").
 */
export function confusionHeatmap(confusion: ConfusionMatrix, whose: string): Block {
  const total = confusion.matrix.flat().reduce((sum, count) => sum + count, 0);
  const right = confusion.labels.reduce((sum, _, i) => sum + (confusion.matrix[i]?.[i] ?? 0), 0);
  return {
    kind: "heatmap",
    heatmap: {
      title: `Confusion matrix of ${whose}`,
      caption: `${total} rows, ${right} on the diagonal (predicted right); each cell is shaded by its share of its row.`,
      rowTitle: "true class",
      columnTitle: "predicted class",
      rows: [...confusion.labels],
      columns: [...confusion.labels],
      cells: confusion.labels.map((_, t) => confusion.labels.map((__, p) => confusion.matrix[t]?.[p] ?? 0)),
    },
  };
}
