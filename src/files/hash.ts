import { createHash, randomBytes } from "node:crypto";
import { type BigIntStats, constants, fstatSync, type Stats } from "node:fs";
import {
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { InputError, isErrnoException } from "../errors.ts";
import { isInside } from "./safe-path.ts";

/** Large reads: Node's default 64 KiB reads halve sha256 throughput (PLATFORM.md). */
export const READ_SIZE = 4 * 1024 * 1024;

export interface FileDigest {
  /** Path relative to the base folder, with `/` separators. */
  path: string;
  size: number;
  sha256: string;
}

interface HashedFile {
  size: number;
  sha256: string;
  /** The file's stat before and after the read (same open file), for deciding whether a stamp may be kept. */
  before: BigIntStats;
  after: BigIntStats;
}

/**
 * Hashes files one after another with one pair of read buffers for all of them (fresh 4 MiB buffers per file cost
 * page faults on a pass over many files). Each file: 4 MiB reads, double-buffered so the next read is in flight on
 * libuv's thread pool while this chunk is hashed on the main thread. Each byte is read once; there is no second pass,
 * and a short read ends the file (for a regular file it means end of file), so a small file is a single read.
 */
export function createFileHasher(bufferSize = READ_SIZE): (file: string) => Promise<HashedFile> {
  let current: Buffer | undefined;
  let spare: Buffer | undefined;
  return async (file) => {
    current ??= Buffer.allocUnsafe(bufferSize);
    spare ??= Buffer.allocUnsafe(bufferSize);
    // O_NONBLOCK: a FIFO put where a file was listed must not hold the open forever (it is refused just below).
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      // fstat on an open descriptor does no I/O: done synchronously, it costs no thread-pool round trip.
      const before = fstatSync(handle.fd, { bigint: true });
      if (!before.isFile()) throw new InputError(`${file} is not a regular file: it cannot be hashed`);
      const hash = createHash("sha256");
      let size = 0;
      let pending = handle.read(current, 0, bufferSize, null);
      for (;;) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) break;
        size += bytesRead;
        const filled: Buffer = current;
        current = spare;
        spare = filled;
        const more = bytesRead === bufferSize;
        // Reads are issued one after another (position null = the file's own offset), never two at once.
        if (more) pending = handle.read(current, 0, bufferSize, null);
        hash.update(filled.subarray(0, bytesRead));
        if (!more) break;
      }
      const after = fstatSync(handle.fd, { bigint: true });
      return { size, sha256: hash.digest("hex"), before, after };
    } finally {
      await handle.close();
    }
  };
}

export async function sha256File(file: string): Promise<{ size: number; sha256: string }> {
  // One file: buffers sized to it (a small file needs no 4 MiB), +1 so its single read comes back short.
  const { size: fileSize } = await stat(file);
  const { size, sha256 } = await createFileHasher(Math.min(READ_SIZE, fileSize + 1))(file);
  return { size, sha256 };
}

export interface ListOptions {
  /**
   * What to do with a symbolic link that leads outside `base`. `refuse` (the default) is what publishing needs: nothing
   * from outside the repository may reach the registry. `follow` suits train outputs, whose bytes are what the run
   * made wherever a link puts them (the run cache stores and restores those bytes as plain files).
   */
  outsideLinks?: "refuse" | "follow";
}

/**
 * Every file under `target` (a file or a folder), sorted, relative to `base`, as the paths appear under `base` (a file
 * reached through a link is listed at the link's path). Nothing is skipped in silence: a symbolic link is followed
 * (see {@link ListOptions} for one that leads outside `base`), and a broken link, a link loop, a FIFO, a socket or a
 * device is an error naming it (hashing a FIFO would wait forever). A missing `target` throws ENOENT as it is.
 */
export async function listFiles(base: string, target: string, options: ListOptions = {}): Promise<string[]> {
  const walk: Walk = { base, root: await realpath(base), outsideLinks: options.outsideLinks ?? "refuse", found: [] };
  const absolute = path.resolve(base, target);
  const real = await realpath(absolute).catch((error: unknown) => {
    if (isErrnoException(error, "ELOOP")) throw linkLoop(walk, absolute);
    throw error;
  });
  await visit(walk, absolute, real, new Set());
  return walk.found.sort();
}

interface Walk {
  base: string;
  /** `base` with every link resolved: what "inside" is measured against. */
  root: string;
  outsideLinks: "refuse" | "follow";
  found: string[];
}

