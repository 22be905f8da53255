import path from "node:path";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ExternalError } from "../../src/errors.ts";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import type { ObjectStore } from "../../src/store/object-store.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { backends, move, NOT_JSON, registrySetup, truncate } from "./backends.ts";
import { TOO_LARGE } from "../../src/registry/stored-manifest.ts";
import { MAX_GET_BYTES, ObjectTooLargeError } from "../../src/store/object-store.ts";
import { useBackend } from "../helpers/registry-backends.ts";

/**
 * Issue 12, items 8 and 9: one damaged manifest or alias-history entry is reported and hidden; everything else keeps
 * working, and nothing is ever answered with a guess (an alias whose last move is damaged points nowhere known).
 */

const failure = async (call: () => Promise<unknown>): Promise<ExternalError> => {
  const error: unknown = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExternalError);
  return error as ExternalError;
};

describe.each(backends())("damage on a %s", (_name, open, backend) => {
  useBackend(backend);

  describe("a damaged manifest", () => {
    it("hides its version with a warning; list, show of the others, promote and pull keep working", async () => {
      const { dir, store, registry, damaged, publish } = await registrySetup(open);
      const [v1, v2, v3] = [await publish(), await publish(), await publish()];
      await registry.moveAlias("churn", "champion", v1.version, move("2026-02-01T00:00:00.000Z"));
      const key = `churn/versions/${v2.version}/manifest.json`;
      await truncate(store, key);

      expect((await registry.versions("churn")).map((m) => m.version)).toEqual([v1.version, v3.version]);
      expect(damaged).toEqual([
        {
          model: "churn",
          key,
          kind: "manifest",
          subject: v2.version,
          problem: NOT_JSON,
          effect: `version ${v2.version} is hidden`,
        },
      ]);
      // Reported once per object, however many reads meet it.
      await registry.versions("churn");
      expect(damaged).toHaveLength(1);
      expect(await registry.models()).toEqual(["churn"]);
      expect((await registry.resolve("churn", "3"))?.version).toBe(v3.version);
      expect((await registry.resolve("churn", "champion"))?.version).toBe(v1.version);

      // Named by id or by its number, the damaged version is an error with the reason, never "no such version".
      for (const ref of [v2.version, "2"]) {
        expect((await failure(() => registry.resolve("churn", ref))).message).toBe(
          `the manifest ${key} in ${store.location} ${NOT_JSON}`,
        );
      }
      await expect(
        registry.moveAlias("churn", "champion", v2.version, move("2026-02-02T00:00:00.000Z")),
      ).rejects.toThrow(NOT_JSON);

      await registry.moveAlias("churn", "champion", v3.version, move("2026-02-03T00:00:00.000Z"));
      expect(await registry.aliases("churn")).toEqual({ champion: v3.version });
      const out = path.join(dir, "out");
      await registry.pull(v3, out);
      expect([...(await readFile(path.join(out, "model/weights.bin")))]).toEqual([0, 1, 2, 3, 254, 255]);
    });

    it("names each kind of damage in words: empty, not JSON, not a manifest, another version's manifest", async () => {
      const { store, registry, damaged, publish } = await registrySetup(open);
      const [kept, empty, garbage, invalid, copied] = [
        await publish(),
        await publish(),
        await publish(),
        await publish(),
        await publish(),
      ];
      const key = (version: string) => `churn/versions/${version}/manifest.json`;
      const body = JSON.parse((await store.get(key(invalid.version)))?.toString() ?? "") as Record<string, unknown>;
      await store.put(key(empty.version), "");
      await store.put(key(garbage.version), "\u0000\u0001 not json");
      await store.put(key(invalid.version), JSON.stringify({ ...body, files: "weights.bin" }));
      await store.put(key(copied.version), (await store.get(key(kept.version))) ?? "");

      expect((await registry.versions("churn")).map((m) => m.version)).toEqual([kept.version]);
      expect(damaged.map((d) => [d.subject, d.problem])).toEqual([
        [empty.version, "is empty"],
        [garbage.version, NOT_JSON],
        [invalid.version, "is not a valid mlops-kit manifest (files: Invalid input: expected array, received string)"],
        [copied.version, `describes churn ${kept.version}, not churn ${copied.version}`],
      ]);
    });
  });

  it("reads no object whole that is larger than the kit writes: a planted 17 MiB manifest or alias entry is damage", async () => {
    const { store, registry, damaged, publish } = await registrySetup(open);
    const [kept, planted] = [await publish(), await publish()];
    await registry.moveAlias("churn", "champion", kept.version, move("2026-02-01T00:00:00.000Z"));
    await registry.moveAlias("churn", "champion", planted.version, move("2026-02-02T00:00:00.000Z"));
    const huge = Buffer.alloc(MAX_GET_BYTES + 1024 * 1024, 0x20);
    const manifest = `churn/versions/${planted.version}/manifest.json`;
    await store.put(manifest, huge);
    await expect(store.get(manifest)).rejects.toThrow(ObjectTooLargeError);

    expect((await registry.versions("churn")).map((m) => m.version)).toEqual([kept.version]);
    const [first] = await store.list("churn/aliases/champion/");
    await store.put(first ?? "", huge);
    const history = await registry.history("churn", "champion");
    expect(history.map((event) => event.to)).toEqual([planted.version]);
    expect(damaged.map((d) => [d.kind, d.problem])).toEqual([
      ["manifest", TOO_LARGE],
      ["alias-entry", TOO_LARGE],
    ]);
  });

  describe("a damaged alias-history entry", () => {
    async function threeMoves(open: (dir: string) => ObjectStore) {
      const setup = await registrySetup(open);
      const [v1, v2, v3] = [await setup.publish(), await setup.publish(), await setup.publish()];
      for (const [i, v] of [v1, v2, v3].entries()) {
        await setup.registry.moveAlias("churn", "champion", v.version, move(`2026-02-0${i + 1}T00:00:00.000Z`));
      }
      const entries = await setup.store.list("churn/aliases/champion/");
      expect(entries).toHaveLength(3);
      return { ...setup, v1, v2, v3, entries: entries as [string, string, string] };
    }

    it("in the middle: reported, and list, show, history, pull and promote keep working; rollback does not guess", async () => {
      const { dir, store, registry, damaged, v1, v3, entries } = await threeMoves(open);
      await truncate(store, entries[1]);

      expect(await registry.aliases("churn")).toEqual({ champion: v3.version });
      expect((await registry.resolve("churn", "champion"))?.version).toBe(v3.version);
      await registry.pull(v3, path.join(dir, "out"));
      const history = await registry.history("churn", "champion");
      // The move after the gap does not know where the alias came from: `from` is null, not v1.
      expect(history.map((e) => [e.from, e.to])).toEqual([
        [null, v1.version],
        [null, v3.version],
      ]);
      expect(damaged).toEqual([
        {
          model: "churn",
          key: entries[1],
          kind: "alias-entry",
          subject: "champion",
          problem: NOT_JSON,
          effect: "the move of champion at 2026-02-02T00:00:00.000Z is unknown; its other moves are read",
        },
      ]);
      // The history shows the gap as a row of its own, where the lost move was made.
      expect(
        (await registry.timeline("churn", "champion")).map((row) => ("gap" in row ? row.gap : row.move.to)),
      ).toEqual([
        v1.version,
        { alias: "champion", at: "2026-02-02T00:00:00.000Z", key: entries[1], state: "damaged", problem: NOT_JSON },
        v3.version,
      ]);
      // A day whose answer depends on the gap is refused as a moment inside it is; one before it is answered.
      const day = (date: string) =>
        registry.servedDuring("churn", "champion", new Date(`${date}T00:00:00Z`), new Date(`${date}T23:59:59.999Z`));
      expect((await day("2026-02-01")).map((e) => e.to)).toEqual([v1.version]);
      expect((await failure(() => day("2026-02-02"))).message).toBe(
        "which version champion of churn pointed at from 2026-02-02T00:00:00.000Z to 2026-02-02T23:59:59.999Z is " +
          `unknown: its move at 2026-02-02T00:00:00.000Z (${entries[1]}) ${NOT_JSON}`,
      );
      expect((await registry.aliasAt("churn", "champion", new Date("2026-02-01T12:00:00Z")))?.to).toBe(v1.version);
      expect(
        (await failure(() => registry.aliasAt("churn", "champion", new Date("2026-02-02T12:00:00Z")))).message,
      ).toBe(
        `which version champion of churn pointed at on 2026-02-02T12:00:00.000Z is unknown: its move at ` +
          `2026-02-02T00:00:00.000Z (${entries[1]}) ${NOT_JSON}`,
      );
      // The version before v3 may be v2 or anything the lost move did: a rollback would guess, so it is refused.
      const refused = await failure(() =>
        registry.rollback("churn", "champion", { ...move("2026-02-04T00:00:00.000Z"), reason: "" }),
      );
      expect(refused.describe()).toBe(
        `cannot roll back champion of churn: the version it stood on before ${v3.version} is unknown, because its ` +
          `move at 2026-02-02T00:00:00.000Z (${entries[1]}) ${NOT_JSON}\n` +
          "  hint: promote the version it should go back to: mlops promote <version> --alias champion",
      );
      // Moves after the gap are known: promote v1, then a rollback returns to v3.
      await registry.moveAlias("churn", "champion", v1.version, move("2026-02-05T00:00:00.000Z"));
      const back = await registry.rollback("churn", "champion", { ...move("2026-02-06T00:00:00.000Z"), reason: "" });
      expect([back.from, back.to]).toEqual([v1.version, v3.version]);
    });

    it("the last one: where the alias points is unknown and said so (never an older move); a promote repairs it", async () => {
      const { store, registry, damaged, v1, v2, v3, entries } = await threeMoves(open);
      await store.put(entries[2], JSON.stringify({ alias: "champion", to: v3.version }));
      const problem = "is not a valid alias-history entry (from: Invalid input: expected string, received undefined)";
      const unknown =
        `where champion of churn points is unknown: its move at 2026-02-03T00:00:00.000Z (${entries[2]}) ` +
        `${problem} (in ${store.location})`;

      expect(await registry.aliases("churn")).toEqual({});
      expect(damaged.map((d) => [d.key, d.effect])).toEqual([
        [entries[2], "where champion points is unknown; promoting a version repairs it"],
      ]);
      const resolved = await failure(() => registry.resolve("churn", "champion"));
      expect(resolved.describe()).toBe(
        `${unknown}\n  hint: promote the version it should point at (mlops promote <version> --alias champion): ` +
          "the new move repairs the alias; `mlops models fsck` lists every problem",
      );
      expect(
        (await failure(() => registry.rollback("churn", "champion", { ...move("2026-02-04T00:00:00Z"), reason: "" })))
          .message,
      ).toBe(unknown);
      await expect(registry.aliasAt("churn", "champion", new Date("2026-03-01T00:00:00Z"))).rejects.toThrow(
        "which version champion of churn pointed at on 2026-03-01T00:00:00.000Z is unknown",
      );
      expect((await registry.history("churn", "champion")).map((e) => e.to)).toEqual([v1.version, v2.version]);
      // Everything else about the model still reads.
      expect((await registry.versions("churn")).map((m) => m.version)).toEqual([v1.version, v2.version, v3.version]);

      // A new move repairs the alias: written after the damaged entry, from an unknown place.
      const repaired = await registry.moveAlias("churn", "champion", v2.version, move("2026-02-01T00:00:00.000Z"));
      expect(repaired).toMatchObject({ from: null, to: v2.version, at: "2026-02-03T00:00:00.001Z" });
      expect(await registry.aliases("churn")).toEqual({ champion: v2.version });
      expect((await registry.resolve("churn", "champion"))?.version).toBe(v2.version);
      expect((await registry.history("churn", "champion")).map((e) => [e.from, e.to])).toEqual([
        [null, v1.version],
        [v1.version, v2.version],
        [null, v2.version],
      ]);
    });

    it("an alias pointing at a version that is not there is an error, not a missing alias", async () => {
      const { store, registry, v3 } = await threeMoves(open);
      await store.delete(`churn/versions/${v3.version}/manifest.json`);
      expect((await failure(() => registry.resolve("churn", "champion"))).message).toBe(
        `champion of churn points at ${v3.version}, which is not in ${store.location} (its manifest is missing)`,
      );
    });
  });
});

