import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readProvenance
} from "./chunk-EEV3A2B6.js";
import {
  readRunnerEnvironment
} from "./chunk-QLLY57GB.js";
import {
  loadConfig
} from "./chunk-QEZGSB67.js";
import {
  workspaceFor
} from "./chunk-I7YBYH2J.js";
import {
  renderText
} from "./chunk-OSH67I4H.js";
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
  const runner = await readRunnerEnvironment(io.env);
  return {
    loaded,
    workspace,
    logger: args.logger,
    env: io.env,
    now: () => /* @__PURE__ */ new Date(),
    runner,
    provenance: await readProvenance(runner, io.env, loaded, workspace),
    ...io.onInterrupt ? { onInterrupt: io.onInterrupt } : {}
  };
}
function stageOutcome(run, text) {
  return { exitCode: run.exitCode, result: run.result, text: renderText(run.section, text) };
}

export {
  openProject,
  stageOutcome
};
