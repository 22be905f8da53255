import { createHash } from "node:crypto";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Large reads: Node's default 64 KiB reads halve sha256 throughput (PLATFORM.md). */
const READ_SIZE = 4 * 1024 * 1024;

export interface FileDigest {
  /** Path relative to the base folder, with `/` separators. */
  path: string;
  size: number;
  sha256: string;
}

export async function sha256File(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(READ_SIZE);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_SIZE, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, sha256: hash.digest("hex") };
  } finally {
    await handle.close();
  }
}

/** Every file under `target` (a file or a folder), sorted, relative to `base`. */
export async function listFiles(base: string, target: string): Promise<string[]> {
  const absolute = path.resolve(base, target);
  const info = await stat(absolute);
  if (!info.isDirectory()) return [toRelative(base, absolute)];
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => toRelative(base, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function digestFiles(base: string, targets: readonly string[]): Promise<FileDigest[]> {
  const files = new Set<string>();
  for (const target of targets) for (const file of await listFiles(base, target)) files.add(file);
  const digests: FileDigest[] = [];
  for (const file of [...files].sort()) digests.push({ path: file, ...(await sha256File(path.join(base, file))) });
  return digests;
}

function toRelative(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join("/");
}
