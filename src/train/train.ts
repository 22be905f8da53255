import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CacheKey } from "../cache/key.ts";
import { cacheKeyOf } from "../cache/key.ts";
import { codeChangedSince, collectKeyMaterial } from "../cache/material.ts";
import { type CacheChoice, openRunCache, type RunCache } from "../cache/open.ts";
import { type CacheReport, restoreFromCache, saveToCache } from "../cache/run-cache.ts";
import type { RunReference } from "../cache/entry.ts";
import { redactorFor } from "../command/redact.ts";
import { describeFailure, runCommand } from "../command/run-command.ts";
import type { FileDigest } from "../files/hash.ts";
import { type ChainLink, dataIdentity, digestModel, newResultId } from "../chain/chain.ts";
import type { StageContext } from "../context/context.ts";
import type { LoadedConfig } from "../config/load.ts";
import { applyOverrides, loadParams, type ParamOverride, paramEnvironment, type Params } from "../config/params.ts";
import type { Logger } from "../logging.ts";
import { workspaceFor } from "../context/workspace.ts";
import { recoverParamsFile, withParamsRewritten } from "./params-file.ts";
import { legParams, type SweepLeg } from "./sweep.ts";

/**
 * The train stage (DOMAIN.md §5): run the user's command with resolved params and record the run, or, when the run
 * cache holds a run with exactly the same inputs, restore its outputs byte for byte and skip the command.
 */

export interface TrainResult {
  stage: "train";
  status: "ok" | "failed" | "skipped";
  /** This run's id (`<UTC time>-<6 hex>`); a later cache hit names the run it reused by this id. */
  runId: string;
  command: string | null;
  params: Params;
  /** The params JSON file the command was given ($MLOPS_PARAMS_FILE). */
  paramsFile: string | null;
  startedAt: string;
  finishedAt: string;
  /** How long this stage took: the command's run time, or the restore on a cache hit. */
  durationMs: number;
  /** The command's exit code; null when it did not run (a cache hit) or was killed. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Peak resident memory of the command and its children, in bytes (sampled; Linux only, else null). */
  peakMemoryBytes: number | null;
  /** Last lines of the command's output. */
  logTail: string[];
  /** Declared outputs after the run: size and sha256 of each file. */
  outputs: FileDigest[];
  /** Why the stage failed, in words (with the stderr tail). */
  failure: string | null;
  /** The sweep leg this run trained (train.matrix), or null. */
  leg: SweepLeg | null;
  cache: CacheReport;
  /** The chain this run starts (DOMAIN.md §6): its id is the run id, its model the outputs. */
  chain: ChainLink;
}

export interface TrainOptions {
  /** The params to train with, from {@link resolveTrainParams}. */
  params: Params;
  /**
   * The `--set` overrides `params` include (`parseOverrides`), recorded on the run's chain link: the commit's
   * params do not hold them, so the version they make is not reproduced by its commit alone.
   */
  overrides?: readonly ParamOverride[];
  /** Train even when the run cache holds this run (the new outputs are saved again). */
  force?: boolean;
  /** Overrides train.cache.backend for this run; `off` turns the cache off. */
  cacheChoice?: CacheChoice;
  /** A run cache already opened (sweep legs share the project's); by default it is opened from the config. */
  cache?: RunCache;
  /** The sweep leg being trained; its params must already be in `params` (see {@link resolveTrainParams}). */
  leg?: SweepLeg | null;
}

/**
 * The params file (or inline mapping), then a sweep leg's matrix values, then `name=value` overrides from `--set`
 * or the action's `set` input. Resolved before any stage runs, so a typo in an override fails in a second, not after
 * validation. A params file that a kit stopped hard left rewritten is put back first (with a warning), so the params
 * read are the user's.
 */
export async function resolveTrainParams(
  loaded: LoadedConfig,
  overrides: readonly string[],
  leg?: SweepLeg | null,
  logger?: Logger,
): Promise<Params> {
  return paramsForRun(await loadTrainParams(loaded, logger), overrides, leg);
}

/**
 * train.params as the file holds it, after putting back a params file a killed run left rewritten (a warning says
 * so). Read once per command: a sweep derives each leg's params from it with {@link paramsForRun}.
 */
export async function loadTrainParams(loaded: LoadedConfig, logger?: Logger): Promise<Params> {
  const source = loaded.config.train?.params;
  const recovered = await recoverParamsFile(
    loaded.root,
    workspaceFor(loaded).dir,
    typeof source === "string" ? source : undefined,
  );
  if (recovered) logger?.warn(`train.params: ${recovered}`);
  return loadParams(source, loaded.root);
}

/** The params one run trains with: a sweep leg's values, then the --set overrides (an unknown name is refused). */
export function paramsForRun(params: Params, overrides: readonly string[], leg?: SweepLeg | null): Params {
  return applyOverrides(leg ? legParams(params, leg) : params, overrides);
}

