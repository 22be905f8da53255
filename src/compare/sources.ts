import { existsSync } from "node:fs";
import path from "node:path";
import { builtinMetric, type Task } from "../config/metrics.ts";
import { closestMatch } from "../config/suggest.ts";
import type { StageContext } from "../context/context.ts";
import { InputError, UsageError } from "../errors.ts";
import type { EvaluateResult } from "../evaluate/evaluate.ts";
import { sha256File } from "../files/hash.ts";
import { sweepResultsDir } from "../pipeline/sweep-stages.ts";
import { readStageResult } from "../pipeline/stage-run.ts";
import type { Registry } from "../registry/registry.ts";
import type { Manifest } from "../registry/manifest.ts";
import { type FoundResult, readLegResults } from "../train/select.ts";
import { planLegs } from "../train/sweep.ts";
import type { TrainResult } from "../train/train.ts";

/**
 * What `mlops compare` can compare, found from a reference the user typed:
 *
 *   workspace              the workspace's current run (<workspace>/out/train.json and evaluate.json)
 *   leg:<id>               a leg of the last local sweep (<workspace>/sweep/leg-<id>/); `legs` is every leg
 *   <model>@<ref>          a registry version of any model: an alias, a version id or a number (v7, 7)
 *   <ref>, @<ref>          a registry version of mlops.yml's model
 *
 * Each becomes a {@link RunSource}: params, metrics, the task, and the predictions file its metrics came from (or why
 * there is none), ready for the comparison, which needs nothing else.
 */

export interface RunSource {
  /** The reference as the user typed it (a `legs` expanded to `leg:<id>`). */
  ref: string;
  kind: "workspace" | "leg" | "version";
  /** In words: `workspace`, `leg 3 (lr=0.5)`, `toy v7 (#7, champion)`. */
  label: string;
  params: Record<string, unknown>;
  metrics: Record<string, number>;
  /** The task its metrics are of; null when nothing tells (a version with only custom metrics). */
  task: Task | null;
  /** The commit it was built from, when known. */
  commit: string | null;
  predictions: { file: string } | { missing: string };
}

export interface SourceDoor {
  context: StageContext;
  /** Opened only when a reference names the registry. */
  registry: () => Promise<Registry>;
  /** Where registry predictions are downloaded to (the caller removes it). */
  scratch: string;
}

export const WORKSPACE_REF = "workspace";
export const ALL_LEGS_REF = "legs";

/** Every reference, in order, each resolved; `legs` expands to every leg of the last sweep. */
export async function resolveSources(refs: readonly string[], door: SourceDoor): Promise<RunSource[]> {
  const sources: RunSource[] = [];
  for (const ref of refs) {
    if (ref === ALL_LEGS_REF) for (const found of await sweepLegs(door)) sources.push(await legSource(found, door));
    else sources.push(await resolveSource(ref, door, sources.length));
  }
  return sources;
}

async function resolveSource(ref: string, door: SourceDoor, position: number): Promise<RunSource> {
  if (ref === WORKSPACE_REF || ref === ".") return workspaceSource(door.context, ref);
  // Leg ids are numbers, so an alias such as `legacy` is never taken for a leg.
  const leg = /^leg[:-](\d+)$/i.exec(ref)?.[1];
  if (leg !== undefined) return legSource(await findLeg(leg, door), door, ref);
  const at = ref.indexOf("@");
  const model = at > 0 ? ref.slice(0, at) : door.context.loaded.config.model.name;
  const versionRef = at >= 0 ? ref.slice(at + 1) : ref;
  if (versionRef === "") throw new UsageError(`"${ref}" names no version`, { hint: `e.g. ${model}@champion` });
  return versionSource(ref, model, versionRef, door, position);
}

