import path from "node:path";
import { UserError } from "../errors.ts";
import { isS3Uri, parseS3Uri } from "../files/safe-path.ts";
import { createLocalStore } from "./local-store.ts";
import type { ObjectStore } from "./object-store.ts";
import { proxyAgentFor } from "../net/proxy.ts";
import type { S3Location } from "./s3-client.ts";

export interface StoreSettings {
  /** The environment to take AWS credentials and region from (the door's, not necessarily process.env). */
  env?: NodeJS.ProcessEnv;
  region?: string | undefined;
  endpoint?: string | undefined;
  forcePathStyle?: boolean | undefined;
  /** How long each S3 request keeps retrying what may pass (default 30 s: DEFAULT_RETRY_SECONDS in retry.ts). */
  retrySeconds?: number | undefined;
}

/**
 * The object store a URI names: `s3://bucket/prefix` or a folder (relative to `root`). The S3 backend, and with it the
 * AWS SDK, is imported only here and only for s3:// URIs, so local runs never pay its start-up cost.
 */
export async function openObjectStore(uri: string, root: string, settings: StoreSettings = {}): Promise<ObjectStore> {
  if (!isS3Uri(uri)) return createLocalStore(path.resolve(root, uri));
  const location = parseS3Uri(uri);
  if (!location) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
  return openS3Store({ bucket: location.bucket, prefix: location.key.replace(/\/+$/, "") }, settings);
}

/** An S3 store: the AWS SDK is imported here, on first use. */
export async function openS3Store(location: S3Location, settings: StoreSettings = {}): Promise<ObjectStore> {
  const { createS3Store, regionOf } = await import("./s3-store.ts");
  const proxyAgent = await proxyAgentFor(...s3Host(location, settings, regionOf(settings, settings.env ?? {})));
  return createS3Store(
    location,
    {
      ...(settings.region === undefined ? {} : { region: settings.region }),
      ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
      ...(settings.forcePathStyle === undefined ? {} : { forcePathStyle: settings.forcePathStyle }),
      ...(settings.retrySeconds === undefined ? {} : { retrySeconds: settings.retrySeconds }),
      ...(proxyAgent ? { proxyAgent } : {}),
    },
    settings.env,
  );
}

/**
 * The S3 settings of a project: the registry's region, endpoint, addressing and retry budget serve every s3://
 * location the config names (registry, data sources, run cache), with credentials from the door's environment.
 */
export function projectStoreSettings(
  registry: {
    region?: string | undefined;
    endpoint?: string | undefined;
    force_path_style?: boolean | undefined;
    retry_seconds?: number | undefined;
  },
  env: NodeJS.ProcessEnv,
): StoreSettings {
  return {
    env,
    region: registry.region,
    endpoint: registry.endpoint,
    forcePathStyle: registry.force_path_style,
    retrySeconds: registry.retry_seconds,
  };
}

/**
 * The host an S3 store's calls go to, for the proxy settings (NO_PROXY names hosts): the endpoint, with the bucket in
 * front of it when addressed virtual-hosted style (AWS's default, or `force_path_style: false`). None for an endpoint
 * that is no URL: the SDK's own error names it.
 */
function s3Host(location: S3Location, settings: StoreSettings, region: string): [URL] | [] {
  const base = settings.endpoint ?? `https://s3.${region}.amazonaws.com`;
  if (!URL.canParse(base)) return [];
  const url = new URL(base);
  if (!(settings.forcePathStyle ?? settings.endpoint !== undefined))
    url.hostname = `${location.bucket}.${url.hostname}`;
  return [url];
}
