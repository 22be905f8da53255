import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The manifest as stored is what a build-provenance attestation is over (the main workflow attests
 * `<workspace>/out/manifest.json`), and what `gh attestation verify` is later given: `mlops pull --manifest` and a
 * deploy's MLOPS_MANIFEST hand out the same bytes, whose sha256 publish reports.
 */
it("publish, pull --manifest and a deploy give the manifest byte for byte as stored", async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    "mlops.yml": `version: 1
model: { name: churn }
publish: { files: [model/], promote: false }
deploy:
  targets:
    production: { alias: champion, command: 'cp "$MLOPS_MANIFEST" deployed-manifest.json' }
`,
    "model/weights.bin": "w",
  });
  const published = await runCli(["publish", "--json"], { cwd: dir });
  expect(published.exitCode, published.stderr).toBe(0);
  const result = JSON.parse(published.stdout) as { version: string; manifestFile: string; manifestSha256: string };
  const stored = await readFile(path.join(dir, ".mlops/registry/churn/versions", result.version, "manifest.json"));
  expect(await readFile(result.manifestFile)).toEqual(stored);
  expect(result.manifestSha256).toBe(createHash("sha256").update(stored).digest("hex"));

  const pulled = await runCli(["pull", `churn@${result.version}`, "--out", "served", "--manifest", "m/manifest.json"], {
    cwd: dir,
  });
  expect(pulled.exitCode, pulled.stderr).toBe(0);
  expect(pulled.stdout).toContain("Its manifest, as stored: m/manifest.json");
  expect(await readFile(path.join(dir, "m/manifest.json"))).toEqual(stored);

  const deployed = await runCli(["deploy", "production", "--version", result.version, "--force"], { cwd: dir });
  expect(deployed.exitCode, deployed.stderr).toBe(0);
  expect(await readFile(path.join(dir, "deployed-manifest.json"))).toEqual(stored);
});
