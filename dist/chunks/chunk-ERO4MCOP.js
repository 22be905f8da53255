import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  CorruptObjectError,
  createLocalStore
} from "./chunk-N26MFBKU.js";
import {
  NAME_PATTERN,
  NAME_RULE,
  ZodISODate,
  ZodISODateTime,
  ZodISODuration,
  ZodISOTime,
  _enum,
  _isoDate,
  _isoDateTime,
  _isoDuration,
  _isoTime,
  array,
  boolean,
  number,
  object,
  record,
  string,
  unknown
} from "./chunk-KDNJFZE6.js";
import {
  describePathProblem,
  isInside,
  isS3Uri,
  parseS3Uri,
  relativePathProblem
} from "./chunk-H6UPHFKP.js";
import {
  ExternalError,
  InputError,
  UserError
} from "./chunk-XOZC47AQ.js";
import {
  __export
} from "./chunk-RZGYXAJU.js";

// src/store/open.ts
import path from "node:path";
async function openObjectStore(uri, root, settings = {}) {
  if (!isS3Uri(uri)) return createLocalStore(path.resolve(root, uri));
  const location = parseS3Uri(uri);
  if (!location) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
  const { createS3Store } = await import("./s3-store-RBRCIS7F.js");
  return createS3Store(
    { bucket: location.bucket, prefix: location.key.replace(/\/+$/, "") },
    {
      ...settings.region === void 0 ? {} : { region: settings.region },
      ...settings.endpoint === void 0 ? {} : { endpoint: settings.endpoint },
      ...settings.forcePathStyle === void 0 ? {} : { forcePathStyle: settings.forcePathStyle }
    },
    settings.env
  );
}
function projectStoreSettings(registry, env) {
  return { env, region: registry.region, endpoint: registry.endpoint, forcePathStyle: registry.force_path_style };
}

// src/registry/names.ts
import { randomBytes } from "node:crypto";

// node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date,
  datetime: () => datetime,
  duration: () => duration,
  time: () => time
});
function datetime(params) {
  return _isoDateTime(ZodISODateTime, params);
}
function date(params) {
  return _isoDate(ZodISODate, params);
}
function time(params) {
  return _isoTime(ZodISOTime, params);
}
function duration(params) {
  return _isoDuration(ZodISODuration, params);
}

