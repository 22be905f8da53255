import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, type Registry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { runCli } from "../helpers/cli.ts";
import { MINIMAL_CONFIG, writeConfig } from "../helpers/config.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops predict --plan` (actions/predict `plan: true`): the first job of the scheduled matrix (mlops-predict.yml)
 * resolves predict.alias once, in a real folder registry, so that every leg and the finish job pass the same version
 * even if the alias moves meanwhile. It scores nothing and writes nothing to the registry or the output.
 */

const CONFIG = `${MINIMAL_CONFIG}registry: { uri: registry }
predict:
  input: data/new/*.csv
  command: node score.mjs
  output: scores
`;

async function project(): Promise<{ dir: string; registry: Registry; publish: () => Promise<string> }> {
  const dir = await tempDir();
  await writeConfig(dir, CONFIG);
  const [weights] = await writeFiles(dir, { "model/weights.txt": "weights" });
  const registry = createRegistry(createLocalStore(path.join(dir, "registry")));
  const publish = async (): Promise<string> => {
    const manifest = await registry.publish(
      publishInput({ model: "demo", files: [{ path: "weights.txt", source: weights ?? "" }] }),
    );
    return manifest.version;
  };
  return { dir, registry, publish };
}

const promote = (registry: Registry, version: string) =>
  registry.moveAlias("demo", "champion", version, {
    at: "2026-12-01T00:00:00.000Z",
    actor: null,
    reason: "test",
    runUrl: null,
    forced: false,
  });

interface Planned {
  stage: string;
  state: string;
  model: string;
  alias: string | null;
  version: string;
}

async function plan(dir: string, ...flags: string[]): Promise<Planned> {
  const run = await runCli(["predict", "--plan", "--json", ...flags], { cwd: dir });
  expect(run.exitCode, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Planned;
}

describe("mlops predict --plan", () => {
  it("resolves predict.alias to the version it points at now, and follows the alias when it moves", async () => {
    const { dir, registry, publish } = await project();
    const first = await publish();
    const second = await publish();
    await promote(registry, first);
    expect(await plan(dir)).toEqual({
      stage: "predict",
      state: "planned",
      verdict: "pass",
      model: "demo",
      alias: "champion",
      version: first,
    });
    await promote(registry, second);
    expect(await plan(dir)).toMatchObject({ alias: "champion", version: second });
    // A version named outright is no alias; an alias named outright is one.
    expect(await plan(dir, "--version", "1")).toMatchObject({ alias: null, version: first });
    expect(await plan(dir, "--version", "champion")).toMatchObject({ alias: "champion", version: second });
    // Nothing was scored, nothing recorded.
    expect(await registry.scoringLog("demo")).toEqual([]);
  });

  it("says so when the alias points nowhere or the version does not exist (exit 2)", async () => {
    const { dir, publish } = await project();
    const nowhere = await runCli(["predict", "--plan"], { cwd: dir });
    expect(nowhere.exitCode).toBe(2);
    expect(nowhere.stderr).toContain("champion of demo points nowhere yet, so there is no version to score with");
    await publish();
    const missing = await runCli(["predict", "--plan", "--version", "v9"], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("demo has no version v9");
  });

  it("refuses to be a leg or the finish job at once (exit 2)", async () => {
    const { dir } = await project();
    for (const flags of [["--shard", "1/2"], ["--finish"], ["--force"]]) {
      const run = await runCli(["predict", "--plan", ...flags], { cwd: dir });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain("--plan only resolves the version; it takes no --shard, --finish or --force");
    }
  });
});
