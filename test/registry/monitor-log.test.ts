import { describe, expect, it, onTestFinished } from "vitest";
import { InputError } from "../../src/errors.ts";
import { MONITOR_LOG_FORMAT } from "../../src/registry/monitor-log.ts";
import { TOO_LARGE } from "../../src/registry/stored-manifest.ts";
import { MAX_GET_BYTES } from "../../src/store/object-store.ts";
import { createRegistry, type MonitorLogEntry } from "../../src/registry/registry.ts";
import { createGitHubStore } from "../../src/store/github-store.ts";
import { git } from "../helpers/git.ts";
import { startFakeGitHub } from "../helpers/github-server.ts";
import { GITHUB_TEST_TOKEN, useBackend } from "../helpers/registry-backends.ts";
import { tempDir } from "../helpers/temp.ts";
import { backends, move, NOT_JSON, registrySetup } from "./backends.ts";

/**
 * Issue 18 item 3: the monitoring log, history outside the immutable versions, per model and alias, append-only (the
 * newest entry of a window wins), on every backend of the registry's contract (helpers/registry-backends.ts).
 */

const VERSION = "v20260101T120000000Z-abcdef";
const HOUR = 3600_000;

/** The entry of one window: `start` is the window's ISO start; its key and end follow from the size. */
function entry(
  size: "hour" | "day",
  start: string,
  result: Record<string, unknown> = {},
  version = VERSION,
): MonitorLogEntry {
  const from = Date.parse(start);
  return {
    window: {
      key: size === "hour" ? start.slice(0, 13) : start.slice(0, 10),
      size,
      start: new Date(from).toISOString(),
      end: new Date(from + (size === "hour" ? HOUR : 24 * HOUR)).toISOString(),
    },
    version,
    computedAt: "2026-03-30T01:00:00.000Z",
    runUrl: "https://github.com/octo-org/models/actions/runs/7",
    result,
  };
}

const day = (date: string, result: Record<string, unknown> = {}) => entry("day", `${date}T00:00:00.000Z`, result);

/** What the log reads back for `entries` written to `key`. */
const keyed = (key: string | undefined, entries: MonitorLogEntry[]) => entries.map((e) => ({ ...e, key }));

const OBJECT_KEY = /^churn\/monitor\/champion\/\d{8}T\d{9}Z-[0-9a-f]{8}\.json$/;

