import { open } from "node:fs/promises";
import { InputError, isErrnoException } from "../errors.ts";

/**
 * Reads a whole file, but never more than `limit` bytes of it. The limit counts the bytes actually read, not the size
 * `stat` reports: a character device (`/dev/zero`), a FIFO or a file still growing has no honest size, and trusting
 * `stat` let `--config /dev/zero` grow the process to 11.9 GB. Reads go into one buffer of `limit + 1` bytes at most,
 * so memory is bounded whatever the file is.
 */

export interface LimitedReadOptions {
  /** The file as the user named it, for messages. */
  shown: string;
  /** What the file is, for messages: "config file", "metrics file" ... */
  what: string;
  /** Most bytes accepted. */
  limit: number;
  /** What to do when the file does not exist. */
  missingHint?: string;
}

/** Thrown when a file holds more than the limit; an {@link InputError} (exit 2) like any unreadable input. */
export class FileTooLargeError extends InputError {}

export async function readFileLimited(file: string, options: LimitedReadOptions): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) {
      throw new InputError(`no ${options.what} at ${options.shown}`, {
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
    // Start small and grow: most files are tiny, and a regular file's size is a fine first guess (never trusted).
    let buffer = Buffer.allocUnsafe(Math.min(options.limit + 1, 64 * 1024));
    let filled = 0;
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
        if (isErrnoException(error, "EISDIR")) {
          throw new InputError(`${options.shown} is a folder, not a file`, { cause: error });
        }
        throw new InputError(`cannot read ${options.shown}: ${(error as Error).message}`, { cause: error });
      }
      if (bytesRead === 0) return buffer.subarray(0, filled);
      filled += bytesRead;
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

function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} bytes`;
}
