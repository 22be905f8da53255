import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

/** The repository's top folder, for tests that read the example project or start the CLI. */
export const REPO = path.resolve(import.meta.dirname, "../..");

/**
 * A fresh folder under the OS temp dir. Inside a test it is removed when the test finishes; from `beforeAll` pass
 * `{ keep: true }` and remove it in `afterAll` with {@link removeDir}.
 */
export async function tempDir(options: { keep?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "mlops-test-"));
  if (!options.keep) onTestFinished(() => removeDir(dir));
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path -> text or bytes) under `dir`, creating folders; returns the absolute paths. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const written: string[] = [];
  for (const [relative, body] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
    written.push(file);
  }
  return written;
}
