import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createRegistry, type PublishInput, type Registry } from "../../src/registry/registry.ts";
import type { Damage } from "../../src/registry/damage.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The stores the registry suites of issue 12 (damage, fsck, pull, publish.files) run over, in the shape of
 * registry.test.ts: one row per backend, for `describe.each`. The S3 row reads its server lazily, so a suite starts it
 * in `beforeAll`.
 */

export type Backend = [name: string, open: (dir: string) => ObjectStore];

/** Starts an S3 server (bucket `registry`) before the suite and stops it after; call at the top of a test file. */
export function suiteS3Server(): () => S3Server {
  let server: S3Server | undefined;
  beforeAll(async () => {
    server = await startS3Server(["registry"]);
  });
  afterAll(() => server?.stop());
  return () => {
    if (!server) throw new Error("the suite's S3 server is not started yet");
    return server;
  };
}

export function backends(server: () => S3Server): Backend[] {
  return [
    ["local folder", (dir) => createLocalStore(path.join(dir, "registry"))],
    [
      "s3 (s3rver)",
      // A fresh prefix per test keeps tests apart in the one bucket.
      () =>
        createS3Store(
          { bucket: server().bucket, prefix: `t-${randomBytes(4).toString("hex")}` },
          { endpoint: server().endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
        ),
    ],
  ];
}

export interface RegistrySetup {
  dir: string;
  store: ObjectStore;
  registry: Registry;
  /** What the registry reported as damaged, in order. */
  damaged: Damage[];
  publish: (overrides?: Partial<PublishInput>) => ReturnType<Registry["publish"]>;
  /** A registry on the same store whose clock is `hours` later (for debris age). */
  later: (hours: number) => Registry;
}

/** A registry on a fresh store with a fake clock (one second further each call from 2026-01-01T12:00Z). */
export async function registrySetup(open: (dir: string) => ObjectStore): Promise<RegistrySetup> {
  const dir = await tempDir();
  const store = open(dir);
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++));
  const damaged: Damage[] = [];
  const registry = createRegistry(store, clock, {
    sleep: () => Promise.resolve(),
    onDamage: (damage) => damaged.push(damage),
  });
  await writeFiles(dir, {
    "model/weights.bin": Buffer.from([0, 1, 2, 3, 254, 255]),
    "model/config.json": '{"layers": 2}\n',
  });
  const publish = (overrides: Partial<PublishInput> = {}) =>
    registry.publish(
      publishInput({
        model: "churn",
        files: [
          { path: "model/config.json", source: path.join(dir, "model/config.json") },
          { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
        ],
        ...overrides,
      }),
    );
  const later = (hours: number) =>
    createRegistry(store, () => new Date(clock().getTime() + hours * 3600_000), { sleep: () => Promise.resolve() });
  return { dir, store, registry, damaged, publish, later };
}

/** An alias move as a test makes it: by "tester", for `reason`, at `at`. */
export const move = (at: string, reason = "test") => ({ at, actor: "tester", reason, runUrl: null, forced: false });

/** What the registry says of a manifest or alias entry that does not parse as JSON. */
export const NOT_JSON = "is not valid JSON (truncated, or changed outside mlops-kit)";

/** Damages an object the way a cut-off write would: keeps its first `keep` bytes (default half). Returns them. */
export async function truncate(store: ObjectStore, key: string, keep?: number): Promise<Buffer> {
  const body = (await store.get(key)) ?? Buffer.alloc(0);
  const kept = body.subarray(0, keep ?? Math.floor(body.length / 2));
  await store.put(key, kept);
  return kept;
}
