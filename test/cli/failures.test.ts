import { describe, expect, it } from "vitest";
import { runCli, stackFrames } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Issue 2's bad inputs at the CLI: a broken training command, a missing data file. One clear message, no stack. */

/** A project with only a training command (plus `extra` top-level YAML). */
async function trainingProject(command: string, extra = ""): Promise<string> {
  const dir = await tempDir();
  await writeConfig(
    dir,
    `version: 1\nmodel: { name: demo }\ntrain:\n  command: ${JSON.stringify(command)}\n  cache: false\npublish: { promote: false, files: [x] }\n${extra}`,
  );
  return dir;
}

describe("a training command that fails", () => {
  it("is not found: exit 1, quoting the shell's complaint", async () => {
    const dir = await trainingProject("mlops-test-no-such-command --epochs 3");
    const result = await runCli(["train"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^error training command not found \(exit 127\): mlops-test-no-such-command --epochs 3 \(see its output in the log; last line: .*mlops-test-no-such-command.*not found\)$/m,
    );
    expect(result.stdout).toMatch(/^── Training: FAILED/);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it("exits non-zero: exit 1, quoting the last line of its stderr, which was printed as it ran", async () => {
    const program = "console.error('loading data'); console.error('CUDA out of memory'); process.exit(4)";
    const dir = await trainingProject(`node -e "${program}"`);
    const result = await runCli(["train", "--json"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `  [train] loading data\n  [train] CUDA out of memory\nerror training failed with exit code 4: node -e "${program}" (see its output in the log; last line: CUDA out of memory)\n`,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ stage: "train", status: "failed", exitCode: 4 });
    expect(stackFrames(result.stderr)).toEqual([]);
  });
});

describe("a missing data file", () => {
  it("exits 2 and names the file, in validate and in run", async () => {
    const dir = await trainingProject("true", "data:\n  train: data/train.csv\n  eval: data/missing.csv\n");
    await writeFiles(dir, { "data/train.csv": "a,b\n1,2\n" });
    for (const command of ["validate", "run"]) {
      const result = await runCli([command], { cwd: dir });
      expect(result.exitCode, command).toBe(2);
      expect(result.stdout, command).toBe("");
      expect(result.stderr, command).toMatch(
        /^error: data file not found: data\/missing\.csv\n {2}hint: paths are relative to the folder of mlops\.yml\n$/m,
      );
      expect(stackFrames(result.stderr), command).toEqual([]);
    }
  });

  it("exits 2 and names the predictions file the evaluate command did not write", async () => {
    const dir = await tempDir();
    await writeConfig(
      dir,
      'version: 1\nmodel: { name: demo }\nevaluate:\n  command: "true"\n  predictions: out/predictions.csv\npublish: { promote: false, files: [x] }\n',
    );
    const result = await runCli(["evaluate"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "error: predictions file not found: out/predictions.csv\n  hint: the evaluate command should write it (evaluate.predictions)\n",
    );
    expect(stackFrames(result.stderr)).toEqual([]);
  });
});
