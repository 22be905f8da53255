import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  profileSources,
  readProfileFile
} from "./chunk-QJXKZEE6.js";
import {
  mergeProfiles
} from "./chunk-CY6NSRLG.js";
import {
  listSources,
  shardOf
} from "./chunk-LGIA7PQF.js";
import {
  openRegistry
} from "./chunk-GPXSHNAX.js";
import {
  projectStoreSettings
} from "./chunk-WOQKGCDT.js";
import {
  UsageError
} from "./chunk-XOZC47AQ.js";

// src/data/stage.ts
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
async function validationOptions(context, options, champion) {
  const tempDir = path.join(context.workspace.dir, "tmp");
  await mkdir(tempDir, { recursive: true });
  const trainProfiles = [];
  for (const file of options.profiles ?? []) {
    const shown = path.relative(context.loaded.root, file) || file;
    trainProfiles.push(await readProfileFile(file, shown, "pass the files `mlops profile` wrote"));
  }
  return {
    ...options.workers === void 0 ? {} : { workers: options.workers },
    tempDir,
    store: projectStoreSettings(context.loaded.config.registry, context.env),
    trainProfiles,
    championProfile: champion,
    debug: (message) => context.logger.debug(message)
  };
}
async function championProfile(context) {
  const registry = await openRegistry(context);
  const model = context.loaded.config.model.name;
  const manifest = await registry.resolve(model, "champion");
  if (!manifest)
    return {
      none: `No drift check yet: ${model} has no champion in ${registry.location}, so there is no reference to compare with.`
    };
  const file = path.join(context.workspace.dir, "tmp", `champion-profile-${manifest.version}.json`);
  try {
    if (!await registry.pullAttachment(manifest, "profile", file)) {
      return {
        none: `No drift check: the champion (${manifest.version}) was published without a training-data profile.`
      };
    }
    const shown = `the champion's profile (${manifest.version})`;
    return {
      profile: await readProfileFile(file, shown, "publish stores it with the model"),
      version: manifest.version
    };
  } finally {
    await rm(file, { force: true });
  }
}
async function runProfile(context, request) {
  const data = context.loaded.config.data;
  if (!data) throw new UsageError("mlops.yml has no data section to profile", { hint: "add `data: { train: ... }`" });
  const sources = request.files.length > 0 ? request.files : data[request.dataset];
  if (sources === void 0) throw new UsageError(`mlops.yml has no data.${request.dataset}`);
  const options = await validationOptions(
    context,
    request.workers === void 0 ? {} : { workers: request.workers },
    () => Promise.resolve({ none: "" })
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
    await writeFile(file, `${JSON.stringify(profile)}
`);
    return { profile, file };
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}
async function mergeProfileFiles(files, out, shownFrom) {
  const profiles = [];
  for (const file of files) {
    const shown = path.relative(shownFrom, file) || file;
    profiles.push(await readProfileFile(file, shown, "pass the files `mlops profile` wrote"));
  }
  const merged = mergeProfiles(profiles);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(merged)}
`);
  return merged;
}

export {
  validationOptions,
  championProfile,
  runProfile,
  mergeProfileFiles
};
