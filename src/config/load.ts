import { existsSync } from "node:fs";
import path from "node:path";
import { type ConfigDiagnostic, ConfigError } from "../errors.ts";
import { DEFAULT_CONFIG_FILE } from "./default-file.ts";
import { diagnosticsFromIssues } from "./issues.ts";
import { checkConfigRules } from "./rules.ts";
import { type MlopsConfig, MlopsConfigSchema } from "./schema/index.ts";
import { locate, parseYamlText, readYamlFile, type YamlSource, YamlSourceError } from "./yaml-source.ts";

/**
 * Loading mlops.yml in phases (STYLE.md): read the YAML safely -> check the shape with zod -> cross-field rules.
 * Every problem of a phase is reported at once, each with file:line:col; warnings travel with the loaded config.
 */

export interface LoadedConfig {
  config: MlopsConfig;
  warnings: ConfigDiagnostic[];
  /** Absolute path of mlops.yml. */
  file: string;
  /** How to show the file to the user (relative to where they ran the command). */
  displayFile: string;
  /** Folder of mlops.yml: config paths are relative to it. */
  root: string;
  /** Top folder of the repository (nearest `.git` above root, else root). */
  repoRoot: string;
  /** Where a diagnostic path points in the file; for annotations that stages raise later. */
  locate: (fieldPath: readonly (string | number)[]) => ConfigDiagnostic["location"];
}

/** Loads and checks a config file. Throws {@link ConfigError} with every error found. */
export async function loadConfig(configPath: string, cwd: string): Promise<LoadedConfig> {
  const { source, file, displayFile } = await readConfigSource(configPath, cwd);
  return checkSource(source, file, displayFile);
}

/**
 * Reads the YAML of the config `--config` names, without checking its shape (for `mlops config set`, which edits the
 * document and checks the result). Throws {@link ConfigError} for YAML it cannot read, with file:line:col.
 */
export async function readConfigSource(
  configPath: string,
  cwd: string,
): Promise<{ source: YamlSource; file: string; displayFile: string }> {
  const file = resolveConfigFile(configPath, cwd);
  // Relative to where the user is, unless that climbs out of it (`--config /dev/zero` reads better than ../../dev/zero).
  const relative = path.relative(cwd, file);
  const displayFile = relative === "" ? path.basename(file) : relative.startsWith("..") ? file : relative;
  try {
    return { source: await readYamlFile(file, displayFile), file, displayFile };
  } catch (error) {
    if (error instanceof YamlSourceError) throw new ConfigError(error.diagnostics);
    throw error;
  }
}

/** Checks config text that is not on disk (tests, `mlops init` previews). `file` decides where paths resolve. */
export function parseConfig(text: string, file: string, displayFile = path.basename(file)): LoadedConfig {
  let source: YamlSource;
  try {
    source = parseYamlText(text, displayFile);
  } catch (error) {
    if (error instanceof YamlSourceError) throw new ConfigError(error.diagnostics);
    throw error;
  }
  return checkSource(source, file, displayFile);
}

function checkSource(source: YamlSource, file: string, displayFile: string): LoadedConfig {
  const root = path.dirname(file);
  const repoRoot = findRepoRoot(root);
  const place = (d: ConfigDiagnostic): ConfigDiagnostic => ({
    ...d,
    location: d.location ?? locate(source, d.path, { key: d.pointAt === "key" }),
  });

  const parsed = MlopsConfigSchema.safeParse(source.value, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(sortByPlace(diagnosticsFromIssues(parsed.error.issues, MlopsConfigSchema).map(place)));
  }
  const diagnostics = sortByPlace(checkConfigRules(parsed.data, { root, repoRoot }).map(place));
  if (diagnostics.some((d) => d.severity === "error")) throw new ConfigError(diagnostics);
  return {
    config: parsed.data,
    warnings: diagnostics,
    file,
    displayFile,
    root,
    repoRoot,
    locate: (fieldPath) => locate(source, fieldPath),
  };
}

/** `--config` may name the file or its folder; `mlops.yaml` is accepted where `mlops.yml` is missing. */
function resolveConfigFile(configPath: string, cwd: string): string {
  const given = path.resolve(cwd, configPath);
  if (configPath === DEFAULT_CONFIG_FILE && !existsSync(given)) {
    const alternative = path.resolve(cwd, "mlops.yaml");
    if (existsSync(alternative)) return alternative;
  }
  return given;
}

export function findRepoRoot(start: string): string {
  let current = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(current, ".git"))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(start);
    current = parent;
  }
}

function sortByPlace(diagnostics: ConfigDiagnostic[]): ConfigDiagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
}
