import { createHash, randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { ParamOverride } from "../config/params.ts";
import type { MlopsConfig } from "../config/schema/index.ts";
import { listSources } from "../data/sources.ts";
import { UserError } from "../errors.ts";
import { type FileDigest, fingerprintFiles, listFiles, toRelative } from "../files/hash.ts";
import { projectStoreSettings } from "../store/open.ts";
import type { StageContext } from "../context/context.ts";
import type { WorktreeState } from "../context/provenance.ts";

/**
 * The stage chain (DOMAIN.md §6). validate → train → evaluate → gate → publish hand over through the workspace, one
 * process after another, so a result on disk may come from another chain: `mlops train --force` after `mlops run`
 * leaves the old evaluation and gate verdict beside the new model. Each result therefore carries a {@link ChainLink}
 * naming the train run and the model files it is about and the results it consumed, and a stage refuses an input
 * that belongs to another chain with the command that would make it fresh ({@link StaleInputError}, exit 2).
 */

export interface ChainLink {
  /** This result's own id (`<UTC time>-<6 hex>`); a train result's is its run id. */
  id: string;
  /**
   * The train run whose model this result is about; null when no train run made it (the project has no train stage,
   * or the model was put in place by hand before `mlops evaluate`).
   */
  trainRun: string | null;
  /** The model's files (train.outputs, else publish.files) with size and sha256, as this result saw them. */
  model: FileDigest[];
  /** The evaluation this result consumed (a gate verdict), by its id. */
  evaluation: string | null;
  /** The working tree the chain's model was made from, taken before the chain's first writing stage. */
  git: WorktreeState | null;
  /**
   * The `--set` overrides the chain's train run applied over the params its commit holds: with any, checking out
   * `git.commit` does not reproduce the model. Empty when none; absent when no train run of this kit says.
   */
  overrides?: ParamOverride[];
  /**
   * Identity of the data files (data.train and data.eval) when the chain saw them: validate and train record it, so
   * publish can tell that the profile it attaches and the fingerprints it records describe the data trained on.
   */
  data: string | null;
}

/** An input from another chain: the message says whose it is, the hint which command makes it fresh. */
export class StaleInputError extends UserError {}

/** `20260101T120000123Z-1a2b3c`: sortable by time, unique enough for two results in one millisecond. */
export function newResultId(now: Date): string {
  return `${now.toISOString().replace(/[-:.]/g, "")}-${randomBytes(3).toString("hex")}`;
}

/** The files that make up the model: what training writes, or, without a train stage, what is published. */
export function modelTargets(config: MlopsConfig): string[] {
  return config.train ? config.train.outputs : (config.publish.files ?? []);
}

/** The targets in words, for messages: `model/` or `model/, vocab.txt`. */
export function describeTargets(config: MlopsConfig): string {
  return modelTargets(config).join(", ") || "(no model files)";
}

/**
 * Size and sha256 of every model file now. A file unchanged since it was last hashed is not read again (the run
 * cache's stamps: src/files/hash.ts), so checking a large model at every stage costs a stat per file.
 */
export async function digestModel(context: Pick<StageContext, "loaded" | "workspace">): Promise<FileDigest[]> {
  const { root } = context.loaded;
  const files = new Set<string>();
  for (const target of modelTargets(context.loaded.config)) {
    try {
      // The model is what the run made, wherever a link puts its bytes (publish.files alone refuses outside links).
      for (const file of await listFiles(root, target, { outsideLinks: "follow" })) files.add(file);
    } catch (error) {
      // A missing target is part of the answer: the comparison names it as missing.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const relative = [...files].sort();
  const pass = await fingerprintFiles(
    relative.map((file) => path.join(root, file)),
    { stampsFile: path.join(context.workspace.cacheDir, "stamps.json"), keepOtherStamps: true },
  );
  return relative.map((file) => {
    const print = pass.files.get(path.join(root, file));
    if (!print) throw new Error(`no fingerprint for ${file}`);
    return { path: file, size: print.size, sha256: print.sha256 };
  });
}

/** What differs between a recorded model and the files now, in words (the first few differences), or null. */
export function modelDifference(recorded: readonly FileDigest[], current: readonly FileDigest[]): string | null {
  const now = new Map(current.map((file) => [file.path, file]));
  const before = new Map(recorded.map((file) => [file.path, file]));
  const changes: string[] = [];
  for (const file of recorded) {
    const found = now.get(file.path);
    if (!found) changes.push(`${file.path} is gone`);
    else if (found.sha256 !== file.sha256 || found.size !== file.size) changes.push(`${file.path} changed`);
  }
  for (const file of current) if (!before.has(file.path)) changes.push(`${file.path} is new`);
  if (changes.length === 0) return null;
  const shown = changes.slice(0, 3).join(", ");
  return changes.length > 3 ? `${shown} and ${changes.length - 3} more` : shown;
}

/**
 * Identity of the data files right now: for a local file its device, inode, size and change times (any write to it
 * changes its ctime), for an s3:// object its size and ETag. Equal identities mean the same, unchanged files; a
 * different one means they were replaced or touched. Cheap: a stat or a HEAD per file, no reading.
 */
export async function dataIdentity(context: Pick<StageContext, "loaded" | "env">): Promise<string | null> {
  const { config, root } = context.loaded;
  const sources = [config.data?.train, config.data?.eval].flatMap((s) =>
    s === undefined ? [] : typeof s === "string" ? [s] : s,
  );
  if (sources.length === 0) return null;
  const hash = createHash("sha256");
  for (const entry of await listSources(sources, root, projectStoreSettings(config.registry, context.env))) {
    if (entry.kind === "local") {
      const info = await stat(entry.path, { bigint: true });
      hash.update(
        `${toRelative(root, entry.path)}\t${info.dev}\t${info.ino}\t${info.size}\t${info.mtimeNs}\t${info.ctimeNs}\n`,
      );
    } else {
      const head = await entry.store.head(entry.key);
      hash.update(`${entry.shown}\t${head ? `${head.size}\t${head.etag}` : "missing"}\n`);
    }
  }
  return hash.digest("hex");
}

/** "train run X" for a run id, "a model not made by a train run" for null. */
export function describeTrainRun(id: string | null): string {
  return id === null ? "a model not made by a train run in this workspace" : `train run ${id}`;
}
