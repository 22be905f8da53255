import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StageContext } from "../context/context.ts";
import { openRegistry } from "../registry/open.ts";
import { projectStoreSettings } from "../store/open.ts";
import { UsageError } from "../errors.ts";
import { type DatasetProfile, mergeProfiles } from "./profile.ts";
import { readProfileFile } from "./profile-file.ts";
import { listSources, shardOf } from "./sources.ts";
import { profileSources, type ValidateOptions } from "./validate.ts";

/**
 * What the validate stage needs from its surroundings, built from the stage context: threads, a temp folder in the
 * workspace, how to reach s3:// data, shard profiles, and the champion's training-data profile from the registry.
 */

export async function validationOptions(
  context: StageContext,
  options: { profiles?: string[]; workers?: number },
  champion: () => Promise<{ profile: DatasetProfile; version: string } | { none: string }>,
): Promise<ValidateOptions> {
  const tempDir = path.join(context.workspace.dir, "tmp");
  await mkdir(tempDir, { recursive: true });
  const trainProfiles: DatasetProfile[] = [];
  for (const file of options.profiles ?? []) {
    const shown = path.relative(context.loaded.root, file) || file;
    trainProfiles.push(await readProfileFile(file, shown, "pass the files `mlops profile` wrote"));
  }
  return {
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    tempDir,
    store: projectStoreSettings(context.loaded.config.registry, context.env),
    trainProfiles,
    championProfile: champion,
    debug: (message) => context.logger.debug(message),
  };
}

/** The champion's stored training-data profile (the `profile` attachment publish stores), or why there is none. */
export async function championProfile(
  context: StageContext,
): Promise<{ profile: DatasetProfile; version: string } | { none: string }> {
  // A registry that cannot be read throws here (ExternalError): drift against an unknown reference is no pass.
  const registry = await openRegistry(context);
  const model = context.loaded.config.model.name;
  const manifest = await registry.resolve(model, "champion");
  if (!manifest)
    return {
      none: `No drift check yet: ${model} has no champion in ${registry.location}, so there is no reference to compare with.`,
    };
  const file = path.join(context.workspace.dir, "tmp", `champion-profile-${manifest.version}.json`);
  try {
    if (!(await registry.pullAttachment(manifest, "profile", file))) {
      return {
        none: `No drift check: the champion (${manifest.version}) was published without a training-data profile.`,
      };
    }
    const shown = `the champion's profile (${manifest.version})`;
    return {
      profile: await readProfileFile(file, shown, "publish stores it with the model"),
      version: manifest.version,
    };
  } finally {
    await rm(file, { force: true });
  }
}

export interface ProfileRequest {
  dataset: "train" | "eval";
  /** Files to profile instead of the dataset's sources (paths or globs, relative to the working directory). */
  files: string[];
  /** Profile only this shard (1-based index of count): a contiguous block of the dataset's files. */
  shard: { index: number; count: number } | null;
  /** Where to write the profile JSON (default: the workspace's out folder). */
  out: string | null;
  workers?: number;
}

/** `mlops profile`: one pass over a dataset (or one shard of its files), written as a profile JSON. */
export async function runProfile(
  context: StageContext,
  request: ProfileRequest,
): Promise<{ profile: DatasetProfile; file: string }> {
  const data = context.loaded.config.data;
  if (!data) throw new UsageError("mlops.yml has no data section to profile", { hint: "add `data: { train: ... }`" });
  const sources = request.files.length > 0 ? request.files : data[request.dataset];
  if (sources === undefined) throw new UsageError(`mlops.yml has no data.${request.dataset}`);
  const options = await validationOptions(
    context,
    request.workers === undefined ? {} : { workers: request.workers },
    () => Promise.resolve({ none: "" }),
  );
  const tempDir = await mkdtemp(path.join(options.tempDir ?? context.workspace.dir, "profile-"));
  try {
    let entries = await listSources(sources, context.loaded.root, options.store ?? {});
    if (request.shard) entries = shardOf(entries, request.shard.index, request.shard.count);
    const { profile } = await profileSources(request.dataset, entries, data, context.loaded.root, options, tempDir);
    profile.shard = request.shard;
    const suffix = request.shard ? `-${request.shard.index}-of-${request.shard.count}` : "";
    const file = request.out ?? path.join(context.workspace.outDir, `profile-${request.dataset}${suffix}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(profile)}\n`);
    return { profile, file };
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** `mlops profile merge`: the profile of the whole from profiles of its parts, in order. */
export async function mergeProfileFiles(files: string[], out: string, shownFrom: string): Promise<DatasetProfile> {
  const profiles: DatasetProfile[] = [];
  for (const file of files) {
    const shown = path.relative(shownFrom, file) || file;
    profiles.push(await readProfileFile(file, shown, "pass the files `mlops profile` wrote"));
  }
  const merged = mergeProfiles(profiles);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(merged)}\n`);
  return merged;
}
