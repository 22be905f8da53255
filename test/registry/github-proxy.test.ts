import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openRegistryAt } from "../../src/registry/open.ts";
import type { Registry } from "../../src/registry/registry.ts";
import { type ConnectProxy, setProxyVariables, startConnectProxy } from "../helpers/connect-proxy.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-server.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * A github:// registry from behind a proxy, as on a self-hosted runner whose network lets nothing out but through
 * HTTPS_PROXY: the API calls, the asset uploads and the downloads from the signed host all go through it. The
 * stand-in's hosts are named `github.invalid`, which resolves nowhere, so a request that skips the proxy fails.
 */

const REPO = "octo-org/models";
let server: FakeGitHub;
let proxy: ConnectProxy;
let dir: string;
let restore: () => void;

beforeEach(async () => {
  server = await startFakeGitHub({ repositories: { [REPO]: { visibility: "private" } }, hostName: "github.invalid" });
  proxy = await startConnectProxy();
  dir = await tempDir();
  await writeFiles(dir, { "model/weights.bin": "weights ".repeat(10_000), "model/config.json": '{"layers": 2}\n' });
  restore = setProxyVariables({});
});
afterEach(async () => {
  restore();
  expect(server.problems()).toEqual([]);
  await proxy.close();
  await server.stop();
});

const open = (): Promise<Registry> =>
  openRegistryAt(`github://${REPO}`, {
    root: dir,
    env: { GITHUB_API_URL: server.url, GITHUB_TOKEN: "ghs_write_token" },
    settings: { retry_seconds: 1 },
    now: () => new Date(),
    logger: { warn: (message) => expect.fail(message) },
  });

const input = () =>
  publishInput({
    model: "churn",
    files: [
      { path: "model/config.json", source: path.join(dir, "model/config.json") },
      { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
    ],
  });

it("publishes and pulls through the proxy the environment names: API calls, uploads and signed downloads", async () => {
  process.env.HTTP_PROXY = proxy.url;
  const registry = await open();
  const manifest = await registry.publish(input());
  await registry.pull(manifest, path.join(dir, "out"));
  expect(await readFile(path.join(dir, "out/model/weights.bin"), "utf8")).toBe("weights ".repeat(10_000));
  // Each of the stand-in's three hosts was reached, and only through the proxy (nothing else can reach them).
  const port = (url: string): string => new URL(url).port;
  const ports = new Set(proxy.tunnels.map((target) => target.split(":").at(-1)));
  expect([...ports].sort()).toEqual([server.url, server.uploadsUrl, server.downloadsUrl].map(port).sort());
  expect(proxy.tunnels.every((target) => target.startsWith("github.invalid:"))).toBe(true);
});

it("fails without the proxy, naming the host it could not reach (the hosts resolve nowhere else)", async () => {
  const failure: unknown = await open()
    .then((registry) => registry.publish(input()))
    .catch((error: unknown) => error);
  expect(String(failure)).toContain("github.invalid");
  expect(proxy.tunnels).toEqual([]);
});

it("passes the proxy the credentials its URL holds, and says so when the proxy refuses them", async () => {
  const guarded = await startConnectProxy({ credentials: "ci-bot:p@ss" });
  try {
    const through = (password: string): string =>
      guarded.url.replace("http://", `http://ci-bot:${encodeURIComponent(password)}@`);
    process.env.HTTP_PROXY = through("p@ss");
    const registry = await open();
    const manifest = await registry.publish(input());
    await registry.pull(manifest, path.join(dir, "out"));
    expect(guarded.refused).toEqual([]);
    expect(guarded.tunnels.length).toBeGreaterThan(0);

    process.env.HTTP_PROXY = through("wrong");
    const failure = (await open()
      .then((again) => again.resolve("churn", "champion"))
      .catch((error: unknown) => error)) as Error & { hint?: string };
    expect(failure.message).toMatch(
      /^cannot .* in github:\/\/octo-org\/models: the proxy refused to reach GitHub without credentials it accepts \(407 Proxy Authentication Required\)$/,
    );
    expect(failure.hint).toContain("http://user:password@host:port");
  } finally {
    await guarded.close();
  }
});
