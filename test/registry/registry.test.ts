import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExternalError, InputError } from "../../src/errors.ts";
import { MANIFEST_FORMAT } from "../../src/registry/manifest.ts";
import { createRegistry, newVersionId, type PublishInput, type Registry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** The model registry over a local folder store (DOMAIN.md §4). */

interface Setup {
  dir: string;
  storeDir: string;
  registry: Registry;
  /** Advances the fake clock by one second per call. */
  clock: () => Date;
  publish: (overrides?: Partial<PublishInput>) => ReturnType<Registry["publish"]>;
}

async function setup(): Promise<Setup> {
  const dir = await tempDir();
  const storeDir = path.join(dir, "registry");
  let tick = 0;
  const clock = (): Date => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++));
  const registry = createRegistry(createLocalStore(storeDir), clock);
  await writeFiles(dir, {
    "model/weights.bin": Buffer.from([0, 1, 2, 3, 254, 255]),
    "model/config.json": '{"layers": 2}\n',
  });
  const publish = (overrides: Partial<PublishInput> = {}) =>
    registry.publish({
      model: "churn",
      files: [
        { path: "model/config.json", source: path.join(dir, "model/config.json") },
        { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
      ],
      metrics: { accuracy: 0.9 },
      slices: [],
      gate: { verdict: "pass", baseline: null },
      params: { epochs: 3 },
      data: [],
      git: { sha: "abc123", ref: "refs/heads/main" },
      runUrl: null,
      actor: "tester",
      kitVersion: "0.0.0-test",
      ...overrides,
    });
  return { dir, storeDir, registry, clock, publish };
}

const event = (at: string, reason = "test") => ({ at, actor: "tester", reason, runUrl: null, forced: false });

describe("publish, read back, pull", () => {
  it("round-trips a version: manifest, versions, resolve, pull with verified files", async () => {
    const { dir, registry, publish } = await setup();
    const manifest = await publish();
    expect(manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      model: "churn",
      createdAt: "2026-01-01T12:00:00.000Z",
      metrics: { accuracy: 0.9 },
      params: { epochs: 3 },
      git: { sha: "abc123", ref: "refs/heads/main" },
    });
    expect(manifest.version).toMatch(/^v20260101T120000000Z-[0-9a-f]{6}$/);
    expect(manifest.files).toEqual([
      {
        path: "model/config.json",
        size: 14,
        sha256: "09d343c37de0bba143b7ff45f82c0ab9308531dcc78b56b8eb40c5938c4be418",
      },
      {
        path: "model/weights.bin",
        size: 6,
        sha256: "7ea646958715ed687aa9ac2f5d785feb1a93411f4f25fdd6c7fcc6ab07fdf0e3",
      },
    ]);

    expect(await registry.versions("churn")).toEqual([manifest]);
    expect(await registry.version("churn", manifest.version)).toEqual(manifest);
    expect(await registry.resolve("churn", manifest.version)).toEqual(manifest);
    expect(await registry.models()).toEqual(["churn"]);

    const out = path.join(dir, "pulled");
    expect(await registry.pull(manifest, out)).toEqual([
      path.join(out, "model", "config.json"),
      path.join(out, "model", "weights.bin"),
    ]);
    expect(await readFile(path.join(out, "model", "config.json"), "utf8")).toBe('{"layers": 2}\n');
    expect([...(await readFile(path.join(out, "model", "weights.bin")))]).toEqual([0, 1, 2, 3, 254, 255]);
  });

  it("knows nothing of a model or version it never stored", async () => {
    const { registry } = await setup();
    expect(await registry.versions("churn")).toEqual([]);
    expect(await registry.version("churn", "v20260101T000000000Z-aaaaaa")).toBeUndefined();
    expect(await registry.resolve("churn", "champion")).toBeUndefined();
    expect(await registry.aliases("churn")).toEqual({});
    expect(await registry.history("churn")).toEqual([]);
    expect(await registry.models()).toEqual([]);
  });

  it("detects a corrupted file on pull and does not leave it behind", async () => {
    const { dir, storeDir, registry, publish } = await setup();
    const manifest = await publish();
    const stored = path.join(storeDir, "churn", "versions", manifest.version, "files", "model", "weights.bin");
    const bytes = await readFile(stored);
    bytes[2] = (bytes[2] ?? 0) ^ 0xff; // flip one byte; the size stays the same
    await writeFile(stored, bytes);

    const out = path.join(dir, "pulled");
    const error: unknown = await registry.pull(manifest, out).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).describe()).toBe(
      `model/weights.bin of churn ${manifest.version} is corrupted: its sha256 or size differs from the manifest\n` +
        "  hint: the stored object was changed or damaged; publish the model again",
    );
    await expect(readFile(path.join(out, "model", "weights.bin"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("says which listed file the registry lacks", async () => {
    const { dir, storeDir, registry, publish } = await setup();
    const manifest = await publish();
    await rm(path.join(storeDir, "churn", "versions", manifest.version, "files", "model", "config.json"));
    const error: unknown = await registry.pull(manifest, path.join(dir, "out")).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toBe(
      `version ${manifest.version} of churn lists model/config.json, but the registry has no such file`,
    );
  });
});

describe("versions", () => {
  it("treats a version without a manifest (an interrupted publish) as absent", async () => {
    const { storeDir, registry, publish } = await setup();
    const kept = await publish();
    const debris = "v20260101T115959000Z-dead00";
    await writeFiles(storeDir, { [`churn/versions/${debris}/files/model/weights.bin`]: "half written" });
    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([kept.version]);
    expect(await registry.version("churn", debris)).toBeUndefined();
    const error: unknown = await registry
      .moveAlias("churn", "champion", debris, event("2026-01-02T00:00:00.000Z"))
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`model churn has no version ${debris}`);
  });

  it("refuses a manifest whose file path leaves the version folder", async () => {
    const { storeDir, registry, publish } = await setup();
    const manifest = await publish();
    const file = path.join(storeDir, "churn", "versions", manifest.version, "manifest.json");
    const forged = JSON.parse(await readFile(file, "utf8")) as { files: { path: string }[] };
    forged.files[0] = { ...forged.files[0], path: "../../../../.bashrc" };
    await writeFile(file, JSON.stringify(forged));
    for (const read of [() => registry.versions("churn"), () => registry.version("churn", manifest.version)]) {
      const error: unknown = await read().catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ExternalError);
      expect((error as Error).message).toBe(
        `the manifest churn/versions/${manifest.version}/manifest.json in ${storeDir} is not a valid mlops-kit manifest: not a safe relative path`,
      );
    }
  });

  // Known gap (src/registry/registry.ts, under another engineer's edits now): the manifest read from
  // <model>/versions/<id>/ is not checked to name that model and id, so a copied manifest passes as another version.
  // Flip to `it` when readManifest compares them.
  it("refuses a manifest that names another version than its folder", async () => {
    const { storeDir, registry, publish } = await setup();
    const manifest = await publish();
    const copy = "v20260101T130000000Z-c0ffee";
    await writeFiles(storeDir, {
      [`churn/versions/${copy}/manifest.json`]: await readFile(
        path.join(storeDir, "churn", "versions", manifest.version, "manifest.json"),
      ),
    });
    await expect(registry.version("churn", copy)).rejects.toThrow(ExternalError);
  });

  it("refuses a manifest that is not JSON", async () => {
    const { storeDir, registry, publish } = await setup();
    const manifest = await publish();
    await writeFile(path.join(storeDir, "churn", "versions", manifest.version, "manifest.json"), "{ nope");
    const error: unknown = await registry.version("churn", manifest.version).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).describe()).toBe(
      `the registry object churn/versions/${manifest.version}/manifest.json in ${storeDir} is not valid JSON\n` +
        "  hint: it was changed outside mlops-kit; restore it or remove it",
    );
  });

  it("gives version ids that sort by creation time", async () => {
    const { registry, publish } = await setup();
    const published = [];
    for (let i = 0; i < 4; i++) published.push(await publish({ metrics: { accuracy: i / 10 } }));
    const listed = await registry.versions("churn");
    expect(listed.map((m) => m.metrics.accuracy)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(listed.map((m) => m.version)).toEqual(published.map((m) => m.version));

    // Across millisecond, second, day and year boundaries the text order is the time order.
    const times = [
      "2025-12-31T23:59:59.999Z",
      "2026-01-01T00:00:00.000Z",
      "2026-01-01T00:00:00.001Z",
      "2026-01-01T00:00:01.000Z",
      "2026-02-01T00:00:00.000Z",
      "2027-01-01T00:00:00.000Z",
    ];
    const ids = times.map((t) => newVersionId(new Date(t)));
    expect([...ids].sort()).toEqual(ids);
    // Two versions in the same millisecond still differ.
    const same = new Date("2026-01-01T00:00:00.000Z");
    expect(new Set(Array.from({ length: 20 }, () => newVersionId(same))).size).toBe(20);
  });
});

