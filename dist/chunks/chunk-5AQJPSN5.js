import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  InputError,
  isErrnoException
} from "./chunk-XOZC47AQ.js";

// src/files/read-limited.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
var FileTooLargeError = class extends InputError {
};
var READ_LIMITS = {
  /** A metrics or params JSON file of a user's. */
  userJson: 16 * 1024 * 1024,
  /** A stage result in the workspace, or a report artifact (a gate result). */
  stageResult: 128 * 1024 * 1024,
  /** A GitHub event payload (GitHub caps webhook payloads at 25 MB). */
  eventPayload: 25 * 1024 * 1024,
  /** A file `mlops init` reads to understand a project: a script, a notebook (with its outputs), a manifest. */
  projectFile: 64 * 1024 * 1024
};
async function readTextIfExists(file, options) {
  const bytes = await readOrMissing(file, options);
  return bytes?.toString("utf8");
}
async function readFileLimited(file, options) {
  const bytes = await readOrMissing(file, options);
  if (bytes === void 0) {
    throw new InputError(options.missingMessage ?? `no ${options.what} at ${options.shown}`, {
      ...options.missingHint ? { hint: options.missingHint } : {}
    });
  }
  return bytes;
}
async function readOrMissing(file, options) {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return void 0;
    if (isErrnoException(error, "ENOTDIR")) {
      throw new InputError(`no ${options.what} at ${options.shown}: a part of the path is a file, not a folder`, {
        ...options.missingHint ? { hint: options.missingHint } : {},
        cause: error
      });
    }
    if (isErrnoException(error, "EISDIR")) {
      throw new InputError(`${options.shown} is a folder, not a file`, { cause: error });
    }
    throw new InputError(`cannot read ${options.shown}: ${error.message}`, { cause: error });
  }
  try {
    let buffer = Buffer.allocUnsafe(Math.min(options.limit + 1, 64 * 1024));
    let filled = 0;
    let silentSince = Date.now();
    for (; ; ) {
      if (filled === buffer.length) {
        if (buffer.length > options.limit) break;
        const grown = Buffer.allocUnsafe(Math.min(options.limit + 1, buffer.length * 4));
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      let bytesRead;
      try {
        ({ bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null));
      } catch (error) {
        if (isErrnoException(error, "EAGAIN")) {
          const idleMs = options.idleMs ?? 3e4;
          if (Date.now() - silentSince > idleMs) {
            throw new InputError(
              `nothing arrived from ${options.shown} for ${idleMs < 1e4 ? (idleMs / 1e3).toFixed(1) : Math.round(idleMs / 1e3)} s`,
              {
                hint: `pass a ${options.what} that is a regular file`
              }
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        if (isErrnoException(error, "EISDIR")) {
          throw new InputError(`${options.shown} is a folder, not a file`, { cause: error });
        }
        throw new InputError(`cannot read ${options.shown}: ${error.message}`, { cause: error });
      }
      if (bytesRead === 0) return buffer.subarray(0, filled);
      filled += bytesRead;
      silentSince = Date.now();
    }
    throw new FileTooLargeError(
      `${options.shown} holds more than ${formatLimit(options.limit)}; a ${options.what} that large is refused`,
      { hint: `is this the right file? a ${options.what} is normally far smaller` }
    );
  } finally {
    await handle.close();
  }
}
async function readTextLimited(file, options) {
  return (await readFileLimited(file, options)).toString("utf8");
}
async function readJsonLimited(file, options) {
  const text = await readTextLimited(file, options);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${options.what} ${options.shown} is not valid JSON: ${error.message}`);
  }
}
function formatLimit(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} bytes`;
}

export {
  FileTooLargeError,
  READ_LIMITS,
  readTextIfExists,
  readFileLimited,
  readTextLimited,
  readJsonLimited
};
