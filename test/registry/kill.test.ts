import { type ChildProcess, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { describe, expect, it, onTestFinished } from "vitest";
import { createRegistry } from "../../src/registry/registry.ts";
import { sequenceClaimants } from "../../src/registry/sequence.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { sdkClient } from "../helpers/s3-client.ts";
import { type S3Target, storeBackends, useBackend } from "../helpers/registry-backends.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { type Fault, startFaultProxy } from "../store/fault-proxy.ts";

/**
 * A publishing process SIGKILLed at two points: in the middle of a multipart upload, and right after it claimed its
 * version number, before its manifest. Afterwards no half version is visible, `mlops models list` works, a later
 * publish succeeds with a fresh number (never one handed out before), and `mlops models clean` removes the debris.
 * The process talks to the server through a proxy that holds the chosen request unanswered: the kill lands exactly
 * there. On s3rver (listing claims) and on Ceph's RADOS Gateway (exclusive claims).
 */

const backends = storeBackends(["s3rver", "rgw"]).map((backend) => [backend.label, backend] as const);
const MiB = 1024 * 1024;
const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;
const PUBLISHER = path.join(import.meta.dirname, "../helpers/publisher-main.ts");

function storeOn(target: S3Target) {
  return createS3Store(
    { bucket: target.bucket, prefix: target.prefix },
    { endpoint: target.endpoint, credentials: target.credentials },
  );
}

/** Starts a publishing process through a proxy; resolves once it sent the request `holdWhen` picks (held forever). */
async function publishUntil(
  target: S3Target,
  files: { path: string; source: string }[],
  holdWhen: (request: { method: string; url: string }) => boolean,
): Promise<{ child: ChildProcess; held: string }> {
  let reached: (url: string) => void = () => undefined;
  const holding = new Promise<string>((resolve) => (reached = resolve));
  const proxy = await startFaultProxy(target.endpoint, (request): Fault => {
    if (!holdWhen(request)) return "pass";
    reached(`${request.method} ${request.url}`);
    return "hold";
  });
  onTestFinished(() => proxy.close());
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      PUBLISHER,
      JSON.stringify({ ...target, endpoint: proxy.endpoint, model: "churn", files, clockOffsetMs: -TWO_DAYS_MS }),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  onTestFinished(async () => {
    child.kill("SIGKILL");
    await exited;
  });
  const held = await Promise.race([
    holding,
    exited.then((code) =>
      Promise.reject(new Error(`the publisher ended (${code}) before the held request: ${output}`)),
    ),
  ]);
  return { child, held };
}

async function sigkill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

/** A project whose mlops.yml points at the backend's bucket and prefix, for `mlops models ...`. */
async function projectOn(target: S3Target): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, {
    "mlops.yml": `version: 1\nmodel: { name: churn }\nregistry: { uri: "s3://${target.bucket}/${target.prefix}", endpoint: "${target.endpoint}", force_path_style: true }\n`,
  });
  return dir;
}

async function unfinishedUploads(target: S3Target): Promise<number> {
  const client = sdkClient(target);
  try {
    const page = await client.send(new ListMultipartUploadsCommand({ Bucket: target.bucket, Prefix: target.prefix }));
    return page.Uploads?.length ?? 0;
  } finally {
    client.destroy();
  }
}