describe("aliases and history", () => {
  it("moves aliases and records every move, oldest first", async () => {
    const { registry, publish } = await setup();
    const first = await publish();
    const second = await publish({ gate: { verdict: "fail", baseline: `champion (${first.version})` } });

    const moved = await registry.moveAlias(
      "churn",
      "champion",
      first.version,
      event("2026-01-02T00:00:00.000Z", "gate passed"),
    );
    expect(moved).toEqual({
      alias: "champion",
      from: null,
      to: first.version,
      at: "2026-01-02T00:00:00.000Z",
      actor: "tester",
      reason: "gate passed",
      runUrl: null,
      forced: false,
    });
    await registry.moveAlias("churn", "staging", second.version, event("2026-01-03T00:00:00.000Z"));
    await registry.moveAlias("churn", "champion", second.version, {
      ...event("2026-01-04T00:00:00.000Z", "hotfix"),
      forced: true,
    });

    expect(await registry.aliases("churn")).toEqual({ champion: second.version, staging: second.version });
    expect((await registry.resolve("churn", "champion"))?.version).toBe(second.version);
    const history = await registry.history("churn");
    expect(history.map((e) => [e.alias, e.from, e.to, e.reason, e.forced])).toEqual([
      ["champion", null, first.version, "gate passed", false],
      ["staging", null, second.version, "test", false],
      ["champion", first.version, second.version, "hotfix", true],
    ]);
  });

  it("refuses object keys that would leave the store folder", async () => {
    const { dir } = await setup();
    const store = createLocalStore(path.join(dir, "registry"));
    await expect(store.put("../outside.json", "{}")).rejects.toThrow(
      'refusing object key "../outside.json": the path leads outside its folder (`..`)',
    );
    await expect(store.get("/etc/passwd")).rejects.toThrow(/the path is absolute/);
  });
});
