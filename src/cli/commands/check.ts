import { loadConfig } from "../../config/load.ts";
import { type ConfigDiagnostic, ExitCode, formatDiagnostic } from "../../errors.ts";
import { readUserSections, userSectionWarnings } from "../../gate/user-sections.ts";
import type { CommandSpec } from "../command.ts";

export const checkCommand: CommandSpec = {
  name: "check",
  summary: "Check mlops.yml: shape, cross-field rules and warnings, each with file:line:col",
  run: async (args, io) => {
    const loaded = await loadConfig(args.config, io.cwd);
    // The files report.sections names: a missing one is a warning (the gate still runs and says so in its report).
    const sectionWarnings = userSectionWarnings(loaded, await readUserSections(loaded)).map(
      ({ at, message }): ConfigDiagnostic => {
        const location = loaded.locate(at);
        return { severity: "warning", path: at, message, ...(location ? { location } : {}) };
      },
    );
    const warnings = [...loaded.warnings, ...sectionWarnings];
    const lines = warnings.map(formatDiagnostic);
    const summary = `${loaded.displayFile} is valid${warnings.length > 0 ? ` (${warnings.length} warning(s))` : ""}: model ${loaded.config.model.name}, ${loaded.config.model.task}.`;
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: loaded.displayFile, warnings },
      text: [...lines, summary].join("\n"),
    };
  },
};
