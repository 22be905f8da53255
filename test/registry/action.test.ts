import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Store } from "../../src/store/s3-store.ts";
import { runCli } from "../helpers/cli.ts";
import { runBundledAction } from "../helpers/runner.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** actions/publish, bundled and run the way the runner runs it, with the registry in a bucket. */

let server: S3Server;
beforeAll(async () => {
  server = await startS3Server(["models"]);
});
afterAll(() => server.stop());

async function workspace(endpoint: string): Promise<string> {
  const dir = await tempDir();
  const config = (at: string): string => `version: 1
model: { name: churn }
evaluate: { metrics_file: metrics.json }
gate:
  rules:
    - { metric: score, min: 0.5, direction: higher }
publish: { files: [model/] }
registry: { uri: "s3://models/prod", endpoint: "${at}", force_path_style: true }
`;
  await writeFiles(dir, {
    "mlops.yml": config(server.endpoint),
    "model/weights.bin": "weights",
    "metrics.json": '{"score": 0.9}',
  });
  // What the evaluate and gate steps leave in the same job's workspace.
  for (const stage of ["evaluate", "gate"]) {
    const result = await runCli([stage], { cwd: dir, env: server.env });
    expect(result.exitCode, result.stderr).toBe(0);
  }
  await writeFile(path.join(dir, "mlops.yml"), config(endpoint));
  return dir;
}

describe("actions/publish", () => {
  it("publishes to the bucket on main, promotes, and sets version, sequence, uri and manifest", async () => {
    const dir = await workspace(server.endpoint);
    const run = await runBundledAction("publish", {}, { workspace: dir, env: server.env });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ result: "published", sequence: "1", promoted: "champion" });
    const version = run.outputs.version ?? "";
    expect(version).toMatch(/^v\d{8}T\d{9}Z-[0-9a-f]{6}$/);
    expect(run.outputs.uri).toBe(`s3://models/prod/churn/versions/${version}`);
    expect(run.outputs.manifest).toBe(`s3://models/prod/churn/versions/${version}/manifest.json`);
    expect(run.stdout).toContain("uploaded model/weights.bin: 7 B in");
  });

  it("does not promote a run on another branch", async () => {
    const dir = await workspace(server.endpoint);
    const run = await runBundledAction(
      "publish",
      {},
      {
        workspace: dir,
        env: { ...server.env, GITHUB_REF: "refs/heads/experiment" },
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.promoted).toBe("");
    expect(run.summary).toContain("Not promoted to champion: refs/heads/experiment is not one of publish");
  });

  it("masks the credentials before anything is logged, and fails with one clear message", async () => {
    const dir = await workspace("http://127.0.0.1:9");
    const secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
    const token = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
    const run = await runBundledAction(
      "publish",
      {},
      {
        workspace: dir,
        env: {
          AWS_ACCESS_KEY_ID: "AKIAEXAMPLEKEYID",
          AWS_SECRET_ACCESS_KEY: secret,
          AWS_SESSION_TOKEN: token,
          AWS_MAX_ATTEMPTS: "1",
        },
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe("error");
    const log = run.stdout + run.stderr;
    // The runner masks a value once it has seen ::add-mask:: for it; the value itself appears in nothing else.
    for (const value of [secret, token, "AKIAEXAMPLEKEYID"]) {
      expect(log.split("\n").filter((line) => line.includes(value))).toEqual([`::add-mask::${value}`]);
    }
    expect(log.indexOf("::add-mask::")).toBeLessThan(log.indexOf("::error"));
    expect(run.annotations.map((a) => a.message)).toContainEqual(
      expect.stringMatching(
        /^cannot list s3:\/\/models\/prod\/churn\/versions\/v\S+: http:\/\/127\.0\.0\.1:9 is unreachable \(ECONNREFUSED\)/,
      ),
    );
    expect(log).not.toMatch(/\n\s+at /);
  });

  it("warns about a damaged alias entry it meets, and its promotion repairs the alias", async () => {
    const dir = await workspace(server.endpoint);
    const first = await runBundledAction("publish", {}, { workspace: dir, env: server.env });
    expect(first.outputs.promoted).toBe("champion");
    // The champion's last (only) move is damaged: where champion points is unknown.
    const store = createS3Store(
      { bucket: "models", prefix: "prod" },
      { endpoint: server.endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
    );
    const entries = await store.list("churn/aliases/champion/");
    const last = entries.at(-1) ?? "";
    await store.put(last, "{ trunc");

    const second = await runBundledAction("publish", {}, { workspace: dir, env: server.env });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs.promoted).toBe("champion");
    expect(second.annotations).toContainEqual(
      expect.objectContaining({
        level: "warning",
        message: expect.stringContaining(`${last} in s3://models/prod is not valid JSON`) as unknown,
      }),
    );
    const champion = JSON.parse(
      (await store.get((await store.list("churn/aliases/champion/")).at(-1) ?? ""))?.toString() ?? "",
    ) as {
      to: string;
      from: string | null;
    };
    expect(champion).toMatchObject({ to: second.outputs.version, from: null });
  });
});
