import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  resolveRegistryUri
} from "./chunk-TFGIC24Q.js";
import {
  CorruptObjectError,
  ObjectTooLargeError
} from "./chunk-Q52DLOOW.js";
import {
  keyAlgorithm,
  publicKeyProblem,
  unsupportedKeyKind
} from "./chunk-EYMTTHNR.js";
import {
  NAME_PATTERN,
  NAME_RULE
} from "./chunk-LNIKRDBK.js";
import {
  _default,
  _enum,
  _gte,
  _length,
  _minLength,
  _nonnegative,
  _positive,
  _regex,
  array,
  base64,
  boolean,
  int,
  iso_exports,
  literal,
  looseObject,
  nullable,
  number,
  object,
  optional,
  record,
  refine,
  string,
  unknown
} from "./chunk-MOKAEFJD.js";
import {
  describePathProblem,
  isInside,
  relativePathProblem
} from "./chunk-SN54LWLO.js";
import {
  ExternalError,
  InputError,
  asError,
  isErrnoException
} from "./chunk-XOZC47AQ.js";

// src/registry/damage.ts
function describeDamage(damage, location) {
  return `${damage.key} in ${location} ${damage.problem}: ${damage.effect} (\`mlops models fsck\` lists every problem; \`--repair\` moves damaged objects aside)`;
}
function reportOnce(report) {
  const seen = /* @__PURE__ */ new Set();
  return (damage) => {
    if (seen.has(damage.key)) return;
    seen.add(damage.key);
    report?.(damage);
  };
}

// src/registry/names.ts
import { randomBytes } from "node:crypto";
var VERSION_ID = /^v(\d{8}T\d{9}Z)-[0-9a-f]{6}$/;
var COMPACT_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;
var SEQUENCE_REF = /^v?([1-9]\d{0,8})$/;
function newVersionId(at) {
  return `v${compactTime(at)}-${randomBytes(3).toString("hex")}`;
}
function compactTime(at) {
  return at.toISOString().replace(/[-:.]/g, "");
}
function parseCompactTime(text) {
  const m = COMPACT_TIME.exec(text);
  if (!m) return void 0;
  const [y = 0, mo = 1, d, h, mi, s, ms] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}
function versionTime(id) {
  const time = VERSION_ID.exec(id)?.[1];
  return time === void 0 ? void 0 : parseCompactTime(time);
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

// src/registry/manifest.ts
var MANIFEST_FORMAT_V1 = "mlops-kit/manifest@1";
var MANIFEST_FORMAT = "mlops-kit/manifest@2";
var SafeRelativePath = string().check(
  refine((value) => relativePathProblem(value) === void 0, {
    error: "not a safe relative path"
  })
);
var Name = string().check(_regex(NAME_PATTERN, { error: "not a valid name" }));
var FileEntry = object({
  /** Path inside the version (and, on pull, inside the output folder). */
  path: SafeRelativePath,
  size: number().check(int(), _gte(0)),
  sha256: string().check(_regex(/^[0-9a-f]{64}$/))
});
var ManifestSchema = object({
  format: _enum([MANIFEST_FORMAT_V1, MANIFEST_FORMAT]),
  model: Name,
  /** Unique and sortable without coordination: `v<UTC time to the ms>-<random>` (see newVersionId). */
  version: Name,
  /** The friendly number (1, 2, 3 ...): unique per model, in commit order. Absent on `@1` manifests. */
  sequence: optional(number().check(int(), _gte(1))),
  createdAt: string(),
  files: array(FileEntry),
  /**
   * Files the kit keeps with a version for its own use, by name: `predictions` (the evaluation predictions, for
   * paired significance tests against this version), `profile` (the training-data profile, the drift reference),
   * `report` (the run's HTML report), `card` (the model card) and `mlbom` (the CycloneDX ML-BOM; src/card/).
   */
  attachments: _default(record(string().check(_regex(NAME_PATTERN)), FileEntry), {}),
  metrics: record(string(), number()),
  slices: _default(
    array(
      object({
        column: string(),
        value: string(),
        rows: number(),
        metrics: record(string(), number())
      })
    ),
    []
  ),
  gate: nullable(object({ verdict: _enum(["pass", "fail", "error"]), baseline: nullable(string()) })),
  params: record(string(), unknown()),
  /**
   * The `--set` overrides (dotted `name`, `value` as read) that `params` include on top of the params committed at
   * `git.sha`: with any, that commit alone does not reproduce the version. Empty when there were none; absent when
   * not known (no train run, manifests of older kits).
   */
  overrides: optional(array(object({ name: string().check(_minLength(1)), value: unknown() }))),
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
          size: number().check(int(), _gte(0)),
          sha256: optional(string().check(_regex(/^[0-9a-f]{64}$/))),
          etag: optional(string().check(_minLength(1)))
        }).check(
          refine((file) => file.sha256 !== void 0 || file.etag !== void 0, {
            error: "a data file needs a sha256 or an etag"
          })
        )
      )
    })
  ),
  git: object({
    sha: nullable(string()),
    ref: nullable(string()),
    /**
     * The model was built from uncommitted changes on `sha` (src/pipeline/worktree.ts says which count). Absent
     * when that could not be known, and in manifests of older kits.
     */
    dirty: optional(boolean()),
    /** `sha256:<hex>` of those changes, null when clean. */
    diff: optional(nullable(string())),
    /** The changed paths (the first 20). */
    changed: optional(array(string()))
  }),
  /** The stage results the version was made from, by id (DOMAIN.md §6); absent in manifests of older kits. */
  chain: optional(
    object({ trainRun: nullable(string()), evaluation: nullable(string()), gate: nullable(string()) })
  ),
  /** owner/name of the repository that published it, when known. */
  repository: optional(nullable(string())),
  runUrl: nullable(string()),
  actor: nullable(string()),
  kitVersion: string()
}).check(
  refine((m) => m.format === MANIFEST_FORMAT_V1 || m.sequence !== void 0, {
    error: `a ${MANIFEST_FORMAT} manifest needs a sequence number`,
    path: ["sequence"]
  })
);
function describeVersion(manifest) {
  return `${manifest.model} ${manifest.version}${manifest.sequence === void 0 ? "" : ` (#${manifest.sequence})`}`;
}

// src/provenance/policy.ts
import { readFileSync } from "node:fs";
import path from "node:path";

// src/provenance/keys.ts
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
function keyIdOf(key) {
  return createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("hex");
}
function publicOf(key, algorithm) {
  return {
    key,
    keyid: keyIdOf(key),
    algorithm,
    pem: key.export({ type: "spki", format: "pem" }).toString()
  };
}
function readSigningKey(pem, from) {
  let privateKey;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new InputError(`the signing key from ${from} is not a PEM private key`, {
      hint: `give an ECDSA P-256 or Ed25519 key in PEM, e.g. from: openssl genpkey -algorithm ed25519`,
      cause: error
    });
  }
  const algorithm = keyAlgorithm(privateKey);
  if (!algorithm) {
    throw new InputError(`the signing key from ${from} ${unsupportedKeyKind(privateKey)}`, {
      hint: "make one with: openssl genpkey -algorithm ed25519"
    });
  }
  return { ...publicOf(createPublicKey(privateKey), algorithm), privateKey };
}
function readPublicKey(pem, from) {
  const problem = publicKeyProblem(pem);
  if (problem) throw new InputError(`the trusted key ${from} ${problem}`);
  const key = createPublicKey(pem);
  return publicOf(key, keyAlgorithm(key));
}

// src/provenance/policy.ts
var UnverifiedVersionError = class extends ExternalError {
  exitCode = 1;
};
function signingPolicy(signing, place) {
  const readFile = (relative, what) => {
    try {
      return readFileSync(path.resolve(place.root, relative), "utf8");
    } catch (error) {
      throw new InputError(`cannot read the ${what} ${relative}`, {
        hint: place.door?.pathsHint ?? "paths in registry.signing are relative to mlops.yml",
        cause: error
      });
    }
  };
  let trusted;
  return {
    require: signing?.require ?? false,
    requiredBy: place.door?.requiredBy ?? "registry.signing.require",
    signingKey() {
      if (!signing) return void 0;
      if (signing.key_env !== void 0) {
        const pem = place.env[signing.key_env];
        if (pem !== void 0 && pem.trim() !== "") return readSigningKey(pem, `$${signing.key_env}`);
      }
      if (signing.key_file !== void 0) {
        return readSigningKey(readFile(signing.key_file, "signing key file"), signing.key_file);
      }
      return void 0;
    },
    trustedKeys() {
      trusted ??= (signing?.trusted_keys ?? []).map(
        (entry, i) => entry.trimStart().startsWith("-----BEGIN") ? readPublicKey(entry, `registry.signing.trusted_keys[${i}]`) : readPublicKey(readFile(entry, "trusted key file"), entry)
      );
      return trusted;
    }
  };
}

// src/registry/aliases.ts
import { randomBytes as randomBytes3 } from "node:crypto";

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

// src/registry/quarantine.ts
import { randomBytes as randomBytes2 } from "node:crypto";
var quarantinePrefix = (model) => `${model}/quarantine/`;
function quarantineKey(model, key) {
  return `${quarantinePrefix(model)}${key.slice(`${model}/`.length)}`;
}
async function moveAside(store, model, key, body, now) {
  const base = quarantineKey(model, key);
  let target = base;
  while (!await store.create(target, body)) {
    target = `${base}~${compactTime(now)}-${randomBytes2(4).toString("hex")}`;
  }
  const current = await store.get(key);
  if (current !== void 0 && !current.equals(body)) return void 0;
  await store.delete(key);
  return target;
}
async function quarantinedVersions(store, model) {
  const prefix = `${quarantinePrefix(model)}versions/`;
  return new Set(await store.folders(prefix));
}
async function quarantinedEntries(store, model, alias) {
  return store.list(`${quarantinePrefix(model)}aliases/${alias}/`);
}