/** The workspace's current run; an InputError when there is none (no evaluation yet). */
export async function workspaceSource(context: StageContext, ref: string = WORKSPACE_REF): Promise<RunSource> {
  const evaluation = await readStageResult<EvaluateResult>(context, "evaluate");
  if (!evaluation || evaluation.status !== "ok") {
    throw new InputError(
      evaluation
        ? `the workspace's last evaluation ${evaluation.status === "failed" ? "failed" : "was skipped"}: it has no metrics to compare`
        : `there is no run in this workspace yet (no ${path.relative(context.loaded.root, context.workspace.resultFile("evaluate"))})`,
      { hint: "run `mlops run` (or `mlops train` and `mlops evaluate`) first" },
    );
  }
  const train = await readStageResult<TrainResult>(context, "train");
  return {
    ref,
    kind: "workspace",
    label: describeWorkspace(evaluation.chain?.git ?? null),
    params: train?.params ?? {},
    metrics: evaluation.metrics,
    task: context.loaded.config.model.task,
    commit: evaluation.chain?.git?.commit ?? null,
    predictions: await keptPredictions(evaluation.predictions, [evaluation.predictions?.snapshot], "the workspace"),
  };
}

function describeWorkspace(git: { commit: string; dirty: boolean } | null): string {
  if (!git) return "the workspace's run";
  return `the workspace's run, on ${git.commit.slice(0, 7)}${git.dirty ? " + uncommitted changes" : ""}`;
}

async function sweepLegs(door: SourceDoor): Promise<FoundResult[]> {
  const dir = sweepResultsDir(door.context);
  const found = await readLegResults(dir);
  if (found.length === 0) {
    throw new InputError(
      `no sweep has run in this workspace (nothing in ${path.relative(door.context.loaded.root, dir) || "."})`,
      { hint: "run `mlops sweep` first" },
    );
  }
  return found;
}

async function findLeg(id: string, door: SourceDoor): Promise<FoundResult> {
  const found = await sweepLegs(door);
  const number = (value: string): string => value.trim().replace(/^0+(?=\d)/, "");
  const match = found.find((result) => result.train.leg && number(result.train.leg.id) === number(id));
  if (match) return match;
  const ids = found.flatMap((result) => (result.train.leg ? [`leg:${number(result.train.leg.id)}`] : []));
  throw new InputError(`the last sweep has no leg "${id}"`, {
    hint: `its legs are ${ids.join(", ")}${suggestion(`leg:${id}`, ids)}`,
  });
}

async function legSource(found: FoundResult, door: SourceDoor, ref?: string): Promise<RunSource> {
  const id = found.train.leg?.id ?? path.basename(found.source);
  const plan = planLegs(door.context.loaded.config).find((leg) => leg.id === id);
  const metrics = Object.fromEntries(
    Object.entries(found.evaluate?.metrics ?? {}).filter((entry): entry is [string, number] => entry[1] !== null),
  );
  const source = (predictions: RunSource["predictions"]): RunSource => ({
    ref: ref ?? `leg:${id.replace(/^0+(?=\d)/, "")}`,
    kind: "leg",
    label: `leg ${id}${plan ? ` (${plan.name})` : ""}`,
    params: found.train.params,
    metrics,
    task: door.context.loaded.config.model.task,
    commit: null,
    predictions,
  });
  const snapshot = found.evaluate?.predictions ?? null;
  // The sweep keeps a copy of each leg's predictions in the leg's folder; the workspace's snapshot is the last leg's.
  return source(
    await keptPredictions(
      snapshot,
      [snapshot ? path.join(found.source, path.basename(snapshot.snapshot)) : undefined, snapshot?.snapshot],
      `leg ${id}`,
    ),
  );
}

/** The first of `candidates` that still holds exactly the rows the metrics came from (same sha256). */
async function keptPredictions(
  snapshot: EvaluateResult["predictions"] | undefined,
  candidates: readonly (string | undefined)[],
  what: string,
): Promise<RunSource["predictions"]> {
  if (!snapshot) return { missing: `${what} has no predictions file (evaluate.predictions)` };
  for (const file of candidates) {
    if (file === undefined || !existsSync(file)) continue;
    if ((await sha256File(file)).sha256 === snapshot.sha256) return { file };
  }
  return {
    missing: `the predictions ${what} was evaluated on are no longer in the workspace (a later run replaced them)`,
  };
}

