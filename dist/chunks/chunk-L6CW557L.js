import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  primaryMetric,
  readLegResults,
  selectBest
} from "./chunk-S2D6TMI3.js";
import {
  planSweep
} from "./chunk-CZTUXZTR.js";
import {
  saveStageRun
} from "./chunk-SNPX46U6.js";
import {
  formatNumber
} from "./chunk-LP2MTGO2.js";
import {
  ExitCode
} from "./chunk-XOZC47AQ.js";

// src/train/sweep-section.ts
function planSection(plan) {
  const names = paramNames(plan.legs.map((l) => l.values));
  return {
    title: "Sweep plan",
    status: "ok",
    headline: `${plan.legs.length} leg(s) on ${plan.runsOn.join(", ")}`,
    blocks: [
      {
        kind: "text",
        text: plan.legs.length === 1 && names.length === 0 ? `No train.matrix: one leg, on ${plan.runsOn.join(", ")}.` : `${plan.legs.length} leg(s), each on ${plan.runsOn.join(", ")}.`
      },
      ...names.length > 0 ? [
        {
          kind: "table",
          table: {
            headers: ["leg", ...names],
            rows: plan.legs.map((leg) => [leg.id, ...names.map((n) => cell(leg.values[n]))])
          }
        }
      ] : []
    ]
  };
}
function selectSection(selection) {
  const names = paramNames(selection.legs.map((l) => l.leg.values));
  const { winner } = selection;
  const others = [...new Set(selection.legs.flatMap((l) => Object.keys(l.metrics)))].filter((name) => name !== selection.metric).sort();
  const blocks = [
    {
      kind: "text",
      text: winner ? `Best by ${selection.metric} (${selection.direction} is better): leg ${winner.leg.id} (${winner.leg.name}), ${selection.metric} ${formatNumber(winner.value ?? Number.NaN)}. Ties go to the earlier leg.` : `No leg produced ${selection.metric}: there is nothing to select.`
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
          outcome.cacheStatus ?? "\u2014",
          outcome.trainDurationMs === null ? "\u2014" : `${(outcome.trainDurationMs / 1e3).toFixed(1)} s`,
          outcome.value === null ? "\u2014" : formatNumber(outcome.value),
          ...others.map((name) => {
            const value = outcome.metrics[name];
            return value === void 0 ? "\u2014" : formatNumber(value);
          })
        ]),
        align: [
          "left",
          "right",
          ...names.map(() => "left"),
          "left",
          "left",
          "right",
          "right",
          ...others.map(() => "right")
        ]
      }
    },
    ...selection.notes.map((note) => ({ kind: "text", text: `Note: ${note}.` }))
  ];
  const ok = selection.legs.filter((l) => l.state === "ok").length;
  return {
    title: "Sweep",
    status: winner ? "ok" : "failed",
    headline: winner ? `best: leg ${winner.leg.id} (${winner.leg.name}), ${selection.metric} ${formatNumber(winner.value ?? Number.NaN)}; ${ok}/${selection.legs.length} legs ok` : `no leg produced ${selection.metric}`,
    blocks
  };
}
function paramNames(values) {
  return [...new Set(values.flatMap((v) => Object.keys(v)))];
}
function cell(value) {
  return value === void 0 ? "" : String(value);
}

// src/pipeline/sweep-stages.ts
import path from "node:path";
async function runPlanStage(context) {
  const plan = planSweep(context.loaded.config);
  return saveStageRun(context, "plan", plan, planSection(plan), ExitCode.ok);
}
async function runSelectStage(context, options = {}) {
  const { loaded } = context;
  const ranking = primaryMetric(loaded.config);
  const dir = options.resultsDir ?? sweepResultsDir(context);
  const selection = selectBest(planSweep(loaded.config), await readLegResults(dir), ranking);
  if (!selection.winner) context.logger.error(`sweep: no leg produced ${selection.metric} (results in ${dir})`);
  return saveStageRun(
    context,
    "select",
    selection,
    selectSection(selection),
    selection.winner ? ExitCode.ok : ExitCode.checkFailed
  );
}
function sweepResultsDir(context) {
  return path.join(context.workspace.dir, "sweep");
}

export {
  selectSection,
  runPlanStage,
  runSelectStage,
  sweepResultsDir
};
