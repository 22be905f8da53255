import { copyFile, link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ExternalError, isErrnoException } from "../errors.ts";
import { isInside } from "../files/safe-path.ts";
import type * as ActionsCacheModule from "@actions/cache";
import { restoreExactKey, saveUnderKey } from "./actions-cache-calls.ts";
import type { CacheBackend } from "./backend.ts";
import { blobName } from "./entry.ts";

/**
 * The run cache in the GitHub Actions cache (PLATFORM.md "@actions/cache"). It works only inside a runner, from a
 * JavaScript action: `run:` steps get no ACTIONS_RUNTIME_TOKEN. Keys are immutable (a second save of one key is
 * refused, which is what two legs saving at once get), at most 512 characters, without commas; our ids are
 * `mlops-train-<model>-<sha256>`. @actions/cache reads process.env itself; the kit's guard reads the same variables
 * from the runner's environment the door parsed (`StageContext.runner.actionsCache`), so both see one thing.
 *
 * An entry is saved as one folder (`manifest.json` + `blobs/`) at a fixed place in the workspace; the Actions cache
 * restores it to the same place, and the caller verifies it like any other backend's.
 */

export interface ActionsCacheAccess {
  usable: boolean;
  read: boolean;
  write: boolean;
  /** Why it is not usable, or what it may not do, in words; null when it may do everything. */
  reason: string | null;
}

/** The guards: whether the Actions cache can be used from here, and for what (ACTIONS_CACHE_MODE). */
export function actionsCacheAccess(env: NodeJS.ProcessEnv): ActionsCacheAccess {
  const no = (reason: string): ActionsCacheAccess => ({ usable: false, read: false, write: false, reason });
  if (env.GITHUB_ACTIONS !== "true") return no("the GitHub Actions cache exists only inside a GitHub Actions runner");
  if (!env.ACTIONS_RUNTIME_TOKEN) {
    return no(
      "the runner gave no ACTIONS_RUNTIME_TOKEN: the Actions cache is reachable from a JavaScript action " +
        "(mlops-kit's actions/train), not from a `run:` step",
    );
  }
  // As @actions/cache's isFeatureAvailable decides: v2 (github.com, unless on GHES) needs the results service's URL,
  // v1 its own ACTIONS_CACHE_URL (the results service does not speak v1, whatever getCacheServiceURL falls back to).
  const v2 = Boolean(env.ACTIONS_CACHE_SERVICE_V2) && !isGhes(env.GITHUB_SERVER_URL);
  const url = v2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL;
  if (!url) return no(`the runner gave no cache service URL (${v2 ? "ACTIONS_RESULTS_URL" : "ACTIONS_CACHE_URL"})`);
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  if (mode === "none") return no("ACTIONS_CACHE_MODE is none: this run may neither read nor write the Actions cache");
  if (mode === "read") {
    return {
      usable: true,
      read: true,
      write: false,
      reason: "ACTIONS_CACHE_MODE is read (e.g. pull_request_target): entries are restored, none saved",
    };
  }
  if (mode === "write-only") {
    return { usable: true, read: false, write: true, reason: "ACTIONS_CACHE_MODE is write-only: no entry is restored" };
  }
  return { usable: true, read: true, write: true, reason: null };
}

/** As @actions/cache decides: a server that is not github.com, *.ghe.com or localhost is GitHub Enterprise Server. */
function isGhes(serverUrl: string | undefined): boolean {
  const host = new URL(serverUrl || "https://github.com").hostname.toUpperCase();
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}

export interface ActionsBackendOptions {
  access: ActionsCacheAccess;
  /** GITHUB_WORKSPACE: the Actions cache stores paths relative to it. */
  githubWorkspace: string;
  /** Folder for the entry's fixed staging place, inside GITHUB_WORKSPACE (e.g. .mlops/actions-cache). */
  stagingRoot: string;
}

/** Null when the staging folder is not inside GITHUB_WORKSPACE (the cache could not restore it to the same place). */
export function createActionsBackend(options: ActionsBackendOptions): CacheBackend | null {
  const { access, githubWorkspace, stagingRoot } = options;
  if (!isInside(githubWorkspace, stagingRoot)) return null;
  const staging = (hash: string): { absolute: string; relative: string } => {
    const absolute = path.join(stagingRoot, hash);
    return { absolute, relative: path.relative(githubWorkspace, absolute).split(path.sep).join("/") };
  };
  return {
    kind: "actions",
    location: "the GitHub Actions cache",
    async fetch(key) {
      if (!access.read) return null;
      const place = staging(key.hash);
      await rm(place.absolute, { recursive: true, force: true });
      // Exact key only: no restore keys, since a near key is a different run.
      const { restoredKey } = await actionsCache("read", (cache) => restoreExactKey(cache, [place.relative], key.id));
      const cleanup = (): Promise<void> => rm(place.absolute, { recursive: true, force: true });
      // The service also matches the key as a prefix: any other key is another run's entry.
      if (restoredKey !== key.id) {
        await cleanup();
        return null;
      }
      try {
        return {
          manifest: await readFile(path.join(place.absolute, "manifest.json"), "utf8"),
          dir: place.absolute,
          cleanup,
        };
      } catch (error) {
        if (!isErrnoException(error, "ENOENT")) throw error;
        // An archive without a manifest: hand over an empty one, which the caller reports as corrupt.
        return { manifest: "", dir: place.absolute, cleanup };
      }
    },
    async save(key, entry) {
      if (!access.write) {
        return { saved: false, reason: "ACTIONS_CACHE_MODE is read: this run may not write the Actions cache" };
      }
      const place = staging(key.hash);
      await rm(place.absolute, { recursive: true, force: true });
      try {
        for (const [sha256, source] of entry.blobs) {
          const target = path.join(place.absolute, ...blobName(sha256).split("/"));
          await mkdir(path.dirname(target), { recursive: true });
          await linkOrCopy(source, target);
        }
        await writeFile(path.join(place.absolute, "manifest.json"), `${JSON.stringify(entry.manifest, null, 2)}\n`);
        return await actionsCache("write", (cache) => saveUnderKey(cache, [place.relative], key.id));
      } finally {
        await rm(place.absolute, { recursive: true, force: true });
      }
    },
    discard() {
      return Promise.resolve(
        "Actions cache entries cannot be deleted from a run: it is ignored here and expires after 7 days unused",
      );
    },
  };
}

/** Calls @actions/cache (loaded only now: it is large); its failures are outages of an outside system. */
async function actionsCache<T>(action: string, call: (cache: typeof ActionsCacheModule) => Promise<T>): Promise<T> {
  const cache = await import("@actions/cache");
  try {
    return await call(cache);
  } catch (error) {
    if (error instanceof ExternalError) throw error;
    throw new ExternalError(
      `cannot ${action} the GitHub Actions cache: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** A hard link costs nothing and the output is not changed while it is archived; another device needs a copy. */
async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}