// src/registry/stored-manifest.ts
var versionKey = (model, version) => `${model}/versions/${version}`;
var manifestKey = (model, version) => `${versionKey(model, version)}/manifest.json`;
async function readManifest(store, model, version) {
  checkModelName(model);
  checkVersionName(version);
  const key = manifestKey(model, version);
  const damaged = (problem) => ({
    state: "damaged",
    damage: { model, key, kind: "manifest", subject: version, problem, effect: `version ${version} is hidden` }
  });
  const body = await getUnlessTooLarge(store, key);
  if (body === "too large") return damaged(TOO_LARGE);
  if (body === void 0) return { state: "absent" };
  const parsed = parseStoredJson(body, ManifestSchema, "mlops-kit manifest");
  if ("problem" in parsed) return damaged(parsed.problem);
  if (parsed.value.model !== model || parsed.value.version !== version) {
    return damaged(`describes ${parsed.value.model} ${parsed.value.version}, not ${model} ${version}`);
  }
  return { state: "present", manifest: parsed.value };
}
function parseStoredJson(body, schema, what) {
  let raw;
  try {
    raw = JSON.parse(body.toString("utf8"));
  } catch {
    return { problem: body.length === 0 ? "is empty" : "is not valid JSON (truncated, or changed outside mlops-kit)" };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { problem: `is not a valid ${what} (${field}${issue?.message ?? "invalid"})` };
}
var TOO_LARGE = "is far larger than any object mlops-kit writes (planted or changed outside mlops-kit)";
async function getUnlessTooLarge(store, key) {
  try {
    return await store.get(key);
  } catch (error) {
    if (error instanceof ObjectTooLargeError) return "too large";
    throw error;
  }
}
function damagedManifestError(damage, location) {
  return new ExternalError(`the manifest ${damage.key} in ${location} ${damage.problem}`, {
    hint: "it was changed outside mlops-kit. Listings hide this version; `mlops models fsck --repair` moves the manifest aside (its files are kept), or restore it from the bucket's versioning"
  });
}
function versionObjects(manifest) {
  return [
    ...manifest.files.map((entry) => ({ relative: `files/${entry.path}`, entry, attachment: null })),
    ...Object.entries(manifest.attachments).map(([name, entry]) => ({
      relative: `attachments/${entry.path}`,
      entry,
      attachment: name
    }))
  ];
}

// src/registry/aliases.ts
var Entry = object({
  alias: string().check(_regex(NAME_PATTERN)),
  from: nullable(string()),
  to: string().check(_regex(NAME_PATTERN)),
  at: iso_exports.datetime(),
  actor: nullable(string()),
  reason: string(),
  runUrl: nullable(string()),
  forced: _default(boolean(), false),
  kind: _default(_enum(["promote", "rollback"]), "promote"),
  delivery: optional(
    object({
      target: string(),
      environment: string(),
      approvals: array(object({ user: string(), comment: string(), state: _enum(["approved", "rejected"]) })),
      approvedBy: _enum(["environment", "dispatch", "none"]),
      deployment: nullable(object({ id: number().check(int()), url: nullable(string()) })),
      environmentUrl: nullable(string())
    })
  )
});
var ENTRY_NAME = /^((\d{8}T\d{9}Z)-[0-9a-f]{8})\.json(?:~[^/]*)?$/;
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
function keyTime(key) {
  const time = ENTRY_NAME.exec(key.slice(key.lastIndexOf("/") + 1))?.[2];
  return (time === void 0 ? void 0 : parseCompactTime(time))?.toISOString() ?? (/* @__PURE__ */ new Date(0)).toISOString();
}
var orderOf = (key) => ENTRY_NAME.exec(key.slice(key.lastIndexOf("/") + 1))?.[1] ?? "";
async function readEntry(store, model, alias, key, last) {
  const body = await getUnlessTooLarge(store, key);
  let problem;
  if (body === void 0) {
    problem = "disappeared while it was being read";
  } else if (body === "too large") {
    problem = TOO_LARGE;
  } else {
    const parsed = parseStoredJson(body, Entry, "alias-history entry");
    if ("value" in parsed && parsed.value.alias === alias) return { key, move: parsed.value };
    problem = "problem" in parsed ? parsed.problem : `belongs to alias ${parsed.value.alias}, not ${alias}`;
  }
  const at = keyTime(key);
  const effect = last ? `where ${alias} points is unknown; promoting a version repairs it` : `the move of ${alias} at ${at} is unknown; its other moves are read`;
  return { key, gap: { at, damage: { model, key, kind: "alias-entry", subject: alias, problem, effect } } };
}
async function readChain(store, model, alias, options) {
  const keys = options.keys ?? (await entryKeys(store, model, alias)).get(alias) ?? [];
  const live = await mapBounded(keys, 8, (key, i) => readEntry(store, model, alias, key, i === keys.length - 1));
  for (const link of live) if ("gap" in link && link.gap.damage) options.report(link.gap.damage);
  if (!options.movedAside) return live;
  const aside = (await quarantinedEntries(store, model, alias)).filter((key) => ENTRY_NAME.test(key.slice(key.lastIndexOf("/") + 1))).map((key) => ({ key, gap: { at: keyTime(key), damage: null } }));
  return [...live, ...aside].sort((a, b) => orderOf(a.key).localeCompare(orderOf(b.key)));
}
function chainRows(alias, links) {
  return links.map((link, i) => {
    if ("gap" in link) {
      const damage = link.gap.damage;
      return {
        gap: {
          alias,
          at: link.gap.at,
          key: link.key,
          state: damage ? "damaged" : "quarantined",
          problem: damage?.problem ?? null
        }
      };
    }
    const before = links[i - 1];
    return { move: { ...link.move, from: before && "move" in before ? before.move.to : null } };
  });
}
var rowAt = (row) => "move" in row ? row.move.at : row.gap.at;
async function aliasTimeline(store, model, alias, report) {
  const rows = [];
  for (const [name, keys] of await entryKeys(store, model, alias)) {
    const links = await readChain(store, model, name, { report, movedAside: true, keys });
    chainRows(name, links).forEach((row, i) => rows.push({ key: links[i]?.key ?? "", row }));
  }
  return rows.sort((a, b) => rowAt(a.row).localeCompare(rowAt(b.row)) || a.key.localeCompare(b.key)).map(({ row }) => row);
}
var movesOf = (rows) => rows.flatMap((row) => "move" in row ? [row.move] : []);
async function noSuchAliasError(store, model, alias) {
  const known = [...(await entryKeys(store, model)).keys()].sort();
  return new InputError(
    `${model} has no alias "${alias}": ` + (known.length > 0 ? `its aliases are ${known.join(", ")}` : "no alias has moved yet"),
    { hint: known.length > 0 ? "`mlops models history` lists every move" : "`mlops promote <version>` sets one" }
  );
}
async function currentAliases(store, model, report, only) {
  const current = /* @__PURE__ */ new Map();
  const groups = [...await entryKeys(store, model, only)];
  await mapBounded(groups, 8, async ([alias, keys]) => {
    const last = keys.at(-1);
    if (!last) return;
    const link = await readEntry(store, model, alias, last, true);
    if ("gap" in link && link.gap.damage) report(link.gap.damage);
    current.set(alias, link);
  });
  return current;
}
async function appendMove(store, model, move, report) {
  const last = (await currentAliases(store, model, report, move.alias)).get(move.alias);
  const requested = new Date(move.at);
  const lastAt = last === void 0 ? void 0 : "move" in last ? last.move.at : last.gap.at;
  const floor = lastAt === void 0 ? requested : new Date(Date.parse(lastAt) + 1);
  const at = requested < floor ? floor : requested;
  const entry = { ...move, from: last && "move" in last ? last.move.to : null, at: at.toISOString() };
  for (; ; ) {
    const key = `${aliasesPrefix(model, move.alias)}${compactTime(at)}-${randomBytes3(4).toString("hex")}.json`;
    if (await store.create(key, `${JSON.stringify(entry, null, 2)}
`)) return entry;
  }
}
function servingStack(links) {
  let stack = [];
  let below;
  for (const link of links) {
    if (!("move" in link)) {
      stack = [];
      below = link;
      continue;
    }
    const event = link.move;
    if (event.kind === "rollback") {
      const index = stack.lastIndexOf(event.to);
      if (index >= 0) stack.length = index + 1;
      else if (below) stack = [event.to];
      else stack.push(event.to);
    } else if (stack.at(-1) !== event.to) {
      stack.push(event.to);
    }
  }
  return { stack, below };
}
function linkInForce(links, date) {
  let found;
  for (const link of links) {
    const at = "move" in link ? link.move.at : link.gap.at;
    if (Date.parse(at) <= date.getTime()) found = link;
  }
  return found;
}
function linksDuring(links, start, end) {
  const time = (link) => Date.parse("move" in link ? link.move.at : link.gap.at);
  const first = linkInForce(links, start);
  const later = links.filter((link) => time(link) > start.getTime() && time(link) <= end.getTime());
  return [...first ? [first] : [], ...later];
}
function describeGap(link) {
  return link.gap.damage ? `its move at ${link.gap.at} (${link.key}) ${link.gap.damage.problem}` : `its move at ${link.gap.at} was damaged and moved aside by fsck (see the records under fsck/)`;
}
function unknownAliasError(model, alias, link, location) {
  return new ExternalError(`where ${alias} of ${model} points is unknown: ${describeGap(link)} (in ${location})`, {
    hint: `promote the version it should point at (mlops promote <version> --alias ${alias}): the new move repairs the alias; \`mlops models fsck\` lists every problem`
  });
}

// src/registry/alias-queries.ts
function aliasQueries(store, report, namedVersion) {
  const chainOf = (model, alias) => readChain(store, model, alias, { report, movedAside: true });
  const during = async (model, alias, start, end, named) => {
    checkModelName(model);
    const links = await chainOf(model, checkAliasName(alias));
    if (named && links.length === 0) throw await noSuchAliasError(store, model, alias);
    const inForce = linksDuring(links, start, end);
    const gap = inForce.find((link) => "gap" in link);
    if (gap && "gap" in gap) {
      const when = start.getTime() === end.getTime() ? `on ${start.toISOString()}` : `from ${start.toISOString()} to ${end.toISOString()}`;
      throw new ExternalError(`which version ${alias} of ${model} pointed at ${when} is unknown: ${describeGap(gap)}`, {
        hint: "`mlops models history` shows the moves before and after it"
      });
    }
    return inForce.flatMap((link) => "move" in link ? [link.move] : []);
  };
  return {
    async aliasTarget(model, alias, link) {
      if (!("move" in link)) throw unknownAliasError(model, alias, link, store.location);
      const manifest = await namedVersion(model, link.move.to);
      if (!manifest) {
        throw new ExternalError(
          `${alias} of ${model} points at ${link.move.to}, which is not in ${store.location} (its manifest is missing)`,
          { hint: `promote a version that exists: mlops promote <version> --alias ${alias}` }
        );
      }
      return manifest;
    },
    async rollbackTarget(model, alias) {
      checkModelName(model);
      checkAliasName(alias);
      const links = await chainOf(model, alias);
      const { stack, below } = servingStack(links);
      const current = stack.at(-1);
      const target = stack.at(-2);
      const last = links.at(-1);
      if (last && !("move" in last)) throw unknownAliasError(model, alias, last, store.location);
      if (!current) throw new InputError(`${model} has no alias ${alias} to roll back`);
      if (!target && below) {
        throw new ExternalError(
          `cannot roll back ${alias} of ${model}: the version it stood on before ${current} is unknown, because ${describeGap(below)}`,
          { hint: `promote the version it should go back to: mlops promote <version> --alias ${alias}` }
        );
      }
      if (!target) {
        throw new InputError(`${alias} of ${model} has nothing to roll back to: it has only ever stood on ${current}`, {
          hint: "promote another version instead: mlops promote <version>"
        });
      }
      return { current, target };
    },
    async timeline(model, alias) {
      checkModelName(model);
      if (alias === void 0) return aliasTimeline(store, model, void 0, report);
      const rows = await aliasTimeline(store, model, checkAliasName(alias), report);
      if (rows.length === 0) throw await noSuchAliasError(store, model, alias);
      return rows;
    },
    aliasAt: async (model, alias, date) => (await during(model, alias, date, date, false))[0],
    servedDuring: (model, alias, start, end) => during(model, alias, start, end, true)
  };
}

// src/registry/debris.ts
var DEBRIS_AGE_MS = 24 * 60 * 60 * 1e3;
async function findDebris(store, model, before) {
  const kept = await quarantinedVersions(store, model);
  const debris = [];
  for (const version of await store.folders(`${model}/versions/`)) {
    const started = versionTime(version);
    if (!started || started >= before || kept.has(version)) continue;
    if (await store.head(manifestKey(model, version)) !== void 0) continue;
    const keys = await store.list(`${versionKey(model, version)}/`);
    if (keys.length > 0) debris.push({ version, keys });
  }
  return debris;
}
async function removeDebris(store, debris) {
  let removed = 0;
  for (const { keys } of debris) {
    await mapBounded(keys, 8, (key) => store.delete(key));
    removed += keys.length;
  }
  return removed;
}

// src/registry/fsck.ts
import { mkdtemp as mkdtemp2, rm as rm2 } from "node:fs/promises";
import os2 from "node:os";
import path3 from "node:path";

// src/registry/download.ts
var DamagedFileError = class extends ExternalError {
};
async function fetchVerified(store, key, entry, target, onProgress) {
  try {
    const found = await store.download(key, target, {
      expected: { size: entry.size, sha256: entry.sha256 },
      ...onProgress ? { onProgress } : {}
    });
    return found ? "ok" : "missing";
  } catch (error) {
    if (error instanceof CorruptObjectError) return error;
    throw error;
  }
}
async function downloadFile(store, manifest, relative, entry, target, hooks = {}) {
  const report = (bytes, done) => hooks.onProgress?.({ direction: "download", path: entry.path, bytes, total: entry.size, done });
  const key = `${versionKey(manifest.model, manifest.version)}/${relative}`;
  const outcome = await fetchVerified(store, key, entry, target, (bytes) => report(bytes, false));
  if (outcome === "missing") {
    const why = await store.explainMissing?.(key);
    throw new DamagedFileError(
      `version ${manifest.version} of ${manifest.model} lists ${entry.path}, but the registry has no such file` + (why ? `: ${why}` : ""),
      { hint: "the version was damaged outside mlops-kit; publish again or roll back" }
    );
  }
  if (outcome !== "ok") {
    throw new DamagedFileError(
      `${entry.path} of ${manifest.model} ${manifest.version} is corrupted: the registry holds ${outcome.actual.size} bytes with sha256 ${outcome.actual.sha256.slice(0, 12)}\u2026, the manifest says ${entry.size} bytes with sha256 ${entry.sha256.slice(0, 12)}\u2026` + (outcome.explanation ? ` (${outcome.explanation})` : ""),
      {
        hint: "the stored object was changed or damaged after publishing; nothing was written. Publish again or roll back",
        cause: outcome
      }
    );
  }
  report(entry.size, true);
}

// src/registry/monitor-log.ts
import { randomBytes as randomBytes4 } from "node:crypto";
var MONITOR_LOG_FORMAT = "mlops-kit/monitor-log@1";
var MAX_LOG_OBJECT_BYTES = 1024 * 1024;
var WINDOW_KEY = {
  hour: /^\d{4}-\d{2}-\d{2}T\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  week: /^\d{4}-W\d{2}$/
};
var Window = object({
  key: string(),
  size: _enum(["hour", "day", "week"]),
  start: iso_exports.datetime({ offset: true }),
  end: iso_exports.datetime({ offset: true })
}).check(
  refine((w) => WINDOW_KEY[w.size].test(w.key), { error: "is not a key of a window of its size", path: ["key"] }),
  refine((w) => Date.parse(w.start) < Date.parse(w.end), { error: "ends before it starts", path: ["end"] })
);
var EntrySchema = object({
  window: Window,
  version: string().check(_regex(NAME_PATTERN)),
  computedAt: iso_exports.datetime({ offset: true }),
  runUrl: nullable(string()),
  result: record(string(), unknown())
});
var LogObject = object({
  format: literal(MONITOR_LOG_FORMAT),
  model: string(),
  alias: string(),
  entries: array(EntrySchema)
});
var OBJECT_NAME = /^(\d{8}T\d{9}Z)-[0-9a-f]{8}\.json$/;
var monitorLogPrefix = (model, alias) => alias === void 0 ? `${model}/monitor/` : `${model}/monitor/${alias}/`;
async function logKeys(store, model, alias) {
  const prefix = monitorLogPrefix(model, alias);
  return (await store.list(prefix)).filter((key) => OBJECT_NAME.test(key.slice(prefix.length))).sort();
}
async function readLogObject(store, model, alias, key) {
  const read = parseLogObject(await getUnlessTooLarge(store, key), model, alias);
  if (typeof read !== "string") return { key, entries: read };
  const effect = `the monitoring results it holds are left out of the log of ${alias}; the rest of the log is read`;
  return { key, damage: { model, key, kind: "monitor-log", subject: alias, problem: read, effect } };
}
function parseLogObject(body, model, alias) {
  if (body === void 0) return "disappeared while it was being read";
  if (body === "too large") return TOO_LARGE;
  const parsed = parseStoredJson(body, LogObject, "monitoring-log object");
  if ("problem" in parsed) return parsed.problem;
  if (parsed.value.model !== model || parsed.value.alias !== alias) {
    return `belongs to the log of ${parsed.value.model} ${parsed.value.alias}, not ${model} ${alias}`;
  }
  return parsed.value.entries;
}
async function readLogObjects(store, model, alias) {
  const keys = await logKeys(store, model, alias);
  return mapBounded(keys, 8, (key) => readLogObject(store, model, alias, key));
}
async function readMonitorLog(store, model, alias, report) {
  const entries = [];
  for (const read of await readLogObjects(store, model, alias)) {
    if ("damage" in read) report(read.damage);
    else for (const entry of read.entries) entries.push({ ...entry, key: read.key });
  }
  const newest = /* @__PURE__ */ new Map();
  for (const entry of entries) newest.set(entry.window.key, entry);
  const latest = [...newest.values()].sort(
    (a, b) => Date.parse(a.window.start) - Date.parse(b.window.start) || a.window.key.localeCompare(b.window.key)
  );
  return { entries, latest };
}
async function appendMonitorLog(store, model, alias, entries, options) {
  if (entries.length === 0) return [];
  const limit = options.maxObjectBytes ?? MAX_LOG_OBJECT_BYTES;
  const ordered = entries.map((entry) => checkedEntry(entry)).sort((a, b) => Date.parse(a.window.start) - Date.parse(b.window.start));
  const chunks = splitBySize(ordered, model, alias, limit);
  const last = (await logKeys(store, model, alias)).at(-1);
  const lastTime = last === void 0 ? void 0 : parseCompactTime(OBJECT_NAME.exec(last.slice(last.lastIndexOf("/") + 1))?.[1] ?? "");
  let at = lastTime && lastTime >= options.now ? new Date(lastTime.getTime() + 1) : options.now;
  const keys = [];
  for (const chunk of chunks) {
    keys.push(await createObject(store, monitorLogPrefix(model, alias), at, chunk));
    at = new Date(at.getTime() + 1);
  }
  return keys;
}
function checkedEntry(entry) {
  const parsed = EntrySchema.safeParse(entry);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `the monitoring-log entry of window ${String(entry.window?.key)} is not valid (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}): a bug in what computed it`
  );
}
function splitBySize(entries, model, alias, limit) {
  const head = `{"format":${JSON.stringify(MONITOR_LOG_FORMAT)},"model":${JSON.stringify(model)},"alias":${JSON.stringify(alias)},"entries":[`;
  const tail = "]}\n";
  const empty = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const bodies = [];
  let parts = [];
  let size = empty;
  for (const entry of entries) {
    const text = JSON.stringify(entry);
    const bytes = Buffer.byteLength(text);
    if (empty + bytes > limit) {
      throw new Error(
        `the monitoring-log entry of window ${entry.window.key} holds ${bytes} bytes of JSON, more than one log object may (${limit}): a bug in what computed it`
      );
    }
    const added = parts.length === 0 ? bytes : bytes + 1;
    if (size + added > limit) {
      bodies.push(head + parts.join(",") + tail);
      parts = [];
      size = empty;
    }
    size += parts.length === 0 ? bytes : bytes + 1;
    parts.push(text);
  }
  if (parts.length > 0) bodies.push(head + parts.join(",") + tail);
  return bodies;
}
async function createObject(store, prefix, at, body) {
  for (; ; ) {
    const key = `${prefix}${compactTime(at)}-${randomBytes4(4).toString("hex")}.json`;
    if (await store.create(key, body)) return key;
  }
}