/** One path whose real location is `real` (links resolved); `ancestors` are the real folders above it on this walk. */
async function visit(walk: Walk, shown: string, real: string, ancestors: Set<string>): Promise<void> {
  if (walk.outsideLinks === "refuse" && !isInside(walk.root, real)) {
    const relative = toRelative(walk.base, shown);
    throw new InputError(`${relative} leads outside the repository, to ${real}, through a symbolic link`, {
      hint:
        "only files inside the repository are published: copy the file in (e.g. `cp -L`); for a Hugging Face or DVC " +
        "folder whose weights are links into a cache, download without links (`hf download --local-dir`) or use " +
        "`dvc config cache.type copy`",
    });
  }
  const info = await stat(real);
  if (info.isFile()) {
    walk.found.push(toRelative(walk.base, shown));
    return;
  }
  if (!info.isDirectory()) throw notRegular(walk, shown, info);
  if (ancestors.has(real)) throw linkLoop(walk, shown, real);
  ancestors.add(real);
  for (const entry of await readdir(shown, { withFileTypes: true })) {
    const child = path.join(shown, entry.name);
    if (entry.isFile()) walk.found.push(toRelative(walk.base, child));
    else if (entry.isDirectory()) await visit(walk, child, path.join(real, entry.name), ancestors);
    else if (entry.isSymbolicLink()) await visit(walk, child, await resolveLink(walk, child), ancestors);
    else throw notRegular(walk, child, await lstat(child));
  }
  ancestors.delete(real);
}

async function resolveLink(walk: Walk, link: string): Promise<string> {
  try {
    return await realpath(link);
  } catch (error) {
    if (isErrnoException(error, "ELOOP")) throw linkLoop(walk, link);
    if (!isErrnoException(error, "ENOENT")) throw error;
    const target = await readlink(link).catch(() => "?");
    throw new InputError(`${toRelative(walk.base, link)} is a symbolic link to ${target}, which does not exist`, {
      hint: "remove the link, or put back what it points to",
    });
  }
}

function linkLoop(walk: Walk, link: string, real?: string): InputError {
  const where = real === undefined ? "a symbolic link that leads back into itself" : `${real} again, a folder it is in`;
  return new InputError(`${toRelative(walk.base, link)} is ${where}: symbolic links make a loop`, {
    hint: "remove the link that points back up: a loop has no end to list",
  });
}

function notRegular(walk: Walk, file: string, info: Stats): InputError {
  const kind = info.isFIFO()
    ? "a FIFO (named pipe)"
    : info.isSocket()
      ? "a socket"
      : info.isCharacterDevice() || info.isBlockDevice()
        ? "a device"
        : "not a regular file";
  return new InputError(`${toRelative(walk.base, file)} is ${kind}, not a file that can be hashed and stored`, {
    hint: "only regular files (and links to them) are published or kept as outputs: remove it, or list the files you mean",
  });
}

export async function digestFiles(
  base: string,
  targets: readonly string[],
  options: ListOptions = {},
): Promise<FileDigest[]> {
  const files = new Set<string>();
  for (const target of targets) for (const file of await listFiles(base, target, options)) files.add(file);
  const hash = createFileHasher();
  const digests: FileDigest[] = [];
  for (const file of [...files].sort()) {
    const { size, sha256 } = await hash(path.join(base, file));
    digests.push({ path: file, size, sha256 });
  }
  return digests;
}

export function toRelative(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join("/");
}

// --- fingerprints with stamps ------------------------------------------------------------------------------------

/**
 * Fingerprints (size + sha256) of many files, for the run cache key. With a stamps file, a file whose stat is
 * unchanged since it was last hashed is not read again. When that is safe, exactly:
 *
 * A stamp records the file's device, inode, size, mtime and ctime (nanoseconds) as they were before AND after the
 * read that produced the hash (they must be equal, so the file did not change while being read). It is only kept
 * when the file's ctime is strictly earlier than a clock probe: a file we write in the stamps' folder just before
 * the pass, on the same device. Any later change to the file's content (write, truncate, a rename over it, or
 * `touch -d` to fake the mtime) sets its ctime to the file system's current time, which is >= the probe's time,
 * so it can no longer equal the recorded ctime, and the file is hashed again. Files changed in the same clock tick
 * as the probe, or on another device (another clock), are simply never stamped. This holds as long as the clock
 * does not step backwards and the file system updates ctime on writes (POSIX; writes through a shared mmap are
 * only guaranteed to update it by the next msync, so a file being written that way can be missed until then).
 */
export interface FingerprintOptions {
  /** Where stamps are kept between passes (e.g. .mlops/cache/stamps.json); without it every file is read. */
  stampsFile?: string;
  /** Keep the stamps of files this pass did not look at (default: only this pass's files are kept). */
  keepOtherStamps?: boolean;
}

export interface Fingerprint {
  size: number;
  sha256: string;
  /** True when the stamp was trusted and the file was not read. */
  reused: boolean;
}

