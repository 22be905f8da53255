import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { MAX_CONFIG_BYTES } from "../../src/config/yaml-source.ts";
import { ConfigError, UserError } from "../../src/errors.ts";
import { stackFrames } from "../helpers/cli.ts";
import {
  brief,
  configErrorOf,
  configErrorOfFile,
  MINIMAL_CONFIG,
  onlyError,
  parse,
  writeConfig,
} from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Issue 2's bad inputs: each gets exactly one clear diagnostic at the right file:line:col, never a stack trace. */

function expectOneError(
  text: string,
  expected: { line: number; column: number; path?: string; message: string | RegExp; hint?: string | RegExp },
): void {
  const error = configErrorOf(() => parse(text));
  const diagnostic = onlyError(error);
  expect(diagnostic.location).toEqual({ file: "mlops.yml", line: expected.line, column: expected.column });
  if (expected.path !== undefined) expect(diagnostic.path.join(".")).toBe(expected.path);
  if (typeof expected.message === "string") expect(diagnostic.message).toBe(expected.message);
  else expect(diagnostic.message).toMatch(expected.message);
  if (expected.hint !== undefined) expect(diagnostic.hint).toMatch(expected.hint);
  const printed = error.describe();
  expect(printed).toContain(`mlops.yml:${expected.line}:${expected.column}: error`);
  expect(stackFrames(printed)).toEqual([]);
}