describe.each(backends())("the monitoring log on a %s", (_name, open, backend) => {
  useBackend(backend);

  it("reads back what a run appended: one object of the kit's format, every entry, the newest per window", async () => {
    const { store, registry, damaged } = await registrySetup(open);
    const run = [day("2026-03-27", { rows: 120 }), day("2026-03-28", { rows: 98, drift: { share: 0.1 } })];
    const keys = await registry.appendMonitorLog("churn", "champion", run);
    expect(keys).toEqual([expect.stringMatching(/^churn\/monitor\/champion\/20260101T120000000Z-[0-9a-f]{8}\.json$/)]);
    expect(JSON.parse((await store.get(keys[0] ?? ""))?.toString() ?? "")).toEqual({
      format: MONITOR_LOG_FORMAT,
      model: "churn",
      alias: "champion",
      entries: run,
    });
    expect(await registry.monitorLog("churn", "champion")).toEqual({
      entries: keyed(keys[0], run),
      latest: keyed(keys[0], run),
    });
    expect(await registry.appendMonitorLog("churn", "champion", [])).toEqual([]);
    expect(await store.list("churn/monitor/")).toEqual(keys);
    expect(await registry.monitorLog("churn", "staging")).toEqual({ entries: [], latest: [] });
    expect(damaged).toEqual([]);
  });

  it("the newest entry of a window wins, across runs and within one; a run is stored in window order", async () => {
    const { registry } = await registrySetup(open);
    const [first] = await registry.appendMonitorLog("churn", "champion", [
      day("2026-03-28", { labelled: false }),
      day("2026-03-27", { labelled: true }),
    ]);
    // A late label: a later run adds an entry for 03-28; within one run, the later of two entries for 03-29 wins.
    const [second] = await registry.appendMonitorLog("churn", "champion", [
      day("2026-03-29", { rows: 1 }),
      day("2026-03-28", { labelled: true }),
      day("2026-03-29", { rows: 2 }),
    ]);
    const log = await registry.monitorLog("churn", "champion");
    expect(log.entries.map((e) => [e.key, e.window.key, e.result])).toEqual([
      [first, "2026-03-27", { labelled: true }],
      [first, "2026-03-28", { labelled: false }],
      [second, "2026-03-28", { labelled: true }],
      [second, "2026-03-29", { rows: 1 }],
      [second, "2026-03-29", { rows: 2 }],
    ]);
    expect(log.latest.map((e) => [e.key, e.window.key, e.result])).toEqual([
      [first, "2026-03-27", { labelled: true }],
      [second, "2026-03-28", { labelled: true }],
      [second, "2026-03-29", { rows: 2 }],
    ]);
  });

  it("a writer whose clock is behind appends after the last object it saw", async () => {
    const { store, registry } = await registrySetup(open);
    const [ahead] = await registry.appendMonitorLog("churn", "champion", [day("2026-03-28", { by: "ahead" })]);
    const behind = createRegistry(store, () => new Date(Date.UTC(2025, 0, 1)));
    const [late] = await behind.appendMonitorLog("churn", "champion", [day("2026-03-28", { by: "behind" })]);
    expect(ahead).toMatch(/\/20260101T120000000Z-/);
    expect(late).toMatch(/\/20260101T120000001Z-/);
    const log = await registry.monitorLog("churn", "champion");
    expect(log.entries.map((e) => e.key)).toEqual([ahead, late]);
    expect(log.latest.map((e) => e.result)).toEqual([{ by: "behind" }]);
  });

  it("a run too large for one object writes several, each within the limit, read back whole and in order", async () => {
    const { store } = await registrySetup(open);
    const limit = 2000;
    const registry = createRegistry(store, () => new Date(Date.UTC(2026, 2, 30, 1)), { monitorLogObjectBytes: limit });
    const run = Array.from({ length: 30 }, (_, i) =>
      entry("hour", new Date(Date.UTC(2026, 2, 28) + i * HOUR).toISOString(), { rows: i, note: "x".repeat(200) }),
    );
    const keys = await registry.appendMonitorLog("churn", "champion", run);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys).toEqual([...keys].sort());
    expect(await store.list("churn/monitor/champion/")).toEqual(keys);
    for (const key of keys) {
      expect(key).toMatch(OBJECT_KEY);
      expect((await store.get(key))?.length).toBeLessThanOrEqual(limit);
    }
    const log = await registry.monitorLog("churn", "champion");
    expect(log.entries.map(({ key: _key, ...e }) => e)).toEqual(run);
    expect(log.latest.map((e) => e.window.key)).toEqual(run.map((e) => e.window.key));

    // An entry larger than an object by itself is a bug, named by its window; nothing of that run is written.
    const huge = day("2026-03-31", { note: "x".repeat(limit) });
    await expect(registry.appendMonitorLog("churn", "champion", [day("2026-03-30"), huge])).rejects.toThrow(
      /window 2026-03-31 holds \d+ bytes of JSON, more than one log object may \(2000\)/,
    );
    expect(await store.list("churn/monitor/champion/")).toEqual(keys);
  });

  it("runs appending at once all land: no entry lost, each run's entries together and in order", async () => {
    const dir = await tempDir();
    const place = backend.place(dir);
    const at = new Date(Date.UTC(2026, 2, 30, 1));
    const runs = ["a", "b", "c", "d"].map((run) => ({
      registry: createRegistry(place(), () => at, { monitorLogObjectBytes: 1200 }),
      entries: Array.from({ length: 6 }, (_, i) =>
        entry("hour", new Date(Date.UTC(2026, 2, 29) + i * HOUR).toISOString(), { run, note: "x".repeat(150) }),
      ),
    }));
    const written = await Promise.all(runs.map((r) => r.registry.appendMonitorLog("churn", "champion", r.entries)));
    const log = await createRegistry(place()).monitorLog("churn", "champion");
    expect(log.entries).toHaveLength(24);
    for (const [i, run] of runs.entries()) {
      const mine = log.entries.filter((e) => written[i]?.includes(e.key));
      expect(mine.map(({ key: _key, ...e }) => e)).toEqual(run.entries);
    }
    expect(log.latest).toHaveLength(6);
  });

  it("a damaged object is skipped and reported once; the other objects are read", async () => {
    const { store, registry, damaged } = await registrySetup(open);
    const [kept] = await registry.appendMonitorLog("churn", "champion", [day("2026-03-27", { rows: 1 })]);
    const [garbled] = await registry.appendMonitorLog("churn", "champion", [day("2026-03-28", { rows: 2 })]);
    const [copied] = await registry.appendMonitorLog("churn", "champion", [day("2026-03-29", { rows: 3 })]);
    const [invalid] = await registry.appendMonitorLog("churn", "champion", [day("2026-03-30", { rows: 5 })]);
    const [planted] = await registry.appendMonitorLog("churn", "champion", [day("2026-03-31", { rows: 6 })]);
    const [staging] = await registry.appendMonitorLog("churn", "staging", [day("2026-03-29", { rows: 4 })]);
    await store.put(garbled ?? "", Buffer.from([0x7b, 0xff, 0x00, 0x13]));
    const month = { ...day("2026-03-30"), window: { ...day("2026-03-30").window, key: "2026-03", size: "month" } };
    const envelope = { format: MONITOR_LOG_FORMAT, model: "churn", alias: "champion" };
    await store.put(invalid ?? "", JSON.stringify({ ...envelope, entries: [day("2026-03-31"), month] }));
    // Larger than anything the kit writes: never read whole.
    await store.put(planted ?? "", Buffer.alloc(MAX_GET_BYTES + 1024 * 1024, 0x20));
    // Another alias's object copied into champion's log must not pass as champion's.
    await store.put(copied ?? "", (await store.get(staging ?? "")) ?? "");

    const log = await registry.monitorLog("churn", "champion");
    expect(log.latest.map((e) => [e.key, e.result])).toEqual([[kept, { rows: 1 }]]);
    await registry.monitorLog("churn", "champion");
    const effect = "the monitoring results it holds are left out of the log of champion; the rest of the log is read";
    expect(damaged).toEqual([
      { model: "churn", key: garbled, kind: "monitor-log", subject: "champion", problem: NOT_JSON, effect },
      {
        model: "churn",
        key: copied,
        kind: "monitor-log",
        subject: "champion",
        problem: "belongs to the log of churn staging, not churn champion",
        effect,
      },
      {
        model: "churn",
        key: invalid,
        kind: "monitor-log",
        subject: "champion",
        problem: expect.stringMatching(/^is not a valid monitoring-log object \(entries\.1\.window\.size: /) as string,
        effect,
      },
      { model: "churn", key: planted, kind: "monitor-log", subject: "champion", problem: TOO_LARGE, effect },
    ]);
    expect((await registry.monitorLog("churn", "staging")).latest.map((e) => e.result)).toEqual([{ rows: 4 }]);
  });

  it("fsck checks the log and moves a damaged object aside; prune and clean never touch it", async () => {
    const { store, registry, publish, later } = await registrySetup(open);
    const [v1, v2, v3] = [await publish(), await publish(), await publish()];
    await registry.moveAlias("churn", "champion", v2.version, move("2026-01-01T13:00:00.000Z"));
    await registry.moveAlias("churn", "champion", v3.version, move("2026-01-01T14:00:00.000Z"));
    const keys = [
      ...(await registry.appendMonitorLog("churn", "champion", [day("2026-03-27")])),
      ...(await registry.appendMonitorLog("churn", "staging", [day("2026-03-27")])),
    ];
    const healthy = await registry.fsck("churn", { repair: false, actor: "tester" });
    expect(healthy.problems).toEqual([]);

    const maintenance = later(48);
    const pruned = await maintenance.prune("churn", { keep: 1, apply: true, actor: "tester" });
    expect(pruned.pruned.map((v) => v.version)).toEqual([v1.version]);
    await maintenance.clean("churn");
    expect(await store.list("churn/monitor/")).toEqual([...keys].sort());

    const [damagedKey] = await registry.appendMonitorLog("churn", "champion", [day("2026-03-28")]);
    await store.put(damagedKey ?? "", '{"format": "mlops-kit/monitor-log@1"');
    const found = await registry.fsck("churn", { repair: false, actor: "tester" });
    expect(found.problems).toEqual([
      {
        key: damagedKey,
        problem: `${damagedKey} ${NOT_JSON}: the monitoring results it holds are left out of the log of champion; the rest of the log is read`,
        repaired: null,
        advice: null,
      },
    ]);
    const repaired = await registry.fsck("churn", { repair: true, actor: "tester" });
    expect(repaired.problems[0]?.repaired).toBe(
      `moved aside to churn/quarantine/${damagedKey?.slice("churn/".length)}`,
    );
    expect(await store.list("churn/monitor/")).toEqual([...keys].sort());
    expect((await registry.monitorLog("churn", "champion")).entries.map((e) => e.key)).toEqual([keys[0]]);
    expect((await registry.fsck("churn", { repair: false, actor: "tester" })).problems).toEqual([]);
  });

  it("checks model and alias names", async () => {
    const { registry } = await registrySetup(open);
    expect(await registry.monitorLog("churn", "champion")).toEqual({ entries: [], latest: [] });
    await expect(registry.appendMonitorLog("churn", "7", [day("2026-03-27")])).rejects.toBeInstanceOf(InputError);
    await expect(registry.appendMonitorLog("../churn", "champion", [])).rejects.toBeInstanceOf(InputError);
    await expect(registry.monitorLog("churn", "../champion")).rejects.toBeInstanceOf(InputError);
    // An entry that is not valid is a bug of what computed it, named by its window; nothing is written.
    const mislabelled = { ...day("2026-03-28"), window: { ...day("2026-03-28").window, size: "hour" as const } };
    await expect(registry.appendMonitorLog("churn", "champion", [day("2026-03-27"), mislabelled])).rejects.toThrow(
      "the monitoring-log entry of window 2026-03-28 is not valid (window.key: is not a key of a window of its size)",
    );
    expect((await registry.monitorLog("churn", "champion")).entries).toEqual([]);
  });
});

