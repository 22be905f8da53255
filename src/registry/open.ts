import type { StageContext } from "../pipeline/context.ts";
import { openObjectStore } from "../store/open.ts";
import { createRegistry, type Registry } from "./registry.ts";

/** The registry the config names: registry.uri (s3:// or a folder), else the workspace's local folder. */
export async function openRegistry(
  context: Pick<StageContext, "loaded" | "workspace" | "now" | "env">,
): Promise<Registry> {
  const { uri, region, endpoint, force_path_style } = context.loaded.config.registry;
  const store = await openObjectStore(uri ?? context.workspace.registryDir, context.loaded.root, {
    env: context.env,
    region,
    endpoint,
    forcePathStyle: force_path_style,
  });
  return createRegistry(store, context.now);
}
