import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promotesFrom } from "../../src/publish/publish.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The registry's doors: `mlops publish`, `models`, `promote`, `rollback` and `pull`, run in-process on a project
 * folder, with the registry in the workspace's folder or in a bucket.
 */

const CONFIG = `version: 1
model: { name: churn }
evaluate: { metrics_file: metrics.json }
gate:
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/] }
`;

/** Evaluates and gates the model in place, with a metrics file that passes or fails the rule. */
async function gateResult(dir: string, verdict: "pass" | "fail", env?: NodeJS.ProcessEnv): Promise<void> {
  await writeFile(path.join(dir, "metrics.json"), JSON.stringify({ score: verdict === "pass" ? 0.9 : 0.1 }));
  const evaluated = await runCli(["evaluate"], { cwd: dir, ...(env ? { env } : {}) });
  expect(evaluated.exitCode, evaluated.stderr).toBe(0);
  const gated = await runCli(["gate"], { cwd: dir, ...(env ? { env } : {}) });
  expect(gated.exitCode, gated.stderr).toBe(verdict === "pass" ? 0 : 1);
}

async function project(config = CONFIG): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, { "mlops.yml": config, "model/weights.bin": "w1", "model/config.json": "{}\n" });
  return dir;
}

const json = <T>(text: string): T => JSON.parse(text) as T;

