import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { ExternalError } from "../../src/errors.ts";
import { createRegistry, type PublishInput, type Registry } from "../../src/registry/registry.ts";
import { createS3Store, type S3Options } from "../../src/store/s3-store.ts";
import {
  killableServer,
  type OwnS3Server,
  type S3Target,
  storeBackends,
  useBackend,
} from "../helpers/registry-backends.ts";
import { startS3Server } from "../helpers/s3-server.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { type Fault, type FaultProxy, startFaultProxy } from "../store/fault-proxy.ts";

/**
 * The registry on S3 under faults: a server killed mid-publish and mid-pull that comes back on its port a few seconds
 * later (the job goes on), one that stays down (one clear message saying how long it tried, and nothing half
 * visible), 500/503 answers, a response cut off halfway, an object damaged on the server's disk. On s3rver and on
 * Ceph's RADOS Gateway (helpers/registry-backends.ts), except the damaged object, which needs s3rver's files.
 */

const backends = storeBackends(["s3rver", "rgw"]).map((backend) => [backend.label, backend] as const);
const MiB = 1024 * 1024;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function storeAt(target: Pick<S3Target, "endpoint" | "bucket" | "prefix" | "credentials">, options: S3Options = {}) {
  return createS3Store(
    { bucket: target.bucket, prefix: target.prefix },
    { endpoint: target.endpoint, credentials: target.credentials, ...options },
  );
}

function registryAt(target: S3Target, options: S3Options = {}, now = () => new Date()): Registry {
  return createRegistry(storeAt(target, options), now, { sleep: () => Promise.resolve() });
}

/** A deterministic file of `size` bytes (every 4 bytes a counter mixed with `seed`). */
function content(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) bytes.writeUInt32LE((i * 2654435761 + seed) >>> 0, i);
  return bytes;
}

