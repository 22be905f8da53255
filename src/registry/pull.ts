import { randomBytes } from "node:crypto";
import { lstat, mkdir, mkdtemp, open, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { asError, ExternalError, InputError, isErrnoException } from "../errors.ts";
import { isInside } from "../files/safe-path.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { downloadFile, type TransferHooks } from "./download.ts";
import type { Manifest } from "./manifest.ts";
import { checkFilePath } from "./names.ts";

/**
 * Pulling a version into a folder, all or nothing. Nothing is written under `--out` until every file is downloaded
 * and verified, and then the folder changes in one rename:
 *
 * 1. `--out` is checked first: it may be missing, an empty folder, or (with `force`) a folder to replace whole.
 *    Anything else (a file, a symbolic link, a path through a file, an unwritable place) is refused before any download.
 * 2. Every file is downloaded into a fresh sibling, `.<name>.mlops-pull-<pid>-<random>`, each verified (size and
 *    sha256) as it streams, and flushed to disk.
 * 3. The sibling is renamed to `--out` (a rename replaces an empty folder in one step). With `force`, the old folder is
 *    first renamed aside to `.<name>.mlops-old-<pid>-<random>`, the new one takes its name, then the old one is removed.
 *
 * A failure at any point leaves `--out` as it was: the sibling is removed, and folders made for it too. Between the two
 * renames of a forced replace `--out` is briefly absent; a process killed just then leaves the old folder beside it,
 * and the next pull into the same `--out` puts it back first (or removes it, when `--out` exists again). A killed
 * pull's sibling is removed the same way, once its process is gone.
 */

export interface PullOptions extends TransferHooks {
  /** Replace a non-empty `--out` whole (refused otherwise). */
  force?: boolean;
  /** Folders a forced replace must never remove (the current folder, a registry folder): refused if `--out` holds one. */
  protect?: string[];
}

export interface PullResult {
  /** The files written, absolute. */
  files: string[];
  /** Whether a non-empty folder was replaced (`force`). */
  replaced: boolean;
  /** What was found from an earlier, killed pull into the same folder and put right, in words. */
  notes: string[];
}

export async function pullInto(
  store: ObjectStore,
  manifest: Manifest,
  out: string,
  options: PullOptions = {},
): Promise<PullResult> {
  const outDir = path.resolve(out);
  const parent = path.dirname(outDir);
  if (parent === outDir) throw new InputError(`cannot pull into ${outDir}: it is the root folder`);
  const relatives = checkLayout(manifest);
  const stem = path.basename(outDir).slice(0, 100);
  const notes = await recoverLeftovers(parent, stem, outDir);
  const state = await folderState(outDir);
  if (state === "full" && !options.force) {
    throw new InputError(`cannot pull into ${outDir}: it is not empty`, {
      hint: "choose a new folder, or add --force to replace the folder whole",
    });
  }
  // A pull puts a new folder in the place of --out (even an empty one): never the folder a shell or the registry is in.
  if (state !== "absent") refuseProtected(outDir, options.protect ?? []);

  const failed = (error: unknown): Error => describeDiskError(error, outDir, parent);
  const created = await makeParents(parent).catch((error: unknown) => Promise.reject(failed(error)));
  let staging: string | undefined;
  let aside: string | undefined;
  try {
    staging = await mkdtemp(path.join(parent, `.${stem}.mlops-pull-${process.pid}-`));
    for (const [i, file] of manifest.files.entries()) {
      const relative = relatives[i] as string;
      const target = path.join(staging, ...relative.split("/"));
      await downloadFile(store, manifest, `files/${relative}`, file, target, options);
      await flush(target);
    }
    await flushFolder(staging);
    if (state === "full") {
      aside = path.join(parent, `.${stem}.mlops-old-${process.pid}-${randomBytes(4).toString("hex")}`);
      await rename(outDir, aside);
      try {
        await rename(staging, outDir);
      } catch (error) {
        await rename(aside, outDir);
        throw error;
      }
    } else {
      await rename(staging, outDir);
    }
    staging = undefined;
  } catch (error) {
    if (staging) await rm(staging, { recursive: true, force: true });
    if (created) await rm(created, { recursive: true, force: true });
    if (isErrnoException(error, "ENOTEMPTY") || isErrnoException(error, "EEXIST")) {
      throw new InputError(`cannot pull into ${outDir}: something else wrote it while the files were downloading`, {
        hint: "nothing of this pull was kept; pull again",
        cause: error,
      });
    }
    throw failed(error);
  }
  // The new folder is in place: what follows can no longer fail the pull.
  if (aside) {
    await rm(aside, { recursive: true, force: true }).catch((error: unknown) =>
      notes.push(`could not remove the replaced folder ${aside}: ${(error as Error).message}`),
    );
  }
  await flushFolder(parent);
  return {
    files: relatives.map((relative) => path.join(outDir, ...relative.split("/"))),
    replaced: state === "full",
    notes,
  };
}

/** The version's file paths, checked: safe, each listed once, none both a file and a folder. */
function checkLayout(manifest: Manifest): string[] {
  const paths = manifest.files.map((file) => checkFilePath(file.path));
  const seen = new Set<string>();
  for (const file of paths) {
    if (seen.has(file))
      throw new ExternalError(`the manifest of ${manifest.model} ${manifest.version} lists ${file} twice`);
    seen.add(file);
  }
  for (const file of paths) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      if (seen.has(folder)) {
        throw new ExternalError(
          `the manifest of ${manifest.model} ${manifest.version} lists ${folder} both as a file and as a folder`,
        );
      }
    }
  }
  return paths;
}