describe("YAML that cannot be read", () => {
  it("reports a syntax error at its place", () => {
    expectOneError("version: 1\nmodel: name: demo\n", {
      line: 2,
      column: 8,
      message: "YAML: a nested mapping on the same line as its key",
      hint: /own, indented lines/,
    });
  });

  it("reports a mapping item that is out of line", () => {
    expectOneError("version: 1\nmodel:\n  name: demo\n task: regression\n", {
      line: 4,
      column: 1,
      message: "YAML: All mapping items must start at the same column",
    });
  });

  it("reports a tab used for indentation", () => {
    expectOneError("version: 1\nmodel:\n\tname: demo\n", {
      line: 3,
      column: 1,
      message: "YAML: a tab is used for indentation",
      hint: "YAML allows only spaces for indentation",
    });
  });

  it("reports a duplicate key at its second occurrence", () => {
    expectOneError("version: 1\nmodel:\n  name: demo\n  name: other\n", {
      line: 4,
      column: 3,
      message: "YAML: duplicate key: this key already appears in the same mapping",
      hint: /silently keep only one/,
    });
  });

  it("refuses custom tags and several documents", () => {
    expectOneError("version: 1\nmodel: !python/object { name: demo }\n", {
      line: 2,
      column: 8,
      message: "YAML: custom YAML tags are not allowed",
    });
    expectOneError("version: 1\n---\nmodel: { name: demo }\n", {
      line: 2,
      column: 1,
      message: "YAML: the file holds several YAML documents (a `---` separator)",
    });
  });

  it("refuses an empty file and a file of comments only", () => {
    for (const text of ["", "# nothing here yet\n\n# still nothing\n"]) {
      expectOneError(text, { line: 1, column: 1, message: "the config is empty", hint: /mlops init/ });
    }
  });

  it("refuses a list or a plain value at the top level", () => {
    expectOneError("- version: 1\n- model: demo\n", {
      line: 1,
      column: 1,
      message: "expected a mapping (key: value lines) at the top level, found a list",
      hint: /not with `- `/,
    });
    expectOneError("\n\njust some text\n", {
      line: 3,
      column: 1,
      message: 'expected a mapping (key: value lines) at the top level, found the plain value "just some text"',
    });
  });

  it("refuses an alias bomb without expanding it", () => {
    // Nine levels of nine aliases: 9^9 (387 million) strings if expanded. Refusal must come from counting aliases,
    // not from running out of memory or time (the test's own timeout guards against a hang).
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level <= 9; level++) {
      const previous = `*a${level - 1}`;
      lines.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => previous).join(", ")}]`);
    }
    const error = configErrorOf(() => parse(`version: 1\nmodel: { name: demo }\n${lines.join("\n")}\n`));
    const diagnostic = onlyError(error);
    expect(diagnostic.message).toBe("YAML aliases expand too much (more than 100 alias expansions)");
    expect(diagnostic.hint).toMatch(/alias bomb/);
    expect(diagnostic.location).toEqual({ file: "mlops.yml", line: 1, column: 1 });
  }, 10_000);

  it("refuses an alias inside the value its own anchor names, at the alias", () => {
    // yaml makes such a value contain itself; the schema's recursion (train.params) ran out of stack on it.
    const train = "train:\n  command: python train.py\n  params: &p\n    inner: [1, *p]\n";
    expectOneError(`version: 1\nmodel: { name: demo }\n${train}`, {
      line: 6,
      column: 16,
      message:
        "YAML: the alias *p is inside the value its anchor &p names, so that value would contain itself without end",
      hint: /write the inner value out/,
    });
  });

  it("accepts a few harmless aliases", () => {
    const loaded = parse(`${MINIMAL_CONFIG}report: &r { comment: off }\n`);
    expect(loaded.config.report.comment).toBe("off");
  });

  it("refuses a 5 MB config by its size, before reading it", async () => {
    const dir = await tempDir();
    // Valid YAML all the way through, so only the size check can refuse it.
    const filler = `# ${"x".repeat(97)}\n`.repeat((5 * 1024 * 1024) / 100);
    await writeConfig(dir, MINIMAL_CONFIG + filler);
    const error: unknown = await loadConfig("mlops.yml", dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect(error).not.toBeInstanceOf(ConfigError);
    const user = error as UserError;
    expect(user.message).toBe(
      `mlops.yml is 5.0 MB; a config file over ${MAX_CONFIG_BYTES / (1024 * 1024)} MB is refused`,
    );
    expect(user.hint).toMatch(/right file/);
    expect(user.location).toEqual({ file: "mlops.yml" });
  });

  it("refuses a file that is not UTF-8", async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, "mlops.yml"),
      Buffer.concat([Buffer.from("version: 1\nmodel: { name: caf"), Buffer.from([0xe9]), Buffer.from(" }\n")]),
    );
    const error: unknown = await loadConfig("mlops.yml", dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toBe(
      "mlops.yml: mlops.yml is not valid UTF-8 text\n  hint: save the file as UTF-8",
    );
  });

  it("names a missing config file and says how to make one", async () => {
    const dir = await tempDir();
    const error: unknown = await loadConfig("mlops.yml", dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe("no config file at mlops.yml");
    expect((error as UserError).hint).toMatch(/mlops init/);
  });

  it("accepts a UTF-8 byte order mark and mlops.yaml in place of mlops.yml", async () => {
    const dir = await tempDir();
    await writeConfig(dir, `\uFEFF${MINIMAL_CONFIG}`, "mlops.yaml");
    const loaded = await loadConfig("mlops.yml", dir);
    expect(loaded.file).toBe(path.join(dir, "mlops.yaml"));
    expect(loaded.config.model.name).toBe("demo");
    expect(loaded.warnings).toEqual([]);
  });
});

