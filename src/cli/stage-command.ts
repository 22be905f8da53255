import type { AnyStageDefinition } from "../stages/definition.ts";
import { type OptionDoor, optionEntries, parseStageOptions, type StageOptionsSchema } from "../stages/options.ts";
import type * as z from "../zod.ts";
import type { CommandArgs, CommandIO, CommandSpec, OptionSpec } from "./command.ts";
import { openProject, stageOutcome } from "./project.ts";

/**
 * A stage's command (`mlops <stage>`), made from its definition (src/stages/): its flags and --help from the options'
 * docs, its options parsed by the stage's own schema, like the action's. Options are parsed before the config is
 * loaded: what was typed on the command line is checked first, as parseArgs checks unknown flags first.
 */
export function stageCommand(definition: AnyStageDefinition): CommandSpec {
  const { command } = definition;
  if (!command) throw new Error(`stage ${definition.name} has no command of its own`);
  return {
    name: definition.name,
    summary: command.summary,
    ...(command.details === undefined ? {} : { details: command.details }),
    options: cliOptions(definition.options),
    run: async (args, io) => {
      const options = await parseCliOptions(definition.options, args, io);
      const run = await definition.run(await openProject(args, io), options);
      const outcome = stageOutcome(run, args.text);
      return command.epilogue ? { ...outcome, text: `${outcome.text}\n\n${command.epilogue(run)}` } : outcome;
    },
  };
}

/** The flags of an options schema (or of some of its options, for a command that shares them), in its order. */
export function cliOptions(schema: StageOptionsSchema): Record<string, OptionSpec> {
  const specs: Record<string, OptionSpec> = {};
  for (const [, doc] of optionEntries(schema)) {
    if (!doc.cli || !("flag" in doc.cli)) continue;
    const { flag, description, valueName, short } = doc.cli;
    specs[flag] = {
      type: doc.form === "flag" ? "boolean" : "string",
      description,
      ...(doc.form === "lines" ? { multiple: true } : {}),
      ...(valueName === undefined ? {} : { valueName }),
      ...(short === undefined ? {} : { short }),
    };
  }
  return specs;
}

/** Options from the command line (and the environment, for a token), relative paths against where mlops runs. */
export function parseCliOptions<Schema extends StageOptionsSchema>(
  schema: Schema,
  args: CommandArgs,
  io: CommandIO,
): Promise<z.output<Schema>> {
  const door: OptionDoor = {
    name: "cli",
    read: (doc) => {
      if (!doc.cli) return undefined;
      if ("env" in doc.cli) return io.env[doc.cli.env] || undefined;
      // parseArgs hands over the types cliOptions declared: a string, a boolean, or strings for a repeatable flag.
      return args.values[doc.cli.flag] as string | boolean | string[] | undefined;
    },
    label: (doc) => (doc.cli && "flag" in doc.cli ? `--${doc.cli.flag}` : (doc.cli?.env ?? "an option")),
    base: () => io.cwd,
  };
  return parseStageOptions(schema, door);
}
