import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionInputsFrom, actionOptionDoor } from "../../src/actions/door.ts";
import { actionManifest, actionYaml } from "../../src/actions/manifest.ts";
import { COMMANDS } from "../../src/cli/commands/index.ts";
import type { CommandArgs, CommandIO } from "../../src/cli/command.ts";
import { cliOptions, parseCliOptions } from "../../src/cli/stage-command.ts";
import type { StageContext } from "../../src/context/context.ts";
import { UsageError } from "../../src/errors.ts";
import { createRecordingLogger } from "../../src/logging.ts";
import { loadStage, type StageName, STAGES } from "../../src/stages/index.ts";
import { THREAD_ENTRIES } from "../../src/files/worker-thread.ts";
import { optionEntries, parseStageOptions, type StageOptionsSchema } from "../../src/stages/options.ts";
import { actionYamlErrors } from "../helpers/github-yaml.ts";
import { REPO_ROOT } from "../helpers/runner.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Every stage's two doors (src/stages/): the CLI's flags and the action's inputs go through the stage's one option
 * schema, so the same values given to each door parse to the same options. One row per stage; a stage without a row
 * fails here.
 */

interface DoorRow {
  /** The command line after `mlops <stage>`. */
  cli: string[];
  /** The action's inputs as the runner hands them over (absent ones take their action.yml default). */
  action: Record<string, string>;
  /** The environment the CLI runs in (tokens come from it). */
  env?: Record<string, string>;
  /** What both doors parse them to; paths relative to the test's folder (resolved in the test). */
  options: Record<string, unknown>;
}

const ROWS: Record<StageName, DoorRow> = {
  validate: {
    cli: ["--profiles", "shards/p*.json", "--workers", "2"],
    action: { profiles: "shards/p*.json\n# the legs' artifacts\n", workers: "2" },
    options: { profiles: ["shards/p1.json", "shards/p2.json"], workers: 2 },
  },
  train: {
    cli: ["--set", "epochs=3", "--set", "lr=0.1", "--leg", "2", "--cache", "OFF", "--force"],
    action: { set: "epochs=3\nlr=0.1", leg: "2", "cache-backend": " off ", force: "True" },
    options: { set: ["epochs=3", "lr=0.1"], leg: "2", cache: "off", force: true },
  },
  evaluate: { cli: [], action: { "github-token": "ghs_token" }, options: { githubToken: "ghs_token" } },
  gate: { cli: [], action: { "github-token": "" }, options: { githubToken: undefined } },
  publish: { cli: ["--allow-dirty"], action: { "allow-dirty": "true" }, options: { allowDirty: true } },
  plan: { cli: [], action: {}, options: {} },
  select: { cli: ["--results", "legs"], action: { results: "legs" }, options: { results: "legs" } },
  "retrain-decide": { cli: [], action: { force: "FALSE" }, options: { force: false } },
  "retrain-conclude": {
    cli: [],
    env: { GITHUB_TOKEN: "ghs_token" },
    action: { "github-token": "ghs_token" },
    options: { githubToken: "ghs_token" },
  },
  monitor: {
    cli: [
      "--alias",
      "staging",
      "--now",
      "2026-03-29T04:17:00Z",
      "--shard",
      "2/4",
      "--merge",
      "shards/p*.json",
      "--recompute",
      "--workers",
      "2",
    ],
    action: {
      alias: "staging",
      now: "2026-03-29T04:17:00Z",
      shard: " 2/4 ",
      merge: "shards/p*.json",
      recompute: "true",
      workers: "2",
      "registry-token": "",
    },
    options: {
      alias: "staging",
      now: "2026-03-29T04:17:00Z",
      shard: { index: 2, count: 4 },
      merge: ["shards/p1.json", "shards/p2.json"],
      recompute: true,
      workers: 2,
      registryToken: undefined,
    },
  },
  deploy: {
    // The target is the CLI's positional (mlops deploy <target>), the action's `target` input.
    cli: ["--version", "v7", "--reason", "hotfix", "--force"],
    env: { GITHUB_TOKEN: "job-token" },
    action: { version: "v7", reason: "hotfix", force: "true", "github-token": "job-token", "registry-token": "" },
    options: {
      target: undefined,
      version: "v7",
      reason: "hotfix",
      force: true,
      githubToken: "job-token",
      registryToken: undefined,
    },
  },
  canary: {
    cli: ["--wait", "--promote", "--now", "2026-03-29T04:17:00Z"],
    env: { GITHUB_TOKEN: "job-token" },
    action: {
      wait: "true",
      promote: "true",
      now: "2026-03-29T04:17:00Z",
      "github-token": "job-token",
      "registry-token": "",
    },
    options: {
      wait: true,
      promote: true,
      now: "2026-03-29T04:17:00Z",
      githubToken: "job-token",
      registryToken: undefined,
    },
  },
  predict: {
    cli: ["--version", "v7", "--alias", "champion", "--shard", "2/4", "--force"],
    env: {},
    action: {
      version: "v7",
      alias: "champion",
      shard: "2/4",
      finish: "false",
      force: "true",
      plan: "false",
      "registry-token": "",
    },
    options: {
      version: "v7",
      alias: "champion",
      shard: { index: 2, count: 4 },
      finish: false,
      force: true,
      plan: false,
      registryToken: undefined,
    },
  },
};