// src/registry/scoring-log.ts
var SCORING_RECORD_FORMAT = "mlops-kit/scoring-record@1";
var DataFileSchema = object({
  path: string(),
  size: number().check(int(), _nonnegative()),
  sha256: optional(string()),
  etag: optional(string())
});
var RecordSchema = object({
  /** The alias that named the version, or null when a version was named directly. */
  alias: nullable(string().check(_regex(NAME_PATTERN))),
  version: string().check(_regex(NAME_PATTERN)),
  scoredAt: iso_exports.datetime({ offset: true }),
  runUrl: nullable(string()),
  input: object({
    fingerprint: string().check(_regex(/^[0-9a-f]{16}$/)),
    files: array(DataFileSchema),
    rows: number().check(int(), _nonnegative())
  }),
  output: object({
    location: string(),
    format: _enum(["csv", "jsonl", "parquet"]),
    parts: number().check(int(), _positive()),
    rows: number().check(int(), _nonnegative())
  }),
  /** How many matrix legs scored it (1 without a matrix). */
  shards: number().check(int(), _positive())
});
var RecordObject = object({ format: literal(SCORING_RECORD_FORMAT), model: string(), record: RecordSchema });
var OBJECT_NAME2 = /^\d{8}T\d{9}Z-[0-9a-f]{8}\.json$/;
var scoringPrefix = (model) => `${model}/scoring/`;
async function appendScoringRecord(store, model, record2, now) {
  const parsed = RecordSchema.safeParse(record2);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `the scoring record is not valid (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}): a bug in what made it`
    );
  }
  const body = `${JSON.stringify({ format: SCORING_RECORD_FORMAT, model, record: parsed.data }, null, 2)}
`;
  return createObject(store, scoringPrefix(model), now, body);
}
async function readScoringLog(store, model, report) {
  const prefix = scoringPrefix(model);
  const keys = (await store.list(prefix)).filter((key) => OBJECT_NAME2.test(key.slice(prefix.length))).sort();
  const reads = await mapBounded(keys, 8, async (key) => ({
    key,
    read: parseRecord(await getUnlessTooLarge(store, key), model)
  }));
  const records = [];
  for (const { key, read } of reads) {
    if (typeof read !== "string") records.push({ ...read, key });
    else
      report({
        model,
        key,
        kind: "scoring-record",
        subject: model,
        problem: read,
        effect: "that scoring run is left out of the scoring log; the rest of the log is read"
      });
  }
  return records;
}
function parseRecord(body, model) {
  if (body === void 0) return "disappeared while it was being read";
  if (body === "too large") return TOO_LARGE;
  const parsed = parseStoredJson(body, RecordObject, "scoring record");
  if ("problem" in parsed) return parsed.problem;
  if (parsed.value.model !== model) return `is a scoring record of model ${parsed.value.model}, not ${model}`;
  return parsed.value.record;
}

