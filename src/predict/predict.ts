import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { describeFailure, runCommand } from "../command/run-command.ts";
import { redactorFor } from "../command/redact.ts";
import type { MlopsConfig, PredictConfig } from "../config/schema/index.ts";
import type { StageContext } from "../context/context.ts";
import type { Finding } from "../data/findings.ts";
import { fetchSources, listSources, shardOf, type SourceEntry } from "../data/sources.ts";
import { UserError } from "../errors.ts";
import { UnverifiedVersionError } from "../provenance/policy.ts";
import { DamagedFileError } from "../registry/download.ts";
import type { Manifest } from "../registry/manifest.ts";
import { pullForCommand } from "../registry/pull-for-command.ts";
import type { Registry } from "../registry/registry.ts";
import { openObjectStore, projectStoreSettings } from "../store/open.ts";
import { completeResult } from "./complete.ts";
import { requirePredict } from "./require.ts";
import { resolveScoringVersion } from "./resolve.ts";
import { checkInput, fingerprintInput, type InputFingerprint, missingMonitorColumns, tableShape } from "./input.ts";
import {
  expandLayout,
  keyIn,
  type OutputPlace,
  partName,
  readCompletion,
  readPartRecord,
  SUCCESS_MARKER,
  writePartRecord,
} from "./location.ts";

/**
 * Batch scoring (docs/batch-scoring.md): the version an alias points at, pulled and verified, scores each input file
 * with the user's command; each file's predictions become one part of a result at a location named by the version
 * and the input's fingerprint; the result is marked complete only when every part is there, and the registry keeps a
 * record of which version scored what. A matrix leg (`shard`) scores its block of files; `finish` only completes.
 */

export interface PredictRequest {
  /** The version (id, number or alias); null takes predict.alias. */
  ref: string | null;
  /** The alias a pinned `ref` was resolved from (a matrix's plan job), for the record; else found from `ref`. */
  alias?: string | null;
  /** This leg's block of the input's files; null scores them all. */
  shard: { index: number; count: number } | null;
  /** Only check that every part is there and mark the result complete (the matrix's last job). */
  finish: boolean;
  /** Score again what was scored already by this version for this input. */
  force: boolean;
}

export interface PartOutcome {
  index: number;
  file: string;
  state: "scored" | "kept" | "failed";
  rowsIn: number | null;
  rowsOut: number | null;
}

export interface PredictResult {
  stage: "predict";
  model: string;
  alias: string | null;
  version: string;
  input: { fingerprint: string; files: number };
  location: string;
  verdict: "pass" | "fail";
  /** complete: marked complete by this run; already: complete before (not scored again); partial: a leg's parts. */
  state: "complete" | "already" | "partial" | "failed";
  failure: string | null;
  findings: Finding[];
  parts: PartOutcome[];
  /** Rows of the complete result; null when this run did not complete it. */
  rows: number | null;
  /** The registry's key of the scoring record this run wrote; null when none. */
  record: string | null;
  shard: { index: number; count: number } | null;
  durationMs: number;
}

