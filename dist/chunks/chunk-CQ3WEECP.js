import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  isInside
} from "./chunk-SN54LWLO.js";
import {
  InputError,
  isErrnoException
} from "./chunk-XOZC47AQ.js";

// src/files/hash.ts
import { createHash, randomBytes } from "node:crypto";
import { constants, fstatSync } from "node:fs";
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
  writeFile
} from "node:fs/promises";
import path from "node:path";
var READ_SIZE = 4 * 1024 * 1024;
function createFileHasher(bufferSize = READ_SIZE) {
  let current;
  let spare;
  return async (file) => {
    current ??= Buffer.allocUnsafe(bufferSize);
    spare ??= Buffer.allocUnsafe(bufferSize);
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const before = fstatSync(handle.fd, { bigint: true });
      if (!before.isFile()) throw new InputError(`${file} is not a regular file: it cannot be hashed`);
      const hash = createHash("sha256");
      let size = 0;
      let pending = handle.read(current, 0, bufferSize, null);
      for (; ; ) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) break;
        size += bytesRead;
        const filled = current;
        current = spare;
        spare = filled;
        const more = bytesRead === bufferSize;
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
async function sha256File(file) {
  const { size: fileSize } = await stat(file);
  const { size, sha256 } = await createFileHasher(Math.min(READ_SIZE, fileSize + 1))(file);
  return { size, sha256 };
}
async function listFiles(base, target, options = {}) {
  const walk = { base, root: await realpath(base), outsideLinks: options.outsideLinks ?? "refuse", found: [] };
  const absolute = path.resolve(base, target);
  const real = await realpath(absolute).catch((error) => {
    if (isErrnoException(error, "ELOOP")) throw linkLoop(walk, absolute);
    throw error;
  });
  await visit(walk, absolute, real, /* @__PURE__ */ new Set());
  return walk.found.sort();
}
async function visit(walk, shown, real, ancestors) {
  if (walk.outsideLinks === "refuse" && !isInside(walk.root, real)) {
    const relative = toRelative(walk.base, shown);
    throw new InputError(`${relative} leads outside the repository, to ${real}, through a symbolic link`, {
      hint: "only files inside the repository are published: copy the file in (e.g. `cp -L`); for a Hugging Face or DVC folder whose weights are links into a cache, download without links (`hf download --local-dir`) or use `dvc config cache.type copy`"
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
async function resolveLink(walk, link) {
  try {
    return await realpath(link);
  } catch (error) {
    if (isErrnoException(error, "ELOOP")) throw linkLoop(walk, link);
    if (!isErrnoException(error, "ENOENT")) throw error;
    const target = await readlink(link).catch(() => "?");
    throw new InputError(`${toRelative(walk.base, link)} is a symbolic link to ${target}, which does not exist`, {
      hint: "remove the link, or put back what it points to"
    });
  }
}
function linkLoop(walk, link, real) {
  const where = real === void 0 ? "a symbolic link that leads back into itself" : `${real} again, a folder it is in`;
  return new InputError(`${toRelative(walk.base, link)} is ${where}: symbolic links make a loop`, {
    hint: "remove the link that points back up: a loop has no end to list"
  });
}
function notRegular(walk, file, info) {
  const kind = info.isFIFO() ? "a FIFO (named pipe)" : info.isSocket() ? "a socket" : info.isCharacterDevice() || info.isBlockDevice() ? "a device" : "not a regular file";
  return new InputError(`${toRelative(walk.base, file)} is ${kind}, not a file that can be hashed and stored`, {
    hint: "only regular files (and links to them) are published or kept as outputs: remove it, or list the files you mean"
  });
}
async function digestFiles(base, targets, options = {}) {
  const files = /* @__PURE__ */ new Set();
  for (const target of targets) for (const file of await listFiles(base, target, options)) files.add(file);
  const hash = createFileHasher();
  const digests = [];
  for (const file of [...files].sort()) {
    const { size, sha256 } = await hash(path.join(base, file));
    digests.push({ path: file, size, sha256 });
  }
  return digests;
}
function toRelative(base, file) {
  return path.relative(base, file).split(path.sep).join("/");
}
var STAMPS_FORMAT = 1;
async function fingerprintFiles(files, options = {}) {
  const stamps = options.stampsFile ? await readStamps(options.stampsFile) : /* @__PURE__ */ new Map();
  const clock = options.stampsFile ? await probeClock(path.dirname(options.stampsFile)) : void 0;
  const kept = /* @__PURE__ */ new Map();
  const result = /* @__PURE__ */ new Map();
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
  if (options.keepOtherStamps) {
    for (const [file, stamp] of stamps) if (!result.has(file)) kept.set(file, stamp);
  }
  if (options.stampsFile) await writeStamps(options.stampsFile, kept);
  return { files: result, bytesHashed };
}
function stampIsSafe(before, after, clock) {
  return sameStat(stampOf(before, ""), after) && before.dev === clock.dev && before.ctimeNs < clock.timeNs;
}
function stampOf(info, sha256) {
  return {
    dev: info.dev.toString(),
    ino: info.ino.toString(),
    size: info.size.toString(),
    mtimeNs: info.mtimeNs.toString(),
    ctimeNs: info.ctimeNs.toString(),
    sha256
  };
}
function sameStat(stamp, info) {
  return stamp.dev === info.dev.toString() && stamp.ino === info.ino.toString() && stamp.size === info.size.toString() && stamp.mtimeNs === info.mtimeNs.toString() && stamp.ctimeNs === info.ctimeNs.toString();
}
async function probeClock(folder) {
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
async function readStamps(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return /* @__PURE__ */ new Map();
    throw error;
  }
  try {
    const parsed = JSON.parse(text);
    if (parsed.format !== STAMPS_FORMAT || typeof parsed.files !== "object" || parsed.files === null) return /* @__PURE__ */ new Map();
    const stamps = /* @__PURE__ */ new Map();
    for (const [file2, stamp] of Object.entries(parsed.files)) {
      if (isStamp(stamp)) stamps.set(file2, stamp);
    }
    return stamps;
  } catch {
    return /* @__PURE__ */ new Map();
  }
}
function isStamp(value) {
  if (typeof value !== "object" || value === null) return false;
  const record = value;
  return ["dev", "ino", "size", "mtimeNs", "ctimeNs"].every((key) => typeof record[key] === "string") && typeof record.sha256 === "string" && /^[0-9a-f]{64}$/.test(record.sha256);
}
async function writeStamps(file, stamps) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
  await writeFile(tmp, JSON.stringify({ format: STAMPS_FORMAT, files: Object.fromEntries(stamps) }));
  await rename(tmp, file);
}

export {
  sha256File,
  listFiles,
  digestFiles,
  toRelative,
  fingerprintFiles
};
