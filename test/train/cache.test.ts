import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestFiles } from "../../src/files/hash.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The train stage with its run cache, end to end through `mlops train`: the first run trains, the second restores
 * (the command does not run), a changed param or data byte trains again, --force retrains, a corrupt entry is
 * rejected, an unreachable cache warns and trains, and the bad inputs of the issue fail with clear messages.
 */

/** A training script that counts its runs (in an undeclared file) and writes a model that depends on its inputs. */
const TRAIN_SCRIPT = `import fs from "node:fs";
const params = JSON.parse(fs.readFileSync(process.env.MLOPS_PARAMS_FILE, "utf8"));
fs.appendFileSync("runs.log", "run\\n");
const rows = fs.readFileSync("data/train.csv", "utf8").trim().split("\\n").length - 1;
fs.mkdirSync("model/parts", { recursive: true });
fs.writeFileSync("model/weights.json", JSON.stringify({ lr: params.lr, rows, nonce: Math.random() }));
fs.writeFileSync("model/parts/empty.bin", "");
console.log("trained with lr " + params.lr);
`;

interface TrainJson {
  status: string;
  runId: string;
  exitCode: number | null;
  outputs: { path: string; sha256: string }[];
  peakMemoryBytes: number | null;
  cache: {
    status: string;
    backend: string | null;
    key: string | null;
    saved: boolean;
    notes: string[];
    reusedFrom: { id: string } | null;
  };
}

async function project(trainExtra = "", files: Record<string, string> = {}): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, { "train.mjs": TRAIN_SCRIPT, "data/train.csv": "x,y\n1,0\n2,1\n", ...files });
  await writeConfig(
    dir,
    `version: 1
model: { name: demo }
data: { train: data/train.csv }
train:
  command: node train.mjs
  params: { lr: 0.1, epochs: 3 }
  outputs: [model/]
${trainExtra}`,
  );
  return dir;
}

async function train(dir: string, ...args: string[]): Promise<{ exitCode: number; json: TrainJson; stderr: string }> {
  const result = await runCli(["train", "--json", ...args], { cwd: dir });
  return { exitCode: result.exitCode, json: JSON.parse(result.stdout) as TrainJson, stderr: result.stderr };
}

const runs = async (dir: string): Promise<number> =>
  (await readFile(path.join(dir, "runs.log"), "utf8")).split("\n").filter(Boolean).length;

