import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  loadConfig
} from "./chunk-4BXQZKPC.js";
import "./chunk-GDLHBLAJ.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
import "./chunk-SN54LWLO.js";
import {
  ExitCode,
  formatDiagnostic
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/cli/commands/check.ts
var checkCommand = {
  name: "check",
  summary: "Check mlops.yml: shape, cross-field rules and warnings, each with file:line:col",
  run: async (args, io) => {
    const loaded = await loadConfig(args.config, io.cwd);
    const lines = loaded.warnings.map(formatDiagnostic);
    const summary = `${loaded.displayFile} is valid${loaded.warnings.length > 0 ? ` (${loaded.warnings.length} warning(s))` : ""}: model ${loaded.config.model.name}, ${loaded.config.model.task}.`;
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: loaded.displayFile, warnings: loaded.warnings },
      text: [...lines, summary].join("\n")
    };
  }
};
export {
  checkCommand
};
