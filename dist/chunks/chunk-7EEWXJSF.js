import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readProvenance
} from "./chunk-TLX656CK.js";
import {
  workspaceFor
} from "./chunk-AOOPNKUY.js";
import {
  renderText
} from "./chunk-VRNFBWJ4.js";
import {
  loadConfig
} from "./chunk-TFWDSRPY.js";
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
  const workspace = workspaceFor(loaded);
  return {
    loaded,
    workspace,
    logger: args.logger,
    env: io.env,
    now: () => /* @__PURE__ */ new Date(),
    provenance: await readProvenance(io.env, loaded, workspace)
  };
}
function stageOutcome(run) {
  return { exitCode: run.exitCode, result: run.result, text: renderText(run.section) };
}

export {
  openProject,
  stageOutcome
};
