import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { describeOciRegistry, digestOf, type OciRegistry, pulledBack } from "../helpers/oci-registry.ts";
import { REPO, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * A real deploy target end to end: `mlops deploy` runs examples/deploy/oci-push.mjs as production's command, which
 * pushes the verified version to Debian's docker-registry on loopback with skopeo; the `champion` tag follows the
 * alias, and `mlops canary`'s rollback path (a deploy of the version before) moves it back to the same digest.
 */

const SCRIPT = path.join(REPO, "examples", "deploy", "oci-push.mjs");

describeOciRegistry("mlops deploy to an OCI registry", (registry: () => OciRegistry) => {
  it("pushes each deployed version, moves the alias tag with the alias, and goes back to the same digest", async () => {
    const dir = await tempDir();
    const host = registry().host;
    await writeFiles(dir, {
      "mlops.yml": `version: 1
model: { name: churn }
evaluate: { metrics_file: metrics.json }
gate:
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/], promote: false }
deploy:
  targets:
    production:
      alias: champion
      command: node ${JSON.stringify(SCRIPT)}
      env: { OCI_REGISTRY: "${host}", OCI_REPOSITORY: models/churn }
`,
      "metrics.json": JSON.stringify({ score: 0.9 }),
      "model/weights.bin": "w1",
    });
    const publish = async (weights: string): Promise<string> => {
      await writeFile(path.join(dir, "model/weights.bin"), weights);
      expect((await runCli(["evaluate"], { cwd: dir })).exitCode).toBe(0);
      expect((await runCli(["gate"], { cwd: dir })).exitCode).toBe(0);
      return (JSON.parse((await runCli(["publish", "--json"], { cwd: dir })).stdout) as { version: string }).version;
    };
    const v1 = await publish("weights one");
    const v2 = await publish("weights two");
    const deploy = async (version: string) => {
      const deployed = await runCli(["deploy", "production", "--version", version, "--json"], { cwd: dir });
      expect(deployed.exitCode, deployed.stderr).toBe(0);
      return JSON.parse(deployed.stdout) as { environmentUrl: string; moved: boolean };
    };
    const first = await deploy(v1);
    expect(first.environmentUrl).toBe(`http://${host}/v2/models/churn/manifests/${v1}`);
    const v1Digest = await digestOf(`${host}/models/churn:${v1}`);
    expect(await digestOf(`${host}/models/churn:champion`)).toBe(v1Digest);
    const pulled = await pulledBack(`${host}/models/churn:champion`);
    expect(pulled.files.get("model/weights.bin")?.toString()).toBe("weights one");

    await deploy(v2);
    expect(await digestOf(`${host}/models/churn:champion`)).toBe(await digestOf(`${host}/models/churn:${v2}`));
    // Back to v1, as a canary's rollback or a redeploy does: the same image, the same digest.
    await deploy(v1);
    expect(await digestOf(`${host}/models/churn:champion`)).toBe(v1Digest);
  });
});