describe("shape errors", () => {
  it("reports a wrong type with what was expected and what was found", () => {
    expectOneError("version: 1\nmodel: { name: demo }\ntrain:\n  command: node train.mjs\n  timeout_minutes: soon\n", {
      line: 5,
      column: 20,
      path: "train.timeout_minutes",
      message: 'expected a number, found text "soon"',
    });
  });

  it("reports a missing required field at the mapping that lacks it, with the field's description", () => {
    expectOneError("version: 1\nmodel:\n  task: regression\n", {
      line: 3,
      column: 3,
      path: "model.name",
      message: "missing required field `name`",
      hint: /name in the registry/,
    });
    expectOneError("model: { name: demo }\n", {
      line: 1,
      column: 1,
      path: "version",
      message: "missing required field `version`",
      hint: "expected 1",
    });
  });

  it("suggests the key a near-miss meant, once, at the misspelt key", () => {
    expectOneError("version: 1\nmodle:\n  name: demo\n", {
      line: 2,
      column: 1,
      path: "modle",
      message: "unknown key `modle`",
      hint: "did you mean `model`?",
    });
    expectOneError("version: 1\nmodel: { name: demo }\ntrain:\n  comand: node train.mjs\n", {
      line: 4,
      column: 3,
      path: "train.comand",
      message: "unknown key `comand`",
      hint: "did you mean `command`?",
    });
    expectOneError(
      "version: 1\nmodel: { name: demo }\nevaluate: { predictions: p.csv }\ngate:\n  rules:\n    - { metric: accuracy, mni: 0.5 }\n",
      { line: 6, column: 27, path: "gate.rules.0.mni", message: "unknown key `mni`", hint: "did you mean `min`?" },
    );
  });

  it("lists the allowed keys when no key is close", () => {
    expectOneError("version: 1\nmodel: { name: demo }\nzzzzzz: 1\n", {
      line: 3,
      column: 1,
      message: "unknown key `zzzzzz`",
      hint: /^allowed here: version, model, data, train, evaluate, gate, registry, publish, retrain, monitor, deploy, predict, report, card, workspace$/,
    });
  });

  it("suggests the enum value a near-miss meant", () => {
    expectOneError("version: 1\nmodel:\n  name: demo\n  task: clasification\n", {
      line: 4,
      column: 9,
      path: "model.task",
      message: 'expected one of "classification", "regression", found text "clasification"',
      hint: 'did you mean "classification"?',
    });
    expectOneError("version: 1\nmodel: { name: demo }\ndata: { train: a.csv, drift: { method: psii } }\n", {
      line: 3,
      column: 40,
      path: "data.drift.method",
      message: /^expected one of "auto", "psi", .*found text "psii"$/,
      hint: 'did you mean "psi"?',
    });
  });

  it("refuses a model name that could walk out of the registry", () => {
    expectOneError("version: 1\nmodel: { name: ../evil }\n", {
      line: 2,
      column: 16,
      path: "model.name",
      message: /^expected a name of 1-64 letters.*no '\.\.', found text "\.\.\/evil"$/,
    });
  });

  it("refuses control characters in a path", () => {
    expectOneError('version: 1\nmodel: { name: demo }\ndata: { train: "a\\u0007b.csv" }\n', {
      line: 3,
      column: 16,
      path: "data.train",
      message: 'a path may not contain control characters, found text "a\\u0007b.csv"',
    });
  });

  it("reports every problem of a file, sorted by line", () => {
    const error = configErrorOf(() =>
      parse(
        [
          "version: 1",
          "model:",
          "  name: demo",
          "  tsk: regression",
          "train:",
          "  command: node train.mjs",
          "  timeout_minutes: -1",
          "gate:",
          "  rules: 5",
          "workspace: ''",
          "",
        ].join("\n"),
      ),
    );
    expect(brief(error.diagnostics)).toEqual([
      "4:3 error model.tsk: unknown key `tsk`",
      "7:20 error train.timeout_minutes: expected a number more than 0, found the number -1",
      "9:10 error gate.rules: expected a list, found the number 5",
      "10:12 error workspace: expected a non-empty path",
    ]);
    expect(error.message).toBe("4 problems in the config");
    expect(error.describe().split("\n")[0]).toBe("mlops.yml:4:3: error at model.tsk: unknown key `tsk`");
  });
});