// src/registry/records.ts
import { randomBytes as randomBytes5 } from "node:crypto";
async function writeRecord(store, model, kind, at, record2) {
  for (; ; ) {
    const key = `${model}/${kind}/${compactTime(at)}-${randomBytes5(4).toString("hex")}.json`;
    if (await store.create(key, `${JSON.stringify(record2, null, 2)}
`)) return key;
  }
}

// src/registry/signature.ts
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";

// src/provenance/model-signing.ts
import { createHash as createHash2, sign as cryptoSign, verify as cryptoVerify } from "node:crypto";
var BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
var PAYLOAD_TYPE = "application/vnd.in-toto+json";
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var PREDICATE_TYPE = "https://model_signing/signature/v1.0";
var Hex64 = string().check(_regex(/^[0-9a-f]{64}$/));
var BundleSchema = object({
  mediaType: literal(BUNDLE_MEDIA_TYPE),
  verificationMaterial: looseObject({ publicKey: optional(object({ hint: string() })) }),
  dsseEnvelope: object({
    payload: base64(),
    payloadType: string(),
    signatures: array(object({ sig: base64(), keyid: optional(string()) })).check(_minLength(1))
  })
});
var StatementSchema = object({
  _type: literal(STATEMENT_TYPE),
  subject: array(object({ name: string(), digest: object({ sha256: Hex64 }) })).check(_length(1)),
  predicateType: literal(PREDICATE_TYPE),
  predicate: object({
    serialization: looseObject({ method: string(), hash_type: literal("sha256") }),
    resources: array(object({ name: string(), algorithm: literal("sha256"), digest: Hex64 })),
    mlops_kit: object({ model: string(), version: string(), manifest: object({ sha256: Hex64 }) })
  })
});
function pae(payloadType, payload) {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}
var byName = (a, b) => Buffer.compare(Buffer.from(a.name, "utf8"), Buffer.from(b.name, "utf8"));
function rootDigest(resources) {
  const hash = createHash2("sha256");
  for (const resource of resources) hash.update(Buffer.from(resource.digest, "hex"));
  return hash.digest("hex");
}
var sha256Hex = (bytes) => createHash2("sha256").update(bytes).digest("hex");
function statementFor(manifest, manifestBytes2) {
  const resources = manifest.files.map((file) => ({ name: file.path, algorithm: "sha256", digest: file.sha256 })).sort(byName);
  const statement = {
    _type: STATEMENT_TYPE,
    subject: [{ name: manifest.model, digest: { sha256: rootDigest(resources) } }],
    predicateType: PREDICATE_TYPE,
    predicate: {
      serialization: { method: "files", hash_type: "sha256", allow_symlinks: false, ignore_paths: [] },
      resources,
      mlops_kit: { model: manifest.model, version: manifest.version, manifest: { sha256: sha256Hex(manifestBytes2) } }
    }
  };
  return Buffer.from(JSON.stringify(statement), "utf8");
}
function signStatement(payload, key) {
  const sig = cryptoSign(key.algorithm === "ed25519" ? null : "sha256", pae(PAYLOAD_TYPE, payload), key.privateKey);
  const bundle = {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: sha256Hex(Buffer.from(key.pem)) }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString("base64"),
      payloadType: PAYLOAD_TYPE,
      signatures: [{ sig: sig.toString("base64"), keyid: key.keyid }]
    }
  };
  return `${JSON.stringify(bundle, null, 2)}
`;
}
function parseBundle(bytes) {
  let raw;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch {
    return { problem: bytes.length === 0 ? "is empty" : "is not valid JSON" };
  }
  const parsed = BundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return { problem: `is not a model-signing bundle (${field}${issue?.message ?? "invalid"})` };
  }
  return { bundle: parsed.data };
}
function checkEnvelope(bundle, trusted) {
  const envelope = bundle.dsseEnvelope;
  const payload = Buffer.from(envelope.payload, "base64");
  const signed = pae(envelope.payloadType, payload);
  let untrusted = null;
  let failed = null;
  for (const signature of envelope.signatures) {
    const candidates = signature.keyid ? trusted.filter((key) => key.keyid === signature.keyid) : trusted;
    if (candidates.length === 0) untrusted ??= signature.keyid ?? null;
    for (const key of candidates) {
      const sig = Buffer.from(signature.sig, "base64");
      const valid = cryptoVerify(key.algorithm === "ed25519" ? null : "sha256", signed, key.key, sig);
      if (!valid) {
        failed ??= key.keyid;
        continue;
      }
      const read = readStatement(envelope.payloadType, payload);
      if ("problem" in read) return { ok: false, reason: "malformed", keyid: key.keyid, problem: read.problem };
      return { ok: true, keyid: key.keyid, signed: read.signed };
    }
  }
  if (failed !== null) {
    return {
      ok: false,
      reason: "bad-signature",
      keyid: failed,
      problem: `its signature does not verify with the trusted key ${failed}: the signed statement was changed after signing`
    };
  }
  return {
    ok: false,
    reason: "untrusted-key",
    keyid: untrusted,
    problem: untrusted === null ? "it is signed by none of the trusted keys" : `it is signed by the key ${untrusted}, which is not among registry.signing.trusted_keys`
  };
}
function readStatement(payloadType, payload) {
  if (payloadType !== PAYLOAD_TYPE) return { problem: `its payload is ${payloadType}, not ${PAYLOAD_TYPE}` };
  let raw;
  try {
    raw = JSON.parse(payload.toString("utf8"));
  } catch {
    return { problem: "its payload is not JSON" };
  }
  const parsed = StatementSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `its payload is not a model-signing v1.0 statement (${issue?.path.join(".")}: ${issue?.message})`
    };
  }
  const { subject, predicate } = parsed.data;
  if (rootDigest(predicate.resources) !== subject[0]?.digest.sha256) {
    return { problem: "its statement is inconsistent: the subject's digest is not that of its resources" };
  }
  return {
    signed: {
      model: predicate.mlops_kit.model,
      version: predicate.mlops_kit.version,
      manifestSha256: predicate.mlops_kit.manifest.sha256,
      files: new Map(predicate.resources.map((r) => [r.name, r.digest]))
    }
  };
}

