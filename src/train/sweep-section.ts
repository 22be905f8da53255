import { formatNumber } from "../report/format.ts";
import type { Block, Section } from "../report/sections.ts";
import type { SweepSelection } from "./select.ts";
import type { MatrixValue } from "../config/matrix.ts";
import type { SweepPlan } from "./sweep.ts";

/** Reports of `mlops plan` and `mlops select`: the legs as a table, the winner marked. */

export function planSection(plan: SweepPlan): Section {
  const names = paramNames(plan.legs.map((l) => l.values));
  return {
    title: "Sweep plan",
    status: "ok",
    headline: `${plan.legs.length} leg(s) on ${plan.runsOn.join(", ")}`,
    blocks: [
      {
        kind: "text",
        text:
          plan.legs.length === 1 && names.length === 0
            ? `No train.matrix: one leg, on ${plan.runsOn.join(", ")}.`
            : `${plan.legs.length} leg(s), each on ${plan.runsOn.join(", ")}.`,
      },
      ...(names.length > 0
        ? [
            {
              kind: "table" as const,
              table: {
                headers: ["leg", ...names],
                rows: plan.legs.map((leg) => [leg.id, ...names.map((n) => cell(leg.values[n]))]),
              },
            },
          ]
        : []),
    ],
  };
}

export function selectSection(selection: SweepSelection): Section {
  const names = paramNames(selection.legs.map((l) => l.leg.values));
  const { winner } = selection;
  // Every metric any leg produced, the ranking one first: a leg that wins on it may lose on another.
  const others = [...new Set(selection.legs.flatMap((l) => Object.keys(l.metrics)))]
    .filter((name) => name !== selection.metric)
    .sort();
  const blocks: Block[] = [
    {
      kind: "text",
      text: winner
        ? `Best by ${selection.metric} (${selection.direction} is better): leg ${winner.leg.id} (${winner.leg.name}), ${selection.metric} ${formatNumber(winner.value ?? Number.NaN)}. Ties go to the earlier leg.`
        : `No leg produced ${selection.metric}: there is nothing to select.`,
    },
    {
      kind: "table",
      table: {
        headers: ["", "leg", ...names, "result", "cache", "train time", selection.metric, ...others],
        rows: selection.legs.map((outcome) => [
          outcome === winner ? "best" : "",
          outcome.leg.id,
          ...names.map((n) => cell(outcome.leg.values[n])),
          outcome.state === "ok" ? "ok" : `${outcome.state}${outcome.reason ? `: ${outcome.reason}` : ""}`,
          outcome.cacheStatus ?? "—",
          outcome.trainDurationMs === null ? "—" : `${(outcome.trainDurationMs / 1000).toFixed(1)} s`,
          outcome.value === null ? "—" : formatNumber(outcome.value),
          ...others.map((name) => {
            const value = outcome.metrics[name];
            return value === undefined ? "—" : formatNumber(value);
          }),
        ]),
        align: [
          "left",
          "right",
          ...names.map(() => "left" as const),
          "left",
          "left",
          "right",
          "right",
          ...others.map(() => "right" as const),
        ],
      },
    },
    ...selection.notes.map((note): Block => ({ kind: "text", text: `Note: ${note}.` })),
  ];
  const ok = selection.legs.filter((l) => l.state === "ok").length;
  return {
    title: "Sweep",
    status: winner ? "ok" : "failed",
    headline: winner
      ? `best: leg ${winner.leg.id} (${winner.leg.name}), ${selection.metric} ${formatNumber(winner.value ?? Number.NaN)}; ${ok}/${selection.legs.length} legs ok`
      : `no leg produced ${selection.metric}`,
    blocks,
  };
}

function paramNames(values: readonly Record<string, MatrixValue>[]): string[] {
  return [...new Set(values.flatMap((v) => Object.keys(v)))];
}

function cell(value: MatrixValue | undefined): string {
  return value === undefined ? "" : String(value);
}
