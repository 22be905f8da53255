import { existsSync } from "node:fs";
import { readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CacheBackend } from "../../src/cache/backend.ts";
import { blobName } from "../../src/cache/entry.ts";
import { cacheKeyOf, type CacheKey, type KeyMaterial } from "../../src/cache/key.ts";
import { restoreFromCache, saveToCache } from "../../src/cache/run-cache.ts";
import { createStoreBackend } from "../../src/cache/store-backend.ts";
import { digestFiles } from "../../src/files/hash.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { createS3Store } from "../../src/store/s3-store.ts";
import { startS3Server, type S3Server } from "../helpers/s3-server.ts";
import { type TestStore, withShortcuts } from "../helpers/store-shortcuts.ts";
import { removeDir, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The run cache's entries on both ObjectStore backends (a folder, and S3 against s3rver): a saved run comes back byte
 * for byte; a corrupt, truncated or incomplete entry is found out by size and sha256, discarded and never used (the
 * project is not touched); two runs saving one key at once leave one complete entry.
 */

let server: S3Server;
let scratch: string;

beforeAll(async () => {
  server = await startS3Server(["runs"]);
  scratch = await tempDir({ keep: true });
});
afterAll(async () => {
  await server.stop();
  await removeDir(scratch);
});

const material = (params: Record<string, unknown>): KeyMaterial => ({
  format: 1,
  model: "demo",
  command: "node train.mjs",
  params,
  env: {},
  outputs: ["model/", "summary.txt"],
  code: [],
  data: [],
  lockfiles: [],
  platform: "linux-x64",
  runtimes: {},
});

const RUN = {
  id: "20260101T120000000Z-abcdef",
  startedAt: "2026-01-01T12:00:00.000Z",
  durationMs: 6200,
  gitSha: "0123456789abcdef0123456789abcdef01234567",
  ref: "refs/heads/main",
  runUrl: "https://github.com/octo-org/ml-repo/actions/runs/4242",
  actor: "octocat",
};

/** A project that "trained": two files in model/ (one empty, one repeated content) and a top-level file. */
async function trainedProject(weights = "weights v1"): Promise<string> {
  const root = await tempDir();
  await writeFiles(root, {
    "model/weights.bin": weights,
    "model/copy.bin": weights,
    "model/empty.txt": "",
    "summary.txt": "summary",
  });
  return root;
}

async function save(backend: CacheBackend, key: CacheKey, root: string, run = RUN): Promise<{ saved: boolean }> {
  const declared = ["model/", "summary.txt"];
  return saveToCache(backend, {
    key,
    root,
    declared,
    outputs: await digestFiles(root, declared),
    run,
    params: { lr: 0.1 },
    createdAt: "2026-01-01T12:00:07.000Z",
  });
}

const snapshot = async (root: string): Promise<Record<string, string>> =>
  Object.fromEntries((await digestFiles(root, ["model/", "summary.txt"])).map((d) => [d.path, d.sha256]));

const backends: [string, () => { backend: CacheBackend; store: TestStore }][] = [
  [
    "local folder",
    () => {
      const store = withShortcuts(createLocalStore(path.join(scratch, `local-${Math.random().toString(16).slice(2)}`)));
      return { store, backend: createStoreBackend("local", store, path.join(scratch, "tmp")) };
    },
  ],
  [
    "s3 (s3rver)",
    () => {
      const store = withShortcuts(
        createS3Store(
          { bucket: "runs", prefix: `cache-${Math.random().toString(16).slice(2)}` },
          { endpoint: server.endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } },
        ),
      );
      return { store, backend: createStoreBackend("s3", store, path.join(scratch, "tmp")) };
    },
  ],
];

