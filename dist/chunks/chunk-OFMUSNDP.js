import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-CKB3RMBO.js";

// src/registry/pull-for-command.ts
import { writeFile } from "node:fs/promises";
async function pullForCommand(context, registry, manifest, place) {
  await registry.pull(manifest, place.modelDir, {
    force: true,
    protect: [context.loaded.root],
    onProgress: progressReporter(
      (line) => context.logger.info(line),
      () => context.now().getTime()
    )
  });
  await writeFile(place.manifestFile, await registry.manifestBytes(manifest));
}

export {
  pullForCommand
};
