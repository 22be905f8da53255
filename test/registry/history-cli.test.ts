import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { move, NOT_JSON, truncate } from "./backends.ts";

/**
 * `mlops models history` from the command line with a damaged alias-history entry, before and after
 * `models fsck --repair` moves it aside, and with an alias that does not exist (a new user's trial, items 1 and 2).
 */

const CONFIG =
  "version: 1\nmodel: { name: churn }\nevaluate: { metrics_file: metrics.json }\n" +
  "publish: { files: [w.bin], promote: false }\n";

/** champion moved to v1, v2, v3 on the first three days of March 2026, and staging to v1 once. */
async function movedProject() {
  const dir = await tempDir();
  await writeFiles(dir, { "mlops.yml": CONFIG, "w.bin": "w" });
  const store = createLocalStore(path.join(dir, ".mlops/registry"));
  const registry = createRegistry(store, () => new Date("2026-03-05T00:00:00Z"));
  const versions: string[] = [];
  for (let i = 0; i < 3; i++) {
    const files = [{ path: "w.bin", source: path.join(dir, "w.bin") }];
    versions.push((await registry.publish(publishInput({ model: "churn", files }))).version);
  }
  for (const [i, version] of versions.entries()) {
    await registry.moveAlias("churn", "champion", version, move(`2026-03-0${i + 1}T12:00:00.000Z`, `move ${i + 1}`));
  }
  await registry.moveAlias("churn", "staging", versions[0] ?? "", move("2026-03-04T12:00:00.000Z", "stage"));
  const [champion, staging] = [await store.list("churn/aliases/champion/"), await store.list("churn/aliases/staging/")];
  return { dir, store, versions, champion, staging };
}

const cli = (dir: string, ...argv: string[]) => runCli(argv, { cwd: dir });

describe("models history with a damaged entry", () => {
  it("shows the gap as a row before and after fsck moves it aside, and refuses a day that depends on it", async () => {
    const { dir, store, versions, champion, staging } = await movedProject();
    const [v1, , v3] = versions;
    await truncate(store, champion[1] ?? "");
    await truncate(store, staging[0] ?? "");

    const before = await cli(dir, "models", "history");
    expect(before.exitCode).toBe(0);
    const lines = before.stdout.split("\n").map((line) => line.split(/ {2,}/));
    expect(lines.slice(2, 6)).toEqual([
      ["2026-03-01T12:00:00.000Z", "champion", "—", v1, "tester", "move 1"],
      ["2026-03-02T12:00:00.000Z", "champion", v1, "? (damaged entry)", "—", `the entry ${NOT_JSON}`],
      ["2026-03-03T12:00:00.000Z", "champion", "?", v3, "tester", "move 3"],
      // An alias whose only entry is damaged is still in the table.
      ["2026-03-04T12:00:00.000Z", "staging", "—", "? (damaged entry)", "—", `the entry ${NOT_JSON}`],
    ]);
    expect(before.stdout).toContain("2 move(s) marked ? are unknown");
    expect(before.stderr).toContain(`warning ${champion[1]} in `);

    expect((await cli(dir, "models", "fsck", "--repair")).exitCode).toBe(1); // staging's last entry needs a person
    const after = await cli(dir, "models", "history", "--alias", "champion");
    expect(after.stdout.split("\n")[3]?.split(/ {2,}/)).toEqual([
      "2026-03-02T12:00:00.000Z",
      "champion",
      v1,
      "? (damaged entry, quarantined)",
      "—",
      "moved aside by `mlops models fsck --repair`",
    ]);
    expect(after.stdout).toContain("1 move(s) marked ? are unknown");
    const json = JSON.parse((await cli(dir, "models", "history", "--alias", "champion", "--json")).stdout) as {
      events: { from: string | null; to: string }[];
      gaps: unknown[];
    };
    expect(json.events.map((e) => [e.from, e.to])).toEqual([
      [null, v1],
      [null, v3],
    ]);
    expect(json.gaps).toEqual([
      {
        alias: "champion",
        at: "2026-03-02T12:00:00.000Z",
        key: (champion[1] ?? "").replace("churn/aliases/", "churn/quarantine/aliases/"),
        state: "quarantined",
        problem: null,
      },
    ]);

    // v2 was champion during the gap, but the history cannot say so: a day covering it is refused, as a moment is.
    const day = await cli(dir, "models", "history", "--alias", "champion", "--at", "2026-03-02");
    expect(day.exitCode).toBe(2);
    expect(day.stdout).toBe("");
    expect(day.stderr).toContain(
      "error: which version champion of churn pointed at from 2026-03-02T00:00:00.000Z to 2026-03-02T23:59:59.999Z " +
        "is unknown: its move at 2026-03-02T12:00:00.000Z was damaged and moved aside by fsck",
    );
    expect((await cli(dir, "models", "history", "--at", "2026-03-02T18:00:00Z")).exitCode).toBe(2);
    const clear = await cli(dir, "models", "history", "--at", "2026-03-01");
    expect(clear).toMatchObject({
      exitCode: 0,
      stdout: `champion -> ${v1} since 2026-03-01T12:00:00.000Z (by tester: move 1)\n`,
    });
  });

  it("refuses an alias that never moved, naming those that did", async () => {
    const { dir } = await movedProject();
    for (const argv of [
      ["models", "history", "--alias", "nope"],
      ["models", "history", "--alias", "nope", "--at", "2026-03-02"],
    ]) {
      const result = await cli(dir, ...argv);
      expect(result, argv.join(" ")).toEqual({
        exitCode: 2,
        stdout: "",
        stderr:
          'error: churn has no alias "nope": its aliases are champion, staging\n' +
          "  hint: `mlops models history` lists every move\n",
      });
    }
  });
});
