import type { StageContext } from "../context/context.ts";
import { openObjectStore, projectStoreSettings } from "../store/open.ts";
import { type DamageReporter, describeDamage } from "./damage.ts";
import { createRegistry, type Registry } from "./registry.ts";

/**
 * The registry the config names: registry.uri (s3:// or a folder), else the workspace's local folder. Damage its reads
 * come across is told to `onDamage`, by default a warning in the context's log (stderr, or an Actions annotation).
 */
export async function openRegistry(
  context: Pick<StageContext, "loaded" | "workspace" | "now" | "env" | "logger">,
  options: { onDamage?: DamageReporter } = {},
): Promise<Registry> {
  const { registry } = context.loaded.config;
  const store = await openObjectStore(
    registry.uri ?? context.workspace.registryDir,
    context.loaded.root,
    projectStoreSettings(registry, context.env),
  );
  const onDamage = options.onDamage ?? ((damage) => context.logger.warn(describeDamage(damage, store.location)));
  return createRegistry(store, context.now, { onDamage });
}
