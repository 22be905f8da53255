import type { StageContext } from "../pipeline/context.ts";
import { openObjectStore, projectStoreSettings } from "../store/open.ts";
import { createRegistry, type Registry } from "./registry.ts";

/** The registry the config names: registry.uri (s3:// or a folder), else the workspace's local folder. */
export async function openRegistry(
  context: Pick<StageContext, "loaded" | "workspace" | "now" | "env">,
): Promise<Registry> {
  const { registry } = context.loaded.config;
  const store = await openObjectStore(
    registry.uri ?? context.workspace.registryDir,
    context.loaded.root,
    projectStoreSettings(registry, context.env),
  );
  return createRegistry(store, context.now);
}