async function versionSource(
  ref: string,
  model: string,
  versionRef: string,
  door: SourceDoor,
  position: number,
): Promise<RunSource> {
  const registry = await door.registry();
  const manifest = await registry.resolve(model, versionRef);
  if (!manifest) throw await unknownRef(ref, model, versionRef, registry, door);
  const aliases = Object.entries(await registry.aliases(model))
    .filter(([, version]) => version === manifest.version)
    .map(([name]) => name);
  return {
    ref,
    kind: "version",
    label: `${model} ${manifest.version}${describeNames(manifest, aliases)}`,
    params: manifest.params,
    metrics: manifest.metrics,
    task: taskOfMetrics(manifest.metrics),
    commit: manifest.git.sha,
    predictions: await versionPredictions(manifest, registry, path.join(door.scratch, String(position))),
  };
}

function describeNames(manifest: Manifest, aliases: readonly string[]): string {
  const names = [...(manifest.sequence === undefined ? [] : [`#${manifest.sequence}`]), ...aliases];
  return names.length > 0 ? ` (${names.join(", ")})` : "";
}

/** Downloads a version's stored predictions (verified against its manifest). */
export async function versionPredictions(
  manifest: Manifest,
  registry: Registry,
  dir: string,
): Promise<RunSource["predictions"]> {
  const attachment = manifest.attachments.predictions;
  const what = `${manifest.model} ${manifest.version}`;
  if (!attachment) return { missing: `${what} has no stored predictions (it was published without an evaluate stage)` };
  const file = path.join(dir, path.basename(attachment.path));
  if (!(await registry.pullAttachment(manifest, "predictions", file)))
    return { missing: `the predictions of ${what} could not be downloaded` };
  return { file };
}

/** The task a set of metrics is of, by its built-in metrics; null when it has none (or, oddly, both kinds). */
export function taskOfMetrics(metrics: Record<string, number>): Task | null {
  const tasks = new Set(Object.keys(metrics).flatMap((name) => builtinMetric(name)?.task ?? []));
  return tasks.size === 1 ? ([...tasks][0] ?? null) : null;
}

/** "did you mean" over everything a reference could have named. */
async function unknownRef(
  ref: string,
  model: string,
  versionRef: string,
  registry: Registry,
  door: SourceDoor,
): Promise<InputError> {
  const models = await registry.models();
  const ownModel = model === door.context.loaded.config.model.name && !ref.includes("@");
  if (!models.includes(model) && !ownModel) {
    const near = closestMatch(model, models);
    return new InputError(`the registry (${registry.location}) has no model "${model}"`, {
      hint: near
        ? `did you mean ${near}@${versionRef}?`
        : `its models are ${models.join(", ") || "none yet"}; see \`mlops models list\``,
    });
  }
  const [versions, aliases] = models.includes(model)
    ? await Promise.all([registry.versions(model), registry.aliases(model)])
    : [[], {}];
  const names = [
    ...Object.keys(aliases),
    ...versions.flatMap((m) => [m.version, ...(m.sequence === undefined ? [] : [`v${m.sequence}`])]),
  ];
  const others = ownModel ? [WORKSPACE_REF, ALL_LEGS_REF] : [];
  const near = closestMatch(versionRef, [...names, ...others]);
  const prefix = ref.includes("@") ? `${model}@` : "";
  return new InputError(
    ownModel && versions.length === 0
      ? `"${ref}" is not the workspace or a sweep leg, and ${model} has no versions in ${registry.location} yet`
      : ownModel
        ? `"${ref}" is not the workspace, a sweep leg, or a version or alias of ${model}`
        : `${model} has no version or alias "${versionRef}"`,
    {
      hint: near
        ? `did you mean ${others.includes(near) ? near : `${prefix}${near}`}?`
        : `see \`mlops models list\`; \`workspace\` is the current run, \`leg:<id>\` a leg of the last sweep`,
    },
  );
}

function suggestion(wanted: string, candidates: readonly string[]): string {
  const near = closestMatch(wanted, candidates);
  return near ? `; did you mean ${near}?` : "";
}
