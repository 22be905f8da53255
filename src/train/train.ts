import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describeFailure, runCommand } from "../command/run-command.ts";
import { digestFiles, type FileDigest } from "../files/hash.ts";
import type { StageContext } from "../pipeline/context.ts";
import type { LoadedConfig } from "../config/load.ts";
import { applyOverrides, loadParams, paramEnvironment, type Params } from "./params.ts";

/** The train stage: runs the user's command with resolved params and records the run (DOMAIN.md §5). */

export interface TrainResult {
  stage: "train";
  status: "ok" | "failed" | "skipped";
  command: string | null;
  params: Params;
  /** The params JSON file the command was given ($MLOPS_PARAMS_FILE). */
  paramsFile: string | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Last lines of the command's output. */
  logTail: string[];
  /** Declared outputs after the run: size and sha256 of each file. */
  outputs: FileDigest[];
  /** Why the stage failed, in words (with the stderr tail). */
  failure: string | null;
}

export interface TrainOptions {
  /** The params to train with, from {@link resolveTrainParams}. */
  params: Params;
}

/**
 * The params file (or inline mapping) with `name=value` overrides from `--set` or the action's `set` input applied.
 * Resolved before any stage runs, so a typo in an override fails in a second, not after validation.
 */
export async function resolveTrainParams(loaded: LoadedConfig, overrides: readonly string[]): Promise<Params> {
  return applyOverrides(await loadParams(loaded.config.train?.params, loaded.root), overrides);
}

export async function trainModel(context: StageContext, options: TrainOptions): Promise<TrainResult> {
  const { loaded, workspace, logger } = context;
  const train = loaded.config.train;
  const startedAt = context.now().toISOString();
  if (!train) {
    return { ...emptyRecord(startedAt), status: "skipped" };
  }
  const { params } = options;
  await mkdir(workspace.outDir, { recursive: true });
  const paramsFile = path.join(workspace.outDir, "params.json");
  await writeFile(paramsFile, `${JSON.stringify(params, null, 2)}\n`);

  logger.info(`$ ${train.command}`);
  const timeoutMs = train.timeout_minutes === undefined ? undefined : train.timeout_minutes * 60_000;
  const result = await runCommand({
    command: train.command,
    cwd: loaded.root,
    env: { ...context.env, ...train.env, ...paramEnvironment(params), MLOPS_PARAMS_FILE: paramsFile },
    logger,
    label: "train",
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  const record: TrainResult = {
    stage: "train",
    status: "ok",
    command: train.command,
    params,
    paramsFile: path.relative(loaded.root, paramsFile),
    startedAt,
    finishedAt: context.now().toISOString(),
    durationMs: result.durationMs,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    logTail: result.tail,
    outputs: [],
    failure: null,
  };
  if (result.exitCode !== 0) {
    return { ...record, status: "failed", failure: describeFailure("training", train.command, result, timeoutMs) };
  }
  const missing = train.outputs.filter((output) => !existsSync(path.resolve(loaded.root, output)));
  if (missing.length > 0) {
    return {
      ...record,
      status: "failed",
      failure: `training exited 0 but did not write its declared output${missing.length > 1 ? "s" : ""}: ${missing.join(", ")} (train.outputs)`,
    };
  }
  return { ...record, outputs: await digestFiles(loaded.root, train.outputs) };
}

function emptyRecord(startedAt: string): TrainResult {
  return {
    stage: "train",
    status: "skipped",
    command: null,
    params: {},
    paramsFile: null,
    startedAt,
    finishedAt: startedAt,
    durationMs: 0,
    exitCode: null,
    signal: null,
    timedOut: false,
    logTail: [],
    outputs: [],
    failure: null,
  };
}