// src/registry/signature.ts
var signatureKey = (model, version) => `${versionKey(model, version)}/model.sig`;
async function manifestBytes(store, manifest) {
  const bytes = await store.get(manifestKey(manifest.model, manifest.version));
  if (!bytes) throw new ExternalError(`${manifest.model} ${manifest.version} has no manifest in ${store.location}`);
  return bytes;
}
async function signVersion(store, manifest, key) {
  const payload = statementFor(manifest, await manifestBytes(store, manifest));
  const target = signatureKey(manifest.model, manifest.version);
  if (await store.create(target, signStatement(payload, key))) return { state: "signed", key: target };
  const existing = await getUnlessTooLarge(store, target);
  const parsed = existing === void 0 || existing === "too large" ? void 0 : parseBundle(existing);
  if (parsed && "bundle" in parsed) {
    const check = checkEnvelope(parsed.bundle, [key]);
    if (check.ok && Buffer.from(parsed.bundle.dsseEnvelope.payload, "base64").equals(payload)) {
      return { state: "already", key: target };
    }
  }
  throw new InputError(`${manifest.model} ${manifest.version} already has another signature (${target})`, {
    hint: "a signature is never replaced: `mlops verify` says whose it is and whether it holds"
  });
}
var label = (manifest) => `${manifest.model} ${manifest.version}`;
async function verifyVersion(store, manifest, trusted, options = {}) {
  const fail = (reason, problem, keyid2 = null) => ({ verified: false, reason, keyid: keyid2, problem });
  const key = signatureKey(manifest.model, manifest.version);
  const stored = await getUnlessTooLarge(store, key);
  if (stored === void 0) return fail("missing-signature", `${label(manifest)} is not signed: ${key} is missing`);
  if (stored === "too large") return fail("malformed-signature", `the signature ${key} ${TOO_LARGE}`);
  const parsed = parseBundle(stored);
  if ("problem" in parsed) return fail("malformed-signature", `the signature ${key} ${parsed.problem}`);
  const check = checkEnvelope(parsed.bundle, trusted);
  if (!check.ok) {
    const reason = check.reason === "malformed" ? "malformed-signature" : check.reason;
    return fail(reason, `the signature of ${label(manifest)} does not hold: ${check.problem}`, check.keyid);
  }
  const { signed, keyid } = check;
  if (signed.model !== manifest.model || signed.version !== manifest.version) {
    return fail(
      "other-version",
      `the signature of ${label(manifest)} signs another version's manifest: ${signed.model} ${signed.version}`,
      keyid
    );
  }
  const actual = sha256Hex(await manifestBytes(store, manifest));
  if (actual !== signed.manifestSha256) {
    return fail(
      "tampered-manifest",
      `the manifest of ${label(manifest)} was changed after it was signed: its sha256 is ${actual}, the signature says ${signed.manifestSha256}`,
      keyid
    );
  }
  const listed = manifest.files.map((file) => [file.path, file.sha256].join(" ")).sort();
  const inStatement = [...signed.files].map(([name, digest]) => [name, digest].join(" ")).sort();
  if (listed.join("\n") !== inStatement.join("\n")) {
    return fail("tampered-manifest", `the files of ${label(manifest)} are not the files its signature lists`, keyid);
  }
  if (options.files === false) return { verified: true, keyid, files: manifest.files.length, attachments: [] };
  const base = versionKey(manifest.model, manifest.version);
  const attachments = Object.entries(manifest.attachments).sort(([a], [b]) => a.localeCompare(b));
  const objects = [
    ...manifest.files.map((file) => ({
      entry: file,
      key: `${base}/files/${checkFilePath(file.path)}`,
      what: file.path
    })),
    ...attachments.map(([name, entry]) => ({
      entry,
      key: `${base}/attachments/${checkFilePath(entry.path)}`,
      what: `the ${name} attachment (${entry.path})`,
      attachment: true
    }))
  ];
  const scratch = await mkdtemp(path2.join(os.tmpdir(), "mlops-verify-"));
  try {
    for (const [i, object2] of objects.entries()) {
      const target = path2.join(scratch, String(i));
      const outcome = await fetchVerified(store, object2.key, object2.entry, target);
      await rm(target, { force: true });
      const attachment = "attachment" in object2;
      if (outcome === "missing") {
        const why = await store.explainMissing?.(object2.key);
        return fail(
          attachment ? "missing-attachment" : "missing-file",
          `${object2.what} of ${label(manifest)} is missing${why ? `: ${why}` : ""}`,
          keyid
        );
      }
      if (outcome !== "ok") {
        return fail(
          attachment ? "tampered-attachment" : "tampered-file",
          `${object2.what} of ${label(manifest)} was changed after it was signed: its sha256 is ${outcome.actual.sha256}, the ${attachment ? "signed manifest" : "signature"} says ${object2.entry.sha256}`,
          keyid
        );
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { verified: true, keyid, files: manifest.files.length, attachments: attachments.map(([name]) => name) };
}
async function signatureShapeProblem(store, manifest) {
  const stored = await getUnlessTooLarge(store, signatureKey(manifest.model, manifest.version));
  if (stored === void 0) return void 0;
  if (stored === "too large") return TOO_LARGE;
  const parsed = parseBundle(stored);
  return "problem" in parsed ? parsed.problem : void 0;
}

// src/registry/fsck.ts
var FSCK_RECORD_FORMAT = "mlops-kit/fsck@1";
async function fsckModel(store, model, options) {
  const report = {
    model,
    location: store.location,
    checked: { versions: 0, files: 0, bytes: 0, aliases: 0, entries: 0 },
    problems: [],
    young: [],
    record: null
  };
  const scratch = await mkdtemp2(path3.join(os2.tmpdir(), "mlops-fsck-"));
  try {
    const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
    const readable = /* @__PURE__ */ new Map();
    const damaged = /* @__PURE__ */ new Set();
    const perVersion = await mapBounded(ids, 4, async (id) => {
      const read = await readManifest(store, model, id);
      if (read.state === "absent") return [];
      if (read.state === "damaged") {
        damaged.add(id);
        const { key: key2, problem } = read.damage;
        return [await repairable(`${key2} ${problem}: version ${id} is hidden`, key2, options, store, model)];
      }
      readable.set(id, read.manifest);
      const objects = await checkObjects(store, read.manifest, path3.join(scratch, id), report.checked);
      const signature = await signatureShapeProblem(store, read.manifest);
      if (signature === void 0) return objects;
      const key = signatureKey(model, id);
      return [
        ...objects,
        await repairable(`${key} ${signature}: version ${id} cannot be verified`, key, options, store, model)
      ];
    });
    report.problems.push(...perVersion.flat());
    report.checked.versions = readable.size;
    const debris = await findDebris(store, model, options.debrisBefore);
    const old = new Set(debris.map((d) => d.version));
    for (const item of debris) {
      const removed = options.repair ? await removeDebris(store, [item]) : 0;
      report.problems.push({
        key: `${versionKey(model, item.version)}/`,
        problem: `${item.version} has ${item.keys.length} object(s) but no manifest: what a publish interrupted more than a day ago left behind`,
        repaired: options.repair ? `removed ${removed} object(s)` : null,
        advice: null
      });
    }
    if (options.repair) {
      const aborted = await store.discardIncomplete(`${model}/versions/`, options.debrisBefore);
      if (aborted > 0) {
        report.problems.push({
          key: `${model}/versions/`,
          problem: `${aborted} unfinished upload(s) older than a day`,
          repaired: `aborted ${aborted}`,
          advice: null
        });
      }
    }
    const kept = await quarantinedVersions(store, model);
    for (const id of ids) {
      if (readable.has(id) || damaged.has(id) || old.has(id) || kept.has(id)) continue;
      if ((await store.list(`${versionKey(model, id)}/`)).length > 0) report.young.push(id);
    }
    for (const [alias, keys] of await entryKeys(store, model)) {
      report.checked.aliases++;
      report.checked.entries += keys.length;
      report.problems.push(...await checkAlias(store, model, alias, keys, readable, options));
    }
    for (const alias of await store.folders(monitorLogPrefix(model))) {
      if (!NAME_PATTERN.test(alias)) continue;
      for (const read of await readLogObjects(store, model, alias)) {
        if (!("damage" in read)) continue;
        const what = `${read.key} ${read.damage.problem}: ${read.damage.effect}`;
        report.problems.push(await repairable(what, read.key, options, store, model));
      }
    }
    const scoring = [];
    await readScoringLog(store, model, (damage) => scoring.push(damage));
    for (const damage of scoring) {
      const what = `${damage.key} ${damage.problem}: ${damage.effect}`;
      report.problems.push(await repairable(what, damage.key, options, store, model));
    }
    if (options.repair) report.record = await recordRepairs(store, model, report, options);
    return report;
  } finally {
    await rm2(scratch, { recursive: true, force: true });
  }
}
async function checkObjects(store, manifest, scratch, checked) {
  const base = versionKey(manifest.model, manifest.version);
  const entries = versionObjects(manifest).map(({ relative, entry }) => ({ key: `${base}/${relative}`, entry }));
  const advice = `its bytes are gone, so fsck cannot repair it: restore the object from the bucket's versioning or a backup, or publish again (and promote another version if an alias points at ${manifest.version})`;
  const problems = [];
  for (const [i, { key, entry }] of entries.entries()) {
    checked.files++;
    checked.bytes += entry.size;
    const head = await store.head(key);
    let problem;
    if (head === void 0) {
      problem = `${manifest.version} lists ${entry.path}, but the registry has no such object`;
    } else if (head.size !== entry.size) {
      problem = `${entry.path} of ${manifest.version} holds ${head.size} bytes; its manifest says ${entry.size}`;
    } else {
      const outcome = await fetchVerified(store, key, entry, path3.join(scratch, String(i)));
      await rm2(path3.join(scratch, String(i)), { force: true });
      if (outcome === "missing")
        problem = `${manifest.version} lists ${entry.path}, but the registry has no such object`;
      else if (outcome !== "ok") {
        problem = `${entry.path} of ${manifest.version} is corrupted: its sha256 is ${outcome.actual.sha256.slice(0, 12)}\u2026, its manifest says ${entry.sha256.slice(0, 12)}\u2026`;
      }
    }
    if (problem) problems.push({ key, problem, repaired: null, advice });
  }
  return problems;
}
async function checkAlias(store, model, alias, keys, readable, options) {
  const links = await readChain(store, model, alias, { report: () => void 0, movedAside: false, keys });
  const problems = [];
  for (const [i, link] of links.entries()) {
    if (!("gap" in link) || !link.gap.damage) continue;
    const what = `${link.key} ${link.gap.damage.problem}`;
    if (i < links.length - 1) {
      problems.push(
        await repairable(`${what}: the move of ${alias} at ${link.gap.at} is unknown`, link.key, options, store, model)
      );
    } else {
      problems.push({
        key: link.key,
        problem: `${what}: it is the last move of ${alias}, so where ${alias} points is unknown`,
        repaired: null,
        advice: `fsck cannot know where ${alias} should point: promote that version (mlops promote <version> --alias ${alias}), then run \`mlops models fsck --repair\` again to move this entry aside`
      });
    }
  }
  const last = links.at(-1);
  if (last && "move" in last && !readable.has(last.move.to)) {
    problems.push({
      key: last.key,
      problem: `${alias} points at ${last.move.to}, which is not a readable version of ${model}`,
      repaired: null,
      advice: `promote a version that exists (mlops promote <version> --alias ${alias})`
    });
  }
  return problems;
}
async function repairable(problem, key, options, store, model) {
  if (!options.repair) return { key, problem, repaired: null, advice: null };
  const body = await getUnlessTooLarge(store, key);
  if (body === void 0) return { key, problem, repaired: "already gone when fsck came to move it", advice: null };
  if (body === "too large") {
    return {
      key,
      problem,
      repaired: null,
      advice: "it is too large to move aside through memory: delete it by hand, or restore it from the bucket's versioning"
    };
  }
  const target = await moveAside(store, model, key, body, options.now);
  return target === void 0 ? { key, problem, repaired: null, advice: "it changed while fsck ran and was left in place: run fsck again" } : { key, problem, repaired: `moved aside to ${target}`, advice: null };
}
async function recordRepairs(store, model, report, options) {
  const repaired = report.problems.filter((p) => p.repaired !== null);
  if (repaired.length === 0) return null;
  const record2 = {
    format: FSCK_RECORD_FORMAT,
    model,
    at: options.now.toISOString(),
    actor: options.actor,
    repaired: repaired.map(({ key, problem, repaired: action }) => ({ key, problem, action })),
    unrepaired: report.problems.filter((p) => p.repaired === null).map(({ key, problem, advice }) => ({ key, problem, advice }))
  };
  return writeRecord(store, model, "fsck", options.now, record2);
}

// src/registry/pull.ts
import { randomBytes as randomBytes6 } from "node:crypto";
import { lstat, mkdir, mkdtemp as mkdtemp3, open, readdir, realpath, rename, rm as rm3, stat } from "node:fs/promises";
import path4 from "node:path";
async function pullInto(store, manifest, out, options = {}) {
  const outDir = path4.resolve(out);
  const parent = path4.dirname(outDir);
  if (parent === outDir) throw new InputError(`cannot pull into ${outDir}: it is the root folder`);
  const relatives = checkLayout(manifest);
  const stem = path4.basename(outDir).slice(0, 100);
  const notes = await recoverLeftovers(parent, stem, outDir);
  const state = await folderState(outDir);
  if (state === "full" && !options.force) {
    throw new InputError(`cannot pull into ${outDir}: it is not empty`, {
      hint: "choose a new folder, or add --force to replace the folder whole"
    });
  }
  if (state !== "absent") refuseProtected(outDir, options.protect ?? []);
  const failed = (error) => describeDiskError(error, outDir, parent);
  const created = await makeParents(parent).catch((error) => Promise.reject(failed(error)));
  let staging;
  let aside;
  try {
    staging = await mkdtemp3(path4.join(parent, `.${stem}.mlops-pull-${process.pid}-`));
    for (const [i, file] of manifest.files.entries()) {
      const relative = relatives[i];
      const target = path4.join(staging, ...relative.split("/"));
      await downloadFile(store, manifest, `files/${relative}`, file, target, options);
      await flush(target);
    }
    await flushFolder(staging);
    if (state === "full") {
      aside = path4.join(parent, `.${stem}.mlops-old-${process.pid}-${randomBytes6(4).toString("hex")}`);
      await rename(outDir, aside);
      try {
        await rename(staging, outDir);
      } catch (error) {
        await rename(aside, outDir);
        throw error;
      }
    } else {
      await rename(staging, outDir);
    }
    staging = void 0;
  } catch (error) {
    if (staging) await rm3(staging, { recursive: true, force: true });
    if (created) await rm3(created, { recursive: true, force: true });
    if (isErrnoException(error, "ENOTEMPTY") || isErrnoException(error, "EEXIST")) {
      throw new InputError(`cannot pull into ${outDir}: something else wrote it while the files were downloading`, {
        hint: "nothing of this pull was kept; pull again",
        cause: error
      });
    }
    throw failed(error);
  }
  if (aside) {
    await rm3(aside, { recursive: true, force: true }).catch(
      (error) => notes.push(`could not remove the replaced folder ${aside}: ${error.message}`)
    );
  }
  await flushFolder(parent);
  return {
    files: relatives.map((relative) => path4.join(outDir, ...relative.split("/"))),
    replaced: state === "full",
    notes
  };
}
function checkLayout(manifest) {
  const paths = manifest.files.map((file) => checkFilePath(file.path));
  const seen = /* @__PURE__ */ new Set();
  for (const file of paths) {
    if (seen.has(file))
      throw new ExternalError(`the manifest of ${manifest.model} ${manifest.version} lists ${file} twice`);
    seen.add(file);
  }
  for (const file of paths) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder2 = parts.slice(0, i).join("/");
      if (seen.has(folder2)) {
        throw new ExternalError(
          `the manifest of ${manifest.model} ${manifest.version} lists ${folder2} both as a file and as a folder`
        );
      }
    }
  }
  return paths;
}
async function folderState(outDir) {
  let info;
  try {
    info = await lstat(outDir);
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return "absent";
    if (isErrnoException(error, "ENOTDIR")) {
      const file = await fileOnTheWay(outDir);
      throw new InputError(`cannot pull into ${outDir}: ${file} is a file, not a folder`, {
        hint: "choose another --out",
        cause: error
      });
    }
    throw describeDiskError(error, outDir, outDir);
  }
  if (info.isSymbolicLink()) {
    const target = await realpath(outDir).catch(() => "a missing path");
    throw new InputError(`cannot pull into ${outDir}: it is a symbolic link (to ${target})`, {
      hint: "name the folder itself as --out; a pull never replaces a link"
    });
  }
  if (!info.isDirectory()) {
    throw new InputError(`cannot pull into ${outDir}: it is ${describeKind(info)}, not a folder`, {
      hint: "choose another --out"
    });
  }
  return (await readdir(outDir)).length === 0 ? "empty" : "full";
}
function describeKind(info) {
  if (info.isFile()) return "a file";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  return "a device";
}
async function fileOnTheWay(target) {
  for (let current = path4.dirname(target); ; current = path4.dirname(current)) {
    const info = await stat(current).catch(() => void 0);
    if (info && !info.isDirectory()) return current;
    if (path4.dirname(current) === current) return target;
  }
}
function refuseProtected(outDir, protect) {
  const held = protect.find((folder2) => isInside(outDir, folder2));
  if (held !== void 0) {
    throw new InputError(
      `refusing to replace ${outDir}: ${path4.resolve(held) === outDir ? "it is" : "it holds"} ${held}`,
      {
        hint: "a pull puts a new folder in the place of --out: pull into a folder of its own (e.g. --out model/)"
      }
    );
  }
}
async function makeParents(folder2) {
  const missing = [];
  for (let current = folder2; ; current = path4.dirname(current)) {
    const info = await stat(current).catch((error) => {
      if (isErrnoException(error, "ENOENT")) return void 0;
      throw error;
    });
    if (info) break;
    missing.push(current);
    if (path4.dirname(current) === current) break;
  }
  for (const current of [...missing].reverse()) {
    await mkdir(current).catch((error) => {
      if (!isErrnoException(error, "EEXIST")) throw error;
    });
  }
  return missing.at(-1);
}
async function flush(file) {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function flushFolder(folder2) {
  await flush(folder2).catch(() => void 0);
}
var LEFTOVER = /^\.(.*)\.mlops-(pull|old)-(\d+)-[A-Za-z0-9]+$/;
async function recoverLeftovers(parent, stem, outDir) {
  const names = await readdir(parent).catch(() => []);
  const notes = [];
  for (const name of names.sort()) {
    const match = LEFTOVER.exec(name);
    if (!match || match[1] !== stem || isRunning(Number(match[3]))) continue;
    const leftover = path4.join(parent, name);
    if (match[2] === "old" && await folderState(outDir).catch(() => "full") === "absent") {
      await rename(leftover, outDir);
      notes.push(`put back ${outDir}, which a killed pull --force had moved aside to ${name}`);
    } else {
      await rm3(leftover, { recursive: true, force: true });
      notes.push(`removed ${name}, left by a killed pull`);
    }
  }
  return notes;
}
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrnoException(error, "EPERM");
  }
}
var DISK_REASONS = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EFBIG: "a file is larger than this file system or the process's file-size limit allows",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOENT: "folders cannot be created there",
  EBUSY: "the folder is busy (a mount point?)",
  EXDEV: "the folder is on another file system than its parent (a mount point?)",
  ENAMETOOLONG: "the name is too long",
  EIO: "the disk reported an I/O error"
};
function describeDiskError(error, outDir, parent) {
  if (!isErrnoException(error) || error.code === void 0) return asError(error);
  if (error.path !== void 0 && !isInside(parent, error.path)) {
    return new ExternalError(`cannot read ${error.path}: ${error.message}`, { cause: error });
  }
  const reason = DISK_REASONS[error.code] ?? error.message;
  const where = error.path && error.path !== outDir ? ` (at ${error.path})` : "";
  return new InputError(`cannot pull into ${outDir}: ${reason}${where}`, {
    hint: `nothing was changed: ${outDir} is as it was`,
    cause: error
  });
}

