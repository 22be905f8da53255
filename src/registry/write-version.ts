import path from "node:path";
import { NAME_PATTERN } from "../config/schema/common.ts";
import { ExternalError, InputError } from "../errors.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { type Manifest, type ManifestFile, MANIFEST_FORMAT, ManifestSchema } from "./manifest.ts";
import { checkFilePath, checkModelName, newVersionId } from "./names.ts";
import type { TransferHooks } from "./download.ts";
import { claimSequence, type Sleep } from "./sequence.ts";
import { manifestKey, versionKey } from "./stored-manifest.ts";

/**
 * Writing a new version (DOMAIN.md §4): every artifact first, each hashed as it streams up, then a sequence number,
 * then the attachments that name the version (written now that its number is known), then the manifest, with an
 * exclusive create. Until the manifest lands the version does not exist for any reader, so
 * a publish killed at any point leaves debris (see debris.ts), never a half version.
 */

export interface PublishInput extends Omit<
  Manifest,
  "format" | "version" | "sequence" | "files" | "createdAt" | "attachments"
> {
  /** Files to store: `path` inside the version, `source` on disk. */
  files: { path: string; source: string }[];
  /** Attachments by name (see {@link Manifest.attachments}), `source` on disk. */
  attachments?: AttachmentInput[];
}

/** Who a version is, known only as it is written: its id, its number, when it was made (the manifest's). */
export interface VersionIdentity {
  model: string;
  version: string;
  sequence: number;
  createdAt: string;
}

export interface AttachmentInput {
  name: string;
  source: string;
  /**
   * For an attachment that names its own version (the model card, the ML-BOM): writes `source` once the version's id
   * and number are known, after the number is claimed and before the manifest, so what it says is what the manifest
   * says. Without it, `source` is uploaded as it is, before the number is claimed.
   */
  write?: (identity: VersionIdentity) => Promise<void>;
}

/** A publish that took longer than this does not commit: a clean elsewhere may have taken its files as debris. */
export const COMMIT_DEADLINE_MS = 12 * 60 * 60 * 1000;

export async function writeVersion(
  store: ObjectStore,
  input: PublishInput,
  hooks: TransferHooks,
  clock: { now: () => Date; sleep: Sleep },
): Promise<Manifest> {
  checkModelName(input.model);
  if (input.files.length === 0) {
    throw new InputError(`refusing to publish ${input.model} without a single file`, {
      hint: "publish.files (or train.outputs) names only empty folders: list the model's files",
    });
  }
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

  const created = clock.now();
  const version = await freshVersionId(store, input.model, created);
  const base = versionKey(input.model, version);
  const upload = async (key: string, source: string, shown: string): Promise<ManifestFile> => {
    // Create-only: a version's objects are never replaced, and the registry's write role may only create them.
    const digest = await store.upload(`${base}/${key}`, source, {
      createOnly: true,
      onProgress: (bytes, total) => hooks.onProgress?.({ direction: "upload", path: shown, bytes, total, done: false }),
    });
    hooks.onProgress?.({ direction: "upload", path: shown, bytes: digest.size, total: digest.size, done: true });
    return { path: shown, ...digest };
  };
  // Artifacts first, each hashed while it streams up (one read per file).
  const files: ManifestFile[] = [];
  for (const file of input.files) files.push(await upload(`files/${file.path}`, file.source, file.path));
  const attachments: Manifest["attachments"] = {};
  const uploadAttachment = async (attachment: AttachmentInput): Promise<void> => {
    const stored = `${attachment.name}/${path.basename(attachment.source)}`;
    attachments[attachment.name] = await upload(`attachments/${stored}`, attachment.source, stored);
  };
  for (const attachment of input.attachments ?? []) if (!attachment.write) await uploadAttachment(attachment);
  if (clock.now().getTime() - created.getTime() > COMMIT_DEADLINE_MS) {
    throw new ExternalError(`publishing ${input.model} ${version} took longer than 12 hours; it was not committed`, {
      hint: "its uploaded files may already count as debris of an interrupted publish; publish again",
    });
  }
  const sequence = await claimSequence(store, input.model, version, clock.sleep);
  const identity: VersionIdentity = { model: input.model, version, sequence, createdAt: created.toISOString() };
  for (const attachment of input.attachments ?? []) {
    if (!attachment.write) continue;
    await attachment.write(identity);
    await uploadAttachment(attachment);
  }
  const manifest: Manifest = ManifestSchema.parse({
    ...input,
    format: MANIFEST_FORMAT,
    version,
    sequence,
    createdAt: identity.createdAt,
    files,
    attachments,
  });
  // Last: until this write lands, the version does not exist for any reader.
  if (!(await store.create(manifestKey(input.model, version), `${JSON.stringify(manifest, null, 2)}\n`))) {
    throw new ExternalError(`${input.model} ${version} already has a manifest in ${store.location}`, {
      hint: "two publishes drew the same version id; publish again",
    });
  }
  return manifest;
}

/** A new id whose folder is empty: ids are random enough to be unique, and this makes sure no file is overwritten. */
async function freshVersionId(store: ObjectStore, model: string, created: Date): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newVersionId(created);
    if ((await store.list(`${model}/versions/${id}/`)).length === 0) return id;
  }
  throw new ExternalError(`could not find a free version id for ${model} in ${store.location}`);
}
