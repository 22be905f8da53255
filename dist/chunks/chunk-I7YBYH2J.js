import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/context/workspace.ts
import path from "node:path";
function workspaceFor(loaded) {
  const dir = path.resolve(loaded.root, loaded.config.workspace);
  const outDir = path.join(dir, "out");
  return {
    dir,
    outDir,
    resultFile: (stage) => path.join(outDir, `${stage}.json`),
    reportFile: (stage) => path.join(outDir, `${stage}.md`),
    registryDir: path.join(dir, "registry"),
    cacheDir: path.join(dir, "cache")
  };
}

export {
  workspaceFor
};