export async function trainModel(context: StageContext, options: TrainOptions): Promise<TrainResult> {
  const { loaded, workspace, logger } = context;
  const train = loaded.config.train;
  const started = performance.now();
  const startedAt = context.now().toISOString();
  const runId = newResultId(context.now());
  const start: ChainLink = {
    id: runId,
    trainRun: null,
    model: [],
    evaluation: null,
    git: context.provenance.worktree,
    overrides: [...(options.overrides ?? [])],
    data: null,
  };
  if (!train) return { ...emptyRecord(runId, startedAt, start), status: "skipped" };
  // What the command trains on, before it runs; unknown (null) when the data cannot be listed yet.
  start.data = await dataIdentity(context).catch(() => null);
  start.trainRun = runId;
  const { params } = options;
  await mkdir(workspace.outDir, { recursive: true });
  const paramsFile = path.join(workspace.outDir, "params.json");
  await writeFile(paramsFile, `${JSON.stringify(params, null, 2)}\n`);
  const base = {
    ...emptyRecord(runId, startedAt, start),
    command: train.command,
    params,
    paramsFile: path.relative(loaded.root, paramsFile),
    leg: options.leg ?? null,
  };

  const cache = options.cache ?? (await openRunCache(context, options.cacheChoice));
  const lookup = await lookUpRun(context, cache, params, options.force === true);
  if (lookup.hit) {
    return {
      ...base,
      status: "ok",
      finishedAt: context.now().toISOString(),
      durationMs: Math.round(performance.now() - started),
      outputs: lookup.hit.outputs,
      cache: lookup.report,
      chain: { ...start, model: await digestModel(context) },
    };
  }
  // The script reads the params file itself: overrides and a leg's values are written into it for the run.
  const record =
    typeof train.params === "string"
      ? await withParamsRewritten(
          {
            file: path.resolve(loaded.root, train.params),
            root: loaded.root,
            workspaceDir: workspace.dir,
            original: await loadParams(train.params, loaded.root),
            resolved: params,
            onInterrupt: context.onInterrupt,
          },
          () => runTraining(context, { ...base, cache: lookup.report }, paramsFile),
        )
      : await runTraining(context, { ...base, cache: lookup.report }, paramsFile);
  if (record.status !== "ok") return record;
  // Hashed through the stamps, so the stages after this one check the model without reading it again.
  const outputs = await digestModel(context);
  const report = { ...lookup.report };
  if (lookup.key && cache.backend) {
    const saved = await saveToCache(cache.backend, {
      key: lookup.key,
      root: loaded.root,
      declared: train.outputs,
      outputs,
      run: runReference(context, record),
      params,
      createdAt: context.now().toISOString(),
    });
    report.saved = saved.saved;
    if (saved.note) {
      report.notes = [...report.notes, saved.note];
      logger.warn(`run cache: ${saved.note}`);
    } else logger.info(`run cache: saved ${shortKey(lookup.key)} to ${cache.backend.location}`);
    if (lookup.material) {
      const changed = await codeChangedSince(lookup.material.material, lookup.material.codeFiles, {
        stampsFile: cache.stampsFile,
      });
      if (changed.length > 0) {
        const note = `training changed ${changed.join(", ")}, which the cache key includes (train.inputs or named in the command), so the next run cannot reuse this one: declare what training writes in train.outputs`;
        report.notes = [...report.notes, note];
        logger.warn(`run cache: ${note}`);
      }
    }
  }
  return { ...record, outputs, cache: report, chain: { ...start, model: outputs } };
}

interface Lookup {
  report: CacheReport;
  /** Null when the cache is off for this run. */
  key: CacheKey | null;
  /** What the key was computed from, to check after training that the command did not change its own inputs. */
  material: Extract<Awaited<ReturnType<typeof collectKeyMaterial>>, { ok: true }> | null;
  /** The restored outputs, on a hit. */
  hit: { outputs: FileDigest[] } | null;
}