describe("the monitoring log on GitHub", () => {
  it("lives on the registry ref beside the alias history, one commit per object, never in a release", async () => {
    const server = await startFakeGitHub({ repositories: { "octo-org/models": { visibility: "private" } } });
    onTestFinished(() => server.stop());
    const store = createGitHubStore({
      repository: { owner: "octo-org", repo: "models" },
      token: GITHUB_TEST_TOKEN,
      tokenFrom: "GITHUB_TOKEN",
      apiUrl: server.url,
      retrySeconds: 30,
    });
    const registry = createRegistry(store, () => new Date(Date.UTC(2026, 2, 30, 1)), { monitorLogObjectBytes: 1200 });
    const run = Array.from({ length: 6 }, (_, i) =>
      entry("hour", new Date(Date.UTC(2026, 2, 29) + i * HOUR).toISOString(), { note: "x".repeat(150) }),
    );
    const keys = await registry.appendMonitorLog("churn", "champion", run);
    expect(keys.length).toBeGreaterThan(1);
    const repository = server.repositories.get("octo-org/models");
    const gitDir = repository?.gitDir ?? "";
    expect((await git(gitDir, "ls-tree", "-r", "--name-only", "refs/mlops/registry")).split("\n")).toEqual(keys);
    expect(Number(await git(gitDir, "rev-list", "--count", "refs/mlops/registry"))).toBe(keys.length);
    expect(repository?.releases).toEqual([]);
    expect((await registry.monitorLog("churn", "champion")).entries).toHaveLength(run.length);
    expect(server.problems()).toEqual([]);
  });
});