async function project(bigSize: number): Promise<{ dir: string; input: PublishInput; big: Buffer }> {
  const dir = await tempDir();
  const big = content(bigSize, 7);
  await writeFiles(dir, { "model/config.json": '{"layers": 2}\n', "model/weights.bin": big });
  const input = publishInput({
    model: "churn",
    files: [
      { path: "model/config.json", source: path.join(dir, "model/config.json") },
      { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
    ],
    metrics: { accuracy: 0.9 },
    actor: "tester",
    kitVersion: "0.0.0-test",
  });
  return { dir, input, big };
}

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

describe.each(backends)("the server dies on %s", (_name, backend) => {
  useBackend(backend);

  /** Kills the server once, when `due` first says so; it comes back on its port `downMs` later. */
  function outage(server: OwnS3Server, downMs: number) {
    let over: Promise<void> | undefined;
    let bytesAtKill = -1;
    return {
      maybe(due: boolean, bytes: number): void {
        if (over || !due) return;
        bytesAtKill = bytes;
        over = (async () => {
          await server.kill();
          await sleep(downMs);
          await server.restart();
        })();
      },
      async done(): Promise<number> {
        await over;
        return bytesAtKill;
      },
    };
  }

  it("mid-publish, back on its port 5 s later: the publish completes with the default retry budget", async () => {
    const server = await killableServer(backend);
    const { dir, input, big } = await project(40 * MiB);
    // One part at a time, so most of the file is still to go when the server dies after the first part.
    const registry = registryAt(server, { queueSize: 1 });
    const down = outage(server, 5000);
    const manifest = await registry.publish(input, {
      onProgress: (event) => down.maybe(event.path === "model/weights.bin" && event.bytes >= 8 * MiB, event.bytes),
    });
    const bytesAtKill = await down.done();
    expect(bytesAtKill).toBeGreaterThan(0);
    expect(bytesAtKill).toBeLessThan(big.length);

    expect(manifest.sequence).toBe(1);
    expect(manifest.files[1]).toEqual({ path: "model/weights.bin", size: big.length, sha256: sha256(big) });
    const fresh = registryAt(server);
    expect((await fresh.versions("churn")).map((m) => m.version)).toEqual([manifest.version]);
    await fresh.pull(manifest, path.join(dir, "out"));
    expect((await readFile(path.join(dir, "out/model/weights.bin"))).equals(big)).toBe(true);
    expect((await fresh.publish(input)).sequence).toBe(2);
  });

  it("mid-pull, back on its port 3 s later: the pull completes, verified", async () => {
    const server = await killableServer(backend);
    const { dir, input, big } = await project(40 * MiB);
    const manifest = await registryAt(server).publish(input);
    const down = outage(server, 3000);
    const out = path.join(dir, "out");
    await registryAt(server).pull(manifest, out, {
      onProgress: (event) => down.maybe(event.path === "model/weights.bin" && event.bytes >= 4 * MiB, event.bytes),
    });
    const bytesAtKill = await down.done();
    expect(bytesAtKill).toBeGreaterThan(0);
    expect(bytesAtKill).toBeLessThan(big.length);
    expect((await readFile(path.join(out, "model/weights.bin"))).equals(big)).toBe(true);
    expect((await readdir(out)).sort()).toEqual(["model"]);
  });

  it("mid-upload for longer than the budget: one clear message, nothing half visible, debris cleaned a day later", async () => {
    const server = await killableServer(backend);
    const { dir, input, big } = await project(40 * MiB);
    const dying = registryAt(server, { retrySeconds: 1, queueSize: 2 });
    let killed: Promise<void> | undefined;
    const error: unknown = await dying
      .publish(input, {
        onProgress: (event) => {
          // Once the first 8 MiB part of weights.bin is in, with more parts still to go.
          if (!killed && event.path === "model/weights.bin" && event.bytes >= 8 * MiB) killed = server.kill();
        },
      })
      .catch((thrown: unknown) => thrown);
    await killed;
    expect(killed).toBeDefined();
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).describe()).toMatch(
      new RegExp(
        `^cannot upload to s3://mlops-tests/${server.prefix}/churn/versions/v\\d{8}T\\d{9}Z-[0-9a-f]{6}/files/model/weights\\.bin: ` +
          `${server.endpoint.replace(/\./g, "\\.")} is unreachable \\(E[A-Z]+\\); retried for \\d+ s\\n` +
          "  hint: check the network and registry.endpoint; raise registry.retry_seconds to wait longer$",
      ),
    );

    await server.restart();
    const registry = registryAt(server);
    expect(await registry.versions("churn")).toEqual([]);
    expect(await registry.models()).toEqual([]);
    expect(await registry.resolve("churn", "1")).toBeUndefined();

    const manifest = await registry.publish(input);
    expect(manifest.sequence).toBe(1);
    expect(manifest.files.find((f) => f.path === "model/weights.bin")).toEqual({
      path: "model/weights.bin",
      size: big.length,
      sha256: sha256(big),
    });
    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([manifest.version]);
    const out = path.join(dir, "pulled");
    await registry.pull(manifest, out);
    expect((await readFile(path.join(out, "model/weights.bin"))).equals(big)).toBe(true);

    // The interrupted publish left config.json (complete) under its own id; a day later a clean removes it, and
    // aborts its unfinished multipart upload where the server can list them (RGW; s3rver cannot).
    const store = storeAt(server);
    const dead = (await store.folders("churn/versions/")).filter((id) => id !== manifest.version);
    expect(dead).toHaveLength(1);
    expect(await registry.clean("churn")).toEqual({ versions: [], objects: 0, uploads: 0 });
    const tomorrow = registryAt(server, {}, () => new Date(Date.now() + 25 * 60 * 60 * 1000));
    const cleaned = await tomorrow.clean("churn");
    expect(cleaned.versions).toEqual(dead);
    expect(cleaned.objects).toBeGreaterThanOrEqual(1);
    expect(cleaned.uploads).toBe(backend.name === "rgw" ? 1 : 0);
    expect(await store.folders("churn/versions/")).toEqual([manifest.version]);
    expect((await tomorrow.versions("churn")).map((m) => m.version)).toEqual([manifest.version]);
  });
});

