import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  Octokit,
  paginateRest,
  restEndpointMethods
} from "./chunk-6FFNJH6A.js";
import {
  sha256File
} from "./chunk-CQ3WEECP.js";
import {
  CorruptObjectError,
  MAX_GET_BYTES,
  ObjectExistsError,
  ObjectTooLargeError,
  checkKey,
  checkPrefix,
  describeTunnelRefusal,
  proxiedFetch,
  proxyAgentFor,
  readBounded,
  refusalIsTransient,
  tunnelRefusal
} from "./chunk-Q52DLOOW.js";
import "./chunk-VLGHGLBD.js";
import "./chunk-SN54LWLO.js";
import {
  ExternalError,
  UserError
} from "./chunk-XOZC47AQ.js";
import "./chunk-RZGYXAJU.js";

// src/store/github-store.ts
import { readFile, stat as stat2 } from "node:fs/promises";

// src/store/github/node-fetch.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline, Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
var AnswerHeaders = class {
  #values = /* @__PURE__ */ new Map();
  constructor(raw) {
    for (const name of Object.keys(raw).sort()) {
      const value = raw[name];
      if (value !== void 0) this.#values.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
  }
  get(name) {
    return this.#values.get(name.toLowerCase()) ?? null;
  }
  has(name) {
    return this.#values.has(name.toLowerCase());
  }
  [Symbol.iterator]() {
    return this.#values.entries();
  }
};
var MAX_REDIRECTS = 20;
var IDLE_SECONDS = 300;
async function nodeFetch(input, init = {}) {
  let url = new URL(input);
  let method = (init.method ?? "GET").toUpperCase();
  let body = init.body ?? void 0;
  const headers = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
  headers["accept-encoding"] ??= "gzip, deflate, br";
  for (let redirects = 0; ; redirects++) {
    const answer = await send(url, method, headers, body, init.signal ?? void 0);
    const status = answer.statusCode ?? 0;
    const location = answer.headers.location;
    if (status < 300 || status >= 400 || status === 304 || !location || init.redirect === "manual")
      return response(answer, url, redirects > 0, method);
    answer.resume();
    if (init.redirect === "error") throw failed(new Error(`${url.href} redirects, and redirects were refused`));
    if (redirects >= MAX_REDIRECTS)
      throw failed(new Error(`more than ${MAX_REDIRECTS} redirects from ${String(input)}`));
    const next = new URL(location, url);
    if (status === 303 || (status === 301 || status === 302) && method === "POST") {
      if (method !== "HEAD") method = "GET";
      body = void 0;
      for (const name of ["content-type", "content-length", "content-encoding", "content-language"])
        delete headers[name];
    }
    if (next.origin !== url.origin) {
      delete headers.authorization;
      delete headers.cookie;
    }
    url = next;
  }
}
function send(url, method, headers, body, signal) {
  if (signal?.aborted) return Promise.reject(aborted(signal));
  const request = url.protocol === "http:" ? httpRequest : httpsRequest;
  const length = body === void 0 ? void 0 : Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method, headers: length === void 0 ? headers : { ...headers, "content-length": String(length) } },
      (answer) => {
        signal?.removeEventListener("abort", onAbort);
        if (signal) {
          const stop = () => void answer.destroy(aborted(signal));
          signal.addEventListener("abort", stop, { once: true });
          answer.once("close", () => signal.removeEventListener("abort", stop));
        }
        resolve(answer);
      }
    );
    const onAbort = () => void outgoing.destroy(aborted(signal));
    signal?.addEventListener("abort", onAbort, { once: true });
    outgoing.setTimeout(
      IDLE_SECONDS * 1e3,
      () => outgoing.destroy(new Error(`${url.host} sent nothing for ${IDLE_SECONDS} s`))
    );
    outgoing.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? aborted(signal) : failed(error));
    });
    outgoing.end(body);
  });
}
function response(answer, url, redirected, method) {
  const status = answer.statusCode ?? 0;
  const bodiless = method === "HEAD" || status === 204 || status === 205 || status === 304;
  if (bodiless) answer.resume();
  const body = bodiless ? Readable.from([]) : decoded(answer);
  const bytes = async () => {
    const chunks = [];
    for await (const chunk of body) chunks.push(chunk);
    return Buffer.concat(chunks);
  };
  return {
    status,
    statusText: answer.statusMessage ?? "",
    ok: status >= 200 && status < 300,
    url: url.href,
    redirected,
    headers: new AnswerHeaders(answer.headers),
    body,
    text: async () => (await bytes()).toString("utf8"),
    json: async () => JSON.parse((await bytes()).toString("utf8")),
    arrayBuffer: async () => {
      const buffer = await bytes();
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    }
  };
}
function decoded(answer) {
  const encoding = (answer.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder = encoding === "gzip" || encoding === "x-gzip" ? createGunzip() : encoding === "deflate" ? createInflate() : encoding === "br" ? createBrotliDecompress() : void 0;
  if (!decoder) return answer;
  return pipeline(answer, decoder, () => void 0);
}
function failed(cause) {
  return new TypeError("fetch failed", { cause });
}
function aborted(signal) {
  const reason = signal?.reason;
  return reason instanceof Error ? reason : new DOMException("This operation was aborted", "AbortError");
}

// src/store/github/http.ts
var RegistryOctokit = Octokit.plugin(restEndpointMethods, paginateRest);
var statusOf = (error) => error?.status;
var NO_TOKEN_HINT = "set GITHUB_TOKEN or GH_TOKEN, or log in with `gh auth login`; in a workflow, the step's `registry-token` input (the job's token by default)";
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function createGitHubApi(connection) {
  const { owner, repo } = connection.repository;
  const where = `github://${owner}/${repo}`;
  const baseUrl = connection.apiUrl.replace(/\/+$/, "");
  const quiet = { debug: () => void 0, info: () => void 0, warn: () => void 0, error: () => void 0 };
  const octokit = new RegistryOctokit({
    baseUrl,
    log: quiet,
    userAgent: "mlops-kit",
    // node:http, or, when the environment names a proxy for the API host, undici's fetch through it.
    request: { fetch: proxiedFetch(new URL(baseUrl)) ?? nodeFetch },
    // Anonymous without one: public repositories can be read without a token.
    ...connection.token ? { auth: connection.token } : {}
  });
  const sleep = connection.sleep ?? realSleep;
  const budgetMs = connection.retrySeconds * 1e3;
  let repositoryChecked;
  const describe = (what, error, write) => describeRefusal(where, what, error, write, connection);
  async function attempt(what, request, write) {
    if (write && !connection.token) {
      throw new ExternalError(`cannot ${what} in ${where}: no GitHub token`, {
        hint: `writing the registry needs a token with \`contents: write\`: ${NO_TOKEN_HINT}`
      });
    }
    const started = Date.now();
    for (let number = 1; ; number++) {
      try {
        return await request();
      } catch (thrown) {
        const error = thrown;
        const pause = retryPause(error, number);
        const left = budgetMs - (Date.now() - started);
        if (pause === void 0) throw thrown;
        if (pause > left) {
          if (isLimited(error)) {
            throw new ExternalError(
              `cannot ${what} in ${where}: GitHub's rate limit asks to wait ${Math.ceil(pause / 1e3)} s, more than registry.retry_seconds (${connection.retrySeconds})`,
              { hint: "run again later, or raise registry.retry_seconds", cause: error }
            );
          }
          throw thrown;
        }
        await sleep(pause);
      }
    }
  }
  const checkRepository = () => repositoryChecked ??= attempt(
    "read the releases",
    () => octokit.rest.repos.listReleases({ owner, repo, per_page: 1 }),
    false
  ).then(
    () => void 0,
    (error) => {
      repositoryChecked = void 0;
      throw describe("read the releases", error, false);
    }
  );
  return {
    octokit,
    connection,
    where,
    sleep,
    async call(what, request, options = {}) {
      try {
        return await attempt(what, request, options.write ?? false);
      } catch (error) {
        if (error instanceof ExternalError) throw error;
        if (options.expects?.includes(statusOf(error) ?? 0)) throw error;
        throw describe(what, error, options.write ?? false);
      }
    },
    async find(what, request, options = {}) {
      try {
        return await attempt(what, request, false);
      } catch (error) {
        if (error instanceof ExternalError) throw error;
        if (options.expects?.includes(statusOf(error) ?? 0)) throw error;
        if (statusOf(error) !== 404) throw describe(what, error, false);
        await checkRepository();
        return void 0;
      }
    }
  };
}
function headerOf(error, name) {
  const value = error.response?.headers?.[name];
  return value === void 0 ? void 0 : String(value);
}
function messageOf(error) {
  const data = error.response?.data;
  return typeof data?.message === "string" ? data.message : error.message;
}
function isLimited(error) {
  if (error.status !== 403 && error.status !== 429) return false;
  return headerOf(error, "retry-after") !== void 0 || headerOf(error, "x-ratelimit-remaining") === "0" || /rate limit/i.test(messageOf(error));
}
function retryPause(error, attempt) {
  if (isLimited(error)) {
    const after = Number(headerOf(error, "retry-after"));
    if (Number.isFinite(after) && after >= 0) return after * 1e3;
    const reset = Number(headerOf(error, "x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1e3 - Date.now());
    return 6e4;
  }
  const refusal = tunnelRefusal(error);
  if (refusal !== void 0 && !refusalIsTransient(refusal)) return void 0;
  const status = error.status;
  if (status !== void 0 && status < 500) return void 0;
  return Math.round(Math.random() * Math.min(5e3, 200 * 2 ** Math.min(attempt - 1, 10)));
}
function describeRefusal(where, what, error, write, connection) {
  const refusal = tunnelRefusal(error);
  if (refusal !== void 0) {
    const { message, hint } = describeTunnelRefusal(refusal, "GitHub");
    return new ExternalError(`cannot ${what} in ${where}: ${message}`, { hint, cause: error });
  }
  const status = error.status;
  const detail = messageOf(error);
  const base = `cannot ${what} in ${where}: GitHub answered ${status ?? "nothing"} (${detail})`;
  if (status === 500 && error.response === void 0) {
    return new ExternalError(`cannot ${what} in ${where}: no answer from ${connection.apiUrl} (${detail})`, {
      hint: `check this machine's connection to ${connection.apiUrl} (GITHUB_API_URL names another GitHub); it was asked again for up to registry.retry_seconds (${connection.retrySeconds} s)`,
      cause: error
    });
  }
  if (/archived/i.test(detail)) {
    return new ExternalError(`${where} is archived, so it is read-only: cannot ${what}`, {
      hint: "unarchive the repository (Settings, Danger Zone), or point registry.uri at one that is not archived",
      cause: error
    });
  }
  if (status === 404) {
    return new ExternalError(`${where} was not found, or the token cannot see it`, {
      hint: connection.token ? `check the owner and name in registry.uri, and that the token from ${connection.tokenFrom} may read it (contents: read)` : `check the owner and name in registry.uri; a private repository needs a token: ${NO_TOKEN_HINT}`,
      cause: error
    });
  }
  if ((status === 401 || status === 403) && write) {
    const { job } = connection;
    const grant = job ? `add \`contents: write\` under \`permissions:\` of the job \`${job.job}\` in ${job.file}` : "in a workflow, add `permissions: contents: write` to the job that publishes or promotes";
    return new ExternalError(`the token may not write to ${where}: cannot ${what}`, {
      hint: `the token from ${connection.tokenFrom} may not write: ${grant}, on the default branch's workflows only (pull requests, forks' above all, get a read-only token); the workflows \`mlops init\` writes have it, a job calling the kit's reusable workflows cannot grant it. Elsewhere, use a token that may write to the repository`,
      cause: error
    });
  }
  if (status === 401 || status === 403) {
    return new ExternalError(`the token may not read ${where}: cannot ${what}`, {
      hint: `give the job \`permissions: contents: read\`, or check the token from ${connection.tokenFrom}`,
      cause: error
    });
  }
  return new ExternalError(base, { cause: error });
}

// src/store/github/layout.ts
var REGISTRY_REF = "refs/mlops/registry";
var TAG_PREFIX = "mlops/";
var tagOf = (model, version) => `${TAG_PREFIX}${model}/${version}`;
var RELEASE_MARKER = "<!-- mlops-kit registry version: do not remove -->";
var isKitRelease = (body) => (body ?? "").includes(RELEASE_MARKER);
function parseTag(tag) {
  const match = /^mlops\/([^/]+)\/([^/]+)$/.exec(tag);
  return match ? { model: match[1], version: match[2] } : void 0;
}
function placeOf(key) {
  const match = /^([^/]+)\/versions\/([^/]+)\/(.+)$/.exec(key);
  if (match)
    return { kind: "release", model: match[1], version: match[2], inner: match[3] };
  return { kind: "ref", path: key };
}
function scopeOf(bare) {
  if (bare === "") return { releases: { model: void 0, version: void 0 }, ref: true };
  const parts = bare.split("/");
  const [model, versions, version] = parts;
  if (parts.length === 1) return { releases: { model, version: void 0 }, ref: true };
  if (versions !== "versions") return { releases: void 0, ref: true };
  if (parts.length === 2) return { releases: { model, version: void 0 }, ref: false };
  return { releases: { model, version }, ref: false };
}
function assetName(inner) {
  let name = "";
  for (const byte of Buffer.from(inner, "utf8")) {
    const char = String.fromCharCode(byte);
    name += /[A-Za-z0-9.-]/.test(char) ? char : `_${byte.toString(16).padStart(2, "0")}`;
  }
  if (name.startsWith(".")) name = `_2e${name.slice(1)}`;
  if (name.endsWith(".")) name = `${name.slice(0, -1)}_2e`;
  return name;
}
function innerOf(name) {
  if (!/^(?:[A-Za-z0-9.-]|_[0-9a-f]{2})*$/.test(name)) return void 0;
  const bytes = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "_") {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(name.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}
var MANIFEST_ASSET = assetName("manifest.json");
function versionStarted(version) {
  const m = /^v(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{6}$/.exec(version);
  if (!m) return void 0;
  const [y = 0, mo = 1, d, h, mi, s, ms] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}

// src/store/github/notes.ts
var text = (value) => typeof value === "string" || typeof value === "number" ? String(value) : void 0;
var RELEASE_BODY_LIMIT = 125e3;
function releaseNotes(manifestJson, card, reserved = 0) {
  if (card === void 0) return manifestNotes(manifestJson);
  let manifest = {};
  try {
    manifest = JSON.parse(manifestJson);
  } catch {
  }
  const head = `Model **${text(manifest.model) ?? "?"}**, version \`${text(manifest.version) ?? "?"}\`` + (manifest.sequence === void 0 ? "" : ` (v${text(manifest.sequence)})`) + `, published by mlops-kit ${text(manifest.kitVersion) ?? ""} on ${text(manifest.createdAt) ?? "?"}. Its model card:`;
  const foot = FOOTER;
  const { front, body } = splitFrontMatter(card);
  const fence = "`".repeat(Math.max(3, ...[...front.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const folded = front ? `

<details><summary>The card's front matter (YAML)</summary>

${fence}yaml
${front}
${fence}

</details>` : "";
  const budget = RELEASE_BODY_LIMIT - reserved - head.length - foot.length - folded.length - 8;
  return `${head}

${bounded(body.trim(), budget)}${folded}

${foot}`;
}
var FOOTER = "This release is a model version kept by mlops-kit's registry (`mlops models show`); its assets are the model's files and, last, its manifest. Do not edit or delete it by hand: `mlops models prune` removes versions.";
var CUT_NOTE = "\n\n_The card is longer than a release's notes may be: the rest is in its asset (`mlops pull --card`)._";
function bounded(body, budget) {
  if (body.length <= budget) return body;
  const room = Math.max(0, budget - CUT_NOTE.length);
  const cut = body.lastIndexOf("\n", room);
  return `${body.slice(0, cut > 0 ? cut : room)}${CUT_NOTE}`;
}
function splitFrontMatter(card) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  return match ? { front: match[1] ?? "", body: card.slice(match[0].length) } : { front: "", body: card };
}
function manifestNotes(manifestJson) {
  let manifest;
  try {
    manifest = JSON.parse(manifestJson);
  } catch {
    return "A model version published by mlops-kit.";
  }
  const lines = [
    `Model **${text(manifest.model) ?? "?"}**, version \`${text(manifest.version) ?? "?"}\`` + (manifest.sequence === void 0 ? "" : ` (v${text(manifest.sequence)})`) + `, published by mlops-kit ${text(manifest.kitVersion) ?? ""} on ${text(manifest.createdAt) ?? "?"}.`,
    ""
  ];
  const metrics = Object.entries(manifest.metrics ?? {});
  if (metrics.length > 0) {
    lines.push("| metric | value |", "| --- | --- |");
    for (const [name, value] of metrics) lines.push(`| ${name} | ${text(value) ?? ""} |`);
    lines.push("");
  }
  const gate = manifest.gate;
  lines.push(
    `- Gate: ${gate ? `${text(gate.verdict) ?? "?"}${gate.baseline ? ` against ${text(gate.baseline)}` : ""}` : "not run"}`,
    `- Commit: ${text(manifest.git?.sha) ?? "unknown"}${manifest.git?.ref ? ` (${text(manifest.git.ref)})` : ""}`
  );
  for (const dataset of manifest.data ?? []) {
    const prints = (dataset.files ?? []).map(
      (f) => `${text(f.path)} ${(text(f.sha256) ?? text(f.etag) ?? "").slice(0, 12)}`
    );
    lines.push(`- Data ${text(dataset.dataset) ?? ""}: ${prints.join(", ")}`);
  }
  if (manifest.runUrl) lines.push(`- Run: ${text(manifest.runUrl)}`);
  if (manifest.actor) lines.push(`- By: ${text(manifest.actor)}`);
  lines.push("", FOOTER);
  return lines.join("\n");
}

// src/store/github/ref-tree.ts
var MAX_CONTESTS = 60;
function createRefTree(api) {
  const { owner, repo } = api.connection.repository;
  const { octokit } = api;
  const shortRef = REGISTRY_REF.slice("refs/".length);
  let cachedRef;
  const trees = /* @__PURE__ */ new Map();
  const blobs = /* @__PURE__ */ new Map();
  const headCommit = async () => {
    try {
      const found = await api.find(
        "read the registry ref",
        () => octokit.rest.git.getRef({
          owner,
          repo,
          ref: shortRef,
          headers: cachedRef ? { "if-none-match": cachedRef.etag } : {}
        }),
        { expects: [304] }
      );
      if (!found) {
        cachedRef = void 0;
        return void 0;
      }
      const etag = found.headers.etag;
      cachedRef = etag ? { etag, commit: found.data.object.sha } : void 0;
      return found.data.object.sha;
    } catch (error) {
      if (statusOf(error) === 304 && cachedRef) return cachedRef.commit;
      throw error;
    }
  };
  const readTree = async (sha, prefix, files) => {
    const { data } = await api.call(
      "read the registry tree",
      () => octokit.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: "1" })
    );
    if (!data.truncated) {
      for (const entry of data.tree) {
        if (entry.type === "blob" && entry.path && entry.sha)
          files.set(`${prefix}${entry.path}`, { sha: entry.sha, size: entry.size ?? 0 });
      }
      return data.sha;
    }
    const { data: level } = await api.call(
      "read the registry tree",
      () => octokit.rest.git.getTree({ owner, repo, tree_sha: sha })
    );
    if (level.truncated) {
      throw new ExternalError(
        `cannot list ${prefix === "" ? "the top folder" : prefix} of ${REGISTRY_REF} in ${api.where}: it holds more entries than GitHub lists in one answer (it truncated the listing after ${level.tree.length})`,
        {
          hint: "the registry ref grew too large for GitHub's tree listings: keep such a registry in S3 (registry.uri: s3://bucket/prefix), or prune the model's records"
        }
      );
    }
    const subtrees = [];
    for (const entry of level.tree) {
      if (!entry.path || !entry.sha) continue;
      if (entry.type === "blob") files.set(`${prefix}${entry.path}`, { sha: entry.sha, size: entry.size ?? 0 });
      else if (entry.type === "tree") subtrees.push(readTree(entry.sha, `${prefix}${entry.path}/`, files));
    }
    await Promise.all(subtrees);
    return level.sha;
  };
  const treeOf = (commit2) => {
    let tree = trees.get(commit2);
    if (!tree) {
      const files = /* @__PURE__ */ new Map();
      tree = readTree(commit2, "", files).then((sha) => ({ commit: commit2, tree: sha, files }));
      tree.catch(() => trees.delete(commit2));
      trees.set(commit2, tree);
    }
    return tree;
  };
  const head = async () => {
    const commit2 = await headCommit();
    return commit2 === void 0 ? void 0 : treeOf(commit2);
  };
  const blob = async (sha) => {
    const known = blobs.get(sha);
    if (known) return known;
    const { data } = await api.call(
      "read a registry file",
      () => octokit.rest.git.getBlob({ owner, repo, file_sha: sha })
    );
    const bytes = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    blobs.set(sha, bytes);
    return bytes;
  };
  const entryOf = async (edit) => {
    if ("remove" in edit) return { path: edit.path, mode: "100644", type: "blob", sha: null };
    const text2 = edit.content.toString("utf8");
    if (Buffer.from(text2, "utf8").equals(edit.content))
      return { path: edit.path, mode: "100644", type: "blob", content: text2 };
    const { data } = await api.call(
      "write a registry file",
      () => octokit.rest.git.createBlob({ owner, repo, content: edit.content.toString("base64"), encoding: "base64" }),
      { write: true }
    );
    return { path: edit.path, mode: "100644", type: "blob", sha: data.sha };
  };
  const commit = async (message, base, edits) => {
    const entries = await Promise.all(edits.map(entryOf));
    const { data: tree } = await api.call(
      "write the registry tree",
      () => octokit.rest.git.createTree({ owner, repo, tree: entries, ...base ? { base_tree: base.tree } : {} }),
      { write: true }
    );
    const { data: made } = await api.call(
      "commit to the registry ref",
      () => octokit.rest.git.createCommit({ owner, repo, message, tree: tree.sha, parents: base ? [base.commit] : [] }),
      { write: true }
    );
    try {
      if (base) {
        await api.call(
          "move the registry ref",
          () => octokit.rest.git.updateRef({ owner, repo, ref: shortRef, sha: made.sha, force: false }),
          { write: true, expects: [422] }
        );
      } else {
        await api.call(
          "create the registry ref",
          () => octokit.rest.git.createRef({ owner, repo, ref: REGISTRY_REF, sha: made.sha }),
          { write: true, expects: [422] }
        );
      }
      return true;
    } catch (error) {
      if (statusOf(error) === 422) return false;
      throw error;
    }
  };
  return {
    async files() {
      return (await head())?.files ?? /* @__PURE__ */ new Map();
    },
    async read(path2) {
      const file = (await head())?.files.get(path2);
      return file === void 0 ? void 0 : blob(file.sha);
    },
    async update(message, plan) {
      for (let contest = 0; contest < MAX_CONTESTS; contest++) {
        const base = await head();
        const { edits, result } = plan(base?.files ?? /* @__PURE__ */ new Map());
        if (edits.length === 0) return result;
        if (await commit(message, base, edits)) return result;
        await api.sleep(Math.round(Math.random() * Math.min(2e3, 50 * 2 ** Math.min(contest, 5))));
      }
      throw new ExternalError(
        `could not write to ${REGISTRY_REF} in ${api.where}: other writers moved it first ${MAX_CONTESTS} times`,
        { hint: "run again; serialise registry writes with a `concurrency:` group in the workflow" }
      );
    }
  };
}

// src/store/github/releases.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Transform as Transform2 } from "node:stream";

// src/store/github/downloads.ts
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import path from "node:path";
import { Readable as Readable2, Transform } from "node:stream";
import { pipeline as pipeline2 } from "node:stream/promises";
var MAX_HOPS = 5;
var DOWNLOAD_WRITE_BUFFER = 1024 * 1024;
var IDLE_SECONDS2 = 300;
function createDownloads(api) {
  const { owner, repo } = api.connection.repository;
  const { octokit } = api;
  const open = async (asset) => {
    const hop = await api.find(
      `download ${asset.name}`,
      () => octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        owner,
        repo,
        asset_id: asset.id,
        headers: { accept: "application/octet-stream" },
        request: { redirect: "manual", parseSuccessResponseBody: false }
      })
    );
    if (!hop) return void 0;
    const location = hop.headers.location;
    const data = hop.data;
    const body = data instanceof Readable2 ? data : Readable2.fromWeb(data);
    if (Number(hop.status) !== 302 || !location) return body;
    body.resume();
    return api.call(`download ${asset.name}`, () => getSigned(new URL(location)));
  };
  return {
    open,
    async download(asset, file, transfer, check) {
      const body = await open(asset);
      if (!body) return void 0;
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.tmp-${randomBytes(6).toString("hex")}`;
      const hash = createHash("sha256");
      let size = 0;
      const hashing = new Transform({
        // As much as the file's write buffer: the socket is read on while a MiB is being written.
        highWaterMark: DOWNLOAD_WRITE_BUFFER,
        transform(chunk, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          transfer.onProgress?.(size, asset.size);
          done(null, chunk);
        }
      });
      try {
        await pipeline2(body, hashing, createWriteStream(tmp, { highWaterMark: DOWNLOAD_WRITE_BUFFER }));
        const digest = { size, sha256: hash.digest("hex") };
        check(digest);
        await rename(tmp, file);
        return digest;
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    }
  };
}
async function getSigned(url, hops = MAX_HOPS) {
  const get = url.protocol === "http:" ? httpGet : httpsGet;
  const agent = await proxyAgentFor(url);
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { "user-agent": "mlops-kit" }, ...agent ? { agent } : {} }, (answer) => {
      const status = answer.statusCode ?? 0;
      const next = answer.headers.location;
      if (status >= 200 && status < 300) return resolve(answer);
      answer.resume();
      if (status >= 300 && status < 400 && next && hops > 0) return resolve(getSigned(new URL(next, url), hops - 1));
      reject(Object.assign(new Error(`the download host answered ${status}`), { status }));
    });
    request.setTimeout(
      IDLE_SECONDS2 * 1e3,
      () => request.destroy(new Error(`the download host sent nothing for ${IDLE_SECONDS2} s`))
    );
    request.on("error", reject);
  });
}

// src/store/github/asset-upload.ts
import { request as httpRequest2 } from "node:http";
import { request as httpsRequest2 } from "node:https";
import { pipeline as pipeline3 } from "node:stream/promises";
var ANSWER_LIMIT = 1024 * 1024;
async function postAsset(uploadUrl, name, token, size, body) {
  const url = new URL(uploadUrl.replace(/\{[^}]*\}$/, ""));
  url.searchParams.set("name", name);
  const headers = {
    accept: "application/vnd.github+json",
    "content-type": "application/octet-stream",
    "content-length": String(size),
    "user-agent": "mlops-kit",
    "x-github-api-version": "2022-11-28",
    ...token ? { authorization: `token ${token}` } : {}
  };
  const send2 = url.protocol === "http:" ? httpRequest2 : httpsRequest2;
  const agent = await proxyAgentFor(url);
  const answer = await new Promise((resolve, reject) => {
    const request = send2(url, { method: "POST", headers, ...agent ? { agent } : {} }, resolve);
    request.on("error", reject);
    if (Buffer.isBuffer(body)) request.end(body);
    else pipeline3(body, request).catch((error) => request.destroy(error));
  });
  const text2 = (await readBounded(
    answer,
    () => new Error(`the uploads host answered more than ${ANSWER_LIMIT} bytes`),
    ANSWER_LIMIT
  )).toString("utf8");
  const data = parseJson(text2);
  const status = answer.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    const message = typeof data === "object" && data && "message" in data ? String(data.message) : text2.slice(0, 200);
    throw Object.assign(new Error(message || `the uploads host answered ${status}`), {
      status,
      response: { status, url: url.href, headers: answer.headers, data }
    });
  }
  const asset = data;
  return {
    size: typeof asset.size === "number" ? asset.size : -1,
    digest: typeof asset.digest === "string" ? asset.digest : null
  };
}
function parseJson(text2) {
  try {
    return JSON.parse(text2);
  } catch {
    return text2;
  }
}

// src/store/github/releases.ts
var ASSET_SIZE_LIMIT = 2 * 1024 ** 3;
var UPLOAD_CHUNK = 1024 * 1024;
function infoOf(release) {
  const parsed = parseTag(release.tag_name);
  if (!parsed || !isKitRelease(release.body)) return void 0;
  return {
    id: release.id,
    tag: release.tag_name,
    ...parsed,
    draft: release.draft,
    uploadUrl: release.upload_url,
    assets: release.assets.filter((asset) => asset.state === "uploaded").map((asset) => ({ id: asset.id, name: asset.name, size: asset.size, digest: asset.digest ?? null }))
  };
}
function createReleases(api, targetCommitish) {
  const { owner, repo } = api.connection.repository;
  const { octokit } = api;
  const releaseOf = (model, version) => `${model} ${version}`;
  const uploadWith = async (release, name, size, body, options = {}) => {
    const stored = await uploadOnce(release, name, size, body);
    if (stored) return stored;
    if (!options.ownDraft || !release.draft) return void 0;
    const stale = await assetsNamed(release, name);
    for (const asset of stale) await deleteAssetOf(release, asset);
    return stale.length > 0 ? uploadOnce(release, name, size, body) : void 0;
  };
  const assetsNamed = async (release, name) => {
    const all = await api.call(
      `list the assets of ${releaseOf(release.model, release.version)}`,
      () => octokit.paginate(octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: release.id, per_page: 100 })
    );
    return all.filter((asset) => asset.name === name).map((asset) => ({ id: asset.id, name: asset.name, size: asset.size, digest: asset.digest ?? null }));
  };
  const deleteAssetOf = async (release, asset) => {
    const what = `delete the asset ${asset.name} of release ${release.tag}`;
    await api.call(what, () => octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id }), {
      write: true,
      expects: [404]
    }).catch((error) => {
      throw immutableRefusal(error, what) ?? error;
    }).catch(ignoreStatus(404));
  };
  const immutableRefusal = (thrown, what) => {
    const error = thrown instanceof ExternalError ? thrown.cause : thrown;
    const message = error.response?.data?.message;
    if (statusOf(error) !== 422 || typeof message !== "string" || !/immutable/i.test(message)) return void 0;
    return new ExternalError(
      `cannot ${what} in ${api.where}: the release is immutable (the repository has immutable releases on), so its assets and its tag can no longer change`,
      {
        hint: "a version published with immutable releases on cannot be repaired or pruned asset by asset: delete its whole release on the repository's Releases page if it must go (`mlops models clean` then removes its tag)",
        cause: error
      }
    );
  };
  const uploadOnce = async (release, name, size, body) => {
    try {
      return await api.call(
        `upload ${name} of ${releaseOf(release.model, release.version)}`,
        () => postAsset(release.uploadUrl, name, api.connection.token, size, body()),
        { write: true, expects: [422] }
      );
    } catch (error) {
      const errors = error.response?.data?.errors;
      if (errors?.some((e) => e.code === "already_exists")) return void 0;
      const immutable = immutableRefusal(error, `upload ${name} to release ${release.tag}`);
      if (immutable) throw immutable;
      throw new ExternalError(
        `GitHub refused ${name} of ${releaseOf(release.model, release.version)} in ${api.where}`,
        {
          cause: error
        }
      );
    }
  };
  const downloads = createDownloads(api);
  return {
    ...downloads,
    async list(model) {
      const all = await api.call(
        "list the releases",
        () => octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 })
      );
      const prefix = model === void 0 ? TAG_PREFIX : `${tagOf(model, "")}`;
      return all.filter((release) => release.tag_name.startsWith(prefix)).map((release) => infoOf(release)).filter((release) => release !== void 0);
    },
    async published(model, version) {
      const found = await api.find(
        `read the release of ${releaseOf(model, version)}`,
        () => octokit.rest.repos.getReleaseByTag({ owner, repo, tag: tagOf(model, version) })
      );
      return found && !found.data.draft ? infoOf(found.data) : void 0;
    },
    async createDraft(model, version) {
      const tag = tagOf(model, version);
      const taken = await api.find(
        `read the tag ${tag}`,
        () => octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` })
      );
      if (taken) {
        throw new ExternalError(
          `cannot publish ${releaseOf(model, version)} in ${api.where}: the tag ${tag} exists already and mlops-kit did not make it, so it is left as it is`,
          {
            hint: `tags under ${TAG_PREFIX} are the registry's: move that tag (and any release on it) out of the namespace or delete it if it is not needed, then publish again`
          }
        );
      }
      const { data } = await api.call(
        `start the release of ${releaseOf(model, version)}`,
        () => octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: tagOf(model, version),
          name: `${model} ${version}`,
          body: `A version of ${model} being published by mlops-kit; not a version until published.

${RELEASE_MARKER}`,
          draft: true,
          make_latest: "false",
          ...targetCommitish ? { target_commitish: targetCommitish } : {}
        }),
        { write: true }
      );
      return infoOf(data);
    },
    async upload(release, name, file, transfer = {}, options = {}) {
      const total = (await stat(file)).size;
      const stored = await uploadWith(
        release,
        name,
        total,
        // A stream per attempt: a retried upload reads the file again.
        () => {
          let size = 0;
          const meter = new Transform2({
            transform(chunk, _encoding, done) {
              size += chunk.length;
              transfer.onProgress?.(size, total);
              done(null, chunk);
            }
          });
          return createReadStream(file, { highWaterMark: UPLOAD_CHUNK }).pipe(meter);
        },
        options
      );
      if (!stored) return void 0;
      if (stored.size !== total)
        throw new ExternalError(
          `GitHub stored ${stored.size} bytes of ${name} in release ${release.tag} of ${api.where}, not the ${total} sent`,
          { hint: "publish again: the draft is not a version until its manifest is up" }
        );
      const reported = /^sha256:([0-9a-f]{64})$/.exec(stored.digest ?? "")?.[1];
      return reported ? { size: total, sha256: reported } : sha256File(file);
    },
    uploadBytes: async (release, name, body, options) => await uploadWith(release, name, body.length, () => body, options) !== void 0,
    async publish(release, notes) {
      await api.call(
        `publish the release of ${releaseOf(release.model, release.version)}`,
        () => octokit.rest.repos.updateRelease({
          owner,
          repo,
          release_id: release.id,
          draft: false,
          make_latest: "false",
          body: `${notes}

${RELEASE_MARKER}`
        }),
        { write: true }
      );
    },
    deleteAsset: deleteAssetOf,
    async refresh(release) {
      const found = await api.find(
        `read the release of ${releaseOf(release.model, release.version)}`,
        () => octokit.rest.repos.getRelease({ owner, repo, release_id: release.id })
      );
      return found && infoOf(found.data);
    },
    async deleteRelease(release) {
      await api.call(
        `delete the release of ${releaseOf(release.model, release.version)}`,
        () => octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id }),
        { write: true, expects: [404] }
      ).catch(ignoreStatus(404));
    },
    async releaselessTags(model) {
      const prefix = model === void 0 ? TAG_PREFIX : tagOf(model, "");
      const { data: refs } = await api.call(
        "list the registry's tags",
        () => octokit.rest.git.listMatchingRefs({ owner, repo, ref: `tags/${prefix}` })
      );
      const all = await api.call(
        "list the releases",
        () => octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 })
      );
      const released = new Set(all.map((release) => release.tag_name));
      return refs.flatMap(({ ref }) => {
        const tag = ref.slice("refs/tags/".length);
        const parsed = parseTag(tag);
        return parsed && !released.has(tag) ? [{ tag, ...parsed }] : [];
      });
    },
    async deleteTag(tag) {
      if (!parseTag(tag)) throw new Error(`refusing to delete ${tag}: not a tag of mlops-kit's namespace`);
      await api.call(
        `delete the tag ${tag}`,
        () => octokit.rest.git.deleteRef({ owner, repo, ref: `tags/${tag}` }),
        // 422 "Reference does not exist": deleted already.
        { write: true, expects: [404, 422] }
      ).catch((error) => {
        throw immutableRefusal(error, `delete the tag ${tag}`) ?? error;
      }).catch(ignoreStatus(404, 422));
    }
  };
}
var ignoreStatus = (...statuses) => (error) => {
  if (!statuses.includes(statusOf(error) ?? 0)) throw error;
};

