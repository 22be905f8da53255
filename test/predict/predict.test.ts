import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openObjectStore } from "../../src/store/open.ts";
import { type S3Server, startS3Server } from "../helpers/s3-server.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops predict` on a project with a local registry: the champion scores each input file with the user's command,
 * the parts land at <output>/<model>/<version>/<input fingerprint>/, `_SUCCESS` marks the result complete, and the
 * registry's scoring log says which version scored what. Everything a failure can leave behind is checked: no
 * `_SUCCESS`, no record, and a rerun that resumes.
 */

// The scoring command: a "model" that is a threshold on x, read from the pulled files. `rows-1` drops the last row;
// `fail` exits 3; `slow` sleeps past the timeout.
const SCORE_SCRIPT = `
const fs = require("node:fs");
const path = require("node:path");
const e = process.env;
const mode = process.argv[2] ?? "ok";
if (mode === "fail") { console.error("Error: the scoring service refused the batch"); process.exit(3); }
if (mode === "slow") { setTimeout(() => {}, 60_000); return; }
const threshold = Number(fs.readFileSync(path.join(e.MLOPS_MODEL_DIR, "model/threshold.txt"), "utf8"));
const [header, ...lines] = fs.readFileSync(e.MLOPS_INPUT, "utf8").trim().split("\\n");
const columns = header.split(",");
const xAt = columns.indexOf("x");
const kept = mode === "rows-1" ? lines.slice(0, -1) : lines;
const out = kept.map((line, i) => {
  const x = Number(line.split(",")[xAt]);
  return [e.MLOPS_SCORED_AT, e.MLOPS_INPUT_FINGERPRINT + "-" + e.MLOPS_PART + "-" + (i + 1), x, x >= threshold ? "yes" : "no", Math.min(1, x / 10)].join(",");
});
fs.writeFileSync(e.MLOPS_OUTPUT, ["timestamp,request_id,x,prediction,score", ...out].join("\\n") + "\\n");
fs.appendFileSync("scored.log", [e.MLOPS_VERSION, e.MLOPS_ALIAS, path.basename(e.MLOPS_INPUT), e.MLOPS_PART].join(" ") + "\\n");
`;

const config = (predict: string, extra = ""): string => `version: 1
model: { name: churn }
data:
  train: train.csv
  target: y
  schema:
    columns:
      x: { type: number, min: 0, max: 10 }
      y: { type: category, values: [yes, no] }
evaluate: { metrics_file: metrics.json }
gate:
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/], promote: champion }
predict:
${predict}
${extra}`;

const PREDICT = `  input: incoming/*.csv
  command: node score.cjs
  output: scores`;

const json = <T>(text: string): T => JSON.parse(text) as T;

interface Predicted {
  verdict: string;
  state: string;
  version: string;
  alias: string | null;
  location: string;
  rows: number | null;
  failure: string | null;
  findings: { column: string | null; rule: string }[];
  parts: { index: number; file: string; state: string; rowsIn: number | null; rowsOut: number | null }[];
  input: { fingerprint: string; files: number };
  record: string | null;
}

async function project(predict = PREDICT, extra = ""): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, {
    "mlops.yml": config(predict, extra),
    "score.cjs": SCORE_SCRIPT,
    "train.csv": "x,y\n1,no\n7,yes\n",
    "model/threshold.txt": "5",
    "incoming/2026-12-01.csv": "id,x\na,1\nb,6\nc,9\n",
    "incoming/2026-12-02.csv": "id,x\nd,2\ne,5.5\n",
  });
  return dir;
}

async function publish(dir: string, threshold: string): Promise<string> {
  await writeFile(path.join(dir, "model/threshold.txt"), threshold);
  await writeFile(path.join(dir, "metrics.json"), JSON.stringify({ score: 0.9 }));
  expect((await runCli(["evaluate"], { cwd: dir })).exitCode).toBe(0);
  expect((await runCli(["gate"], { cwd: dir })).exitCode).toBe(0);
  const published = await runCli(["publish", "--json"], { cwd: dir });
  expect(published.exitCode, published.stderr).toBe(0);
  return json<{ version: string }>(published.stdout).version;
}

