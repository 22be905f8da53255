import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { cardAttachments, type CardInputs, gateIntervals, intervalsOverAllRows, profileFact } from "../card/write.ts";
import { fingerprintDatasets } from "../data/fingerprint.ts";
import { projectStoreSettings } from "../store/open.ts";
import { InputError, isErrnoException } from "../errors.ts";
import type { ValidateResult } from "../data/validate.ts";
import type { EvaluateResult } from "../evaluate/evaluate.ts";
import { digestFiles, type FileDigest } from "../files/hash.ts";
import type { GateResult } from "../gate/gate.ts";
import type { ChainLink } from "../chain/chain.ts";
import type { StageContext } from "../context/context.ts";
import type { WorktreeState } from "../context/provenance.ts";
import { describeCommit } from "../context/provenance.ts";
import { describeOverrides, type ParamOverride } from "../config/params.ts";
import type { TrainResult } from "../train/train.ts";
import { KIT_VERSION } from "../version.ts";
import { progressReporter } from "../registry/progress.ts";
import type { Manifest } from "../registry/manifest.ts";
import type { Registry } from "../registry/registry.ts";

/** The publish stage: store the model as a new immutable version, then move the alias if the gate passed. */

export interface PublishResult {
  stage: "publish";
  model: string;
  version: string;
  /** The version's friendly number (1, 2, 3 ...). */
  sequence: number | null;
  /** Where the version lives: registry location + key. */
  uri: string;
  manifest: string;
  /**
   * The manifest's stored bytes, written to `<workspace>/out/manifest.json` with its sha256: the subject of the
   * workflow's build-provenance attestation, which `gh attestation verify` checks against a pulled manifest.
   */
  manifestFile: string;
  manifestSha256: string;
  files: number;
  bytes: number;
  promoted: string | null;
  /** Why it was or was not promoted, in words. */
  promotion: string;
  /** Why it was not promoted, in a few words for a one-line headline ("the gate verdict is fail"); null when promoted. */
  notPromotedBecause: string | null;
  /** It would have been promoted, but was built from uncommitted changes and --allow-dirty was not given. */
  refusedDirty: boolean;
  /**
   * "commit abc1234", "commit abc1234 + uncommitted changes", either with "with --set name=value" when the params had
   * overrides; null outside git.
   */
  builtFrom: string | null;
}

export interface PublishInputs {
  validation: ValidateResult | null;
  train: TrainResult | null;
  evaluation: EvaluateResult | null;
  gate: GateResult | null;
  /** The newest link of the chain these results form (checked by the stage runner), or null without any. */
  chain: ChainLink | null;
  /** The run's HTML report the gate wrote for these results (`<workspace>/out/report.html`), or null. */
  report?: string | null;
}

export interface PublishOptions {
  /** Promote even when the model was built from uncommitted changes (the alias history says so). */
  allowDirty: boolean;
}

