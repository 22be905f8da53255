import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { NAME_PATTERN } from "../../config/schema/common.ts";
import { ExitCode, UsageError } from "../../errors.ts";
import { configTemplate } from "../../init/config-template.ts";
import { KIT_VERSION } from "../../version.ts";
import type { CommandSpec } from "../command.ts";

export const SCHEMA_URL = `https://raw.githubusercontent.com/mlops-kit/mlops-kit/v${KIT_VERSION}/schema/mlops.schema.json`;

export const initCommand: CommandSpec = {
  name: "init",
  summary: "Write a commented mlops.yml for this repository (never overwrites without --force)",
  options: {
    name: { type: "string", valueName: "model", description: "Model name (default: the folder's name)" },
    task: { type: "string", valueName: "task", description: "classification (default) or regression" },
    force: { type: "boolean", description: "Overwrite an existing mlops.yml" },
  },
  run: async (args, io) => {
    const file = path.resolve(io.cwd, args.config);
    if (existsSync(file) && args.values.force !== true) {
      throw new UsageError(`${path.relative(io.cwd, file) || file} already exists`, {
        hint: "pass --force to overwrite it",
      });
    }
    const task = args.values.task ?? "classification";
    if (task !== "classification" && task !== "regression")
      throw new UsageError(`--task must be classification or regression, not "${String(task)}"`);
    const fallback =
      path
        .basename(io.cwd)
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "") || "model";
    const model = typeof args.values.name === "string" ? args.values.name : fallback;
    if (!NAME_PATTERN.test(model))
      throw new UsageError(`"${model}" is not a valid model name`, { hint: "use letters, digits, '.', '_' and '-'" });
    const python = existsSync(path.join(io.cwd, "train.py"));
    const text = configTemplate({
      model,
      task,
      trainCommand: python ? "python train.py" : "node train.mjs",
      evaluateCommand: python ? "python evaluate.py" : "node evaluate.mjs",
      schemaUrl: SCHEMA_URL,
    });
    await writeFile(file, text);
    const shown = path.relative(io.cwd, file) || file;
    return {
      exitCode: ExitCode.ok,
      result: { written: [shown] },
      text: `Wrote ${shown}. Next: edit the data paths and commands, then run \`mlops check\` and \`mlops run\`.`,
    };
  },
};
