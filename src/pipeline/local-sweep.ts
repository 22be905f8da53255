import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CacheChoice, openRunCache } from "../cache/open.ts";
import { loadConfig } from "../config/load.ts";
import { ExitCode, UsageError } from "../errors.ts";
import type { EvaluateResult } from "../evaluate/evaluate.ts";
import type { Logger } from "../logging.ts";
import { type Params, parseOverrides } from "../config/params.ts";
import type { StageContext } from "../context/context.ts";
import { runEvaluateStage, runTrainStage } from "./stages.ts";
import { type StageRun } from "./stage-run.ts";
import { workspaceFor } from "../context/workspace.ts";
import type { SweepSelection } from "../train/select.ts";
import { createShadow, pathsOutsideRoot } from "../train/shadow.ts";
import { planSweep, type SweepLeg, type SweepPlan } from "../train/sweep.ts";
import { runSelectStage, sweepResultsDir } from "./sweep-stages.ts";
import { loadTrainParams, paramsForRun, type TrainResult } from "../train/train.ts";

/**
 * `mlops sweep`: every leg of train.matrix on this machine (one after another in place, or N at once, each in its
 * own shadow of the project), then `select`, then the winner's outputs put in place by training it once more, which
 * the run cache answers with a hit (restoring the leg's outputs byte for byte) unless the cache is off.
 */

export interface LocalSweepOptions {
  /** Legs at once; 1 runs them one after another in the project itself. */
  parallel: number;
  /** `--set` overrides applied to every leg (they may not name a swept param). */
  overrides: readonly string[];
  force: boolean;
  cacheChoice?: CacheChoice;
}

export interface LegRun {
  leg: SweepLeg;
  train: TrainResult;
  evaluate: EvaluateResult | null;
}

export interface LocalSweepResult {
  stage: "sweep";
  exitCode: ExitCode;
  plan: SweepPlan;
  legs: LegRun[];
  selection: SweepSelection;
  /** The winner trained (restored) and evaluated in the project, ready for `mlops gate` and `mlops publish`. */
  final: { train: TrainResult; evaluate: EvaluateResult | null } | null;
}