export async function publishModel(
  context: StageContext,
  registry: Registry,
  inputs: PublishInputs,
  options: PublishOptions = { allowDirty: false },
): Promise<PublishResult> {
  const { loaded, provenance } = context;
  const { config, root } = loaded;
  const targets = config.publish.files ?? config.train?.outputs ?? [];
  if (targets.length === 0) {
    throw new InputError("nothing to publish: publish.files and train.outputs are both empty", {
      hint: "list the model files in publish.files",
    });
  }
  let digests: FileDigest[];
  try {
    digests = await digestFiles(root, targets);
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) {
      throw new InputError(`cannot publish: ${path.relative(root, error.path ?? "") || "a file"} does not exist`, {
        hint: "run the train stage first (publish.files or train.outputs)",
      });
    }
    throw error;
  }
  const data = await fingerprintDatasets(config.data, root, projectStoreSettings(config.registry, context.env));
  const gateRecord: Manifest["gate"] =
    inputs.gate && inputs.gate.verdict !== "skipped"
      ? { verdict: inputs.gate.verdict, baseline: inputs.gate.baseline?.description ?? null }
      : null;
  const git = gitRecord(inputs.chain, context);
  // Known only from a train run of this kit: absent rather than a guessed "none" (docs/registry.md).
  const overrides = inputs.train ? inputs.chain?.overrides : undefined;
  // The card and ML-BOM tell what the manifest will record (and the gate computed), nothing else (docs/model-card.md);
  // the registry writes them once it knows the version's id and number, so they name it.
  const cardFiles = cardAttachments(context.workspace.outDir, {
    model: config.model.name,
    task: config.model.task,
    description: config.model.description ?? null,
    card: config.card ?? null,
    files: digests,
    metrics: inputs.evaluation?.metrics ?? {},
    data,
    rows: Object.fromEntries((inputs.validation?.datasets ?? []).map((d) => [d.name, d.rows])),
    evaluationRows: inputs.evaluation?.rows ?? null,
    params: inputs.train?.params ?? {},
    gate: gateRecord,
    ...mergeIntervals(await intervalsOverAllRows(config, inputs.evaluation), gateIntervals(inputs.gate)),
    profile: await profileFact(inputs.validation?.profile ?? null),
    git,
    repository: provenance.repository,
    runUrl: provenance.runUrl,
    actor: provenance.actor,
    kitVersion: KIT_VERSION,
  });
  const progress = progressReporter(
    (line) => context.logger.info(line),
    () => context.now().getTime(),
  );
  const manifest = await registry.publish(
    {
      model: config.model.name,
      files: digests.map((d) => ({ path: d.path, source: path.join(root, d.path) })),
      // The evaluation predictions travel with the version, so a later candidate can be tested against them row by row.
      attachments: [
        ...(inputs.evaluation?.predictions
          ? [{ name: "predictions", source: inputs.evaluation.predictions.snapshot }]
          : []),
        ...(inputs.validation?.profile ? [{ name: "profile", source: inputs.validation.profile }] : []),
        // The run's HTML report, so a version can be looked at later as its reviewers saw it.
        ...(inputs.report ? [{ name: "report", source: inputs.report }] : []),
        ...cardFiles,
      ],
      metrics: inputs.evaluation?.metrics ?? {},
      slices: inputs.evaluation?.slices ?? [],
      gate: gateRecord,
      params: inputs.train?.params ?? {},
      ...(overrides ? { overrides } : {}),
      data,
      git,
      chain: {
        trainRun: inputs.chain?.trainRun ?? null,
        evaluation: inputs.evaluation?.chain.id ?? null,
        gate: inputs.gate && inputs.gate.verdict !== "skipped" ? inputs.gate.chain.id : null,
      },
      runUrl: provenance.runUrl,
      actor: provenance.actor,
      repository: provenance.repository,
      kitVersion: KIT_VERSION,
    },
    { onProgress: progress },
  );
  await cleanDebris(context, registry, config.model.name);
  const manifestBytes = await registry.manifestBytes(manifest);
  const manifestFile = path.join(context.workspace.outDir, "manifest.json");
  await mkdir(context.workspace.outDir, { recursive: true });
  await writeFile(manifestFile, manifestBytes);
  const signing = config.registry.signing;
  if (signing?.key_env !== undefined && signing.key_file === undefined && !context.env[signing.key_env]?.trim()) {
    context.logger.warn(
      `${config.model.name} ${manifest.version} was published unsigned: $${signing.key_env} is not set ` +
        `(registry.signing.key_env); sign it with mlops sign ${config.model.name}@${manifest.version}`,
    );
  }

  const alias = config.publish.promote;
  let promoted: string | null = null;
  let refusedDirty = false;
  const tree = manifest.git.dirty ? (inputs.chain?.git ?? context.provenance.worktree) : null;
  const built = { tree, commit: manifest.git.sha, overrides: manifest.overrides ?? [] };
  const refusal: Refusal | null =
    alias === false
      ? { short: "publish.promote is false", why: "publish.promote is false", dirty: false }
      : promotionRefusal(context, inputs.gate, built, options);
  let promotion: string;
  if (alias === false || refusal) {
    refusedDirty = refusal?.dirty === true;
    promotion = `not promoted${alias === false ? "" : ` to ${alias}`}: ${refusal?.why ?? ""}`;
  } else {
    const baseline = inputs.gate?.baseline?.description;
    const dirtyNote =
      tree || (built.commit && built.overrides.length > 0)
        ? ` (built from ${describeBuild(manifest)}, --allow-dirty)`
        : "";
    await registry.moveAlias(config.model.name, alias, manifest.version, {
      at: context.now().toISOString(),
      actor: provenance.actor,
      reason: (baseline ? `gate passed against ${baseline}` : "gate passed (first version)") + dirtyNote,
      runUrl: provenance.runUrl,
      forced: false,
    });
    promoted = alias;
    promotion = `promoted to ${alias}`;
  }
  return {
    stage: "publish",
    model: config.model.name,
    version: manifest.version,
    sequence: manifest.sequence ?? null,
    uri: `${registry.location}/${config.model.name}/versions/${manifest.version}`,
    manifest: `${registry.location}/${config.model.name}/versions/${manifest.version}/manifest.json`,
    manifestFile,
    manifestSha256: createHash("sha256").update(manifestBytes).digest("hex"),
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    promoted,
    promotion,
    notPromotedBecause: refusal?.short ?? null,
    refusedDirty,
    builtFrom: manifest.git.sha ? describeBuild(manifest) : null,
  };
}

/** The card's intervals: each metric's over all rows first, then the gate's by slice. */
function mergeIntervals(
  overall: Awaited<ReturnType<typeof intervalsOverAllRows>>,
  gate: ReturnType<typeof gateIntervals>,
): Pick<CardInputs, "intervals" | "noInterval" | "changes"> {
  return {
    intervals: [...overall.intervals, ...gate.intervals],
    noInterval: overall.noInterval,
    changes: gate.changes,
  };
}

