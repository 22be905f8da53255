import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { describeFailure, runCommand } from "../../src/command/run-command.ts";
import { loadConfig } from "../../src/config/load.ts";
import { sha256File } from "../../src/files/hash.ts";
import { createRecordingLogger } from "../../src/logging.ts";
import { resolveTrainParams, trainModel } from "../../src/train/train.ts";
import { writeConfig } from "../helpers/config.ts";
import { stageContext } from "../helpers/context.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** The train stage and the command runner under it: params reach the command, failures are explained. */

/** A project whose training command is `command`; extra YAML lines go inside the train section. */
async function project(command: string, trainExtra = "", files: Record<string, string> = {}) {
  const dir = await tempDir();
  await writeFiles(dir, files);
  // JSON strings are valid YAML double-quoted scalars, so any command text survives the trip.
  await writeConfig(
    dir,
    `version: 1\nmodel: { name: demo }\ntrain:\n  command: ${JSON.stringify(command)}\n  cache: false\n${trainExtra}`,
  );
  const loaded = await loadConfig("mlops.yml", dir);
  return { dir, loaded, context: stageContext(loaded) };
}

/** A `node -e` program on one line, in double quotes for the shell (so: no `"`, `$`, backquote or backslash in it). */
const nodeEval = (program: string): string => {
  expect(program).not.toMatch(/["$`\\\n]/);
  return `node -e "${program}"`;
};

/** True while `pid` runs; a zombie (exited, not yet reaped by a container's init) counts as gone. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    if (process.platform === "linux") return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (bounded) for a killed process to disappear: signals are delivered asynchronously. */
async function waitUntilGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe("params reach the command", () => {
  it("as a JSON file named by MLOPS_PARAMS_FILE and as MLOPS_PARAM_* variables, with train.env", async () => {
    const program = [
      "const fs = require('fs');",
      "const e = process.env;",
      "fs.mkdirSync('model', { recursive: true });",
      "fs.writeFileSync('model/seen.json', JSON.stringify({",
      "  file: e.MLOPS_PARAMS_FILE,",
      "  params: JSON.parse(fs.readFileSync(e.MLOPS_PARAMS_FILE, 'utf8')),",
      "  lr: e.MLOPS_PARAM_LEARNING_RATE, features: e.MLOPS_PARAM_FEATURES, opt: e.MLOPS_PARAM_OPT,",
      "  extra: e.EXTRA, cwd: process.cwd() }));",
      "console.log('trained');",
    ].join(" ");
    const { dir, loaded, context } = await project(
      nodeEval(program),
      "  params: { learning_rate: 0.1, features: [a, b], opt: { beta: 0.9 } }\n  env: { EXTRA: from-config }\n  outputs: [model/]\n",
    );
    const params = await resolveTrainParams(loaded, ["learning_rate=0.05", "opt.beta=0.99"]);
    const result = await trainModel(context, { params });

    expect(result).toMatchObject({
      stage: "train",
      status: "ok",
      exitCode: 0,
      signal: null,
      timedOut: false,
      failure: null,
      paramsFile: path.join(".mlops", "out", "params.json"),
      params: { learning_rate: 0.05, features: ["a", "b"], opt: { beta: 0.99 } },
      logTail: ["trained"],
    });
    const seen = JSON.parse(await readFile(path.join(dir, "model", "seen.json"), "utf8")) as Record<string, unknown>;
    expect(seen).toEqual({
      file: path.join(dir, ".mlops", "out", "params.json"),
      params: { learning_rate: 0.05, features: ["a", "b"], opt: { beta: 0.99 } },
      lr: "0.05",
      features: '["a","b"]',
      opt: '{"beta":0.99}',
      extra: "from-config",
      cwd: dir,
    });
    expect(result.outputs).toEqual([
      { path: "model/seen.json", ...(await sha256File(path.join(dir, "model", "seen.json"))) },
    ]);
    expect(context.logger.records.filter((r) => r.level === "info").map((r) => r.message)).toEqual([
      `$ ${nodeEval(program)}`,
      "  [train] trained",
    ]);
  });

  it("reads params from a file next to mlops.yml", async () => {
    const { loaded } = await project("true", "  params: params.yml\n", { "params.yml": "epochs: 300\nlr: 0.1\n" });
    expect(await resolveTrainParams(loaded, ["epochs=3"])).toEqual({ epochs: 3, lr: 0.1 });
    await expect(resolveTrainParams(loaded, ["epoch=3"])).rejects.toThrow('--set epoch: there is no param "epoch"');
  });
});

describe("failures are explained", () => {
  it("fails when the command exits 0 without writing its declared outputs", async () => {
    const { context } = await project(
      nodeEval("console.log('forgot to save')"),
      "  outputs: [model/, metrics.json]\n",
      {
        "metrics.json": "{}",
      },
    );
    const result = await trainModel(context, { params: {} });
    expect(result).toMatchObject({ status: "failed", exitCode: 0, outputs: [] });
    expect(result.failure).toBe("training exited 0 but did not write its declared output: model/ (train.outputs)");
  });

  it("quotes the last line of stderr that names an error when the command exits non-zero", async () => {
    const program =
      "console.error('ValueError: bad lr'); for (let i = 1; i <= 3; i++) console.error('problem ' + i); console.log('out'); process.exit(3)";
    const { context } = await project(nodeEval(program));
    const result = await trainModel(context, { params: {} });
    expect(result).toMatchObject({ status: "failed", exitCode: 3, signal: null, timedOut: false });
    expect(result.failure).toBe(
      `training failed with exit code 3: ${nodeEval(program)} (see its output in the log; last line: ValueError: bad lr)`,
    );
    expect(result.logTail).toContain("out");
  });

  it("says when the command is not found (exit 127)", async () => {
    const { context } = await project("mlops-test-no-such-command --epochs 3");
    const result = await trainModel(context, { params: {} });
    expect(result).toMatchObject({ status: "failed", exitCode: 127 });
    expect(result.failure).toMatch(
      /^training command not found \(exit 127\): mlops-test-no-such-command --epochs 3 \(see its output in the log; last line: .*mlops-test-no-such-command.*not found\)$/,
    );
  });

  it("stops a command at its timeout, with everything it started", async () => {
    // The shell starts a background child (its output detached, so the pipes close when the shell dies) and waits
    // for it: killing only the shell would leave `sleep` running; the whole process group must go.
    const command = "sleep 30 >/dev/null 2>&1 & echo $! > child.pid; wait";
    const { dir, context } = await project(command, "  timeout_minutes: 0.01\n");
    const result = await trainModel(context, { params: {} });
    const child = Number(await readFile(path.join(dir, "child.pid"), "utf8"));
    onTestFinished(() => {
      if (isRunning(child)) process.kill(child, "SIGKILL");
    });
    expect(result).toMatchObject({ status: "failed", timedOut: true, exitCode: null, signal: "SIGTERM" });
    expect(result.failure).toBe(`training timed out after 0.6 s and was stopped: ${command}`);
    expect(child).toBeGreaterThan(1);
    expect(await waitUntilGone(child)).toBe(true);
  });
});

describe("runCommand", () => {
  it("keeps the last lines of output, stderr apart, and shortens very long lines", async () => {
    const dir = await tempDir();
    const logger = createRecordingLogger();
    const program = [
      "for (let i = 1; i <= 6; i++) console.log('out ' + i);",
      "console.error('x'.repeat(600));",
      "process.stderr.write('no newline at the end');",
    ].join(" ");
    const result = await runCommand({
      command: nodeEval(program),
      cwd: dir,
      env: { PATH: process.env.PATH },
      logger,
      label: "eval",
      tailLines: 4,
    });
    expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false, notFound: false });
    expect(result.stderrTail).toEqual([`${"x".repeat(497)}...`, "no newline at the end"]);
    expect(result.tail).toHaveLength(4);
    expect(result.tail).toEqual(expect.arrayContaining(["out 6", "no newline at the end"]));
    expect(logger.records.filter((r) => r.message.startsWith("  [eval] out"))).toHaveLength(6);
  });

  it("describes a command killed by a signal", () => {
    const failure = describeFailure("evaluation", "node predict.mjs", {
      exitCode: null,
      signal: "SIGKILL",
      timedOut: false,
      notFound: false,
      durationMs: 5,
      tail: [],
      stderrTail: [],
      peakMemoryBytes: null,
    });
    expect(failure).toBe("evaluation was killed by SIGKILL: node predict.mjs");
  });
});
