import { stringify } from "yaml";
import { getConfigValue, parseConfigPath, setConfigValue, writeConfigFile } from "../../config/edit.ts";
import { loadConfig, readConfigSource } from "../../config/load.ts";
import { ExitCode, formatDiagnostic, UsageError } from "../../errors.ts";
import type { CommandSpec } from "../command.ts";

export const configCommand: CommandSpec = {
  name: "config",
  summary: "Set or show one field of mlops.yml by its path, keeping the file's comments and order",
  details:
    "`mlops config set registry.uri s3://bucket/models` edits mlops.yml in place. The value is read as YAML, as for\n" +
    "--set: `0.1` is a number, `[self-hosted, gpu]` a list; quote it to keep it text. Missing sections on the way\n" +
    "are created. The edited config is checked as `mlops check` would check it, and written only if it is valid;\n" +
    "otherwise the file is left as it was (exit 2). `mlops config get gate.primary_metric` prints a value, with the\n" +
    "defaults applied.",
  positionals: [
    { name: "action", required: true, description: "set or get" },
    {
      name: "path",
      required: true,
      description: "the field, with dots: registry.uri, train.runs_on, gate.rules.0.metric",
    },
    { name: "value", required: false, description: "set: the new value, as YAML" },
  ],
  run: async (args, io) => {
    const [action, dotted = "", valueText] = args.positionals;
    if (action !== "set" && action !== "get") {
      throw new UsageError(`mlops config has no action "${action}"`, {
        hint: "use `mlops config set <path> <value>` or `mlops config get <path>`",
      });
    }
    const path = parseConfigPath(dotted);
    if (action === "get") {
      if (valueText !== undefined)
        throw new UsageError("mlops config get takes no value", {
          hint: `to change it: mlops config set ${dotted} ${valueText}`,
        });
      const value = getConfigValue(await loadConfig(args.config, io.cwd), path);
      return {
        exitCode: ExitCode.ok,
        result: { ok: true, path: dotted, value: value ?? null },
        text: showValue(value),
      };
    }
    if (valueText === undefined) {
      throw new UsageError(`mlops config set needs a value for ${dotted}`, {
        hint: `mlops config set ${dotted} <value>`,
      });
    }
    const { source, file, displayFile } = await readConfigSource(args.config, io.cwd);
    const edit = setConfigValue(source, file, displayFile, path, valueText);
    await writeConfigFile(file, edit.text);
    return {
      exitCode: ExitCode.ok,
      result: { ok: true, file: displayFile, path: dotted, value: edit.value ?? null, warnings: edit.loaded.warnings },
      text: [
        ...edit.loaded.warnings.map(formatDiagnostic),
        // A mapping or list shows as it was typed (the loaded value carries every default the loader filled in).
        `${displayFile}: ${dotted} = ${edit.value !== null && typeof edit.value === "object" ? valueText.trim() : JSON.stringify(edit.value ?? null)}`,
      ].join("\n"),
    };
  },
};

function showValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return value;
  // Numbers, true/false and null print as YAML does; lists and mappings as block YAML.
  return stringify(value).trimEnd();
}