/** "commit abc1234 + uncommitted changes with --set lr=0.1": what a version was built from, as its manifest says. */
function describeBuild(manifest: Pick<Manifest, "git" | "overrides">): string {
  const commit = describeCommit({ commit: manifest.git.sha ?? "", dirty: manifest.git.dirty === true });
  const overrides = manifest.overrides ?? [];
  return overrides.length > 0 ? `${commit} with ${describeOverrides(overrides)}` : commit;
}

/**
 * The manifest's git facts: the commit and state of the tree the chain's model was made from (taken before its first
 * writing stage), else the door's; `dirty` is left out when it could not be known, never guessed.
 */
function gitRecord(chain: ChainLink | null, context: StageContext): Manifest["git"] {
  const { provenance } = context;
  const tree = chain?.git ?? provenance.worktree;
  if (!tree) return { sha: provenance.gitSha, ref: provenance.ref };
  return {
    sha: tree.commit,
    ref: provenance.ref,
    dirty: tree.dirty,
    diff: tree.diff,
    ...(tree.dirty ? { changed: tree.changed } : {}),
  };
}

interface Refusal {
  /** A few words for a headline. */
  short: string;
  /** The reason in full, with what to do. */
  why: string;
  /** Refused only because the model was built from uncommitted changes. */
  dirty: boolean;
}

/**
 * Why a published version may not be promoted (the gate, the branch, the tree it was built from), or null. Every
 * reason that holds is given, not the first: fixing one only to meet the next would cost the user a run each.
 */
function promotionRefusal(
  context: StageContext,
  gate: GateResult | null,
  built: { tree: WorktreeState | null; commit: string | null; overrides: readonly ParamOverride[] },
  options: PublishOptions,
): Refusal | null {
  const { tree, commit, overrides } = built;
  const { config } = context.loaded;
  const { ref } = context.provenance;
  const reasons: Refusal[] = [];
  if (!gate || gate.verdict === "skipped") {
    reasons.push({ short: "no gate verdict", why: "no gate verdict (run the gate stage first)", dirty: false });
  } else if (gate.verdict !== "pass") {
    const why = `the gate verdict is ${gate.verdict}`;
    reasons.push({ short: why, why, dirty: false });
  }
  if (!promotesFrom(ref, config.publish.promote_branches)) {
    const branches = config.publish.promote_branches.join(", ");
    reasons.push({
      short: `${shortRef(ref)} is not in publish.promote_branches (${branches})`,
      why: `${ref} is not one of publish.promote_branches (${branches})`,
      dirty: false,
    });
  }
  if (tree && !options.allowDirty) {
    reasons.push({
      short: "built from uncommitted changes",
      why: `it was built from ${describeCommit(tree)} (${tree.changedCount} changed path(s), e.g. ${tree.changed.slice(0, 3).join(", ")}); commit them and run again, or pass --allow-dirty to promote it as it is`,
      dirty: true,
    });
  }
  // Overrides count as uncommitted changes (DOMAIN.md §6): the commit's params are not the ones trained with. Outside
  // git there is no commit to fall short of, as there is no tree to be dirty.
  if (commit && overrides.length > 0 && !options.allowDirty) {
    reasons.push({
      short: "trained with --set overrides",
      why: `it was trained with ${describeOverrides(overrides)}, which the params at commit ${commit.slice(0, 7)} do not hold; commit the values and run again, or pass --allow-dirty to promote it as it is`,
      dirty: true,
    });
  }
  if (reasons.length === 0) return null;
  return {
    short: reasons.map((r) => r.short).join("; "),
    why: reasons.map((r) => r.why).join("; "),
    // Exit 1 (a promotion check failed) asks for --allow-dirty: only when that flag alone would have promoted the version.
    dirty: reasons.every((r) => r.dirty),
  };
}

/** A ref as people say it: `main` for refs/heads/main, the ref itself otherwise (a tag, a pull request's merge). */
function shortRef(ref: string | null): string {
  return ref?.replace(/^refs\/heads\//, "") ?? "this run";
}

/** Promotion needs a branch listed in publish.promote_branches; a run with no branch at all (outside git) may promote. */
export function promotesFrom(ref: string | null, branches: readonly string[]): boolean {
  if (ref === null) return true;
  const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  return branch !== undefined && branches.includes(branch);
}

/** Removes what interrupted publishes of this model left behind; a failure here never fails the publish. */
async function cleanDebris(context: StageContext, registry: Registry, model: string): Promise<void> {
  try {
    const cleaned = await registry.clean(model);
    if (cleaned.versions.length > 0 || cleaned.uploads > 0) {
      context.logger.info(
        `removed the debris of ${cleaned.versions.length} interrupted publish(es) (${cleaned.objects} object(s)) and ${cleaned.uploads} unfinished upload(s)`,
      );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The least write role may not delete version objects (docs/bucket.md "The least IAM policies"): say what to do instead.
    const denied = /access denied/i.test(message)
      ? "; the registry's write role may not delete version objects by design: run `mlops models clean` with the maintenance permissions"
      : "";
    context.logger.warn(`could not clean up after interrupted publishes: ${message}${denied}`);
  }
}
