import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  readRunnerEnvironment
} from "./chunk-QLLY57GB.js";
import {
  loadConfig
} from "./chunk-QEZGSB67.js";
import {
  debug,
  error,
  getInput,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-GKURBYGZ.js";
import {
  workspaceFor
} from "./chunk-I7YBYH2J.js";
import {
  credentialSecrets,
  secretValues
} from "./chunk-5PEOAABG.js";
import {
  renderMarkdown
} from "./chunk-OSH67I4H.js";
import {
  parseStageOptions
} from "./chunk-SUPM4SWD.js";
import {
  loadStage,
  processInterrupts
} from "./chunk-YTT2LBXM.js";
import {
  ConfigError,
  ExitCode,
  UsageError,
  UserError,
  asError,
  formatPath
} from "./chunk-XOZC47AQ.js";

// src/actions/door.ts
import { existsSync } from "node:fs";
import path2 from "node:path";

// src/actions/logger.ts
import path from "node:path";
var ANNOTATIONS_PER_LEVEL = 10;
function createActionsLogger(workspaceRoot, cwd) {
  const used = { warning: 0, error: 0 };
  const overflow = { warning: 0, error: 0 };
  const annotate = (level, message, location) => {
    if (used[level] >= ANNOTATIONS_PER_LEVEL) {
      overflow[level]++;
      info(`${level}: ${location ? `${location.file}:${location.line ?? 1}: ` : ""}${message}`);
      return;
    }
    used[level]++;
    const properties = {};
    if (location) {
      properties.file = path.relative(workspaceRoot, path.resolve(cwd, location.file)).split(path.sep).join("/");
      if (location.line !== void 0) properties.startLine = location.line;
      if (location.column !== void 0) properties.startColumn = location.column;
    }
    if (level === "error") error(message, properties);
    else warning(message, properties);
  };
  return {
    info: (message) => info(message),
    warn: (message, location) => annotate("warning", message, location),
    error: (message, location) => annotate("error", message, location),
    debug: (message) => debug(message),
    group: (name, fn) => group(name, fn),
    flushOverflow() {
      for (const level of ["error", "warning"]) {
        if (overflow[level] > 0)
          info(
            `${overflow[level]} more ${level}(s) are in the log above (GitHub shows ${ANNOTATIONS_PER_LEVEL} per step).`
          );
      }
    }
  };
}

// src/actions/door.ts
function actionInputsFrom(getInput2) {
  return {
    text: (name) => getInput2(name).trim() || void 0,
    lines: (name) => getInput2(name).split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"))
  };
}
var actionInputs = actionInputsFrom((name) => getInput(name));
function actionOptionDoor(inputs, context) {
  return {
    name: "action",
    read: (doc) => {
      if (!doc.action) return void 0;
      return doc.form === "lines" ? inputs.lines(doc.action.input) : inputs.text(doc.action.input);
    },
    label: (doc) => `input "${doc.action?.input ?? ""}"`,
    base: (doc) => doc.action?.relativeTo === "repository" ? context.runner.workspace ?? context.loaded.root : context.loaded.root
  };
}
function actionStart(env) {
  for (const secret of /* @__PURE__ */ new Set([...credentialSecrets(env), ...secretValues(env)])) setSecret(secret);
  const workspaceRoot = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingDirectory = path2.resolve(workspaceRoot, actionInputs.text("working-directory") ?? ".");
  return { workspaceRoot, workingDirectory, logger: createActionsLogger(workspaceRoot, workingDirectory) };
}
function failStep(thrown, logger, verdictOutput) {
  const error2 = asError(thrown);
  setOutput(verdictOutput, "error");
  if (error2 instanceof ConfigError) {
    for (const d of error2.diagnostics.filter((d2) => d2.severity === "error"))
      logger.error(`${formatPath(d.path)}: ${d.message}${d.hint ? ` (${d.hint})` : ""}`, d.location);
    setFailed(`${error2.message}: see the annotations on ${error2.location?.file ?? "the config"}`);
  } else if (error2 instanceof UserError) {
    logger.error(error2.message + (error2.hint ? ` (${error2.hint})` : ""), error2.location);
    setFailed(error2.message);
  } else {
    error(error2.stack ?? error2.message);
    setFailed(`internal error in mlops-kit (please report it): ${error2.message}`);
  }
  return error2;
}
async function runStageAction(name, env = process.env) {
  await runAction(await loadStage(name), env);
}
async function runAction(definition, env = process.env) {
  const { action } = definition;
  const { workspaceRoot, workingDirectory, logger } = actionStart(env);
  try {
    if (!existsSync(workingDirectory)) {
      throw new UsageError(`working-directory ${path2.relative(workspaceRoot, workingDirectory)} does not exist`);
    }
    const loaded = await loadConfig(actionInputs.text("config") ?? "mlops.yml", workingDirectory);
    for (const warning2 of loaded.warnings)
      logger.warn(`${formatPath(warning2.path)}: ${warning2.message}`, warning2.location);
    const workspace = workspaceFor(loaded);
    const runner = await readRunnerEnvironment(env);
    const { readProvenance } = await import("./provenance-XUKNWNGP.js");
    const context = {
      loaded,
      workspace,
      logger,
      env,
      now: () => /* @__PURE__ */ new Date(),
      runner,
      provenance: await readProvenance(runner, env, loaded, workspace),
      // A cancelled job sends SIGINT, then SIGTERM: a params file rewritten for the run is put back first.
      onInterrupt: processInterrupts(process)
    };
    const options = await parseStageOptions(definition.options, actionOptionDoor(actionInputs, context));
    const run = await definition.run(context, options);
    const posted = await action.post?.(context, run, options) ?? null;
    for (const [name, output] of Object.entries(action.outputs)) setOutput(name, output.value(run, posted));
    setOutput("report", run.resultFile);
    setOutput("summary", run.reportFile);
    if (loaded.config.report.summary) await summary.addRaw(renderMarkdown(run.section)).addEOL().write();
    if (run.exitCode !== ExitCode.ok) setFailed(action.failureMessage(run));
  } catch (thrown) {
    const error2 = failStep(thrown, logger, action.verdictOutput);
    const section = {
      title: "mlops-kit could not run",
      status: "error",
      headline: error2.message,
      blocks: [{ kind: "code", text: error2 instanceof UserError ? error2.describe() : error2.message }]
    };
    await summary.addRaw(renderMarkdown(section)).addEOL().write();
  } finally {
    logger.flushOverflow();
  }
}

export {
  actionInputs,
  actionStart,
  failStep,
  runStageAction
};
