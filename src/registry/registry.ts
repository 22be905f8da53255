import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ExternalError, InputError } from "../errors.ts";
import { sha256File } from "../files/hash.ts";
import { type Manifest, type ManifestFile, MANIFEST_FORMAT, ManifestSchema } from "./manifest.ts";
import type { ObjectStore } from "../store/object-store.ts";

/**
 * The model registry over an object store (DOMAIN.md §4).
 *
 * Layout, per model:
 *   <model>/versions/<version>/files/<path>     artifacts, written first
 *   <model>/versions/<version>/manifest.json    written last: a version exists iff its manifest exists
 *   <model>/aliases/<alias>.json                where an alias points now
 *   <model>/history/<time>-<random>.json        one file per alias move, never rewritten (append-only)
 */

export interface AliasEvent {
  alias: string;
  from: string | null;
  to: string;
  at: string;
  actor: string | null;
  reason: string;
  runUrl: string | null;
  /** Promoted although its gate failed. */
  forced: boolean;
}

const AliasEventSchema = z.object({
  alias: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  reason: z.string(),
  runUrl: z.string().nullable(),
  forced: z.boolean().default(false),
});

export interface PublishInput extends Omit<Manifest, "format" | "version" | "files" | "createdAt" | "attachments"> {
  /** Files to store: `path` inside the version, `source` on disk. */
  files: { path: string; source: string }[];
  /** Attachments by name (see {@link Manifest.attachments}), `source` on disk. */
  attachments?: { name: string; source: string }[];
}

export interface Registry {
  readonly location: string;
  publish(input: PublishInput): Promise<Manifest>;
  versions(model: string): Promise<Manifest[]>;
  version(model: string, version: string): Promise<Manifest | undefined>;
  /** A version id or an alias name. */
  resolve(model: string, ref: string): Promise<Manifest | undefined>;
  aliases(model: string): Promise<Record<string, string>>;
  moveAlias(
    model: string,
    alias: string,
    version: string,
    event: Omit<AliasEvent, "alias" | "from" | "to">,
  ): Promise<AliasEvent>;
  history(model: string): Promise<AliasEvent[]>;
  /** Downloads a version's files into `outDir`, verifying size and sha256 of each. */
  pull(manifest: Manifest, outDir: string): Promise<string[]>;
  /** Downloads an attachment to `file`, verified; false when the version has no attachment of that name. */
  pullAttachment(manifest: Manifest, name: string, file: string): Promise<boolean>;
  models(): Promise<string[]>;
}

