import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExternalError, InputError } from "../../src/errors.ts";
import { MANIFEST_FORMAT, MANIFEST_FORMAT_V1 } from "../../src/registry/manifest.ts";
import { createRegistry, newVersionId, type PublishInput, type Registry } from "../../src/registry/registry.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { storeBackends, useBackend } from "../helpers/registry-backends.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * The model registry (DOMAIN.md §4), the same round trips on a local folder and on real S3 servers: s3rver (no
 * conditional writes) and Ceph's RADOS Gateway (helpers/registry-backends.ts).
 */

const backends = storeBackends().map((backend) => [backend.label, backend] as const);

interface Setup {
  dir: string;
  store: ObjectStore;
  registry: Registry;
  publish: (overrides?: Partial<PublishInput>) => ReturnType<Registry["publish"]>;
}

const event = (at: string, reason = "test") => ({ at, actor: "tester", reason, runUrl: null, forced: false });

describe.each(backends)("registry on a %s", (_name, backend) => {
  useBackend(backend);

  async function setup(): Promise<Setup> {
    const dir = await tempDir();
    const store = backend.open(dir);
    let tick = 0;
    // A fake clock one second further on each call; "now" for debris is 2026-01-01T12:00:xx.
    const registry = createRegistry(store, () => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++)), {
      sleep: () => Promise.resolve(),
    });
    await writeFiles(dir, {
      "model/weights.bin": Buffer.from([0, 1, 2, 3, 254, 255]),
      "model/config.json": '{"layers": 2}\n',
      "predictions.csv": "id,label\n1,a\n",
    });
    const publish = (overrides: Partial<PublishInput> = {}) =>
      registry.publish({
        model: "churn",
        files: [
          { path: "model/config.json", source: path.join(dir, "model/config.json") },
          { path: "model/weights.bin", source: path.join(dir, "model/weights.bin") },
        ],
        attachments: [{ name: "predictions", source: path.join(dir, "predictions.csv") }],
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
    return { dir, store, registry, publish };
  }

  describe("publish, read back, pull", () => {
    it("round-trips a version: manifest, versions, resolve by id, number and alias, verified pull", async () => {
      const { dir, registry, publish } = await setup();
      const manifest = await publish();
      expect(manifest).toMatchObject({
        format: MANIFEST_FORMAT,
        model: "churn",
        sequence: 1,
        createdAt: "2026-01-01T12:00:00.000Z",
        metrics: { accuracy: 0.9 },
        params: { epochs: 3 },
        git: { sha: "abc123", ref: "refs/heads/main" },
      });
      expect(manifest.version).toMatch(/^v20260101T120000000Z-[0-9a-f]{6}$/);
      // sha256 of the fixture bytes, from `sha256sum`.
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
      expect(manifest.attachments).toEqual({
        predictions: {
          path: "predictions/predictions.csv",
          size: 13,
          sha256: "ec990429ca580c0e0046e25697b007f3dd0ff76fe2a71b4565f111d8b8157d23",
        },
      });

      expect(await registry.versions("churn")).toEqual([manifest]);
      expect(await registry.version("churn", manifest.version)).toEqual(manifest);
      expect(await registry.resolve("churn", manifest.version)).toEqual(manifest);
      expect(await registry.resolve("churn", "1")).toEqual(manifest);
      expect(await registry.resolve("churn", "v1")).toEqual(manifest);
      expect(await registry.resolve("churn", "2")).toBeUndefined();
      expect(await registry.models()).toEqual(["churn"]);
      await registry.moveAlias("churn", "champion", manifest.version, event("2026-01-02T00:00:00.000Z"));
      expect(await registry.resolve("churn", "champion")).toEqual(manifest);

      const out = path.join(dir, "pulled");
      expect(await registry.pull(manifest, out)).toEqual({
        files: [path.join(out, "model", "config.json"), path.join(out, "model", "weights.bin")],
        replaced: false,
        notes: [],
      });
      expect(await readFile(path.join(out, "model", "config.json"), "utf8")).toBe('{"layers": 2}\n');
      expect([...(await readFile(path.join(out, "model", "weights.bin")))]).toEqual([0, 1, 2, 3, 254, 255]);
      const attachment = path.join(dir, "baseline.csv");
      expect(await registry.pullAttachment(manifest, "predictions", attachment)).toBe(true);
      expect(await readFile(attachment, "utf8")).toBe("id,label\n1,a\n");
      expect(await registry.pullAttachment(manifest, "profile", attachment)).toBe(false);
    });

    it("writes an attachment that names its version once its number is claimed, before the manifest", async () => {
      const { dir, registry, publish } = await setup();
      await publish();
      const card = path.join(dir, "card", "card.md");
      const seen: { identity: unknown; versions: number }[] = [];
      const manifest = await publish({
        attachments: [
          {
            name: "card",
            source: card,
            write: async (identity) => {
              // Not yet a version: the manifest comes after this attachment.
              seen.push({ identity, versions: (await registry.versions("churn")).length });
              await writeFiles(dir, { "card/card.md": `# churn v${identity.sequence} (${identity.version})\n` });
            },
          },
        ],
      });
      expect(seen).toEqual([
        {
          identity: { model: "churn", version: manifest.version, sequence: 2, createdAt: manifest.createdAt },
          versions: 1,
        },
      ]);
      const pulled = path.join(dir, "pulled-card.md");
      expect(await registry.pullAttachment(manifest, "card", pulled)).toBe(true);
      expect(await readFile(pulled, "utf8")).toBe(`# churn v2 (${manifest.version})\n`);
    });

    it("knows nothing of a model or version it never stored", async () => {
      const { registry } = await setup();
      expect(await registry.versions("churn")).toEqual([]);
      expect(await registry.version("churn", "v20260101T000000000Z-aaaaaa")).toBeUndefined();
      expect(await registry.resolve("churn", "champion")).toBeUndefined();
      expect(await registry.resolve("churn", "3")).toBeUndefined();
      expect(await registry.aliases("churn")).toEqual({});
      expect(await registry.history("churn")).toEqual([]);
      expect(await registry.models()).toEqual([]);
    });

    it("refuses a stored file whose bytes changed, and leaves the output folder as it was", async () => {
      const { dir, store, registry, publish } = await setup();
      const manifest = await publish();
      // Same size, one byte different: only the sha256 can tell.
      await store.put(`churn/versions/${manifest.version}/files/model/weights.bin`, Buffer.from([0, 1, 2, 3, 254, 0]));
      const out = path.join(dir, "pulled");
      const error: unknown = await registry.pull(manifest, out).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ExternalError);
      // GitHub also says which asset's reported digest is not the manifest's.
      const asset =
        backend.name === "github"
          ? ` (the asset files_2fmodel_2fweights.bin of release mlops/churn/${manifest.version} in ${store.location} ` +
            "is not the file its manifest lists: GitHub reports " +
            "sha256:7bb24e91877a99d80af231f3fe90f8d66e28ba7f395ce96ca163011300500fe8 for it; it was replaced or edited " +
            "by hand, so it is refused)"
          : "";
      expect((error as ExternalError).describe()).toBe(
        `model/weights.bin of churn ${manifest.version} is corrupted: the registry holds 6 bytes with sha256 ` +
          `7bb24e91877a…, the manifest says 6 bytes with sha256 7ea646958715…${asset}\n` +
          "  hint: the stored object was changed or damaged after publishing; nothing was written. Publish again or roll back",
      );
      // All or nothing: not even the intact config.json landed.
      await expect(readFile(path.join(out, "model", "config.json"))).rejects.toMatchObject({ code: "ENOENT" });
      await expect(readFile(path.join(out, "model", "weights.bin"))).rejects.toMatchObject({ code: "ENOENT" });
    });

    it("says which listed file the registry lacks", async () => {
      const { dir, store, registry, publish } = await setup();
      const manifest = await publish();
      await store.delete(`churn/versions/${manifest.version}/files/model/config.json`);
      const error: unknown = await registry.pull(manifest, path.join(dir, "out")).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ExternalError);
      // GitHub also says which asset left which release.
      const asset =
        backend.name === "github"
          ? `: the asset files_2fmodel_2fconfig.json is no longer on release mlops/churn/${manifest.version} in ` +
            `${store.location}: it was deleted outside mlops-kit`
          : "";
      expect((error as Error).message).toBe(
        `version ${manifest.version} of churn lists model/config.json, but the registry has no such file${asset}`,
      );
    });
  });

  describe("versions", () => {
    it("hides an interrupted publish (no manifest), and cleans it up once it is a day old", async () => {
      const { store, registry, publish } = await setup();
      const kept = await publish();
      const old = "v20251230T115959000Z-dead00";
      const young = "v20260101T115959000Z-beef00";
      for (const id of [old, young]) await store.put(`churn/versions/${id}/files/model/weights.bin`, "half written");
      expect((await registry.versions("churn")).map((m) => m.version)).toEqual([kept.version]);
      expect(await registry.version("churn", old)).toBeUndefined();
      const error: unknown = await registry
        .moveAlias("churn", "champion", old, event("2026-01-02T00:00:00.000Z"))
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(`model churn has no version ${old}`);

      // The young debris may be a publish still uploading: only the old one goes.
      expect(await registry.clean("churn")).toEqual({ versions: [old], objects: 1, uploads: 0 });
      expect(await store.list(`churn/versions/${old}/`)).toEqual([]);
      expect(await registry.clean("churn")).toEqual({ versions: [], objects: 0, uploads: 0 });
      expect(await store.list(`churn/versions/${young}/`)).toEqual([`churn/versions/${young}/files/model/weights.bin`]);
      expect((await registry.versions("churn")).map((m) => m.version)).toEqual([kept.version]);
    });

    it("refuses a manifest whose file path leaves the version folder", async () => {
      const { store, registry, publish } = await setup();
      const manifest = await publish();
      const key = `churn/versions/${manifest.version}/manifest.json`;
      const forged = JSON.parse((await store.get(key))?.toString() ?? "") as { files: { path: string }[] };
      forged.files[0] = { ...forged.files[0], path: "../../../../.bashrc" };
      await store.put(key, JSON.stringify(forged));
      // A listing hides it (damage.test.ts shows how it is reported); a read that names it fails with the reason.
      expect(await registry.versions("churn")).toEqual([]);
      const error: unknown = await registry.version("churn", manifest.version).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ExternalError);
      expect((error as Error).message).toBe(
        `the manifest ${key} in ${store.location} is not a valid mlops-kit manifest (files.0.path: not a safe relative path)`,
      );
    });

    it("refuses a manifest that names another version than its folder", async () => {
      const { store, registry, publish } = await setup();
      const manifest = await publish();
      const copy = "v20260101T130000000Z-c0ffee";
      await store.put(
        `churn/versions/${copy}/manifest.json`,
        (await store.get(`churn/versions/${manifest.version}/manifest.json`)) ?? "",
      );
      await expect(registry.version("churn", copy)).rejects.toThrow(
        `describes churn ${manifest.version}, not churn ${copy}`,
      );
    });

    it("refuses a manifest that is not JSON", async () => {
      const { store, registry, publish } = await setup();
      const manifest = await publish();
      await store.put(`churn/versions/${manifest.version}/manifest.json`, "{ nope");
      const error: unknown = await registry.version("churn", manifest.version).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ExternalError);
      expect((error as ExternalError).describe()).toBe(
        `the manifest churn/versions/${manifest.version}/manifest.json in ${store.location} is not valid JSON ` +
          "(truncated, or changed outside mlops-kit)\n" +
          "  hint: it was changed outside mlops-kit. Listings hide this version; `mlops models fsck --repair` moves " +
          "the manifest aside (its files are kept), or restore it from the bucket's versioning",
      );
    });

    it("still reads a format @1 manifest (no sequence number)", async () => {
      const { store, registry, publish } = await setup();
      const current = await publish();
      const { sequence: _dropped, ...rest } = current;
      const id = "v20251201T000000000Z-0001d0";
      await store.put(
        `churn/versions/${id}/manifest.json`,
        JSON.stringify({ ...rest, format: MANIFEST_FORMAT_V1, version: id }),
      );
      const old = await registry.version("churn", id);
      expect(old).toMatchObject({ format: MANIFEST_FORMAT_V1, version: id });
      expect(old?.sequence).toBeUndefined();
      expect((await registry.versions("churn")).map((m) => [m.version, m.sequence])).toEqual([
        [id, undefined],
        [current.version, 1],
      ]);
      // A @2 manifest without a sequence number is not valid.
      await store.put(`churn/versions/${id}/manifest.json`, JSON.stringify({ ...rest, version: id }));
      await expect(registry.version("churn", id)).rejects.toThrow("needs a sequence number");
    });

    it("gives version ids that sort by creation time and numbers in publish order", async () => {
      const { registry, publish } = await setup();
      const published = [];
      for (let i = 0; i < 4; i++) published.push(await publish({ metrics: { accuracy: i / 10 } }));
      const listed = await registry.versions("churn");
      expect(listed.map((m) => m.metrics.accuracy)).toEqual([0, 0.1, 0.2, 0.3]);
      expect(listed.map((m) => m.version)).toEqual(published.map((m) => m.version));
      expect(listed.map((m) => m.sequence)).toEqual([1, 2, 3, 4]);
      expect((await registry.resolve("churn", "3"))?.version).toBe(published[2]?.version);

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
      const same = new Date("2026-01-01T00:00:00.000Z");
      expect(new Set(Array.from({ length: 20 }, () => newVersionId(same))).size).toBe(20);
    });
  });

  describe("aliases and history", () => {
    it("moves aliases and records every move, oldest first, with from taken from the chain", async () => {
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
        kind: "promote",
      });
      await registry.moveAlias("churn", "staging", second.version, event("2026-01-03T00:00:00.000Z"));
      await registry.moveAlias("churn", "champion", second.version, {
        ...event("2026-01-04T00:00:00.000Z", "hotfix"),
        forced: true,
      });

      expect(await registry.aliases("churn")).toEqual({ champion: second.version, staging: second.version });
      expect((await registry.resolve("churn", "champion"))?.version).toBe(second.version);
      expect((await registry.history("churn")).map((e) => [e.alias, e.from, e.to, e.reason, e.forced])).toEqual([
        ["champion", null, first.version, "gate passed", false],
        ["staging", null, second.version, "test", false],
        ["champion", first.version, second.version, "hotfix", true],
      ]);
      expect((await registry.history("churn", "staging")).map((e) => e.to)).toEqual([second.version]);
    });

    it("answers which version an alias pointed at on a given date", async () => {
      const { registry, publish } = await setup();
      const [a, b] = [await publish(), await publish()];
      await registry.moveAlias("churn", "champion", a.version, event("2026-02-01T00:00:00.000Z"));
      await registry.moveAlias("churn", "champion", b.version, event("2026-03-01T12:00:00.000Z"));
      const at = async (date: string) => (await registry.aliasAt("churn", "champion", new Date(date)))?.to;
      expect(await at("2026-01-31T23:59:59.999Z")).toBeUndefined();
      expect(await at("2026-02-01T00:00:00.000Z")).toBe(a.version);
      expect(await at("2026-03-01T11:59:59.999Z")).toBe(a.version);
      expect(await at("2026-03-01T12:00:00.000Z")).toBe(b.version);
      expect(await at("2030-01-01T00:00:00.000Z")).toBe(b.version);
    });

    it("keeps the order of moves when a mover's clock is behind the last entry", async () => {
      const { registry, publish } = await setup();
      const [a, b] = [await publish(), await publish()];
      await registry.moveAlias("churn", "champion", a.version, event("2026-02-01T00:00:00.000Z"));
      // This machine's clock is a day behind; its move still comes after the one it saw.
      const late = await registry.moveAlias("churn", "champion", b.version, event("2026-01-31T00:00:00.000Z"));
      expect(late).toMatchObject({ from: a.version, to: b.version, at: "2026-02-01T00:00:00.001Z" });
      expect(await registry.aliases("churn")).toEqual({ champion: b.version });
    });

    it("rolls back one step at a time, recording each rollback, until there is nothing earlier", async () => {
      const { registry, publish } = await setup();
      const [v1, v2, v3] = [await publish(), await publish(), await publish()];
      for (const [i, v] of [v1, v2, v3].entries()) {
        await registry.moveAlias("churn", "champion", v.version, event(`2026-02-0${i + 1}T00:00:00.000Z`));
      }
      const rollback = (at: string) => registry.rollback("churn", "champion", { ...event(at), reason: "" });
      expect(await rollback("2026-02-05T00:00:00.000Z")).toMatchObject({
        from: v3.version,
        to: v2.version,
        kind: "rollback",
        reason: `rolled back from ${v3.version}`,
      });
      expect((await rollback("2026-02-06T00:00:00.000Z")).to).toBe(v1.version);
      expect(await registry.aliases("churn")).toEqual({ champion: v1.version });
      const error: unknown = await rollback("2026-02-07T00:00:00.000Z").catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        `champion of churn has nothing to roll back to: it has only ever stood on ${v1.version}`,
      );
      // A promotion after rollbacks starts a new step: rolling back returns to where it was promoted from.
      await registry.moveAlias("churn", "champion", v3.version, event("2026-02-08T00:00:00.000Z"));
      expect((await rollback("2026-02-09T00:00:00.000Z")).to).toBe(v1.version);
      expect((await registry.history("churn", "champion")).map((e) => [e.kind, e.from, e.to])).toEqual([
        ["promote", null, v1.version],
        ["promote", v1.version, v2.version],
        ["promote", v2.version, v3.version],
        ["rollback", v3.version, v2.version],
        ["rollback", v2.version, v1.version],
        ["promote", v1.version, v3.version],
        ["rollback", v3.version, v1.version],
      ]);
    });

    it("refuses an alias with nothing behind it", async () => {
      const { registry } = await setup();
      await expect(registry.rollback("churn", "champion", { ...event("2026-02-01T00:00:00.000Z") })).rejects.toThrow(
        "churn has no alias champion to roll back",
      );
    });
  });

  describe("names and paths from configs, command lines and manifests", () => {
    it("refuses traversal and control characters before they reach a key", async () => {
      const { dir, registry, publish } = await setup();
      const manifest = await publish();
      const refused = [
        () => registry.versions("../churn"),
        () => registry.resolve("churn/../other", "champion"),
        () => registry.resolve("churn", "../../etc/passwd"),
        () => registry.resolve("churn", "champion\u0007"),
        () => registry.version("churn", "../versions"),
        () => registry.history("churn", "../x"),
        () => registry.moveAlias("churn", "../../x", manifest.version, event("2026-01-02T00:00:00.000Z")),
        () => registry.moveAlias("churn", "7", manifest.version, event("2026-01-02T00:00:00.000Z")),
        () => publish({ model: "../escape" }),
        () => publish({ files: [{ path: "../outside.bin", source: path.join(dir, "model/weights.bin") }] }),
        () => publish({ files: [{ path: "/etc/passwd", source: path.join(dir, "model/weights.bin") }] }),
        () => publish({ files: [{ path: "a/./b", source: path.join(dir, "model/weights.bin") }] }),
        () => publish({ attachments: [{ name: "../x", source: path.join(dir, "predictions.csv") }] }),
      ];
      for (const call of refused) await expect(call(), String(call)).rejects.toThrow(InputError);
      expect((await registry.versions("churn")).map((m) => m.version)).toEqual([manifest.version]);
    });

    it("refuses to pull a forged manifest whose path leaves the output folder", async () => {
      const { dir, registry, publish } = await setup();
      const manifest = await publish();
      const forged = {
        ...manifest,
        files: [{ ...manifest.files[0], path: "../../evil.sh", size: 1, sha256: "0".repeat(64) }],
      };
      await expect(registry.pull(forged, path.join(dir, "out"))).rejects.toThrow(InputError);
      await expect(readFile(path.join(dir, "evil.sh"))).rejects.toMatchObject({ code: "ENOENT" });
    });
  });
});
