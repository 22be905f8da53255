import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readProvenance
} from "./chunk-Z3CAJF4B.js";
import {
  renderText,
  workspaceFor
} from "./chunk-LRSAP6TR.js";
import {
  loadConfig
} from "./chunk-KDNJFZE6.js";
import {
  formatPath
} from "./chunk-XOZC47AQ.js";

// src/cli/project.ts
async function openProject(args, io) {
  const loaded = await loadConfig(args.config, io.cwd);
  for (const warning of loaded.warnings) {
    args.logger.warn(
      `${formatPath(warning.path)}: ${warning.message}${warning.hint ? ` (${warning.hint})` : ""}`,
      warning.location
    );
  }
  return {
    loaded,
    workspace: workspaceFor(loaded),
    logger: args.logger,
    env: io.env,
    now: () => /* @__PURE__ */ new Date(),
    provenance: await readProvenance(io.env, loaded.root)
  };
}
function stageOutcome(run) {
  return { exitCode: run.exitCode, result: run.result, text: renderText(run.section) };
}

export {
  openProject,
  stageOutcome
};
