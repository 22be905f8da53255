#!/usr/bin/env node
import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  KIT_VERSION
} from "./chunks/chunk-MFDUBFJ5.js";
import {
  STAGES,
  loadStage,
  processInterrupts
} from "./chunks/chunk-YTT2LBXM.js";
import {
  DEFAULT_CONFIG_FILE
} from "./chunks/chunk-MFRW4TDE.js";
import {
  closestMatch
} from "./chunks/chunk-NFSXRCFZ.js";
import {
  ConfigError,
  ExitCode,
  UsageError,
  UserError,
  asError
} from "./chunks/chunk-XOZC47AQ.js";
import "./chunks/chunk-RZGYXAJU.js";

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/logging.ts
function createStreamLogger(sink, options = {}) {
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  const where = (location) => location ? `${location.file}${location.line ? `:${location.line}` : ""}${location.column ? `:${location.column}` : ""}: ` : "";
  return {
    info: (message) => void sink.write(`${message}
`),
    warn: (message, location) => void sink.write(`${paint("33", "warning")} ${where(location)}${message}
`),
    error: (message, location) => void sink.write(`${paint("31", "error")} ${where(location)}${message}
`),
    debug: (message) => {
      if (options.verbose) sink.write(`${paint("2", message)}
`);
    },
    group: async (name, fn) => {
      sink.write(`${paint("1", `\u25B8 ${name}`)}
`);
      return fn();
    }
  };
}

// src/cli/commands/index.ts
var OTHER_COMMANDS = [
  { name: "init", after: null, load: async () => (await import("./chunks/init-IDWTNVCZ.js")).initCommand },
  { name: "check", after: "init", load: async () => (await import("./chunks/check-T7FJDYDN.js")).checkCommand },
  { name: "config", after: "check", load: async () => (await import("./chunks/config-FKF2DHRL.js")).configCommand },
  { name: "profile", after: "validate", load: async () => (await import("./chunks/profile-JT6PLS33.js")).profileCommand },
  { name: "report", after: "gate", load: async () => (await import("./chunks/report-BYI6HUON.js")).reportCommand },
  { name: "run", after: "publish", load: async () => (await import("./chunks/run-TBCWKOOG.js")).runCommand },
  { name: "retrain", after: "run", load: async () => (await import("./chunks/retrain-I5Z4NCAC.js")).retrainCommand },
  { name: "monitor", after: "retrain", load: async () => (await import("./chunks/monitor-FBV3VDJ2.js")).monitorCommand },
  { name: "deploy", after: "monitor", load: async () => (await import("./chunks/deploy-TK2QTBZD.js")).deployCommand },
  { name: "canary", after: "deploy", load: async () => (await import("./chunks/canary-C5ILCJ6M.js")).canaryCommand },
  { name: "predict", after: "canary", load: async () => (await import("./chunks/predict-A6BTWHDI.js")).predictCommand },
  { name: "sweep", after: "plan", load: async () => (await import("./chunks/sweep-4QEJWSIK.js")).sweepCommand },
  { name: "models", after: "select", load: async () => (await import("./chunks/models-Y4GIJGGP.js")).modelsCommand },
  { name: "promote", after: "models", load: async () => (await import("./chunks/promote-TN52XGIL.js")).promoteCommand },
  { name: "rollback", after: "promote", load: async () => (await import("./chunks/rollback-DC775BQQ.js")).rollbackCommand },
  { name: "pull", after: "rollback", load: async () => (await import("./chunks/pull-VNCWOUCO.js")).pullCommand },
  { name: "verify", after: "pull", load: async () => (await import("./chunks/verify-CBNUZJAU.js")).verifyCommand },
  { name: "sign", after: "verify", load: async () => (await import("./chunks/sign-X6QF6KHI.js")).signCommand },
  { name: "compare", after: "sign", load: async () => (await import("./chunks/compare-3GBJ53KI.js")).compareCommand },
  { name: "metrics", after: "compare", load: async () => (await import("./chunks/metrics-K76QPS5O.js")).metricsCommand }
];
function inHelpOrder() {
  const commands = STAGES.filter((stage) => stage.command).map(({ name }) => ({
    name,
    load: async () => (await import("./chunks/stage-command-4OAFOGHP.js")).stageCommand(await loadStage(name))
  }));
  for (const { after, ...command } of OTHER_COMMANDS) {
    const at = after === null ? 0 : commands.findIndex((c) => c.name === after) + 1;
    if (at === 0 && after !== null) throw new Error(`mlops ${command.name} is placed after an unknown command`);
    commands.splice(at, 0, command);
  }
  return commands;
}
var COMMANDS = inHelpOrder();

// src/cli/main.ts
var GLOBAL_OPTIONS = {
  config: {
    type: "string",
    short: "c",
    valueName: "path",
    description: `Config file (default ./${DEFAULT_CONFIG_FILE})`
  },
  json: { type: "boolean", description: "Print one JSON result object on stdout; human text goes to stderr" },
  verbose: { type: "boolean", short: "v", description: "Print debug details" },
  help: { type: "boolean", short: "h", description: "Show help" }
};
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    (name === void 0 ? io.stderr : io.stdout).write(await generalHelp());
    return name === void 0 ? ExitCode.usageOrConfig : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${KIT_VERSION}