describe.each(backends)("a publisher killed on %s", (_name, backend) => {
  useBackend(backend);

  async function setup() {
    const target = backend.target();
    if (!target) throw new Error("no server");
    const dir = await tempDir();
    const weights = Buffer.alloc(20 * MiB, 3);
    await writeFile(path.join(dir, "config.json"), '{"layers": 2}\n');
    await writeFile(path.join(dir, "weights.bin"), weights);
    const files = [
      { path: "model/config.json", source: path.join(dir, "config.json") },
      { path: "model/weights.bin", source: path.join(dir, "weights.bin") },
    ];
    const project = await projectOn(target);
    const cli = (...argv: string[]) => runCli(argv, { cwd: project, env: target.env });
    return { target, files, cli, store: storeOn(target) };
  }

  /** What must hold after any kill: nothing half visible, the listing works, a later publish gets `expected`. */
  async function afterTheKill(
    { target, files, cli }: Awaited<ReturnType<typeof setup>>,
    expected: number,
  ): Promise<{ dead: string; later: string }> {
    const registry = createRegistry(storeOn(target));
    expect(await registry.versions("churn")).toEqual([]);
    expect(await registry.models()).toEqual([]);
    const listed = await cli("models", "--json");
    expect(listed.exitCode, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { versions: unknown[] }).versions).toEqual([]);

    const [dead, ...others] = await storeOn(target).folders("churn/versions/");
    expect(others).toEqual([]);
    const later = await registry.publish(publishInput({ model: "churn", files }));
    expect(later.sequence).toBe(expected);
    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([later.version]);
    expect((await registry.resolve("churn", String(expected)))?.version).toBe(later.version);
    return { dead: dead ?? "", later: later.version };
  }

  it("in the middle of a multipart upload", async () => {
    const setupped = await setup();
    const { child, held } = await publishUntil(
      setupped.target,
      setupped.files,
      ({ method, url }) => method === "PUT" && url.includes("weights.bin") && url.includes("partNumber=2"),
    );
    expect(held).toMatch(/^PUT .*\/files\/model\/weights\.bin\?.*partNumber=2/);
    await sigkill(child);

    // It had not claimed a number: the next publish gets 1.
    const { dead, later } = await afterTheKill(setupped, 1);
    if (backend.name === "rgw") expect(await unfinishedUploads(setupped.target)).toBe(1);

    const cleaned = await setupped.cli("models", "clean", "--json");
    expect(cleaned.exitCode, cleaned.stderr).toBe(0);
    expect(JSON.parse(cleaned.stdout)).toMatchObject({ model: "churn", versions: [dead] });
    expect(await setupped.store.folders("churn/versions/")).toEqual([later]);
    // The unfinished upload is the server's (dated by it, not by the dead publisher): a clean a day later aborts it
    // where the server can list uploads (RGW; s3rver cannot, a lifecycle rule must).
    const tomorrow = createRegistry(setupped.store, () => new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect((await tomorrow.clean("churn")).uploads).toBe(backend.name === "rgw" ? 1 : 0);
    if (backend.name === "rgw") expect(await unfinishedUploads(setupped.target)).toBe(0);
  });

  it("right after it claimed its number, before its manifest", async () => {
    const setupped = await setup();
    const { child, held } = await publishUntil(
      setupped.target,
      setupped.files,
      ({ method, url }) => method === "PUT" && url.includes("/manifest.json"),
    );
    await sigkill(child);
    const deadVersion = /\/versions\/([^/]+)\/manifest\.json/.exec(held)?.[1] ?? "";
    // Number 1 stays with the dead publish, skipped but never handed out again.
    expect(await sequenceClaimants(setupped.store, "churn", 1)).toEqual([deadVersion]);

    const { dead } = await afterTheKill(setupped, 2);
    expect(dead).toBe(deadVersion);
    expect(await sequenceClaimants(setupped.store, "churn", 1)).toEqual([deadVersion]);

    const cleaned = await setupped.cli("models", "clean", "--json");
    expect(cleaned.exitCode, cleaned.stderr).toBe(0);
    expect(JSON.parse(cleaned.stdout)).toMatchObject({ model: "churn", versions: [deadVersion], objects: 2 });
    expect(await setupped.store.list(`churn/versions/${deadVersion}/`)).toEqual([]);
    const registry = createRegistry(setupped.store);
    expect(await registry.resolve("churn", "1")).toBeUndefined();
    expect((await registry.resolve("churn", "2"))?.sequence).toBe(2);
  });
});
