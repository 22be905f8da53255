import path from "node:path";
import { parse as parseYamlScalar, stringify as stringifyYaml } from "yaml";
import { closestMatch } from "./suggest.ts";
import { readYamlFile, YamlSourceError } from "./yaml-source.ts";
import { ConfigError, InputError, UsageError } from "../errors.ts";
import { READ_LIMITS, readJsonLimited, readTextLimited } from "../files/read-limited.ts";
import { parse as parseToml, TomlError } from "smol-toml";

/** Hyperparameters: a YAML, JSON or TOML file or an inline mapping, plus `--set name=value` overrides (like `dvc exp run -S`). */
export type Params = Record<string, unknown>;

/** The formats a params file may have: the kit reads them and writes overrides back into them (src/train/params-file.ts). */
export type ParamsFormat = "yaml" | "json" | "toml";

const FORMATS: Record<string, ParamsFormat> = { ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml" };
const SUPPORTED = "YAML (.yaml, .yml), JSON (.json) or TOML (.toml)";

/** The format of a params file, by its extension; any other extension is refused (exit 2) rather than guessed. */
export function paramsFormat(source: string): ParamsFormat {
  const extension = path.extname(source).toLowerCase();
  const format = FORMATS[extension];
  if (format) return format;
  throw new InputError(
    `params file ${source}: unknown format${extension ? ` "${extension}"` : " (no extension)"}; train.params must be ${SUPPORTED}`,
    { hint: "rename the file if it already is YAML, JSON or TOML, or write the params inline under train.params" },
  );
}

/**
 * A TOML params file as the kit's params: integers and floats both become numbers (the file keeps which is which:
 * src/train/params-file.ts writes an override in the type the file had), `inf` and `nan` stay numbers as in YAML, and
 * dates become ISO 8601 text.
 */
export function parseTomlParams(text: string, source: string): Params {
  try {
    return asMapping(plainToml(parseToml(text)), source);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    throw new InputError(`params file ${source}:${error.line}:${error.column}: not valid TOML: ${tomlReason(error)}`, {
      hint: "fix the file, or write the params inline under train.params",
      cause: error,
    });
  }
}

/** TOML's values as plain data: its dates (Date objects) as ISO 8601 text, everything else as it is. */
function plainToml(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainToml);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainToml(item)]));
  return value;
}

/** smol-toml's message without the excerpt of the file it appends. */
const tomlReason = (error: Error): string =>
  error.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "") ?? "";

export async function loadParams(source: string | Record<string, unknown> | undefined, root: string): Promise<Params> {
  if (source === undefined) return {};
  if (typeof source === "object") return structuredClone(source);
  const file = path.resolve(root, source);
  const format = paramsFormat(source);
  const limited = {
    shown: source,
    what: "params file",
    limit: READ_LIMITS.userJson,
    missingMessage: `params file not found: ${source}`,
    missingHint: "train.params is relative to mlops.yml",
  };
  if (format === "toml") return parseTomlParams(await readTextLimited(file, limited), source);
  if (format === "json") return asMapping(await readJsonLimited(file, limited), source);
  try {
    const yaml = await readYamlFile(file, source, {
      what: "params file",
      missingHint: "train.params is relative to mlops.yml",
    });
    return asMapping(yaml.value, source);
  } catch (error) {
    if (error instanceof YamlSourceError) throw new ConfigError(error.diagnostics);
    throw error;
  }
}

function asMapping(value: unknown, source: string): Params {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(`params file ${source} must hold a mapping of name: value`);
  }
  return value as Params;
}

/** One `--set name=value`: the dotted name as given, the value as read (YAML). */
export interface ParamOverride {
  name: string;
  value: unknown;
}

/** `name=value` texts (`--set`, the train action's `set` input) read into overrides, in the order given. */
export function parseOverrides(overrides: readonly string[]): ParamOverride[] {
  return overrides.map((override) => {
    const equals = override.indexOf("=");
    if (equals <= 0) throw new UsageError(`--set ${override}: expected name=value`);
    const name = override.slice(0, equals).trim();
    return { name, value: parseOverrideValue(name, override.slice(equals + 1)) };
  });
}

/**
 * Overrides as a command line that sets them again (`--set train.epochs=2500 --set 'features=[a, b]'`): values written
 * as YAML, so `"42"` stays text, and quoted for a POSIX shell when they need it.
 */
export function describeOverrides(overrides: readonly ParamOverride[]): string {
  return overrides
    .map(({ name, value }) => {
      const text = stringifyYaml(value, { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 0 });
      const assignment = `${name}=${text.trimEnd()}`;
      return `--set ${/^[\w.,:/@+=-]+$/.test(assignment) ? assignment : `'${assignment.replaceAll("'", "'\\''")}'`}`;
    })
    .join(" ");
}

/**
 * Applies `name=value` overrides. Values are read as YAML scalars (`0.1` is a number, `[a, b]` a list). Dotted names
 * reach into nested params. An unknown name is refused: a typo would otherwise train with the default silently.
 */
export function applyOverrides(params: Params, overrides: readonly string[]): Params {
  const result = structuredClone(params);
  for (const { name, value } of parseOverrides(overrides)) {
    const keys = name.split(".");
    let target: Record<string, unknown> = result;
    for (const [i, key] of keys.entries()) {
      if (!Object.hasOwn(target, key)) {
        // Named as --set spells them (`train.epochs`, not `epochs`), so the hint can be pasted back as it is.
        const spelled = (sibling: string): string => [...keys.slice(0, i), sibling].join(".");
        const near = closestMatch(key, Object.keys(target));
        throw new UsageError(`--set ${name}: there is no param "${spelled(key)}"`, {
          hint: near
            ? `did you mean "${spelled(near)}"?`
            : `known params: ${Object.keys(target).map(spelled).join(", ") || "(none)"}`,
        });
      }
      if (i === keys.length - 1) target[key] = value;
      else {
        const next = target[key];
        if (next === null || typeof next !== "object" || Array.isArray(next)) {
          throw new UsageError(`--set ${name}: "${keys.slice(0, i + 1).join(".")}" is not a mapping`);
        }
        target = next as Record<string, unknown>;
      }
    }
  }
  return result;
}

/** A `--set` value read as YAML (`0.1` a number, `[a, b]` a list); text YAML cannot read is a usage error. */
function parseOverrideValue(name: string, text: string): unknown {
  try {
    return parseYamlScalar(text) as unknown;
  } catch (error) {
    throw new UsageError(`--set ${name}: cannot read the value ${JSON.stringify(text)} as YAML`, {
      hint: `quote it to pass it as text, e.g. --set '${name}="${text}"'`,
      cause: error,
    });
  }
}

/** MLOPS_PARAM_<NAME> for each top-level param: scalars as text, lists and mappings as JSON. */
export function paramEnvironment(params: Params): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const key = `MLOPS_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
    env[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return env;
}
