import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import { ExternalError } from "../errors.ts";
import { isS3Uri } from "../files/safe-path.ts";
import type { Workspace } from "../pipeline/workspace.ts";
import { createLocalStore } from "./local-store.ts";
import type { ObjectStore } from "./object-store.ts";
import { createRegistry, type Registry } from "./registry.ts";

/** The object store the config's registry.uri names: a local folder by default. */
export function openRegistryStore(loaded: LoadedConfig, workspace: Workspace): ObjectStore {
  const uri = loaded.config.registry.uri;
  if (uri !== undefined && isS3Uri(uri)) {
    throw new ExternalError(`registry ${uri}: S3 registries are not available in this build`, {
      hint: "use a local folder for registry.uri",
    });
  }
  return createLocalStore(uri === undefined ? workspace.registryDir : path.resolve(loaded.root, uri));
}

export function openRegistry(loaded: LoadedConfig, workspace: Workspace, now: () => Date): Registry {
  return createRegistry(openRegistryStore(loaded, workspace), now);
}
