import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, copyExample, runCli, stackFrames } from "../helpers/cli.ts";
import { removeDir, tempDir } from "../helpers/temp.ts";

/**
 * `mlops run` end to end on a copy of the penguins example: a baseline that becomes champion, then a weaker candidate
 * (3 epochs instead of 300) that the gate refuses; then the registry commands on what the two runs left.
 */

interface RunJson {
  stage: string;
  exitCode: number;
  stoppedAt: string | null;
  stages: {
    stage: string;
    verdict?: string;
    status?: string;
    version?: string;
    promoted?: string | null;
    notes?: string[];
  }[];
}

interface Manifest {
  version: string;
  params: Record<string, unknown>;
  gate: { verdict: string; baseline: string | null } | null;
  files: { path: string }[];
}

describe("mlops run on the penguins example", () => {
  let dir = "";
  let first: CliResult;
  let second: CliResult;
  let firstJson: RunJson;

  beforeAll(async () => {
    dir = await tempDir({ keep: true });
    await copyExample(dir);
    first = await runCli(["run", "--json"], { cwd: dir });
    firstJson = JSON.parse(first.stdout) as RunJson;
    second = await runCli(["run", "--set", "epochs=3"], { cwd: dir });
  });
  afterAll(() => removeDir(dir));

  const publishedVersion = (json: RunJson): string => json.stages.find((s) => s.stage === "publish")?.version ?? "";

  it("runs every stage, passes the gate on the first run and promotes the version to champion", () => {
    expect(first.exitCode).toBe(0);
    expect(firstJson).toMatchObject({ stage: "run", exitCode: 0, stoppedAt: null });
    expect(firstJson.stages.map((s) => s.stage)).toEqual(["validate", "train", "evaluate", "gate", "publish"]);
    const gate = firstJson.stages.find((s) => s.stage === "gate");
    expect(gate?.verdict).toBe("pass");
    expect(gate?.notes).toEqual([
      "First run: there is no baseline yet, so change rules were skipped; value rules still applied.",
    ]);
    expect(firstJson.stages.find((s) => s.stage === "publish")?.promoted).toBe("champion");
    // Under --json the report goes to stderr, after the progress lines.
    expect(first.stderr).toMatch(/▸ train\n\$ node train\.mjs --data data\/train\.csv --out model\//);
    expect(first.stderr).toMatch(/── Publish: OK \(v\d{8}T\d{9}Z-[0-9a-f]{6}, promoted to champion\)/);
    expect(first.stderr).toContain("All stages passed.");
    // Last, where the run's HTML report is, relative to where the command ran.
    expect(first.stderr.trimEnd().endsWith("The run's HTML report: .mlops/out/report.html")).toBe(true);
    expect(stackFrames(first.stderr)).toEqual([]);
  });

  it("fails the gate of a weaker candidate with exit 1 and says why", async () => {
    expect(second.exitCode).toBe(1);
    expect(second.stdout).toContain("── Evaluation gate: FAIL");
    expect(second.stdout).toContain(`Baseline: champion (${publishedVersion(firstJson)})`);
    expect(second.stdout).toMatch(
      /accuracy .* regression <= 0\.02 +fail +fell from 0\.\d+ to 0\.\d+: worse by 0\.\d+, more than the allowed 0\.02/,
    );
    expect(second.stdout).toMatch(
      /log_loss .* regression <= 0\.05 \(bootstrap, 95%\) +fail +rose from 0\.\d+ to 0\.\d+: worse by 0\.\d+, more than the allowed 0\.05; the 95% interval of the change is \[\+0\.\d+, \+0\.\d+\], all of it past the allowed 0\.05: the regression is real/,
    );
    expect(second.stdout).toMatch(/── Publish: OK \(v\S+, not promoted: the gate verdict is fail\)/);
    expect(second.stdout).toContain("The gate failed.\n\nThe run's HTML report: .mlops/out/report.html");
    // Each failed rule is also reported at its line in mlops.yml (an annotation inside Actions).
    const config = (await readFile(path.join(dir, "mlops.yml"), "utf8")).split("\n");
    const lineOf = (text: string): number => config.findIndex((line) => line.includes(text)) + 1;
    const accuracyRule = lineOf("{ metric: accuracy, max_regression: 0.02 }");
    const logLossRule = lineOf("{ metric: log_loss, max_regression: 0.05");
    expect(second.stderr).toMatch(
      new RegExp(`^error mlops\\.yml:${accuracyRule}:7: gate: accuracy: fell from .*allowed 0\\.02$`, "m"),
    );
    expect(second.stderr).toMatch(
      new RegExp(`^error mlops\\.yml:${logLossRule}:7: gate: log_loss: rose from .*the regression is real$`, "m"),
    );
    expect(second.stderr).toContain("[train] epoch 3/3");
    expect(stackFrames(second.stderr)).toEqual([]);
  });

  it("lists, shows and traces both versions in the registry", async () => {
    const list = await runCli(["models", "list", "--json"], { cwd: dir });
    expect(list.exitCode).toBe(0);
    const listed = JSON.parse(list.stdout) as { model: string; versions: Manifest[]; aliases: Record<string, string> };
    const [baseline, candidate] = listed.versions;
    expect(listed.model).toBe("penguins");
    expect(listed.versions).toHaveLength(2);
    expect(baseline?.version).toBe(publishedVersion(firstJson));
    expect(listed.aliases).toEqual({ champion: baseline?.version });
    expect([baseline?.gate?.verdict, candidate?.gate?.verdict]).toEqual(["pass", "fail"]);
    expect(candidate?.gate?.baseline).toBe(`champion (${baseline?.version})`);

    const table = await runCli(["models"], { cwd: dir });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^1 +${baseline?.version} +\\S+ +pass +0\\.\\d+ +champion *$`, "m"));
    expect(table.stdout).toMatch(new RegExp(`^2 +${candidate?.version} +\\S+ +fail +0\\.\\d+ *$`, "m"));

    const champion = await runCli(["models", "show", "champion", "--json"], { cwd: dir });
    expect(champion.exitCode).toBe(0);
    const shown = JSON.parse(champion.stdout) as Manifest;
    expect(shown.version).toBe(baseline?.version);
    expect(shown.params).toMatchObject({ epochs: 300, learning_rate: 0.1 });
    expect(shown.files.map((f) => f.path)).toEqual(["model/metrics.json", "model/model.json"]);
    const weak = await runCli(["models", "show", candidate?.version ?? "", "--json"], { cwd: dir });
    expect((JSON.parse(weak.stdout) as Manifest).params).toMatchObject({ epochs: 3 });

    const unknown = await runCli(["models", "show", "staging"], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(
      /^error: penguins has no version or alias "staging"\n {2}hint: see `mlops models list`\n$/m,
    );

    const history = await runCli(["models", "history", "--json"], { cwd: dir });
    const events = (JSON.parse(history.stdout) as { events: Record<string, unknown>[] }).events;
    expect(events).toEqual([
      expect.objectContaining({
        alias: "champion",
        from: null,
        to: baseline?.version,
        reason: "gate passed (first version)",
        forced: false,
      }),
    ]);
  });

  it("refuses to promote the failed version without --force, and records a forced promotion", async () => {
    const list = JSON.parse((await runCli(["models", "list", "--json"], { cwd: dir })).stdout) as {
      versions: Manifest[];
    };
    const [baseline, candidate] = list.versions.map((m) => m.version);

    const refused = await runCli(["promote", candidate ?? ""], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe(
      `Not promoted: ${candidate}'s gate verdict is fail. Use --force to promote anyway (it is recorded).\n`,
    );
    const unchanged = JSON.parse((await runCli(["models", "list", "--json"], { cwd: dir })).stdout) as {
      aliases: Record<string, string>;
    };
    expect(unchanged.aliases).toEqual({ champion: baseline });

    const forced = await runCli(["promote", candidate ?? "", "--force", "--reason", "hotfix for the demo"], {
      cwd: dir,
    });
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toBe(`champion: ${baseline} -> ${candidate}\n`);
    const history = JSON.parse((await runCli(["models", "history", "--json"], { cwd: dir })).stdout) as {
      events: Record<string, unknown>[];
    };
    expect(history.events.map((e) => [e.from, e.to, e.reason, e.forced])).toEqual([
      [null, baseline, "gate passed (first version)", false],
      [baseline, candidate, "hotfix for the demo", true],
    ]);
    const text = await runCli(["models", "history"], { cwd: dir });
    expect(text.stdout).toContain("hotfix for the demo (forced)");

    const missing = await runCli(["promote", "v20000101T000000000Z-000000"], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("error: penguins has no version v20000101T000000000Z-000000");
  });
});

describe("mlops run stops early", () => {
  it("refuses an unknown --set param with a suggestion before any stage runs", async () => {
    const dir = await tempDir();
    await copyExample(dir);
    const result = await runCli(["run", "--set", "epoch=3"], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: 'error: --set epoch: there is no param "epoch"\n  hint: did you mean "epochs"?\n',
    });
    expect(existsSync(path.join(dir, ".mlops"))).toBe(false);
    expect(existsSync(path.join(dir, "model"))).toBe(false);
  });

  it("stops at validation when a data rule with severity error is broken", async () => {
    const dir = await tempDir();
    await copyExample(dir);
    const config = path.join(dir, "mlops.yml");
    await writeFile(config, (await readFile(config, "utf8")).replace("rows: { min: 100 }", "rows: { min: 100000 }"));
    const result = await runCli(["run", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout) as RunJson;
    expect(json).toMatchObject({ exitCode: 1, stoppedAt: "validate" });
    expect(json.stages.map((s) => s.stage)).toEqual(["validate"]);
    expect(result.stderr).toMatch(/^error mlops\.yml:\d+:\d+: train: fewer rows than the minimum of 100000/m);
    expect(result.stderr.trimEnd().endsWith("Stopped at validate.")).toBe(true);
  });
});

describe("mlops run and the run cache", () => {
  it("reuses an identical run, retrains with --force, and leaves the cache alone with --cache off", async () => {
    const dir = await tempDir();
    await copyExample(dir);
    const cacheStatus = async (...args: string[]): Promise<string | undefined> => {
      const result = await runCli(["run", "--no-publish", "--json", ...args], { cwd: dir });
      expect(result.exitCode, result.stderr).toBe(0);
      const run = JSON.parse(result.stdout) as { stages: { stage: string; cache?: { status: string } }[] };
      return run.stages.find((stage) => stage.stage === "train")?.cache?.status;
    };
    expect(await cacheStatus()).toBe("miss");
    expect(await cacheStatus()).toBe("hit");
    expect(await cacheStatus("--force")).toBe("forced");
    expect(await cacheStatus("--cache", "off")).toBe("off");
    const bad = await runCli(["run", "--cache", "floppy"], { cwd: dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("--cache");
  });
});