describe("publish, list, promote, rollback, pull on the workspace registry", () => {
  it("walks a model through its life from the command line", async () => {
    const dir = await project();
    await gateResult(dir, "pass");
    const first = await runCli(["publish", "--json"], { cwd: dir });
    expect(first.exitCode, first.stderr).toBe(0);
    const v1 = json<{ version: string; sequence: number; promoted: string }>(first.stdout);
    expect(v1).toMatchObject({ sequence: 1, promoted: "champion" });

    await writeFile(path.join(dir, "model/weights.bin"), "w2");
    await gateResult(dir, "fail");
    const v2 = json<{ version: string; sequence: number; promotion: string }>(
      (await runCli(["publish", "--json"], { cwd: dir })).stdout,
    );
    expect(v2).toMatchObject({ sequence: 2, promotion: "not promoted to champion: the gate verdict is fail" });

    await writeFile(path.join(dir, "model/weights.bin"), "w3");
    await gateResult(dir, "pass");
    const v3 = json<{ version: string }>((await runCli(["publish", "--json"], { cwd: dir })).stdout);

    const list = await runCli(["models"], { cwd: dir });
    expect(list.stdout).toMatch(new RegExp(`^1 +${v1.version} +\\S+ +pass +0\\.9 *$`, "m"));
    expect(list.stdout).toMatch(new RegExp(`^2 +${v2.version} +\\S+ +fail +0\\.1 *$`, "m"));
    expect(list.stdout).toMatch(new RegExp(`^3 +${v3.version} +\\S+ +pass +0\\.9 +champion *$`, "m"));

    // By number; a failed gate is refused without --force, and the refusal changes nothing.
    const refused = await runCli(["promote", "2"], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toContain(`Not promoted: ${v2.version}'s gate verdict is fail`);
    const forced = await runCli(["promote", "v2", "--force", "--reason", "needed for the demo"], { cwd: dir });
    expect(forced.stdout).toBe(`champion: ${v3.version} -> ${v2.version}\n`);

    const back = await runCli(["rollback"], { cwd: dir });
    expect(back.exitCode).toBe(0);
    expect(back.stdout).toBe(`champion: ${v2.version} -> ${v3.version} (rolled back)\n`);
    const again = await runCli(["rollback", "--reason", "v3 is bad too", "--json"], { cwd: dir });
    expect(json<{ to: string; reason: string; kind: string }>(again.stdout)).toMatchObject({
      to: v1.version,
      reason: "v3 is bad too",
      kind: "rollback",
    });
    const none = await runCli(["rollback"], { cwd: dir });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toBe(
      `error: champion of churn has nothing to roll back to: it has only ever stood on ${v1.version}\n` +
        "  hint: promote another version instead: mlops promote <version>\n",
    );

    const history = json<{ events: { from: string | null; to: string; forced: boolean; kind: string }[] }>(
      (await runCli(["models", "history", "--json"], { cwd: dir })).stdout,
    ).events;
    expect(history.map((e) => [e.kind, e.from, e.to, e.forced])).toEqual([
      ["promote", null, v1.version, false],
      ["promote", v1.version, v3.version, false],
      ["promote", v3.version, v2.version, true],
      ["rollback", v2.version, v3.version, false],
      ["rollback", v3.version, v1.version, false],
    ]);
    const table = await runCli(["models", "history"], { cwd: dir });
    expect(table.stdout).toContain("needed for the demo (forced)");
    expect(table.stdout).toContain("v3 is bad too (rollback)");

    const show = await runCli(["models", "show", "champion"], { cwd: dir });
    expect(show.stdout.split("\n")[0]).toBe(`churn ${v1.version} (#1), champion`);
    expect(show.stdout).toContain("gate      pass");

    // Pull by alias into a folder: the files as published, verified.
    const pulled = await runCli(["pull", "churn@champion", "--out", "deploy"], { cwd: dir });
    expect(pulled.exitCode, pulled.stderr).toBe(0);
    expect(pulled.stdout.split("\n")[0]).toBe(
      `Pulled churn ${v1.version} (#1) into deploy: 2 file(s), 5 B, sha256 verified.`,
    );
    expect(await readFile(path.join(dir, "deploy/model/weights.bin"), "utf8")).toBe("w1");
    expect(pulled.stderr).toContain("downloaded model/weights.bin: 2 B in");
    expect((await readdir(path.join(dir, "deploy"))).sort()).toEqual(["model"]);
    const byNumber = await runCli(["pull", "churn@3", "-o", "v3"], { cwd: dir });
    expect(byNumber.exitCode).toBe(0);
    expect(await readFile(path.join(dir, "v3/model/weights.bin"), "utf8")).toBe("w3");
  });

  it("answers which version was champion at a time, or during a day", async () => {
    const dir = await project();
    await writeFiles(dir, { "w.bin": "w" });
    const registry = createRegistry(createLocalStore(path.join(dir, ".mlops/registry")));
    const publish = () =>
      registry.publish(publishInput({ model: "churn", files: [{ path: "w.bin", source: path.join(dir, "w.bin") }] }));
    const [a, b] = [await publish(), await publish()];
    const move = (version: string, at: string, actor: string) =>
      registry.moveAlias("churn", "champion", version, { at, actor, reason: "test", runUrl: null, forced: false });
    await move(a.version, "2026-03-01T08:00:00.000Z", "alice");
    await move(b.version, "2026-03-01T15:30:00.000Z", "bob");

    const moment = await runCli(["models", "history", "--at", "2026-03-01T12:00:00Z"], { cwd: dir });
    expect(moment.stdout).toBe(`champion -> ${a.version} since 2026-03-01T08:00:00.000Z (by alice: test)\n`);
    const day = await runCli(["models", "history", "--alias", "champion", "--at", "2026-03-01"], { cwd: dir });
    expect(day.stdout).toBe(
      `champion -> ${a.version} since 2026-03-01T08:00:00.000Z (by alice: test)\n` +
        `champion -> ${b.version} since 2026-03-01T15:30:00.000Z (by bob: test)\n`,
    );
    const before = await runCli(["models", "history", "--at", "2026-02-01"], { cwd: dir });
    expect(before.stdout).toBe("champion did not exist yet at 2026-02-01T00:00:00.000Z.\n");
    const bad = await runCli(["models", "history", "--at", "yesterday"], { cwd: dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--at expects an ISO date or time, not "yesterday"');
  });

  it("publishes without promoting off the promote branches", () => {
    expect(promotesFrom("refs/heads/main", ["main", "master"])).toBe(true);
    expect(promotesFrom("refs/heads/feature/x", ["main", "master"])).toBe(false);
    expect(promotesFrom("refs/tags/v1.0.0", ["main"])).toBe(false);
    expect(promotesFrom("refs/pull/2/merge", ["main"])).toBe(false);
    expect(promotesFrom("refs/heads/release", ["release"])).toBe(true);
    // Outside git there is no branch to hold against.
    expect(promotesFrom(null, ["main"])).toBe(true);
  });

  it("refuses traversal in what the command line names, without a stack trace", async () => {
    const dir = await project();
    for (const argv of [
      ["pull", "../etc@champion", "--out", "x"],
      ["pull", "churn@../../x", "--out", "x"],
      ["promote", "../../x"],
      ["rollback", "--alias", "../x"],
      ["models", "show", "../x"],
      ["models", "history", "--alias", "a/b"],
    ]) {
      const result = await runCli(argv, { cwd: dir });
      expect(result.exitCode, argv.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
      expect(stackFrames(result.stderr)).toEqual([]);
    }
  });

  it("says what pull needs", async () => {
    const dir = await project();
    const noOut = await runCli(["pull", "churn"], { cwd: dir });
    expect(noOut.stderr).toBe("error: pull needs --out <dir>\n  hint: mlops pull churn@champion --out model/\n");
    const missing = await runCli(["pull", "churn@7", "--out", "x"], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    // Nothing is published yet: the model itself is missing, and the message says so rather than blame the ref.
    expect(missing.stderr).toBe(
      `error: the registry ${path.join(dir, ".mlops/registry")} has no model named "churn"\n  hint: nothing has been published there yet\n`,
    );
    // `pull champion` names a model "champion"; with one published, the hint shows the <model>@<ref> form.
    await gateResult(dir, "pass");
    expect((await runCli(["publish"], { cwd: dir })).exitCode).toBe(0);
    const bare = await runCli(["pull", "champion", "--out", "x"], { cwd: dir });
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toContain(
      `error: the registry ${path.join(dir, ".mlops/registry")} has no model named "champion"\n  hint: name a version as <model>@<ref>, e.g. churn@champion (models: churn)`,
    );
    const noVersion = await runCli(["pull", "churn@7", "--out", "x"], { cwd: dir });
    expect(noVersion.stderr).toContain(
      `error: churn has no version or alias "7" in ${path.join(dir, ".mlops/registry")}`,
    );
  });
});

describe("pull from a bucket named on the command line", () => {
  let server: S3Server;
  beforeAll(async () => {
    server = await startS3Server(["models"]);
  });
  afterAll(() => server.stop());

  it("needs no mlops.yml", async () => {
    const dir = await project(
      `${CONFIG}registry: { uri: "s3://models/prod", endpoint: "${server.endpoint}", force_path_style: true }\n`,
    );
    await gateResult(dir, "pass", server.env);
    const published = await runCli(["publish", "--json"], { cwd: dir, env: server.env });
    expect(published.exitCode, published.stderr).toBe(0);
    const { version } = json<{ version: string }>(published.stdout);

    const deployBox = await tempDir();
    const pulled = await runCli(
      ["pull", "churn", "--registry", "s3://models/prod", "--endpoint", server.endpoint, "--out", "model", "--json"],
      { cwd: deployBox, env: server.env },
    );
    expect(pulled.exitCode, pulled.stderr).toBe(0);
    expect(json<{ version: string; sequence: number }>(pulled.stdout)).toMatchObject({ version, sequence: 1 });
    expect(await readFile(path.join(deployBox, "model/model/weights.bin"), "utf8")).toBe("w1");

    const unreachable = await runCli(
      ["pull", "churn", "--registry", "s3://models/prod", "--endpoint", "http://127.0.0.1:9", "--out", "model"],
      { cwd: deployBox, env: { ...server.env, AWS_MAX_ATTEMPTS: "1" } },
    );
    expect(unreachable.exitCode).toBe(2);
    expect(unreachable.stderr).toMatch(
      /^error: cannot list s3:\/\/models\/prod\/churn\/aliases\/champion: http:\/\/127\.0\.0\.1:9 is unreachable \(ECONNREFUSED\)\n/,
    );
    expect(stackFrames(unreachable.stderr)).toEqual([]);
  });
});
