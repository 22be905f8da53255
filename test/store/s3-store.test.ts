import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createHash } from "node:crypto";
import { CreateMultipartUploadCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { ExternalError, InputError } from "../../src/errors.ts";
import { CorruptObjectError, ObjectExistsError, ObjectTooLargeError } from "../../src/store/object-store.ts";
import { openObjectStore } from "../../src/store/open.ts";
import { createS3Store, describeS3Error } from "../../src/store/s3-store.ts";
import { type S3Target, storeBackends, useBackend } from "../helpers/registry-backends.ts";
import { sdkClient } from "../helpers/s3-client.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { startFaultProxy } from "./fault-proxy.ts";

/**
 * The same contract for every backend: a real folder, s3rver and Ceph's RADOS Gateway (helpers/registry-backends.ts).
 * Where the servers differ (conditional writes, listing multipart uploads), the tests say which does what.
 */

let server: S3Server;
let folder: string;
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

beforeAll(async () => {
  server = await startS3Server(["models"]);
  folder = await mkdtemp(path.join(os.tmpdir(), "mlops-store-"));
});
afterAll(async () => {
  await server.stop();
  await rm(folder, { recursive: true, force: true });
});

// General object stores only: the GitHub store keeps files only inside versions (release assets) and small objects on
// a ref (src/store/github/layout.ts), so these tests of arbitrary keys do not apply to it; the registry's contract
// suites (test/registry) run on it instead.
const backends = storeBackends(["folder", "s3rver", "rgw"]).map((backend) => [backend.label, backend] as const);

describe.each(backends)("%s object store", (_name, backend) => {
  useBackend(backend);
  const open = () => Promise.resolve(backend.open(folder));
  it("puts, gets, lists (recursively, sorted), checks and deletes objects", async () => {
    const store = await open();
    await store.put("m/b.json", '{"b":1}');
    await store.put("m/a/x.bin", Buffer.from([0, 1, 2, 255]));
    await store.put("other/c.txt", "c");
    expect((await store.get("m/b.json"))?.toString()).toBe('{"b":1}');
    expect([...((await store.get("m/a/x.bin")) ?? [])]).toEqual([0, 1, 2, 255]);
    expect(await store.get("m/missing.json")).toBeUndefined();
    expect(await store.list("m/")).toEqual(["m/a/x.bin", "m/b.json"]);
    expect(await store.list("nothing/")).toEqual([]);
    expect(await store.exists("m/b.json")).toBe(true);
    expect(await store.exists("m/zzz")).toBe(false);
    await store.delete("m/b.json");
    expect(await store.exists("m/b.json")).toBe(false);
  });

  it("streams files in and out unchanged (a multipart-sized file)", async () => {
    const store = await open();
    const source = path.join(folder, "big.bin");
    // 20 MiB: more than two 8 MiB parts, so the S3 backend goes multipart.
    const content = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 4096) content.writeUInt32LE(i, i);
    await writeFile(source, content);
    await store.putFile("files/big.bin", source);
    const target = path.join(folder, "out", "big.bin");
    expect(await store.getToFile("files/big.bin", target)).toBe(true);
    expect((await readFile(target)).equals(content)).toBe(true);
    expect(await store.getToFile("files/none.bin", path.join(folder, "none.bin"))).toBe(false);
  });

  it("refuses keys that would leave the store or hop between its folders", async () => {
    const store = await open();
    await expect(store.put("../escape.txt", "x")).rejects.toThrow(/leads outside/);
    await expect(store.get("/etc/passwd")).rejects.toThrow(/absolute/);
    for (const key of ["m/versions/../aliases/x", "m//x", "m/./x", "m/x\u0000y", "m\\..\\x"]) {
      await expect(store.put(key, "x"), key).rejects.toThrow(InputError);
    }
    await expect(store.list("m/../")).rejects.toThrow(InputError);
  });

  it("uploads a file and returns the sha256 of the bytes it sent, in one read", async () => {
    const store = await open();
    const source = path.join(folder, "upload.bin");
    const content = Buffer.alloc(17 * 1024 * 1024 + 3);
    for (let i = 0; i + 4 <= content.length; i += 1024) content.writeUInt32LE((i ^ 0x5a5a5a5a) >>> 0, i);
    await writeFile(source, content);
    const seen: number[] = [];
    const digest = await store.upload("up/file.bin", source, { onProgress: (bytes) => seen.push(bytes) });
    expect(digest).toEqual({ size: content.length, sha256: createHash("sha256").update(content).digest("hex") });
    expect(seen.at(-1)).toBe(content.length);
    // get holds small objects only: this one is read back through download.
    await expect(store.get("up/file.bin")).rejects.toThrow(ObjectTooLargeError);

    const target = path.join(folder, "down", "file.bin");
    expect(await store.download("up/file.bin", target, { expected: digest })).toEqual(digest);
    expect((await readFile(target)).equals(content)).toBe(true);
    expect(await store.download("up/none.bin", target)).toBeUndefined();
  });

  it("a create-only upload never replaces an object where the store can refuse it", async () => {
    const store = await open();
    const small = path.join(folder, "create-only-small.bin");
    const large = path.join(folder, "create-only-large.bin");
    await writeFile(small, "first");
    // Larger than a part (8 MiB): a multipart upload, whose completion carries the condition.
    await writeFile(large, Buffer.alloc(9 * 1024 * 1024, 7));
    expect(await store.upload("once/small.bin", small, { createOnly: true })).toMatchObject({ size: 5 });
    expect(await store.upload("once/large.bin", large, { createOnly: true })).toMatchObject({ size: 9 * 1024 * 1024 });

    await writeFile(small, "second");
    const again = store.upload("once/small.bin", small, { createOnly: true });
    // A folder and RGW refuse the second PUT (412); s3rver ignores If-None-Match and overwrites.
    if (backend.name === "s3rver") await again;
    else await expect(again).rejects.toThrow(ObjectExistsError);
    expect((await store.get("once/small.bin"))?.toString()).toBe(backend.name === "s3rver" ? "second" : "first");
    // RGW 16.2 ignores the condition on a multipart completion (AWS honours it); a folder refuses.
    const largeAgain = store.upload("once/large.bin", large, { createOnly: true });
    if (backend.name === "folder") await expect(largeAgain).rejects.toThrow(ObjectExistsError);
    else await largeAgain;
  });

  it("refuses a download whose bytes differ from the expected digest and keeps the old file", async () => {
    const store = await open();
    await store.put("up/small.txt", "the stored bytes");
    const target = path.join(folder, "kept.txt");
    await writeFile(target, "what was there before");
    const expected = { size: 16, sha256: "0".repeat(64) };
    const error = await store.download("up/small.txt", target, { expected }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptObjectError);
    expect((error as CorruptObjectError).actual).toEqual({
      size: 16,
      sha256: createHash("sha256").update("the stored bytes").digest("hex"),
    });
    expect(await readFile(target, "utf8")).toBe("what was there before");
  });

  it("describes an object without reading it: size, and an ETag that changes when the content does", async () => {
    const store = await open();
    await store.put("head/a.csv", "a,b\n1,2\n");
    const first = await store.head("head/a.csv");
    expect(first?.size).toBe(8);
    expect(first?.etag).toMatch(/\S{6,}/);
    expect(await store.head("head/a.csv")).toEqual(first);
    await store.put("head/a.csv", "a,b\n1,3\n");
    const second = await store.head("head/a.csv");
    expect(second?.size).toBe(8);
    expect(second?.etag).not.toBe(first?.etag);
    expect(await store.head("head/missing.csv")).toBeUndefined();
  });

  it("creates an object only when its key is free", async () => {
    const store = await open();
    expect(await store.create("c/once.json", "first")).toBe(true);
    expect(await store.create("c/once.json", "second")).toBe(false);
    expect((await store.get("c/once.json"))?.toString()).toBe("first");
  });

  it("knows whether create is exclusive, and where it is, exactly one of many creators of a key wins", async () => {
    const place = backend.place(folder);
    // s3rver ignores If-None-Match (answers 200 and overwrites); a folder links, RGW answers 412.
    const exclusive = await place().createIsExclusive("probe");
    expect(exclusive).toBe(backend.name !== "s3rver");
    if (!exclusive) return;
    const wins = await Promise.all(Array.from({ length: 12 }, (_, i) => place().create("race/key.json", `${i}`)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect((await place().get("race/key.json"))?.toString()).toBe(String(wins.indexOf(true)));
    // The probe leaves nothing behind.
    expect(await place().list("probe/")).toEqual([]);
  });

  it("lists the immediate folders of a prefix", async () => {
    const store = await open();
    await store.put("f/a/1.txt", "1");
    await store.put("f/a/deep/2.txt", "2");
    await store.put("f/b/3.txt", "3");
    await store.put("f/top.txt", "t");
    expect(await store.folders("f/")).toEqual(["a", "b"]);
    expect(await store.folders("f/a/")).toEqual(["deep"]);
    expect(await store.folders("nothing/")).toEqual([]);
  });
});

const s3Backends = storeBackends(["s3rver", "rgw"]).map((backend) => [backend.label, backend] as const);

describe.each(s3Backends)("an S3 store on %s", (_name, backend) => {
  useBackend(backend);
  const target = (): S3Target => {
    const found = backend.target();
    if (!found) throw new Error("no server");
    return found;
  };
  const storeOn = (at: S3Target, endpoint = at.endpoint) =>
    createS3Store({ bucket: at.bucket, prefix: at.prefix }, { endpoint, credentials: at.credentials });

  /** A store behind a proxy that passes the first request `matches` picks to the server but drops its answer. */
  async function losingFirstAnswer(matches: (request: { method: string; url: string }) => boolean) {
    const at = target();
    const seen = { count: 0 };
    const proxy = await startFaultProxy(at.endpoint, (request) =>
      matches(request) && seen.count++ === 0 ? "lose-answer" : "pass",
    );
    onTestFinished(() => proxy.close());
    return { at, seen, proxy, store: storeOn(at, proxy.endpoint) };
  }

  it("counts a create whose answer was lost as the caller's when the stored bytes are its own", async () => {
    const { seen: lost, store } = await losingFirstAnswer(
      ({ method, url }) => method === "PUT" && url.includes("lost.json"),
    );
    // The first PUT lands but its answer never comes; the retry meets the object (412 where conditions work).
    expect(await store.create("c/lost.json", "mine")).toBe(true);
    expect(lost.count).toBeGreaterThanOrEqual(2);
    expect((await store.get("c/lost.json"))?.toString()).toBe("mine");
    expect(await store.create("c/lost.json", "theirs")).toBe(false);
  });

  it("finishes a multipart upload whose completion answer was lost", async () => {
    const {
      at,
      seen: lost,
      proxy,
      store,
    } = await losingFirstAnswer(({ method, url }) => method === "POST" && url.includes("uploadId="));
    const source = path.join(folder, `lost-complete-${backend.name}.bin`);
    const content = Buffer.alloc(9 * 1024 * 1024, 5);
    await writeFile(source, content);
    const digest = await store.upload("up/lost.bin", source);
    // Completed once; the retry found the object whole instead of completing again.
    expect(lost.count).toBe(1);
    expect(proxy.log.filter((r) => r.method === "HEAD" && r.url.includes("lost.bin"))).toHaveLength(1);
    expect(digest).toEqual({ size: content.length, sha256: createHash("sha256").update(content).digest("hex") });
    expect((await storeOn(at).get("up/lost.bin"))?.equals(content)).toBe(true);
  });

  it("aborts unfinished multipart uploads where the server can list them (RGW; s3rver answers 501)", async () => {
    const at = target();
    const client = sdkClient(at);
    await client.send(new CreateMultipartUploadCommand({ Bucket: at.bucket, Key: `${at.prefix}/m/half.bin` }));
    client.destroy();
    const store = storeOn(at);
    expect(await store.discardIncomplete("m/", new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.discardIncomplete("m/", new Date(Date.now() + 60_000))).toBe(backend.name === "rgw" ? 1 : 0);
    expect(await store.discardIncomplete("m/", new Date(Date.now() + 60_000))).toBe(0);
  });

  it("reads from a missing bucket are an error, not an empty store", async () => {
    const at = target();
    const store = createS3Store(
      { bucket: "no-such-bucket", prefix: "" },
      { endpoint: at.endpoint, credentials: at.credentials },
    );
    await expect(store.get("x.json")).rejects.toThrow(
      "cannot read s3://no-such-bucket/x.json: the bucket does not exist",
    );
    await expect(store.list("m/")).rejects.toThrow("cannot list s3://no-such-bucket/m: the bucket does not exist");
  });
});

describe("unfinished writes", () => {
  it("a folder store hides temporary files and removes the old ones", async () => {
    const dir = path.join(folder, "tmp-store");
    const store = await openObjectStore(dir, folder);
    await store.put("m/kept.txt", "k");
    await writeFile(path.join(dir, "m", "half.bin.tmp-0123456789ab"), "half");
    expect(await store.list("m/")).toEqual(["m/kept.txt"]);
    expect(await store.discardIncomplete("m/", new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.discardIncomplete("m/", new Date(Date.now() + 60_000))).toBe(1);
    expect(await store.list("m/")).toEqual(["m/kept.txt"]);
  });
});

describe("s3 failures are one clear message", () => {
  it("an unreachable endpoint names the URI and the endpoint", async () => {
    const store = createS3Store(
      { bucket: "models", prefix: "" },
      { endpoint: "http://127.0.0.1:9", credentials, maxAttempts: 1 },
    );
    const error = await store.get("x.json").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).message).toBe(
      "cannot read s3://models/x.json: http://127.0.0.1:9 is unreachable (ECONNREFUSED)",
    );
  });

  it("a missing bucket says so", async () => {
    const store = createS3Store(
      { bucket: "no-such-bucket", prefix: "" },
      { endpoint: server.endpoint, credentials, maxAttempts: 1 },
    );
    await expect(store.put("x.json", "{}")).rejects.toThrow(
      "cannot write s3://no-such-bucket/x.json: the bucket does not exist",
    );
  });

  // s3rver accepts any signature, so refusals are checked on the mapping itself, with the SDK's own exception type.
  it.each([
    ["AccessDenied", 403, "cannot read s3://b/k: access denied"],
    ["SignatureDoesNotMatch", 403, "cannot read s3://b/k: the credentials were refused (SignatureDoesNotMatch)"],
    ["SlowDown", 503, "cannot read s3://b/k: AWS S3 answered 503 SlowDown"],
  ])("%s reads as one sentence", (name, status, message) => {
    const error = new S3ServiceException({ name, $fault: "client", $metadata: { httpStatusCode: status } });
    expect(describeS3Error("read", "s3://b/k", error).message).toBe(message);
  });
});