/** The command line as main.ts parses it, from the flags the stage declares. */
function cliArgs(schema: StageOptionsSchema, argv: string[]): CommandArgs {
  const specs = cliOptions(schema);
  const { values, positionals } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      Object.entries(specs).map(([flag, spec]) => [flag, { type: spec.type, multiple: spec.multiple === true }]),
    ),
    strict: true,
  });
  return {
    config: "mlops.yml",
    json: false,
    verbose: false,
    values,
    positionals,
    logger: createRecordingLogger(),
    text: {},
  };
}

async function parseThroughBothDoors(
  stage: StageName,
  row: Pick<DoorRow, "cli" | "action" | "env">,
  dir: string,
): Promise<{ cli: Record<string, unknown>; action: Record<string, unknown> }> {
  const definition = await loadStage(stage);
  const io: CommandIO = {
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: row.env ?? {},
    cwd: dir,
    color: false,
  };
  const cli = await parseCliOptions(definition.options, cliArgs(definition.options, row.cli), io);
  // The runner fills an input that was not given with its action.yml default; the job's token is a stand-in here.
  const defaults = actionManifest(definition).inputs ?? {};
  const inputs = actionInputsFrom(
    (name) => row.action[name] ?? (defaults[name]?.default ?? "").replace(/\$\{\{.*\}\}/, ""),
  );
  const context = { loaded: { root: dir }, runner: { workspace: dir } } as StageContext;
  const action = await parseStageOptions(definition.options, actionOptionDoor(inputs, context));
  return { cli, action };
}

describe("every stage's doors parse its options through one schema", () => {
  it("has a row for every stage", () => {
    expect(Object.keys(ROWS).sort()).toEqual(STAGES.map((stage) => stage.name).sort());
  });

  it.each(STAGES.map((stage) => stage.name))("%s: the same values parse to the same options", async (stage) => {
    const dir = await tempDir();
    await writeFiles(dir, { "shards/p1.json": "{}", "shards/p2.json": "{}", "shards/other.txt": "" });
    const row = ROWS[stage];
    const resolve = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(resolve)
        : typeof value === "string" && /^(shards|legs)\b/.test(value)
          ? path.join(dir, value)
          : value;
    const expected = Object.fromEntries(Object.entries(row.options).map(([key, value]) => [key, resolve(value)]));
    const { cli, action } = await parseThroughBothDoors(stage, row, dir);
    expect(action).toEqual(expected);
    // An option only the action takes (the pull request's token) is never set from the command line.
    const definition = await loadStage(stage);
    const actionOnly = optionEntries(definition.options).filter(([, doc]) => doc.cli === null);
    expect(cli).toEqual({ ...expected, ...Object.fromEntries(actionOnly.map(([key]) => [key, undefined])) });
  });
});

describe("both doors refuse what the schema refuses, each in its own words", () => {
  it.each([
    [
      "validate",
      ["--workers", "0"],
      { workers: "0" },
      { message: '--workers is a whole number of at least 1, not "0"' },
      { message: 'input "workers" must be a whole number, not "0"' },
    ],
    [
      "validate",
      ["--profiles", "none/*.json"],
      { profiles: "none/*.json" },
      { message: "no profile matches none/*.json", hint: "write them with mlops profile --shard" },
      {
        message: 'input "profiles": no file matches none/*.json',
        hint: "download the matrix legs' profile artifacts first",
      },
    ],
    [
      "train",
      ["--cache", "floppy"],
      { "cache-backend": "floppy" },
      { message: '--cache must be one of auto, local, actions, s3, off, not "floppy"' },
      { message: 'input "cache-backend" must be one of auto, local, actions, s3, off, not "floppy"' },
    ],
  ] as const)("%s %j", async (stage, cli, action, cliError, actionError) => {
    const dir = await tempDir();
    const viaCli = parseThroughBothDoors(stage, { cli: [...cli], action: {} }, dir).then((parsed) => parsed.cli);
    await expect(viaCli).rejects.toMatchObject({ name: "UsageError", exitCode: 2, ...cliError });
    const viaAction = parseThroughBothDoors(stage, { cli: [], action }, dir).then((parsed) => parsed.action);
    await expect(viaAction).rejects.toMatchObject({ name: "UsageError", exitCode: 2, ...actionError });
  });

  it("an action's flag must read true or false", async () => {
    const dir = await tempDir();
    const parse = parseThroughBothDoors("publish", { cli: [], action: { "allow-dirty": "yes" } }, dir);
    await expect(parse).rejects.toThrow(new UsageError('input "allow-dirty" must be true or false, not "yes"'));
  });

  it("a count is digits in an action, anything Number reads as a whole number on the command line (as before)", async () => {
    const dir = await tempDir();
    const { cli } = await parseThroughBothDoors("validate", { cli: ["--workers", "2.0"], action: {} }, dir);
    expect(cli.workers).toBe(2);
    const parse = parseThroughBothDoors("validate", { cli: [], action: { workers: "2.0" } }, dir);
    await expect(parse).rejects.toThrow(new UsageError('input "workers" must be a whole number, not "2.0"'));
  });
});

