import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/errors.ts
var ExitCode = {
  ok: 0,
  checkFailed: 1,
  usageOrConfig: 2
};
function formatLocation(location) {
  if (location.line === void 0) return location.file;
  return location.column === void 0 ? `${location.file}:${location.line}` : `${location.file}:${location.line}:${location.column}`;
}
var UserError = class extends Error {
  hint;
  location;
  exitCode = ExitCode.usageOrConfig;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.location = options.location;
  }
  /** One line (plus an optional hint line) for a terminal or an annotation. */
  describe() {
    const where = this.location ? `${formatLocation(this.location)}: ` : "";
    return this.hint ? `${where}${this.message}
  hint: ${this.hint}` : `${where}${this.message}`;
  }
};
var UsageError = class extends UserError {
};
var InputError = class extends UserError {
};
var ExternalError = class extends UserError {
};
function formatPath(path3) {
  let text = "";
  for (const part of path3) text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  return text === "" ? "(top level)" : text;
}
function formatDiagnostic(d) {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  const field = d.path.length > 0 ? ` at ${formatPath(d.path)}` : "";
  const head = `${where}${d.severity}${field}: ${d.message}`;
  return d.hint ? `${head}
  hint: ${d.hint}` : head;
}
var ConfigError = class extends UserError {
  diagnostics;
  constructor(diagnostics) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const first = errors[0] ?? diagnostics[0];
    const summary = errors.length > 1 ? `${errors.length} problems in the config` : first?.message ?? "invalid config";
    super(summary, first?.location ? { location: first.location } : {});
    this.diagnostics = diagnostics;
  }
  describe() {
    return this.diagnostics.map(formatDiagnostic).join("\n");
  }
};
function asError(thrown) {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === "string" ? thrown : `non-Error thrown: ${safeStringify(thrown)}`);
}
function safeStringify(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
function isErrnoException(error, code) {
  return error instanceof Error && "code" in error && (code === void 0 || error.code === code);
}

// src/files/safe-path.ts
import path from "node:path";
var CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
function hasControlCharacters(text) {
  return CONTROL_CHARACTERS.test(text);
}
function relativePathProblem(relative) {
  if (relative.length === 0) return "empty";
  if (CONTROL_CHARACTERS.test(relative)) return "control-characters";
  if (relative.includes("\\")) return "backslash";
  if (path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return "absolute";
  const normal = path.posix.normalize(relative);
  if (normal === ".." || normal.startsWith("../")) return "escapes";
  return void 0;
}
function describePathProblem(problem) {
  switch (problem) {
    case "empty":
      return "the path is empty";
    case "absolute":
      return "the path is absolute; it must be relative";
    case "escapes":
      return "the path leads outside its folder (`..`)";
    case "control-characters":
      return "the path contains control characters";
    case "backslash":
      return "the path contains a backslash; use `/` as separator";
  }
}
function isInside(base, target) {
  const relative = path.relative(path.resolve(base), path.resolve(target));
  return relative === "" || !relative.startsWith("..") && !path.isAbsolute(relative);
}
function isS3Uri(text) {
  return text.startsWith("s3://");
}
function parseS3Uri(uri) {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri);
  if (!match?.[1]) return void 0;
  return { bucket: match[1], key: match[2] ?? "" };
}

// src/store/keys.ts
function checkKey(key) {
  const problem = relativePathProblem(key);
  if (problem) throw new InputError(`refusing object key "${key}": ${describePathProblem(problem)}`);
  if (key.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw new InputError(`refusing object key "${key}": it has an empty, "." or ".." segment`);
  }
  return key;
}
function checkPrefix(prefix) {
  const bare = prefix.replace(/\/$/, "");
  return bare === "" ? "" : checkKey(bare);
}

// src/store/object-store.ts
var CorruptObjectError = class extends ExternalError {
  key;
  expected;
  actual;
  constructor(location, key, expected, actual) {
    super(
      `${location}/${key} is corrupted: expected ${expected.size} bytes with sha256 ${expected.sha256.slice(0, 12)}\u2026, got ${actual.size} bytes with sha256 ${actual.sha256.slice(0, 12)}\u2026`,
      { hint: "the stored object was changed or damaged after it was written" }
    );
    this.key = key;
    this.expected = expected;
    this.actual = actual;
  }
};
var READ_CHUNK = 4 * 1024 * 1024;

// src/store/local-store.ts
import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path2 from "node:path";
function createLocalStore(root) {
  const resolve = (key) => path2.join(root, ...checkKey(key).split("/"));
  const folderOf = (prefix) => {
    const bare = checkPrefix(prefix);
    return bare === "" ? root : path2.join(root, ...bare.split("/"));
  };
  const store = {
    location: root,
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "EISDIR")) return void 0;
        throw error;
      }
    },
    async put(key, body) {
      const target = resolve(key);
      await mkdir(path2.dirname(target), { recursive: true });
      const tmp = temporaryName(target);
      try {
        await writeFile(tmp, body);
        await rename(tmp, target);
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async putFile(key, file) {
      await store.upload(key, file);
    },
    async getToFile(key, file) {
      return await store.download(key, file) !== void 0;
    },
    async upload(key, file, options = {}) {
      const target = resolve(key);
      await mkdir(path2.dirname(target), { recursive: true });
      return copyHashed(file, target, options);
    },
    async download(key, file, options = {}) {
      const source = resolve(key);
      try {
        if (!(await stat(source)).isFile()) return void 0;
      } catch (error) {
        if (isErrnoException(error, "ENOENT")) return void 0;
        throw error;
      }
      await mkdir(path2.dirname(file), { recursive: true });
      return copyHashed(source, file, options, (actual) => {
        if (options.expected && !sameDigest(options.expected, actual)) {
          throw new CorruptObjectError(root, key, options.expected, actual);
        }
      });
    },
    async create(key, body) {
      const target = resolve(key);
      await mkdir(path2.dirname(target), { recursive: true });
      const tmp = temporaryName(target);
      try {
        await writeFile(tmp, body);
        await link(tmp, target);
        return true;
      } catch (error) {
        if (isErrnoException(error, "EEXIST")) return false;
        throw error;
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async list(prefix) {
      const base = folderOf(prefix);
      let entries;
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "ENOTDIR")) return [];
        throw error;
      }
      return entries.filter((entry) => entry.isFile() && !TEMPORARY.test(entry.name)).map((entry) => path2.relative(root, path2.join(entry.parentPath, entry.name)).split(path2.sep).join("/")).sort();
    },
    async folders(prefix) {
      try {
        const entries = await readdir(folderOf(prefix), { withFileTypes: true });
        return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "ENOTDIR")) return [];
        throw error;
      }
    },
    async exists(key) {
      try {
        return (await stat(resolve(key))).isFile();
      } catch (error) {
        if (isErrnoException(error, "ENOENT")) return false;
        throw error;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
    async discardIncomplete(prefix, before) {
      let entries;
      try {
        entries = await readdir(folderOf(prefix), { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isErrnoException(error, "ENOENT") || isErrnoException(error, "ENOTDIR")) return 0;
        throw error;
      }
      let removed = 0;
      for (const entry of entries.filter((e) => e.isFile() && TEMPORARY.test(e.name))) {
        const file = path2.join(entry.parentPath, entry.name);
        const info = await stat(file).catch(() => void 0);
        if (info && info.mtime < before) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    }
  };
  return store;
}
var TEMPORARY = /\.tmp-[0-9a-f]{12}$/;
function temporaryName(target) {
  return `${target}.tmp-${randomBytes(6).toString("hex")}`;
}
async function writeAll(handle, chunk) {
  let written = 0;
  while (written < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, written, chunk.length - written);
    written += bytesWritten;
  }
}
function sameDigest(a, b) {
  return a.size === b.size && a.sha256 === b.sha256;
}
async function copyHashed(source, target, options, check) {
  const tmp = temporaryName(target);
  const hash = createHash("sha256");
  const input = await open(source, "r");
  let size = 0;
  try {
    const total = (await input.stat()).size;
    const output = await open(tmp, "w");
    try {
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      for (; ; ) {
        const { bytesRead } = await input.read(buffer, 0, READ_CHUNK, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await writeAll(output, chunk);
        size += bytesRead;
        options.onProgress?.(size, total);
      }
    } finally {
      await output.close();
    }
    const digest = { size, sha256: hash.digest("hex") };
    check?.(digest);
    await rename(tmp, target);
    return digest;
  } finally {
    await input.close();
    await rm(tmp, { force: true });
  }
}

export {
  ExitCode,
  UserError,
  UsageError,
  InputError,
  ExternalError,
  formatPath,
  formatDiagnostic,
  ConfigError,
  asError,
  isErrnoException,
  hasControlCharacters,
  relativePathProblem,
  describePathProblem,
  isInside,
  isS3Uri,
  parseS3Uri,
  checkKey,
  checkPrefix,
  CorruptObjectError,
  READ_CHUNK,
  createLocalStore,
  sameDigest
};
