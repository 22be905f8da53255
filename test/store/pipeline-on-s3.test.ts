import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { REPO_ROOT } from "../helpers/runner.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";

/** The whole pipeline with the registry in a bucket: the same commands, only registry.uri changes. */

let server: S3Server;
let project: string;

beforeAll(async () => {
  server = await startS3Server(["ml-models"]);
  project = await mkdtemp(path.join(os.tmpdir(), "mlops-s3-pipeline-"));
  await cp(path.join(REPO_ROOT, "examples/penguins"), project, {
    recursive: true,
    filter: (s) => !/[/\\](\.mlops|model|predictions\.csv)$/.test(s),
  });
  const config = await readFile(path.join(project, "mlops.yml"), "utf8");
  await writeFile(
    path.join(project, "mlops.yml"),
    `${config}\nregistry: { uri: "s3://ml-models/registry", endpoint: "${server.endpoint}", force_path_style: true }\n`,
  );
});
afterAll(async () => {
  await server.stop();
  await rm(project, { recursive: true, force: true });
});

async function mlops(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: { ...process.env, ...server.env },
    cwd: project,
    color: false,
  });
  return { code, out, err };
}

it("publishes to the bucket, gates the next run against the champion there, and lists it", async () => {
  const first = await mlops("run");
  expect(first.code, first.err).toBe(0);
  expect(first.out).toContain("promoted to champion");
  const second = await mlops("run", "--set", "epochs=3");
  expect(second.code).toBe(1);
  expect(second.out).toMatch(/Baseline: champion \(v\d{8}T/);
  const list = await mlops("models", "--json");
  const listing = JSON.parse(list.out) as {
    registry: string;
    versions: { gate: { verdict: string } }[];
    aliases: Record<string, string>;
  };
  expect(listing.registry).toBe("s3://ml-models/registry");
  expect(listing.versions.map((v) => v.gate.verdict)).toEqual(["pass", "fail"]);
  expect(Object.keys(listing.aliases)).toEqual(["champion"]);
});

it("an unreachable registry is one clear error with exit 2 saying how long it tried, never a silent first run", async () => {
  const config = await readFile(path.join(project, "mlops.yml"), "utf8");
  await writeFile(
    path.join(project, "mlops.yml"),
    config
      .replace(server.endpoint, "http://127.0.0.1:9")
      .replace("force_path_style: true", "force_path_style: true, retry_seconds: 2"),
  );
  const gate = await mlops("gate");
  expect(gate.code).toBe(2);
  expect(gate.err).toMatch(
    /cannot list s3:\/\/ml-models\/registry\/penguins\/aliases\/champion: http:\/\/127\.0\.0\.1:9 is unreachable \(ECONNREFUSED\); retried for \d+ s \(check the network and registry\.endpoint; raise registry\.retry_seconds to wait longer\)\n/,
  );
  expect(gate.err).not.toMatch(/\n\s+at /);
});
