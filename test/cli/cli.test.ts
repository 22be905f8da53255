import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { MINIMAL_CONFIG, writeConfig } from "../helpers/config.ts";
import { tempDir } from "../helpers/temp.ts";

/** The `mlops` door in-process: argument handling, help, --json, exit codes. */

/** stdout under --json: exactly one JSON object and nothing else. */
function onlyJson(stdout: string): Record<string, unknown> {
  const value: unknown = JSON.parse(stdout);
  expect(value).toBeTypeOf("object");
  expect(Array.isArray(value)).toBe(false);
  return value as Record<string, unknown>;
}

describe("help", () => {
  it.each(COMMANDS.map((command) => command.name))("mlops %s --help prints its usage and exits 0", async (name) => {
    const dir = await tempDir();
    const result = await runCli([name, "--help"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const command = await COMMANDS.find((c) => c.name === name)?.load();
    expect(result.stdout.startsWith(`${command?.summary}.\n\nUsage: mlops ${name}`)).toBe(true);
    for (const option of ["-c, --config <path>", "--json", "-h, --help"]) expect(result.stdout).toContain(option);
    for (const option of Object.keys(command?.options ?? {})) expect(result.stdout).toContain(`--${option}`);
  });

  it("lists every command in the general help", async () => {
    const dir = await tempDir();
    const result = await runCli(["--help"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Usage: mlops <command> [options]");
    const lines = result.stdout.split("\n");
    for (const command of await Promise.all(COMMANDS.map((entry) => entry.load()))) {
      expect(lines.find((line) => line.startsWith(`  ${command.name} `))?.trim()).toMatch(
        new RegExp(`^${command.name} +`),
      );
      expect(lines.find((line) => line.startsWith(`  ${command.name} `))?.endsWith(command.summary)).toBe(true);
    }
    expect(result.stdout).toContain("Exit codes: 0 ok, 1 a check failed (data rules, gate), 2 usage or config error.");
  });

  it("prints the help with exit 2 when no command is given, and the version with --version", async () => {
    const dir = await tempDir();
    const bare = await runCli([], { cwd: dir });
    expect(bare.exitCode).toBe(2);
    // A usage error: the help goes to stderr, stdout stays empty.
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("Usage: mlops <command> [options]");
    const version = await runCli(["--version"], { cwd: dir });
    expect(version).toEqual({ exitCode: 0, stdout: `${KIT_VERSION}\n`, stderr: "" });
  });
});

describe("usage errors exit 2 with a suggestion", () => {
  it("names an unknown command and suggests the near one", async () => {
    const dir = await tempDir();
    const result = await runCli(["chek"], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: 'error: unknown command "chek"\n  hint: did you mean "check"? Run `mlops --help` for the list\n',
    });
    const far = await runCli(["deploy-everything"], { cwd: dir });
    expect(far.exitCode).toBe(2);
    expect(far.stderr).toBe('error: unknown command "deploy-everything"\n  hint: run `mlops --help` for the list\n');
  });

  // Known bug (src/cli/main.ts, not this suite's to fix): an unknown command returns before --json is looked at, so
  // stdout stays empty instead of carrying `{ ok: false, error }`. Flip to `it` when fixed.
  it("prints a JSON error for an unknown command under --json", async () => {
    const dir = await tempDir();
    const result = await runCli(["chek", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(onlyJson(result.stdout)).toMatchObject({ ok: false, error: { kind: "UsageError" } });
  });

  it("names an unknown option and suggests the near one", async () => {
    const dir = await tempDir();
    const result = await runCli(["check", "--confg", "x.yml"], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "error: unknown option --confg for `mlops check`\n  hint: did you mean --config?\n",
    });
    const json = await runCli(["run", "--no-publsh", "--json"], { cwd: dir });
    expect(json.exitCode).toBe(2);
    expect(json.stderr).toContain(
      "error: unknown option --no-publsh for `mlops run`\n  hint: did you mean --no-publish?",
    );
    expect(onlyJson(json.stdout)).toEqual({
      ok: false,
      error: {
        kind: "UsageError",
        message: "unknown option --no-publsh for `mlops run`",
        hint: "did you mean --no-publish?",
        location: null,
      },
    });
  });

  it("names a missing positional argument", async () => {
    const dir = await tempDir();
    const result = await runCli(["promote"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "error: mlops promote needs <version>: the version id (see `mlops models`)\n  hint: see `mlops promote --help`\n",
    );
  });

  it("refuses an extra positional argument and an option without its value", async () => {
    const dir = await tempDir();
    const extra = await runCli(["check", "surplus"], { cwd: dir });
    expect(extra.exitCode).toBe(2);
    expect(extra.stderr).toMatch(/^error: .*'surplus'.*\n {2}hint: see `mlops check --help`\n$/);
    const noValue = await runCli(["check", "--config"], { cwd: dir });
    expect(noValue.exitCode).toBe(2);
    expect(noValue.stderr).toMatch(/^error: Option '-c, --config <value>' argument missing\n/);
  });

  it("says how to get a config when there is none", async () => {
    const dir = await tempDir();
    const result = await runCli(["validate"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      "error: no config file at mlops.yml\n  hint: run `mlops init` to write one, or pass --config <path>\n",
    );
  });
});

describe("check and --json", () => {
  it("prints one JSON object on stdout and the human summary on stderr", async () => {
    const dir = await tempDir();
    await writeConfig(dir, `${MINIMAL_CONFIG}retrain: { schedule: "0 3 * * 1", when: { drift: false } }\n`);
    const result = await runCli(["check", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    const json = onlyJson(result.stdout);
    expect(json).toMatchObject({ ok: true, file: "mlops.yml" });
    expect(json.warnings).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: ["retrain", "schedule"],
        location: { file: "mlops.yml", line: 9, column: 22 },
      }),
    ]);
    expect(result.stderr).toBe(
      "mlops.yml:9:22: warning at retrain.schedule: runs at minute 0: GitHub delays or drops scheduled runs at the top of the hour; pick e.g. 17\n" +
        "mlops.yml is valid (1 warning(s)): model demo, classification.\n",
    );
  });

  it("prints every config error with file:line:col, as text and as JSON, without a stack trace", async () => {
    const dir = await tempDir();
    await writeConfig(dir, "version: 1\nmodle: { name: demo }\ntrain:\n  command: node train.mjs\n  outputs: model/\n");
    const text = await runCli(["check"], { cwd: dir });
    expect(text.exitCode).toBe(2);
    expect(text.stdout).toBe("");
    expect(text.stderr).toBe(
      "mlops.yml:2:1: error at modle: unknown key `modle`\n  hint: did you mean `model`?\n" +
        'mlops.yml:5:12: error at train.outputs: expected a list, found text "model/"\n',
    );

    const json = await runCli(["check", "--json"], { cwd: dir });
    expect(json.exitCode).toBe(2);
    expect(json.stderr).toBe(text.stderr);
    expect(onlyJson(json.stdout)).toEqual({
      ok: false,
      error: {
        kind: "ConfigError",
        message: "2 problems in the config",
        hint: null,
        location: { file: "mlops.yml", line: 2, column: 1 },
        diagnostics: [
          {
            severity: "error",
            path: ["modle"],
            message: "unknown key `modle`",
            hint: "did you mean `model`?",
            pointAt: "key",
            location: { file: "mlops.yml", line: 2, column: 1 },
          },
          {
            severity: "error",
            path: ["train", "outputs"],
            message: 'expected a list, found text "model/"',
            location: { file: "mlops.yml", line: 5, column: 12 },
          },
        ],
      },
    });
    expect(stackFrames(json.stderr)).toEqual([]);
  });

  it("shows the config path relative to where the command ran", async () => {
    const dir = await tempDir();
    await writeConfig(path.join(dir, "models", "churn"), "version: 1\nmodel: { name: demo, task: regresion }\n");
    const result = await runCli(["check", "--config", "models/churn/mlops.yml"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `${path.join("models", "churn", "mlops.yml")}:2:28: error at model.task: expected one of "classification", "regression", found text "regresion"\n  hint: did you mean "regression"?\n`,
    );
  });
});

describe("init", () => {
  it("writes a config that check accepts, and never overwrites it without --force", async () => {
    const dir = await tempDir();
    const init = await runCli(["init", "--name", "churn", "--no-workflows"], { cwd: dir });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toMatch(/^Wrote:\n {2}mlops\.yml: /);
    const written = await readFile(path.join(dir, "mlops.yml"), "utf8");
    expect(written).toMatch(/^# yaml-language-server: \$schema=https:\/\/\S+\/schema\/mlops\.schema\.json\n/);
    expect(written).toContain("name: churn");

    const check = await runCli(["check", "--json"], { cwd: dir });
    expect(check.exitCode).toBe(0);
    expect(onlyJson(check.stdout)).toEqual({ ok: true, file: "mlops.yml", warnings: [] });

    await writeConfig(dir, `${written}# my own edits\n`);
    const again = await runCli(["init", "--no-workflows"], { cwd: dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toBe(
      "error: mlops.yml already exists\n  hint: pass --force to overwrite it; nothing was written\n",
    );
    expect(await readFile(path.join(dir, "mlops.yml"), "utf8")).toContain("# my own edits");

    const forced = await runCli(["init", "--force", "--name", "churn", "--no-workflows"], { cwd: dir });
    expect(forced.exitCode).toBe(0);
    expect(await readFile(path.join(dir, "mlops.yml"), "utf8")).toBe(written);
  });

  it("refuses a model name the registry could not hold, and an unknown task", async () => {
    const dir = await tempDir();
    const name = await runCli(["init", "--name", "../escape"], { cwd: dir });
    expect(name.exitCode).toBe(2);
    expect(name.stderr).toBe(
      "error: \"../escape\" is not a valid model name\n  hint: use letters, digits, '.', '_' and '-'\n",
    );
    const task = await runCli(["init", "--task", "ranking"], { cwd: dir });
    expect(task.exitCode).toBe(2);
    expect(task.stderr).toBe('error: --task must be classification or regression, not "ranking"\n');
  });

  it("writes a regression config that check accepts", async () => {
    const dir = await tempDir();
    expect((await runCli(["init", "--task", "regression"], { cwd: dir })).exitCode).toBe(0);
    const check = await runCli(["check"], { cwd: dir });
    expect(check.stderr).toBe("");
    expect(check.exitCode).toBe(0);
  });
});