describe("paths and locations", () => {
  const withTrain = (train: string): string => `${MINIMAL_CONFIG}data:\n  train: ${train}\n  eval: data/eval.csv\n`;

  it("refuses a path that leaves the repository", () => {
    expectOneError(withTrain("../../etc/passwd"), {
      line: 10,
      column: 10,
      path: "data.train",
      message: 'the path "../../etc/passwd" leads outside the repository',
      hint: /s3:\/\/ URI/,
    });
  });

  it("accepts ../ that stays inside the repository when mlops.yml is in a subfolder", async () => {
    const repo = await tempDir();
    await mkdir(path.join(repo, ".git"));
    await writeFiles(repo, { "shared/train.csv": "a,b\n1,2\n" });
    await writeConfig(path.join(repo, "models", "churn"), withTrain("../../shared/train.csv"));
    const loaded = await loadConfig("models/churn/mlops.yml", repo);
    expect(loaded.repoRoot).toBe(repo);
    expect(loaded.root).toBe(path.join(repo, "models", "churn"));
    expect(loaded.config.data?.train).toBe("../../shared/train.csv");
    expect(loaded.warnings).toEqual([]);

    // One level more leaves the repository: refused, pointing at the line in the real file.
    await writeConfig(path.join(repo, "models", "churn"), withTrain("../../../outside.csv"));
    const error = await configErrorOfFile("models/churn/mlops.yml", repo);
    expect(brief(error.diagnostics)).toEqual([
      '10:10 error data.train: the path "../../../outside.csv" leads outside the repository',
    ]);
    expect(error.diagnostics[0]?.location?.file).toBe(path.join("models", "churn", "mlops.yml"));
  });

  it("treats the folder of mlops.yml as the repository when there is no .git", async () => {
    const dir = await tempDir();
    await writeConfig(path.join(dir, "project"), withTrain("../shared/train.csv"));
    const error = await configErrorOfFile("project/mlops.yml", dir);
    expect(brief(error.diagnostics)).toEqual([
      '10:10 error data.train: the path "../shared/train.csv" leads outside the repository',
    ]);
  });

  it("refuses absolute paths and backslashes", () => {
    expectOneError(withTrain("/etc/passwd"), {
      line: 10,
      column: 10,
      message: 'the path is absolute; it must be relative: "/etc/passwd"',
      hint: /relative to the folder of mlops.yml/,
    });
    expectOneError(withTrain("C:/data/train.csv"), {
      line: 10,
      column: 10,
      message: 'the path is absolute; it must be relative: "C:/data/train.csv"',
    });
    expectOneError(withTrain("'data\\..\\..\\x.csv'"), {
      line: 10,
      column: 10,
      message: 'the path contains a backslash; use `/` as separator: "data\\..\\..\\x.csv"',
    });
  });

  it("refuses unsupported URI schemes, and s3:// where only local paths make sense", () => {
    expectOneError(withTrain("https://example.com/train.csv"), {
      line: 10,
      column: 10,
      message: 'unsupported location "https://example.com/train.csv"',
      hint: "use a path in the repository or an s3://bucket/key URI",
    });
    expectOneError(MINIMAL_CONFIG.replace("outputs: [model/]", "outputs: [model/], params: s3://my-bucket/p.yml"), {
      line: 3,
      column: 62,
      path: "train.params",
      message: 'unsupported location "s3://my-bucket/p.yml"',
      hint: "use a path in the repository",
    });
  });

  it("refuses malformed s3 URIs and accepts valid ones", () => {
    for (const uri of ["s3://Bad_Bucket/key", "s3://ab/key", "s3:///key"]) {
      expectOneError(withTrain(uri), {
        line: 10,
        column: 10,
        message: `"${uri}" is not a valid s3://bucket/key URI`,
        hint: /3-63 lowercase letters/,
      });
    }
    expect(parse(withTrain("s3://my-bucket/data/train.csv")).config.data?.train).toBe("s3://my-bucket/data/train.csv");
  });

  it("points a located diagnostic into the file for annotations raised later", () => {
    const loaded = parse(MINIMAL_CONFIG);
    expect(loaded.locate(["gate", "rules", 0])).toEqual({ file: "mlops.yml", line: 8, column: 7 });
    expect(loaded.locate(["gate", "rules", 0, "min"])).toEqual({ file: "mlops.yml", line: 8, column: 32 });
    // A path that does not exist stops at the deepest node that does.
    expect(loaded.locate(["gate", "rules", 3])).toEqual({ file: "mlops.yml", line: 8, column: 5 });
  });
});

