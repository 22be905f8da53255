import type * as ActionsCache from "@actions/cache";
import { ExternalError } from "../errors.ts";

/**
 * Calling @actions/cache and learning what happened.
 *
 * restoreCache and saveCache never throw for an outage or a refusal: they log it through @actions/core and return
 * `undefined` / -1, exactly as for a plain miss or a key that is already taken (lib/cache.js restoreCacheV2,
 * saveCacheV2 and their v1 twins). On cache service v2 that hides:
 * - a 5xx from the Twirp service or from the blob store behind a restore: `::warning::Failed to restore: ...`, and the
 *   caller would report a miss;
 * - a 5xx from CreateCacheEntry: turned into "another job may be creating this cache", the real reason only in
 *   `::debug::Failed to reserve cache: ...`; a failed upload or finalize: `::warning::Failed to save: ...`;
 * - the refusal of a key that exists (409 "cache entry with the same key, version, and scope already exists").
 * Those workflow commands, which @actions/core writes to stdout one whole line per write, are the only record of
 * why, so while a call runs they are read here. The toolkit's own warnings and errors are held back (its 5xx
 * messages are `::error::` annotations on a step that succeeds, its 409 one says "another job may be creating this
 * cache"); the caller reports the outcome once, as a warning in words. Every other line passes through unchanged
 * (`::add-mask::` for the signed URLs above all). The train stage makes one cache call at a time, as this needs.
 */

export type RestoreOutcome = { restoredKey: string | undefined };
export type SaveResult = { saved: true } | { saved: false; reason: string };

type CacheModule = typeof ActionsCache;

/** Restores `paths` saved under exactly `key`; throws an ExternalError when the cache failed rather than missed. */
export async function restoreExactKey(cache: CacheModule, paths: string[], key: string): Promise<RestoreOutcome> {
  const { value: restoredKey, log } = await readingToolkitLog(() => cache.restoreCache(paths, key));
  if (restoredKey !== undefined) return { restoredKey };
  const failure = log.find((line) => line.level !== "debug" && /^Failed to restore:/.test(line.text));
  if (!failure) return { restoredKey: undefined };
  const said = failure.text.replace(/^Failed to restore:\s*/, "");
  const found = log.some((line) => line.text.startsWith("Cache hit for"));
  throw new ExternalError(
    found
      ? `an entry was found, but downloading or unpacking it failed: ${said || "@actions/cache passed on an error without a message"}`
      : `the cache service failed: ${said || "@actions/cache gave no reason"}`,
  );
}

/** Saves `paths` under `key`: saved, refused (the key exists, or the token may not write), or an ExternalError. */
export async function saveUnderKey(cache: CacheModule, paths: string[], key: string): Promise<SaveResult> {
  const { value: id, log } = await readingToolkitLog(() => cache.saveCache(paths, key));
  if (id !== -1) return { saved: true };
  // What the toolkit said about this save, whatever the level (it logs a 409 as a warning or as info, by version).
  const said = (pattern: RegExp): string | undefined =>
    log.find((line) => SAVE_PROBLEM.test(line.text) && pattern.test(line.text))?.text;
  if (said(/already exists/i)) {
    return {
      saved: false,
      reason:
        "the Actions cache already holds this key for this branch (keys are immutable: an earlier or parallel job " +
        "saved it first, and later runs with this key restore that entry)",
    };
  }
  const denied = said(/cache write denied:/);
  if (denied) {
    const detail = denied.slice(denied.indexOf("cache write denied:"));
    return { saved: false, reason: `the runner's token may not write the Actions cache (${detail})` };
  }
  const reservation = said(/^Failed to reserve cache:/);
  if (reservation) {
    throw new ExternalError(`the cache service did not create the entry: ${stripped(reservation, /^.*?Error: /)}`);
  }
  const upload = said(/^uploadCacheArchiveSDK:/);
  if (upload) {
    throw new ExternalError(
      `uploading the archive to the cache's storage failed: ${stripped(upload, /^uploadCacheArchiveSDK:( internal error uploading cache archive:)?/)}`,
    );
  }
  const failure = log.find((line) => line.level === "warning" || line.level === "error");
  if (failure)
    throw new ExternalError(`the Actions cache did not save it: ${stripped(failure.text, /^Failed to save:/)}`);
  return { saved: false, reason: "the Actions cache did not take it, and @actions/cache said nothing more" };
}

/** The lines in which @actions/cache explains a save that did not happen (lib/cache.js saveCacheV1/V2). */
const SAVE_PROBLEM = /^(Failed to save:|Failed to reserve cache:|Cache reservation failed:|uploadCacheArchiveSDK:)/;

function stripped(text: string, prefix: RegExp): string {
  return text.replace(prefix, "").trim() || "no reason given";
}

interface ToolkitLine {
  level: "warning" | "error" | "debug" | "info";
  text: string;
}

/** Runs `call` while reading the workflow commands @actions/core writes; holds back its warnings and errors. */
async function readingToolkitLog<T>(call: () => Promise<T>): Promise<{ value: T; log: ToolkitLine[] }> {
  const stdout = process.stdout;
  // `write` is normally the stream prototype's; an own property set here is removed again at the end.
  const own = Object.getOwnPropertyDescriptor(stdout, "write");
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean;
  const log: ToolkitLine[] = [];
  stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")).replace(/\r?\n$/, "");
    const command = /^::(warning|error|debug)(?: [^:]*)?::(.*)$/s.exec(text);
    if (command?.[1] === "warning" || command?.[1] === "error") {
      log.push({ level: command[1], text: unescapeCommandData(command[2] ?? "") });
      const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }
    log.push(
      command?.[1] === "debug"
        ? { level: "debug", text: unescapeCommandData(command[2] ?? "") }
        : { level: "info", text },
    );
    return write(chunk, ...rest);
  };
  try {
    return { value: await call(), log };
  } finally {
    if (own) Object.defineProperty(stdout, "write", own);
    else Reflect.deleteProperty(stdout, "write");
  }
}

/** The reverse of @actions/core's escapeData (command.js). */
function unescapeCommandData(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}