export async function predictBatch(
  context: StageContext,
  registry: Registry,
  request: PredictRequest,
): Promise<PredictResult> {
  const started = context.now();
  const { config, root } = context.loaded;
  const predict = requirePredict(config);
  const model = config.model.name;
  const { manifest, alias } = await resolveScoringVersion(context, registry, request);
  const settings = projectStoreSettings(config.registry, context.env);
  const entries = await listSources(predict.input, root, settings);
  const input = await fingerprintInput(entries, root);
  const prefix = expandLayout(predict.layout, {
    model,
    version: manifest.version,
    alias,
    input: input.id,
    date: started.toISOString().slice(0, 10),
  });
  const store = await openObjectStore(predict.output, root, settings);
  const place: OutputPlace = { store, prefix, location: `${predict.output.replace(/\/+$/, "")}/${prefix}` };
  const result: PredictResult = {
    stage: "predict",
    model,
    alias,
    version: manifest.version,
    input: { fingerprint: input.id, files: entries.length },
    location: place.location,
    verdict: "pass",
    state: "partial",
    failure: null,
    findings: [],
    parts: [],
    rows: null,
    record: null,
    shard: request.shard,
    durationMs: 0,
  };
  const finished = (changes: Partial<PredictResult>): PredictResult => ({
    ...result,
    ...changes,
    durationMs: context.now().getTime() - started.getTime(),
  });
  const failed = (failure: string, changes: Partial<PredictResult> = {}): PredictResult =>
    finished({ verdict: "fail", state: "failed", failure, ...changes });

  const done = await readCompletion(place);
  if (done && (done.version !== manifest.version || done.input !== input.id)) {
    return failed(
      `${place.location} holds a complete result of ${done.version} for input ${done.input}; it is not replaced by ` +
        `${manifest.version}'s (put {version} and {input} in predict.layout to give each result its own place)`,
    );
  }
  if (done && !request.force) {
    context.logger.info(
      `${place.location} is complete already (${manifest.version}, input ${input.id}); --force scores again`,
    );
    return finished({ state: "already", rows: done.rows });
  }
  if (!done && !request.force) {
    // Scored into another place (a layout with {date}): that result stands. Into this place, its _SUCCESS is the
    // truth: gone means a forced run is scoring it again, and this run resumes (or, as the finish job, completes) it.
    const earlier = (await registry.scoringLog(model)).findLast(
      (r) => r.version === manifest.version && r.input.fingerprint === input.id && r.output.location !== place.location,
    );
    if (earlier) {
      context.logger.info(
        `${manifest.version} scored this input already, into ${earlier.output.location}; --force scores again`,
      );
      return finished({ state: "already", rows: earlier.output.rows, location: earlier.output.location });
    }
  }
  if (done) await store.delete(keyIn(place, SUCCESS_MARKER));

  const run = { manifest, alias, input, format: predict.output_format, runUrl: context.provenance.runUrl };
  if (!request.finish) {
    const scored = await scoreParts(context, registry, place, entries, { ...run, predict, request });
    if (scored.failure !== null) return failed(scored.failure, { findings: scored.findings, parts: scored.parts });
    result.findings = scored.findings;
    result.parts = scored.parts;
    if (request.shard !== null) return finished({ state: "partial" });
  }
  const completed = await completeResult(place, registry, { ...run, scoredAt: started.toISOString() });
  if ("failure" in completed) return failed(completed.failure, { parts: result.parts });
  context.logger.info(`${place.location} is complete: ${completed.rows} rows in ${completed.parts} part(s)`);
  return finished({ state: "complete", rows: completed.rows, record: completed.record });
}

interface ScoreRun {
  manifest: Manifest;
  alias: string | null;
  input: InputFingerprint;
  format: PredictConfig["output_format"];
  predict: PredictConfig;
  request: PredictRequest;
}