describe("the run cache in the train stage", () => {
  it("trains once, then restores the outputs byte for byte without running the command", async () => {
    const dir = await project();
    const first = await train(dir);
    expect(first.exitCode).toBe(0);
    expect(first.json.cache).toMatchObject({ status: "miss", backend: "local", saved: true, reusedFrom: null });
    const trained = await digestFiles(dir, ["model/"]);
    expect(trained.map((o) => o.path)).toEqual(["model/parts/empty.bin", "model/weights.json"]);

    await rm(path.join(dir, "model"), { recursive: true });
    await writeFiles(dir, { "model/leftover.bin": "from some other run" });
    const second = await train(dir);
    expect(second.exitCode).toBe(0);
    expect(await runs(dir)).toBe(1);
    expect(second.json).toMatchObject({ status: "ok", exitCode: null, outputs: trained });
    expect(second.json.cache).toMatchObject({ status: "hit", key: first.json.cache.key, saved: false });
    expect(second.json.cache.reusedFrom?.id).toBe(first.json.runId);
    expect(await digestFiles(dir, ["model/"])).toEqual(trained);
    // The report says which run it reused.
    expect(second.stderr).toContain(`Reused the outputs of run ${first.json.runId} (trained `);
    expect(second.stderr).toContain("not run: cache hit");
  });

  it("trains again when a param or a data byte changed, and reuses each earlier run when it comes back", async () => {
    const dir = await project();
    await train(dir);
    const changedParam = await train(dir, "--set", "lr=0.2");
    expect(changedParam.json.cache.status).toBe("miss");
    expect(await runs(dir)).toBe(2);

    await writeFile(path.join(dir, "data/train.csv"), "x,y\n1,0\n2,0\n");
    const changedData = await train(dir);
    expect(changedData.json.cache.status).toBe("miss");
    expect(await runs(dir)).toBe(3);

    await writeFile(path.join(dir, "data/train.csv"), "x,y\n1,0\n2,1\n");
    expect((await train(dir)).json.cache.status).toBe("hit");
    expect((await train(dir, "--set", "lr=0.2")).json.cache.status).toBe("hit");
    expect(await runs(dir)).toBe(3);
  });

  it("retrains with --force and saves the new outputs; --cache off leaves the cache alone", async () => {
    const dir = await project();
    const first = await train(dir);
    const forced = await train(dir, "--force");
    expect(forced.json.cache).toMatchObject({ status: "forced", key: first.json.cache.key, saved: true });
    expect(await runs(dir)).toBe(2);
    const next = await train(dir);
    expect(next.json.cache.reusedFrom?.id).toBe(forced.json.runId);

    const off = await train(dir, "--cache", "off");
    expect(off.json.cache).toMatchObject({ status: "off", key: null, saved: false });
    expect(await runs(dir)).toBe(3);
    expect((await runCli(["train", "--cache", "github"], { cwd: dir })).exitCode).toBe(2);
  });

  it("rejects a corrupt entry, trains instead, and saves a good one", async () => {
    const dir = await project();
    await train(dir);
    const blobs = path.join(dir, ".mlops", "cache", "blobs");
    const [shard = ""] = await readdir(blobs);
    const stored = await digestFiles(dir, ["model/weights.json"]);
    const blob = path.join(blobs, stored[0]?.sha256.slice(0, 2) ?? shard, stored[0]?.sha256 ?? "");
    await writeFile(blob, (await readFile(blob, "utf8")).replace("lr", "LR"));

    const second = await train(dir);
    expect(second.exitCode).toBe(0);
    expect(second.json.cache.status).toBe("corrupt");
    expect(second.json.cache.saved).toBe(true);
    expect(second.json.cache.notes).toContainEqual(
      expect.stringMatching(
        /^the cached entry for this key was not used: model\/weights\.json does not match its sha256 \(corrupt\); the entry was removed from /,
      ) as string,
    );
    expect(second.stderr).toMatch(
      /warning run cache: the cached entry for this key was not used: .*; training instead/,
    );
    expect(await runs(dir)).toBe(2);
    expect((await train(dir)).json.cache.status).toBe("hit");
  });

  it("warns when training changes a file the key includes, since no later run could hit", async () => {
    const script = `${TRAIN_SCRIPT}fs.appendFileSync("train.log", "trained\\n");\n`;
    const dir = await project("", { "train.mjs": script });
    const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(path.join(dir, "mlops.yml"), config.replace("node train.mjs", "node train.mjs --log train.log"));
    expect((await train(dir)).json.cache.notes).toEqual([]); // train.log did not exist yet
    const second = await train(dir);
    expect(second.json.cache.status).toBe("miss");
    expect(second.json.cache.notes).toEqual([
      "training changed train.log, which the cache key includes (train.inputs or named in the command), so the " +
        "next run cannot reuse this one: declare what training writes in train.outputs",
    ]);
    expect(second.stderr).toContain("warning run cache: training changed train.log");
  });

  it("saves nothing when training fails, and fails on missing outputs with exit 1", async () => {
    const dir = await project("", { "train.mjs": "console.log('forgot the model')" });
    const result = await train(dir);
    expect(result.exitCode).toBe(1);
    expect(result.json).toMatchObject({ status: "failed", cache: { status: "miss", saved: false } });
    expect(result.stderr).toContain("training exited 0 but did not write its declared output: model/ (train.outputs)");
    expect(existsSync(path.join(dir, ".mlops", "cache", "entries"))).toBe(false);
  });
});

