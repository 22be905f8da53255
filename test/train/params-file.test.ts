import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { lstat, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { loadConfig } from "../../src/config/load.ts";
import { parseTomlParams } from "../../src/config/params.ts";
import { createShadow } from "../../src/train/shadow.ts";
import { paramChanges, PARAMS_BACKUP, recoverParamsFile, renderParams } from "../../src/train/params-file.ts";
import { runBundledAction } from "../helpers/runner.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { REPO, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Params that reach the script: `--set` overrides and sweep legs are written into the params file the script reads
 * (in its own format) for the run, and the original bytes are back afterwards, after a failure or SIGTERM too.
 * The training script here reads its own params file and appends what it saw to $SEEN (outside the project, so
 * parallel sweep legs in their shadow copies report to the same place).
 */

const PARAMS_YAML = `# params for the toy model
lr: 0.1 # learning rate
depth: 2

opt:
  name: "adam" # the optimiser
  betas: [0.9, 0.999]
`;

const PARAMS_TOML = `# params for the toy model
lr = 0.1 # learning rate
depth = 2

[opt]
name = "adam" # the optimiser
betas = [0.9, 0.999]
`;

const TRAIN_SCRIPT = `import fs from "node:fs";
const file = process.argv[2];
const text = fs.readFileSync(file, "utf8");
fs.appendFileSync(process.env.SEEN, JSON.stringify({ text, lr: process.env.MLOPS_PARAM_LR }) + "\\n");
fs.mkdirSync("model", { recursive: true });
const lr = Number(/"?lr"?\\s*[:=]\\s*([0-9.]+)/.exec(text)[1]);
fs.writeFileSync("model/metrics.json", JSON.stringify({ score: 1 - (lr - 0.5) ** 2 }));
if (process.env.FAIL === "1") { console.error("Traceback: boom"); process.exit(3); }
if (process.env.HOLD) { fs.writeFileSync(process.env.HOLD, String(process.pid)); setInterval(() => {}, 1000); }
`;

interface TrainRecord {
  params: unknown;
}

interface Seen {
  text: string;
  lr: string;
}

async function project(options: { params?: string; file?: string; extra?: string } = {}) {
  const dir = await tempDir();
  const file = options.file ?? "conf/params.yaml";
  await writeFiles(dir, { "train.mjs": TRAIN_SCRIPT, [file]: options.params ?? PARAMS_YAML });
  await writeConfig(
    dir,
    `version: 1
model: { name: toy }
train:
  command: node train.mjs ${file}
  params: ${file}
  outputs: [model/]
${options.extra ?? ""}`,
  );
  const seenFile = path.join(dir, "..", `${path.basename(dir)}-seen.jsonl`);
  const seen = async (): Promise<Seen[]> =>
    (await readFile(seenFile, "utf8").catch(() => ""))
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Seen);
  return { dir, file: path.join(dir, file), env: { SEEN: seenFile }, seen };
}

describe("writing params back in the file's own format", () => {
  it("YAML keeps comments, key order and the style of what it replaces; only the overridden values change", () => {
    const before = parseYaml(PARAMS_YAML) as Record<string, unknown>;
    const after = { ...before, lr: 0.5, opt: { name: "sgd", betas: [0.8, 0.9] }, extra: true };
    const changes = paramChanges(before, after);
    expect(changes).toEqual([
      { keys: ["lr"], value: 0.5 },
      { keys: ["opt", "name"], value: "sgd" },
      { keys: ["opt", "betas"], value: [0.8, 0.9] },
      { keys: ["extra"], value: true },
    ]);
    expect(renderParams(PARAMS_YAML, "yaml", changes)).toBe(`# params for the toy model
lr: 0.5 # learning rate
depth: 2

opt:
  name: "sgd" # the optimiser
  betas: [ 0.8, 0.9 ]
extra: true
`);
  });

  it("JSON keeps key order, indentation and the final newline", () => {
    const changes = [{ keys: ["opt", "beta"], value: 0.5 }];
    expect(renderParams('{\n    "lr": 0.1,\n    "opt": { "beta": 0.9 }\n}\n', "json", changes)).toBe(
      '{\n    "lr": 0.1,\n    "opt": {\n        "beta": 0.5\n    }\n}\n',
    );
    expect(renderParams('{"opt":{"beta":0.9}}', "json", changes)).toBe('{"opt":{"beta":0.5}}');
  });
});

