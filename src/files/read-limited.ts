import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { InputError, isErrnoException } from "../errors.ts";

/**
 * Reads a whole file, but never more than `limit` bytes of it. The limit counts the bytes actually read, not the size
 * `stat` reports: a character device (`/dev/zero`), a FIFO or a file still growing has no honest size, and trusting
 * `stat` let `--config /dev/zero` grow the process to 11.9 GB. Reads go into one buffer of `limit + 1` bytes at most,
 * so memory is bounded whatever the file is.
 *
 * The file is opened non-blocking, so a FIFO nobody writes to cannot hang the process: with no writer it reads as
 * empty, and a writer that stays silent for {@link LimitedReadOptions.idleMs} is given up on.
 */

export interface LimitedReadOptions {
  /** The file as the user named it, for messages. */
  shown: string;
  /** What the file is, for messages: "config file", "metrics file" ... */
  what: string;
  /** Most bytes accepted. */
  limit: number;
  /** The message when the file does not exist (default: "no <what> at <shown>"). */
  missingMessage?: string;
  /** What to do when the file does not exist. */
  missingHint?: string;
  /** How long a pipe may stay silent before the read gives up (default 30 s). */
  idleMs?: number;
}

/** Thrown when a file holds more than the limit; an {@link InputError} (exit 2) like any unreadable input. */
export class FileTooLargeError extends InputError {}

/** Limits for the kit's own files and the files users point it at; generous for honest files, bounded for the rest. */
export const READ_LIMITS = {
  /** A metrics or params JSON file of a user's. */
  userJson: 16 * 1024 * 1024,
  /** A stage result in the workspace, or a report artifact (a gate result). */
  stageResult: 128 * 1024 * 1024,
  /** A GitHub event payload (GitHub caps webhook payloads at 25 MB). */
  eventPayload: 25 * 1024 * 1024,
  /** A file `mlops init` reads to understand a project: a script, a notebook (with its outputs), a manifest. */
  projectFile: 64 * 1024 * 1024,
} as const;

/** Like {@link readTextLimited}, but undefined when the file does not exist. */
export async function readTextIfExists(file: string, options: LimitedReadOptions): Promise<string | undefined> {
  const bytes = await readOrMissing(file, options);
  return bytes?.toString("utf8");
}

export async function readFileLimited(file: string, options: LimitedReadOptions): Promise<Buffer> {
  const bytes = await readOrMissing(file, options);
  if (bytes === undefined) {
    throw new InputError(options.missingMessage ?? `no ${options.what} at ${options.shown}`, {
      ...(options.missingHint ? { hint: options.missingHint } : {}),
    });
  }
  return bytes;
}

async function readOrMissing(file: string, options: LimitedReadOptions): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return undefined;
    if (isErrnoException(error, "ENOTDIR")) {
      throw new InputError(`no ${options.what} at ${options.shown}: a part of the path is a file, not a folder`, {
        ...(options.missingHint ? { hint: options.missingHint } : {}),
        cause: error,
      });
    }
    if (isErrnoException(error, "EISDIR")) {
      throw new InputError(`${options.shown} is a folder, not a file`, { cause: error });
    }
    throw new InputError(`cannot read ${options.shown}: ${(error as Error).message}`, { cause: error });
  }
  try {
    // Start small and grow four-fold: most files are tiny, and no size is taken from stat.
    let buffer = Buffer.allocUnsafe(Math.min(options.limit + 1, 64 * 1024));
    let filled = 0;
    let silentSince = Date.now();
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length > options.limit) break;
        const grown = Buffer.allocUnsafe(Math.min(options.limit + 1, buffer.length * 4));
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null));
      } catch (error) {
        if (isErrnoException(error, "EAGAIN")) {
          // A pipe whose writer has not written yet.
          const idleMs = options.idleMs ?? 30_000;
          if (Date.now() - silentSince > idleMs) {
            throw new InputError(
              `nothing arrived from ${options.shown} for ${idleMs < 10_000 ? (idleMs / 1000).toFixed(1) : Math.round(idleMs / 1000)} s`,
              {
                hint: `pass a ${options.what} that is a regular file`,
              },
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        if (isErrnoException(error, "EISDIR")) {
          throw new InputError(`${options.shown} is a folder, not a file`, { cause: error });
        }
        throw new InputError(`cannot read ${options.shown}: ${(error as Error).message}`, { cause: error });
      }
      if (bytesRead === 0) return buffer.subarray(0, filled);
      filled += bytesRead;
      silentSince = Date.now();
    }
    throw new FileTooLargeError(
      `${options.shown} holds more than ${formatLimit(options.limit)}; a ${options.what} that large is refused`,
      { hint: `is this the right file? a ${options.what} is normally far smaller` },
    );
  } finally {
    await handle.close();
  }
}

/** Reads a file as UTF-8 text, at most `limit` bytes (see {@link readFileLimited}). */
export async function readTextLimited(file: string, options: LimitedReadOptions): Promise<string> {
  return (await readFileLimited(file, options)).toString("utf8");
}

/** Reads a user's JSON file as {@link readTextLimited} does and parses it: "<what> <shown> is not valid JSON: ..." if not. */
export async function readJsonLimited(file: string, options: LimitedReadOptions): Promise<unknown> {
  const text = await readTextLimited(file, options);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${options.what} ${options.shown} is not valid JSON: ${(error as Error).message}`);
  }
}

function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} bytes`;
}
