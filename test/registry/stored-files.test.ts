import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../src/registry/registry.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { runCli } from "../helpers/cli.ts";
import { publishInput } from "../helpers/publish.ts";
import { useBackend } from "../helpers/registry-backends.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";
import { backends, move, registrySetup } from "./backends.ts";

/**
 * Whether a version's files are all stored as its manifest lists them, asked without downloading (one head per
 * object), on every backend; and `mlops promote`, which asks it before it moves an alias (a new user's trial, item 4).
 */

describe.each(backends())("stored files on a %s", (_name, open, backend) => {
  useBackend(backend);

  it("names each file or attachment that is missing or of another size, and nothing for a sound version", async () => {
    const { dir, store, registry, publish } = await registrySetup(open);
    await writeFiles(dir, { "predictions.csv": "id,score\n1,0.5\n" });
    const version = await publish({
      attachments: [{ name: "predictions", source: path.join(dir, "predictions.csv") }],
    });
    expect(await registry.storedFileProblems(version)).toEqual([]);

    const base = `churn/versions/${version.version}`;
    await store.delete(`${base}/files/model/config.json`);
    await store.put(`${base}/files/model/weights.bin`, "abc");
    const attachment = version.attachments.predictions?.path ?? "";
    await store.delete(`${base}/attachments/${attachment}`);
    expect(await registry.storedFileProblems(version)).toEqual([
      { path: "model/config.json", problem: "model/config.json is missing" },
      { path: "model/weights.bin", problem: "model/weights.bin holds 3 bytes; its manifest says 6" },
      {
        path: `predictions attachment (${attachment})`,
        problem: `predictions attachment (${attachment}) is missing`,
      },
    ]);
    // Nothing was read whole or moved: the alias history is as it was.
    expect(await registry.history("churn")).toEqual([]);
  });
});

describe("mlops promote of a version whose files are damaged", () => {
  it("refuses (exit 1), naming the file, and leaves the alias where it was", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "mlops.yml": "version: 1\nmodel: { name: churn }\npublish: { files: [model/], promote: false }\n",
    });
    const store = createLocalStore(path.join(dir, ".mlops/registry"));
    const registry = createRegistry(store);
    await writeFiles(dir, { "model/weights.bin": "weights" });
    const files = [{ path: "model/weights.bin", source: path.join(dir, "model/weights.bin") }];
    const [v1, v2] = [
      await registry.publish(publishInput({ model: "churn", files })),
      await registry.publish(publishInput({ model: "churn", files })),
    ];
    await registry.moveAlias("churn", "champion", v1.version, move("2026-03-01T00:00:00.000Z"));
    await store.delete(`churn/versions/${v2.version}/files/model/weights.bin`);

    const refused = await runCli(["promote", "2", "--force"], { cwd: dir });
    expect(refused).toEqual({
      exitCode: 1,
      stdout:
        `Not promoted: churn ${v2.version} is damaged in ${store.location}: model/weights.bin is missing. ` +
        "`mlops models fsck` checks every file; promote another version.\n",
      stderr: "",
    });
    const json = JSON.parse((await runCli(["promote", "2", "--json"], { cwd: dir })).stdout) as object;
    expect(json).toMatchObject({
      promoted: false,
      version: v2.version,
      problems: [{ path: "model/weights.bin", problem: "model/weights.bin is missing" }],
    });
    expect(await registry.aliases("churn")).toEqual({ champion: v1.version });
  });
});
