import { loadConfig } from "../src/config/load.ts";
import { ConfigError, formatDiagnostic } from "../src/errors.ts";

/**
 * bench:startup's diagnostic side: the config loader alone (YAML, the zod schema, the cross-field rules), bundled as
 * the kit's entries are, pointed at the same broken mlops.yml and reporting it as `mlops check` does (exit 2). What it
 * costs over `node -e 0` is a floor under every entry that reads mlops.yml, whatever else they leave out.
 */
try {
  await loadConfig("mlops.yml", process.cwd());
  console.error("the config loaded: the bench's broken mlops.yml should not");
  process.exitCode = 1;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.diagnostics.map(formatDiagnostic).join("\n"));
  process.exitCode = 2;
}