export function createRegistry(store: ObjectStore, now: () => Date = () => new Date()): Registry {
  const versionKey = (model: string, version: string): string => `${model}/versions/${version}`;
  const readJson = async (key: string): Promise<unknown> => {
    const body = await store.get(key);
    if (body === undefined) return undefined;
    try {
      return JSON.parse(body.toString("utf8"));
    } catch {
      throw new ExternalError(`the registry object ${key} in ${store.location} is not valid JSON`, {
        hint: "it was changed outside mlops-kit; restore it or remove it",
      });
    }
  };
  const readManifest = async (model: string, version: string): Promise<Manifest | undefined> => {
    const key = `${versionKey(model, version)}/manifest.json`;
    const raw = await readJson(key);
    if (raw === undefined) return undefined;
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

  /** Downloads one stored file and checks it against its manifest entry; a mismatch is refused, never used. */
  const download = async (
    manifest: Manifest,
    relative: string,
    entry: ManifestFile,
    target: string,
  ): Promise<boolean> => {
    await mkdir(path.dirname(target), { recursive: true });
    if (!(await store.getToFile(`${versionKey(manifest.model, manifest.version)}/${relative}`, target))) return false;
    const actual = await sha256File(target);
    if (actual.size !== entry.size || actual.sha256 !== entry.sha256) {
      await rm(target, { force: true });
      throw new ExternalError(
        `${entry.path} of ${manifest.model} ${manifest.version} is corrupted: its sha256 or size differs from the manifest`,
        {
          hint: "the stored object was changed or damaged; publish the model again",
        },
      );
    }
    return true;
  };

  const registry: Registry = {
    location: store.location,

    async publish(input) {
      const created = now();
      const version = newVersionId(created);
      const files = [];
      for (const file of input.files) {
        const { size, sha256 } = await sha256File(file.source);
        await store.putFile(`${versionKey(input.model, version)}/files/${file.path}`, file.source);
        files.push({ path: file.path, size, sha256 });
      }
      const attachments: Manifest["attachments"] = {};
      for (const attachment of input.attachments ?? []) {
        const stored = `${attachment.name}/${path.basename(attachment.source)}`;
        const { size, sha256 } = await sha256File(attachment.source);
        await store.putFile(`${versionKey(input.model, version)}/attachments/${stored}`, attachment.source);
        attachments[attachment.name] = { path: stored, size, sha256 };
      }
      const manifest: Manifest = ManifestSchema.parse({
        ...input,
        format: MANIFEST_FORMAT,
        version,
        createdAt: created.toISOString(),
        files,
        attachments,
      });
      // Last: until this write lands, the version does not exist for any reader.
      await store.put(`${versionKey(input.model, version)}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
      return manifest;
    },

    async versions(model) {
      const keys = await store.list(`${model}/versions/`);
      const ids = keys
        .map((key) => /^[^/]+\/versions\/([^/]+)\/manifest\.json$/.exec(key)?.[1])
        .filter((id): id is string => id !== undefined);
      const manifests = await Promise.all(ids.sort().map((id) => readManifest(model, id)));
      return manifests.filter((m): m is Manifest => m !== undefined);
    },

    version: readManifest,

    async resolve(model, ref) {
      const aliases = await registry.aliases(model);
      const target = aliases[ref] ?? ref;
      return readManifest(model, target);
    },

    async aliases(model) {
      const keys = await store.list(`${model}/aliases/`);
      const result: Record<string, string> = {};
      for (const key of keys) {
        const alias = /\/aliases\/([^/]+)\.json$/.exec(key)?.[1];
        if (!alias) continue;
        const pointer = z.object({ version: z.string() }).safeParse(await readJson(key));
        if (pointer.success) result[alias] = pointer.data.version;
      }
      return result;
    },

    async moveAlias(model, alias, version, event) {
      if (!(await readManifest(model, version))) throw new InputError(`model ${model} has no version ${version}`);
      const from = (await registry.aliases(model))[alias] ?? null;
      const entry: AliasEvent = { alias, from, to: version, ...event };
      // History first: a crash between the two writes leaves a record of an intended move, never an unrecorded one.
      await store.put(
        `${model}/history/${entry.at.replace(/[:.]/g, "")}-${randomBytes(4).toString("hex")}.json`,
        `${JSON.stringify(entry, null, 2)}\n`,
      );
      await store.put(
        `${model}/aliases/${alias}.json`,
        `${JSON.stringify({ alias, version, at: entry.at }, null, 2)}\n`,
      );
      return entry;
    },

    async history(model) {
      const keys = await store.list(`${model}/history/`);
      const events: AliasEvent[] = [];
      for (const key of keys) {
        const parsed = AliasEventSchema.safeParse(await readJson(key));
        if (parsed.success) events.push(parsed.data);
      }
      return events.sort((a, b) => a.at.localeCompare(b.at));
    },

    async pull(manifest, outDir) {
      const written: string[] = [];
      for (const file of manifest.files) {
        const target = path.join(outDir, ...file.path.split("/"));
        const found = await download(manifest, `files/${file.path}`, file, target);
        if (!found)
          throw new ExternalError(
            `version ${manifest.version} of ${manifest.model} lists ${file.path}, but the registry has no such file`,
          );
        written.push(target);
      }
      return written;
    },

    async pullAttachment(manifest, name, file) {
      const entry = manifest.attachments[name];
      if (!entry) return false;
      if (!(await download(manifest, `attachments/${entry.path}`, entry, file))) {
        throw new ExternalError(
          `version ${manifest.version} of ${manifest.model} lists the attachment ${name}, but the registry has no such file`,
        );
      }
      return true;
    },

    async models() {
      const keys = await store.list("");
      const names = new Set<string>();
      for (const key of keys) {
        const match = /^([^/]+)\/versions\/[^/]+\/manifest\.json$/.exec(key);
        if (match?.[1]) names.add(match[1]);
      }
      return [...names].sort();
    },
  };
  return registry;
}

/** Unique and sortable without coordination: UTC time to the millisecond, then random bits against same-ms clashes. */
export function newVersionId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(".", "");
  return `v${stamp}-${randomBytes(3).toString("hex")}`;
}
