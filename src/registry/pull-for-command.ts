import { writeFile } from "node:fs/promises";
import type { StageContext } from "../context/context.ts";
import type { Manifest } from "./manifest.ts";
import { progressReporter } from "./progress.ts";
import type { Registry } from "./registry.ts";

/**
 * A version made ready for a user's command (a deploy, a batch-scoring run): its files pulled into `modelDir`, each
 * verified (and its signature, where registry.signing requires one), progress on the log, and the manifest's stored
 * bytes at `manifestFile`: what a signature or a build-provenance attestation is over, not a re-serialization.
 * Throws what the pull throws; the caller decides which refusals are a failed check.
 */
export async function pullForCommand(
  context: StageContext,
  registry: Registry,
  manifest: Manifest,
  place: { modelDir: string; manifestFile: string },
): Promise<void> {
  await registry.pull(manifest, place.modelDir, {
    force: true,
    protect: [context.loaded.root],
    onProgress: progressReporter(
      (line) => context.logger.info(line),
      () => context.now().getTime(),
    ),
  });
  await writeFile(place.manifestFile, await registry.manifestBytes(manifest));
}
