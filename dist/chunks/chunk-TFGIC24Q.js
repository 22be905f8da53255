import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DEFAULT_RETRY_SECONDS
} from "./chunk-ASQHJYOS.js";
import {
  findRegistryToken
} from "./chunk-QD46VIFS.js";
import {
  openS3Store
} from "./chunk-WOQKGCDT.js";
import {
  createLocalStore
} from "./chunk-U3KBKKVS.js";
import {
  RegistrySection
} from "./chunk-EYMTTHNR.js";
import {
  pick
} from "./chunk-MOKAEFJD.js";
import {
  isGitHubUri,
  isS3Uri,
  parseGitHubUri,
  parseS3Uri
} from "./chunk-SN54LWLO.js";
import {
  UserError
} from "./chunk-XOZC47AQ.js";

// src/registry/backends/folder.ts
import path from "node:path";
var folderBackend = {
  scheme: "folder",
  read: (uri) => ({ scheme: "folder", path: uri }),
  settings: pick(RegistrySection, {}),
  open: (location, place) => Promise.resolve(createLocalStore(path.resolve(place.root, location.path))),
  // The runner's own disk: nothing to sign in to.
  workflow: { permissions: { read: {}, write: {} }, credentials: [] }
};

// src/registry/backends/github.ts
var githubBackend = {
  scheme: "github",
  read(uri) {
    if (!isGitHubUri(uri)) return void 0;
    const parsed = parseGitHubUri(uri);
    if (!parsed) throw new UserError(`"${uri}" is not a valid github://owner/repo URI`);
    return { scheme: "github", ...parsed };
  },
  // retry_seconds bounds the waits GitHub asks for (secondary rate limits) as it bounds S3's retries.
  settings: pick(RegistrySection, { retry_seconds: true }),
  // The store (and with it Octokit) is imported only when a github:// registry is opened.
  async open(location, { env, settings }) {
    const { createGitHubStore } = await import("./github-store-RR5MI2QB.js");
    const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
    const { token, from } = await findRegistryToken(env, apiUrl);
    const ownRepository = (env.GITHUB_REPOSITORY ?? "").toLowerCase() === `${location.owner}/${location.repo}`.toLowerCase();
    return createGitHubStore({
      repository: { owner: location.owner, repo: location.repo },
      token,
      tokenFrom: from,
      job: runningJob(env),
      apiUrl,
      retrySeconds: settings.retry_seconds ?? DEFAULT_RETRY_SECONDS,
      targetCommitish: ownRepository && env.GITHUB_SHA ? env.GITHUB_SHA : void 0
    });
  },
  // The job's own GITHUB_TOKEN: read for pull requests, write only for the jobs that publish and promote.
  workflow: { permissions: { read: { contents: "read" }, write: { contents: "write" } }, credentials: [] }
};
function runningJob(env) {
  const file = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? "")?.[1];
  return file && env.GITHUB_JOB ? { file, job: env.GITHUB_JOB } : void 0;
}

// src/registry/backends/s3.ts
var s3Backend = {
  scheme: "s3",
  read(uri) {
    if (!isS3Uri(uri)) return void 0;
    const parsed = parseS3Uri(uri);
    if (!parsed) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
    return { scheme: "s3", bucket: parsed.bucket, prefix: parsed.key.replace(/\/+$/, "") };
  },
  settings: pick(RegistrySection, { region: true, endpoint: true, force_path_style: true, retry_seconds: true }),
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
  row(githubBackend),
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
