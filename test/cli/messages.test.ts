import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outcomeSection } from "../../src/retrain/section.ts";
import type { RetrainOutcome } from "../../src/retrain/results.ts";
import { runCli } from "../helpers/cli.ts";
import { git, gitEnv, gitRepo } from "../helpers/git.ts";
import { PROJECT, toyProject } from "../helpers/toy-project.ts";

/**
 * Messages a person can act on (issue 16): a version that is not promoted says why in its one-line headline; tables
 * fit the terminal; a failed command's traceback is printed once; validate shows column profiles only when asked.
 */

const CONFIG = PROJECT["mlops.yml"];

async function project(config: string = CONFIG): Promise<string> {
  const dir = await toyProject();
  await writeFile(path.join(dir, "mlops.yml"), config);
  return dir;
}

/** The toy project committed on `branch` in its own repository. */
async function committed(branch: string): Promise<string> {
  const dir = await toyProject();
  await gitRepo(dir, { branch });
  await git(dir, "add", "-A");
  await git(dir, "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "--quiet", "-m", "toy");
  return dir;
}

const publishHeadline = (stdout: string): string => /^── Publish: .*$/m.exec(stdout)?.[0] ?? "(no publish headline)";

describe("a published version that is not promoted says why in its headline", () => {
  it("publish.promote is false", async () => {
    const dir = await project(`${CONFIG}publish: { promote: false }\n`);
    const run = await runCli(["run"], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(publishHeadline(run.stdout)).toMatch(/^── Publish: OK \(v\S+, not promoted: publish\.promote is false\)$/);
  });

  it("the gate verdict", async () => {
    const dir = await project(CONFIG.replace("min: 0.1", "min: 0.95"));
    const run = await runCli(["run"], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(1);
    expect(publishHeadline(run.stdout)).toMatch(/^── Publish: OK \(v\S+, not promoted: the gate verdict is fail\)$/);
  });

  it("no gate verdict", async () => {
    const dir = await project(CONFIG.replace(/gate:\n(?: {2}.*\n)+/, ""));
    const run = await runCli(["run"], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(publishHeadline(run.stdout)).toMatch(/^── Publish: OK \(v\S+, not promoted: no gate verdict\)$/);
  });

  it("the branch is not a promote branch", async () => {
    const dir = await committed("feature/tuning");
    const run = await runCli(["run"], { cwd: dir, env: gitEnv() });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(publishHeadline(run.stdout)).toMatch(
      /^── Publish: OK \(v\S+, not promoted: feature\/tuning is not in publish\.promote_branches \(main, master\)\)$/,
    );
  });

  it("the model was built from uncommitted changes", async () => {
    const dir = await committed("main");
    await appendFile(path.join(dir, "train.mjs"), "// tuned\n");
    const run = await runCli(["run", "--json"], { cwd: dir, env: gitEnv() });
    expect(run.exitCode).toBe(1);
    const json = JSON.parse(run.stdout) as { stages: { stage: string; notPromotedBecause?: string }[] };
    expect(json.stages.find((s) => s.stage === "publish")?.notPromotedBecause).toBe("built from uncommitted changes");
    expect(run.stderr).toContain("not promoted to champion: it was built from commit");
  });

  it("a retrained model that is not better than the champion, or was published but not promoted", () => {
    const outcome: RetrainOutcome = {
      stage: "retrain",
      model: "toy",
      outcome: "not-better",
      reason: "passed the gate but is not better than the champion: accuracy 0.8 against the champion's 0.9",
      comparison: null,
      version: null,
      promoted: null,
      notPromotedBecause: "not better than the champion",
      issue: null,
      notes: [],
    };
    expect(outcomeSection(outcome).headline).toBe("not promoted: not better than the champion");
    const published = {
      ...outcome,
      outcome: "promoted" as const,
      version: "v7",
      notPromotedBecause: "main is not in publish.promote_branches (release)",
    };
    expect(outcomeSection(published).headline).toBe(
      "published as v7, not promoted: main is not in publish.promote_branches (release)",
    );
  });
});

describe("tables in a terminal", () => {
  const WHY = "Better than guessing by a clear margin, as the team agreed after the review of the first model";
  const config = CONFIG.replace(
    "{ metric: accuracy, min: 0.1 }",
    `{ metric: accuracy, min: 0.1, description: "${WHY}" }`,
  );

  it("fit its width, wrapping the widest cells, with every word still there; --json keeps the values whole", async () => {
    const dir = await project(config);
    const run = await runCli(["run"], { cwd: dir, columns: 60 });
    expect(run.exitCode, run.stderr).toBe(0);
    const gate = run.stdout.slice(run.stdout.indexOf("── Evaluation gate"), run.stdout.indexOf("── Publish"));
    const tableLines = gate.split("\n").filter((line) => line.startsWith("  "));
    expect(tableLines.length).toBeGreaterThan(3);
    for (const line of tableLines) expect(line.length, line).toBeLessThanOrEqual(60);
    // The reason is wrapped onto several lines, and nothing of it is lost.
    const words = gate.split(/\s+/);
    for (const word of `(${WHY})`.split(" ")) expect(words).toContain(word);

    const json = await runCli(["gate", "--json"], { cwd: dir, columns: 60 });
    expect(json.stdout).toContain(`"description": "${WHY}"`);
  });

  it("are not wrapped when the output is not a terminal", async () => {
    const dir = await project(config);
    const run = await runCli(["run"], { cwd: dir });
    expect(run.stdout).toMatch(new RegExp(`^ {2}accuracy .* pass +0\\.9 is >= 0\\.1 \\(${WHY}\\)$`, "m"));
  });

  it("fit under --json too, where the report goes to stderr", async () => {
    const dir = await project(config);
    const run = await runCli(["run", "--json"], { cwd: dir, columns: 50 });
    const tableLines = run.stderr.split("\n").filter((line) => line.startsWith("  "));
    expect(tableLines.length).toBeGreaterThan(3);
    for (const line of tableLines) expect(line.length, line).toBeLessThanOrEqual(50);
  });
});

describe("a failed training command", () => {
  const FAILING = `function fit() { throw new Error("the learning rate is negative"); }\nconsole.log("loading data");\nfit();\n`;

  /** How often the traceback's frame line appears in everything the command printed. */
  const frames = (out: { stdout: string; stderr: string }): number =>
    `${out.stdout}${out.stderr}`.split("\n").filter((line) => line.includes("at fit (")).length;

  it.each([["train"], ["run"]])(
    "prints its traceback once under `mlops %s`, and its last line in the failure",
    async (command) => {
      const dir = await project();
      await writeFile(path.join(dir, "train.mjs"), FAILING);
      const result = await runCli([command], { cwd: dir });
      expect(result.exitCode).toBe(1);
      expect(frames(result)).toBe(1);
      expect(result.stderr).toMatch(/^ {2}\[train\] {5}at fit \(/m);
      const failure =
        "training failed with exit code 1: node train.mjs (see its output in the log; last line: Error: the learning rate is negative)";
      expect(result.stderr).toContain(`error ${failure}\n`);
      expect(result.stdout).toContain(`\n${failure}\n`);
      // The job summary has no live output above it: there, the last lines of the output are kept, folded.
      const summary = await readFile(path.join(dir, ".mlops/out/train.md"), "utf8");
      expect(summary).toContain("<details><summary>Last lines of its output</summary>");
      expect(summary).toMatch(/^ {4}at fit \(/m);
    },
  );
});

describe("mlops validate", () => {
  it("prints the column profiles only with --verbose; --json has them either way", async () => {
    const dir = await project();
    const plain = await runCli(["validate"], { cwd: dir });
    expect(plain.exitCode, plain.stderr).toBe(0);
    expect(plain.stdout).toContain("── Data validation: PASS");
    expect(plain.stdout).toContain("train: 2 rows from data/train.csv");
    expect(plain.stdout).not.toContain("Profile of");

    const verbose = await runCli(["validate", "--verbose"], { cwd: dir });
    expect(verbose.stdout).toContain("Profile of train (2 columns):");
    expect(verbose.stdout).toContain("Profile of eval (2 columns):");

    const json = await runCli(["validate", "--json"], { cwd: dir });
    const result = JSON.parse(json.stdout) as { datasets: { name: string; columns: { name: string }[] }[] };
    expect(result.datasets.map((d) => [d.name, d.columns.map((c) => c.name)])).toEqual([
      ["train", ["x", "label"]],
      ["eval", ["x", "label"]],
    ]);
    // The saved report (job summary) keeps them.
    expect(await readFile(path.join(dir, ".mlops/out/validate.md"), "utf8")).toContain("Profile of train");
  });
});