describe("params that reach the script", () => {
  it.each([
    ["mlops train", ["train"]],
    ["mlops run", ["run", "--no-publish"]],
  ])("%s --set writes the value into the params file for the run and restores it byte for byte", async (_, argv) => {
    const { dir, file, env, seen } = await project();
    const result = await runCli([...argv, "--set", "lr=0.5", "--set", "opt.name=sgd"], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const [used] = await seen();
    expect(parseYaml(used?.text ?? "")).toEqual({ lr: 0.5, depth: 2, opt: { name: "sgd", betas: [0.9, 0.999] } });
    expect(used?.text).toContain("lr: 0.5 # learning rate");
    expect(used?.lr).toBe("0.5");
    expect(await readFile(file, "utf8")).toBe(PARAMS_YAML);
    expect(existsSync(path.join(dir, ".mlops", PARAMS_BACKUP))).toBe(false);
    // The run record holds the params the script saw.
    const record = JSON.parse(await readFile(path.join(dir, ".mlops", "out", "train.json"), "utf8")) as TrainRecord;
    expect(record.params).toMatchObject({ lr: 0.5, opt: { name: "sgd" } });
  });

  it("leaves the file untouched when nothing is overridden (or an override repeats the file's value)", async () => {
    const { dir, file, env, seen } = await project({ extra: "  cache: false\n" });
    const before = statSync(file).mtimeMs;
    expect((await runCli(["train"], { cwd: dir, env })).exitCode).toBe(0);
    expect((await runCli(["train", "--set", "lr=0.1"], { cwd: dir, env })).exitCode).toBe(0);
    expect(statSync(file).mtimeMs).toBe(before);
    expect((await seen()).map((s) => s.text)).toEqual([PARAMS_YAML, PARAMS_YAML]);
  });

  it("restores the file when the command fails, and JSON params files get the override too", async () => {
    const json = '{\n  "lr": 0.1,\n  "depth": 2\n}\n';
    const { dir, file, env, seen } = await project({ params: json, file: "params.json" });
    const result = await runCli(["train", "--set", "lr=0.9"], { cwd: dir, env: { ...env, FAIL: "1" } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("training failed with exit code 3");
    expect((await seen())[0]?.text).toBe('{\n  "lr": 0.9,\n  "depth": 2\n}\n');
    expect(await readFile(file, "utf8")).toBe(json);
    expect(existsSync(path.join(dir, ".mlops", PARAMS_BACKUP))).toBe(false);
  });

  it("restores the file when the command times out", async () => {
    const { dir, file, env, seen } = await project({ extra: "  timeout_minutes: 0.01\n  cache: false\n" });
    const hold = path.join(dir, "..", `${path.basename(dir)}-pid`);
    const result = await runCli(["train", "--set", "lr=0.8"], { cwd: dir, env: { ...env, HOLD: hold } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("training timed out after 0.6 s and was stopped");
    expect((await seen())[0]?.text).toContain("lr: 0.8 # learning rate");
    expect(await readFile(file, "utf8")).toBe(PARAMS_YAML);
  });

  it("the cache key is the params the script saw: the file edited to a value hits the run trained with --set", async () => {
    const { dir, file, env, seen } = await project();
    expect((await runCli(["train", "--set", "lr=0.5"], { cwd: dir, env })).exitCode).toBe(0);
    expect((await runCli(["train"], { cwd: dir, env })).exitCode).toBe(0);
    expect(await seen()).toHaveLength(2);
    // Edited by hand, laid out differently from what the kit wrote: the same values, so the same key.
    await writeFile(file, PARAMS_YAML.replace("lr: 0.1 # learning rate", "lr: 0.50"));
    const edited = await runCli(["train", "--json"], { cwd: dir, env });
    expect(edited.exitCode).toBe(0);
    expect((JSON.parse(edited.stdout) as { cache: { status: string } }).cache.status).toBe("hit");
    expect(await seen()).toHaveLength(2);
  });

  it.each([
    ["one after another", []],
    ["two at once", ["--parallel", "2"]],
  ])("sweep legs (%s) each see their own values in the params file", async (_, extra: string[]) => {
    const { dir, file, env, seen } = await project({
      extra: `  matrix: { lr: [0.2, 0.6] }
evaluate:
  metrics_file: model/metrics.json
  custom_metrics: { score: { direction: higher } }
gate:
  rules: [{ metric: score, min: 0 }]
`,
    });
    const result = await runCli(["sweep", "--set", "depth=5", ...extra], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const used = (await seen()).map((s) => parseYaml(s.text) as { lr: number; depth: number });
    expect(used.map((p) => `${p.lr}/${p.depth}`).sort()).toEqual(["0.2/5", "0.6/5"]);
    expect(await readFile(file, "utf8")).toBe(PARAMS_YAML);
  });

  it("a parallel leg's shadow holds its own copy of the params file, never a symlink into the project", async () => {
    const { dir } = await project();
    await writeFiles(dir, { "conf/other.txt": "x", "lib/util.mjs": "" });
    const target = await tempDir();
    await createShadow(dir, target, (await loadConfig("mlops.yml", dir)).config);
    expect((await lstat(path.join(target, "conf"))).isSymbolicLink()).toBe(false);
    expect((await lstat(path.join(target, "conf", "params.yaml"))).isFile()).toBe(true);
    expect((await lstat(path.join(target, "lib"))).isSymbolicLink()).toBe(true);
  });

  it("refuses a params file of an unknown format, naming the file and the formats", async () => {
    const { dir, env } = await project({ file: "params.ini", params: "lr = 0.1\n" });
    const result = await runCli(["train", "--set", "lr=0.2"], { cwd: dir, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'params file params.ini: unknown format ".ini"; train.params must be YAML (.yaml, .yml), JSON (.json) or TOML (.toml)',
    );
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it("a TOML params file: --set reaches the script in TOML, each value in its type, and the file comes back", async () => {
    const { dir, file, env, seen } = await project({ file: "params.toml", params: PARAMS_TOML });
    const result = await runCli(["train", "--set", "lr=1", "--set", "opt.name=sgd", "--json"], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const [used] = await seen();
    expect(parseToml(used?.text ?? "", { integersAsBigInt: true })).toEqual({
      lr: 1, // a float in the file, so a float still: `lr = 1.0`
      depth: 2n,
      opt: { name: "sgd", betas: [0.9, 0.999] },
    });
    expect(used?.text).toMatch(/^lr = 1\.0$/m);
    expect(used?.lr).toBe("1");
    expect(await readFile(file, "utf8")).toBe(PARAMS_TOML);
    const record = JSON.parse(result.stdout) as { stages: { train: TrainRecord } } | TrainRecord;
    expect(JSON.stringify(record)).toContain('"params":{"lr":1,"depth":2,"opt":{"name":"sgd","betas":[0.9,0.999]}}');
  });

  it("a TOML params file's inf stays a number, as in YAML, and its dates become ISO 8601 text", () => {
    expect(parseTomlParams("lr = 0.1\nclip = inf\n[when]\nsince = 1979-05-27T07:32:00Z\n", "params.toml")).toEqual({
      lr: 0.1,
      clip: Infinity,
      when: { since: "1979-05-27T07:32:00.000Z" },
    });
  });

  it("a TOML params file that does not parse: exit 2 naming the file, line and column", async () => {
    const { dir, env } = await project({ file: "params.toml", params: "lr = 0.1\ndepth = = 2\n" });
    const result = await runCli(["train"], { cwd: dir, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: params file params\.toml:2:\d+: not valid TOML: /m);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it("refuses a --set for a param the file lacks, before anything runs", async () => {
    const { dir, file, env, seen } = await project();
    const result = await runCli(["train", "--set", "lrr=0.2"], { cwd: dir, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--set lrr: there is no param "lrr"');
    expect(await seen()).toEqual([]);
    expect(await readFile(file, "utf8")).toBe(PARAMS_YAML);
  });
});

/** The CLI as its own process (`node --import tsx src/cli/bin.ts`), for the signals a test process cannot take. */
function startKit(argv: string[], cwd: string, env: Record<string, string>) {
  const tsx = pathToFileURL(createRequire(path.join(REPO, "package.json")).resolve("tsx/esm")).href;
  const child = spawn(process.execPath, ["--import", tsx, path.join(REPO, "src/cli/bin.ts"), ...argv], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

/** Waits until the training script has written its pid to `file`: it then has the rewritten params file open. */
async function waitForFile(file: string, exited: Promise<unknown>): Promise<number> {
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    const text = await readFile(file, "utf8").catch(() => "");
    if (text !== "") return Number(text);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the kit ended before training started`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("a kit stopped during training", () => {
  it("SIGTERM: the training is stopped, the params file restored, and the kit ends by the signal", async () => {
    const { dir, file, env } = await project({ extra: "  cache: false\n" });
    const hold = path.join(dir, "..", `${path.basename(dir)}-pid`);
    const kit = startKit(["train", "--set", "lr=0.7"], dir, { ...env, HOLD: hold });
    const pid = await waitForFile(hold, kit.exited);
    expect(await readFile(file, "utf8")).toContain("lr: 0.7 # learning rate");
    kit.child.kill("SIGTERM");
    const end = await kit.exited;
    expect(end.signal, end.stderr).toBe("SIGTERM");
    expect(await readFile(file, "utf8")).toBe(PARAMS_YAML);
    expect(existsSync(path.join(dir, ".mlops", PARAMS_BACKUP))).toBe(false);
    // The training command's process group got the signal too.
    for (let attempt = 0; attempt < 100 && isRunning(pid); attempt++) await new Promise((r) => setTimeout(r, 20));
    expect(isRunning(pid)).toBe(false);
  });

  it("SIGKILL: the next run restores the file from the backup, with a warning", async () => {
    const { dir, file, env, seen } = await project({ extra: "  cache: false\n" });
    const hold = path.join(dir, "..", `${path.basename(dir)}-pid`);
    const kit = startKit(["train", "--set", "lr=0.7"], dir, { ...env, HOLD: hold });
    const pid = await waitForFile(hold, kit.exited);
    kit.child.kill("SIGKILL");
    await kit.exited;
    process.kill(pid, "SIGKILL"); // the training a hard-killed kit leaves behind
    expect(await readFile(file, "utf8")).toContain("lr: 0.7");

    const next = await runCli(["train"], { cwd: dir, env });
    expect(next.exitCode, next.stderr).toBe(0);
    expect(next.stderr).toContain(
      "train.params: conf/params.yaml was still rewritten with the params of a run that was stopped hard (killed): restored its original content from .mlops/params-backup.json",
    );
    expect((await seen()).at(-1)?.text).toBe(PARAMS_YAML);
    expect(await readFile(file, "utf8")).toBe(PARAMS_YAML);
  });
});

describe("a backup left by a kit stopped hard", () => {
  const backupOf = (file: string, original: string, written: string) =>
    JSON.stringify({
      file,
      original: Buffer.from(original).toString("base64"),
      written: createHash("sha256").update(written).digest("hex"),
    });

  it("leaves a params file edited since alone, and keeps the original beside the backup", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "params.yaml": "lr: 0.3 # edited by hand\n",
      [`.mlops/${PARAMS_BACKUP}`]: backupOf("params.yaml", "lr: 0.1\n", "lr: 0.7\n"),
    });
    const warning = await recoverParamsFile(dir, path.join(dir, ".mlops"), "params.yaml");
    expect(warning).toBe(
      "params.yaml was rewritten for a run that was stopped hard, and has changed since: left it as it is; the content it had before that run is in .mlops/params-original-params.yaml",
    );
    expect(await readFile(path.join(dir, "params.yaml"), "utf8")).toBe("lr: 0.3 # edited by hand\n");
    expect(await readFile(path.join(dir, ".mlops", "params-original-params.yaml"), "utf8")).toBe("lr: 0.1\n");
    expect(existsSync(path.join(dir, ".mlops", PARAMS_BACKUP))).toBe(false);
  });

  it("a backup that is JSON but not one of ours (`{}`, a truncated one, null) is removed with one warning, no crash", async () => {
    for (const text of ["{}", '{"file":"params.yaml"}', "null", "[]"]) {
      const dir = await tempDir();
      await writeFiles(dir, { "params.yaml": "lr: 0.1\n", [`.mlops/${PARAMS_BACKUP}`]: text });
      const warning = await recoverParamsFile(dir, path.join(dir, ".mlops"), "params.yaml");
      expect(warning).toBe(
        "removed .mlops/params-backup.json, which could not be read: check that your params file holds what you expect",
      );
      expect(await readFile(path.join(dir, "params.yaml"), "utf8")).toBe("lr: 0.1\n");
      expect(existsSync(path.join(dir, ".mlops", PARAMS_BACKUP))).toBe(false);
    }
  });

  it("never writes a file other than train.params", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "train.mjs": "original code\n",
      [`.mlops/${PARAMS_BACKUP}`]: backupOf("train.mjs", "evil\n", "original code\n"),
    });
    const warning = await recoverParamsFile(dir, path.join(dir, ".mlops"), "params.yaml");
    expect(warning).toContain(".mlops/params-backup.json names train.mjs, which is not train.params");
    expect(await readFile(path.join(dir, "train.mjs"), "utf8")).toBe("original code\n");
  });
});

describe("the train action", () => {
  it("writes its set input and its leg's values into the params file, and restores it", async () => {
    const { dir, file, env, seen } = await project({ extra: "  matrix: { depth: [3, 4] }\n" });
    await writeFiles(dir, { ".git/HEAD": "ref: refs/heads/main\n" });
    const run = await runBundledAction("train", { set: "lr=0.4\nopt.name=sgd", leg: "2" }, { workspace: dir, env });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(parseYaml((await seen())[0]?.text ?? "")).toMatchObject({ lr: 0.4, depth: 4, opt: { name: "sgd" } });
    expect(await readFile(file, "utf8")).toBe(PARAMS_YAML);
  });
});