`);
    return ExitCode.ok;
  }
  const json = rest.includes("--json");
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const near = closestMatch(
      name,
      COMMANDS.map((c) => c.name)
    );
    const error = new UsageError(`unknown command "${name}"`, {
      hint: near ? `did you mean "${near}"? Run \`mlops --help\` for the list` : "run `mlops --help` for the list"
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
    const columns = (json ? io.stderr : io.stdout).columns;
    const outcome = await command.run(
      {
        config: typeof parsed.values.config === "string" ? parsed.values.config : DEFAULT_CONFIG_FILE,
        json,
        verbose,
        values: parsed.values,
        positionals: parsed.positionals,
        logger,
        text: { verbose, ...columns !== void 0 && columns > 0 ? { width: columns } : {} }
      },
      io
    );
    if (json) {
      io.stderr.write(`${outcome.text}
`);
      io.stdout.write(`${JSON.stringify(outcome.result, null, 2)}
`);
    } else {
      io.stdout.write(`${outcome.text}
`);
    }
    return outcome.exitCode;
  } catch (thrown) {
    return reportError(asError(thrown), { json, io, command: entry.name });
  }
}
var NEGATIVE_NUMBER = /^-(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function parseCommandArgs(command, args) {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const positionals = command.positionals ?? [];
  const negatives = /* @__PURE__ */ new Map();
  const shielded = args.map((arg) => {
    if (!NEGATIVE_NUMBER.test(arg)) return arg;
    const standIn = `\0${negatives.size}`;
    negatives.set(standIn, arg);
    return standIn;
  });
  const restoreOne = (value) => negatives.get(value) ?? value;
  const restore = (value) => typeof value === "string" ? restoreOne(value) : Array.isArray(value) ? value.map((item) => typeof item === "string" ? restoreOne(item) : item) : value;
  try {
    const parsed = parseArgs({
      args: shielded,
      options: Object.fromEntries(
        Object.entries(options).map(([key, spec]) => [
          key,
          {
            type: spec.type,
            ...spec.short ? { short: spec.short } : {},
            ...spec.multiple ? { multiple: true } : {},
            ...spec.default === void 0 ? {} : { default: spec.default }
          }
        ])
      ),
      allowPositionals: positionals.length > 0,
      strict: true
    });
    if (negatives.size > 0) {
      parsed.positionals = parsed.positionals.map(restoreOne);
      for (const key of Object.keys(parsed.values)) parsed.values[key] = restore(parsed.values[key]);
    }
    if (parsed.values.help !== true) {
      const missing = positionals.slice(parsed.positionals.length).find((p) => p.required);
      if (missing)
        throw new UsageError(`mlops ${command.name} needs <${missing.name}>: ${missing.description}`, {
          hint: `see \`mlops ${command.name} --help\``
        });
      if (parsed.positionals.length > positionals.length && !positionals[positionals.length - 1]?.variadic) {
        throw new UsageError(`unexpected argument "${parsed.positionals[positionals.length]}"`, {
          hint: `see \`mlops ${command.name} --help\``
        });
      }
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = error.message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = closestMatch(unknown.replace(/^-+/, ""), Object.keys(options));
      throw new UsageError(`unknown option ${unknown} for \`mlops ${command.name}\``, {
        hint: near ? `did you mean --${near}?` : `see \`mlops ${command.name} --help\``
      });
    }
    throw new UsageError(message.split("\n")[0] ?? message, { hint: `see \`mlops ${command.name} --help\`` });
  }
}
function reportError(error, context) {
  const { io } = context;
  if (error instanceof UserError) {
    const label = error instanceof ConfigError ? "" : "error: ";
    io.stderr.write(`${label}${error.describe()}
`);
    if (context.json) {
      const diagnostics = error instanceof ConfigError ? error.diagnostics : void 0;
      io.stdout.write(
        `${JSON.stringify({ ok: false, error: { kind: error.name, message: error.message, hint: error.hint ?? null, location: error.location ?? null, ...diagnostics ? { diagnostics } : {} } }, null, 2)}
`
      );
    }
    return error.exitCode;
  }
  io.stderr.write(
    `internal error in \`mlops ${context.command}\` (this is a bug in mlops-kit; please report it):
${error.stack ?? error.message}
`
  );
  if (error.cause !== void 0) {
    const cause = asError(error.cause);
    io.stderr.write(`caused by: ${cause.stack ?? cause.message}
`);
  }
  if (context.json)
    io.stdout.write(
      `${JSON.stringify({ ok: false, error: { kind: "InternalError", message: error.message } }, null, 2)}
`
    );
  return ExitCode.usageOrConfig;
}
async function generalHelp() {
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
    ""
  ].join("\n");
}
function commandHelp(command) {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const label = (key, spec) => `${spec.short ? `-${spec.short}, ` : "    "}--${key}${spec.type === "string" ? ` <${spec.valueName ?? "value"}>` : ""}`;
  const width = Math.max(...Object.entries(options).map(([k, s]) => label(k, s).length));
  const positionals = command.positionals ?? [];
  const usage = `mlops ${command.name}${positionals.map((p) => p.required ? ` <${p.name}>` : ` [${p.name}${p.variadic ? "..." : ""}]`).join("")} [options]`;
  return [
    `${command.summary}.`,
    "",
    `Usage: ${usage}`,
    ...command.details ? ["", command.details] : [],
    ...positionals.length > 0 ? ["", "Arguments:", ...positionals.map((p) => `  ${p.name.padEnd(width)}  ${p.description}`)] : [],
    "",
    "Options:",
    ...Object.entries(options).map(
      ([key, spec]) => `  ${label(key, spec).padEnd(width)}  ${spec.description}${spec.multiple ? " (repeatable)" : ""}`
    ),
    ""
  ].join("\n");
}

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  color: process.stderr.isTTY === true && process.env.NO_COLOR === void 0,
  onInterrupt: processInterrupts(process)
});