// src/registry/prune.ts
var PRUNE_RECORD_FORMAT = "mlops-kit/prune@1";
var GRACE_MS = DEBRIS_AGE_MS;
async function pruneModel(store, model, options) {
  const report = {
    model,
    location: store.location,
    keep: options.keep,
    applied: options.apply,
    kept: [],
    pruned: [],
    debris: [],
    restored: [],
    failed: [],
    record: null
  };
  const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
  const reads = await mapBounded(ids, 8, async (id) => ({ id, read: await readManifest(store, model, id) }));
  const manifests = [];
  for (const { id, read } of reads) {
    if (read.state === "present") manifests.push(read.manifest);
    else if (read.state === "damaged") {
      options.report(read.damage);
      const reason = `its manifest ${read.damage.problem}: see \`mlops models fsck\``;
      report.kept.push({ version: id, sequence: null, createdAt: null, bytes: null, reasons: [reason] });
    }
  }
  manifests.sort(newerLast);
  const latest = new Set(manifests.slice(-options.keep).map((m) => m.version));
  const aliases = await aliasProtection(store, model, options.report);
  const quarantined = await quarantinedVersions(store, model);
  for (const manifest of manifests) {
    const created = Date.parse(manifest.createdAt);
    const reasons = [
      ...latest.has(manifest.version) ? [`one of the last ${options.keep}`] : [],
      ...aliases.named.get(manifest.version) ?? [],
      ...aliases.gaps.filter((gap) => created <= Date.parse(gap.at) + GRACE_MS).map((gap) => `${gap.alias}'s unreadable move at ${gap.at} may have gone to it`),
      ...options.now.getTime() - created < GRACE_MS ? ["created less than a day ago: its publish may still promote it"] : [],
      ...quarantined.has(manifest.version) ? ["`models fsck --repair` moved a damaged object of it aside"] : []
    ];
    const entry = { version: manifest.version, sequence: manifest.sequence ?? null, createdAt: manifest.createdAt };
    if (reasons.length > 0) report.kept.push({ ...entry, bytes: sizeOf(manifest), reasons });
    else report.pruned.push({ ...entry, bytes: sizeOf(manifest), objects: await objectsOf(store, manifest) });
  }
  const order = new Map(manifests.map((m, i) => [m.version, i]));
  report.kept.sort((a, b) => (order.get(a.version) ?? -1) - (order.get(b.version) ?? -1));
  report.debris = await findDebris(store, model, new Date(options.now.getTime() - GRACE_MS));
  if (options.apply) await applyPrune(store, model, report, options);
  return report;
}
async function applyPrune(store, model, report, options) {
  const bodies = /* @__PURE__ */ new Map();
  const gone = [];
  for (const version of report.pruned) {
    const key = manifestKey(model, version.version);
    try {
      const body = await store.get(key);
      if (body) bodies.set(version.version, body);
      await store.delete(key);
      gone.push(version);
    } catch (error) {
      report.failed.push({ key, problem: `${version.version} was not deleted: ${asError(error).message}` });
    }
  }
  const named = (await aliasProtection(store, model, options.report)).named;
  for (const version of gone.filter((v) => named.has(v.version))) {
    const key = manifestKey(model, version.version);
    const body = bodies.get(version.version);
    try {
      if (!body) throw new Error("its manifest was gone before prune deleted it");
      await store.create(key, body);
      report.restored.push(version.version);
    } catch (error) {
      report.failed.push({
        key,
        problem: `an alias moved to ${version.version} while prune ran, and its manifest could not be put back: ${asError(error).message}`
      });
    }
  }
  report.pruned = gone.filter((v) => !report.restored.includes(v.version));
  if (report.pruned.length > 0 || report.debris.length > 0) {
    try {
      report.record = await writeRecord(store, model, "prune", options.now, {
        format: PRUNE_RECORD_FORMAT,
        model,
        at: options.now.toISOString(),
        actor: options.actor,
        keep: options.keep,
        pruned: report.pruned.map(({ objects, ...version }) => ({ ...version, objects: objects.length })),
        debris: report.debris.map(({ version, keys }) => ({ version, objects: keys.length })),
        kept: report.kept.map(({ version, reasons }) => ({ version, reasons }))
      });
    } catch (error) {
      report.failed.push({
        key: `${model}/prune/`,
        problem: `what was pruned could not be recorded: ${asError(error).message}`
      });
    }
  }
  const leftovers = [
    ...report.pruned.flatMap((v) => v.objects.filter((key) => key !== manifestKey(model, v.version))),
    ...report.debris.flatMap((d) => d.keys)
  ];
  await mapBounded(leftovers, 8, async (key) => {
    try {
      await store.delete(key);
    } catch (error) {
      report.failed.push({
        key,
        problem: `left behind, invisible (its version has no manifest); prune or clean removes it: ${asError(error).message}`
      });
    }
  });
}
function newerLast(a, b) {
  const rank = (m) => m.sequence === void 0 ? [0, Date.parse(m.createdAt)] : [1, m.sequence];
  const [ra, rb] = [rank(a), rank(b)];
  return ra[0] - rb[0] || ra[1] - rb[1] || a.version.localeCompare(b.version);
}
var sizeOf = (m) => [...m.files, ...Object.values(m.attachments)].reduce((total, file) => total + file.size, 0);
async function objectsOf(store, manifest) {
  const key = manifestKey(manifest.model, manifest.version);
  const rest = (await store.list(`${versionKey(manifest.model, manifest.version)}/`)).filter((k) => k !== key);
  return [key, ...rest];
}
async function aliasProtection(store, model, report) {
  const byVersion = /* @__PURE__ */ new Map();
  const gaps = [];
  const protect = (version, alias, now) => {
    const aliases2 = byVersion.get(version) ?? /* @__PURE__ */ new Map();
    aliases2.set(alias, now || aliases2.get(alias) === true);
    byVersion.set(version, aliases2);
  };
  const aliases = /* @__PURE__ */ new Set([
    ...(await entryKeys(store, model)).keys(),
    ...await store.folders(`${model}/quarantine/aliases/`)
  ]);
  for (const alias of [...aliases].sort()) {
    const links = await readChain(store, model, alias, { report, movedAside: true });
    for (const [i, link] of links.entries()) {
      if ("gap" in link) gaps.push({ alias, at: link.gap.at });
      else {
        protect(link.move.to, alias, i === links.length - 1);
        if (link.move.from !== null) protect(link.move.from, alias, false);
      }
    }
  }
  const named = /* @__PURE__ */ new Map();
  for (const [version, flags] of byVersion) {
    named.set(
      version,
      [...flags].map(([alias, now]) => `${alias} ${now ? "points" : "pointed"} at it`)
    );
  }
  return { named, gaps };
}

