import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, type FsckReport } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { backends, move, NOT_JSON, registrySetup, truncate } from "./backends.ts";
import { useBackend } from "../helpers/registry-backends.ts";

/**
 * Issue 12, item 9: `mlops models fsck [--repair]` checks every manifest, alias history and stored file of a model,
 * says what is wrong in words, repairs what can be repaired without guessing (moving things aside, never deleting
 * what might be wanted), records what it did, and says what the user must do about the rest.
 */

/** [key, problem, what was repaired, whether there is advice] of each problem. */
const summary = (report: FsckReport) => report.problems.map((p) => [p.key, p.problem, p.repaired, p.advice !== null]);

describe.each(backends())("fsck on a %s", (_name, open, backend) => {
  useBackend(backend);

  /** A model with one of every kind of damage (and young debris fsck must leave alone). */
  async function damagedModel() {
    const setup = await registrySetup(open);
    const { store, registry, publish } = setup;
    const [v1, v2, v3, v4, v5] = [await publish(), await publish(), await publish(), await publish(), await publish()];
    const at = (day: number) => move(`2026-02-${String(day).padStart(2, "0")}T00:00:00.000Z`);
    await registry.moveAlias("churn", "canary", v2.version, at(1));
    for (const [i, v] of [v1, v3, v1].entries()) await registry.moveAlias("churn", "champion", v.version, at(2 + i));
    for (const [i, v] of [v1, v3].entries()) await registry.moveAlias("churn", "staging", v.version, at(5 + i));
    const champion = await store.list("churn/aliases/champion/");
    const staging = await store.list("churn/aliases/staging/");
    const canary = (await store.list("churn/aliases/canary/"))[0];

    const manifest = `churn/versions/${v2.version}/manifest.json`;
    const truncated = await truncate(store, manifest, 40);
    // Same size, one byte changed: only the sha256 shows it.
    await store.put(`churn/versions/${v3.version}/files/model/weights.bin`, Buffer.from([0, 1, 2, 3, 254, 0]));
    await store.delete(`churn/versions/${v4.version}/files/model/config.json`);
    await store.put(`churn/versions/${v5.version}/files/model/weights.bin`, "abc");
    const middle = champion[1] ?? "";
    const middleBody = await truncate(store, middle, 40);
    await store.put(staging[1] ?? "", "{}");
    const old = "v20251230T000000000Z-dead00";
    const young = "v20260101T115959000Z-beef00";
    for (const id of [old, young]) await store.put(`churn/versions/${id}/files/model/weights.bin`, "half");
    return { ...setup, v1, v2, v3, v4, v5, manifest, truncated, middle, middleBody, staging, canary, old, young };
  }

  it("finds nothing wrong with a sound model", async () => {
    const { registry, publish } = await registrySetup(open);
    const [v1] = [await publish(), await publish()];
    await registry.moveAlias("churn", "champion", v1.version, move("2026-02-01T00:00:00.000Z"));
    const report = await registry.fsck("churn", { repair: true, actor: "tester" });
    expect(report).toMatchObject({
      model: "churn",
      checked: { versions: 2, files: 4, bytes: 40, aliases: 1, entries: 1 },
      problems: [],
      young: [],
      record: null,
    });
  });

  it("reports every problem in words and changes nothing without --repair", async () => {
    const { store, registry, v2, v3, v4, v5, manifest, middle, staging, canary, old, young } = await damagedModel();
    const before = await store.list("churn/");
    const report = await registry.fsck("churn", { repair: false, actor: "tester" });
    expect(summary(report)).toEqual([
      [manifest, `${manifest} ${NOT_JSON}: version ${v2.version} is hidden`, null, false],
      [
        `churn/versions/${v3.version}/files/model/weights.bin`,
        `model/weights.bin of ${v3.version} is corrupted: its sha256 is 7bb24e91877a…, its manifest says 7ea646958715…`,
        null,
        true,
      ],
      [
        `churn/versions/${v4.version}/files/model/config.json`,
        `${v4.version} lists model/config.json, but the registry has no such object`,
        null,
        true,
      ],
      [
        `churn/versions/${v5.version}/files/model/weights.bin`,
        `model/weights.bin of ${v5.version} holds 3 bytes; its manifest says 6`,
        null,
        true,
      ],
      [
        `churn/versions/${old}/`,
        `${old} has 1 object(s) but no manifest: what a publish interrupted more than a day ago left behind`,
        null,
        false,
      ],
      [canary, `canary points at ${v2.version}, which is not a readable version of churn`, null, true],
      [middle, `${middle} ${NOT_JSON}: the move of champion at 2026-02-03T00:00:00.000Z is unknown`, null, false],
      [
        staging[1],
        `${staging[1]} is not a valid alias-history entry (alias: Invalid input: expected string, received undefined): ` +
          "it is the last move of staging, so where staging points is unknown",
        null,
        true,
      ],
    ]);
    expect(report.checked).toEqual({ versions: 4, files: 8, bytes: 80, aliases: 3, entries: 6 });
    expect(report.young).toEqual([young]);
    expect(report.record).toBeNull();
    expect(await store.list("churn/")).toEqual(before);
  });

  it("--repair moves damaged objects aside, removes old debris, records it, and leaves the rest with advice", async () => {
    const setup = await damagedModel();
    const { store, registry, v1, v2, v3, manifest, truncated, middle, middleBody, old, young } = setup;
    const report = await registry.fsck("churn", { repair: true, actor: "tester" });
    const quarantined = `churn/quarantine/versions/${v2.version}/manifest.json`;
    const movedEntry = middle.replace("churn/aliases/", "churn/quarantine/aliases/");
    expect(report.problems.map((p) => [p.key, p.repaired])).toEqual([
      [manifest, `moved aside to ${quarantined}`],
      [`churn/versions/${v3.version}/files/model/weights.bin`, null],
      [expect.stringContaining("/files/model/config.json"), null],
      [expect.stringContaining("/files/model/weights.bin"), null],
      [`churn/versions/${old}/`, "removed 1 object(s)"],
      [expect.stringContaining("churn/aliases/canary/"), null],
      [middle, `moved aside to ${movedEntry}`],
      [expect.stringContaining("churn/aliases/staging/"), null],
    ]);
    for (const problem of report.problems.filter((p) => p.repaired === null)) expect(problem.advice).not.toBeNull();
    // Moved, not deleted: the bytes are in the quarantine, the originals are gone, the version's files are kept.
    expect(await store.get(quarantined)).toEqual(truncated);
    expect(await store.get(movedEntry)).toEqual(middleBody);
    expect(await store.exists(manifest)).toBe(false);
    expect(await store.exists(middle)).toBe(false);
    expect(await store.list(`churn/versions/${v2.version}/files/`)).toHaveLength(2);
    expect(await store.list(`churn/versions/${old}/`)).toEqual([]);
    expect(await store.list(`churn/versions/${young}/`)).toHaveLength(1);

    // The record: written once in the registry, saying what was done and what was not.
    expect(report.record).toMatch(/^churn\/fsck\/20260101T\d{9}Z-[0-9a-f]{8}\.json$/);
    const record = JSON.parse((await store.get(report.record ?? ""))?.toString() ?? "") as {
      format: string;
      actor: string;
      repaired: { key: string; action: string }[];
      unrepaired: { key: string; advice: string }[];
    };
    expect(record).toMatchObject({ format: "mlops-kit/fsck@1", actor: "tester" });
    expect(record.repaired.map((r) => r.key)).toEqual([manifest, `churn/versions/${old}/`, middle]);
    expect(record.unrepaired).toHaveLength(5);

    // Reads no longer meet the moved damage; the moved entry stays a gap, so a rollback across it still refuses.
    const damaged: string[] = [];
    const after = createRegistry(store, () => new Date("2026-01-01T12:10:00Z"), {
      onDamage: (d) => damaged.push(d.key),
    });
    expect((await after.versions("churn")).map((m) => m.version)).not.toContain(v2.version);
    expect((await after.history("churn", "champion")).map((e) => [e.from, e.to])).toEqual([
      [null, v1.version],
      [null, v1.version],
    ]);
    expect(damaged).toEqual([]);
    // ... and a row of the history, so the repair hides nothing.
    expect((await after.timeline("churn", "champion")).map((row) => ("gap" in row ? row.gap : row.move.to))).toEqual([
      v1.version,
      { alias: "champion", at: expect.any(String) as string, key: movedEntry, state: "quarantined", problem: null },
      v1.version,
    ]);
    await expect(
      after.rollback("churn", "champion", { ...move("2026-03-01T00:00:00.000Z"), reason: "" }),
    ).rejects.toThrow("was damaged and moved aside by fsck");
    // A version whose manifest was moved aside keeps its files, even for the clean that removes debris.
    expect((await setup.later(72).clean("churn")).versions).toEqual([young]);
    expect(await store.list(`churn/versions/${v2.version}/files/`)).toHaveLength(2);

    // What is left needs a person: promoting repairs the aliases; the next repair moves the old last entry aside.
    const again = await registry.fsck("churn", { repair: false, actor: "tester" });
    expect(again.problems.every((p) => p.advice !== null)).toBe(true);
    await registry.moveAlias("churn", "staging", v1.version, move("2026-03-02T00:00:00.000Z"));
    await registry.moveAlias("churn", "canary", v1.version, move("2026-03-02T00:00:00.000Z"));
    const fixed = await registry.fsck("churn", { repair: true, actor: "tester" });
    expect(fixed.problems.map((p) => p.repaired)).toEqual([
      null,
      null,
      null,
      expect.stringMatching(/^moved aside to /),
    ]);
    expect(fixed.record).not.toBe(report.record);
    // The first record is still there, unchanged: the log is append-only.
    expect((await store.list("churn/fsck/")).sort()).toEqual([report.record, fixed.record].sort());
    expect((await after.resolve("churn", "staging"))?.version).toBe(v1.version);
  });
});

