import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry, type PublishInput, type Registry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Many publishers and promoters at once, each with its own client (as separate CI jobs would be), against s3rver,
 * which has no conditional writes, and against a folder. Nothing may be lost or handed out twice.
 */

let server: S3Server;
beforeAll(async () => {
  server = await startS3Server(["registry"]);
});
afterAll(() => server.stop());

const PUBLISHERS = 8;

const backends: [string, (dir: string) => () => Registry][] = [
  ["local folder", (dir) => () => createRegistry(createLocalStore(path.join(dir, "registry")))],
  [
    "s3 (s3rver)",
    () => {
      const prefix = `c-${randomBytes(4).toString("hex")}`;
      return () =>
        createRegistry(
          createS3Store(
            { bucket: "registry", prefix },
            { endpoint: server.endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
          ),
        );
    },
  ],
];

describe.each(backends)("at once on a %s", (_name, backend) => {
  async function setup(): Promise<{ open: () => Registry; input: (i: number) => PublishInput }> {
    const dir = await tempDir();
    await writeFiles(dir, { "model.bin": "weights" });
    const input = (i: number): PublishInput =>
      publishInput({
        model: "churn",
        files: [{ path: "model.bin", source: path.join(dir, "model.bin") }],
        metrics: { run: i },
        actor: `job-${i}`,
        kitVersion: "0.0.0-test",
      });
    return { open: backend(dir), input };
  }

  it(`${PUBLISHERS} publishes give ${PUBLISHERS} distinct versions and numbers, all listed`, async () => {
    const { open, input } = await setup();
    const published = await Promise.all(Array.from({ length: PUBLISHERS }, (_, i) => open().publish(input(i))));
    const ids = new Set(published.map((m) => m.version));
    const numbers = new Set(published.map((m) => m.sequence));
    expect(ids.size).toBe(PUBLISHERS);
    expect(numbers.size).toBe(PUBLISHERS);
    const registry = open();
    const listed = await registry.versions("churn");
    expect(listed.map((m) => m.version).sort()).toEqual([...ids].sort());
    expect(listed.map((m) => m.metrics.run).sort()).toEqual(Array.from({ length: PUBLISHERS }, (_, i) => i));
    // Every number leads back to the version that holds it.
    for (const manifest of published) {
      expect((await registry.resolve("churn", String(manifest.sequence)))?.version).toBe(manifest.version);
    }
  });

  it("concurrent promotes leave a complete history whose last entry is where the alias points", async () => {
    const { open, input } = await setup();
    const registry = open();
    const versions = [];
    for (let i = 0; i < PUBLISHERS; i++) versions.push((await registry.publish(input(i))).version);
    const at = new Date().toISOString();
    await Promise.all(
      versions.map((version, i) =>
        open().moveAlias("churn", "champion", version, {
          at,
          actor: `job-${i}`,
          reason: `promote ${i}`,
          runUrl: null,
          forced: false,
        }),
      ),
    );
    const history = await registry.history("churn", "champion");
    // Complete: every promotion is there once.
    expect(history.map((e) => e.to).sort()).toEqual([...versions].sort());
    // A chain: each move starts where the one before ended.
    history.forEach((event, i) => expect(event.from).toBe(i === 0 ? null : history[i - 1]?.to));
    expect((await registry.aliases("churn")).champion).toBe(history.at(-1)?.to);
    expect((await registry.resolve("churn", "champion"))?.version).toBe(history.at(-1)?.to);
  });
});
