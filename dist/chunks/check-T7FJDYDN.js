import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readUserSections,
  userSectionWarnings
} from "./chunk-Y4XFK5HZ.js";
import "./chunk-LP2MTGO2.js";
import {
  loadConfig
} from "./chunk-QEZGSB67.js";
import "./chunk-35MZIMAV.js";
import "./chunk-TEWQFG7M.js";
import "./chunk-RRG6TSJC.js";
import "./chunk-EYMTTHNR.js";
import "./chunk-WYGES5K7.js";
import "./chunk-VJBMOATJ.js";
import "./chunk-LNIKRDBK.js";
import "./chunk-XJ2QCSOL.js";
import "./chunk-5AQJPSN5.js";
import "./chunk-MOKAEFJD.js";
import "./chunk-KIGM2236.js";
import "./chunk-SN54LWLO.js";
import "./chunk-MFRW4TDE.js";
import "./chunk-NFSXRCFZ.js";
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
    const sectionWarnings = userSectionWarnings(loaded, await readUserSections(loaded)).map(
      ({ at, message }) => {
        const location = loaded.locate(at);
        return { severity: "warning", path: at, message, ...location ? { location } : {} };
      }
    );
    const warnings = [...loaded.warnings, ...sectionWarnings];
    const lines = warnings.map(formatDiagnostic);
    const summary = `${loaded.displayFile} is valid${warnings.length > 0 ? ` (${warnings.length} warning(s))` : ""}: model ${loaded.config.model.name}, ${loaded.config.model.task}.`;
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: loaded.displayFile, warnings },
      text: [...lines, summary].join("\n")
    };
  }
};
export {
  checkCommand
};
