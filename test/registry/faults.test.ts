import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ExternalError } from "../../src/errors.ts";
import { createRegistry, type PublishInput, type Registry } from "../../src/registry/registry.ts";
import { createS3Store, type S3Options } from "../../src/store/s3-store.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { type Fault, type FaultProxy, startFaultProxy } from "../store/fault-proxy.ts";

/**
 * The registry on S3 under faults: a server that dies mid-upload, 500/503 answers, a response cut off halfway, an
 * object damaged on the server's disk. Each against a real S3 server (s3rver) on loopback.
 */

const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const MiB = 1024 * 1024;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function server(directory?: string): Promise<S3Server> {
  const started = await startS3Server(["models"], directory);
  stops.push(() => started.stop());
  return started;
}

function registryAt(endpoint: string, options: S3Options = {}, now = () => new Date()): Registry {
  const store = createS3Store({ bucket: "models", prefix: "team" }, { endpoint, credentials, ...options });
  return createRegistry(store, now, { sleep: () => Promise.resolve() });
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

describe("the server dies in the middle of a multipart upload", () => {
  it("leaves no visible version; a re-run succeeds; the debris is cleaned a day later", async () => {
    const storage = await tempDir();
    const first = await server(storage);
    const { dir, input, big } = await project(40 * MiB);
    const dying = registryAt(first.endpoint, { maxAttempts: 2, queueSize: 2 });
    let killed = false;
    const error: unknown = await dying
      .publish(input, {
        onProgress: (event) => {
          // Once the first 8 MiB part of weights.bin is in, with more parts still to go.
          if (!killed && event.path === "model/weights.bin" && event.bytes >= 8 * MiB) {
            killed = true;
            first.kill();
          }
        },
      })
      .catch((thrown: unknown) => thrown);
    expect(killed).toBe(true);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^cannot upload to s3://models/team/churn/versions/v\\d{8}T\\d{9}Z-[0-9a-f]{6}/files/model/weights\\.bin: ${first.endpoint.replace(/\./g, "\\.")} is unreachable \\(E[A-Z]+\\)$`,
      ),
    );

    // The same storage, a new server process (a new port).
    const second = await server(storage);
    const registry = registryAt(second.endpoint);
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

    // The interrupted publish left config.json (complete) under its own id; a day later a clean removes it.
    const store = createS3Store({ bucket: "models", prefix: "team" }, { endpoint: second.endpoint, credentials });
    const ids = await store.folders("churn/versions/");
    const dead = ids.filter((id) => id !== manifest.version);
    expect(dead).toHaveLength(1);
    expect(await registry.clean("churn")).toEqual({ versions: [], objects: 0, uploads: 0 });
    const tomorrow = registryAt(second.endpoint, {}, () => new Date(Date.now() + 25 * 60 * 60 * 1000));
    const cleaned = await tomorrow.clean("churn");
    expect(cleaned.versions).toEqual(dead);
    expect(cleaned.objects).toBeGreaterThanOrEqual(1);
    expect(await store.folders("churn/versions/")).toEqual([manifest.version]);
    expect((await tomorrow.versions("churn")).map((m) => m.version)).toEqual([manifest.version]);
  });
});

describe("transient failures", () => {
  async function behindProxy(plan: (request: { method: string; url: string; n: number }) => Fault, maxAttempts = 4) {
    const s3 = await server();
    const proxy: FaultProxy = await startFaultProxy(s3.endpoint, plan);
    stops.push(() => proxy.close());
    return { proxy, registry: registryAt(proxy.endpoint, { maxAttempts }) };
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

  it("gives up after its attempts with one clear message naming the object", async () => {
    const { proxy, registry } = await behindProxy(({ method }) => (method === "GET" ? 503 : "pass"), 2);
    const error: unknown = await registry.resolve("churn", "champion").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).describe()).toMatch(
      /^cannot list s3:\/\/models\/team\/churn\/aliases\/champion: http:\/\/127\.0\.0\.1:\d+ answered 503 SlowDown\n {2}hint: it was retried with backoff; try again later$/,
    );
    expect(proxy.log.map((r) => r.fault)).toEqual([503, 503]);
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
    const s3 = await server(storage);
    const registry = registryAt(s3.endpoint);
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
