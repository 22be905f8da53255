import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_DEFAULTS, workflowTemplates, type WorkflowOptions } from "../../src/init/workflows.ts";
import { createRegistry, type Registry } from "../../src/registry/registry.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { KIT_VERSION } from "../../src/version.ts";
import { copyExample, runCli } from "../helpers/cli.ts";
import type { RunnerEnvironment } from "../helpers/runner.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { tempDir } from "../helpers/temp.ts";
import { runWorkflowJob } from "../helpers/workflow-job.ts";

/**
 * mlops-predict.yml with predict.shards: 3, run job by job as the runner runs it (test/helpers/workflow-job.ts, the
 * bundled actions from dist/: `npm run build` first) on the penguins example, its registry and its predictions on a
 * real S3 server (s3rver). Each leg runs in a fresh checkout of its own, as on its own runner. The champion moves
 * after the version job: the legs and the finish job still score with the version it pinned.
 */

const KIT_SHA = "0123456789abcdef0123456789abcdef01234567";
const OPTIONS: WorkflowOptions = {
  ...TEMPLATE_DEFAULTS,
  kit: { kind: "commit", sha: KIT_SHA, version: KIT_VERSION },
  model: "penguins",
  registry: "s3",
  predict: { cron: "23 2 * * *", shards: 3, inputOnS3: false, outputOnS3: true },
};
const TOKENS = { read: "ghs_read_token", write: "ghs_write_token" };

let server: S3Server;
beforeAll(async () => {
  server = await startS3Server(["penguin-ml"]);
});
afterAll(() => server.stop());

/** The example with its fresh birds split into three files, its registry and predictions on the S3 server. */
let projects = 0;
async function project(): Promise<{ dir: string; file: string; registry: Registry }> {
  // A registry and an output place per test, in the one bucket.
  const prefix = `project-${++projects}`;
  const dir = await tempDir();
  await copyExample(dir);
  const [header = "", ...rows] = (await readFile(path.join(dir, "data/fresh.csv"), "utf8")).trimEnd().split("\n");
  await rm(path.join(dir, "data/fresh.csv"));
  await mkdir(path.join(dir, "data/fresh"));
  const third = Math.ceil(rows.length / 3);
  for (let i = 0; i < 3; i++) {
    const block = rows.slice(i * third, (i + 1) * third);
    await writeFile(path.join(dir, `data/fresh/birds-${i + 1}.csv`), `${[header, ...block].join("\n")}\n`);
  }
  const config = (await readFile(path.join(dir, "mlops.yml"), "utf8"))
    .replace("  input: data/fresh.csv\n", "  input: data/fresh/*.csv\n")
    .replace("  output: scores\n", `  output: s3://penguin-ml/${prefix}/scores\n`);
  await writeFile(
    path.join(dir, "mlops.yml"),
    `${config}registry: { uri: s3://penguin-ml/${prefix}/registry, endpoint: "${server.endpoint}", force_path_style: true }\n`,
  );
  const { content } = workflowTemplates(OPTIONS).find((f) => f.path === "mlops-predict.yml") ?? {};
  const file = path.join(dir, ".github/workflows/mlops-predict.yml");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content ?? "");
  const registry = createRegistry(
    createS3Store(
      { bucket: "penguin-ml", prefix: `${prefix}/registry` },
      { endpoint: server.endpoint, credentials: server.credentials, forcePathStyle: true },
    ),
  );
  return { dir, file, registry };
}

const scheduled = (workspace: string): RunnerEnvironment => ({
  workspace,
  event: { name: "schedule", payload: { schedule: "23 2 * * *" } },
  env: { GITHUB_REF: "refs/heads/main", ...server.env },
});

