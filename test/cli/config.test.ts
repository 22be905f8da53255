import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registryUriComment } from "../../src/config/init-comments.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { tempDir } from "../helpers/temp.ts";

/** `mlops config set|get`: one field of mlops.yml edited in place, checked before it is written. */

/** A config as a person leaves it: comments above and beside keys, blank lines, flow and block styles. */
const COMMENTED = `# mlops.yml for the demo model
version: 1

model:
  name: demo # the registry's name for it
  task: classification

# How we train.
train:
  command: node train.mjs
  outputs: [model/]

evaluate:
  predictions: predictions.csv

gate:
  primary_metric: accuracy # ranks sweep legs
  rules:
    - { metric: accuracy, min: 0.5 }
`;

async function project(text = COMMENTED): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  return { dir, file: await writeConfig(dir, text) };
}

/** Lines of `after` that differ from `before` (same line count), as [line number, text]. */
function changedLines(before: string, after: string): [number, string][] {
  const [a, b] = [before.split("\n"), after.split("\n")];
  expect(b.length).toBe(a.length);
  return b.flatMap((line, i) => (line === a[i] ? [] : [[i + 1, line] as [number, string]]));
}

describe("mlops config set", () => {
  it("changes only the value's line, keeping comments, blank lines and order", async () => {
    const { dir, file } = await project();
    const result = await runCli(["config", "set", "gate.primary_metric", "f1"], { cwd: dir });
    expect(result).toEqual({ exitCode: 0, stdout: 'mlops.yml: gate.primary_metric = "f1"\n', stderr: "" });
    const after = await readFile(file, "utf8");
    expect(changedLines(COMMENTED, after)).toEqual([[17, "  primary_metric: f1 # ranks sweep legs"]]);
  });

  it("reads the value as YAML: a flow list for a new train.runs_on and over an existing flow list", async () => {
    const { dir, file } = await project();
    expect((await runCli(["config", "set", "train.runs_on", "[self-hosted, gpu]"], { cwd: dir })).exitCode).toBe(0);
    expect((await runCli(["config", "set", "train.outputs", "[model/, extra/]"], { cwd: dir })).exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toBe(
      COMMENTED.replace("  outputs: [model/]\n", "  outputs: [model/, extra/]\n  runs_on: [self-hosted, gpu]\n"),
    );
    const get = await runCli(["config", "get", "train.runs_on", "--json"], { cwd: dir });
    expect(get.exitCode).toBe(0);
    expect(JSON.parse(get.stdout)).toEqual({ ok: true, path: "train.runs_on", value: ["self-hosted", "gpu"] });
  });

  it("creates a missing section on the way: registry.uri with no registry: at all, the syntax init advises", async () => {
    const { dir, file } = await project();
    const result = await runCli(["config", "set", "registry.uri", "s3://bucket/models"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toBe(`${COMMENTED}registry:\n  uri: s3://bucket/models\n`);
    const get = await runCli(["config", "get", "registry.uri"], { cwd: dir });
    expect(get).toEqual({ exitCode: 0, stdout: "s3://bucket/models\n", stderr: "" });
  });

  it("gives registry.uri init's comment for the new kind of registry, and keeps a person's own comment", async () => {
    // As init writes it, then moved to a bucket as init's own note advises.
    const initWritten = `${COMMENTED}registry:\n  uri: github://acme/churn    # ${registryUriComment("github://acme/churn")}\n`;
    const { dir, file } = await project(initWritten);
    expect((await runCli(["config", "set", "registry.uri", "s3://bucket/models"], { cwd: dir })).exitCode).toBe(0);
    expect(changedLines(initWritten, await readFile(file, "utf8"))).toEqual([
      [COMMENTED.split("\n").length + 1, "  uri: s3://bucket/models    # " + registryUriComment("s3://bucket/models")],
    ]);
    expect((await runCli(["config", "set", "registry.uri", ".mlops/registry"], { cwd: dir })).exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toContain("  uri: .mlops/registry    # a folder\n");
    // init's comment on a baseline of champion has nothing to say about none: it goes.
    const baselineLine = "  baseline: champion             # the registry's current champion\n";
    const gate = await project(COMMENTED.replace("gate:\n", `gate:\n${baselineLine}`));
    expect((await runCli(["config", "set", "gate.baseline", "none"], { cwd: gate.dir })).exitCode).toBe(0);
    expect(await readFile(gate.file, "utf8")).toBe(COMMENTED.replace("gate:\n", "gate:\n  baseline: none\n"));
    // A comment init did not write is the person's: it stays whatever the new value.
    const own = `${COMMENTED}registry:\n  uri: s3://team-bucket/models # prod, ask #ml-platform\n`;
    const second = await project(own);
    expect((await runCli(["config", "set", "registry.uri", "github://acme/churn"], { cwd: second.dir })).exitCode).toBe(
      0,
    );
    expect(await readFile(second.file, "utf8")).toContain("  uri: github://acme/churn # prod, ask #ml-platform\n");
  });

  it("fills an empty section (`registry:` with nothing under it)", async () => {
    const text = `${COMMENTED}registry:\n`;
    const { dir, file } = await project(text);
    expect((await runCli(["config", "set", "registry.uri", "s3://bucket/models"], { cwd: dir })).exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toBe(`${COMMENTED}registry:\n  uri: s3://bucket/models\n`);
  });

  it("writes in one rename: no temporary file is left beside mlops.yml, and --json has the result", async () => {
    const { dir } = await project();
    const result = await runCli(["config", "set", "gate.bootstrap.seed", "7", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      file: "mlops.yml",
      path: "gate.bootstrap.seed",
      value: 7,
      warnings: [],
    });
    expect(await readdir(dir)).toEqual(["mlops.yml"]);
  });

  it("a mapping given as a block value is printed by the YAML printer, comments still kept", async () => {
    const { dir, file } = await project();
    expect((await runCli(["config", "set", "train.params", "lr: 0.1"], { cwd: dir })).exitCode).toBe(0);
    const after = await readFile(file, "utf8");
    for (const comment of ["# mlops.yml for the demo model", "# the registry's name for it", "# How we train."]) {
      expect(after).toContain(comment);
    }
    expect(after).toContain("  params:\n    lr: 0.1\n");
    expect(await runCli(["config", "get", "train.params.lr"], { cwd: dir })).toEqual({
      exitCode: 0,
      stdout: "0.1\n",
      stderr: "",
    });
  });

  it("a block list or mapping given a one-line value: only its lines change, the message shows it as typed", async () => {
    const { dir, file } = await project(COMMENTED.replace("  rules:\n", "  rules: # the floor\n"));
    const result = await runCli(["config", "set", "gate.rules", "[{metric: accuracy, min: 0.6}]"], { cwd: dir });
    expect(result.stdout).toBe("mlops.yml: gate.rules = [{metric: accuracy, min: 0.6}]\n");
    expect(await readFile(file, "utf8")).toBe(
      COMMENTED.replace(
        "  rules:\n    - { metric: accuracy, min: 0.5 }\n",
        "  rules: [{metric: accuracy, min: 0.6}] # the floor\n",
      ),
    );
  });

  it("takes a negative number as the value and a list index as `.0` or `[0]`", async () => {
    const { dir, file } = await project();
    const result = await runCli(["config", "set", "gate.rules[0].min", "-0.5"], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toContain("    - { metric: accuracy, min: -0.5 }\n");
    expect(await runCli(["config", "get", "gate.rules.0.min"], { cwd: dir })).toMatchObject({
      exitCode: 0,
      stdout: "-0.5\n",
    });
    // An option still is one: an unknown flag is refused, not taken for a value.
    expect((await runCli(["config", "set", "gate.rules.0.min", "-x"], { cwd: dir })).exitCode).toBe(2);
  });

  it("expands a shorthand on the way to its mapping form, keeping the value and the comment beside it", async () => {
    const before = COMMENTED.replace(
      "  predictions: predictions.csv\n",
      "  predictions: predictions.csv # from predict.mjs\n",
    );
    const { dir, file } = await project(before);
    const result = await runCli(["config", "set", "evaluate.predictions.score_prefix", "proba_"], { cwd: dir });
    expect(result).toEqual({
      exitCode: 0,
      stdout: 'mlops.yml: evaluate.predictions.score_prefix = "proba_"\n',
      stderr: "",
    });
    // `predictions: p.csv` is the schema's shorthand for `{ path: p.csv }`.
    expect(changedLines(before, await readFile(file, "utf8"))).toEqual([
      [14, "  predictions: { path: predictions.csv, score_prefix: proba_ } # from predict.mjs"],
    ]);
    expect((await runCli(["config", "get", "evaluate.predictions.path"], { cwd: dir })).stdout).toBe(
      "predictions.csv\n",
    );
  });

  it("refuses to reach into a plain value that is no shorthand, at its place in the file", async () => {
    const before = COMMENTED.replace("  outputs: [model/]\n", "  outputs: [model/]\n  params: params.yml\n");
    const { dir, file } = await project(before);
    const result = await runCli(["config", "set", "train.params.lr", "0.1"], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr:
        'mlops.yml:12:11: error at train.params: cannot set train.params.lr: `train.params` holds the plain value "params.yml", not a mapping\n' +
        "  hint: set `train.params` itself, or write it as a mapping in mlops.yml; mlops.yml was not changed\n",
    });
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("refuses an index past the end of a list with one message saying which index adds an entry", async () => {
    const before = `${COMMENTED}    - { metric: accuracy, max_regression: 0.01 }\n`;
    const { dir, file } = await project(before);
    const result = await runCli(["config", "set", "gate.rules[5].min", "0.8"], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr:
        "mlops.yml:19:5: error at gate.rules: gate.rules has 2 entries: use gate.rules[2] to add one\n" +
        "  hint: mlops.yml was not changed\n",
    });
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("adds a key to a flow mapping on its line, leaving aligned comments and other flow lists as they were", async () => {
    const before = COMMENTED.replace(
      "  outputs: [model/]\n",
      "  outputs: [model/, predictions.csv]   # aligned\n  params: { lr: 0.1 }                 # inline\n",
    ).concat("publish: { promote: champion }\n");
    const { dir, file } = await project(before);
    const result = await runCli(["config", "set", "publish.promote_branches", "[main]"], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(changedLines(before, await readFile(file, "utf8"))).toEqual([
      [21, "publish: { promote: champion, promote_branches: [main] }"],
    ]);
    // A missing mapping on the way is written in the flow mapping too.
    const nested = await runCli(["config", "set", "train.params.opt.beta", "0.9"], { cwd: dir });
    expect(nested.exitCode, nested.stderr).toBe(0);
    expect(changedLines(before, await readFile(file, "utf8"))).toEqual([
      [12, "  params: { lr: 0.1, opt: { beta: 0.9 } }                 # inline"],
      [21, "publish: { promote: champion, promote_branches: [main] }"],
    ]);
  });

  it("edits the file --config names", async () => {
    const dir = await tempDir();
    const file = await writeConfig(path.join(dir, "models", "churn"), COMMENTED);
    const result = await runCli(["config", "set", "model.name", "churn", "--config", "models/churn/mlops.yml"], {
      cwd: dir,
    });
    expect(result.exitCode).toBe(0);
    expect(changedLines(COMMENTED, await readFile(file, "utf8"))).toEqual([
      [5, "  name: churn # the registry's name for it"],
    ]);
  });
});

describe("mlops config set refuses bad input and leaves the file byte for byte", () => {
  const cases: { name: string; argv: string[]; text?: string; stderr: string }[] = [
    {
      name: "a path the schema does not have, with the near one",
      argv: ["gate.primary_metrc", "f1"],
      stderr: "error: `gate` has no field `primary_metrc`\n  hint: did you mean `gate.primary_metric`?\n",
    },
    {
      name: "an unknown top-level section",
      argv: ["regsitry.uri", "s3://b/m"],
      stderr: "error: mlops.yml has no field `regsitry`\n  hint: did you mean `registry`?\n",
    },
    {
      name: "a value of the wrong type, named by the loader with its place",
      argv: ["gate.bootstrap.resamples", "many"],
      stderr:
        'mlops.yml:21:16: error at gate.bootstrap.resamples: expected a number, found text "many"\n  hint: mlops.yml was not changed\n',
    },
    {
      name: "a value that clashes with another field (a rule of the loader)",
      argv: ["model.task", "regression"],
      stderr:
        'mlops.yml:19:17: error at gate.rules[0].metric: "accuracy" is a classification metric but model.task is regression\n  hint: mlops.yml was not changed\n',
    },
    {
      name: "a value outside the allowed ones",
      argv: ["model.task", "regresion"],
      stderr:
        'mlops.yml:6:9: error at model.task: expected one of "classification", "regression", found text "regresion"\n  hint: did you mean "regression"?; mlops.yml was not changed\n',
    },
    {
      name: "a value that is not YAML",
      argv: ["train.runs_on", "[gpu"],
      stderr: "",
    },
    {
      name: "a config with a YAML syntax error",
      argv: ["model.task", "regression"],
      text: COMMENTED.replace("  task: classification", "\ttask: classification"),
      stderr: "",
    },
    {
      name: "no value",
      argv: ["model.task"],
      stderr: "error: mlops config set needs a value for model.task\n  hint: mlops config set model.task <value>\n",
    },
  ];

  it.each(cases)("$name: exit 2, no stack trace", async ({ argv, text, stderr }) => {
    const original = text ?? COMMENTED;
    const { dir, file } = await project(original);
    const before = await readFile(file);
    const result = await runCli(["config", "set", ...argv], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    if (stderr !== "") expect(result.stderr).toBe(stderr);
    else expect(result.stderr).not.toBe("");
    expect(stackFrames(result.stderr)).toEqual([]);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("says where a YAML syntax error is", async () => {
    const { dir } = await project(COMMENTED.replace("  task: classification", "\ttask: classification"));
    const result = await runCli(["config", "set", "model.task", "regression"], { cwd: dir });
    expect(result.stderr).toMatch(/^mlops\.yml:6:1: error: YAML: a tab is used for indentation\n/);
  });

  it("a missing mlops.yml: exit 2, nothing created", async () => {
    const dir = await tempDir();
    const result = await runCli(["config", "set", "registry.uri", "s3://b/m"], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "error: no config file at mlops.yml\n  hint: run `mlops init` to write one, or pass --config <path>\n",
    });
    const again = await runCli(["config", "get", "registry.uri"], { cwd: dir });
    expect(again.exitCode).toBe(2);
  });

  it("get: an unknown path exits 2 with the near one; an unset field says so", async () => {
    const { dir } = await project();
    const unknown = await runCli(["config", "get", "registry.uir"], { cwd: dir });
    expect(unknown).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "error: `registry` has no field `uir`\n  hint: did you mean `registry.uri`?\n",
    });
    expect(await runCli(["config", "get", "registry.region"], { cwd: dir })).toEqual({
      exitCode: 0,
      stdout: "(not set)\n",
      stderr: "",
    });
    const action = await runCli(["config", "unset", "registry.uri"], { cwd: dir });
    expect(action.exitCode).toBe(2);
  });
});
