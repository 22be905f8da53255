import { statSync } from "node:fs";
import { InputError } from "../errors.ts";

/**
 * Data, predictions and profiles are read from regular files only. A device (`/dev/zero`) never ends, a FIFO makes
 * its reader wait for a writer that may never come (opening it blocks), and neither has a size `stat` can tell: each
 * is refused by name before it is opened. A path that does not exist is left to the caller, which knows what to say.
 */
export function refuseIrregularFile(file: string, shown: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return;
  }
  if (stats.isFile()) return;
  const kind = stats.isDirectory()
    ? "a folder"
    : stats.isFIFO()
      ? "a FIFO"
      : stats.isCharacterDevice()
        ? "a character device"
        : stats.isBlockDevice()
          ? "a block device"
          : stats.isSocket()
            ? "a socket"
            : "not a file";
  throw new InputError(`${shown} is not a regular file (it is ${kind})`, {
    hint: "point the config at a regular file; copy a stream or a device into one first",
  });
}
