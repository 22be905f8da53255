import path from "node:path";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createRegistry, type PruneReport, type Registry } from "../../src/registry/registry.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { publishInput } from "../helpers/publish.ts";
import { useBackend } from "../helpers/registry-backends.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { backends, move, registrySetup, truncate } from "./backends.ts";

/**
 * Issue 15, item 5: `mlops models prune` keeps the last N versions, every version an alias points or ever pointed at,
 * and every version created less than a day ago; it deletes nothing without `apply`; applied, it deletes exactly the
 * objects it listed, manifest first, so a prune that fails or dies part-way never leaves a half version, and a rerun
 * finishes the rest. Run on every row of the backend table, through the registry's core; the CLI door is in
 * cli-prune.test.ts.
 */

const DAY = 24 * 3600_000;

/** A registry on `store` whose clock stands `days` after the setup's versions were published (2026-01-01 12:00). */
const pruner = (store: ObjectStore, days: number): Registry =>
  createRegistry(store, () => new Date(Date.UTC(2026, 0, 1, 12) + days * DAY), { sleep: () => Promise.resolve() });

/** [version, reasons] of what a report keeps, and the versions it prunes. */
const plan = (report: PruneReport) => ({
  kept: report.kept.map((v) => [v.version, v.reasons]),
  pruned: report.pruned.map((v) => v.version),
});

