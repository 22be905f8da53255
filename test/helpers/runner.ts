import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/**
 * Runs a bundled action the way the GitHub runner does (PLATFORM.md "JavaScript actions"): `node <runs.main>` with
 * inputs as INPUT_<NAME> variables (upper-cased, spaces to `_`, hyphens kept), and GITHUB_OUTPUT /
 * GITHUB_STEP_SUMMARY / GITHUB_EVENT_PATH files. Only what cannot exist here (the runner itself) is imitated;
 * assertions read the files the action wrote.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=...,line=...::message` workflow commands, parsed. */
  annotations: { level: string; properties: Record<string, string>; message: string }[];
}

export interface RunnerEnvironment {
  workspace: string;
  event?: { name: string; payload: unknown };
  /** Extra environment (GITHUB_SHA, GITHUB_REF ...). */
  env?: Record<string, string>;
}

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export async function runBundledAction(
  action: string,
  inputs: Record<string, string>,
  runner: RunnerEnvironment,
): Promise<ActionRun> {
  const files = await mkdtemp(path.join(os.tmpdir(), "mlops-runner-"));
  const outputFile = path.join(files, "output");
  const summaryFile = path.join(files, "summary");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? files,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_WORKSPACE: runner.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "octo-org/ml-repo",
    GITHUB_RUN_ID: "4242",
    GITHUB_ACTOR: "octocat",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: "refs/heads/main",
    RUNNER_TEMP: files,
    ...runner.env,
  };
  if (runner.event) {
    const eventFile = path.join(files, "event.json");
    await writeFile(eventFile, JSON.stringify(runner.event.payload));
    env.GITHUB_EVENT_NAME = runner.event.name;
    env.GITHUB_EVENT_PATH = eventFile;
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;

  const main = await actionMain(action);
  const child = spawn(process.execPath, [main], { cwd: runner.workspace, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, "utf8")),
    summary: await readFile(summaryFile, "utf8"),
    annotations: parseAnnotations(stdout),
  };
}

/** `runs.main` of actions/<name>/action.yml, resolved the way the runner does: relative to the action's folder. */
export async function actionMain(action: string): Promise<string> {
  const { parse } = await import("yaml");
  const file = path.join(REPO_ROOT, "actions", action, "action.yml");
  const definition = parse(await readFile(file, "utf8")) as { runs: { main: string } };
  return path.resolve(path.dirname(file), definition.runs.main);
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks (and the legacy `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? "");
      outputs[heredoc[1]] = value.join("\n");
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

function parseAnnotations(stdout: string): ActionRun["annotations"] {
  const found: ActionRun["annotations"] = [];
  for (const line of stdout.split("\n")) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match?.[1]) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
      const [key = "", value = ""] = pair.split("=");
      properties[key] = decodeURIComponent(value.replace(/%2C/g, ",").replace(/%3A/g, ":"));
    }
    found.push({ level: match[1], properties, message: decodeCommandData(match[3] ?? "") });
  }
  return found;
}

function decodeCommandData(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

/** A real webhook payload from @octokit/webhooks-examples (api.github.com). */
export function webhookExample(event: string, action?: string): unknown {
  const require = createRequire(import.meta.url);
  const all = require("@octokit/webhooks-examples/api.github.com/index.json") as {
    name: string;
    examples: { action?: string }[];
  }[];
  const examples = all.find((entry) => entry.name === event)?.examples ?? [];
  const example = action === undefined ? examples[0] : examples.find((e) => e.action === action);
  if (!example) throw new Error(`no ${event}${action ? `.${action}` : ""} example in @octokit/webhooks-examples`);
  return structuredClone(example);
}
