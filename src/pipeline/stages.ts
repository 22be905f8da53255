import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatShort } from "../data/drift/drift.ts";
import { championProfile, validationOptions } from "../data/stage.ts";
import { validateDatasets, type ValidateResult } from "../data/validate.ts";
import { ExitCode, InputError, isErrnoException } from "../errors.ts";
import { evaluateModel, type EvaluateResult } from "../evaluate/evaluate.ts";
import { type GateResult, runGate } from "../gate/gate.ts";
import { openRegistry } from "../registry/open.ts";
import { publishModel, type PublishResult } from "../registry/publish.ts";
import { gateSection } from "../report/gate-section.ts";
import { evaluateSection, publishSection, renderMarkdown, type Section, validateSection } from "../report/sections.ts";
import { trainSection } from "../train/section.ts";
import { resolveTrainParams, trainModel, type TrainOptions, type TrainResult } from "../train/train.ts";
import type { StageContext } from "./context.ts";
import type { Stage } from "./workspace.ts";

/**
 * Stage runners: run one stage, save its result (JSON) and report (markdown) in the workspace, and say what exit
 * code the outcome deserves. The CLI commands, `mlops run` and the actions all go through these.
 */

/** The results of the five pipeline stages, which hand over through the workspace. */
export type StageResult = ValidateResult | TrainResult | EvaluateResult | GateResult | PublishResult;

/** A step's result, its report, the exit code it deserves, and where both were saved. */
export interface StageRun<T extends { stage: string }> {
  result: T;
  section: Section;
  exitCode: ExitCode;
  resultFile: string;
  reportFile: string;
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
  let text: string;
  try {
    text = await readFile(context.workspace.resultFile(stage), "utf8");
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return null;
    throw error;
  }
  const value = JSON.parse(text) as { stage?: unknown };
  if (value.stage !== stage) throw new InputError(`${context.workspace.resultFile(stage)} is not a ${stage} result`);
  return value as T;
}

export interface ValidateStageOptions {
  /** Shard profiles (from `mlops profile`) to merge instead of reading data.train. */
  profiles?: string[];
  /** Threads for reading (default: every core). */
  workers?: number;
}

export async function runValidateStage(
  context: StageContext,
  options: ValidateStageOptions = {},
): Promise<StageRun<ValidateResult>> {
  const validation = await validateDatasets(
    context.loaded.config.data,
    context.loaded.root,
    await validationOptions(context, options, () => championProfile(context)),
  );
  const { result } = validation;
  for (const finding of result.datasets.flatMap((d) => d.findings)) {
    const message = `${finding.dataset}${finding.column ? ` column ${finding.column}` : ""}: ${finding.message} (${finding.count} row(s), e.g. ${finding.observed}${finding.rows.length > 0 ? ` at row ${finding.rows.join(", ")}` : ""})`;
    const location = context.loaded.locate(finding.configPath);
    if (finding.severity === "error") context.logger.error(message, location);
    else context.logger.warn(message, location);
  }
  for (const column of result.drift?.columns ?? []) {
    if (column.drifted) {
      context.logger.info(`drift: ${column.column}: ${column.method} ${formatShort(column.value)} (${column.measure})`);
    }
  }
  await mkdir(context.workspace.outDir, { recursive: true });
  const train = validation.profiles.get("train");
  if (train) {
    // The training data's profile: publish stores it with the model as the next runs' drift reference.
    result.profile = path.join(context.workspace.outDir, "profile-train.json");
    await writeFile(result.profile, `${JSON.stringify(train)}\n`);
  }
  return saveStageRun(
    context,
    "validate",
    result,
    validateSection(result),
    result.verdict === "fail" ? ExitCode.checkFailed : ExitCode.ok,
  );
}

export async function runTrainStage(context: StageContext, options: TrainOptions): Promise<StageRun<TrainResult>> {
  const result = await trainModel(context, options);
  if (result.failure) context.logger.error(result.failure);
  return saveStageRun(
    context,
    "train",
    result,
    trainSection(result),
    result.status === "failed" ? ExitCode.checkFailed : ExitCode.ok,
  );
}