describe("damage from the command line", () => {
  const CONFIG = "version: 1\nmodel: { name: churn }\npublish: { files: [w.bin], promote: false }\n";

  async function project() {
    const dir = await tempDir();
    await writeFiles(dir, { "mlops.yml": CONFIG, "w.bin": "w" });
    const store = createLocalStore(path.join(dir, ".mlops/registry"));
    const registry = createRegistry(store);
    const publish = () =>
      registry.publish(publishInput({ model: "churn", files: [{ path: "w.bin", source: path.join(dir, "w.bin") }] }));
    const [v1, v2, v3] = [await publish(), await publish(), await publish()];
    for (const [i, v] of [v1, v2, v3].entries()) {
      await registry.moveAlias("churn", "champion", v.version, move(`2026-02-0${i + 1}T00:00:00.000Z`));
    }
    return { dir, store, v1, v2, v3 };
  }

  it("lists, shows, promotes and pulls past a damaged manifest, warning about it on stderr", async () => {
    const { dir, store, v1, v2, v3 } = await project();
    await truncate(store, `churn/versions/${v2.version}/manifest.json`);
    const warning =
      `warning churn/versions/${v2.version}/manifest.json in ${store.location} ${NOT_JSON}: version ${v2.version} ` +
      "is hidden (`mlops models fsck` lists every problem; `--repair` moves damaged objects aside)\n";

    const list = await runCli(["models"], { cwd: dir });
    expect(list.exitCode, list.stderr).toBe(0);
    expect(list.stderr).toBe(warning);
    expect(list.stdout).toContain(v1.version);
    expect(list.stdout).not.toContain(v2.version);
    const json = await runCli(["models", "--json"], { cwd: dir });
    expect((JSON.parse(json.stdout) as { damaged: { key: string }[] }).damaged.map((d) => d.key)).toEqual([
      `churn/versions/${v2.version}/manifest.json`,
    ]);
    expect((await runCli(["models", "show", "3"], { cwd: dir })).exitCode).toBe(0);
    const shown = await runCli(["models", "show", "2"], { cwd: dir });
    expect(shown.exitCode).toBe(2);
    expect(shown.stderr).toContain(`error: the manifest churn/versions/${v2.version}/manifest.json`);
    expect(stackFrames(shown.stderr)).toEqual([]);
    expect((await runCli(["promote", "1"], { cwd: dir })).stdout).toBe(`champion: ${v3.version} -> ${v1.version}\n`);
    expect((await runCli(["pull", "churn@champion", "--out", "deploy"], { cwd: dir })).exitCode).toBe(0);
  });

  it("keeps list, show, history, pull, promote and rollback of an alias whose middle entry is damaged", async () => {
    const { dir, store, v1, v3 } = await project();
    const entries = await store.list("churn/aliases/champion/");
    await truncate(store, entries[1] ?? "");
    for (const argv of [
      ["models"],
      ["models", "show", "champion"],
      ["models", "history"],
      ["pull", "churn@champion", "--out", "deploy"],
    ]) {
      const result = await runCli(argv, { cwd: dir });
      expect(result.exitCode, `${argv.join(" ")}: ${result.stderr}`).toBe(0);
    }
    const history = await runCli(["models", "history"], { cwd: dir });
    expect(history.stderr).toContain(`warning ${entries[1]} in ${store.location} ${NOT_JSON}`);
    // A rollback across the gap would guess: refused, with what to do; a promote works and rollback then goes back.
    const rollback = await runCli(["rollback"], { cwd: dir });
    expect(rollback.exitCode).toBe(2);
    expect(rollback.stderr).toContain(`the version it stood on before ${v3.version} is unknown`);
    expect((await runCli(["promote", "1"], { cwd: dir })).exitCode).toBe(0);
    const back = await runCli(["rollback"], { cwd: dir });
    expect(back.stdout).toBe(`champion: ${v1.version} -> ${v3.version} (rolled back)\n`);
  });

  it("says the alias is unknown when its last entry is damaged, and a promote repairs it", async () => {
    const { dir, store, v2 } = await project();
    const entries = await store.list("churn/aliases/champion/");
    await truncate(store, entries[2] ?? "");
    const pull = await runCli(["pull", "churn@champion", "--out", "deploy"], { cwd: dir });
    expect(pull.exitCode).toBe(2);
    expect(pull.stderr).toContain("error: where champion of churn points is unknown");
    expect(stackFrames(pull.stderr)).toEqual([]);
    expect((await runCli(["models"], { cwd: dir })).exitCode).toBe(0);
    const promote = await runCli(["promote", "2", "--reason", "repair"], { cwd: dir });
    expect(promote.stdout).toBe(`champion: (none) -> ${v2.version}\n`);
    const pulled = await runCli(["pull", "churn@champion", "--out", "deploy"], { cwd: dir });
    expect(pulled.exitCode, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain(`Pulled churn ${v2.version} (#2)`);
  });
});