// src/registry/sequence.ts
var PREFIX = (model) => `${model}/sequence/`;
var CLAIM = /^[^/]+\/sequence\/(\d+)\/[^/]+$/;
var EXCLUSIVE_CLAIM = "claim.json";
var MAX_ROUNDS = 40;
var MAX_EXCLUSIVE_TRIES = 400;
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var folder = (model, n) => `${PREFIX(model)}${String(n).padStart(6, "0")}/`;
async function claimSequence(store, model, version, sleep = realSleep) {
  return await store.createIsExclusive(`${model}/sequence`) ? claimExclusively(store, model, version, sleep) : claimByListing(store, model, version, sleep);
}
async function highestClaimed(store, model) {
  let highest = 0;
  for (const key of await store.list(PREFIX(model))) {
    const n = Number(CLAIM.exec(key)?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return highest;
}
async function claimExclusively(store, model, version, sleep) {
  const body = `${JSON.stringify({ version })}
`;
  let n = await highestClaimed(store, model) + 1;
  for (let tries = 0; tries < MAX_EXCLUSIVE_TRIES; tries++) {
    const mine = `${folder(model, n)}${EXCLUSIVE_CLAIM}`;
    if (await store.create(mine, body)) {
      const rivals = (await store.list(folder(model, n))).filter((key) => key !== mine);
      if (rivals.length === 0) return n;
      await store.delete(mine);
      await sleep(Math.random() * 100);
    }
    n = tries % 16 === 15 ? Math.max(n + 1, await highestClaimed(store, model) + 1) : n + 1;
  }
  throw tooMany(store, model, MAX_EXCLUSIVE_TRIES);
}
async function claimByListing(store, model, version, sleep) {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const n = await highestClaimed(store, model) + 1;
    const mine = `${folder(model, n)}${version}`;
    await store.put(mine, `${JSON.stringify({ version })}
`);
    const rivals = (await store.list(folder(model, n))).filter((key) => key !== mine);
    if (rivals.length === 0) return n;
    await store.delete(mine);
    await sleep(Math.random() * Math.min(2e3, 25 * 2 ** Math.min(round, 6)));
  }
  throw tooMany(store, model, MAX_ROUNDS);
}
function tooMany(store, model, tries) {
  return new ExternalError(
    `could not get a version number for ${model} in ${store.location} after ${tries} tries: too many publishes at once`,
    { hint: "publish again; serialise publishes with a `concurrency:` group in the workflow" }
  );
}
async function sequenceClaimants(store, model, n) {
  const versions = [];
  for (const key of await store.list(folder(model, n))) {
    const name = key.slice(key.lastIndexOf("/") + 1);
    if (name !== EXCLUSIVE_CLAIM) {
      versions.push(name);
      continue;
    }
    const body = await getUnlessTooLarge(store, key);
    const claimed = claimedVersion(body === "too large" ? void 0 : body);
    if (claimed) versions.push(claimed);
  }
  return versions;
}
function claimedVersion(body) {
  try {
    const parsed = JSON.parse(body?.toString("utf8") ?? "");
    const version = parsed?.version;
    return typeof version === "string" && NAME_PATTERN.test(version) ? version : void 0;
  } catch {
    return void 0;
  }
}

// src/registry/write-version.ts
import path5 from "node:path";
var COMMIT_DEADLINE_MS = 12 * 60 * 60 * 1e3;
async function writeVersion(store, input, hooks, clock) {
  checkModelName(input.model);
  if (input.files.length === 0) {
    throw new InputError(`refusing to publish ${input.model} without a single file`, {
      hint: "publish.files (or train.outputs) names only empty folders: list the model's files"
    });
  }
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
    checkFilePath(path5.basename(attachment.source));
  }
  const created = clock.now();
  const version = await freshVersionId(store, input.model, created);
  const base = versionKey(input.model, version);
  const upload = async (key, source, shown) => {
    const digest = await store.upload(`${base}/${key}`, source, {
      createOnly: true,
      onProgress: (bytes, total) => hooks.onProgress?.({ direction: "upload", path: shown, bytes, total, done: false })
    });
    hooks.onProgress?.({ direction: "upload", path: shown, bytes: digest.size, total: digest.size, done: true });
    return { path: shown, ...digest };
  };
  const files = [];
  for (const file of input.files) files.push(await upload(`files/${file.path}`, file.source, file.path));
  const attachments = {};
  const uploadAttachment = async (attachment) => {
    const stored = `${attachment.name}/${path5.basename(attachment.source)}`;
    attachments[attachment.name] = await upload(`attachments/${stored}`, attachment.source, stored);
  };
  for (const attachment of input.attachments ?? []) if (!attachment.write) await uploadAttachment(attachment);
  if (clock.now().getTime() - created.getTime() > COMMIT_DEADLINE_MS) {
    throw new ExternalError(`publishing ${input.model} ${version} took longer than 12 hours; it was not committed`, {
      hint: "its uploaded files may already count as debris of an interrupted publish; publish again"
    });
  }
  const sequence = await claimSequence(store, input.model, version, clock.sleep);
  const identity = { model: input.model, version, sequence, createdAt: created.toISOString() };
  for (const attachment of input.attachments ?? []) {
    if (!attachment.write) continue;
    await attachment.write(identity);
    await uploadAttachment(attachment);
  }
  const manifest = ManifestSchema.parse({
    ...input,
    format: MANIFEST_FORMAT,
    version,
    sequence,
    createdAt: identity.createdAt,
    files,
    attachments
  });
  if (!await store.create(manifestKey(input.model, version), `${JSON.stringify(manifest, null, 2)}
`)) {
    throw new ExternalError(`${input.model} ${version} already has a manifest in ${store.location}`, {
      hint: "two publishes drew the same version id; publish again"
    });
  }
  return manifest;
}
async function freshVersionId(store, model, created) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newVersionId(created);
    if ((await store.list(`${model}/versions/${id}/`)).length === 0) return id;
  }
  throw new ExternalError(`could not find a free version id for ${model} in ${store.location}`);
}

