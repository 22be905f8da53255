import { type Azurite, findAzurite, startAzurite } from "../helpers/azurite.ts";
import { type BlobEndpoint, startBlobEndpoint } from "../helpers/blob-endpoint.ts";
import { type CacheScopeGrant, type CacheServiceV2, startCacheServiceV2 } from "../helpers/cache-service-v2.ts";
import type { RunnerEnvironment } from "../helpers/runner.ts";
import { type ActionsCacheServer, startActionsCacheServer } from "./actions-cache-server.ts";

/**
 * The Actions cache as a github.com-hosted runner meets it: the cache service v2 stand-in, Azurite behind its signed
 * URLs (reached by the storage account's public host name), and the legacy v1 service the runner still names in
 * ACTIONS_CACHE_URL, there only to prove that nothing talks to it once ACTIONS_CACHE_SERVICE_V2 is set.
 */
export interface GithubHostedCache {
  service: CacheServiceV2;
  blobs: BlobEndpoint;
  legacy: ActionsCacheServer;
  /** The environment of a run on `ref` whose runtime token grants `scopes` (default: its own ref, read and write). */
  runner(
    workspace: string,
    run?: { ref?: string; scopes?: CacheScopeGrant[]; event?: RunnerEnvironment["event"] },
  ): RunnerEnvironment;
  stop(): Promise<void>;
}

/** Why these tests cannot run here; under CI=true a missing Azurite throws instead (findAzurite). */
export const azurite = findAzurite();

export async function startGithubHostedCache(main: string): Promise<GithubHostedCache> {
  const emulator: Azurite = await startAzurite(main);
  const blobs = await startBlobEndpoint(emulator.port);
  const service = await startCacheServiceV2(emulator.origin);
  const legacy = await startActionsCacheServer();
  return {
    service,
    blobs,
    legacy,
    runner: (workspace, run = {}) => {
      const ref = run.ref ?? "refs/heads/main";
      const scopes = run.scopes ?? [{ scope: ref, permission: 3 }];
      return {
        workspace,
        ...(run.event ? { event: run.event } : {}),
        env: {
          GITHUB_REF: ref,
          ACTIONS_CACHE_SERVICE_V2: "True",
          ACTIONS_RESULTS_URL: service.resultsUrl,
          ACTIONS_CACHE_URL: legacy.url,
          ACTIONS_RUNTIME_TOKEN: service.runtimeToken(scopes),
          // Routes the storage account's host name to Azurite (blob-endpoint.ts); github.com runners set no proxy.
          HTTP_PROXY: blobs.proxyUrl,
        },
      };
    },
    stop: async () => {
      await service.stop();
      await blobs.stop();
      await legacy.stop();
      await emulator.stop();
    },
  };
}
