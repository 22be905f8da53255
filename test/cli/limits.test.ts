import { execFileSync } from "node:child_process";
import { symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFileLimited } from "../../src/files/read-limited.ts";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { MINIMAL_CONFIG, writeConfig } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Files the kit reads whole (config, params, metrics, stage results, event payloads, report artifacts) are limited by
 * the bytes read, not by the size `stat` reports: a device, a FIFO or a growing file has no honest size. Before,
 * `--config /dev/zero` grew the process to 11.9 GB, and a FIFO without a writer hung it.
 */

describe("whole-file reads are bounded by the bytes read", () => {
  it("refuses --config /dev/zero with one message and exit 2", async () => {
    const dir = await tempDir();
    const result = await runCli(["check", "--config", "/dev/zero"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /dev\/zero holds more than 1 MB; a config file over 1 MB is refused\n {2}hint: is this/,
    );
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it("reads a FIFO without a writer as empty instead of hanging", async () => {
    const dir = await tempDir();
    const fifo = path.join(dir, "mlops.yml");
    execFileSync("mkfifo", [fifo]);
    const result = await runCli(["check"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("the config is empty");
  });

  it("refuses a params file and a metrics file that never end", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "train.mjs": "", "model/w": "w", "predictions.csv": "label,prediction\n1,1\n" });
    await symlink("/dev/zero", path.join(dir, "params.json"));
    await symlink("/dev/zero", path.join(dir, "metrics.json"));
    await writeConfig(
      dir,
      MINIMAL_CONFIG.replace("outputs: [model/] }", "outputs: [model/], params: params.json }").replace(
        "  predictions: predictions.csv",
        "  predictions: predictions.csv\n  metrics_file: metrics.json",
      ),
    );
    const train = await runCli(["train"], { cwd: dir });
    expect(train.exitCode).toBe(2);
    expect(train.stderr).toBe(
      "error: params.json holds more than 16 MiB; a params file that large is refused\n" +
        "  hint: is this the right file? a params file is normally far smaller\n",
    );
    const evaluate = await runCli(["evaluate"], { cwd: dir });
    expect(evaluate.exitCode).toBe(2);
    expect(evaluate.stderr).toContain(
      "error: metrics.json holds more than 16 MiB; a metrics file that large is refused",
    );
  });

  it("refuses a stage result that is not JSON, naming it and what to run", async () => {
    const dir = await tempDir();
    await writeConfig(dir, MINIMAL_CONFIG);
    await writeFiles(dir, { ".mlops/out/evaluate.json": '{"stage": "evaluate", "metr' });
    const gate = await runCli(["gate"], { cwd: dir });
    expect(gate.exitCode).toBe(2);
    expect(gate.stderr).toMatch(
      /evaluate\.json is not valid JSON: .*\n {2}hint: it was damaged or edited; run `mlops evaluate` again\n$/,
    );
  });

  it("gives up on a pipe that stays silent", async () => {
    const dir = await tempDir();
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    // A writer that opens the pipe and never writes: hold it open from a child process for the test's length.
    const writer = (await import("node:child_process")).spawn("sh", ["-c", `exec 3>"${fifo}"; sleep 5`]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(
        readFileLimited(fifo, { shown: "pipe", what: "config file", limit: 1024, idleMs: 200 }),
      ).rejects.toThrow("nothing arrived from pipe for 0.2 s");
    } finally {
      writer.kill();
    }
  });
});