async function predict(dir: string, args: string[] = []): Promise<Predicted & { exitCode: number; stderr: string }> {
  const run = await runCli(["predict", ...args, "--json"], { cwd: dir });
  expect(stackFrames(run.stderr)).toEqual([]);
  return { ...json<Predicted>(run.stdout), exitCode: run.exitCode, stderr: run.stderr };
}

async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe("mlops predict", () => {
  it("scores each input file with the champion, marks the result complete and records it", async () => {
    const dir = await project();
    const version = await publish(dir, "5");
    const result = await predict(dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result).toMatchObject({ verdict: "pass", state: "complete", version, alias: "champion", rows: 5 });
    expect(result.location).toBe(`scores/churn/${version}/${result.input.fingerprint}`);
    expect(result.parts).toEqual([
      { index: 1, file: "incoming/2026-12-01.csv", state: "scored", rowsIn: 3, rowsOut: 3 },
      { index: 2, file: "incoming/2026-12-02.csv", state: "scored", rowsIn: 2, rowsOut: 2 },
    ]);
    const where = path.join(dir, result.location);
    expect(await filesIn(where)).toEqual([
      "_SUCCESS",
      "part-00001.csv",
      "part-00001.json",
      "part-00002.csv",
      "part-00002.json",
    ]);
    const part = (await readFile(path.join(where, "part-00001.csv"), "utf8")).trim().split("\n");
    expect(part.slice(1).map((line) => line.split(",")[3])).toEqual(["no", "yes", "yes"]);
    expect(json<{ version: string; rows: number }>(await readFile(path.join(where, "_SUCCESS"), "utf8"))).toMatchObject(
      {
        version,
        rows: 5,
      },
    );

    const history = await runCli(["predict", "history", "--json"], { cwd: dir });
    expect(history.exitCode).toBe(0);
    const { records } = json<{ records: Record<string, unknown>[] }>(history.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      alias: "champion",
      version,
      input: { fingerprint: result.input.fingerprint, rows: 5 },
      output: { location: result.location, rows: 5, parts: 2, format: "csv" },
      shards: 1,
    });
    expect((records[0]!.input as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([
      "incoming/2026-12-01.csv",
      "incoming/2026-12-02.csv",
    ]);
    const text = await runCli(["predict", "history"], { cwd: dir });
    expect(text.stdout).toContain(result.location);
  });

  it("does not score the same input with the same version twice, unless --force", async () => {
    const dir = await project();
    await publish(dir, "5");
    expect((await predict(dir)).state).toBe("complete");
    const again = await predict(dir);
    expect(again).toMatchObject({ exitCode: 0, state: "already", rows: 5 });
    expect((await readFile(path.join(dir, "scored.log"), "utf8")).trim().split("\n")).toHaveLength(2);

    const forced = await predict(dir, ["--force"]);
    expect(forced).toMatchObject({ exitCode: 0, state: "complete" });
    expect((await readFile(path.join(dir, "scored.log"), "utf8")).trim().split("\n")).toHaveLength(4);
    const history = json<{ records: unknown[] }>((await runCli(["predict", "history", "--json"], { cwd: dir })).stdout);
    expect(history.records).toHaveLength(2);

    // New data is a new input: its own fingerprint, its own place.
    await writeFiles(dir, { "incoming/2026-12-03.csv": "id,x\nf,8\n" });
    const next = await predict(dir);
    expect(next).toMatchObject({ exitCode: 0, state: "complete", rows: 6 });
    expect(next.input.fingerprint).not.toBe(forced.input.fingerprint);
  });

  it("a forced matrix leg scores again and the finish job completes the result, recorded once more", async () => {
    const dir = await project();
    const version = await publish(dir, "5");
    expect((await predict(dir)).state).toBe("complete");
    const leg = await predict(dir, ["--shard", "1/1", "--version", version, "--force"]);
    expect(leg).toMatchObject({ exitCode: 0, state: "partial" });
    expect(await filesIn(path.join(dir, leg.location))).not.toContain("_SUCCESS");
    // Not "already" by the earlier record: its place is this one, and its _SUCCESS is gone while it is rescored.
    const finished = await predict(dir, ["--finish", "--version", version]);
    expect(finished).toMatchObject({ exitCode: 0, state: "complete", rows: 5 });
    const history = json<{ records: unknown[] }>((await runCli(["predict", "history", "--json"], { cwd: dir })).stdout);
    expect(history.records).toHaveLength(2);
  });

  it("an input scored into another place (a layout with {date}) is not scored again there", async () => {
    const dir = await project(`${PREDICT}\n  layout: "{model}/{version}/{input}"`);
    await publish(dir, "5");
    const first = await predict(dir);
    expect(first.state).toBe("complete");
    await writeFile(
      path.join(dir, "mlops.yml"),
      (await readFile(path.join(dir, "mlops.yml"), "utf8")).replace(
        'layout: "{model}/{version}/{input}"',
        'layout: "{date}/{input}"',
      ),
    );
    const again = await predict(dir);
    expect(again).toMatchObject({ exitCode: 0, state: "already", location: first.location, rows: 5 });
    await expect(readdir(path.join(dir, "scores", new Date().toISOString().slice(0, 10)))).rejects.toThrow();
  });

  it("scores with a newly promoted champion into the new version's place", async () => {
    const dir = await project();
    const v1 = await publish(dir, "5");
    const first = await predict(dir);
    const v2 = await publish(dir, "8");
    const second = await predict(dir);
    expect(second).toMatchObject({ exitCode: 0, state: "complete", version: v2 });
    expect(second.location).not.toBe(first.location);
    const pinned = await predict(dir, ["--version", v1]);
    expect(pinned).toMatchObject({ state: "already", version: v1, alias: null });
  });

  it("resumes after a failed command: finished parts are kept, nothing is marked complete until all are there", async () => {
    const dir = await project(PREDICT.replace("node score.cjs", "node score.cjs $MODE"));
    await publish(dir, "5");
    // The second file fails: its part is not written, the first one is, and the result is not complete.
    await writeFile(
      path.join(dir, "score.cjs"),
      SCORE_SCRIPT.replace(
        'const mode = process.argv[2] ?? "ok";',
        'const mode = e.MLOPS_PART === "2" ? "fail" : "ok";',
      ),
    );
    const failed = await predict(dir);
    expect(failed.exitCode).toBe(1);
    expect(failed).toMatchObject({ verdict: "fail", state: "failed", record: null });
    expect(failed.failure).toContain("predict failed with exit code 3");
    expect(failed.stderr).toContain("the scoring service refused the batch");
    const where = path.join(dir, failed.location);
    expect(await filesIn(where)).toEqual(["part-00001.csv", "part-00001.json"]);
    const history = json<{ records: unknown[] }>((await runCli(["predict", "history", "--json"], { cwd: dir })).stdout);
    expect(history.records).toEqual([]);

    await writeFile(path.join(dir, "score.cjs"), SCORE_SCRIPT);
    const resumed = await predict(dir);
    expect(resumed).toMatchObject({ exitCode: 0, state: "complete", rows: 5 });
    expect(resumed.parts.map((p) => p.state)).toEqual(["kept", "scored"]);
    expect(await filesIn(where)).toContain("_SUCCESS");
  });

  it("scores a matrix: each leg its block of files, the finish job checks every part and completes", async () => {
    const dir = await project();
    const version = await publish(dir, "5");
    const leg2 = await predict(dir, ["--shard", "2/2", "--version", version]);
    expect(leg2).toMatchObject({ exitCode: 0, state: "partial", rows: null });
    expect(leg2.parts.map((p) => p.file)).toEqual(["incoming/2026-12-02.csv"]);

    const early = await predict(dir, ["--finish", "--version", version]);
    expect(early.exitCode).toBe(1);
    expect(early.failure).toBe(
      `part 1 of 2 (incoming/2026-12-01.csv) is missing from ${early.location}: its matrix leg failed or did not run; ` +
        "run that leg again, then finish",
    );
    expect(await filesIn(path.join(dir, early.location))).not.toContain("_SUCCESS");

    expect((await predict(dir, ["--shard", "1/2", "--version", version])).exitCode).toBe(0);
    // The finish job passes the alias the plan job resolved the pinned version from: the record names it.
    const finished = await predict(dir, ["--finish", "--version", version, "--alias", "champion"]);
    expect(finished).toMatchObject({ exitCode: 0, state: "complete", rows: 5, alias: "champion" });
    const { records } = json<{ records: { shards: number; alias: string | null }[] }>(
      (await runCli(["predict", "history", "--json"], { cwd: dir })).stdout,
    );
    expect(records.map((r) => [r.shards, r.alias])).toEqual([[2, "champion"]]);
    const both = await runCli(["predict", "--finish", "--shard", "1/2"], { cwd: dir });
    expect(both.exitCode).toBe(2);
  });

  describe("refuses, says why, and marks nothing complete", () => {
    it("when the alias points nowhere", async () => {
      const dir = await project();
      const run = await runCli(["predict"], { cwd: dir });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain("champion of churn points nowhere yet, so there is no version to score with");
      expect(stackFrames(run.stderr)).toEqual([]);
    });

    it("when the input breaks a feature rule of data.schema (the target's rules left out)", async () => {
      const dir = await project();
      await publish(dir, "5");
      await writeFiles(dir, { "incoming/2026-12-02.csv": "id,x\nd,2\ne,55\n" });
      const result = await predict(dir);
      expect(result.exitCode).toBe(1);
      expect(result.failure).toBe("the input broke 1 rule(s) of data.schema; nothing was scored");
      expect(result.findings).toMatchObject([{ column: "x", rule: "max" }]);
      await expect(readFile(path.join(dir, "scored.log"))).rejects.toThrow();
      await expect(readdir(path.join(dir, "scores"))).rejects.toThrow();
    });

    it("when the command writes fewer rows than it read", async () => {
      const dir = await project(PREDICT.replace("node score.cjs", "node score.cjs rows-1"));
      await publish(dir, "5");
      const result = await predict(dir);
      expect(result.exitCode).toBe(1);
      expect(result.failure).toBe(
        "the predict command wrote 2 rows for the 3 rows of incoming/2026-12-01.csv: one row per input row, in order",
      );
      await expect(readdir(path.join(dir, result.location))).rejects.toThrow();
    });

    it("when the command times out", async () => {
      const dir = await project(PREDICT.replace("node score.cjs", "node score.cjs slow") + "\n  timeout_minutes: 0.01");
      await publish(dir, "5");
      const result = await predict(dir);
      expect(result.exitCode).toBe(1);
      expect(result.failure).toMatch(/^predict timed out after/);
    });

    it("when the output lacks a column the monitor reads", async () => {
      const monitor =
        "monitor:\n  logs: { path: scores/**/part-*.csv, id: request_id, score: score, latency: latency_ms }\n";
      const dir = await project(PREDICT, monitor);
      await publish(dir, "5");
      const result = await predict(dir);
      expect(result.exitCode).toBe(1);
      expect(result.failure).toBe(
        "the predict command's output for incoming/2026-12-01.csv lacks latency_ms, which the monitor reads " +
          "(monitor.logs); write them, or set predict.monitored: false",
      );
    });

    it("when a file of the version does not verify", async () => {
      const dir = await project();
      const version = await publish(dir, "5");
      await writeFile(path.join(dir, `.mlops/registry/churn/versions/${version}/files/model/threshold.txt`), "9");
      const result = await predict(dir);
      expect(result.exitCode).toBe(1);
      expect(result.failure).toMatch(
        new RegExp(`^model/threshold\\.txt of churn ${version} is corrupted: .*; nothing was scored$`),
      );
      await expect(readFile(path.join(dir, "scored.log"))).rejects.toThrow();
    });

    it("when the output place holds another version's complete result", async () => {
      const dir = await project(`${PREDICT}\n  layout: "{model}/latest"`);
      const v1 = await publish(dir, "5");
      expect((await predict(dir)).state).toBe("complete");
      await publish(dir, "8");
      const result = await predict(dir);
      expect(result.exitCode).toBe(1);
      expect(result.failure).toContain(`scores/churn/latest holds a complete result of ${v1}`);
      expect(
        json<{ version: string }>(await readFile(path.join(dir, "scores/churn/latest/_SUCCESS"), "utf8")).version,
      ).toBe(v1);
    });

    it("without a predict section", async () => {
      const dir = await project();
      await writeFile(path.join(dir, "mlops.yml"), config(PREDICT).replace(/predict:[\s\S]*$/, ""));
      const run = await runCli(["predict"], { cwd: dir });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain("mlops.yml has no predict section");
    });
  });

  it("writes a prediction log the monitor reads as it is", async () => {
    const monitor =
      "monitor:\n  logs: { path: 'scores/**/part-*.csv', id: request_id, score: score }\n  window: day\n  rules:\n    - { metric: rows, min: 1 }\n";
    const dir = await project(PREDICT, monitor);
    await publish(dir, "5");
    expect((await predict(dir)).state).toBe("complete");
    // The rows are stamped with the time they were scored: their day's window is measured once it has ended.
    const nextMidnight = new Date((Math.floor(Date.now() / 86_400_000) + 1) * 86_400_000).toISOString();
    const monitored = await runCli(["monitor", "--json", "--now", nextMidnight], { cwd: dir });
    expect(monitored.exitCode, monitored.stderr).toBe(0);
    const result = json<{ windows: { rows: number; quality: { errors: number } }[] }>(monitored.stdout);
    expect(result.windows.reduce((sum, w) => sum + w.rows, 0)).toBe(5);
    expect(result.windows.map((w) => w.quality.errors)).toEqual([0]);
  });

  it("refuses a version that carries no signature when registry.signing requires one", async () => {
    const dir = await project();
    await publish(dir, "5");
    const { publicKey } = generateKeyPairSync("ed25519");
    await writeFiles(dir, { "keys/team.pub": publicKey.export({ type: "spki", format: "pem" }).toString() });
    const yml = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(
      path.join(dir, "mlops.yml"),
      `${yml}\nregistry:\n  signing: { trusted_keys: [keys/team.pub], require: true }\n`,
    );
    const result = await predict(dir);
    expect(result.exitCode).toBe(1);
    expect(result.failure).toMatch(
      /^churn v\S+ is not signed: churn\/versions\/v\S+\/model\.sig is missing; nothing was scored$/,
    );
    await expect(readFile(path.join(dir, "scored.log"))).rejects.toThrow();
  });
});

describe("mlops predict with its input and output in a bucket", () => {
  let s3: S3Server | undefined;
  beforeAll(async () => {
    s3 = await startS3Server(["data"]);
  });
  afterAll(() => s3?.stop());

  it("reads s3:// input, writes each part and _SUCCESS as objects, and knows the input by its ETags", async () => {
    const server = s3 as S3Server;
    const dir = await project(
      PREDICT.replace("input: incoming/*.csv", 'input: "s3://data/incoming/*.csv"').replace(
        "output: scores",
        "output: s3://data/scores",
      ),
      `registry: { uri: .mlops/registry, endpoint: "${server.endpoint}", force_path_style: true }\n`,
    );
    const bucket = await openObjectStore("s3://data", dir, {
      env: server.env,
      endpoint: server.endpoint,
      forcePathStyle: true,
    });
    for (const name of ["2026-12-01.csv", "2026-12-02.csv"])
      await bucket.put(`incoming/${name}`, await readFile(path.join(dir, "incoming", name)));
    const version = await publish(dir, "5");
    const run = await runCli(["predict", "--json"], { cwd: dir, env: server.env });
    expect(run.exitCode, run.stderr).toBe(0);
    const result = json<Predicted>(run.stdout);
    expect(result).toMatchObject({ state: "complete", rows: 5, version });
    expect(result.location).toBe(`s3://data/scores/churn/${version}/${result.input.fingerprint}`);
    const prefix = `scores/churn/${version}/${result.input.fingerprint}`;
    expect(await bucket.list(prefix)).toEqual(
      ["_SUCCESS", "part-00001.csv", "part-00001.json", "part-00002.csv", "part-00002.json"].map(
        (k) => `${prefix}/${k}`,
      ),
    );
    expect((await bucket.get(`${prefix}/part-00002.csv`))?.toString().trim().split("\n")).toHaveLength(3);
    const { records } = json<{ records: { input: { files: { path: string; etag?: string }[] } }[] }>(
      (await runCli(["predict", "history", "--json"], { cwd: dir, env: server.env })).stdout,
    );
    expect(records[0]?.input.files.map((f) => [f.path, typeof f.etag])).toEqual([
      ["s3://data/incoming/2026-12-01.csv", "string"],
      ["s3://data/incoming/2026-12-02.csv", "string"],
    ]);

    // A changed object is another input: scored again into its own place.
    await bucket.put("incoming/2026-12-02.csv", "id,x\nd,2\ne,5.5\nf,9\n");
    const next = json<Predicted>((await runCli(["predict", "--json"], { cwd: dir, env: server.env })).stdout);
    expect(next).toMatchObject({ state: "complete", rows: 6 });
    expect(next.input.fingerprint).not.toBe(result.input.fingerprint);
  });
});
