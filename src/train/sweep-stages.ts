import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ExitCode } from "../errors.ts";
import type { StageContext } from "../pipeline/context.ts";
import type { StageRun } from "../pipeline/stages.ts";
import { renderMarkdown, type Section } from "../report/sections.ts";
import { primaryMetric, readLegResults, selectBest, type SweepSelection } from "./select.ts";
import { planSweep, type SweepPlan } from "./sweep.ts";
import { planSection, selectSection } from "./sweep-section.ts";

/**
 * `plan` and `select` as stage runs, for the CLI and the actions alike: each saves its result (JSON) and report
 * (markdown) in the workspace's out folder, like the pipeline's stages.
 */

export async function runPlanStage(context: StageContext): Promise<StageRun<SweepPlan>> {
  const plan = planSweep(context.loaded.config);
  return save(context, "plan", plan, planSection(plan), ExitCode.ok);
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
  return save(
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

async function save<T extends SweepPlan | SweepSelection>(
  context: StageContext,
  name: "plan" | "select",
  result: T,
  section: Section,
  exitCode: ExitCode,
): Promise<StageRun<T>> {
  const { outDir } = context.workspace;
  await mkdir(outDir, { recursive: true });
  const resultFile = path.join(outDir, `${name}.json`);
  const reportFile = path.join(outDir, `${name}.md`);
  await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(reportFile, `${renderMarkdown(section)}\n`);
  return { result, section, exitCode, resultFile, reportFile };
}
