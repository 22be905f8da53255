import type { SourceLocation } from "./errors.ts";

/**
 * One logging interface, three backends (STYLE.md, after codeql-action's logging.ts): the terminal (CLI), the
 * Actions runner (annotations, groups), and a recorder for tests. The core never writes to stdout/stderr itself.
 */
export interface Logger {
  info(message: string): void;
  /** A warning; with a location, the Actions backend turns it into an annotation on that line. */
  warn(message: string, location?: SourceLocation): void;
  error(message: string, location?: SourceLocation): void;
  debug(message: string): void;
  /** Runs `fn` inside a named, collapsible section. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface TextSink {
  write(text: string): unknown;
  /** The terminal's width, when the sink is a terminal (a tty.WriteStream's `columns`); absent for a pipe or file. */
  readonly columns?: number;
}

/** Writes to a terminal stream (stderr for the CLI, so stdout stays clean for results and --json). */
export function createStreamLogger(sink: TextSink, options: { verbose?: boolean; color?: boolean } = {}): Logger {
  const paint = (code: string, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const where = (location?: SourceLocation): string =>
    location
      ? `${location.file}${location.line ? `:${location.line}` : ""}${location.column ? `:${location.column}` : ""}: `
      : "";
  return {
    info: (message) => void sink.write(`${message}\n`),
    warn: (message, location) => void sink.write(`${paint("33", "warning")} ${where(location)}${message}\n`),
    error: (message, location) => void sink.write(`${paint("31", "error")} ${where(location)}${message}\n`),
    debug: (message) => {
      if (options.verbose) sink.write(`${paint("2", message)}\n`);
    },
    group: async (name, fn) => {
      sink.write(`${paint("1", `▸ ${name}`)}\n`);
      return fn();
    },
  };
}

export interface LogRecord {
  level: "info" | "warn" | "error" | "debug" | "group";
  message: string;
  location?: SourceLocation;
}

/** Keeps every message, for tests. */
export function createRecordingLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const push = (level: LogRecord["level"], message: string, location?: SourceLocation): void => {
    records.push(location ? { level, message, location } : { level, message });
  };
  return {
    records,
    info: (m) => push("info", m),
    warn: (m, l) => push("warn", m, l),
    error: (m, l) => push("error", m, l),
    debug: (m) => push("debug", m),
    group: async (name, fn) => {
      push("group", name);
      return fn();
    },
  };
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  group: (_name, fn) => fn(),
};
