import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { NAME_PATTERN } from "../config/schema/common.ts";
import { ExternalError, InputError } from "../errors.ts";
import { isInside } from "../files/safe-path.ts";
import { CorruptObjectError, type ObjectStore } from "../store/object-store.ts";
import {
  type AliasEvent,
  aliasHistory,
  allAliasHistory,
  appendMove,
  currentAliases,
  moveInForce,
  servingStack,
} from "./aliases.ts";
import { mapBounded } from "./concurrency.ts";
import { type Manifest, type ManifestFile, MANIFEST_FORMAT, ManifestSchema } from "./manifest.ts";
import {
  checkAliasName,
  checkFilePath,
  checkModelName,
  checkVersionName,
  newVersionId,
  parseRef,
  versionTime,
} from "./names.ts";
import { claimSequence, realSleep, sequenceClaimants, type Sleep } from "./sequence.ts";

export type { AliasEvent } from "./aliases.ts";
export { newVersionId } from "./names.ts";

/**
 * The model registry over an object store (DOMAIN.md §4).
 *
 * Layout, per model:
 *   <model>/versions/<version>/files/<path>         artifacts, written first
 *   <model>/versions/<version>/attachments/<name>/  the kit's own files (predictions, profile)
 *   <model>/versions/<version>/manifest.json        written last: a version exists iff its manifest exists
 *   <model>/sequence/<n>/<version>                  the claim on friendly number n (see sequence.ts)
 *   <model>/aliases/<alias>/<time>-<random>.json    one immutable entry per alias move (see aliases.ts)
 */

export interface PublishInput extends Omit<
  Manifest,
  "format" | "version" | "sequence" | "files" | "createdAt" | "attachments"
> {
  /** Files to store: `path` inside the version, `source` on disk. */
  files: { path: string; source: string }[];
  /** Attachments by name (see {@link Manifest.attachments}), `source` on disk. */
  attachments?: { name: string; source: string }[];
}

/** Bytes moving for one file of a version; `done` once the file is complete (and verified, on a download). */
export interface TransferEvent {
  direction: "upload" | "download";
  path: string;
  bytes: number;
  total: number;
  done: boolean;
}

export interface TransferHooks {
  onProgress?: (event: TransferEvent) => void;
}

export type MoveDetails = Omit<AliasEvent, "alias" | "from" | "to" | "kind"> & { kind?: AliasEvent["kind"] };

/** What {@link Registry.clean} removed. */
export interface CleanReport {
  /** Versions that never got a manifest (interrupted publishes), removed with their objects. */
  versions: string[];
  objects: number;
  /** Unfinished multipart uploads aborted (S3 servers that can list them). */
  uploads: number;
}

export interface Registry {
  readonly location: string;
  publish(input: PublishInput, hooks?: TransferHooks): Promise<Manifest>;
  versions(model: string): Promise<Manifest[]>;
  version(model: string, version: string): Promise<Manifest | undefined>;
  /** A version id, a sequence number (`7`, `v7`) or an alias name. */
  resolve(model: string, ref: string): Promise<Manifest | undefined>;
  aliases(model: string): Promise<Record<string, string>>;
  moveAlias(model: string, alias: string, version: string, event: MoveDetails): Promise<AliasEvent>;
  /** Moves the alias back to the version it stood on before its current one (see servingStack). */
  rollback(model: string, alias: string, event: Omit<MoveDetails, "forced" | "kind">): Promise<AliasEvent>;
  /** Every alias move (or one alias's), oldest first. */
  history(model: string, alias?: string): Promise<AliasEvent[]>;
  /** The move that was in force for `alias` at `date`: "which version was champion on date D". */
  aliasAt(model: string, alias: string, date: Date): Promise<AliasEvent | undefined>;
  /** Downloads a version's files into `outDir`, verifying size and sha256 of each; all or nothing. */
  pull(manifest: Manifest, outDir: string, hooks?: TransferHooks): Promise<string[]>;
  /** Downloads an attachment to `file`, verified; false when the version has no attachment of that name. */
  pullAttachment(manifest: Manifest, name: string, file: string): Promise<boolean>;
  models(): Promise<string[]>;
  /** Removes the debris of publishes interrupted before `before` (default: a day ago). */
  clean(model: string, before?: Date): Promise<CleanReport>;
}

export interface RegistryOptions {
  /** Pause between sequence-number contests (tests may shorten it). */
  sleep?: Sleep;
}

/** Debris younger than this may belong to a publish still running; older debris is removed. */
export const DEBRIS_AGE_MS = 24 * 60 * 60 * 1000;
/** A publish that took longer than this does not commit: {@link Registry.clean} elsewhere may have taken its files. */
export const COMMIT_DEADLINE_MS = 12 * 60 * 60 * 1000;

