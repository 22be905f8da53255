import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  createLocalStore
} from "./chunk-U3KBKKVS.js";
import {
  proxyAgentFor
} from "./chunk-Q52DLOOW.js";
import {
  isS3Uri,
  parseS3Uri
} from "./chunk-SN54LWLO.js";
import {
  UserError
} from "./chunk-XOZC47AQ.js";

// src/store/open.ts
import path from "node:path";
async function openObjectStore(uri, root, settings = {}) {
  if (!isS3Uri(uri)) return createLocalStore(path.resolve(root, uri));
  const location = parseS3Uri(uri);
  if (!location) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
  return openS3Store({ bucket: location.bucket, prefix: location.key.replace(/\/+$/, "") }, settings);
}
async function openS3Store(location, settings = {}) {
  const { createS3Store, regionOf } = await import("./s3-store-CV7VXPWI.js");
  const proxyAgent = await proxyAgentFor(...s3Host(location, settings, regionOf(settings, settings.env ?? {})));
  return createS3Store(
    location,
    {
      ...settings.region === void 0 ? {} : { region: settings.region },
      ...settings.endpoint === void 0 ? {} : { endpoint: settings.endpoint },
      ...settings.forcePathStyle === void 0 ? {} : { forcePathStyle: settings.forcePathStyle },
      ...settings.retrySeconds === void 0 ? {} : { retrySeconds: settings.retrySeconds },
      ...proxyAgent ? { proxyAgent } : {}
    },
    settings.env
  );
}
function projectStoreSettings(registry, env) {
  return {
    env,
    region: registry.region,
    endpoint: registry.endpoint,
    forcePathStyle: registry.force_path_style,
    retrySeconds: registry.retry_seconds
  };
}
function s3Host(location, settings, region) {
  const base = settings.endpoint ?? `https://s3.${region}.amazonaws.com`;
  if (!URL.canParse(base)) return [];
  const url = new URL(base);
  if (!(settings.forcePathStyle ?? settings.endpoint !== void 0))
    url.hostname = `${location.bucket}.${url.hostname}`;
  return [url];
}

export {
  openObjectStore,
  openS3Store,
  projectStoreSettings
};
