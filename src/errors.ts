/**
 * The kit's error model (STYLE.md "Errors and outcomes").
 *
 * - A failed check (data rules, gate) is NOT an exception: stages return it as data and the door maps it to exit 1.
 * - A {@link UserError} is something the user can fix (config, usage, unreadable input, unreachable service). Doors
 *   print its message and hint without a stack trace and exit 2 ("could not be evaluated", DOMAIN.md §2).
 * - Anything else is a bug: it keeps its cause and is printed with its stack.
 */

/** Exit codes shared by the CLI and the actions. */
export const ExitCode = {
  ok: 0,
  checkFailed: 1,
  usageOrConfig: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A place in a file, 1-based like editors show it. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export function formatLocation(location: SourceLocation): string {
  if (location.line === undefined) return location.file;
  return location.column === undefined
    ? `${location.file}:${location.line}`
    : `${location.file}:${location.line}:${location.column}`;
}

/** A problem the user can fix. `hint` says what to do about it. */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  readonly exitCode: ExitCode = ExitCode.usageOrConfig;

  constructor(message: string, options: { hint?: string; location?: SourceLocation; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.location = options.location;
  }

  /** One line (plus an optional hint line) for a terminal or an annotation. */
  describe(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : "";
    return this.hint ? `${where}${this.message}\n  hint: ${this.hint}` : `${where}${this.message}`;
  }
}

/** Wrong command-line use: unknown flag, missing argument. */
export class UsageError extends UserError {}

/** Input that cannot be read or understood: a missing or malformed data, predictions or metrics file. */
export class InputError extends UserError {}

/** An outside system (object store, GitHub, cache) that failed in a way retries did not fix. */
export class ExternalError extends UserError {}

/** One finding about a config file; errors block, warnings are reported and let the run go on. */
export interface ConfigDiagnostic {
  severity: "error" | "warning";
  /** Field path inside the config, e.g. `["gate", "rules", 0, "metric"]`. */
  path: readonly (string | number)[];
  message: string;
  hint?: string;
  /** Point at the key (unknown keys) rather than its value. */
  pointAt?: "key" | "value";
  /** Filled in by the loader from the YAML source positions. */
  location?: SourceLocation;
}

export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  return text === "" ? "(top level)" : text;
}

export function formatDiagnostic(d: ConfigDiagnostic): string {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  const field = d.path.length > 0 ? ` at ${formatPath(d.path)}` : "";
  const head = `${where}${d.severity}${field}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** The config cannot be used. Carries every error found (not just the first), each with its place in the file. */
export class ConfigError extends UserError {
  readonly diagnostics: readonly ConfigDiagnostic[];

  constructor(diagnostics: readonly ConfigDiagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const first = errors[0] ?? diagnostics[0];
    const summary =
      errors.length > 1 ? `${errors.length} problems in the config` : (first?.message ?? "invalid config");
    super(summary, first?.location ? { location: first.location } : {});
    this.diagnostics = diagnostics;
  }

  override describe(): string {
    return this.diagnostics.map(formatDiagnostic).join("\n");
  }
}

/** Turns anything thrown (including `throw "text"`) into an Error, so no failure is lost. */
export function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === "string" ? thrown : `non-Error thrown: ${safeStringify(thrown)}`);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Node's errno errors (ENOENT, EACCES ...), recognised without `any`. */
export function isErrnoException(error: unknown, code?: string): error is NodeJS.ErrnoException {
  return error instanceof Error && "code" in error && (code === undefined || error.code === code);
}

/**
 * Data that cannot be read, found at a known place: the byte offset in the file, and the record (counted from the
 * start of the part being read) so that the caller, which knows where that part starts, can name the row.
 */
export class DataReadError extends InputError {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly byteOffset: number,
    readonly record: number | null,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(`${file}: ${detail} (at byte ${byteOffset})`, options);
  }
}
