import type { StageContext } from "../context/context.ts";
import type { Logger } from "../logging.ts";
import { type OpenPlace, resolveRegistryUri } from "./backends/index.ts";
import { type DamageReporter, describeDamage } from "./damage.ts";
import { createRegistry, type Registry } from "./registry.ts";
import { type SigningPolicy, signingPolicy } from "../provenance/policy.ts";

/**
 * The registry the config names: registry.uri (s3:// or a folder), else the workspace's local folder. Damage its reads
 * come across is told to `onDamage`, by default a warning in the context's log (stderr, or an Actions annotation).
 * `signing` stands in for registry.signing (a door's flags, `mlops pull --trusted-key`).
 */
export function openRegistry(
  context: Pick<StageContext, "loaded" | "workspace" | "now" | "env" | "logger">,
  options: { onDamage?: DamageReporter; signing?: SigningPolicy } = {},
): Promise<Registry> {
  const { registry } = context.loaded.config;
  return openRegistryAt(registry.uri ?? context.workspace.registryDir, {
    root: context.loaded.root,
    env: context.env,
    settings: registry,
    now: context.now,
    logger: context.logger,
    signing: signingPolicy(registry.signing, { root: context.loaded.root, env: context.env }),
    ...options,
  });
}

export interface RegistryDoor extends OpenPlace {
  now: () => Date;
  /** Where damage the registry's reads come across is told, unless `onDamage` takes it. */
  logger: Pick<Logger, "warn">;
  onDamage?: DamageReporter;
  /** registry.signing (none for a registry named on the command line). */
  signing?: SigningPolicy;
}

/**
 * The registry at `uri`, opened by the backend its scheme names (registry/backends/). Every door opens a registry
 * through here: the stages and commands with mlops.yml's registry section, `mlops pull --registry` with the URI, the
 * endpoint and the region it was given.
 */
export async function openRegistryAt(uri: string, door: RegistryDoor): Promise<Registry> {
  const store = await resolveRegistryUri(uri).open(door);
  const onDamage = door.onDamage ?? ((damage) => door.logger.warn(describeDamage(damage, store.location)));
  return createRegistry(store, door.now, { onDamage, ...(door.signing ? { signing: door.signing } : {}) });
}