/** What `--out` is now; anything but a folder (or nothing) is refused with what it is. */
async function folderState(outDir: string): Promise<"absent" | "empty" | "full"> {
  let info;
  try {
    info = await lstat(outDir);
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return "absent";
    if (isErrnoException(error, "ENOTDIR")) {
      const file = await fileOnTheWay(outDir);
      throw new InputError(`cannot pull into ${outDir}: ${file} is a file, not a folder`, {
        hint: "choose another --out",
        cause: error,
      });
    }
    throw describeDiskError(error, outDir, outDir);
  }
  if (info.isSymbolicLink()) {
    const target = await realpath(outDir).catch(() => "a missing path");
    throw new InputError(`cannot pull into ${outDir}: it is a symbolic link (to ${target})`, {
      hint: "name the folder itself as --out; a pull never replaces a link",
    });
  }
  if (!info.isDirectory()) {
    throw new InputError(`cannot pull into ${outDir}: it is ${describeKind(info)}, not a folder`, {
      hint: "choose another --out",
    });
  }
  return (await readdir(outDir)).length === 0 ? "empty" : "full";
}

function describeKind(info: { isFile(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isFile()) return "a file";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  return "a device";
}

/** The nearest ancestor of `target` that exists, which is a file (the cause of ENOTDIR). */
async function fileOnTheWay(target: string): Promise<string> {
  for (let current = path.dirname(target); ; current = path.dirname(current)) {
    const info = await stat(current).catch(() => undefined);
    if (info && !info.isDirectory()) return current;
    if (path.dirname(current) === current) return target;
  }
}

/** `--out` is replaced by a new folder: never one that is or holds the current folder or the registry itself. */
function refuseProtected(outDir: string, protect: readonly string[]): void {
  const held = protect.find((folder) => isInside(outDir, folder));
  if (held !== undefined) {
    throw new InputError(
      `refusing to replace ${outDir}: ${path.resolve(held) === outDir ? "it is" : "it holds"} ${held}`,
      {
        hint: "a pull puts a new folder in the place of --out: pull into a folder of its own (e.g. --out model/)",
      },
    );
  }
}

/**
 * Creates the missing folders above `--out`, one level at a time (Node's recursive mkdir spins forever on a path
 * under /proc). Returns the topmost folder it made, to be removed if the pull fails.
 */
async function makeParents(folder: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    const info = await stat(current).catch((error: unknown) => {
      if (isErrnoException(error, "ENOENT")) return undefined;
      throw error;
    });
    if (info) break;
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const current of [...missing].reverse()) {
    await mkdir(current).catch((error: unknown) => {
      if (!isErrnoException(error, "EEXIST")) throw error;
    });
  }
  return missing.at(-1);
}

/** Puts a file's contents on disk before the rename that publishes it. */
async function flush(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The same for a folder's entries, where the platform can (Windows cannot open a folder to flush it). */
async function flushFolder(folder: string): Promise<void> {
  await flush(folder).catch(() => undefined);
}

const LEFTOVER = /^\.(.*)\.mlops-(pull|old)-(\d+)-[A-Za-z0-9]+$/;

/** Cleans up after an earlier pull into the same folder that was killed (its process is gone). */
async function recoverLeftovers(parent: string, stem: string, outDir: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const notes: string[] = [];
  for (const name of names.sort()) {
    const match = LEFTOVER.exec(name);
    if (!match || match[1] !== stem || isRunning(Number(match[3]))) continue;
    const leftover = path.join(parent, name);
    if (match[2] === "old" && (await folderState(outDir).catch(() => "full")) === "absent") {
      await rename(leftover, outDir);
      notes.push(`put back ${outDir}, which a killed pull --force had moved aside to ${name}`);
    } else {
      await rm(leftover, { recursive: true, force: true });
      notes.push(`removed ${name}, left by a killed pull`);
    }
  }
  return notes;
}

/** Whether a process still runs (signal 0 probes without sending anything); this process's own pulls count. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrnoException(error, "EPERM");
  }
}

const DISK_REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EFBIG: "a file is larger than this file system or the process's file-size limit allows",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOENT: "folders cannot be created there",
  EBUSY: "the folder is busy (a mount point?)",
  EXDEV: "the folder is on another file system than its parent (a mount point?)",
  ENAMETOOLONG: "the name is too long",
  EIO: "the disk reported an I/O error",
};

/** A file-system error of the pull as one clear message; errors on the registry's side are left as they are. */
function describeDiskError(error: unknown, outDir: string, parent: string): Error {
  if (!isErrnoException(error) || error.code === undefined) return asError(error);
  // A local registry's own files fail with errno errors too: only ours (in and next to --out) are the pull's disk.
  if (error.path !== undefined && !isInside(parent, error.path)) {
    return new ExternalError(`cannot read ${error.path}: ${error.message}`, { cause: error });
  }
  const reason = DISK_REASONS[error.code] ?? error.message;
  const where = error.path && error.path !== outDir ? ` (at ${error.path})` : "";
  return new InputError(`cannot pull into ${outDir}: ${reason}${where}`, {
    hint: `nothing was changed: ${outDir} is as it was`,
    cause: error,
  });
}
