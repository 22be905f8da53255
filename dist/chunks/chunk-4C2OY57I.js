import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  openS3Store
} from "./chunk-VHM7AP6H.js";
import {
  RegistrySection
} from "./chunk-T5BSSAHX.js";
import {
  createLocalStore
} from "./chunk-4CM3JFR7.js";
import {
  isS3Uri,
  parseS3Uri
} from "./chunk-H6UPHFKP.js";
import {
  UserError
} from "./chunk-XOZC47AQ.js";

// src/registry/backends/folder.ts
import path from "node:path";
var folderBackend = {
  scheme: "folder",
  read: (uri) => ({ scheme: "folder", path: uri }),
  settings: RegistrySection.pick({}),
  open: (location, place) => Promise.resolve(createLocalStore(path.resolve(place.root, location.path))),
  // The runner's own disk: nothing to sign in to.
  workflow: { permissions: { read: {}, write: {} }, credentials: [] }
};

// src/registry/backends/s3.ts
var s3Backend = {
  scheme: "s3",
  read(uri) {
    if (!isS3Uri(uri)) return void 0;
    const parsed = parseS3Uri(uri);
    if (!parsed) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
    return { scheme: "s3", bucket: parsed.bucket, prefix: parsed.key.replace(/\/+$/, "") };
  },
  settings: RegistrySection.pick({ region: true, endpoint: true, force_path_style: true, retry_seconds: true }),
  // The AWS SDK is imported only when an s3:// registry is opened (store/open.ts).
  open: (location, { env, settings: given }) => openS3Store(
    { bucket: location.bucket, prefix: location.prefix },
    {
      env,
      region: given.region,
      endpoint: given.endpoint,
      forcePathStyle: given.force_path_style,
      retrySeconds: given.retry_seconds
    }
  ),
  // An OIDC token for the AWS role: read-only for pull requests, the one that writes for trusted runs.
  workflow: {
    permissions: { read: { "id-token": "write" }, write: { "id-token": "write" } },
    credentials: ["aws-oidc"]
  }
};

// src/registry/backends/index.ts
var REGISTRY_BACKENDS = [
  row(s3Backend),
  // The `github://owner/repo` backend (issue 15) goes here. Until then such a URI is refused by the config's path
  // rules ("unsupported location"), and `mlops pull --registry` reads it as a folder, as before this table.
  row(folderBackend)
];
function row(backend) {
  return {
    scheme: backend.scheme,
    settings: backend.settings,
    workflow: backend.workflow,
    resolve(uri) {
      const location = backend.read(uri);
      return location === void 0 ? void 0 : { location, open: (place) => backend.open(location, place) };
    }
  };
}
function resolveRegistryUri(uri) {
  for (const backend of REGISTRY_BACKENDS) {
    const resolved = backend.resolve(uri);
    if (resolved) return resolved;
  }
  throw new Error(`no registry backend reads "${uri}": the folder row must come last and read every URI`);
}
function registryBackend(scheme) {
  const found = REGISTRY_BACKENDS.find((backend) => backend.scheme === scheme);
  if (!found) throw new Error(`no registry backend has the scheme "${scheme}"`);
  return found;
}
function registryScheme(uri) {
  return uri === void 0 ? "folder" : resolveRegistryUri(uri).location.scheme;
}

export {
  resolveRegistryUri,
  registryBackend,
  registryScheme
};
