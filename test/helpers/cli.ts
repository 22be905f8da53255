import { cp } from "node:fs/promises";
import path from "node:path";
import { main } from "../../src/cli/main.ts";
import { REPO } from "./temp.ts";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `mlops <argv>` in-process with string sinks. The environment is the test process's own minus the Actions
 * variables, so a run inside GitHub Actions behaves like one on a laptop, plus what `options.env` sets. With
 * `columns`, stdout and stderr stand for a terminal that wide; without, for a pipe.
 */
export async function runCli(
  argv: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; columns?: number },
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("GITHUB_")) delete env[key];
  // What the test itself gives (a token, GITHUB_API_URL for the stand-in) stays.
  Object.assign(env, options.env);
  const terminal = options.columns === undefined ? {} : { columns: options.columns };
  const exitCode = await main(argv, {
    stdout: { write: (text: string) => (stdout += text), ...terminal },
    stderr: { write: (text: string) => (stderr += text), ...terminal },
    env,
    cwd: options.cwd,
    color: false,
  });
  return { exitCode, stdout, stderr };
}

/** Lines that look like a JavaScript stack frame ("    at fn (file:1:2)"): user errors must never print them. */
export function stackFrames(text: string): string[] {
  return text.split("\n").filter((line) => /^\s+at\s/.test(line));
}

/** Copies the penguins example into `dir` without its generated files (workspace, model, predictions). */
export async function copyExample(dir: string): Promise<void> {
  const source = path.join(REPO, "examples", "penguins");
  await cp(source, dir, {
    recursive: true,
    filter: (file) => {
      const relative = path.relative(source, file).split(path.sep);
      return !["model", ".mlops", "predictions.csv", "node_modules"].includes(relative[0] ?? "");
    },
  });
}