// src/registry/stored-files.ts
async function storedFileProblems(store, manifest) {
  const base = versionKey(manifest.model, manifest.version);
  const entries = versionObjects(manifest).map(({ relative, entry, attachment }) => ({
    path: attachment === null ? entry.path : `${attachment} attachment (${entry.path})`,
    key: relative,
    size: entry.size
  }));
  const found = await mapBounded(entries, 8, async (entry) => {
    const head = await store.head(`${base}/${checkFilePath(entry.key)}`);
    if (head === void 0) return { path: entry.path, problem: `${entry.path} is missing` };
    if (head.size !== entry.size) {
      return { path: entry.path, problem: `${entry.path} holds ${head.size} bytes; its manifest says ${entry.size}` };
    }
    return void 0;
  });
  return found.filter((problem) => problem !== void 0);
}

// src/registry/prune-records.ts
var PruneRecord = object({
  at: iso_exports.datetime(),
  actor: nullable(string()),
  pruned: array(object({ version: string(), sequence: nullable(number()) }))
});
async function findPrunedVersion(store, model, ref) {
  if (ref.kind === "alias") return void 0;
  const keys = (await store.list(`${model}/prune/`)).filter((key) => key.endsWith(".json")).reverse();
  for (const key of keys) {
    const body = await getUnlessTooLarge(store, key);
    if (body === void 0 || body === "too large") continue;
    const parsed = parseStoredJson(body, PruneRecord, "prune record");
    if (!("value" in parsed)) continue;
    const { at, actor, pruned } = parsed.value;
    const found = pruned.find((v) => ref.kind === "version" ? v.version === ref.id : v.sequence === ref.sequence);
    if (found) return { version: found.version, sequence: found.sequence, at, actor, record: key };
  }
  return void 0;
}

// src/registry/registry.ts
function createRegistry(store, now = () => /* @__PURE__ */ new Date(), options = {}) {
  const report = reportOnce(options.onDamage);
  const namedVersion = async (model, version) => {
    const read = await readManifest(store, model, version);
    if (read.state === "damaged") {
      report(read.damage);
      throw damagedManifestError(read.damage, store.location);
    }
    return read.state === "present" ? read.manifest : void 0;
  };
  const bySequence = async (model, sequence) => {
    let damage;
    for (const version of await sequenceClaimants(store, model, sequence)) {
      if (!NAME_PATTERN.test(version)) continue;
      const read = await readManifest(store, model, version);
      if (read.state === "present" && read.manifest.sequence === sequence) return read.manifest;
      if (read.state === "damaged") damage = read.damage;
    }
    if (damage) {
      report(damage);
      throw damagedManifestError(damage, store.location);
    }
    return void 0;
  };
  const aliases = aliasQueries(store, report, namedVersion);
  const requireSignature = async (manifest) => {
    if (!options.signing?.require) return;
    const outcome = await verifyVersion(store, manifest, options.signing.trustedKeys(), { files: false });
    if (!outcome.verified) {
      throw new UnverifiedVersionError(outcome.problem, {
        hint: `${options.signing.requiredBy} refuses it; \`mlops verify\` checks a version in full`
      });
    }
  };
  const registry = {
    location: store.location,
    async publish(input, hooks = {}) {
      const key = options.signing?.signingKey();
      const manifest = await writeVersion(store, input, hooks, { now, sleep: options.sleep ?? realSleep });
      if (key) {
        await signVersion(store, manifest, key).catch((error) => {
          throw new ExternalError(`${manifest.model} ${manifest.version} was published but not signed`, {
            hint: `sign it with: mlops sign ${manifest.model}@${manifest.version}`,
            cause: error
          });
        });
      }
      return manifest;
    },
    async versions(model) {
      checkModelName(model);
      const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
      const reads = await mapBounded(ids, 8, (id) => readManifest(store, model, id));
      const manifests = [];
      for (const read of reads) {
        if (read.state === "present") manifests.push(read.manifest);
        else if (read.state === "damaged") report(read.damage);
      }
      return manifests;
    },
    version: namedVersion,
    async resolve(model, ref) {
      checkModelName(model);
      const parsed = parseRef(ref);
      if (parsed.kind === "version") return namedVersion(model, parsed.id);
      if (parsed.kind === "sequence") return bySequence(model, parsed.sequence);
      const current = (await currentAliases(store, model, report, parsed.alias)).get(parsed.alias);
      return current ? aliases.aliasTarget(model, parsed.alias, current) : void 0;
    },
    async aliases(model) {
      checkModelName(model);
      const pointing = [];
      for (const [alias, link] of await currentAliases(store, model, report)) {
        if ("move" in link) pointing.push([alias, link.move.to]);
      }
      return Object.fromEntries(pointing.sort(([a], [b]) => a.localeCompare(b)));
    },
    async moveAlias(model, alias, version, event) {
      checkModelName(model);
      checkAliasName(alias);
      if (!await namedVersion(model, version)) throw new InputError(`model ${model} has no version ${version}`);
      return appendMove(store, model, { kind: "promote", ...event, alias, to: version }, report);
    },
    rollbackTarget: aliases.rollbackTarget,
    async rollback(model, alias, event) {
      const { current, target } = await aliases.rollbackTarget(model, alias);
      if (!await namedVersion(model, target)) throw new InputError(`model ${model} has no version ${target}`);
      return appendMove(
        store,
        model,
        {
          ...event,
          reason: event.reason || `rolled back from ${current}`,
          alias,
          to: target,
          forced: false,
          kind: "rollback"
        },
        report
      );
    },
    async history(model, alias) {
      checkModelName(model);
      return movesOf(await aliasTimeline(store, model, alias === void 0 ? alias : checkAliasName(alias), report));
    },
    timeline: aliases.timeline,
    aliasAt: aliases.aliasAt,
    servedDuring: aliases.servedDuring,
    storedFileProblems: (manifest) => storedFileProblems(store, manifest),
    async pull(manifest, outDir, pullOptions = {}) {
      await requireSignature(manifest);
      const local = store.location.startsWith("s3://") ? [] : [store.location];
      return pullInto(store, manifest, outDir, { ...pullOptions, protect: [...pullOptions.protect ?? [], ...local] });
    },
    async pullAttachment(manifest, name, file) {
      const entry = manifest.attachments[name];
      if (!entry) return false;
      await requireSignature(manifest);
      await downloadFile(store, manifest, `attachments/${checkFilePath(entry.path)}`, entry, file);
      return true;
    },
    async models() {
      const names = (await store.folders("")).filter((name) => NAME_PATTERN.test(name));
      const found = await mapBounded(names, 8, async (name) => {
        for (const id of await store.folders(`${name}/versions/`)) {
          if (NAME_PATTERN.test(id) && await store.head(manifestKey(name, id)) !== void 0) return name;
        }
        return void 0;
      });
      return found.filter((name) => name !== void 0);
    },
    async prunedVersion(model, ref) {
      checkModelName(model);
      return findPrunedVersion(store, model, parseRef(ref));
    },
    manifestBytes: (manifest) => manifestBytes(store, manifest),
    sign: (manifest, key) => signVersion(store, manifest, key),
    verify: (manifest, trusted, verifyOptions) => verifyVersion(store, manifest, trusted, verifyOptions),
    async clean(model, before = new Date(now().getTime() - DEBRIS_AGE_MS)) {
      checkModelName(model);
      const debris = await findDebris(store, model, before);
      const objects = await removeDebris(store, debris);
      const uploads = await store.discardIncomplete(`${model}/versions/`, before);
      return { versions: debris.map((d) => d.version), objects, uploads };
    },
    async fsck(model, fsckOptions) {
      checkModelName(model);
      const at = now();
      return fsckModel(store, model, {
        ...fsckOptions,
        now: at,
        debrisBefore: new Date(at.getTime() - DEBRIS_AGE_MS)
      });
    },
    async prune(model, pruneOptions) {
      checkModelName(model);
      if (!Number.isInteger(pruneOptions.keep) || pruneOptions.keep < 1) {
        throw new InputError(`prune keeps at least one version, not ${pruneOptions.keep}`);
      }
      return pruneModel(store, model, { ...pruneOptions, now: now(), report });
    },
    async appendMonitorLog(model, alias, entries) {
      checkModelName(model);
      checkAliasName(alias);
      return appendMonitorLog(store, model, alias, entries, {
        now: now(),
        maxObjectBytes: options.monitorLogObjectBytes
      });
    },
    async monitorLog(model, alias) {
      checkModelName(model);
      return readMonitorLog(store, model, checkAliasName(alias), report);
    },
    async appendScoringRecord(model, record2) {
      checkModelName(model);
      return appendScoringRecord(store, model, record2, now());
    },
    async scoringLog(model) {
      checkModelName(model);
      return readScoringLog(store, model, report);
    }
  };
  return registry;
}

// src/registry/open.ts
function openRegistry(context, options = {}) {
  const { registry } = context.loaded.config;
  return openRegistryAt(registry.uri ?? context.workspace.registryDir, {
    root: context.loaded.root,
    env: context.env,
    settings: registry,
    now: context.now,
    logger: context.logger,
    signing: signingPolicy(registry.signing, { root: context.loaded.root, env: context.env }),
    ...options
  });
}
async function openRegistryAt(uri, door) {
  const store = await resolveRegistryUri(uri).open(door);
  const onDamage = door.onDamage ?? ((damage) => door.logger.warn(describeDamage(damage, store.location)));
  return createRegistry(store, door.now, { onDamage, ...door.signing ? { signing: door.signing } : {} });
}

export {
  describeDamage,
  parseModelRef,
  describeVersion,
  DamagedFileError,
  UnverifiedVersionError,
  signingPolicy,
  openRegistry,
  openRegistryAt
};
