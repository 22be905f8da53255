import type { AliasEvent } from "../aliases.ts";
import type { Damage } from "../damage.ts";
import type { Manifest } from "../manifest.ts";
import type { Registry } from "../registry.ts";

/**
 * What `mlops models report` shows of one model, read through the registry interface (so a folder, a bucket and a
 * github:// registry all serve it): every readable version in publish order, where each alias points, every readable
 * alias move, and the damage the reads came across. A damaged manifest or alias entry is listed as damaged and the
 * page goes on with the rest; it never takes the page down.
 */
export interface ModelPage {
  model: string;
  /** Where the registry is (a folder, s3://…, github://…). */
  location: string;
  /** ISO time the page was made: where the alias timeline ends. */
  generated: string;
  /** Readable versions in publish order (by sequence number, then by id for manifests without one). */
  versions: Manifest[];
  /** Where each alias points now (an alias whose last move is damaged is left out, and listed in `damaged`). */
  aliases: Record<string, string>;
  /** Every readable alias move, oldest first. */
  history: AliasEvent[];
  /** Damaged manifests and alias entries the reads came across. */
  damaged: Damage[];
}

/**
 * Reads the model's page. `damaged` is the list the registry's damage reporter fills (the door opens the registry with
 * it): what it holds once the reads are done is what the page shows as damaged.
 */
export async function gatherModelPage(
  registry: Pick<Registry, "location" | "versions" | "aliases" | "history">,
  model: string,
  options: { now: Date; damaged: readonly Damage[] },
): Promise<ModelPage> {
  const [versions, aliases, history] = await Promise.all([
    registry.versions(model),
    registry.aliases(model),
    registry.history(model),
  ]);
  const damaged = options.damaged.filter((damage) => damage.model === model);
  return {
    model,
    location: registry.location,
    generated: options.now.toISOString(),
    versions: [...versions].sort(publishOrder),
    aliases,
    history,
    damaged: [...damaged].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** By sequence number; versions without one (`@1` manifests, which came first) before, by their sortable id. */
function publishOrder(a: Manifest, b: Manifest): number {
  if (a.sequence !== undefined && b.sequence !== undefined) return a.sequence - b.sequence;
  if (a.sequence === undefined && b.sequence !== undefined) return -1;
  if (a.sequence !== undefined && b.sequence === undefined) return 1;
  return a.version.localeCompare(b.version);
}

/** How the page names a version: `v7` by its sequence number, else its id. */
export function versionLabel(manifest: Pick<Manifest, "sequence" | "version">): string {
  return manifest.sequence === undefined ? manifest.version : `v${manifest.sequence}`;
}