export interface FingerprintPass {
  /** By absolute path, in the order asked. */
  files: Map<string, Fingerprint>;
  /** Bytes actually read and hashed in this pass. */
  bytesHashed: number;
}

interface Stamp {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  sha256: string;
}

const STAMPS_FORMAT = 1;

export async function fingerprintFiles(
  files: readonly string[],
  options: FingerprintOptions = {},
): Promise<FingerprintPass> {
  const stamps = options.stampsFile ? await readStamps(options.stampsFile) : new Map<string, Stamp>();
  const clock = options.stampsFile ? await probeClock(path.dirname(options.stampsFile)) : undefined;
  const kept = new Map<string, Stamp>();
  const result = new Map<string, Fingerprint>();
  const hash = createFileHasher();
  let bytesHashed = 0;
  for (const file of files) {
    if (result.has(file)) continue;
    const stamp = stamps.get(file);
    if (stamp) {
      const now = await stat(file, { bigint: true });
      if (sameStat(stamp, now)) {
        result.set(file, { size: Number(now.size), sha256: stamp.sha256, reused: true });
        kept.set(file, stamp);
        continue;
      }
    }
    const hashed = await hash(file);
    bytesHashed += hashed.size;
    result.set(file, { size: hashed.size, sha256: hashed.sha256, reused: false });
    if (clock && stampIsSafe(hashed.before, hashed.after, clock)) kept.set(file, stampOf(hashed.before, hashed.sha256));
  }
  if (options.keepOtherStamps) for (const [file, stamp] of stamps) if (!result.has(file)) kept.set(file, stamp);
  if (options.stampsFile) await writeStamps(options.stampsFile, kept);
  return { files: result, bytesHashed };
}

type StatFields = Pick<BigIntStats, "dev" | "ino" | "size" | "mtimeNs" | "ctimeNs">;

/**
 * Whether a hash may be remembered by its stat (see {@link FingerprintOptions}): the file did not change while it was
 * read (same stat before and after), and its last change is strictly older than the clock probe on its device.
 */
export function stampIsSafe(before: StatFields, after: StatFields, clock: { timeNs: bigint; dev: bigint }): boolean {
  return sameStat(stampOf(before, ""), after) && before.dev === clock.dev && before.ctimeNs < clock.timeNs;
}

function stampOf(info: StatFields, sha256: string): Stamp {
  return {
    dev: info.dev.toString(),
    ino: info.ino.toString(),
    size: info.size.toString(),
    mtimeNs: info.mtimeNs.toString(),
    ctimeNs: info.ctimeNs.toString(),
    sha256,
  };
}

function sameStat(stamp: Stamp, info: StatFields): boolean {
  return (
    stamp.dev === info.dev.toString() &&
    stamp.ino === info.ino.toString() &&
    stamp.size === info.size.toString() &&
    stamp.mtimeNs === info.mtimeNs.toString() &&
    stamp.ctimeNs === info.ctimeNs.toString()
  );
}

/** The file system's idea of "now" (a file's mtime, same clock and granularity as the files' ctimes) and device. */
async function probeClock(folder: string): Promise<{ timeNs: bigint; dev: bigint }> {
  await mkdir(folder, { recursive: true });
  const probe = path.join(folder, `.clock-${randomBytes(6).toString("hex")}`);
  await writeFile(probe, "");
  try {
    const info = await stat(probe, { bigint: true });
    return { timeNs: info.mtimeNs, dev: info.dev };
  } finally {
    await rm(probe, { force: true });
  }
}

async function readStamps(file: string): Promise<Map<string, Stamp>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return new Map();
    throw error;
  }
  // A damaged stamps file only costs a full pass: it is a speed-up, never a source of truth.
  try {
    const parsed = JSON.parse(text) as { format?: unknown; files?: Record<string, Stamp> };
    if (parsed.format !== STAMPS_FORMAT || typeof parsed.files !== "object" || parsed.files === null) return new Map();
    const stamps = new Map<string, Stamp>();
    for (const [file, stamp] of Object.entries(parsed.files)) {
      if (isStamp(stamp)) stamps.set(file, stamp);
    }
    return stamps;
  } catch {
    return new Map();
  }
}

function isStamp(value: unknown): value is Stamp {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ["dev", "ino", "size", "mtimeNs", "ctimeNs"].every((key) => typeof record[key] === "string") &&
    typeof record.sha256 === "string" &&
    /^[0-9a-f]{64}$/.test(record.sha256)
  );
}

async function writeStamps(file: string, stamps: Map<string, Stamp>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
  await writeFile(tmp, JSON.stringify({ format: STAMPS_FORMAT, files: Object.fromEntries(stamps) }));
  await rename(tmp, file);
}
