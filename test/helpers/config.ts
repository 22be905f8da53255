import path from "node:path";
import { expect } from "vitest";
import { loadConfig, parseConfig, type LoadedConfig } from "../../src/config/load.ts";
import type { MlopsConfig } from "../../src/config/schema/index.ts";
import { ConfigError, type ConfigDiagnostic } from "../../src/errors.ts";
import { writeFiles } from "./temp.ts";

/** The smallest config that loads without errors or warnings about missing sections. */
export const MINIMAL_CONFIG = `version: 1
model: { name: demo }
train: { command: node train.mjs, outputs: [model/] }
evaluate:
  predictions: predictions.csv
gate:
  rules:
    - { metric: accuracy, min: 0.5 }
`;

/** Writes mlops.yml (or `name`) into `dir` and returns its path. */
export async function writeConfig(dir: string, text: string, name = "mlops.yml"): Promise<string> {
  const [file] = await writeFiles(dir, { [name]: text });
  return file ?? path.join(dir, name);
}

/** Parses config text as if it were `<dir>/mlops.yml` (default: a folder that does not need to exist). */
export function parse(text: string, dir = "/nonexistent/project"): LoadedConfig {
  return parseConfig(text, path.join(dir, "mlops.yml"), "mlops.yml");
}

/** The config with defaults applied, from text that must be valid. */
export function configOf(text: string, dir?: string): MlopsConfig {
  return parse(text, dir).config;
}

/** The ConfigError that `load` throws; fails the test when it throws something else or nothing. */
export function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  expect.fail("expected a ConfigError, but the config loaded");
}

export async function configErrorOfFile(file: string, cwd: string): Promise<ConfigError> {
  const error: unknown = await loadConfig(file, cwd).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

/** Diagnostics as `line:col severity path: message` lines, compact enough to compare whole. */
export function brief(diagnostics: readonly ConfigDiagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.location?.line ?? "?"}:${d.location?.column ?? "?"} ${d.severity} ${d.path.join(".") || "(top)"}: ${d.message}`,
  );
}

/** The only error diagnostic; fails the test when there are none or several. */
export function onlyError(error: ConfigError): ConfigDiagnostic {
  const errors = error.diagnostics.filter((d) => d.severity === "error");
  expect(brief(errors)).toHaveLength(1);
  return errors[0] as ConfigDiagnostic;
}
