import type { OnInterrupt } from "../command/interrupts.ts";
import type { ExitCode } from "../errors.ts";
import type { Logger, TextSink } from "../logging.ts";
import type { TextOptions } from "../report/sections.ts";

/** What a CLI command is made of. Commands live one per file in ./commands and are listed in ./commands/index.ts. */

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Shown in --help; `<value>` names the argument. */
  description: string;
  valueName?: string;
  default?: string | boolean;
}

export interface PositionalSpec {
  name: string;
  required: boolean;
  description: string;
  /** The last positional may take any number of values. */
  variadic?: boolean;
}

export interface CommandIO {
  stdout: TextSink;
  stderr: TextSink;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Colour and progress niceties for a terminal. */
  color: boolean;
  /** SIGINT/SIGTERM to the real process (bin.ts); absent when the CLI runs in-process. */
  onInterrupt?: OnInterrupt;
}

export interface CommandArgs {
  /** --config, already defaulted. */
  config: string;
  json: boolean;
  verbose: boolean;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  logger: Logger;
  /** How to lay out the human report: the width of the terminal it goes to, and --verbose. */
  text: TextOptions;
}

export interface CommandOutcome {
  exitCode: ExitCode;
  /** The machine-readable result (the --json output). */
  result: unknown;
  /** The human report: stdout normally, stderr under --json. */
  text: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Extra lines for --help. */
  details?: string;
  positionals?: PositionalSpec[];
  options?: Record<string, OptionSpec>;
  /** Commands such as `init` work without an existing config. */
  run(args: CommandArgs, io: CommandIO): Promise<CommandOutcome>;
}

/** A command as ./commands/index.ts lists it: its name, and its module loaded on demand. */
export interface CommandEntry {
  name: string;
  load(): Promise<CommandSpec>;
}
