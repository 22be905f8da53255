import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry, type PruneReport } from "../../src/registry/registry.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { useBackend } from "../helpers/registry-backends.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { backends, move } from "./backends.ts";

/**
 * `mlops models prune` through the CLI door, on every row of the backend table: --keep is required and checked (exit
 * 2), a dry run prints what it would delete and what it keeps and why, `--apply` deletes it (exit 0) and `models list`
 * then shows exactly the kept versions. The core's cases are in prune.test.ts.
 */

describe.each(backends())("mlops models prune on a %s", (_name, _open, backend) => {
  useBackend(backend);

  /** A project whose registry holds four versions published on 2026-01-01 (long ago), v2 once champion, v3 now. */
  async function project() {
    const dir = await tempDir();
    const store = backend.place(dir)();
    const door = backend.door();
    const registryYaml = door.settings.endpoint
      ? `registry: { uri: "${store.location}", endpoint: "${door.settings.endpoint}", force_path_style: true }\n`
      : backend.name === "folder"
        ? `registry: { uri: registry }\n`
        : `registry: { uri: "${store.location}" }\n`;
    await writeFiles(dir, {
      "mlops.yml": `version: 1\nmodel: { name: churn }\npublish: { files: [w.bin], promote: false }\n${registryYaml}`,
      "w.bin": "weights",
    });
    let tick = 0;
    const registry = createRegistry(store, () => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++)));
    const versions: string[] = [];
    for (let i = 0; i < 4; i++) {
      const input = publishInput({ model: "churn", files: [{ path: "w.bin", source: path.join(dir, "w.bin") }] });
      versions.push((await registry.publish(input)).version);
    }
    const [v1, v2, v3, v4] = versions as [string, string, string, string];
    await registry.moveAlias("churn", "champion", v2, move("2026-01-01T13:00:00.000Z"));
    await registry.moveAlias("churn", "champion", v3, move("2026-01-01T14:00:00.000Z"));
    const cli = (...argv: string[]) => runCli(argv, { cwd: dir, env: door.env });
    return { dir, store, cli, v1, v2, v3, v4 };
  }

  it("needs --keep of at least 1, shows what it would delete, and deletes it with --apply", async () => {
    const { store, cli, v1, v2, v3, v4 } = await project();
    for (const [argv, message] of [
      [[], "models prune needs --keep N: how many of the newest versions to keep (at least 1)"],
      [["--keep", "0"], '--keep is a whole number of at least 1, not "0"'],
      [["--keep", "2.5"], '--keep is a whole number of at least 1, not "2.5"'],
      [["--keep=-1"], '--keep is a whole number of at least 1, not "-1"'],
    ] as const) {
      const refused = await cli("models", "prune", ...argv);
      expect(refused.exitCode, refused.stderr).toBe(2);
      expect(refused.stderr).toContain(message);
    }

    const before = await store.list("");
    const dry = await cli("models", "prune", "--keep", "1");
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(
      `churn in ${store.location}: keeping the last 1 version(s), every version an alias points or ever pointed at, ` +
        "and every version created less than a day ago.\n" +
        `        #  version                      created                   size  why\n` +
        `------  -  ---------------------------  ------------------------  ----  ----------------------\n` +
        `delete  1  ${v1}  2026-01-01T12:00:00.000Z  7 B   2 object(s)\n` +
        `keep    2  ${v2}  2026-01-01T12:00:02.000Z  7 B   champion pointed at it\n` +
        `keep    3  ${v3}  2026-01-01T12:00:04.000Z  7 B   champion points at it\n` +
        `keep    4  ${v4}  2026-01-01T12:00:06.000Z  7 B   one of the last 1\n` +
        "Dry run: would delete 1 version(s) (7 B, 2 object(s)). Run again with --apply to delete them.\n",
    );
    expect(await store.list("")).toEqual(before);

    const applied = await cli("models", "prune", "--keep", "1", "--apply", "--json");
    expect(applied.exitCode, applied.stderr).toBe(0);
    const report = JSON.parse(applied.stdout) as PruneReport;
    expect(report).toMatchObject({ applied: true, keep: 1, failed: [], restored: [] });
    expect(report.pruned.map((v) => [v.version, v.objects])).toEqual([
      [v1, [`churn/versions/${v1}/manifest.json`, `churn/versions/${v1}/files/w.bin`]],
    ]);
    expect(applied.stderr).toContain(`Deleted 1 version(s) (7 B, 2 object(s)). Recorded in ${report.record}.`);
    const after = await store.list("");
    expect(before.filter((key) => !after.includes(key))).toEqual(report.pruned[0]?.objects.slice().sort());

    const list = await cli("models", "list", "--json");
    const listed = JSON.parse(list.stdout) as { versions: { version: string }[] };
    expect(listed.versions.map((v) => v.version)).toEqual([v2, v3, v4]);
    const pulled = await cli("pull", "churn@2", "--out", "deploy");
    expect(pulled.exitCode, pulled.stderr).toBe(0);

    // A pruned version, by number or id, is said to be pruned, when and by what: not "no such version".
    const day = (report.record ?? "").replace(/^churn\/prune\/(\d{4})(\d{2})(\d{2})T.*$/, "$1-$2-$3");
    for (const ref of ["1", v1]) {
      const gone = await cli("pull", `churn@${ref}`, "--out", "gone");
      expect(gone.exitCode).toBe(2);
      expect(gone.stderr).toMatch(
        new RegExp(
          `^error: churn@${ref}: ${v1} \\(#1\\) was pruned on ${day} by \`mlops models prune\`( \\(run by [^)]+\\))?; ` +
            `its files are gone from ${store.location.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n` +
            `  hint: pull another version \\(see \`mlops models list\`\\); the prune is recorded in ${report.record}\n$`,
        ),
      );
    }

    const again = await cli("models", "prune", "--keep", "1", "--apply");
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/\nNothing to prune\.\n$/);
  });
});
