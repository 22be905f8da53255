import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openProject,
  stageOutcome
} from "./chunk-KATF5WDH.js";
import {
  optionEntries,
  parseStageOptions
} from "./chunk-SUPM4SWD.js";

// src/cli/stage-command.ts
function stageCommand(definition) {
  const { command } = definition;
  if (!command) throw new Error(`stage ${definition.name} has no command of its own`);
  return {
    name: definition.name,
    summary: command.summary,
    ...command.details === void 0 ? {} : { details: command.details },
    options: cliOptions(definition.options),
    run: async (args, io) => {
      const options = await parseCliOptions(definition.options, args, io);
      const run = await definition.run(await openProject(args, io), options);
      const outcome = stageOutcome(run, args.text);
      return command.epilogue ? { ...outcome, text: `${outcome.text}

${command.epilogue(run)}` } : outcome;
    }
  };
}
function cliOptions(schema) {
  const specs = {};
  for (const [, doc] of optionEntries(schema)) {
    if (!doc.cli || !("flag" in doc.cli)) continue;
    const { flag, description, valueName, short } = doc.cli;
    specs[flag] = {
      type: doc.form === "flag" ? "boolean" : "string",
      description,
      ...doc.form === "lines" ? { multiple: true } : {},
      ...valueName === void 0 ? {} : { valueName },
      ...short === void 0 ? {} : { short }
    };
  }
  return specs;
}
function parseCliOptions(schema, args, io) {
  const door = {
    name: "cli",
    read: (doc) => {
      if (!doc.cli) return void 0;
      if ("env" in doc.cli) return io.env[doc.cli.env] || void 0;
      return args.values[doc.cli.flag];
    },
    label: (doc) => doc.cli && "flag" in doc.cli ? `--${doc.cli.flag}` : doc.cli?.env ?? "an option",
    base: () => io.cwd
  };
  return parseStageOptions(schema, door);
}

export {
  stageCommand,
  cliOptions,
  parseCliOptions
};