describe("mlops models fsck", () => {
  it("exits 1 on problems, repairs them with --repair (exit 0 once none is left), and says what it did", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "mlops.yml": "version: 1\nmodel: { name: churn }\npublish: { files: [w.bin], promote: false }\n",
      "w.bin": "w",
    });
    const store = createLocalStore(path.join(dir, ".mlops/registry"));
    const registry = createRegistry(store);
    const publish = () =>
      registry.publish(publishInput({ model: "churn", files: [{ path: "w.bin", source: path.join(dir, "w.bin") }] }));
    const [v1, v2] = [await publish(), await publish()];
    for (const [i, v] of [v1, v2, v1].entries()) {
      await registry.moveAlias("churn", "champion", v.version, move(`2026-02-0${i + 1}T00:00:00.000Z`));
    }
    const entry = (await store.list("churn/aliases/champion/"))[1] ?? "";
    await store.put(entry, "{");
    await store.put(`churn/versions/${v2.version}/manifest.json`, "");

    const check = await runCli(["models", "fsck"], { cwd: dir });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toBe(
      `Checked churn in ${store.location}: 1 version(s) with 1 file(s) (1 B, sha256 read back), 1 alias(es) with 3 move(s).\n` +
        `problem: churn/versions/${v2.version}/manifest.json is empty: version ${v2.version} is hidden\n` +
        "  `mlops models fsck --repair` repairs it\n" +
        `problem: ${entry} ${NOT_JSON}: the move of champion at 2026-02-02T00:00:00.000Z is unknown\n` +
        "  `mlops models fsck --repair` repairs it\n" +
        "2 problem(s).\n",
    );
    const repair = await runCli(["models", "fsck", "--repair", "--json"], { cwd: dir });
    expect(repair.exitCode).toBe(0);
    const report = JSON.parse(repair.stdout) as FsckReport;
    expect(report.problems.map((p) => p.repaired)).toEqual([
      `moved aside to churn/quarantine/versions/${v2.version}/manifest.json`,
      `moved aside to ${entry.replace("churn/aliases/", "churn/quarantine/aliases/")}`,
    ]);
    expect(repair.stderr).toContain(`2 problem(s): 2 repaired, 0 left. What was done is recorded in ${report.record}.`);
    const clean = await runCli(["models", "fsck"], { cwd: dir });
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toContain("No problems found.");
  });
});
