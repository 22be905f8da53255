import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createRegistry, type PublishInput, type Registry } from "../../src/registry/registry.ts";
import type { Damage } from "../../src/registry/damage.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { type StoreBackend, storeBackends } from "../helpers/registry-backends.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { publishInput } from "../helpers/publish.ts";
import { type TestStore, withShortcuts } from "../helpers/store-shortcuts.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * What the registry suites of issue 12 (damage, fsck, pull, publish.files) share: their rows of the backends table,
 * a registry set up on a fresh store, and ways to damage objects.
 */

/** Starts an s3rver (bucket `registry`) before the suite and stops it after, for tests that drive a server directly. */
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

/**
 * The shared backends table (folder, s3rver, RADOS Gateway) as `describe.each` rows: the label, a way to open a
 * store on a fresh place, and the backend itself, whose hooks the describe block installs with `useBackend`.
 */
export function backends(): [label: string, open: (dir: string) => ObjectStore, backend: StoreBackend][] {
  return storeBackends().map((backend) => [backend.label, (dir: string) => backend.open(dir), backend]);
}

export interface RegistrySetup {
  dir: string;
  store: TestStore;
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
  const store = withShortcuts(open(dir));
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
