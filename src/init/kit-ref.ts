import { existsSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { Git } from "./detect.ts";

/**
 * Which commit of mlops-kit is running, so that `mlops init` pins the kit's actions to it by full SHA like every other
 * action. A commit cannot contain its own SHA, so it is found where it is known:
 *
 * 1. `dist/kit-ref.json` in a published package: the release workflow (.github/workflows/release.yml) writes the tag's
 *    commit and version there before `npm publish`; it is never committed (.gitignore).
 * 2. A git checkout of the kit itself (its own top folder, not a repository it happens to be installed in):
 *    `git rev-parse HEAD`, with the package's version as the comment.
 * 3. An install from the repository by commit (`npm i -D github:mlops-kit/mlops-kit#<sha>`, or npx): npm records
 *    the commit it resolved in the hidden lockfile `node_modules/.package-lock.json`.
 */

export interface KitRef {
  sha: string;
  version: string;
  from: "release" | "checkout" | "git install";
}

/** Written by the release workflow into the package, relative to the kit's folder. */
export const KIT_REF_FILE = "dist/kit-ref.json";

const SHA = /^[0-9a-f]{40}$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export async function resolveKitRef(kitRoot: string, version: string, git: Git): Promise<KitRef> {
  const released = await readKitRefFile(path.join(kitRoot, KIT_REF_FILE));
  if (released) return { ...released, from: "release" };
  const top = await git(["rev-parse", "--show-toplevel"], kitRoot);
  if (top !== null && samePath(top, kitRoot)) {
    const head = await git(["rev-parse", "HEAD"], kitRoot);
    if (head !== null && SHA.test(head)) return { sha: head, version, from: "checkout" };
  }
  const installed = await installedCommit(kitRoot);
  if (installed) return { sha: installed, version, from: "git install" };
  throw new UsageError(
    `cannot tell which commit of mlops-kit runs from ${kitRoot}, so the workflows cannot pin its actions`,
    {
      hint: "install a release (npm i -D mlops-kit) or run init from a git checkout of mlops-kit; --no-workflows writes only mlops.yml",
    },
  );
}

async function readKitRefFile(file: string): Promise<{ sha: string; version: string } | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const { sha, version } = (parsed ?? {}) as { sha?: unknown; version?: unknown };
  if (typeof sha !== "string" || !SHA.test(sha) || typeof version !== "string" || !VERSION.test(version))
    throw new UsageError(`${file} is not {"sha": "<40 hex>", "version": "X.Y.Z"}`, {
      hint: "the installed mlops-kit is damaged: install it again (npm i -D mlops-kit)",
    });
  return { sha, version };
}

/**
 * The commit npm installed the kit from, when it came from a git URL: the `resolved` of its entry in the hidden
 * lockfile of the outermost node_modules folder (`git+ssh://git@github.com/mlops-kit/mlops-kit.git#<sha>`).
 */
async function installedCommit(kitRoot: string): Promise<string | null> {
  const parts = path.resolve(kitRoot).split(path.sep);
  const first = parts.indexOf("node_modules");
  if (first < 0) return null;
  const project = parts.slice(0, first).join(path.sep) || path.sep;
  const key = parts.slice(first).join("/");
  let lock: { packages?: Record<string, { resolved?: unknown }> };
  try {
    lock = JSON.parse(await readFile(path.join(project, "node_modules", ".package-lock.json"), "utf8")) as typeof lock;
  } catch {
    return null;
  }
  const resolved = lock.packages?.[key]?.resolved;
  if (typeof resolved !== "string" || !resolved.startsWith("git+")) return null;
  const sha = resolved.slice(resolved.lastIndexOf("#") + 1);
  return SHA.test(sha) ? sha : null;
}

/** The kit's own folder: the nearest one above `start` whose package.json is mlops-kit's (src/ or dist/ alike). */
export async function kitRootOf(start: string): Promise<string> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name } = JSON.parse(await readFile(manifest, "utf8")) as { name?: unknown };
      if (name === "mlops-kit") return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json of mlops-kit above ${start}`);
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}