export async function runEvaluateStage(context: StageContext): Promise<StageRun<EvaluateResult>> {
  const result = await evaluateModel(context);
  if (result.failure) context.logger.error(result.failure);
  for (const warning of result.warnings) context.logger.warn(warning);
  return saveStageRun(
    context,
    "evaluate",
    result,
    evaluateSection(result),
    result.status === "failed" ? ExitCode.checkFailed : ExitCode.ok,
  );
}

export async function runGateStage(context: StageContext): Promise<StageRun<GateResult>> {
  const evaluation = await readStageResult<EvaluateResult>(context, "evaluate");
  if (!evaluation) {
    throw new InputError("there are no metrics to gate: the evaluate stage has not run in this workspace", {
      hint: "run `mlops evaluate` first (or `mlops run`)",
    });
  }
  const registry = await openRegistry(context);
  const result = await runGate(context, evaluation, registry);
  for (const outcome of result.outcomes) {
    if (outcome.verdict !== "fail" && outcome.verdict !== "error" && outcome.verdict !== "warn") continue;
    const location = context.loaded.locate(["gate", "rules", outcome.rule]);
    const message = `gate: ${outcome.metric}${outcome.slice ? ` [${outcome.slice.column}=${outcome.slice.value}]` : ""}: ${outcome.reason}`;
    if (outcome.verdict === "warn") context.logger.warn(message, location);
    else context.logger.error(message, location);
  }
  const exitCode =
    result.verdict === "fail"
      ? ExitCode.checkFailed
      : result.verdict === "error"
        ? ExitCode.usageOrConfig
        : ExitCode.ok;
  return saveStageRun(context, "gate", result, gateSection(result), exitCode);
}

export async function runPublishStage(context: StageContext): Promise<StageRun<PublishResult>> {
  const [validation, train, evaluation, gate] = await Promise.all([
    readStageResult<ValidateResult>(context, "validate"),
    readStageResult<TrainResult>(context, "train"),
    readStageResult<EvaluateResult>(context, "evaluate"),
    readStageResult<GateResult>(context, "gate"),
  ]);
  const registry = await openRegistry(context);
  const result = await publishModel(context, registry, { validation, train, evaluation, gate });
  return saveStageRun(context, "publish", result, publishSection(result), ExitCode.ok);
}

export interface PipelineOptions extends Pick<TrainOptions, "force" | "cacheChoice"> {
  /** `name=value` param overrides. */
  overrides: readonly string[];
  /** Publish (and promote on a passed gate) after the gate. */
  publish: boolean;
}

export interface PipelineResult {
  stage: "run";
  exitCode: ExitCode;
  /** The stage that stopped the run, if one did. */
  stoppedAt: Stage | null;
  stages: StageRun<StageResult>[];
}

/**
 * All stages in order. A failed data check, training or evaluation stops the run (nothing after it would mean
 * anything). A failed gate does not stop publishing: the version is recorded with its verdict, and only promotion
 * depends on the gate.
 */
export async function runPipeline(context: StageContext, options: PipelineOptions): Promise<PipelineResult> {
  const stages: StageRun<StageResult>[] = [];
  const step = async <T extends StageResult>(name: Stage, run: () => Promise<StageRun<T>>): Promise<StageRun<T>> => {
    const outcome = await context.logger.group(name, run);
    stages.push(outcome);
    return outcome;
  };
  const stop = (at: Stage, exitCode: ExitCode): PipelineResult => ({ stage: "run", exitCode, stoppedAt: at, stages });
  const params = await resolveTrainParams(context.loaded, options.overrides);

  const validated = await step("validate", () => runValidateStage(context));
  if (validated.exitCode !== ExitCode.ok) return stop("validate", validated.exitCode);
  const { force, cacheChoice } = options;
  const trained = await step("train", () =>
    runTrainStage(context, {
      params,
      ...(force === undefined ? {} : { force }),
      ...(cacheChoice === undefined ? {} : { cacheChoice }),
    }),
  );
  if (trained.exitCode !== ExitCode.ok) return stop("train", trained.exitCode);
  const evaluated = await step("evaluate", () => runEvaluateStage(context));
  if (evaluated.exitCode !== ExitCode.ok) return stop("evaluate", evaluated.exitCode);
  const gated = await step("gate", () => runGateStage(context));
  if (gated.result.verdict === "error") return stop("gate", gated.exitCode);
  if (options.publish) await step("publish", () => runPublishStage(context));
  return { stage: "run", exitCode: gated.exitCode, stoppedAt: null, stages };
}