export async function runLocalSweep(context: StageContext, options: LocalSweepOptions): Promise<LocalSweepResult> {
  const { loaded, logger } = context;
  const plan = planSweep(loaded.config);
  const swept = new Set(plan.legs.flatMap((leg) => Object.keys(leg.values)));
  const clash = options.overrides.find((o) => swept.has(o.slice(0, o.indexOf("=")).trim()));
  if (clash) throw new UsageError(`--set ${clash}: that param is swept by train.matrix`);
  const parallel = Math.max(1, Math.floor(options.parallel));
  if (parallel > 1) {
    const outside = pathsOutsideRoot(loaded.config);
    if (outside.length > 0) {
      throw new UsageError(
        `--parallel runs each leg in a copy of ${path.basename(loaded.root)}/, and ${outside.join(", ")} lie outside it`,
        {
          hint: "run the legs one after another (no --parallel), or on GitHub runners with `mlops plan`",
        },
      );
    }
  }
  // Resolve every leg's params before anything runs: a bad override fails at once, not after the first leg. The file
  // is read (and a params file a killed run left rewritten put back) once for all legs.
  const fileParams = await loadTrainParams(loaded, logger);
  const legParams: Params[] = plan.legs.map((leg) => paramsForRun(fileParams, options.overrides, leg));
  const overrides = parseOverrides(options.overrides);
  const cache = await openRunCache(context, options.cacheChoice);
  const resultsDir = sweepResultsDir(context);
  const workDir = path.join(context.workspace.dir, "sweep-work");
  await rm(resultsDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });

  const runLeg = async (leg: SweepLeg): Promise<LegRun> => {
    const params = legParams[leg.index] ?? {};
    const legContext = parallel > 1 ? await shadowContext(context, path.join(workDir, `leg-${leg.id}`), leg) : context;
    // Legs share the project's run cache; fingerprint stamps stay per folder (they are keyed by absolute path).
    const legCache =
      legContext === context
        ? cache
        : { ...cache, stampsFile: path.join(legContext.workspace.cacheDir, "stamps.json") };
    const train = await runTrainStage(legContext, { params, overrides, leg, force: options.force, cache: legCache });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(legContext) : null;
    const folder = path.join(resultsDir, `leg-${leg.id}`);
    await mkdir(folder, { recursive: true });
    await writeJson(path.join(folder, "train.json"), train.result);
    if (evaluate) await writeJson(path.join(folder, "evaluate.json"), evaluate.result);
    // The next leg's evaluation replaces the workspace's snapshot: the leg keeps its own, for `mlops compare`.
    const predictions = evaluate?.result.predictions;
    if (predictions) await copyFile(predictions.snapshot, path.join(folder, path.basename(predictions.snapshot)));
    if (parallel > 1) await rm(path.join(workDir, `leg-${leg.id}`), { recursive: true, force: true });
    logger.info(`sweep: leg ${leg.id} (${leg.name}): ${legSummary(train, evaluate)}`);
    return { leg, train: train.result, evaluate: evaluate?.result ?? null };
  };
  const legs = await inPool(plan.legs, parallel, runLeg);
  await rm(workDir, { recursive: true, force: true });

  const selected = await runSelectStage(context, { resultsDir });
  const winner = selected.result.winner;
  let final: LocalSweepResult["final"] = null;
  let exitCode: ExitCode = selected.exitCode;
  if (winner) {
    if (!cache.backend)
      logger.warn("sweep: the run cache is off, so the best leg trains once more to put its outputs in place");
    logger.info(`sweep: putting leg ${winner.leg.id}'s outputs in place`);
    const train = await runTrainStage(context, {
      params: legParams[winner.leg.index] ?? {},
      overrides,
      leg: winner.leg,
      cache,
    });
    const evaluate = train.exitCode === ExitCode.ok ? await runEvaluateStage(context) : null;
    final = { train: train.result, evaluate: evaluate?.result ?? null };
    exitCode = evaluate?.exitCode ?? train.exitCode;
  }
  return { stage: "sweep", exitCode, plan, legs, selection: selected.result, final };
}

/** A leg's own copy of the project, loaded from there, logging with the leg's name in front. */
async function shadowContext(context: StageContext, dir: string, leg: SweepLeg): Promise<StageContext> {
  await createShadow(context.loaded.root, dir, context.loaded.config);
  const loaded = await loadConfig(path.basename(context.loaded.file), dir);
  return {
    ...context,
    loaded,
    workspace: workspaceFor(loaded),
    logger: prefixedLogger(context.logger, `[leg ${leg.id}]`),
  };
}

function prefixedLogger(logger: Logger, prefix: string): Logger {
  return {
    info: (message) => logger.info(`${prefix} ${message}`),
    warn: (message, location) => logger.warn(`${prefix} ${message}`, location),
    error: (message, location) => logger.error(`${prefix} ${message}`, location),
    debug: (message) => logger.debug(`${prefix} ${message}`),
    group: (name, fn) => {
      logger.info(`${prefix} ▸ ${name}`);
      return fn();
    },
  };
}

function legSummary(train: StageRun<TrainResult>, evaluate: StageRun<EvaluateResult> | null): string {
  if (train.result.status !== "ok") return "training failed";
  const how =
    train.result.cache.status === "hit"
      ? "restored from the run cache"
      : `trained in ${(train.result.durationMs / 1000).toFixed(1)} s`;
  if (!evaluate) return how;
  return evaluate.result.status === "ok" ? `${how}, evaluated` : `${how}, evaluation failed`;
}

/**
 * Runs `work` on every item, at most `limit` at once; results in item order. After a failure no new item starts,
 * and the first error is thrown only once the running ones have finished (no training is left running behind).
 */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