describe("the schedule", () => {
  const withSchedule = (schedule: string, timezone = "UTC"): string =>
    `${MINIMAL_CONFIG}retrain:\n  schedule: "${schedule}"\n  timezone: ${timezone}\n  when: { drift: false }\n`;

  it("refuses an invalid cron string with the reason", () => {
    const cases: [string, string][] = [
      ["61 3 * * 1", "minute field: 61 is outside 0-59"],
      ["17 3 * *", "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), found 4"],
      ["@daily", "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), found 1"],
      ["17 3 * * MOON", 'day of week field: "MOON" is not a number or a name such as MON'],
      ["17 5-3 * * *", 'hour field: range "5-3" runs backwards'],
      ["*/0 * * * *", 'minute field: bad step "/0" in "*/0"'],
      ["17 3 0 * *", "day of month field: 0 is outside 1-31"],
    ];
    for (const [schedule, reason] of cases) {
      expectOneError(withSchedule(schedule), {
        line: 10,
        column: 13,
        path: "retrain.schedule",
        message: `invalid cron schedule "${schedule}": ${reason}`,
        hint: /every Monday at 03:17/,
      });
    }
  });

  it("accepts names, ranges, lists and steps", () => {
    for (const schedule of ["17 3 * * 1", "17 3 * JAN-MAR MON-FRI", "5,35 */6 1,15 * *", "7-59/10 * * * SUN"]) {
      expect(parse(withSchedule(schedule)).warnings).toEqual([]);
    }
  });

  it("warns about minute 0 and about runs less than 5 minutes apart", () => {
    expect(brief(parse(withSchedule("0 3 * * 1")).warnings)).toEqual([
      "10:13 warning retrain.schedule: runs at minute 0: GitHub delays or drops scheduled runs at the top of the hour; pick e.g. 17",
    ]);
    expect(brief(parse(withSchedule("*/2 * * * *")).warnings)).toEqual([
      "10:13 warning retrain.schedule: runs at minute 0: GitHub delays or drops scheduled runs at the top of the hour; pick e.g. 17",
      "10:13 warning retrain.schedule: runs less than 5 minutes apart: GitHub runs schedules at most every 5 minutes",
    ]);
    expect(brief(parse(withSchedule("13,16 * * * *")).warnings)).toEqual([
      "10:13 warning retrain.schedule: runs less than 5 minutes apart: GitHub runs schedules at most every 5 minutes",
    ]);
    // Across the hour: 10:58 then 11:01; but not when only one hour runs.
    expect(brief(parse(withSchedule("58,1 9-17 * * *")).warnings)).toEqual([
      "10:13 warning retrain.schedule: runs less than 5 minutes apart: GitHub runs schedules at most every 5 minutes",
    ]);
    expect(parse(withSchedule("58,1 3 * * *")).warnings).toEqual([]);
    expect(parse(withSchedule("58,1 23,0 * * *")).warnings).toHaveLength(1);
  });

  it("refuses an unknown time zone and suggests the near one", () => {
    expectOneError(withSchedule("17 3 * * 1", "Europe/Berlim"), {
      line: 11,
      column: 13,
      path: "retrain.timezone",
      message: 'unknown time zone "Europe/Berlim"',
      hint: 'did you mean "Europe/Berlin"?',
    });
    expectOneError(withSchedule("17 3 * * 1", "Nowhere/Atlantis"), {
      line: 11,
      column: 13,
      message: 'unknown time zone "Nowhere/Atlantis"',
      hint: "use an IANA name such as Europe/Berlin",
    });
    expect(parse(withSchedule("17 3 * * 1", "America/New_York")).warnings).toEqual([]);
  });
});
