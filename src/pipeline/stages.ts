import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatShort } from "../data/drift/drift.ts";
import { championProfile, validationOptions } from "../data/stage.ts";
import { validateDatasets, type ValidateResult } from "../data/validate.ts";
import { parseOverrides } from "../config/params.ts";
import { ExitCode, InputError, isErrnoException, UserError } from "../errors.ts";
import { evaluateModel, type EvaluateResult } from "../evaluate/evaluate.ts";
import type { FileDigest } from "../files/hash.ts";
import { type GateResult, runGate } from "../gate/gate.ts";
import { openRegistry } from "../registry/open.ts";
import { publishModel, type PublishResult } from "../publish/publish.ts";
import { gateSection } from "../gate/section.ts";
import { renderingInJob, type SectionRendering, userSectionWarnings } from "../gate/user-sections.ts";
import { runOrigin } from "../context/runner.ts";
import { validateSection } from "../data/report.ts";
import { evaluateSection } from "../evaluate/section.ts";
import { publishSection } from "../publish/section.ts";
import { trainSection } from "../train/section.ts";
import { resolveTrainParams, trainModel, type TrainOptions, type TrainResult } from "../train/train.ts";
import { type ChainLink, dataIdentity, digestModel, newResultId } from "../chain/chain.ts";
import type { StageContext } from "../context/context.ts";
import { runReportFile, writeRunReport } from "./run-report-file.ts";
import { readStageResult, saveStageRun, type StageRun } from "./stage-run.ts";
import { checkData, checkEvaluation, checkGate, checkModelFromTrain, checkTrainForPublish } from "./freshness.ts";

/**
 * Stage runners: run one stage, save its result (JSON) and report (markdown) in the workspace, and say what exit
 * code the outcome deserves. The CLI commands, `mlops run` and the actions all go through these.
 */

/** A validation with its chain link: the data it checked, which publish compares with what training saw. */
export type ValidateStageResult = ValidateResult & { chain: ChainLink };

/** The results of the five pipeline stages, which hand over through the workspace. */
export type StageResult = ValidateStageResult | TrainResult | EvaluateResult | GateResult | PublishResult;

/** The stages `mlops run` runs, named by their results. */
export type PipelineStage = StageResult["stage"];

export interface ValidateStageOptions {
  /** Shard profiles (from `mlops profile`) to merge instead of reading data.train. */
  profiles?: string[];
  /** Threads for reading (default: every core). */
  workers?: number;
}

