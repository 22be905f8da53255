import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { openObjectStore } from "../../src/store/open.ts";
import { type ConnectProxy, setProxyVariables, startConnectProxy } from "../helpers/connect-proxy.ts";
import { type S3Server, startS3Server } from "../helpers/s3-server.ts";
import { tempDir } from "../helpers/temp.ts";

/**
 * An S3 registry, data source or run cache from behind a proxy, as on a self-hosted runner that reaches the internet
 * only through HTTPS_PROXY (awscli honours it; the AWS SDK for JavaScript does not by itself). The endpoint is named
 * `s3.invalid` and the bucket addressed virtual-hosted style (`proxied.s3.invalid`, as AWS's are), a name that
 * resolves nowhere, so a call that skips the proxy fails; the proxy takes it to s3rver.
 */

let s3: S3Server;
let proxy: ConnectProxy;
let restore: () => void;

beforeAll(async () => {
  s3 = await startS3Server(["proxied"]);
});
afterAll(() => s3.stop());
beforeEach(async () => {
  proxy = await startConnectProxy();
  restore = setProxyVariables({});
});
afterEach(async () => {
  restore();
  await proxy.close();
});

const port = (): string => new URL(s3.endpoint).port;
const open = (root: string, retrySeconds = 0) =>
  openObjectStore("s3://proxied/models", root, {
    endpoint: `http://s3.invalid:${port()}`,
    forcePathStyle: false,
    env: s3.env,
    retrySeconds,
  });

it("sends every call through the proxy the environment names for the endpoint", async () => {
  process.env.HTTP_PROXY = proxy.url;
  const dir = await tempDir();
  const file = path.join(dir, "weights.bin");
  await writeFile(file, "weights ".repeat(50_000));
  const store = await open(dir);
  await store.put("manifest.json", '{"a": 1}');
  await store.upload("weights.bin", file);
  expect((await store.get("manifest.json"))?.toString()).toBe('{"a": 1}');
  expect(await store.list("")).toEqual(expect.arrayContaining(["manifest.json", "weights.bin"]));
  expect(proxy.tunnels.length).toBeGreaterThan(0);
  expect(new Set(proxy.tunnels)).toEqual(new Set([`proxied.s3.invalid:${port()}`]));
});

it("leaves a host NO_PROXY names, and fails naming the endpoint when nothing else reaches it", async () => {
  process.env.HTTP_PROXY = proxy.url;
  process.env.NO_PROXY = "s3.invalid";
  const store = await open(await tempDir());
  await expect(store.get("manifest.json")).rejects.toThrow(/invalid/);
  expect(proxy.tunnels).toEqual([]);
});

it("passes the proxy the credentials its URL holds, and names the proxy when it refuses them", async () => {
  const guarded = await startConnectProxy({ credentials: "ci-bot:p@ss:word" });
  try {
    const withCredentials = (user: string): string =>
      guarded.url.replace("http://", `http://${encodeURIComponent(user)}:${encodeURIComponent("p@ss:word")}@`);
    process.env.HTTP_PROXY = withCredentials("ci-bot");
    const store = await open(await tempDir());
    await store.put("manifest.json", '{"a": 1}');
    expect((await store.get("manifest.json"))?.toString()).toBe('{"a": 1}');
    expect(guarded.tunnels.length).toBeGreaterThan(0);
    expect(guarded.refused).toEqual([]);

    process.env.HTTP_PROXY = withCredentials("someone-else");
    // With time to retry: a refusal is not retried all the same, the proxy says the same again.
    const refused = await open(await tempDir(), 30);
    const error = (await refused.get("manifest.json").catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(
      `cannot read s3://proxied/models/manifest.json: the proxy refused to reach http://s3.invalid:${port()} without credentials it accepts (407 Proxy Authentication Required)`,
    );
    expect(error.hint).toContain("http://user:password@host:port");
    expect(guarded.refused).toHaveLength(1);
  } finally {
    await guarded.close();
  }
});