// src/store/github-store.ts
var AssetDigestMismatchError = class extends CorruptObjectError {
  constructor(where, key, asset, release, expected) {
    super(where, key, expected, { size: asset.size, sha256: (asset.digest ?? "").replace(/^sha256:/, "") });
    this.explanation = `the asset ${asset.name} of release ${release} in ${where} is not the file its manifest lists: GitHub reports ${asset.digest ?? "no digest"} for it; it was replaced or edited by hand, so it is refused`;
    this.message = `${this.message}: ${this.explanation}`;
  }
};
var LISTED_FOR_MS = 1e4;
function createGitHubStore(options) {
  const api = createGitHubApi(options);
  const ref = createRefTree(api);
  const releases = createReleases(api, options.targetCommitish);
  const limit = options.assetSizeLimit ?? ASSET_SIZE_LIMIT;
  const where = api.where;
  const drafts = /* @__PURE__ */ new Map();
  const listed = /* @__PURE__ */ new Map();
  const listReleases = async (model) => {
    const all = await releases.list(model);
    const at = Date.now();
    for (const release of all) if (!release.draft) listed.set(release.tag, { release, at });
    return all;
  };
  const publishedRelease = async (model, version) => {
    const hit = listed.get(tagOf(model, version));
    if (hit && Date.now() - hit.at < LISTED_FOR_MS) return hit.release;
    return releases.published(model, version);
  };
  const attachmentFiles = /* @__PURE__ */ new Map();
  const cardOf = async (release, manifestJson) => {
    let cardPath;
    try {
      cardPath = JSON.parse(manifestJson).attachments?.card?.path;
    } catch {
      return void 0;
    }
    const file = typeof cardPath === "string" ? attachmentFiles.get(`${release.tag}
attachments/${cardPath}`) : void 0;
    return file === void 0 ? void 0 : readFile(file, "utf8").catch(() => void 0);
  };
  const forget = (place) => void listed.delete(tagOf(place.model, place.version));
  const releasePlace = (key) => {
    const place = placeOf(checkKey(key));
    return place.kind === "release" ? place : void 0;
  };
  const draftOf = (model, version) => {
    const tag = tagOf(model, version);
    let draft = drafts.get(tag);
    if (!draft) {
      draft = releases.createDraft(model, version);
      draft.catch(() => drafts.delete(tag));
      drafts.set(tag, draft);
    }
    return draft;
  };
  const owned = (release) => ({ ownDraft: release.draft && drafts.has(release.tag) });
  const writable = async (model, version) => drafts.has(tagOf(model, version)) ? await draftOf(model, version) : await releases.published(model, version) ?? await draftOf(model, version);
  const publishedAsset = async (place) => {
    const release = await publishedRelease(place.model, place.version);
    const asset = release?.assets.find((a) => a.name === assetName(place.inner));
    return release && asset ? { release, asset } : void 0;
  };
  const refEdit = (path2, edit, message) => ref.update(message, (files) => ({
    edits: edit && ("remove" in edit ? files.has(path2) : true) ? [edit] : [],
    result: void 0
  }));
  const land = async (release, place, bytes) => {
    if (!await releases.uploadBytes(release, assetName(place.inner), bytes, owned(release))) return false;
    if (place.inner === "manifest.json" && release.draft) {
      const manifestJson = bytes.toString("utf8");
      const card = await cardOf(release, manifestJson);
      await releases.publish(release, releaseNotes(manifestJson, card, RELEASE_MARKER.length + 2));
      drafts.delete(release.tag);
    }
    return true;
  };
  const store = {
    location: where,
    async get(key) {
      const place = releasePlace(key);
      if (!place) {
        const file = (await ref.files()).get(checkKey(key));
        if (file && file.size > MAX_GET_BYTES) throw new ObjectTooLargeError(where, key);
        return file && ref.read(key);
      }
      const found = await publishedAsset(place);
      if (!found) return void 0;
      if (found.asset.size > MAX_GET_BYTES) throw new ObjectTooLargeError(where, key);
      const body = await releases.open(found.asset);
      if (!body) return void 0;
      return readBounded(body, () => new ObjectTooLargeError(where, key));
    },
    async put(key, body) {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      const place = releasePlace(key);
      if (!place) return refEdit(key, { path: key, content: bytes }, `mlops: write ${key}`);
      forget(place);
      const release = await writable(place.model, place.version);
      const old = release.assets.find((a) => a.name === assetName(place.inner));
      if (old) await releases.deleteAsset(release, old);
      if (!await land(release, place, bytes)) {
        throw new ExternalError(
          `cannot write ${assetName(place.inner)} to release ${release.tag} in ${where}: an unfinished upload of that name holds it`,
          { hint: `delete that asset on the release's page (it shows as a failed upload), then run again` }
        );
      }
    },
    async delete(key) {
      const place = releasePlace(key);
      if (!place) return refEdit(key, { path: key, remove: true }, `mlops: remove ${key}`);
      forget(place);
      const ofVersion = (await releases.list(place.model)).filter((r) => r.version === place.version);
      for (const release of ofVersion) {
        const asset = release.assets.find((a) => a.name === assetName(place.inner));
        if (!asset) continue;
        await releases.deleteAsset(release, asset);
        if (release.assets.length > 1 && (await releases.refresh(release))?.assets.length !== 0) continue;
        await releases.deleteRelease(release);
        if (release.draft) drafts.delete(release.tag);
        else await releases.deleteTag(release.tag);
      }
    },
    async upload(key, file, transfer = {}) {
      const place = releasePlace(key);
      const size = (await stat2(file)).size;
      if (!place) {
        throw new Error(`the GitHub registry keeps files only in versions, not at ${key}`);
      }
      if (size > limit) {
        throw new UserError(
          `${place.inner.replace(/^files\//, "")} is ${size} bytes, more than the ${limit} bytes GitHub allows in one release asset: not uploaded`,
          {
            hint: "keep models this large in an S3 registry: registry.uri: s3://bucket/prefix (https://github.com/mlops-kit/mlops-kit/blob/main/docs/bucket.md)"
          }
        );
      }
      forget(place);
      const release = await writable(place.model, place.version);
      const digest = await releases.upload(release, assetName(place.inner), file, transfer, owned(release));
      if (!digest) throw new ObjectExistsError(where, key);
      if (place.inner.startsWith("attachments/")) attachmentFiles.set(`${release.tag}
${place.inner}`, file);
      return digest;
    },
    async download(key, file, transfer = {}) {
      const place = releasePlace(key);
      if (!place) throw new Error(`the GitHub registry keeps files only in versions, not at ${key}`);
      const found = await publishedAsset(place);
      if (!found) return void 0;
      const { expected } = transfer;
      const reported = found.asset.digest?.replace(/^sha256:/, "");
      if (expected && reported !== void 0 && (reported !== expected.sha256 || found.asset.size !== expected.size))
        throw new AssetDigestMismatchError(where, key, found.asset, found.release.tag, expected);
      return releases.download(found.asset, file, transfer, (actual) => {
        if (expected && (actual.sha256 !== expected.sha256 || actual.size !== expected.size))
          throw new CorruptObjectError(where, key, expected, actual);
        if (reported !== void 0 && actual.sha256 !== reported)
          throw new CorruptObjectError(where, key, { size: found.asset.size, sha256: reported }, actual);
      });
    },
    async create(key, body) {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      const place = releasePlace(key);
      if (!place) {
        return ref.update(
          `mlops: create ${key}`,
          (files) => files.has(key) ? { edits: [], result: false } : { edits: [{ path: key, content: bytes }], result: true }
        );
      }
      forget(place);
      const release = await writable(place.model, place.version);
      if (release.assets.some((a) => a.name === assetName(place.inner))) return false;
      return land(release, place, bytes);
    },
    // The ref's compare-and-swap makes every create exclusive.
    createIsExclusive: () => Promise.resolve(true),
    async list(prefix) {
      const bare = checkPrefix(prefix);
      const scope = scopeOf(bare);
      const keys = [];
      if (scope.releases) {
        for (const release of await listReleases(scope.releases.model)) {
          if (scope.releases.version !== void 0 && release.version !== scope.releases.version) continue;
          for (const asset of release.assets) {
            const inner = innerOf(asset.name);
            if (inner !== void 0) keys.push(`${release.model}/versions/${release.version}/${inner}`);
          }
        }
      }
      if (scope.ref) for (const path2 of (await ref.files()).keys()) keys.push(path2);
      return [...new Set(keys.filter((key) => bare === "" || key.startsWith(`${bare}/`)))].sort();
    },
    async folders(prefix) {
      const bare = checkPrefix(prefix);
      const scope = scopeOf(bare);
      const names = /* @__PURE__ */ new Set();
      if (scope.releases) {
        for (const release of await listReleases(scope.releases.model)) {
          const key = `${release.model}/versions/${release.version}/`;
          const rest = bare === "" ? key : key.startsWith(`${bare}/`) ? key.slice(bare.length + 1) : "";
          const slash = rest.indexOf("/");
          if (slash > 0) names.add(rest.slice(0, slash));
        }
      }
      if (scope.ref) {
        for (const path2 of (await ref.files()).keys()) {
          if (bare !== "" && !path2.startsWith(`${bare}/`)) continue;
          const rest = bare === "" ? path2 : path2.slice(bare.length + 1);
          const slash = rest.indexOf("/");
          if (slash > 0) names.add(rest.slice(0, slash));
        }
      }
      return [...names].sort();
    },
    async head(key) {
      const place = releasePlace(key);
      if (!place) {
        const file = (await ref.files()).get(key);
        return file && { size: file.size, etag: file.sha };
      }
      const found = await publishedAsset(place);
      return found && { size: found.asset.size, etag: found.asset.digest ?? `asset-${found.asset.id}` };
    },
    async explainMissing(key) {
      const place = releasePlace(key);
      if (!place) return void 0;
      forget(place);
      const release = await publishedRelease(place.model, place.version);
      if (!release || release.assets.some((a) => a.name === assetName(place.inner))) return void 0;
      return `the asset ${assetName(place.inner)} is no longer on release ${release.tag} in ${where}: it was deleted outside mlops-kit`;
    },
    async discardIncomplete(prefix, before) {
      const scope = scopeOf(checkPrefix(prefix));
      if (!scope.releases) return 0;
      let removed = 0;
      for (const release of await listReleases(scope.releases.model)) {
        if (!release.draft) continue;
        if (scope.releases.version !== void 0 && release.version !== scope.releases.version) continue;
        const started = versionStarted(release.version);
        if (!started || started >= before) continue;
        await releases.deleteRelease(release);
        removed++;
      }
      for (const orphan of await releases.releaselessTags(scope.releases.model)) {
        if (scope.releases.version !== void 0 && orphan.version !== scope.releases.version) continue;
        const started = versionStarted(orphan.version);
        if (!started || started >= before) continue;
        await releases.deleteTag(orphan.tag);
        removed++;
      }
      return removed;
    }
  };
  return store;
}
export {
  AssetDigestMismatchError,
  createGitHubStore
};
