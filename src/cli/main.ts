import { parseArgs } from "node:util";
import { closestMatch } from "../config/suggest.ts";
import { DEFAULT_CONFIG_FILE } from "../config/default-file.ts";
import { asError, ConfigError, ExitCode, UsageError, UserError } from "../errors.ts";
import { createStreamLogger } from "../logging.ts";
import { KIT_VERSION } from "../version.ts";
import type { CommandIO, CommandSpec, OptionSpec } from "./command.ts";
import { COMMANDS } from "./commands/index.ts";

/**
 * The `mlops` door: parse argv, run one command, print, return the exit code (0 ok, 1 a check failed, 2 usage or
 * config error). It never calls process.exit, so tests run it in-process.
 */

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  config: {
    type: "string",
    short: "c",
    valueName: "path",
    description: `Config file (default ./${DEFAULT_CONFIG_FILE})`,
  },
  json: { type: "boolean", description: "Print one JSON result object on stdout; human text goes to stderr" },
  verbose: { type: "boolean", short: "v", description: "Print debug details" },
  help: { type: "boolean", short: "h", description: "Show help" },
};

export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    // Asked for help: stdout, exit 0. Gave no command at all: a usage error, so the help goes to stderr.
    (name === undefined ? io.stderr : io.stdout).write(await generalHelp());
    return name === undefined ? ExitCode.usageOrConfig : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${KIT_VERSION}\n`);
    return ExitCode.ok;
  }
  const json = rest.includes("--json");
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const near = closestMatch(
      name,
      COMMANDS.map((c) => c.name),
    );
    const error = new UsageError(`unknown command "${name}"`, {
      hint: near ? `did you mean "${near}"? Run \`mlops --help\` for the list` : "run `mlops --help` for the list",
    });
    return reportError(error, { json, io, command: name });
  }
  try {
    const command = await entry.load();
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help === true) {
      io.stdout.write(commandHelp(command));
      return ExitCode.ok;
    }
    const verbose = parsed.values.verbose === true;
    const logger = createStreamLogger(io.stderr, { verbose, color: io.color });
    // The human report goes to stdout, or to stderr under --json: it fits the terminal it goes to, if it is one.
    const columns = (json ? io.stderr : io.stdout).columns;
    const outcome = await command.run(
      {
        config: typeof parsed.values.config === "string" ? parsed.values.config : DEFAULT_CONFIG_FILE,
        json,
        verbose,
        values: parsed.values,
        positionals: parsed.positionals,
        logger,
        text: { verbose, ...(columns !== undefined && columns > 0 ? { width: columns } : {}) },
      },
      io,
    );
    if (json) {
      io.stderr.write(`${outcome.text}\n`);
      io.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
    } else {
      io.stdout.write(`${outcome.text}\n`);
    }
    return outcome.exitCode;
  } catch (thrown) {
    return reportError(asError(thrown), { json, io, command: entry.name });
  }
}

