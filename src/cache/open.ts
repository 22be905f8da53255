import path from "node:path";
import type { MlopsConfig } from "../config/schema/index.ts";
import { CACHE_BACKENDS } from "../config/schema/train.ts";
import { UsageError } from "../errors.ts";
import { isS3Uri } from "../files/safe-path.ts";
import type { StageContext } from "../context/context.ts";
import { createLocalStore } from "../store/local-store.ts";
import { openObjectStore, projectStoreSettings } from "../store/open.ts";
import { actionsCacheAccess, createActionsBackend } from "./actions-backend.ts";
import type { CacheBackend } from "./backend.ts";
import { createStoreBackend } from "./store-backend.ts";

/** The one place a run cache backend is chosen and built (STYLE.md). */

export type CacheChoice = (typeof CACHE_BACKENDS)[number] | "off";
export const CACHE_CHOICES: readonly CacheChoice[] = [...CACHE_BACKENDS, "off"];

export interface RunCache {
  /** Null when the cache is off. */
  backend: CacheBackend | null;
  /** Why the cache is off, or why one backend stands in for another, in words. */
  notes: string[];
  /** Where fingerprint stamps are kept (src/files/hash.ts). */
  stampsFile: string;
}

export function parseCacheChoice(text: string, source: string): CacheChoice {
  const choice = CACHE_CHOICES.find((c) => c === text.trim().toLowerCase());
  if (!choice) throw new UsageError(`${source} must be one of ${CACHE_CHOICES.join(", ")}, not "${text}"`);
  return choice;
}

/**
 * The backend for this run. `choice` (from `--cache` or the action's `cache-backend` input) overrides
 * train.cache.backend. `auto`: S3 when train.cache.uri is an s3:// URI, else the Actions cache when it is usable,
 * else the local folder. An explicit `actions` outside a runner (or where the runner forbids it) falls back to the
 * local folder and says so; so does `auto`, quietly.
 */
export async function openRunCache(context: StageContext, choice?: CacheChoice): Promise<RunCache> {
  const { loaded, workspace, env, runner } = context;
  const stampsFile = path.join(workspace.cacheDir, "stamps.json");
  const settings = cacheSettings(loaded.config);
  const off = (note: string): RunCache => ({ backend: null, notes: [note], stampsFile });
  if (choice === "off") return off("the run cache is off for this run (--cache off)");
  if (choice === undefined && !settings.enabled) return off("the run cache is off (train.cache)");

  const wanted = choice ?? settings.backend;
  const uri = settings.uri;
  const local = (): CacheBackend =>
    createStoreBackend(
      "local",
      // A folder uri is the local cache's place; the default is the workspace's cache folder.
      createLocalStore(uri === undefined || isS3Uri(uri) ? workspace.cacheDir : path.resolve(loaded.root, uri)),
      path.join(workspace.cacheDir, "tmp"),
    );

  if (wanted === "s3" || (wanted === "auto" && uri !== undefined && isS3Uri(uri))) {
    const registry = loaded.config.registry;
    const target =
      uri !== undefined && isS3Uri(uri)
        ? uri
        : registry.uri && isS3Uri(registry.uri)
          ? `${registry.uri.replace(/\/+$/, "")}/run-cache`
          : undefined;
    if (!target) {
      throw new UsageError("the s3 run cache needs train.cache.uri: s3://bucket/prefix (or an s3:// registry.uri)");
    }
    const store = await openObjectStore(target, loaded.root, projectStoreSettings(registry, env));
    return { backend: createStoreBackend("s3", store, path.join(workspace.cacheDir, "tmp")), notes: [], stampsFile };
  }
  if (wanted === "actions" || wanted === "auto") {
    const access = actionsCacheAccess(runner.actionsCache);
    const backend =
      access.usable && runner.workspace
        ? createActionsBackend({
            access,
            githubWorkspace: runner.workspace,
            stagingRoot: path.join(workspace.dir, "actions-cache"),
          })
        : null;
    if (backend) return { backend, notes: access.reason ? [access.reason] : [], stampsFile };
    const why = access.usable ? "the workspace folder is outside GITHUB_WORKSPACE" : (access.reason ?? "");
    // `auto` on a laptop is the normal case: only say something when the Actions cache was asked for, or expected.
    const notes =
      wanted === "actions" || runner.inActions
        ? [
            `not using the GitHub Actions cache (${why}); using the local folder ${path.relative(loaded.root, workspace.cacheDir) || "."} instead`,
          ]
        : [];
    return { backend: local(), notes, stampsFile };
  }
  return { backend: local(), notes: [], stampsFile };
}

interface CacheSettings {
  enabled: boolean;
  backend: (typeof CACHE_BACKENDS)[number];
  uri: string | undefined;
}

function cacheSettings(config: MlopsConfig): CacheSettings {
  const cache = config.train?.cache ?? true;
  if (typeof cache === "boolean") return { enabled: cache, backend: "auto", uri: undefined };
  return { enabled: cache.enabled, backend: cache.backend, uri: cache.uri };
}
