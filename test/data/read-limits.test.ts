import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPredictions, predictionColumns } from "../../src/evaluate/predictions.ts";
import { InputError } from "../../src/errors.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { REPO, tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Data readers count the bytes they read, never the size `stat` reports: a data path that is a device, a FIFO, or a
 * file with a 10 GB line is one clear error (exit 2, the file named, what to do), never a hang or unbounded memory.
 */

const CONFIG = (train: string, extra = ""): string =>
  `version: 1\nmodel: { name: demo }\ndata:\n  train: ${train}\n${extra}publish: { promote: false }\n`;

interface Refusal {
  exitCode: number;
  message: string;
  hint: string | undefined;
  stderr: string;
}

async function validateJson(dir: string): Promise<Refusal> {
  const run = await runCli(["validate", "--json", "--workers", "1"], { cwd: dir });
  const error = (JSON.parse(run.stdout) as { error?: { message: string; hint?: string } }).error;
  return { exitCode: run.exitCode, message: error?.message ?? "", hint: error?.hint, stderr: run.stderr };
}

describe("a data path that is not a regular file", () => {
  it("a character device (/dev/zero) is refused by name, before a byte is read", async () => {
    const dir = await tempDir();
    await symlink("/dev/zero", path.join(dir, "zero.jsonl"));
    await writeConfig(dir, CONFIG("zero.jsonl"));
    const refusal = await validateJson(dir);
    expect(refusal).toMatchObject({
      exitCode: 2,
      message: "zero.jsonl is not a regular file (it is a character device)",
      hint: "point the config at a regular file; copy a stream or a device into one first",
    });
    expect(stackFrames(refusal.stderr)).toEqual([]);
  });

  it("a FIFO is refused without opening it (opening would wait for a writer forever)", () => {
    // In a process of its own with a time limit: a reader stuck on the FIFO would stop this test runner too.
    const dir = path.join(REPO, "node_modules", ".cache", `fifo-${process.pid}`);
    const script = `
      import { mkdirSync, rmSync, writeFileSync } from "node:fs";
      import { execFileSync } from "node:child_process";
      import { main } from ${JSON.stringify(path.join(REPO, "src/cli/main.ts"))};
      const dir = ${JSON.stringify(dir)};
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      execFileSync("mkfifo", [dir + "/fifo.csv"]);
      writeFileSync(dir + "/mlops.yml", ${JSON.stringify(CONFIG("fifo.csv"))});
      let out = "";
      const code = await main(["validate", "--json", "--workers", "1"], {
        stdout: { write: (t) => (out += t) }, stderr: { write: () => {} }, env: {}, cwd: dir, color: false,
      });
      rmSync(dir, { recursive: true, force: true });
      process.stdout.write(JSON.stringify({ code, error: JSON.parse(out).error }));
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO,
      timeout: 60_000,
      encoding: "utf8",
    });
    // The child removes its folder, unless it was stopped: then this does.
    rmSync(dir, { recursive: true, force: true });
    expect(child.signal, "the validate stage hung on the FIFO").toBeNull();
    expect(JSON.parse(child.stdout)).toMatchObject({
      code: 2,
      error: { message: "fifo.csv is not a regular file (it is a FIFO)" },
    });
  });

  it("a predictions file that is a device is refused the same way", async () => {
    const dir = await tempDir();
    await symlink("/dev/zero", path.join(dir, "predictions.csv"));
    const error: unknown = await readPredictions(path.join(dir, "predictions.csv"), predictionColumns("p.csv"), {
      task: "classification",
      slices: [],
      source: "predictions.csv",
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe("predictions.csv is not a regular file (it is a character device)");
  });
});

describe("a line without end", () => {
  it.each([
    ["long.csv", "long.csv: a record is longer than 64 MiB (row 2, byte 2)"],
    ["long.tsv", "long.tsv: a record is longer than 64 MiB (row 2, byte 2)"],
    ["long.jsonl", "long.jsonl: line 1 is longer than 64 MiB (byte 0)"],
  ])("a 10 GB line in %s stops at 64 MiB read, with the file named", async (name, message) => {
    const dir = await tempDir();
    const file = path.join(dir, name);
    // A header line, then 10 GB without a line end (sparse: no disk is spent).
    await writeFile(file, name.endsWith(".jsonl") ? "" : "n\n");
    await truncate(file, 10 * 1024 ** 3);
    await writeConfig(dir, CONFIG(name));
    const refusal = await validateJson(dir);
    expect(refusal.exitCode).toBe(2);
    expect(refusal.message).toBe(message);
    expect(refusal.hint).toMatch(/^a line with no line end/);
  });
});

describe("profile files", () => {
  it("a drift reference profile that is a device, or too large, is refused by name", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "t.csv": "n\n1\n2\n" });
    await symlink("/dev/zero", path.join(dir, "reference.json"));
    await writeConfig(dir, CONFIG("t.csv", "  drift: { reference: reference.json }\n"));
    const refusal = await validateJson(dir);
    expect(refusal).toMatchObject({
      exitCode: 2,
      message: "reference.json is not a regular file (it is a character device)",
    });
    // A regular file past the limit: refused once 256 MiB have been read, not by its size.
    await writeFiles(dir, { "big.json": "" });
    await truncate(path.join(dir, "big.json"), 300 * 1024 * 1024);
    await writeConfig(dir, CONFIG("t.csv", "  drift: { reference: big.json }\n"));
    expect(await validateJson(dir)).toMatchObject({
      exitCode: 2,
      message: "big.json holds more than 256 MiB; a profile that large is refused",
    });
  });

  it("shard profiles passed to validate --profiles are refused the same way", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "t.csv": "n\n1\n" });
    await symlink("/dev/zero", path.join(dir, "shard.json"));
    await writeConfig(dir, CONFIG("t.csv"));
    const run = await runCli(["validate", "--json", "--workers", "1", "--profiles", "shard.json"], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect((JSON.parse(run.stdout) as { error: { message: string } }).error.message).toBe(
      "shard.json is not a regular file (it is a character device)",
    );
  });
});