/** `-1`, `-0.5`, `-.5`, `-1e-3`: never one of our flags, all of which are letters. */
const NEGATIVE_NUMBER = /^-(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseCommandArgs(command: CommandSpec, args: string[]): ReturnType<typeof parseArgs> {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const positionals = command.positionals ?? [];
  // A negative number is a value, not an option (`mlops config set gate.rules[0].min -0.5`): parseArgs would take
  // it for a short flag, so it goes in as a stand-in that cannot be a flag and comes back out afterwards.
  const negatives = new Map<string, string>();
  const shielded = args.map((arg) => {
    if (!NEGATIVE_NUMBER.test(arg)) return arg;
    const standIn = `\u0000${negatives.size}`;
    negatives.set(standIn, arg);
    return standIn;
  });
  const restoreOne = (value: string): string => negatives.get(value) ?? value;
  const restore = <T>(value: T): T =>
    (typeof value === "string"
      ? restoreOne(value)
      : Array.isArray(value)
        ? value.map((item: unknown) => (typeof item === "string" ? restoreOne(item) : item))
        : value) as T;
  try {
    const parsed = parseArgs({
      args: shielded,
      options: Object.fromEntries(
        Object.entries(options).map(([key, spec]) => [
          key,
          {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {}),
            ...(spec.default === undefined ? {} : { default: spec.default }),
          },
        ]),
      ),
      allowPositionals: positionals.length > 0,
      strict: true,
    });
    if (negatives.size > 0) {
      parsed.positionals = parsed.positionals.map(restoreOne);
      for (const key of Object.keys(parsed.values)) parsed.values[key] = restore(parsed.values[key]);
    }
    if (parsed.values.help !== true) {
      const missing = positionals.slice(parsed.positionals.length).find((p) => p.required);
      if (missing)
        throw new UsageError(`mlops ${command.name} needs <${missing.name}>: ${missing.description}`, {
          hint: `see \`mlops ${command.name} --help\``,
        });
      if (parsed.positionals.length > positionals.length && !positionals[positionals.length - 1]?.variadic) {
        throw new UsageError(`unexpected argument "${parsed.positionals[positionals.length]}"`, {
          hint: `see \`mlops ${command.name} --help\``,
        });
      }
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // parseArgs' own errors (unknown option, missing value) carry a code and a clear enough message.
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = closestMatch(unknown.replace(/^-+/, ""), Object.keys(options));
      throw new UsageError(`unknown option ${unknown} for \`mlops ${command.name}\``, {
        hint: near ? `did you mean --${near}?` : `see \`mlops ${command.name} --help\``,
      });
    }
    throw new UsageError(message.split("\n")[0] ?? message, { hint: `see \`mlops ${command.name} --help\`` });
  }
}

function reportError(error: Error, context: { json: boolean; io: CommandIO; command: string }): number {
  const { io } = context;
  if (error instanceof UserError) {
    const label = error instanceof ConfigError ? "" : "error: ";
    io.stderr.write(`${label}${error.describe()}\n`);
    if (context.json) {
      const diagnostics = error instanceof ConfigError ? error.diagnostics : undefined;
      io.stdout.write(
        `${JSON.stringify({ ok: false, error: { kind: error.name, message: error.message, hint: error.hint ?? null, location: error.location ?? null, ...(diagnostics ? { diagnostics } : {}) } }, null, 2)}\n`,
      );
    }
    return error.exitCode;
  }
  // A bug: keep everything that helps to find it.
  io.stderr.write(
    `internal error in \`mlops ${context.command}\` (this is a bug in mlops-kit; please report it):\n${error.stack ?? error.message}\n`,
  );
  if (error.cause !== undefined) {
    const cause = asError(error.cause);
    io.stderr.write(`caused by: ${cause.stack ?? cause.message}\n`);
  }
  if (context.json)
    io.stdout.write(
      `${JSON.stringify({ ok: false, error: { kind: "InternalError", message: error.message } }, null, 2)}\n`,
    );
  return ExitCode.usageOrConfig;
}

async function generalHelp(): Promise<string> {
  // The one place that needs every command's summary, so the one place that loads them all.
  const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `mlops ${KIT_VERSION}: CI, CD and continuous training for ML repositories, from one mlops.yml`,
    "",
    "Usage: mlops <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --config <path>, --json and --help.",
    "Exit codes: 0 ok, 1 a check failed (data rules, gate), 2 usage or config error.",
    "",
  ].join("\n");
}

export function commandHelp(command: CommandSpec): string {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const label = (key: string, spec: OptionSpec): string =>
    `${spec.short ? `-${spec.short}, ` : "    "}--${key}${spec.type === "string" ? ` <${spec.valueName ?? "value"}>` : ""}`;
  const width = Math.max(...Object.entries(options).map(([k, s]) => label(k, s).length));
  const positionals = command.positionals ?? [];
  const usage = `mlops ${command.name}${positionals.map((p) => (p.required ? ` <${p.name}>` : ` [${p.name}${p.variadic ? "..." : ""}]`)).join("")} [options]`;
  return [
    `${command.summary}.`,
    "",
    `Usage: ${usage}`,
    ...(command.details ? ["", command.details] : []),
    ...(positionals.length > 0
      ? ["", "Arguments:", ...positionals.map((p) => `  ${p.name.padEnd(width)}  ${p.description}`)]
      : []),
    "",
    "Options:",
    ...Object.entries(options).map(
      ([key, spec]) =>
        `  ${label(key, spec).padEnd(width)}  ${spec.description}${spec.multiple ? " (repeatable)" : ""}`,
    ),
    "",
  ].join("\n");
}