export function createRegistry(
  store: ObjectStore,
  now: () => Date = () => new Date(),
  options: RegistryOptions = {},
): Registry {
  const versionKey = (model: string, version: string): string => `${model}/versions/${version}`;
  const readManifest = async (model: string, version: string): Promise<Manifest | undefined> => {
    checkModelName(model);
    checkVersionName(version);
    const key = `${versionKey(model, version)}/manifest.json`;
    const body = await store.get(key);
    if (body === undefined) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString("utf8"));
    } catch {
      throw new ExternalError(`the registry object ${key} in ${store.location} is not valid JSON`, {
        hint: "it was changed outside mlops-kit; restore it or remove it",
      });
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ExternalError(
        `the manifest ${key} in ${store.location} is not a valid mlops-kit manifest: ${parsed.error.issues[0]?.message ?? ""}`,
      );
    }
    // A manifest copied into another folder must not pass as that version (or model).
    if (parsed.data.model !== model || parsed.data.version !== version) {
      throw new ExternalError(
        `the manifest ${key} in ${store.location} describes ${parsed.data.model} ${parsed.data.version}, not ${model} ${version}`,
        { hint: "it was copied or changed outside mlops-kit; remove it" },
      );
    }
    return parsed.data;
  };

  /** Downloads one stored file, verified against its manifest entry while it streams; a mismatch never lands. */
  const download = async (
    manifest: Manifest,
    relative: string,
    entry: ManifestFile,
    target: string,
    hooks: TransferHooks,
  ): Promise<void> => {
    const report = (bytes: number, done: boolean): void =>
      hooks.onProgress?.({ direction: "download", path: entry.path, bytes, total: entry.size, done });
    try {
      const found = await store.download(`${versionKey(manifest.model, manifest.version)}/${relative}`, target, {
        expected: { size: entry.size, sha256: entry.sha256 },
        onProgress: (bytes) => report(bytes, false),
      });
      if (!found) {
        throw new ExternalError(
          `version ${manifest.version} of ${manifest.model} lists ${entry.path}, but the registry has no such file`,
          { hint: "the version was damaged outside mlops-kit; publish again or roll back" },
        );
      }
    } catch (error) {
      if (!(error instanceof CorruptObjectError)) throw error;
      throw new ExternalError(
        `${entry.path} of ${manifest.model} ${manifest.version} is corrupted: the registry holds ${error.actual.size} bytes ` +
          `with sha256 ${error.actual.sha256.slice(0, 12)}…, the manifest says ${entry.size} bytes with sha256 ${entry.sha256.slice(0, 12)}…`,
        {
          hint: "the stored object was changed or damaged after publishing; nothing was written. Publish again or roll back",
          cause: error,
        },
      );
    }
    report(entry.size, true);
  };

  const bySequence = async (model: string, sequence: number): Promise<Manifest | undefined> => {
    for (const version of await sequenceClaimants(store, model, sequence)) {
      const manifest = await readManifest(model, version).catch(() => undefined);
      if (manifest?.sequence === sequence) return manifest;
    }
    return undefined;
  };

  const registry: Registry = {
    location: store.location,

    async publish(input, hooks = {}) {
      checkModelName(input.model);
      const paths = new Set<string>();
      for (const file of input.files) {
        if (paths.has(checkFilePath(file.path))) throw new InputError(`${file.path} is listed twice`);
        paths.add(file.path);
      }
      const names = new Set<string>();
      for (const attachment of input.attachments ?? []) {
        if (!NAME_PATTERN.test(attachment.name))
          throw new InputError(`"${attachment.name}" is not a valid attachment name`);
        if (names.has(attachment.name)) throw new InputError(`two attachments are named ${attachment.name}`);
        names.add(attachment.name);
        checkFilePath(path.basename(attachment.source));
      }

      const created = now();
      const version = await freshVersionId(store, input.model, created);
      const base = versionKey(input.model, version);
      const upload = async (key: string, source: string, shown: string): Promise<ManifestFile> => {
        const digest = await store.upload(`${base}/${key}`, source, {
          onProgress: (bytes, total) =>
            hooks.onProgress?.({ direction: "upload", path: shown, bytes, total, done: false }),
        });
        hooks.onProgress?.({ direction: "upload", path: shown, bytes: digest.size, total: digest.size, done: true });
        return { path: shown, ...digest };
      };
      // Artifacts first, each hashed while it streams up (one read per file).
      const files: ManifestFile[] = [];
      for (const file of input.files) files.push(await upload(`files/${file.path}`, file.source, file.path));
      const attachments: Manifest["attachments"] = {};
      for (const attachment of input.attachments ?? []) {
        const stored = `${attachment.name}/${path.basename(attachment.source)}`;
        attachments[attachment.name] = await upload(`attachments/${stored}`, attachment.source, stored);
      }
      if (now().getTime() - created.getTime() > COMMIT_DEADLINE_MS) {
        throw new ExternalError(
          `publishing ${input.model} ${version} took longer than 12 hours; it was not committed`,
          {
            hint: "its uploaded files may already count as debris of an interrupted publish; publish again",
          },
        );
      }
      const sequence = await claimSequence(store, input.model, version, options.sleep ?? realSleep);
      const manifest: Manifest = ManifestSchema.parse({
        ...input,
        format: MANIFEST_FORMAT,
        version,
        sequence,
        createdAt: created.toISOString(),
        files,
        attachments,
      });
      // Last: until this write lands, the version does not exist for any reader.
      if (!(await store.create(`${base}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`))) {
        throw new ExternalError(`${input.model} ${version} already has a manifest in ${store.location}`, {
          hint: "two publishes drew the same version id; publish again",
        });
      }
      return manifest;
    },

    async versions(model) {
      checkModelName(model);
      const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
      const manifests = await mapBounded(ids, 8, (id) => readManifest(model, id));
      return manifests.filter((m): m is Manifest => m !== undefined);
    },

    version: readManifest,

    async resolve(model, ref) {
      checkModelName(model);
      const parsed = parseRef(ref);
      if (parsed.kind === "version") return readManifest(model, parsed.id);
      if (parsed.kind === "sequence") return bySequence(model, parsed.sequence);
      const current = (await currentAliases(store, model, parsed.alias)).get(parsed.alias);
      return current ? readManifest(model, current.to) : undefined;
    },

    async aliases(model) {
      checkModelName(model);
      const current = await currentAliases(store, model);
      return Object.fromEntries([...current].sort(([a], [b]) => a.localeCompare(b)).map(([a, e]) => [a, e.to]));
    },

    async moveAlias(model, alias, version, event) {
      checkModelName(model);
      checkAliasName(alias);
      if (!(await readManifest(model, version))) throw new InputError(`model ${model} has no version ${version}`);
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
          hint: "promote another version instead: mlops promote <version>",
        });
      }
      if (!(await readManifest(model, target))) throw new InputError(`model ${model} has no version ${target}`);
      return appendMove(store, model, {
        ...event,
        reason: event.reason || `rolled back from ${current}`,
        alias,
        to: target,
        forced: false,
        kind: "rollback",
      });
    },

    async history(model, alias) {
      checkModelName(model);
      if (alias === undefined) return allAliasHistory(store, model);
      return aliasHistory(store, model, checkAliasName(alias));
    },

    async aliasAt(model, alias, date) {
      checkModelName(model);
      return moveInForce(await aliasHistory(store, model, checkAliasName(alias)), date);
    },

    async pull(manifest, outDir, hooks = {}) {
      await mkdir(outDir, { recursive: true });
      // Everything lands in a staging folder first and moves into place only once every file is verified.
      const staging = await mkdtemp(path.join(outDir, ".mlops-pull-"));
      try {
        const targets: string[] = [];
        for (const file of manifest.files) {
          const relative = checkFilePath(file.path);
          const target = path.join(outDir, ...relative.split("/"));
          if (!isInside(outDir, target)) throw new InputError(`refusing to write ${file.path} outside ${outDir}`);
          await download(manifest, `files/${relative}`, file, path.join(staging, ...relative.split("/")), hooks);
          targets.push(target);
        }
        for (const [i, file] of manifest.files.entries()) {
          const target = targets[i] as string;
          await mkdir(path.dirname(target), { recursive: true });
          await rename(path.join(staging, ...file.path.split("/")), target);
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
          if (NAME_PATTERN.test(id) && (await store.exists(`${versionKey(name, id)}/manifest.json`))) return name;
        }
        return undefined;
      });
      return found.filter((name): name is string => name !== undefined);
    },

    async clean(model, before = new Date(now().getTime() - DEBRIS_AGE_MS)) {
      checkModelName(model);
      const report: CleanReport = { versions: [], objects: 0, uploads: 0 };
      for (const id of await store.folders(`${model}/versions/`)) {
        const started = versionTime(id);
        // Only ids the kit made, old enough that no publish can still be writing them, and without a manifest.
        if (!started || started >= before || (await store.exists(`${versionKey(model, id)}/manifest.json`))) continue;
        const keys = await store.list(`${versionKey(model, id)}/`);
        // A folder store keeps the empty folder of debris it already removed.
        if (keys.length === 0) continue;
        await mapBounded(keys, 8, (key) => store.delete(key));
        report.versions.push(id);
        report.objects += keys.length;
      }
      report.uploads = await store.discardIncomplete(`${model}/versions/`, before);
      return report;
    },
  };
  return registry;
}

/** A new id whose folder is empty: ids are random enough to be unique, and this makes sure no file is overwritten. */
async function freshVersionId(store: ObjectStore, model: string, created: Date): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newVersionId(created);
    if ((await store.list(`${model}/versions/${id}/`)).length === 0) return id;
  }
  throw new ExternalError(`could not find a free version id for ${model} in ${store.location}`);
}