describe("an unreachable cache backend", () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server(["runs"]);
  });
  afterAll(() => server.stop());

  it("shares runs through S3, and warns and trains when S3 cannot be reached", async () => {
    // A second of retries is enough to show an unreachable cache is survived, without waiting out the default 30 s.
    const cacheSettings = (endpoint: string): string =>
      `  cache: { backend: s3, uri: s3://runs/cache }\nregistry: { endpoint: "${endpoint}", retry_seconds: 1 }\n`;
    const env = server.env;
    const one = await project(cacheSettings(server.endpoint));
    const two = await project(cacheSettings(server.endpoint));
    expect((await runCli(["train"], { cwd: one, env })).exitCode).toBe(0);
    const shared = await runCli(["train", "--json"], { cwd: two, env });
    expect((JSON.parse(shared.stdout) as TrainJson).cache).toMatchObject({ status: "hit", backend: "s3" });
    expect(existsSync(path.join(two, "runs.log"))).toBe(false);

    // A closed port: nothing listens there.
    const down = await project(cacheSettings("http://127.0.0.1:9"));
    const result = await runCli(["train", "--json"], { cwd: down, env });
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as TrainJson;
    expect(json.cache).toMatchObject({ status: "unavailable", saved: false });
    expect(json.cache.notes).toEqual([
      expect.stringMatching(/^the run cache \(s3:\/\/runs\/cache\) could not be read: .*unreachable/) as string,
      expect.stringMatching(
        /^not saved to the run cache \(s3:\/\/runs\/cache\): .*; the next run trains again$/,
      ) as string,
    ]);
    expect(await runs(down)).toBe(1);
    expect(stackFrames(result.stderr)).toEqual([]);
  });
});

describe("bad input, through the CLI", () => {
  it("an unknown --set param: exit 2 before anything runs", async () => {
    const dir = await project();
    const result = await runCli(["train", "--set", "lrr=0.3"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('\nerror: --set lrr: there is no param "lrr"\n  hint: did you mean "lr"?\n');
    expect(existsSync(path.join(dir, "runs.log"))).toBe(false);
  });

  it("an invalid params file: exit 2 naming the file", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "params.json": '{ "lr": 0.1,' });
    await writeConfig(
      dir,
      "version: 1\nmodel: { name: demo }\ntrain: { command: node train.mjs, params: params.json, outputs: [m/] }\n",
    );
    const result = await runCli(["train"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: params file params\.json is not valid JSON: /m);
  });

  it("a command that is not found, or exits non-zero: exit 1 quoting its last line", async () => {
    const dir = await project("", { "train.mjs": "console.error('CUDA out of memory'); process.exit(3)" });
    const failed = await runCli(["train"], { cwd: dir });
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain(
      "error training failed with exit code 3: node train.mjs (see its output in the log; last line: CUDA out of memory)",
    );

    await writeConfig(
      dir,
      "version: 1\nmodel: { name: demo }\ntrain: { command: no-such-trainer --fast, outputs: [m/] }\n",
    );
    const missing = await runCli(["train"], { cwd: dir });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/error training command not found \(exit 127\): no-such-trainer --fast/);
  });
});

describe("the run record", () => {
  it.skipIf(process.platform !== "linux")("records the peak memory of the command and its children", async () => {
    // A child process holds 96 MiB for a moment: the sampler sees the group, not just the shell.
    const hold = "const b = Buffer.alloc(96 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 1500);";
    const dir = await project("", {
      "train.mjs": `import { execFileSync } from "node:child_process"; import fs from "node:fs";\nexecFileSync(process.execPath, ["-e", ${JSON.stringify(hold)}]);\nfs.mkdirSync("model"); fs.writeFileSync("model/m", "m");\n`,
    });
    const result = await train(dir, "--cache", "off");
    expect(result.exitCode).toBe(0);
    expect(result.json.peakMemoryBytes).toBeGreaterThan(96 * 1024 * 1024);
  });
});
