import { mkdir, writeFile } from "node:fs/promises";
import type { StageContext } from "../context/context.ts";
import { type ExitCode, InputError } from "../errors.ts";
import { READ_LIMITS, readTextIfExists } from "../files/read-limited.ts";
import { renderMarkdown, type Section } from "../report/sections.ts";

/**
 * What every stage does with its outcome: save its result (JSON) and report (markdown) in the workspace, and read an
 * earlier stage's result back. A module of its own, so a stage outside the pipeline (monitor, deploy, predict) saves
 * its run without loading every pipeline stage.
 */

/** A step's result, its report, the exit code it deserves, and where both were saved. */
export interface StageRun<T extends { stage: string }> {
  result: T;
  section: Section;
  exitCode: ExitCode;
  resultFile: string;
  reportFile: string;
  /** The run's HTML report, when the step wrote one (the gate does: `<workspace>/out/report.html`); null when it could not. */
  html?: string | null;
}

/** Saves a step's result (JSON) and report (markdown) in the workspace, under the step's name. */
export async function saveStageRun<T extends { stage: string }>(
  context: StageContext,
  name: string,
  result: T,
  section: Section,
  exitCode: ExitCode,
): Promise<StageRun<T>> {
  const { workspace } = context;
  await mkdir(workspace.outDir, { recursive: true });
  const resultFile = workspace.resultFile(name);
  const reportFile = workspace.reportFile(name);
  await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(reportFile, `${renderMarkdown(section)}\n`);
  return { result, section, exitCode, resultFile, reportFile };
}

/** The saved result of an earlier stage, or null when that stage has not run in this workspace. */
export async function readStageResult<T extends { stage: string }>(
  context: StageContext,
  stage: T["stage"],
): Promise<T | null> {
  const file = context.workspace.resultFile(stage);
  const text = await readTextIfExists(file, { shown: file, what: `${stage} result`, limit: READ_LIMITS.stageResult });
  if (text === undefined) return null;
  let value: { stage?: unknown };
  try {
    value = JSON.parse(text) as { stage?: unknown };
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`, {
      hint: `it was damaged or edited; run \`mlops ${stage}\` again`,
    });
  }
  if (value === null || typeof value !== "object" || value.stage !== stage)
    throw new InputError(`${file} is not a ${stage} result`, { hint: `run \`mlops ${stage}\` again` });
  return value as T;
}
