import { constants } from "node:fs";
import { copyFile, mkdir, readdir, stat, symlink } from "node:fs/promises";
import path from "node:path";
import type { MlopsConfig } from "../config/schema/index.ts";
import { relativePathProblem } from "../files/safe-path.ts";

/**
 * A shadow of the project for one sweep leg run in parallel: the legs must not write the same `model/`. Folders that
 * hold nothing a command writes are symlinked (data, code folders, node_modules: no copying); folders on the way to
 * a written path are real folders, with their files copied (copy-on-write clones where the file system has them).
 * The written paths themselves (train.outputs, the predictions and metrics files) are left out: each leg's commands
 * create their own. The workspace and .git are left out too. The params file is always a real copy: the leg's params
 * are written into it for its run, which must not reach the project or another leg through a symlinked folder.
 *
 * A command that writes somewhere it did not declare, inside a symlinked folder, writes into the real project: the
 * docs/training.md says to declare what training writes.
 */

/** Paths the train and evaluate commands write, relative to mlops.yml's folder. */
export function writtenPaths(config: MlopsConfig): string[] {
  const predictions = config.evaluate?.predictions;
  const metrics = config.evaluate?.metrics_file;
  return [
    ...(config.train?.outputs ?? []),
    ...(predictions === undefined ? [] : [typeof predictions === "string" ? predictions : predictions.path]),
    ...(metrics === undefined ? [] : typeof metrics === "string" ? [metrics] : metrics),
  ].map(normalise);
}

/** Config paths that leave mlops.yml's folder: a shadow of that folder could not resolve them. */
export function pathsOutsideRoot(config: MlopsConfig): string[] {
  const params = typeof config.train?.params === "string" ? [config.train.params] : [];
  const data = [config.data?.train, config.data?.eval].flatMap((s) =>
    s === undefined ? [] : typeof s === "string" ? [s] : s,
  );
  return [...params, ...data, ...(config.train?.inputs ?? []), ...writtenPaths(config), config.workspace].filter(
    (p) => !p.startsWith("s3://") && relativePathProblem(p) === "escapes",
  );
}

export async function createShadow(root: string, target: string, config: MlopsConfig): Promise<void> {
  const workspace = normalise(config.workspace);
  const written = writtenPaths(config);
  const skipped = new Set([workspace, ".git"]);
  const isWritten = (rel: string): boolean => written.includes(rel);
  // A folder must be real when something is written inside it (the leg's own workspace included).
  const params = typeof config.train?.params === "string" ? [normalise(config.train.params)] : [];
  const holdsWritten = (rel: string): boolean =>
    [...written, ...params, workspace].some((w) => w.startsWith(`${rel}/`));

  const mirror = async (relative: string): Promise<void> => {
    const source = path.join(root, relative);
    const destination = path.join(target, relative);
    await mkdir(destination, { recursive: true });
    for (const entry of await readdir(source)) {
      const rel = relative === "" ? entry : `${relative}/${entry}`;
      if (skipped.has(rel) || isWritten(rel)) continue;
      const from = path.join(source, entry);
      const to = path.join(destination, entry);
      const info = await stat(from).catch(() => undefined);
      if (!info) continue; // a dangling symlink
      if (info.isDirectory()) {
        if (holdsWritten(rel)) await mirror(rel);
        // A junction needs no privilege on Windows; elsewhere the type is ignored.
        else await symlink(from, to, process.platform === "win32" ? "junction" : "dir");
      } else if (info.isFile()) {
        await copyFile(from, to, constants.COPYFILE_FICLONE);
      }
    }
  };
  await mirror("");
}

function normalise(relative: string): string {
  return path.posix.normalize(relative).replace(/\/+$/, "").replace(/^\.\//, "");
}