describe.each(backends)("the run cache on a %s", (_name, open) => {
  it("restores a saved run byte for byte, replacing whatever the outputs held", async () => {
    const { backend } = open();
    const key = cacheKeyOf(material({ lr: 0.1 }));
    const trained = await trainedProject();
    expect(await save(backend, key, trained)).toEqual({ saved: true });

    const elsewhere = await tempDir();
    await writeFiles(elsewhere, { "model/stale.bin": "from another run", "keep.txt": "not an output" });
    const outcome = await restoreFromCache(backend, key, elsewhere, ["model/", "summary.txt"]);
    expect(outcome).toMatchObject({ kind: "hit", manifest: { run: RUN, params: { lr: 0.1 } } });
    expect(await snapshot(elsewhere)).toEqual(await snapshot(trained));
    expect(existsSync(path.join(elsewhere, "model", "stale.bin"))).toBe(false);
    expect(await readFile(path.join(elsewhere, "keep.txt"), "utf8")).toBe("not an output");
    expect(
      await restoreFromCache(backend, cacheKeyOf(material({ lr: 0.2 })), elsewhere, ["model/", "summary.txt"]),
    ).toEqual({
      kind: "miss",
    });
  });

  it.each([
    [
      "a flipped byte",
      (file: string) => writeFile(file, "weights v2"),
      /model\/(weights|copy)\.bin does not match its sha256 \(corrupt\)/,
    ],
    ["a truncated file", (file: string) => truncate(file, 3), /has 3 bytes, not 10 \(truncated\)/],
    ["a missing file", (file: string) => rm(file), /model\/(weights|copy)\.bin is missing/],
  ])("rejects an entry with %s, discards it and leaves the project alone", async (_what, damage, problem) => {
    const { backend, store } = open();
    const key = cacheKeyOf(material({ lr: 0.1 }));
    const trained = await trainedProject();
    await save(backend, key, trained);
    const outputs = await digestFiles(trained, ["model/weights.bin"]);
    const blob = blobName(outputs[0]?.sha256 ?? "");
    // Damage the stored blob through a local copy (the same bytes S3 would serve).
    const local = path.join(scratch, "damaged.bin");
    await store.getToFile(blob, local);
    await damage(local);
    if (existsSync(local)) await store.putFile(blob, local);
    else await store.delete(blob);

    const project = await tempDir();
    await writeFiles(project, { "model/weights.bin": "current", "summary.txt": "current" });
    const outcome = await restoreFromCache(backend, key, project, ["model/", "summary.txt"]);
    expect(outcome.kind).toBe("corrupt");
    expect(outcome.kind === "corrupt" ? outcome.note : "").toMatch(problem);
    expect(await readFile(path.join(project, "model", "weights.bin"), "utf8")).toBe("current");
    expect(await store.exists(`entries/${key.hash}.json`)).toBe(false);
    expect(await restoreFromCache(backend, key, project, ["model/", "summary.txt"])).toEqual({ kind: "miss" });
  });

  it("rejects a manifest that is not JSON, lists a path outside the outputs, or belongs to other outputs", async () => {
    const { backend, store } = open();
    const key = cacheKeyOf(material({ lr: 0.1 }));
    const project = await tempDir();
    const attempt = async (manifest: string): Promise<string> => {
      await store.put(`entries/${key.hash}.json`, manifest);
      const outcome = await restoreFromCache(backend, key, project, ["model/", "summary.txt"]);
      return outcome.kind === "corrupt" ? outcome.note : outcome.kind;
    };
    await save(backend, key, await trainedProject());
    const good = JSON.parse((await store.get(`entries/${key.hash}.json`))?.toString() ?? "{}") as {
      files: { path: string }[];
      outputs: { path: string }[];
    };
    expect(await attempt('{"format": 1, "key": "trunc')).toMatch(/its manifest is not JSON \(truncated\?\)/);
    expect(await attempt(JSON.stringify({ ...good, files: [{ ...good.files[0], path: "../outside.bin" }] }))).toMatch(
      /it lists "\.\.\/outside\.bin", outside train\.outputs/,
    );
    expect(await attempt(JSON.stringify({ ...good, outputs: [{ path: "other/", kind: "dir" }] }))).toMatch(
      /its outputs are not the declared train\.outputs/,
    );
    expect(await attempt(JSON.stringify({ ...good, key: "0".repeat(64) }))).toMatch(/belongs to another key/);
    expect(await readdir(project)).toEqual([]);
  });

  it("keeps one complete entry when two runs save the same key at once", async () => {
    const { backend } = open();
    const key = cacheKeyOf(material({ lr: 0.1 }));
    // Training is rarely bit-for-bit reproducible: the two runs wrote different bytes for the same inputs.
    const [first, second] = await Promise.all([trainedProject("weights of run A"), trainedProject("weights of run B")]);
    const results = await Promise.all([
      save(backend, key, first, { ...RUN, id: "run-A" }),
      save(backend, key, second, { ...RUN, id: "run-B" }),
    ]);
    expect(results).toEqual([{ saved: true }, { saved: true }]);
    const project = await tempDir();
    const outcome = await restoreFromCache(backend, key, project, ["model/", "summary.txt"]);
    expect(outcome.kind).toBe("hit");
    const winner = outcome.kind === "hit" ? outcome.manifest.run.id : "";
    expect(["run-A", "run-B"]).toContain(winner);
    expect(await snapshot(project)).toEqual(await snapshot(winner === "run-A" ? first : second));
  });
});

describe("an unreachable S3 cache", () => {
  it("is an outage the caller can train through: lookups and saves say why, nothing throws", async () => {
    const down = await startS3Server(["runs"]);
    const store = createS3Store(
      { bucket: "runs", prefix: "cache" },
      { endpoint: down.endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }, maxAttempts: 1 },
    );
    await down.stop();
    const backend = createStoreBackend("s3", store, path.join(scratch, "tmp"));
    const key = cacheKeyOf(material({ lr: 0.1 }));
    const project = await trainedProject();
    const lookup = await restoreFromCache(backend, key, project, ["model/", "summary.txt"]);
    expect(lookup.kind).toBe("unavailable");
    expect(lookup.kind === "unavailable" ? lookup.note : "").toMatch(
      /^the run cache \(s3:\/\/runs\/cache\) could not be read: cannot read s3:\/\/runs\/cache\/entries\/[0-9a-f]{64}\.json: .* is unreachable \(ECONNREFUSED\)$/,
    );
    const saved = await save(backend, key, project);
    expect(saved).toMatchObject({
      saved: false,
      note: expect.stringMatching(
        /^not saved to the run cache \(s3:\/\/runs\/cache\): .*unreachable.*; the next run trains again$/,
      ) as string,
    });
  });
});
