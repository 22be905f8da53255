import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { StageContext } from "../pipeline/context.ts";
import { openRegistry } from "../registry/open.ts";
import { InputError } from "../errors.ts";
import type { DatasetProfile } from "./profile.ts";
import { readProfile } from "./profile-file.ts";
import type { ValidateOptions } from "./validate.ts";

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
  const { region, endpoint, force_path_style } = context.loaded.config.registry;
  const trainProfiles: DatasetProfile[] = [];
  for (const file of options.profiles ?? []) {
    const shown = path.relative(context.loaded.root, file) || file;
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new InputError(`profile not found: ${shown}`, { hint: "pass the files `mlops profile` wrote", cause: error });
    }
    trainProfiles.push(readProfile(text, shown));
  }
  return {
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    tempDir,
    store: { env: context.env, region, endpoint, forcePathStyle: force_path_style },
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
  if (!manifest) return { none: `No drift check yet: ${model} has no champion in ${registry.location}, so there is no reference to compare with.` };
  const file = path.join(context.workspace.dir, "tmp", `champion-profile-${manifest.version}.json`);
  try {
    if (!(await registry.pullAttachment(manifest, "profile", file))) {
      return { none: `No drift check: the champion (${manifest.version}) was published without a training-data profile.` };
    }
    return { profile: readProfile(await readFile(file, "utf8"), `the champion's profile (${manifest.version})`), version: manifest.version };
  } finally {
    await rm(file, { force: true });
  }
}
