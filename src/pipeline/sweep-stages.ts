import path from "node:path";
import { ExitCode } from "../errors.ts";
import type { StageContext } from "../context/context.ts";
import { saveStageRun, type StageRun } from "./stage-run.ts";
import { primaryMetric, readLegResults, selectBest, type SweepSelection } from "../train/select.ts";
import { planSweep, type SweepPlan } from "../train/sweep.ts";
import { planSection, selectSection } from "../train/sweep-section.ts";

/**
 * `plan` and `select` as stage runs, for the CLI and the actions alike: each saves its result (JSON) and report
 * (markdown) in the workspace's out folder, like the pipeline's stages.
 */

export async function runPlanStage(context: StageContext): Promise<StageRun<SweepPlan>> {
  const plan = planSweep(context.loaded.config);
  return saveStageRun(context, "plan", plan, planSection(plan), ExitCode.ok);
}

export interface SelectOptions {
  /** Where the legs' results are (each leg's train.json and evaluate.json in a folder); default <workspace>/sweep. */
  resultsDir?: string;
}

export async function runSelectStage(
  context: StageContext,
  options: SelectOptions = {},
): Promise<StageRun<SweepSelection>> {
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
    selection.winner ? ExitCode.ok : ExitCode.checkFailed,
  );
}

/** Where a local sweep leaves each leg's results: <workspace>/sweep/leg-<id>/. */
export function sweepResultsDir(context: StageContext): string {
  return path.join(context.workspace.dir, "sweep");
}
