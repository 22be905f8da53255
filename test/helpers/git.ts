import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Real git in a test folder, isolated from the user's and the machine's git config. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd, env: gitEnv() });
  return stdout.trim();
}

export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  for (const key of Object.keys(env)) if (key.startsWith("GIT_DIR") || key === "GIT_WORK_TREE") delete env[key];
  return env;
}

/** `git init` on branch `branch`, with `origin` set to `remote` when given. */
export async function gitRepo(dir: string, options: { branch?: string; remote?: string } = {}): Promise<void> {
  await git(dir, "init", "--quiet", "--initial-branch", options.branch ?? "main");
  if (options.remote) await git(dir, "remote", "add", "origin", options.remote);
}
