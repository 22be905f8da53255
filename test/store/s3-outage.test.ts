import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { ExternalError } from "../../src/errors.ts";
import { createS3Store, type S3Options } from "../../src/store/s3-store.ts";
import { killableServer, type S3Target, storeBackends, useBackend } from "../helpers/registry-backends.ts";
import { withShortcuts } from "../helpers/store-shortcuts.ts";
import { tempDir } from "../helpers/temp.ts";
import { type Fault, startFaultProxy } from "./fault-proxy.ts";

/**
 * Every S3 store call against a server that goes away: killed and back on the same port a few seconds later (the
 * call completes, retrying), killed for good (the call gives up after its budget and says how long it tried), and
 * answers that no retry can change (never retried). On s3rver and on Ceph's RADOS Gateway.
 */

const backends = storeBackends(["s3rver", "rgw"]).map((backend) => [backend.label, backend] as const);
const MiB = 1024 * 1024;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

function storeOn(target: S3Target, options: S3Options = {}) {
  return withShortcuts(
    createS3Store(
      { bucket: target.bucket, prefix: target.prefix },
      { endpoint: target.endpoint, credentials: target.credentials, ...options },
    ),
  );
}

describe.each(backends)("an S3 store on %s", (_name, backend) => {
  useBackend(backend);

  it("finishes every kind of call made while the server restarts (back on its port 3 s later)", async () => {
    const server = await killableServer(backend);
    const dir = await tempDir();
    const big = Buffer.alloc(20 * MiB, 7);
    await writeFile(path.join(dir, "big.bin"), big);
    await writeFile(path.join(dir, "small.txt"), "small");
    const before = storeOn(server);
    await before.put("kept/a.json", '{"a":1}');
    await before.put("kept/b.json", '{"b":2}');
    await before.put("gone/c.json", "{}");
    await before.put("nested/x/1.json", "{}");
    await before.put("nested/y/2.json", "{}");
    await before.upload("kept/big.bin", path.join(dir, "big.bin"));

    // A fresh store, as a new job: its first requests meet the dead server.
    const store = storeOn(server, { queueSize: 2 });
    await server.kill();
    const calls = Promise.all([
      store.get("kept/a.json"),
      store.put("new/put.json", "{}"),
      store.list("kept/"),
      store.head("kept/b.json"),
      store.exists("kept/none.json"),
      store.create("new/created.json", "mine"),
      store.upload("new/small.txt", path.join(dir, "small.txt")),
      store.upload("new/big.bin", path.join(dir, "big.bin")),
      store.download("kept/big.bin", path.join(dir, "out", "big.bin")),
      store.delete("gone/c.json"),
      store.folders("nested/"),
      store.discardIncomplete("new/", new Date(0)),
    ]);
    await sleep(3000);
    await server.restart();
    const [got, , listed, head, exists, created, small, uploaded, downloaded, , folders, discarded] = await calls;

    expect(got?.toString()).toBe('{"a":1}');
    expect(listed).toEqual(["kept/a.json", "kept/b.json", "kept/big.bin"]);
    expect(head?.size).toBe(7);
    expect(exists).toBe(false);
    expect(created).toBe(true);
    expect(small).toEqual({ size: 5, sha256: sha256(Buffer.from("small")) });
    expect(uploaded).toEqual({ size: big.length, sha256: sha256(big) });
    expect(downloaded).toEqual({ size: big.length, sha256: sha256(big) });
    expect((await readFile(path.join(dir, "out", "big.bin"))).equals(big)).toBe(true);
    expect(folders).toEqual(["x", "y"]);
    expect(discarded).toBe(0);
    const after = storeOn(server);
    expect((await after.get("new/created.json"))?.toString()).toBe("mine");
    expect(await after.exists("gone/c.json")).toBe(false);
    const landed = path.join(dir, "out", "landed.bin");
    expect(await after.download("new/big.bin", landed)).toBeDefined();
    expect((await readFile(landed)).equals(big)).toBe(true);
  });

  it("gives up on a server that stays down after its budget, saying how long it tried", async () => {
    const server = await killableServer(backend);
    const store = storeOn(server, { retrySeconds: 1 });
    await server.kill();
    const error = await store.get("any.json").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).describe()).toMatch(
      new RegExp(
        `^cannot read s3://mlops-tests/${server.prefix}/any\\.json: ${server.endpoint.replace(/\./g, "\\.")} is unreachable \\(ECONNREFUSED\\); retried for \\d+ s\\n` +
          "  hint: check the network and registry.endpoint; raise registry.retry_seconds to wait longer$",
      ),
    );
  });

  it("never retries what cannot succeed: 403, 404 meaning absent, 412", async () => {
    const target = backend.target();
    if (!target) throw new Error("no server");
    await storeOn(target).put("exists.json", "{}");
    const plan = ({ method, url }: { method: string; url: string }): Fault =>
      url.includes("denied") ? 403 : method === "PUT" && url.includes("taken") ? 412 : "pass";
    const proxy = await startFaultProxy(target.endpoint, plan);
    onTestFinished(() => proxy.close());
    const store = storeOn({ ...target, endpoint: proxy.endpoint });

    await expect(store.get("denied.json")).rejects.toThrow(/: access denied$/);
    expect(await store.get("absent.json")).toBeUndefined();
    expect(await store.download("absent.bin", path.join(await tempDir(), "x"))).toBeUndefined();
    expect(await store.create("taken.json", "{}")).toBe(false);
    expect(await store.create("exists.json", "again")).toBe(false);
    const requests = (fragment: string): number => proxy.log.filter((r) => r.url.includes(fragment)).length;
    expect(requests("denied.json")).toBe(1);
    expect(requests("absent.json")).toBe(1);
    expect(requests("absent.bin")).toBe(1);
    // A check, then at most one conditional PUT (none where the server's If-None-Match is known to work).
    expect(requests("taken.json")).toBeLessThanOrEqual(2);
    expect(proxy.log.filter((r) => r.url.includes("exists.json") && r.method === "PUT")).toHaveLength(0);
  });
});
