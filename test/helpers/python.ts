import { execFile, execFileSync } from "node:child_process";
import { mkdir, symlink } from "node:fs/promises";
import path from "node:path";

/**
 * Debian's Python 3 with scikit-learn and PyYAML (apt-get install python3-sklearn python3-yaml; `.ci/run` installs
 * them when missing), for the tests that run real Python projects. Another `python3` (pyenv, a virtualenv) may come
 * first on PATH without those packages, so the commands these tests run get a PATH whose first folder holds `python`
 * and `python3` pointing at this one.
 */
export const DEBIAN_PYTHON = "/usr/bin/python3";

const INSTALL = "apt-get install -y --no-install-recommends python3-sklearn python3-yaml (.ci/run does it under CI)";

/**
 * Why the Python tests cannot run here, or null when they can. Under CI=true a missing interpreter is an error (the
 * tests would otherwise pass by skipping), so this throws; elsewhere the caller skips with the reason.
 */
export function debianPythonMissing(env: NodeJS.ProcessEnv = process.env): string | null {
  let reason: string | null = null;
  try {
    execFileSync(DEBIAN_PYTHON, ["-c", "import sklearn, yaml"], { stdio: "pipe", timeout: 60_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split("\n").at(-1);
    reason = `${DEBIAN_PYTHON} with scikit-learn and PyYAML is not usable here (${stderr || String(error)}): ${INSTALL}`;
  }
  if (reason !== null && env.CI === "true") throw new Error(`the Python tests need it under CI: ${reason}`);
  if (reason !== null) console.warn(`\n[python] skipping: ${reason}\n`);
  return reason;
}

/** `PATH` with a folder under `dir` first that holds `python` and `python3` links to {@link DEBIAN_PYTHON}. */
export async function pathWithDebianPython(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const bin = path.join(dir, "bin");
  await mkdir(bin, { recursive: true });
  for (const name of ["python", "python3"]) await symlink(DEBIAN_PYTHON, path.join(bin, name));
  return [bin, env.PATH ?? ""].join(path.delimiter);
}

/** Runs a command (not through a shell) and resolves with its output; rejects with both streams when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} failed:\n${stdout}\n${stderr}`, { cause: error }));
      else resolve({ stdout, stderr });
    });
  });
}