describe("mlops-predict.yml run as the runner runs it", () => {
  it("the version job pins the champion; legs on their own runners score their parts; the finish completes and records", async () => {
    const { dir, file, registry } = await project();
    const trained = await runCli(["run"], { cwd: dir, env: server.env });
    expect(trained.exitCode, trained.stderr).toBe(0);
    const pinned = (await registry.resolve("penguins", "champion"))?.version ?? "";
    expect(pinned).not.toBe("");

    const version = await runWorkflowJob(file, "version", scheduled(dir), TOKENS);
    expect(version.conclusion, version.output).toBe("success");
    expect(version.outputs).toEqual({ version: pinned, alias: "champion" });
    expect(version.steps.predict?.outputs).toMatchObject({ verdict: "pass", state: "planned", location: "" });

    // A new champion while the run goes on: the legs and the finish job keep the version the run began with.
    const retrained = await runCli(["run", "--force"], { cwd: dir, env: server.env });
    expect(retrained.exitCode, retrained.stderr).toBe(0);
    const promoted = (await registry.resolve("penguins", "champion"))?.version;
    expect(promoted).not.toBe(pinned);

    const needs = { version: { outputs: version.outputs, result: "success" } };
    const locations = new Set<string>();
    for (const shard of [1, 2, 3]) {
      const workspace = await tempDir();
      await cp(dir, workspace, { recursive: true });
      const leg = await runWorkflowJob(
        path.join(workspace, ".github/workflows/mlops-predict.yml"),
        "leg",
        scheduled(workspace),
        TOKENS,
        {},
        { needs, matrix: { shard } },
      );
      expect(leg.conclusion, leg.output).toBe("success");
      expect(leg.steps.predict?.outputs).toMatchObject({ verdict: "pass", state: "partial", version: pinned });
      locations.add(leg.steps.predict?.outputs.location ?? "");
    }
    expect([...locations]).toHaveLength(1);
    // The legs wrote parts only: nothing is recorded before the finish.
    expect(await registry.scoringLog("penguins")).toEqual([]);

    const finish = await runWorkflowJob(
      file,
      "finish",
      scheduled(dir),
      TOKENS,
      {},
      {
        needs: { ...needs, leg: { outputs: {}, result: "success" } },
      },
    );
    expect(finish.conclusion, finish.output).toBe("success");
    expect(finish.steps.predict?.outputs).toMatchObject({
      verdict: "pass",
      state: "complete",
      version: pinned,
      rows: String(333),
      location: [...locations][0],
    });
    const records = await registry.scoringLog("penguins");
    // The legs scored with a pinned version, yet the record names the alias the version job resolved it from.
    expect(records.map((r) => [r.version, r.alias, r.output.parts, r.output.rows])).toEqual([
      [pinned, "champion", 3, 333],
    ]);

    // The next night, on the same birds: passes at once, nothing scored again, nothing recorded again.
    const again = await runWorkflowJob(file, "version", scheduled(dir), TOKENS);
    expect(again.outputs).toEqual({ version: promoted, alias: "champion" });
    const repeat = await runWorkflowJob(
      file,
      "finish",
      scheduled(dir),
      TOKENS,
      {},
      {
        needs: {
          version: { outputs: { version: pinned }, result: "success" },
          leg: { outputs: {}, result: "success" },
        },
      },
    );
    expect(repeat.steps.predict?.outputs).toMatchObject({ verdict: "pass", state: "already" });
    expect(await registry.scoringLog("penguins")).toHaveLength(1);
  }, 300_000);

  it("a failed leg fails nothing else; re-running it with the same version scores only its part, and the finish completes", async () => {
    const { dir, file, registry } = await project();
    // The predict command fails on the second file while a runner's checkout holds fail-part-2.
    const config = await readFile(path.join(dir, "mlops.yml"), "utf8");
    await writeFile(
      path.join(dir, "mlops.yml"),
      config.replace("  command: node score.mjs\n", '  command: test ! -e "fail-part-$MLOPS_PART" && node score.mjs\n'),
    );
    expect((await runCli(["run"], { cwd: dir, env: server.env })).exitCode).toBe(0);
    const version = await runWorkflowJob(file, "version", scheduled(dir), TOKENS);
    const needs = { version: { outputs: version.outputs, result: "success" } };
    const leg = async (shard: number, failing: boolean) => {
      const workspace = await tempDir();
      await cp(dir, workspace, { recursive: true });
      if (failing) await writeFile(path.join(workspace, "fail-part-2"), "");
      const workflow = path.join(workspace, ".github/workflows/mlops-predict.yml");
      return runWorkflowJob(workflow, "leg", scheduled(workspace), TOKENS, {}, { needs, matrix: { shard } });
    };
    const results = [await leg(1, true), await leg(2, true), await leg(3, true)];
    expect(results.map((r) => r.conclusion)).toEqual(["success", "failure", "success"]);
    expect(results[1]?.steps.predict?.outputs).toMatchObject({ verdict: "fail", state: "failed" });

    // "Re-run failed jobs": leg 2 again (the version job's output is the first attempt's), on a runner without the fault.
    const rerun = await leg(2, false);
    expect(rerun.conclusion, rerun.output).toBe("success");
    expect(rerun.runs.predict?.summary).toMatch(/\| 2 \| data\/fresh\/birds-2\.csv \| scored \|/);
    // A leg run again after it succeeded keeps its part.
    const again = await leg(1, false);
    expect(again.runs.predict?.summary).toMatch(/\| 1 \| data\/fresh\/birds-1\.csv \| kept \|/);

    const finish = await runWorkflowJob(
      file,
      "finish",
      scheduled(dir),
      TOKENS,
      {},
      {
        needs: { ...needs, leg: { outputs: {}, result: "success" } },
      },
    );
    expect(finish.conclusion, finish.output).toBe("success");
    expect(finish.steps.predict?.outputs).toMatchObject({ state: "complete", rows: "333" });
    expect(await registry.scoringLog("penguins")).toHaveLength(1);
  }, 300_000);
});
