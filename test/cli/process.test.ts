import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stackFrames } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { REPO, tempDir } from "../helpers/temp.ts";

/** The real `mlops` process: what a shell or CI step sees (exit status, separate stdout and stderr). */

function runProcess(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO, "src", "cli", "bin.ts"), ...args], {
      cwd,
      env: { PATH: process.env.PATH, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("mlops as a process", () => {
  it("exits 2 on a config error, with one JSON object on stdout and the diagnostics on stderr", async () => {
    const dir = await tempDir();
    const config = await writeConfig(dir, "version: 1\nmodel:\n  name: demo\n  tsk: regression\n");
    // Run from the repository so `--import tsx` resolves; the config is named by its absolute path, and shown so
    // (a path relative to the repository would climb out of it: ../../tmp/...).
    const result = await runProcess(["check", "--config", config, "--json"], REPO);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: "ConfigError",
        message: "unknown key `tsk`",
        location: { file: config, line: 4, column: 3 },
      }) as unknown,
    });
    expect(result.stderr).toBe(
      `${config}:4:3: error at model.tsk: unknown key \`tsk\`\n  hint: did you mean \`task\`?\n`,
    );
    expect(stackFrames(result.stderr)).toEqual([]);
  });
});