// src/registry/names.ts
var VERSION_ID = /^v(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{6}$/;
var SEQUENCE_REF = /^v?([1-9]\d{0,8})$/;
function newVersionId(at) {
  return `v${compactTime(at)}-${randomBytes(3).toString("hex")}`;
}
function compactTime(at) {
  return at.toISOString().replace(/[-:.]/g, "");
}
function versionTime(id) {
  const m = VERSION_ID.exec(id);
  if (!m) return void 0;
  const [y = 0, mo = 1, d, h, mi, s, ms] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}
function checkModelName(model) {
  if (!NAME_PATTERN.test(model)) throw new InputError(`"${model}" is not a valid model name: expected ${NAME_RULE}`);
  return model;
}
function checkVersionName(version) {
  if (!NAME_PATTERN.test(version)) throw new InputError(`"${version}" is not a valid version id`);
  return version;
}
function checkAliasName(alias) {
  if (!NAME_PATTERN.test(alias)) throw new InputError(`"${alias}" is not a valid alias name: expected ${NAME_RULE}`);
  if (VERSION_ID.test(alias) || SEQUENCE_REF.test(alias)) {
    throw new InputError(`"${alias}" cannot be an alias name: it reads as a version id or a version number`);
  }
  return alias;
}
function checkFilePath(file) {
  const problem = relativePathProblem(file);
  if (problem) throw new InputError(`refusing the file path "${file}": ${describePathProblem(problem)}`);
  if (file.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw new InputError(`refusing the file path "${file}": it has an empty, "." or ".." segment`);
  }
  return file;
}
function parseRef(ref) {
  if (VERSION_ID.test(ref)) return { kind: "version", id: ref };
  const sequence = SEQUENCE_REF.exec(ref)?.[1];
  if (sequence) return { kind: "sequence", sequence: Number(sequence) };
  if (NAME_PATTERN.test(ref)) return { kind: "alias", alias: ref };
  throw new InputError(`"${ref}" is not a version id, a version number or an alias name`, {
    hint: "e.g. champion, 7 or v20260101T120000000Z-a1b2c3 (see `mlops models list`)"
  });
}
function parseModelRef(text, defaultRef = "champion") {
  const at = text.indexOf("@");
  const model = at < 0 ? text : text.slice(0, at);
  const ref = at < 0 ? defaultRef : text.slice(at + 1);
  checkModelName(model);
  parseRef(ref);
  return { model, ref };
}

// src/registry/registry.ts
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path2 from "node:path";

// src/registry/aliases.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/registry/concurrency.ts
async function mapBounded(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/registry/aliases.ts
var Entry = object({
  alias: string().regex(NAME_PATTERN),
  from: string().nullable(),
  to: string().regex(NAME_PATTERN),
  at: iso_exports.datetime(),
  actor: string().nullable(),
  reason: string(),
  runUrl: string().nullable(),
  forced: boolean().default(false),
  kind: _enum(["promote", "rollback"]).default("promote")
});
var ENTRY_KEY = /^([^/]+)\/aliases\/([^/]+)\/(\d{8}T\d{9}Z-[0-9a-f]{8})\.json$/;
var aliasesPrefix = (model, alias) => alias === void 0 ? `${model}/aliases/` : `${model}/aliases/${alias}/`;
async function entryKeys(store, model, alias) {
  const groups = /* @__PURE__ */ new Map();
  for (const key of await store.list(aliasesPrefix(model, alias))) {
    const match = ENTRY_KEY.exec(key);
    if (!match?.[2] || match[1] !== model) continue;
    groups.set(match[2], [...groups.get(match[2]) ?? [], key]);
  }
  for (const keys of groups.values()) keys.sort();
  return groups;
}
async function readEntry(store, key, alias) {
  const body = await store.get(key);
  let parsed;
  try {
    parsed = body === void 0 ? void 0 : Entry.safeParse(JSON.parse(body.toString("utf8")));
  } catch {
    parsed = void 0;
  }
  if (!parsed?.success || parsed.data.alias !== alias) {
    throw new ExternalError(`the alias history entry ${key} in ${store.location} is missing or not valid`, {
      hint: "it was changed outside mlops-kit; restore it from the bucket's versioning, or remove it"
    });
  }
  return parsed.data;
}
async function aliasHistory(store, model, alias) {
  const keys = (await entryKeys(store, model, alias)).get(alias) ?? [];
  return chain(await mapBounded(keys, 8, (key) => readEntry(store, key, alias)));
}
function chain(entries) {
  return entries.map((entry, i) => ({ ...entry, from: i === 0 ? null : entries[i - 1]?.to ?? null }));
}
async function allAliasHistory(store, model) {
  const events = [];
  for (const [alias, keys] of await entryKeys(store, model)) {
    const entries = chain(await mapBounded(keys, 8, (key) => readEntry(store, key, alias)));
    entries.forEach((event, i) => events.push({ key: keys[i] ?? "", event }));
  }
  return events.sort((a, b) => a.event.at.localeCompare(b.event.at) || a.key.localeCompare(b.key)).map((e) => e.event);
}
async function currentAliases(store, model, only) {
  const current = /* @__PURE__ */ new Map();
  const groups = [...await entryKeys(store, model, only)];
  await mapBounded(groups, 8, async ([alias, keys]) => {
    const last = keys.at(-1);
    if (last) current.set(alias, await readEntry(store, last, alias));
  });
  return current;
}
async function appendMove(store, model, move) {
  const last = (await currentAliases(store, model, move.alias)).get(move.alias);
  const requested = new Date(move.at);
  const floor = last ? new Date(Date.parse(last.at) + 1) : requested;
  const at = requested < floor ? floor : requested;
  const entry = { ...move, from: last?.to ?? null, at: at.toISOString() };
  for (; ; ) {
    const key = `${aliasesPrefix(model, move.alias)}${compactTime(at)}-${randomBytes2(4).toString("hex")}.json`;
    if (await store.create(key, `${JSON.stringify(entry, null, 2)}
`)) return entry;
  }
}
function servingStack(history) {
  const stack = [];
  for (const event of history) {
    if (event.kind === "rollback") {
      const index = stack.lastIndexOf(event.to);
      if (index >= 0) stack.length = index + 1;
      else stack.push(event.to);
    } else if (stack.at(-1) !== event.to) {
      stack.push(event.to);
    }
  }
  return stack;
}
function moveInForce(history, date2) {
  let found;
  for (const event of history) if (Date.parse(event.at) <= date2.getTime()) found = event;
  return found;
}

// src/registry/manifest.ts
var MANIFEST_FORMAT_V1 = "mlops-kit/manifest@1";
var MANIFEST_FORMAT = "mlops-kit/manifest@2";
var SafeRelativePath = string().refine((value) => relativePathProblem(value) === void 0, {
  error: "not a safe relative path"
});
var Name = string().regex(NAME_PATTERN, { error: "not a valid name" });
var FileEntry = object({
  /** Path inside the version (and, on pull, inside the output folder). */
  path: SafeRelativePath,
  size: number().int().min(0),
  sha256: string().regex(/^[0-9a-f]{64}$/)
});
var ManifestSchema = object({
  format: _enum([MANIFEST_FORMAT_V1, MANIFEST_FORMAT]),
  model: Name,
  /** Unique and sortable without coordination: `v<UTC time to the ms>-<random>` (see newVersionId). */
  version: Name,
  /** The friendly number (1, 2, 3 ...): unique per model, in commit order. Absent on `@1` manifests. */
  sequence: number().int().min(1).optional(),
  createdAt: string(),
  files: array(FileEntry),
  /**
   * Files the kit keeps with a version for its own use, by name: `predictions` (the evaluation predictions, for
   * paired significance tests against this version) and `profile` (the training-data profile, the drift reference).
   */
  attachments: record(string().regex(NAME_PATTERN), FileEntry).default({}),
  metrics: record(string(), number()),
  slices: array(
    object({
      column: string(),
      value: string(),
      rows: number(),
      metrics: record(string(), number())
    })
  ).default([]),
  gate: object({ verdict: _enum(["pass", "fail", "error"]), baseline: string().nullable() }).nullable(),
  params: record(string(), unknown()),
  /**
   * Fingerprints of the data the model was trained and evaluated on: size and sha256 of local files, size and ETag of
   * s3:// objects (see src/data/fingerprint.ts).
   */
  data: array(
    object({
      dataset: string(),
      files: array(
        object({
          path: string(),
          size: number().int().min(0),
          sha256: string().regex(/^[0-9a-f]{64}$/).optional(),
          etag: string().min(1).optional()
        }).refine((file) => file.sha256 !== void 0 || file.etag !== void 0, {
          error: "a data file needs a sha256 or an etag"
        })
      )
    })
  ),
  git: object({ sha: string().nullable(), ref: string().nullable() }),
  /** owner/name of the repository that published it, when known. */
  repository: string().nullable().optional(),
  runUrl: string().nullable(),
  actor: string().nullable(),
  kitVersion: string()
}).refine((m) => m.format === MANIFEST_FORMAT_V1 || m.sequence !== void 0, {
  error: `a ${MANIFEST_FORMAT} manifest needs a sequence number`,
  path: ["sequence"]
});

// src/registry/sequence.ts
var PREFIX = (model) => `${model}/sequence/`;
var CLAIM = /^[^/]+\/sequence\/(\d+)\/[^/]+$/;
var MAX_ROUNDS = 40;
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var folder = (model, n) => `${PREFIX(model)}${String(n).padStart(6, "0")}/`;
async function claimSequence(store, model, version, sleep = realSleep) {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let highest = 0;
    for (const key of await store.list(PREFIX(model))) {
      const n2 = Number(CLAIM.exec(key)?.[1] ?? 0);
      if (n2 > highest) highest = n2;
    }
    const n = highest + 1;
    const mine = `${folder(model, n)}${version}`;
    await store.put(mine, `${JSON.stringify({ version })}
`);
    const rivals = (await store.list(folder(model, n))).filter((key) => key !== mine);
    if (rivals.length === 0) return n;
    await store.delete(mine);
    await sleep(Math.random() * Math.min(2e3, 25 * 2 ** Math.min(round, 6)));
  }
  throw new ExternalError(
    `could not get a version number for ${model} in ${store.location} after ${MAX_ROUNDS} tries: too many publishes at once`,
    { hint: "publish again; serialise publishes with a `concurrency:` group in the workflow" }
  );
}
async function sequenceClaimants(store, model, n) {
  const keys = await store.list(folder(model, n));
  return keys.map((key) => key.slice(key.lastIndexOf("/") + 1));
}

// src/registry/registry.ts
var DEBRIS_AGE_MS = 24 * 60 * 60 * 1e3;
var COMMIT_DEADLINE_MS = 12 * 60 * 60 * 1e3;
function createRegistry(store, now = () => /* @__PURE__ */ new Date(), options = {}) {
  const versionKey = (model, version) => `${model}/versions/${version}`;
  const readManifest = async (model, version) => {
    checkModelName(model);
    checkVersionName(version);
    const key = `${versionKey(model, version)}/manifest.json`;
    const body = await store.get(key);
    if (body === void 0) return void 0;
    let raw;
    try {
      raw = JSON.parse(body.toString("utf8"));
    } catch {
      throw new ExternalError(`the registry object ${key} in ${store.location} is not valid JSON`, {
        hint: "it was changed outside mlops-kit; restore it or remove it"
      });
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ExternalError(
        `the manifest ${key} in ${store.location} is not a valid mlops-kit manifest: ${parsed.error.issues[0]?.message ?? ""}`
      );
    }
    if (parsed.data.model !== model || parsed.data.version !== version) {
      throw new ExternalError(
        `the manifest ${key} in ${store.location} describes ${parsed.data.model} ${parsed.data.version}, not ${model} ${version}`,
        { hint: "it was copied or changed outside mlops-kit; remove it" }
      );
    }
    return parsed.data;
  };
  const download = async (manifest, relative, entry, target, hooks) => {
    const report = (bytes, done) => hooks.onProgress?.({ direction: "download", path: entry.path, bytes, total: entry.size, done });
    try {
      const found = await store.download(`${versionKey(manifest.model, manifest.version)}/${relative}`, target, {
        expected: { size: entry.size, sha256: entry.sha256 },
        onProgress: (bytes) => report(bytes, false)
      });
      if (!found) {
        throw new ExternalError(
          `version ${manifest.version} of ${manifest.model} lists ${entry.path}, but the registry has no such file`,
          { hint: "the version was damaged outside mlops-kit; publish again or roll back" }
        );
      }
    } catch (error) {
      if (!(error instanceof CorruptObjectError)) throw error;
      throw new ExternalError(
        `${entry.path} of ${manifest.model} ${manifest.version} is corrupted: the registry holds ${error.actual.size} bytes with sha256 ${error.actual.sha256.slice(0, 12)}\u2026, the manifest says ${entry.size} bytes with sha256 ${entry.sha256.slice(0, 12)}\u2026`,
        {
          hint: "the stored object was changed or damaged after publishing; nothing was written. Publish again or roll back",
          cause: error
        }
      );
    }
    report(entry.size, true);
  };
  const bySequence = async (model, sequence) => {
    for (const version of await sequenceClaimants(store, model, sequence)) {
      const manifest = await readManifest(model, version).catch(() => void 0);
      if (manifest?.sequence === sequence) return manifest;
    }
    return void 0;
  };
  const registry = {
    location: store.location,
    async publish(input, hooks = {}) {
      checkModelName(input.model);
      const paths = /* @__PURE__ */ new Set();
      for (const file of input.files) {
        if (paths.has(checkFilePath(file.path))) throw new InputError(`${file.path} is listed twice`);
        paths.add(file.path);
      }
      const names = /* @__PURE__ */ new Set();
      for (const attachment of input.attachments ?? []) {
        if (!NAME_PATTERN.test(attachment.name))
          throw new InputError(`"${attachment.name}" is not a valid attachment name`);
        if (names.has(attachment.name)) throw new InputError(`two attachments are named ${attachment.name}`);
        names.add(attachment.name);
        checkFilePath(path2.basename(attachment.source));
      }
      const created = now();
      const version = await freshVersionId(store, input.model, created);
      const base = versionKey(input.model, version);
      const upload = async (key, source, shown) => {
        const digest = await store.upload(`${base}/${key}`, source, {
          onProgress: (bytes, total) => hooks.onProgress?.({ direction: "upload", path: shown, bytes, total, done: false })
        });
        hooks.onProgress?.({ direction: "upload", path: shown, bytes: digest.size, total: digest.size, done: true });
        return { path: shown, ...digest };
      };
      const files = [];
      for (const file of input.files) files.push(await upload(`files/${file.path}`, file.source, file.path));
      const attachments = {};
      for (const attachment of input.attachments ?? []) {
        const stored = `${attachment.name}/${path2.basename(attachment.source)}`;
        attachments[attachment.name] = await upload(`attachments/${stored}`, attachment.source, stored);
      }
      if (now().getTime() - created.getTime() > COMMIT_DEADLINE_MS) {
        throw new ExternalError(
          `publishing ${input.model} ${version} took longer than 12 hours; it was not committed`,
          {
            hint: "its uploaded files may already count as debris of an interrupted publish; publish again"
          }
        );
      }
      const sequence = await claimSequence(store, input.model, version, options.sleep ?? realSleep);
      const manifest = ManifestSchema.parse({
        ...input,
        format: MANIFEST_FORMAT,
        version,
        sequence,
        createdAt: created.toISOString(),
        files,
        attachments
      });
      if (!await store.create(`${base}/manifest.json`, `${JSON.stringify(manifest, null, 2)}
`)) {
        throw new ExternalError(`${input.model} ${version} already has a manifest in ${store.location}`, {
          hint: "two publishes drew the same version id; publish again"
        });
      }
      return manifest;
    },
    async versions(model) {
      checkModelName(model);
      const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
      const manifests = await mapBounded(ids, 8, (id) => readManifest(model, id));
      return manifests.filter((m) => m !== void 0);
    },
    version: readManifest,
    async resolve(model, ref) {
      checkModelName(model);
      const parsed = parseRef(ref);
      if (parsed.kind === "version") return readManifest(model, parsed.id);
      if (parsed.kind === "sequence") return bySequence(model, parsed.sequence);
      const current = (await currentAliases(store, model, parsed.alias)).get(parsed.alias);
      return current ? readManifest(model, current.to) : void 0;
    },
    async aliases(model) {
      checkModelName(model);
      const current = await currentAliases(store, model);
      return Object.fromEntries([...current].sort(([a], [b]) => a.localeCompare(b)).map(([a, e]) => [a, e.to]));
    },
    async moveAlias(model, alias, version, event) {
      checkModelName(model);
      checkAliasName(alias);
      if (!await readManifest(model, version)) throw new InputError(`model ${model} has no version ${version}`);
      return appendMove(store, model, { kind: "promote", ...event, alias, to: version });
    },
    async rollback(model, alias, event) {
      checkModelName(model);
      checkAliasName(alias);
      const stack = servingStack(await aliasHistory(store, model, alias));
      const current = stack.at(-1);
      const target = stack.at(-2);
      if (!current) throw new InputError(`${model} has no alias ${alias} to roll back`);
      if (!target) {
        throw new InputError(`${alias} of ${model} has nothing to roll back to: it has only ever stood on ${current}`, {
          hint: "promote another version instead: mlops promote <version>"
        });
      }
      if (!await readManifest(model, target)) throw new InputError(`model ${model} has no version ${target}`);
      return appendMove(store, model, {
        ...event,
        reason: event.reason || `rolled back from ${current}`,
        alias,
        to: target,
        forced: false,
        kind: "rollback"
      });
    },
    async history(model, alias) {
      checkModelName(model);
      if (alias === void 0) return allAliasHistory(store, model);
      return aliasHistory(store, model, checkAliasName(alias));
    },
    async aliasAt(model, alias, date2) {
      checkModelName(model);
      return moveInForce(await aliasHistory(store, model, checkAliasName(alias)), date2);
    },
    async pull(manifest, outDir, hooks = {}) {
      await mkdir(outDir, { recursive: true });
      const staging = await mkdtemp(path2.join(outDir, ".mlops-pull-"));
      try {
        const targets = [];
        for (const file of manifest.files) {
          const relative = checkFilePath(file.path);
          const target = path2.join(outDir, ...relative.split("/"));
          if (!isInside(outDir, target)) throw new InputError(`refusing to write ${file.path} outside ${outDir}`);
          await download(manifest, `files/${relative}`, file, path2.join(staging, ...relative.split("/")), hooks);
          targets.push(target);
        }
        for (const [i, file] of manifest.files.entries()) {
          const target = targets[i];
          await mkdir(path2.dirname(target), { recursive: true });
          await rename(path2.join(staging, ...file.path.split("/")), target);
        }
        return targets;
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
    async pullAttachment(manifest, name, file) {
      const entry = manifest.attachments[name];
      if (!entry) return false;
      await download(manifest, `attachments/${checkFilePath(entry.path)}`, entry, file, {});
      return true;
    },
    async models() {
      const names = (await store.folders("")).filter((name) => NAME_PATTERN.test(name));
      const found = await mapBounded(names, 8, async (name) => {
        for (const id of await store.folders(`${name}/versions/`)) {
          if (NAME_PATTERN.test(id) && await store.exists(`${versionKey(name, id)}/manifest.json`)) return name;
        }
        return void 0;
      });
      return found.filter((name) => name !== void 0);
    },
    async clean(model, before = new Date(now().getTime() - DEBRIS_AGE_MS)) {
      checkModelName(model);
      const report = { versions: [], objects: 0, uploads: 0 };
      for (const id of await store.folders(`${model}/versions/`)) {
        const started = versionTime(id);
        if (!started || started >= before || await store.exists(`${versionKey(model, id)}/manifest.json`)) continue;
        const keys = await store.list(`${versionKey(model, id)}/`);
        if (keys.length === 0) continue;
        await mapBounded(keys, 8, (key) => store.delete(key));
        report.versions.push(id);
        report.objects += keys.length;
      }
      report.uploads = await store.discardIncomplete(`${model}/versions/`, before);
      return report;
    }
  };
  return registry;
}
async function freshVersionId(store, model, created) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newVersionId(created);
    if ((await store.list(`${model}/versions/${id}/`)).length === 0) return id;
  }
  throw new ExternalError(`could not find a free version id for ${model} in ${store.location}`);
}

// src/registry/open.ts
async function openRegistry(context) {
  const { registry } = context.loaded.config;
  const store = await openObjectStore(
    registry.uri ?? context.workspace.registryDir,
    context.loaded.root,
    projectStoreSettings(registry, context.env)
  );
  return createRegistry(store, context.now);
}

export {
  openObjectStore,
  projectStoreSettings,
  parseModelRef,
  createRegistry,
  openRegistry
};
