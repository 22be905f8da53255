import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRedactor, secretValues } from "../../src/command/redact.ts";
import { runCli } from "../helpers/cli.ts";
import { writeConfig } from "../helpers/config.ts";
import { runBundledAction } from "../helpers/runner.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/**
 * Secrets never reach a record, a log tail or a report (DOMAIN.md §6): the values of secret variables the training
 * and evaluation commands can see are `***` in what is printed, in the run record's log tail, in the failure message
 * and in the reports, whether the CLI or the bundled action ran them.
 */

const SECRETS = {
  HF_TOKEN: "hf_abcdefghijklmnop",
  DB_PASSWORD: "correct horse battery",
  MY_API_KEY: "key-0123456789",
  CLOUD_CREDENTIALS: '{"client_secret": "s3cr3t-in-json"}',
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY",
  SIGNING_KEY_PEM:
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEF\nAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----",
};
const SHORT = { TINY_KEY: "12345" };
const VISIBLE = { MODEL_NAME: "visible-model-name" };

/**
 * Prints every variable's value, line by line, to stdout and stderr, then fails with a secret in its last error line
 * (which the failure message quotes).
 */
const LEAKY = `const names = ${JSON.stringify([...Object.keys(SECRETS), ...Object.keys(SHORT), ...Object.keys(VISIBLE)])};
for (const name of names) { console.log(name + "=" + process.env[name]); console.error("err " + process.env[name]); }
console.error("Error: the token " + process.env.HF_TOKEN + " was refused");
process.exit(Number(process.argv[2] ?? 1));
`;

async function leakyProject(dir: string, trainExit: number): Promise<void> {
  await writeFiles(dir, { "leak.mjs": LEAKY, "model/w.bin": "w", "predictions.csv": "label,prediction\n1,1\n" });
  await writeConfig(
    dir,
    `version: 1
model: { name: leaky }
train: { command: node leak.mjs ${trainExit}, outputs: [model/], cache: false }
evaluate: { command: node leak.mjs 1, predictions: predictions.csv }
gate: { rules: [{ metric: accuracy, min: 0 }] }
`,
  );
}

function expectRedacted(text: string, where: string): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    for (const line of value.split("\n")) expect(text, `${name} in ${where}`).not.toContain(line);
  }
  expect(text, where).toContain("***");
}

describe("secret values are *** wherever a command's output goes", () => {
  it("in the printed log, the run record's log tail, the failure message and the report (CLI)", async () => {
    const dir = await tempDir();
    await leakyProject(dir, 1);
    const env = { ...SECRETS, ...SHORT, ...VISIBLE };
    const train = await runCli(["train", "--json"], { cwd: dir, env });
    expect(train.exitCode).toBe(1);
    expectRedacted(train.stderr, "the printed log");
    expectRedacted(train.stdout, "--json");
    const record = JSON.parse(await readFile(path.join(dir, ".mlops/out/train.json"), "utf8")) as {
      logTail: string[];
      failure: string;
    };
    expect(record.logTail.length).toBeGreaterThan(10);
    expectRedacted(record.logTail.join("\n"), "the log tail");
    expectRedacted(record.failure, "the failure");
    expectRedacted(await readFile(path.join(dir, ".mlops/out/train.md"), "utf8"), "the report");
    // Short values and variables that are not secrets stay as they are.
    expect(record.logTail).toContain("TINY_KEY=12345");
    expect(record.logTail).toContain("MODEL_NAME=visible-model-name");
    expect(record.logTail).toContain("HF_TOKEN=***");
    expect(record.logTail).toContain("SIGNING_KEY_PEM=***");

    await leakyProject(dir, 0);
    expect((await runCli(["train"], { cwd: dir, env })).exitCode).toBe(0);
    const evaluate = await runCli(["evaluate", "--json"], { cwd: dir, env });
    expect(evaluate.exitCode).toBe(1);
    expectRedacted(evaluate.stderr + evaluate.stdout, "the evaluation's output");
    expectRedacted(await readFile(path.join(dir, ".mlops/out/evaluate.json"), "utf8"), "the evaluation record");
  });

  it("in the job log, the step summary and the record when the bundled action trains", async () => {
    const workspace = await tempDir();
    await leakyProject(workspace, 1);
    const run = await runBundledAction("train", {}, { workspace, env: { ...SECRETS, ...VISIBLE } });
    expect(run.exitCode).not.toBe(0);
    // `::add-mask::` lines are the runner's commands, consumed by it and never shown in the log.
    const shown = run.stdout
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    expectRedacted(shown, "the job log");
    expectRedacted(run.summary, "the step summary");
    expectRedacted(await readFile(path.join(workspace, ".mlops/out/train.json"), "utf8"), "the record");
    // Masked for the runner too, so anything the runner prints of them is *** as well.
    expect(run.stdout).toContain(`::add-mask::${SECRETS.HF_TOKEN}`);
  });
});

describe("the redactor", () => {
  it("takes secrets by name, each line of a multi-line value, and cuts the longest first", () => {
    const secrets = secretValues({
      A_TOKEN: "abcdef",
      B_TOKEN: "abcdefgh",
      C_KEY: "line-one\nline-two",
      PATH: "/usr/bin",
    });
    expect(secrets.sort()).toEqual(["abcdef", "abcdefgh", "line-one", "line-one\nline-two", "line-two"].sort());
    const redact = createRedactor(secrets);
    expect(redact("x abcdefgh y abcdef z line-two")).toBe("x *** y *** z ***");
    expect(redact("regex chars stay literal: a.b*c")).toBe("regex chars stay literal: a.b*c");
    expect(createRedactor(secretValues({ X_SECRET: "a+b(c)[d]" }))("=a+b(c)[d]=")).toBe("=***=");
  });
});
