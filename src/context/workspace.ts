import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";

/**
 * Where the stages leave their results. Each stage writes `<workspace>/out/<stage>.json` (the full result, also the
 * --json output) and `<stage>.md` (its report section); the next stage reads the previous one's JSON, so the CLI's
 * separate commands, `mlops run` and the separate actions in one job all hand over the same way. The stages are
 * listed once, in src/stages/index.ts.
 */

export interface Workspace {
  /** `<root>/<config.workspace>` */
  dir: string;
  outDir: string;
  /** `<out>/<name>.json`: a pipeline stage, or another named step (plan, select, retrain-decide ...). */
  resultFile(name: string): string;
  reportFile(name: string): string;
  /** Default location of the local folder registry. */
  registryDir: string;
  /** Default location of the local run cache. */
  cacheDir: string;
}

export function workspaceFor(loaded: Pick<LoadedConfig, "root" | "config">): Workspace {
  const dir = path.resolve(loaded.root, loaded.config.workspace);
  const outDir = path.join(dir, "out");
  return {
    dir,
    outDir,
    resultFile: (stage) => path.join(outDir, `${stage}.json`),
    reportFile: (stage) => path.join(outDir, `${stage}.md`),
    registryDir: path.join(dir, "registry"),
    cacheDir: path.join(dir, "cache"),
  };
}
