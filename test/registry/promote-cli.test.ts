import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, type Registry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops promote` from the command line, on the workspace registry, for what a new user's trial met: a promotion
 * that would not move the alias.
 */

const CONFIG = `version: 1
model: { name: churn }
evaluate: { metrics_file: metrics.json }
gate:
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/] }
`;

/** A project whose workspace registry holds versions published with a passing gate, and the registry itself. */
async function projectWithVersions(count: number): Promise<{ dir: string; registry: Registry; versions: string[] }> {
  const dir = await tempDir();
  await writeFiles(dir, { "mlops.yml": CONFIG, "model/weights.bin": "weights", "model/config.json": "{}\n" });
  const registry = createRegistry(createLocalStore(path.join(dir, ".mlops/registry")));
  const versions: string[] = [];
  for (let i = 0; i < count; i++) {
    const files = ["model/weights.bin", "model/config.json"].map((file) => ({
      path: file,
      source: path.join(dir, file),
    }));
    versions.push((await registry.publish(publishInput({ model: "churn", files }))).version);
  }
  return { dir, registry, versions };
}

describe("mlops promote", () => {
  it("writes nothing when the alias already points at the version", async () => {
    const { dir, registry, versions } = await projectWithVersions(1);
    const [v1] = versions;
    const first = await runCli(["promote", "1", "--reason", "x"], { cwd: dir });
    expect(first.exitCode, first.stderr).toBe(0);

    const again = await runCli(["promote", "1", "--alias", "champion", "--reason", "x"], { cwd: dir });
    expect(again).toEqual({ exitCode: 0, stdout: `champion already points at ${v1}: nothing to do.\n`, stderr: "" });
    const json = await runCli(["promote", String(v1), "--json"], { cwd: dir });
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      promoted: false,
      model: "churn",
      version: v1,
      alias: "champion",
      reason: `champion already points at ${v1}`,
    });
    expect((await registry.history("churn")).map((e) => [e.from, e.to])).toEqual([[null, v1]]);
  });
});
