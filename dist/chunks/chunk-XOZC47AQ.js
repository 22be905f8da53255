import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/errors.ts
var ExitCode = {
  ok: 0,
  checkFailed: 1,
  usageOrConfig: 2
};
function formatLocation(location) {
  if (location.line === void 0) return location.file;
  return location.column === void 0 ? `${location.file}:${location.line}` : `${location.file}:${location.line}:${location.column}`;
}
var UserError = class extends Error {
  hint;
  location;
  exitCode = ExitCode.usageOrConfig;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.location = options.location;
  }
  /** One line (plus an optional hint line) for a terminal or an annotation. */
  describe() {
    const where = this.location ? `${formatLocation(this.location)}: ` : "";
    return this.hint ? `${where}${this.message}
  hint: ${this.hint}` : `${where}${this.message}`;
  }
};
var UsageError = class extends UserError {
};
var InputError = class extends UserError {
};
var ExternalError = class extends UserError {
};
function formatPath(path) {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  return text === "" ? "(top level)" : text;
}
function formatDiagnostic(d) {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  const field = d.path.length > 0 ? ` at ${formatPath(d.path)}` : "";
  const head = `${where}${d.severity}${field}: ${d.message}`;
  return d.hint ? `${head}
  hint: ${d.hint}` : head;
}
var ConfigError = class extends UserError {
  diagnostics;
  constructor(diagnostics) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const first = errors[0] ?? diagnostics[0];
    const summary = errors.length > 1 ? `${errors.length} problems in the config` : first?.message ?? "invalid config";
    super(summary, first?.location ? { location: first.location } : {});
    this.diagnostics = diagnostics;
  }
  describe() {
    return this.diagnostics.map(formatDiagnostic).join("\n");
  }
};
function asError(thrown) {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === "string" ? thrown : `non-Error thrown: ${safeStringify(thrown)}`);
}
function safeStringify(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
function isErrnoException(error, code) {
  return error instanceof Error && "code" in error && (code === void 0 || error.code === code);
}
var DataReadError = class extends InputError {
  constructor(file, detail, byteOffset, record, options = {}) {
    super(`${file}: ${detail} (at byte ${byteOffset})`, options);
    this.file = file;
    this.detail = detail;
    this.byteOffset = byteOffset;
    this.record = record;
  }
  file;
  detail;
  byteOffset;
  record;
};

export {
  ExitCode,
  UserError,
  UsageError,
  InputError,
  ExternalError,
  formatPath,
  formatDiagnostic,
  ConfigError,
  asError,
  isErrnoException,
  DataReadError
};