describe("the stage list", () => {
  it.each(STAGES.map((stage) => [stage.name, stage.command] as const))(
    "%s: its command, its action.yml and its bundle all come from its definition",
    async (name, hasCommand) => {
      const definition = await loadStage(name);
      expect(definition.name).toBe(name);

      // The command: `mlops <name>` with the definition's help and exactly the flags its options declare. A stage
      // without a command of its own may be reached by a command of its name that does more (`mlops monitor history`),
      // which then takes every flag of the stage.
      const entry = COMMANDS.find((command) => command.name === name);
      if (!hasCommand && entry) {
        const command = await entry.load();
        expect(command.options).toMatchObject(cliOptions(definition.options));
      } else expect(entry !== undefined).toBe(hasCommand);
      if (entry && hasCommand) {
        const command = await entry.load();
        expect(command.name).toBe(name);
        expect(command.summary).toBe(definition.command?.summary);
        expect(command.details).toBe(definition.command?.details);
        expect(command.options).toEqual(cliOptions(definition.options));
      }

      // The action: action.yml is exactly what the definition makes, valid for GitHub's parser, its inputs the
      // options the action takes (after config and working-directory) and its outputs the definition's.
      const file = path.join(REPO_ROOT, "actions", name, "action.yml");
      expect(await readFile(file, "utf8"), "run `npm run docs`").toBe(actionYaml(definition));
      expect(await actionYamlErrors(file)).toEqual([]);
      const manifest = actionManifest(definition);
      expect(parse(await readFile(file, "utf8"))).toEqual(manifest);
      const entries = optionEntries(definition.options);
      const inputs = entries.flatMap(([, doc]) => (doc.action ? [doc.action.input] : []));
      expect(Object.keys(manifest.inputs ?? {}).sort()).toEqual(["config", "working-directory", ...inputs].sort());
      expect(Object.keys(manifest.outputs ?? {})).toEqual([
        ...Object.keys(definition.action.outputs),
        "report",
        "summary",
      ]);
      expect(manifest.runs).toEqual({ using: "node24", main: `../../dist/${name}.js` });

      // Every option reaches at least one door, and no two options share a flag or an input.
      for (const [key, doc] of entries) expect(doc.cli ?? doc.action, key).not.toBeNull();
      expect(new Set(inputs).size).toBe(inputs.length);
      const flags = entries.flatMap(([, doc]) => (doc.cli && "flag" in doc.cli ? [doc.cli.flag] : []));
      expect(new Set(flags).size).toBe(flags.length);
    },
  );

  it("builds one bundle per stage, besides the report and models-report actions, the CLI and the thread entries", async () => {
    const bundles = (await readdir(path.join(REPO_ROOT, "dist"))).filter((file) => file.endsWith(".js"));
    const doors = [...STAGES.map((stage) => stage.name), "report", "models-report", "cli"];
    const threads = THREAD_ENTRIES.map((entry) => entry.name);
    expect(threads.sort()).toEqual(["draw-worker", "scan-worker", "spool-worker"]);
    const expected = [...doors, ...threads].map((name) => `${name}.js`);
    expect(bundles.sort(), "run `npm run build`").toEqual(expected.sort());
  });

  it("gives every action folder a stage, except report (no project), models-report (reads the registry, not a stage) and retrain (a composite of stages)", async () => {
    const folders = (await readdir(path.join(REPO_ROOT, "actions"), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...STAGES.map((stage) => stage.name), "report", "models-report", "retrain"].sort());
  });

  it("keeps `mlops --help`'s order: the stage commands in the pipeline's order, among the others", () => {
    // The commands before the stage list made them; a stage added later joins without changing this.
    const before = [
      "init",
      "check",
      "validate",
      "profile",
      "train",
      "evaluate",
      "gate",
      "report",
      "publish",
      "run",
      "retrain",
      "plan",
      "sweep",
      "select",
      "models",
      "promote",
      "rollback",
      "pull",
    ];
    expect(COMMANDS.map((command) => command.name).filter((name) => before.includes(name))).toEqual(before);
  });
});