describe.each(backends())("prune on a %s", (_name, open, backend) => {
  useBackend(backend);

  /** Seven versions; champion moved to v2, then v3. */
  async function model() {
    const setup = await registrySetup(open);
    const versions = [];
    for (let i = 0; i < 7; i++) versions.push(await setup.publish());
    const [v1, v2, v3, v4, v5, v6, v7] = versions.map((v) => v.version) as [string, ...string[]];
    await setup.registry.moveAlias("churn", "champion", v2 ?? "", move("2026-01-01T13:00:00.000Z"));
    await setup.registry.moveAlias("churn", "champion", v3 ?? "", move("2026-01-01T14:00:00.000Z"));
    return { ...setup, ids: { v1, v2, v3, v4, v5, v6, v7 } as Record<string, string> };
  }

  it("keeps the last N and every version an alias points or pointed at; a dry run deletes nothing", async () => {
    const { store, ids } = await model();
    const before = await store.list("");
    const report = await pruner(store, 2).prune("churn", { keep: 2, apply: false, actor: "tester" });
    expect(plan(report)).toEqual({
      kept: [
        [ids.v2, ["champion pointed at it"]],
        [ids.v3, ["champion points at it"]],
        [ids.v6, ["one of the last 2"]],
        [ids.v7, ["one of the last 2"]],
      ],
      pruned: [ids.v1, ids.v4, ids.v5],
    });
    const first = report.pruned[0];
    expect(first).toMatchObject({ sequence: 1, createdAt: "2026-01-01T12:00:00.000Z", bytes: 20 });
    expect(first?.objects).toEqual([
      `churn/versions/${ids.v1}/manifest.json`,
      `churn/versions/${ids.v1}/files/model/config.json`,
      `churn/versions/${ids.v1}/files/model/weights.bin`,
    ]);
    expect(report).toMatchObject({ applied: false, debris: [], failed: [], record: null });
    expect(await store.list("")).toEqual(before);
  });

  it("applied, deletes exactly the objects it listed and records it; list shows the kept ones, pull verifies", async () => {
    const { store, dir, ids } = await model();
    const before = await store.list("");
    const registry = pruner(store, 2);
    const dry = await registry.prune("churn", { keep: 2, apply: false, actor: "tester" });
    const report = await registry.prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(plan(report)).toEqual(plan(dry));
    expect(report.failed).toEqual([]);
    expect(report.record).toMatch(/^churn\/prune\/20260103T120000000Z-[0-9a-f]{8}\.json$/);
    const after = await store.list("");
    expect(before.filter((key) => !after.includes(key))).toEqual(dry.pruned.flatMap((v) => v.objects).sort());
    expect(after.filter((key) => !before.includes(key))).toEqual([report.record]);
    const record: unknown = JSON.parse((await store.get(report.record ?? ""))?.toString() ?? "");
    expect(record).toMatchObject({
      format: "mlops-kit/prune@1",
      model: "churn",
      at: "2026-01-03T12:00:00.000Z",
      actor: "tester",
      keep: 2,
      pruned: [
        { version: ids.v1, sequence: 1, objects: 3 },
        { version: ids.v4, sequence: 4 },
        { version: ids.v5, sequence: 5 },
      ],
    });

    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([ids.v2, ids.v3, ids.v6, ids.v7]);
    expect(await registry.resolve("churn", "1")).toBeUndefined();
    expect((await registry.history("churn")).map((e) => e.to)).toEqual([ids.v2, ids.v3]);
    const kept = await registry.resolve("churn", "champion");
    if (!kept) throw new Error("champion is gone");
    const out = path.join(dir, "out");
    await registry.pull(kept, out);
    expect(await readFile(path.join(out, "model/config.json"), "utf8")).toBe('{"layers": 2}\n');

    // Nothing left to prune: no deletion, no record.
    const again = await registry.prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(again).toMatchObject({ pruned: [], debris: [], record: null });
    expect(await store.list("")).toEqual(after);
  });

  it("keeps every version created less than a day ago: its publish may still promote it", async () => {
    const { store, registry } = await model();
    const report = await registry.prune("churn", { keep: 1, apply: true, actor: "tester" });
    expect(report.pruned).toEqual([]);
    expect(report.kept[0]?.reasons).toEqual(["created less than a day ago: its publish may still promote it"]);
    expect(await store.list("churn/prune/")).toEqual([]);
  });

  it("keeps what a recorded `from` names and whatever a damaged alias entry may have pointed at", async () => {
    const { store, ids } = await model();
    const registry = pruner(store, 2);
    // canary: v1 then v4, its first entry damaged. The second entry's recorded `from` still names v1. (Stamped long
    // before the versions, so the gap the damage leaves covers none of them.)
    await registry.moveAlias("churn", "canary", ids.v1 ?? "", move("2025-12-01T00:00:00.000Z"));
    await registry.moveAlias("churn", "canary", ids.v4 ?? "", move("2025-12-01T01:00:00.000Z"));
    await truncate(store, (await store.list("churn/aliases/canary/"))[0] ?? "", 30);
    const report = await registry.prune("churn", { keep: 1, apply: false, actor: "tester" });
    expect(plan(report).kept.find(([v]) => v === ids.v1)).toEqual([ids.v1, ["canary pointed at it"]]);

    // staging's only entry is damaged: it may have gone to any version created up to a day after it.
    await registry.moveAlias("churn", "staging", ids.v5 ?? "", move("2026-01-01T17:00:00.000Z"));
    await truncate(store, (await store.list("churn/aliases/staging/"))[0] ?? "", 30);
    const late = await setupLatePublish(store, 3);
    const gap = await pruner(store, 5).prune("churn", { keep: 1, apply: false, actor: "tester" });
    const because = "staging's unreadable move at 2026-01-01T17:00:00.000Z may have gone to it";
    expect(plan(gap).pruned).toEqual([late[0]]);
    expect(plan(gap).kept.find(([v]) => v === ids.v6)).toEqual([ids.v6, [because]]);
    expect(plan(gap).kept.at(-1)).toEqual([late[1], ["one of the last 1"]]);
  });

  it("keeps a version whose manifest is damaged", async () => {
    const { store, ids } = await model();
    await truncate(store, `churn/versions/${ids.v1}/manifest.json`, 20);
    const report = await pruner(store, 2).prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(report.kept[0]).toMatchObject({ version: ids.v1, sequence: null, createdAt: null });
    expect(report.kept[0]?.reasons[0]).toMatch(/^its manifest is not valid JSON .*: see `mlops models fsck`$/);
    expect(await store.list(`churn/versions/${ids.v1}/`)).toHaveLength(3);

    // Once fsck moved the manifest aside, v1 is no version, and its files wait for a person, not for prune.
    await pruner(store, 2).fsck("churn", { repair: true, actor: "tester" });
    const after = await pruner(store, 2).prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(after).toMatchObject({ pruned: [], debris: [], failed: [] });
    expect(await store.list(`churn/versions/${ids.v1}/`)).toHaveLength(2);
  });

  it("a delete failing after the manifest leaves no half version; a rerun finishes the rest", async () => {
    const { store, ids } = await model();
    // Every delete of a file fails: what a prune killed right after the manifests would leave.
    const failing: ObjectStore = {
      ...store,
      delete: (key) => (key.endsWith("/manifest.json") ? store.delete(key) : Promise.reject(new Error("injected"))),
    };
    const report = await pruner(failing, 2).prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(report.pruned.map((v) => v.version)).toEqual([ids.v1, ids.v4, ids.v5]);
    expect(report.failed).toHaveLength(6);
    expect(report.failed[0]?.problem).toMatch(/^left behind, invisible .*: injected$/);
    expect(report.record).not.toBeNull();
    const registry = pruner(store, 2);
    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([ids.v2, ids.v3, ids.v6, ids.v7]);
    expect(await registry.version("churn", ids.v1 ?? "")).toBeUndefined();

    const rerun = await registry.prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(rerun.pruned).toEqual([]);
    expect(rerun.debris.map((d) => d.version)).toEqual([ids.v1, ids.v4, ids.v5]);
    expect(rerun.failed).toEqual([]);
    for (const v of [ids.v1, ids.v4, ids.v5]) expect(await store.list(`churn/versions/${v}/`)).toEqual([]);
    expect(await store.list("churn/prune/")).toHaveLength(2);
  });

  it("a manifest delete that fails keeps that version whole and goes on with the others", async () => {
    const { store, ids } = await model();
    const failing: ObjectStore = {
      ...store,
      delete: (key) => (key.includes(ids.v4 ?? "-") ? Promise.reject(new Error("access denied")) : store.delete(key)),
    };
    const report = await pruner(failing, 2).prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(report.pruned.map((v) => v.version)).toEqual([ids.v1, ids.v5]);
    expect(report.failed).toEqual([
      { key: `churn/versions/${ids.v4}/manifest.json`, problem: `${ids.v4} was not deleted: access denied` },
    ]);
    expect(await store.list(`churn/versions/${ids.v4}/`)).toHaveLength(3);
  });

  it("puts back the manifest of a version an alias moved to while prune ran", async () => {
    const { store, dir, ids } = await model();
    const registry = pruner(store, 2);
    // A promotion that checked v4 before its manifest went, and wrote its move just after.
    const racing: ObjectStore = {
      ...store,
      delete: async (key) => {
        if (key === `churn/versions/${ids.v4}/manifest.json`) {
          await registry.moveAlias("churn", "staging", ids.v4 ?? "", move("2026-01-02T00:00:00.000Z"));
        }
        await store.delete(key);
      },
    };
    const report = await pruner(racing, 2).prune("churn", { keep: 2, apply: true, actor: "tester" });
    expect(report.restored).toEqual([ids.v4]);
    expect(report.pruned.map((v) => v.version)).toEqual([ids.v1, ids.v5]);
    const staging = await registry.resolve("churn", "staging");
    if (!staging) throw new Error("staging is gone");
    await registry.pull(staging, path.join(dir, "staging"));
    expect(await store.list(`churn/versions/${ids.v4}/`)).toHaveLength(3);
  });
});

/** Two more versions of churn published `days` after the setup's, on the same store. */
async function setupLatePublish(store: ObjectStore, days: number): Promise<string[]> {
  const dir = await tempDir();
  await writeFiles(dir, { "w.bin": "late" });
  const registry = pruner(store, days);
  const input = publishInput({ model: "churn", files: [{ path: "w.bin", source: path.join(dir, "w.bin") }] });
  return [(await registry.publish(input)).version, (await registry.publish(input)).version];
}