/** Scores this run's files that have no part yet (or all of them with force); stops at the first failure. */
async function scoreParts(
  context: StageContext,
  registry: Registry,
  place: OutputPlace,
  entries: SourceEntry[],
  run: ScoreRun,
): Promise<{ failure: string | null; findings: Finding[]; parts: PartOutcome[] }> {
  const { manifest, input, predict, request } = run;
  const indexed = entries.map((entry, i) => ({ entry, index: i + 1 }));
  const mine = request.shard ? shardOf(indexed, request.shard.index, request.shard.count) : indexed;
  const parts: PartOutcome[] = [];
  const todo: typeof mine = [];
  for (const item of mine) {
    const record = request.force ? undefined : await readPartRecord(place, item.index);
    if (record && record.version === manifest.version && record.input === input.id) {
      parts.push({
        index: item.index,
        file: item.entry.shown,
        state: "kept",
        rowsIn: record.rowsIn,
        rowsOut: record.rowsOut,
      });
    } else todo.push(item);
  }
  if (todo.length === 0) return { failure: null, findings: [], parts };

  const work = path.join(context.workspace.dir, "predict");
  await mkdir(work, { recursive: true });
  const temp = await mkdtemp(path.join(work, "run-"));
  try {
    const files = await fetchSources(
      todo.map((item) => item.entry),
      path.join(temp, "input"),
    );
    const checked = await checkInput(files, context.loaded.config, predict, temp);
    if (checked.errors > 0) {
      return {
        failure: `the input broke ${checked.errors} rule(s) of data.schema; nothing was scored`,
        findings: checked.findings,
        parts,
      };
    }
    const pulled = await pullModel(context, registry, manifest, path.join(temp, "model"));
    if ("failure" in pulled) return { failure: pulled.failure, findings: checked.findings, parts };
    for (let i = 0; i < todo.length; i++) {
      const { index, entry } = todo[i]!;
      const file = files[i]!;
      const rowsIn = checked.rows[i] ?? 0;
      const part = partName(index, run.format);
      const output = path.join(temp, part);
      const failure = await runScoring(context, run, { ...pulled, input: file.path, output, part: index });
      const outcome: PartOutcome = { index, file: entry.shown, state: "failed", rowsIn, rowsOut: null };
      parts.push(outcome);
      if (failure !== null) return { failure, findings: checked.findings, parts };
      const shape = await tableShape({ path: output, shown: part }, run.format, temp).catch((error: unknown) => {
        if (error instanceof UserError) return error.message;
        throw error;
      });
      if (typeof shape === "string")
        return {
          failure: `the predict command's output for ${entry.shown} cannot be read: ${shape}`,
          findings: checked.findings,
          parts,
        };
      outcome.rowsOut = shape.rows;
      const problem = partProblem(context.loaded.config, predict, entry.shown, rowsIn, shape);
      if (problem !== null) return { failure: problem, findings: checked.findings, parts };
      const digest = await place.store.upload(keyIn(place, part), output);
      await writePartRecord(place, index, {
        version: manifest.version,
        input: input.id,
        file: entry.shown,
        rowsIn,
        rowsOut: shape.rows,
        bytes: digest.size,
        sha256: digest.sha256,
        shard: request.shard,
      });
      outcome.state = "scored";
      context.logger.info(`scored ${entry.shown}: ${shape.rows} rows into ${place.location}/${part}`);
    }
    return { failure: null, findings: checked.findings, parts };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Why a part the command wrote is refused (fewer or more rows than its input, columns the monitor needs), or null. */
function partProblem(
  config: MlopsConfig,
  predict: PredictConfig,
  shown: string,
  rowsIn: number,
  shape: { rows: number; columns: string[] },
): string | null {
  if (shape.rows !== rowsIn) {
    return `the predict command wrote ${shape.rows} rows for the ${rowsIn} rows of ${shown}: one row per input row, in order`;
  }
  const missing = predict.monitored ? missingMonitorColumns(config, shape.columns) : [];
  if (missing.length > 0) {
    return (
      `the predict command's output for ${shown} lacks ${missing.join(", ")}, which the monitor reads ` +
      "(monitor.logs); write them, or set predict.monitored: false"
    );
  }
  return null;
}

interface PulledModel {
  modelDir: string;
  manifestFile: string;
}

async function pullModel(
  context: StageContext,
  registry: Registry,
  manifest: Manifest,
  dir: string,
): Promise<PulledModel | { failure: string }> {
  const modelDir = path.join(dir, "files");
  const manifestFile = path.join(dir, "manifest.json");
  try {
    await pullForCommand(context, registry, manifest, { modelDir, manifestFile });
  } catch (error) {
    // A version that does not verify (a changed file, or a signature registry.signing requires) scores nothing.
    if (error instanceof UnverifiedVersionError || error instanceof DamagedFileError) {
      return { failure: `${error.message}; nothing was scored` };
    }
    throw error;
  }
  return { modelDir, manifestFile };
}

/** Runs the user's command on one input file; the failure in words, or null. */
async function runScoring(
  context: StageContext,
  run: ScoreRun,
  files: PulledModel & { input: string; output: string; part: number },
): Promise<string | null> {
  const env = {
    ...context.env,
    ...run.predict.env,
    MLOPS_MODEL: run.manifest.model,
    MLOPS_VERSION: run.manifest.version,
    MLOPS_ALIAS: run.alias ?? "",
    MLOPS_MODEL_DIR: files.modelDir,
    MLOPS_MANIFEST: files.manifestFile,
    MLOPS_INPUT: files.input,
    MLOPS_INPUT_FINGERPRINT: run.input.id,
    MLOPS_PART: String(files.part),
    MLOPS_OUTPUT: files.output,
    MLOPS_SCORED_AT: context.now().toISOString(),
  };
  const redact = redactorFor(env);
  const command = run.predict.command;
  context.logger.info(`$ ${redact(command)}`);
  const timeoutMs = run.predict.timeout_minutes * 60_000;
  const result = await runCommand({
    command,
    cwd: context.loaded.root,
    env,
    logger: context.logger,
    label: "predict",
    redact,
    timeoutMs,
    ...(context.onInterrupt ? { onInterrupt: context.onInterrupt } : {}),
  });
  if (result.exitCode !== 0) return describeFailure("predict", redact(command), result, timeoutMs);
  return null;
}