export async function runValidateStage(
  context: StageContext,
  options: ValidateStageOptions = {},
): Promise<StageRun<ValidateStageResult>> {
  // The data's identity before it is read: a file replaced during the scan then differs from what training sees.
  const data = await dataIdentity(context).catch(() => null);
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
  for (const [label, comparison] of [
    ["drift", result.drift],
    ["eval drift", result.evalDrift],
    ["skew", result.skew],
  ] as const) {
    for (const column of comparison?.columns ?? []) {
      if (column.drifted) {
        context.logger.info(
          `${label}: ${column.column}: ${column.method} ${formatShort(column.value)} (${column.measure})`,
        );
      }
    }
  }
  await mkdir(context.workspace.outDir, { recursive: true });
  const train = validation.profiles.get("train");
  if (train) {
    // The training data's profile: publish stores it with the model as the next runs' drift reference.
    result.profile = path.join(context.workspace.outDir, "profile-train.json");
    await writeFile(result.profile, `${JSON.stringify(train)}\n`);
  }
  const chain: ChainLink = {
    id: newResultId(context.now()),
    trainRun: null,
    model: [],
    evaluation: null,
    git: context.provenance.worktree,
    data,
  };
  return saveStageRun(
    context,
    "validate",
    { ...result, chain },
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
  const { config } = context.loaded;
  const train = config.train ? await readStageResult<TrainResult>(context, "train") : null;
  checkModelFromTrain(config, train, await digestModel(context));
  const evaluation = await evaluateModel(context);
  // After the command: what it wrote into the model's folder is published with these metrics, so it is part of them.
  const chain: ChainLink = {
    id: newResultId(context.now()),
    trainRun: train?.runId ?? null,
    model: await digestModel(context),
    evaluation: null,
    git: train?.chain?.git ?? context.provenance.worktree,
    // What the model was trained with beyond its commit travels on to the gate's candidate line and the manifest.
    ...(train?.chain?.overrides ? { overrides: train.chain.overrides } : {}),
    data: train?.chain?.data ?? null,
  };
  const result: EvaluateResult = { ...evaluation, chain };
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
  const { config } = context.loaded;
  const train = config.train ? await readStageResult<TrainResult>(context, "train") : null;
  checkEvaluation(config, evaluation, train, await digestModel(context));
  const registry = await openRegistry(context);
  const result = await runGate(context, evaluation, registry);
  for (const outcome of result.outcomes) {
    if (outcome.verdict !== "fail" && outcome.verdict !== "error" && outcome.verdict !== "warn") continue;
    const location = context.loaded.locate(["gate", "rules", outcome.rule]);
    const message = `gate: ${outcome.metric}${outcome.slice ? ` [${outcome.slice.column}=${outcome.slice.value}]` : ""}: ${outcome.reason}`;
    if (outcome.verdict === "warn") context.logger.warn(message, location);
    else context.logger.error(message, location);
  }
  for (const warning of userSectionWarnings(context.loaded, result.sections ?? []))
    context.logger.warn(warning.message, context.loaded.locate(warning.at));
  const exitCode =
    result.verdict === "fail"
      ? ExitCode.checkFailed
      : result.verdict === "error"
        ? ExitCode.usageOrConfig
        : ExitCode.ok;
  const rendering = renderingInJob(runOrigin(context.runner));
  const run = await saveStageRun(context, "gate", result, gateSection(result, rendering), exitCode);
  return { ...run, html: await writeGateHtml(context, rendering) };
}

/**
 * The run's HTML report beside gate.md (pipeline/run-report.ts), from what the workspace holds now. A result it cannot
 * read (a damaged validate.json) or a file it cannot write (a full disk, a folder named report.html) costs the HTML
 * report, never the verdict: said as a warning.
 */
async function writeGateHtml(context: StageContext, rendering: SectionRendering): Promise<string | null> {
  try {
    const { file } = await writeRunReport(context.workspace, {
      cwd: context.loaded.root,
      model: context.loaded.config.model.name,
      generated: context.now(),
      runUrl: context.runner.runUrl,
      userSections: rendering,
    });
    return file;
  } catch (error) {
    if (!(error instanceof UserError) && !isErrnoException(error)) throw error;
    const hint = error instanceof UserError && error.hint ? ` (${error.hint})` : "";
    context.logger.warn(`no HTML report: ${error.message}${hint}`);
    // A stale report must not pass for this run's; one that cannot be removed (a folder) is no report anyway.
    await rm(runReportFile(context.workspace), { force: true }).catch(() => undefined);
    return null;
  }
}

export interface PublishStageOptions {
  /**
   * Promote a version built from uncommitted changes or trained with --set overrides (recorded); without it such a
   * promotion exits 1 (a check failed, as `mlops promote` refuses it).
   */
  allowDirty?: boolean;
}

export async function runPublishStage(
  context: StageContext,
  options: PublishStageOptions = {},
): Promise<StageRun<PublishResult>> {
  const [validation, train, evaluation, gate] = await Promise.all([
    readStageResult<ValidateStageResult>(context, "validate"),
    readStageResult<TrainResult>(context, "train"),
    readStageResult<EvaluateResult>(context, "evaluate"),
    readStageResult<GateResult>(context, "gate"),
  ]);
  const chain = await checkPublishInputs(context, { validation, train, evaluation, gate });
  const registry = await openRegistry(context);
  const report = gate ? await gateHtml(context) : null;
  const result = await publishModel(
    context,
    registry,
    { validation, train, evaluation, gate, chain, report },
    { allowDirty: options.allowDirty === true },
  );
  if (result.refusedDirty) context.logger.error(result.promotion);
  return saveStageRun(
    context,
    "publish",
    result,
    publishSection(result),
    result.refusedDirty ? ExitCode.checkFailed : ExitCode.ok,
  );
}

/**
 * The HTML report the gate wrote beside its result, when it is not older than that result: a report.html left by an
 * earlier run is not this version's (a gate that could not write one removes it, and `mlops report --html` rewrites it
 * from the same results).
 */
async function gateHtml(context: StageContext): Promise<string | null> {
  const file = runReportFile(context.workspace);
  const [html, gate] = await Promise.all(
    [file, context.workspace.resultFile("gate")].map((f) => stat(f).catch(() => null)),
  );
  return html?.isFile() && gate && html.mtimeMs >= gate.mtimeMs ? file : null;
}

/**
 * Everything a publish records must be of one chain: the train run's model is on disk unchanged, the evaluation and
 * gate verdict are of it, and the validated data is the data it was trained on. Returns the newest link.
 */
async function checkPublishInputs(
  context: StageContext,
  inputs: {
    validation: ValidateStageResult | null;
    train: TrainResult | null;
    evaluation: EvaluateResult | null;
    gate: GateResult | null;
  },
): Promise<ChainLink | null> {
  const { config } = context.loaded;
  const { validation, train, evaluation, gate } = inputs;
  const current: FileDigest[] = await digestModel(context);
  checkTrainForPublish(config, train, current);
  const evaluated = evaluation ? checkEvaluation(config, evaluation, train, current) : null;
  const gated = gate && gate.verdict !== "skipped" ? checkGate(gate, evaluation) : null;
  checkData(validation, train, train ? await dataIdentity(context).catch(() => null) : null);
  return gated ?? evaluated ?? train?.chain ?? null;
}

export interface PipelineOptions extends Pick<TrainOptions, "force" | "cacheChoice">, PublishStageOptions {
  /** `name=value` param overrides. */
  overrides: readonly string[];
  /** Publish (and promote on a passed gate) after the gate. */
  publish: boolean;
}

export interface PipelineResult {
  stage: "run";
  exitCode: ExitCode;
  /** The stage that stopped the run, if one did. */
  stoppedAt: PipelineStage | null;
  stages: StageRun<StageResult>[];
}

/**
 * All stages in order. A failed data check, training or evaluation stops the run (nothing after it would mean
 * anything). A failed gate does not stop publishing: the version is recorded with its verdict, and only promotion
 * depends on the gate.
 */
export async function runPipeline(context: StageContext, options: PipelineOptions): Promise<PipelineResult> {
  const stages: StageRun<StageResult>[] = [];
  const step = async <T extends StageResult>(
    name: PipelineStage,
    run: () => Promise<StageRun<T>>,
  ): Promise<StageRun<T>> => {
    const outcome = await context.logger.group(name, run);
    stages.push(outcome);
    return outcome;
  };
  const stop = (at: PipelineStage, exitCode: ExitCode): PipelineResult => ({
    stage: "run",
    exitCode,
    stoppedAt: at,
    stages,
  });
  const params = await resolveTrainParams(context.loaded, options.overrides, null, context.logger);

  const validated = await step("validate", () => runValidateStage(context));
  if (validated.exitCode !== ExitCode.ok) return stop("validate", validated.exitCode);
  const { force, cacheChoice } = options;
  const trained = await step("train", () =>
    runTrainStage(context, {
      params,
      overrides: parseOverrides(options.overrides),
      ...(force === undefined ? {} : { force }),
      ...(cacheChoice === undefined ? {} : { cacheChoice }),
    }),
  );
  if (trained.exitCode !== ExitCode.ok) return stop("train", trained.exitCode);
  const evaluated = await step("evaluate", () => runEvaluateStage(context));
  if (evaluated.exitCode !== ExitCode.ok) return stop("evaluate", evaluated.exitCode);
  const gated = await step("gate", () => runGateStage(context));
  if (gated.result.verdict === "error") return stop("gate", gated.exitCode);
  if (options.publish) {
    const published = await step("publish", () =>
      runPublishStage(context, options.allowDirty === undefined ? {} : { allowDirty: options.allowDirty }),
    );
    if (published.exitCode !== ExitCode.ok) return stop("publish", published.exitCode);
  }
  return { stage: "run", exitCode: gated.exitCode, stoppedAt: null, stages };
}