/** Computes the key and, unless forced, restores a cached run: the cache's half of the stage, as data. */
async function lookUpRun(context: StageContext, cache: RunCache, params: Params, force: boolean): Promise<Lookup> {
  const { loaded, logger } = context;
  const report: CacheReport = {
    ...noCache(),
    backend: cache.backend?.kind ?? null,
    location: cache.backend?.location ?? null,
    notes: [...cache.notes],
  };
  // Only what changes the outcome is said out loud (a hit, a fallback, a problem); the rest is for --verbose.
  for (const note of cache.notes) {
    if (cache.backend) logger.info(`run cache: ${note}`);
    else logger.debug(`run cache: ${note}`);
  }
  if (!cache.backend) return { report, key: null, material: null, hit: null };
  const material = await collectKeyMaterial(context, params, { stampsFile: cache.stampsFile });
  if (!material.ok) {
    report.notes.push(`the run cache is off for this run: ${material.reason}`);
    logger.info(`run cache: off for this run (${material.reason})`);
    return { report, key: null, material: null, hit: null };
  }
  const key = cacheKeyOf(material.material);
  Object.assign(report, { key: key.id, keyParts: key.parts, status: force ? "forced" : "miss" });
  if (force) {
    logger.info(`run cache: --force, training without looking up ${shortKey(key)}`);
    return { report, key, material, hit: null };
  }
  const found = await restoreFromCache(cache.backend, key, loaded.root, loaded.config.train?.outputs ?? []);
  if (found.kind === "hit") {
    const reused = found.manifest.run;
    logger.info(
      `run cache: hit ${shortKey(key)} in ${cache.backend.location}: restored ${found.outputs.length} file(s) from run ${describeRun(reused)}; the command did not run`,
    );
    return {
      report: { ...report, status: "hit", reusedFrom: reused },
      key,
      material,
      hit: { outputs: found.outputs },
    };
  }
  if (found.kind === "miss") logger.debug(`run cache: miss ${shortKey(key)} in ${cache.backend.location}`);
  else {
    report.status = found.kind;
    report.notes.push(found.note);
    logger.warn(`run cache: ${found.note}; training instead`);
  }
  return { report, key, material, hit: null };
}

/** Runs the command with its params and checks that it wrote its declared outputs. */
async function runTraining(context: StageContext, base: TrainResult, paramsFile: string): Promise<TrainResult> {
  const { loaded, logger } = context;
  const train = loaded.config.train;
  if (!train) return base;
  const env = { ...context.env, ...train.env, ...paramEnvironment(base.params), MLOPS_PARAMS_FILE: paramsFile };
  // The command's secrets never reach the log, the log tail or the failure message (DOMAIN.md §6).
  const redact = redactorFor({ ...context.env, ...train.env });
  logger.info(`$ ${redact(train.command)}`);
  const timeoutMs = train.timeout_minutes === undefined ? undefined : train.timeout_minutes * 60_000;
  const result = await runCommand({
    command: train.command,
    cwd: loaded.root,
    env,
    logger,
    label: "train",
    redact,
    onInterrupt: context.onInterrupt,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  const record: TrainResult = {
    ...base,
    status: "ok",
    finishedAt: context.now().toISOString(),
    durationMs: result.durationMs,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    peakMemoryBytes: result.peakMemoryBytes,
    logTail: result.tail,
  };
  if (result.exitCode !== 0) {
    return {
      ...record,
      status: "failed",
      failure: describeFailure("training", redact(train.command), result, timeoutMs),
    };
  }
  const missing = train.outputs.filter((output) => !existsSync(path.resolve(loaded.root, output)));
  if (missing.length > 0) {
    return {
      ...record,
      status: "failed",
      failure: `training exited 0 but did not write its declared output${missing.length > 1 ? "s" : ""}: ${missing.join(", ")} (train.outputs)`,
    };
  }
  return record;
}

function runReference(context: StageContext, record: TrainResult): RunReference {
  const { provenance } = context;
  return {
    id: record.runId,
    startedAt: record.startedAt,
    durationMs: record.durationMs,
    gitSha: provenance.gitSha,
    ...(record.chain.git ? { gitDirty: record.chain.git.dirty } : {}),
    ref: provenance.ref,
    runUrl: provenance.runUrl,
    actor: provenance.actor,
  };
}

function shortKey(key: CacheKey): string {
  return `key ${key.hash.slice(0, 12)}`;
}

/** A run in words: `20260101T120000000Z-1a2b3c (git 0123abc, trained 6.2 s, https://github.com/...)`. */
export function describeRun(run: RunReference): string {
  const details = [
    run.gitSha ? `git ${run.gitSha.slice(0, 7)}${run.gitDirty ? " + uncommitted changes" : ""}` : null,
    `trained ${(run.durationMs / 1000).toFixed(1)} s`,
    run.runUrl,
  ].filter((detail): detail is string => detail !== null);
  return `${run.id} (${details.join(", ")})`;
}

function emptyRecord(runId: string, startedAt: string, chain: ChainLink): TrainResult {
  return {
    stage: "train",
    status: "skipped",
    runId,
    command: null,
    params: {},
    paramsFile: null,
    startedAt,
    finishedAt: startedAt,
    durationMs: 0,
    exitCode: null,
    signal: null,
    timedOut: false,
    peakMemoryBytes: null,
    logTail: [],
    outputs: [],
    failure: null,
    leg: null,
    cache: noCache(),
    chain,
  };
}

function noCache(): CacheReport {
  return {
    status: "off",
    backend: null,
    location: null,
    key: null,
    keyParts: null,
    reusedFrom: null,
    saved: false,
    notes: [],
  };
}
