import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * `mlops init --force` over an mlops.yml the user edited (a new user's report): the old file is kept beside the new
 * one under a free name and named, with the settings the new one lacks, and the registry it named (which holds the
 * champion) stays unless --registry chooses another, even where detection would pick the GitHub repository.
 */

const env = gitEnv();
const init = (cwd: string, ...args: string[]) => runCli(["init", ...args], { cwd, env });
const read = (...parts: string[]) => readFile(path.join(...parts), "utf8");

interface ForcedJson {
  written: { path: string }[];
  replaced: { file: string; backup: string; changed: string[] } | null;
  detected: { registryFrom: string | null };
}

/** A Python project on github.com/acme/churn whose mlops.yml, written by init, was then edited by hand. */
async function editedProject(): Promise<{ dir: string; edited: string }> {
  const dir = await tempDir();
  await gitRepo(dir, { branch: "trunk", remote: "https://github.com/acme/churn.git" });
  await git(dir, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
  await writeFiles(dir, { "train.py": "", "requirements.txt": "scikit-learn\n" });
  expect((await init(dir, "--no-workflows")).exitCode).toBe(0);
  const edited = (await read(dir, "mlops.yml"))
    .replace(/^registry:\n {2}uri: .*$/m, "registry:\n  uri: registry")
    .replace("{ metric: accuracy, min: 0.7 }", "{ metric: accuracy, min: 0.85 }")
    .replace("  # metrics_file: metrics.json", "  slices: [country]\n  # metrics_file: metrics.json");
  expect(edited).toContain("uri: registry\n");
  await writeFile(path.join(dir, "mlops.yml"), edited);
  return { dir, edited };
}

describe("init --force over an edited mlops.yml", () => {
  it("keeps the old file as mlops.yml.bak, names it and what the new one lacks, and keeps its registry", async () => {
    const { dir, edited } = await editedProject();
    const forced = await init(dir, "--force", "--no-workflows", "--json");
    expect(forced.exitCode).toBe(0);
    const json = JSON.parse(forced.stdout) as ForcedJson;
    expect(json.replaced).toEqual({
      file: "mlops.yml",
      backup: "mlops.yml.bak",
      changed: ["evaluate.slices", "gate.rules"],
    });
    expect(json.written.map((w) => w.path)).toEqual(["mlops.yml.bak", "mlops.yml", ".gitignore"]);
    expect(await read(dir, "mlops.yml.bak")).toBe(edited);
    // Not github://acme/churn, which detection would give: the folder holds the champion the gate compares with.
    expect((parse(await read(dir, "mlops.yml")) as { registry: { uri: string } }).registry.uri).toBe("registry");
    expect(json.detected.registryFrom).toBe("replaced mlops.yml");
  });

  it("says so in words; a second backup gets a free name, and an earlier one is left as it was", async () => {
    const { dir, edited } = await editedProject();
    await writeFiles(dir, { "mlops.yml.bak": "# an older backup\n" });
    const forced = await init(dir, "--force", "--no-workflows");
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain(
      "  mlops.yml.bak.2: the mlops.yml --force replaced, as it was\n" + "  mlops.yml: the pipeline's config\n",
    );
    expect(forced.stdout).toContain(
      "Replaced mlops.yml (--force); the old one is kept as mlops.yml.bak.2: carry over what you need\n" +
        "  (`diff mlops.yml.bak.2 mlops.yml`), then delete it.\n" +
        "  Set in the old one, and not so in the new: evaluate.slices, gate.rules.\n",
    );
    expect(forced.stdout).toContain(
      "Registry: registry (kept from the mlops.yml --force replaced: the registry holds the champion",
    );
    expect(await read(dir, "mlops.yml.bak")).toBe("# an older backup\n");
    expect(await read(dir, "mlops.yml.bak.2")).toBe(edited);
  });

  it("writes no copy when the file it replaces is the same; --registry chooses another registry", async () => {
    const { dir } = await editedProject();
    expect((await init(dir, "--force", "--no-workflows")).exitCode).toBe(0);
    await writeFiles(dir, { "mlops.yml.bak": "# handled\n" });
    const again = await init(dir, "--force", "--no-workflows");
    expect(again.exitCode).toBe(0);
    expect(again.stdout).not.toContain("Replaced");
    expect(existsSync(path.join(dir, "mlops.yml.bak.2"))).toBe(false);

    const moved = await init(dir, "--force", "--no-workflows", "--registry", "s3://ml-models/churn", "--json");
    expect(moved.exitCode).toBe(0);
    expect((JSON.parse(moved.stdout) as ForcedJson).replaced?.changed).toEqual(["registry.uri"]);
    expect((parse(await read(dir, "mlops.yml")) as { registry: { uri: string } }).registry.uri).toBe(
      "s3://ml-models/churn",
    );
  });

  it("does not search the old file's registry folder for data: it holds the kit's copies of predictions", async () => {
    const { dir } = await editedProject();
    await writeFiles(dir, {
      "data/train.csv": "x,label\n1,0\n",
      "registry/churn/versions/v1/attachments/predictions/predictions.csv": "label,prediction\n0,0\n",
      "registry/churn/versions/v2/attachments/predictions/predictions.csv": "label,prediction\n0,0\n",
    });
    const forced = await init(dir, "--force", "--no-workflows");
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain("Data: data.train data/train.csv (the file name train.csv), no data.eval.");
    expect(forced.stdout).not.toContain("registry/churn");
  });

  it("without --force: refused, and no copy is written", async () => {
    const { dir } = await editedProject();
    expect((await init(dir, "--no-workflows")).exitCode).toBe(2);
    expect(existsSync(path.join(dir, "mlops.yml.bak"))).toBe(false);
  });
});
