import { loadConfig } from "../../config/load.ts";
import { ExitCode, formatDiagnostic } from "../../errors.ts";
import type { CommandSpec } from "../command.ts";

export const checkCommand: CommandSpec = {
  name: "check",
  summary: "Check mlops.yml: shape, cross-field rules and warnings, each with file:line:col",
  run: async (args, io) => {
    const loaded = await loadConfig(args.config, io.cwd);
    const lines = loaded.warnings.map(formatDiagnostic);
    const summary = `${loaded.displayFile} is valid${loaded.warnings.length > 0 ? ` (${loaded.warnings.length} warning(s))` : ""}: model ${loaded.config.model.name}, ${loaded.config.model.task}.`;
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: loaded.displayFile, warnings: loaded.warnings },
      text: [...lines, summary].join("\n"),
    };
  },
};