describe.each(backends)("transient failures on %s", (_name, backend) => {
  useBackend(backend);

  async function behindProxy(
    plan: (request: { method: string; url: string; n: number }) => Fault,
    options: S3Options = {},
  ) {
    const target = backend.target();
    if (!target) throw new Error("no server");
    const proxy: FaultProxy = await startFaultProxy(target.endpoint, plan);
    onTestFinished(() => proxy.close());
    return { proxy, target, registry: registryAt({ ...target, endpoint: proxy.endpoint }, options) };
  }

  it("retries 500 and 503 answers on every kind of request until the publish, promote and pull go through", async () => {
    // Every third request fails once (retries are new requests, so a retry gets through), alternating 500 and 503.
    const { proxy, registry } = await behindProxy(({ n }) => (n % 3 === 0 ? (n % 2 === 0 ? 500 : 503) : "pass"));
    const { dir, input, big } = await project(20 * MiB);
    const manifest = await registry.publish(input);
    await registry.moveAlias("churn", "champion", manifest.version, {
      at: new Date().toISOString(),
      actor: "tester",
      reason: "test",
      runUrl: null,
      forced: false,
    });
    const champion = await registry.resolve("churn", "champion");
    expect(champion?.version).toBe(manifest.version);
    await registry.pull(manifest, path.join(dir, "out"));
    expect((await readFile(path.join(dir, "out/model/weights.bin"))).equals(big)).toBe(true);

    const faults = proxy.log.filter((r) => r.fault !== "pass");
    expect(faults.filter((r) => r.fault === 500).length).toBeGreaterThan(2);
    expect(faults.filter((r) => r.fault === 503).length).toBeGreaterThan(2);
    // Part uploads, listings and reads were all among the failed-then-retried requests.
    expect(faults.some((r) => r.method === "PUT" && r.url.includes("partNumber="))).toBe(true);
    expect(faults.some((r) => r.method === "GET" && r.url.includes("list-type=2"))).toBe(true);
    expect(faults.some((r) => r.method === "GET" && !r.url.includes("list-type=2"))).toBe(true);
  });

  it("gives up after its budget with one clear message naming the object and how long it tried", async () => {
    const { proxy, target, registry } = await behindProxy(({ method }) => (method === "GET" ? 503 : "pass"), {
      retrySeconds: 1,
    });
    const error: unknown = await registry.resolve("churn", "champion").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).describe()).toMatch(
      new RegExp(
        `^cannot list s3://mlops-tests/${target.prefix}/churn/aliases/champion: http://127\\.0\\.0\\.1:\\d+ answered 503 SlowDown; retried for \\d+ s\\n` +
          " {2}hint: try again later, or raise registry.retry_seconds to wait longer$",
      ),
    );
    expect(proxy.log.length).toBeGreaterThan(1);
    expect(proxy.log.every((r) => r.fault === 503)).toBe(true);
  });

  it("downloads again when a response is cut off halfway", async () => {
    let cut = 0;
    const { registry } = await behindProxy(({ method, url }) => {
      if (method === "GET" && url.includes("weights.bin") && cut < 1) {
        cut++;
        return "truncate";
      }
      return "pass";
    });
    const { dir, input, big } = await project(12 * MiB);
    const manifest = await registry.publish(input);
    await registry.pull(manifest, path.join(dir, "out"));
    expect(cut).toBe(1);
    expect((await readFile(path.join(dir, "out/model/weights.bin"))).equals(big)).toBe(true);
  });
});

describe("an object damaged on the server", () => {
  it("is refused on pull, and nothing lands in the output folder", async () => {
    const storage = await tempDir();
    const s3 = await startS3Server(["models"], storage);
    onTestFinished(() => s3.stop());
    const registry = registryAt({ ...s3, bucket: "models", prefix: "team" });
    const { dir, input } = await project(1 * MiB);
    const manifest = await registry.publish(input);
    // s3rver keeps each object as a file named <name>._S3rver_object under the bucket's folder.
    const stored = path.join(
      storage,
      "models/team/churn/versions",
      manifest.version,
      "files/model/weights.bin._S3rver_object",
    );
    const bytes = await readFile(stored);
    bytes[12345] = (bytes[12345] ?? 0) ^ 0x01;
    await writeFile(stored, bytes);

    const out = path.join(dir, "out");
    const error: unknown = await registry.pull(manifest, out).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^model/weights\\.bin of churn ${manifest.version} is corrupted: the registry holds 1048576 bytes with sha256 [0-9a-f]{12}…, the manifest says 1048576 bytes with sha256 ${manifest.files[1]?.sha256.slice(0, 12)}…$`,
      ),
    );
    // All or nothing: --out did not exist before, so it does not exist after (see pull.test.ts).
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
