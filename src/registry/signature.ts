import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ExternalError, InputError } from "../errors.ts";
import type { PublicKey, SigningKey } from "../provenance/keys.ts";
import { checkEnvelope, parseBundle, sha256Hex, signStatement, statementFor } from "../provenance/model-signing.ts";
import type { ObjectStore } from "../store/object-store.ts";
import { fetchVerified } from "./download.ts";
import type { Manifest } from "./manifest.ts";
import { checkFilePath } from "./names.ts";
import { getUnlessTooLarge, manifestKey, TOO_LARGE, versionKey } from "./stored-manifest.ts";

/**
 * Signed versions (DOMAIN.md §8): a version's signature is one object beside its manifest, `model.sig` (the name
 * model_signing gives it), in the model-signing format (provenance/model-signing.ts). It is written after the manifest
 * and only created, never replaced: a version exists by its manifest, and its signature can follow (`mlops sign`).
 */

export const signatureKey = (model: string, version: string): string => `${versionKey(model, version)}/model.sig`;

/** How a version's check against its signature went: verified, or the one reason it was refused. */
export type VerifyOutcome =
  | {
      verified: true;
      keyid: string;
      files: number;
      /**
       * The attachments (card, ML-BOM, predictions, profile, report) checked against the sha256 the signed manifest
       * lists for them, by name; none when only the signature and the manifest were checked (`files: false`).
       */
      attachments: string[];
    }
  | {
      verified: false;
      reason:
        | "missing-signature"
        | "malformed-signature"
        | "untrusted-key"
        | "bad-signature"
        | "other-version"
        | "tampered-manifest"
        | "tampered-file"
        | "missing-file"
        | "tampered-attachment"
        | "missing-attachment";
      keyid: string | null;
      /** One sentence naming the version, and the file, digests or key concerned. */
      problem: string;
    };

/** The manifest's stored bytes: what the signature binds (the parsed manifest would not show a changed byte). */
export async function manifestBytes(store: ObjectStore, manifest: Manifest): Promise<Buffer> {
  const bytes = await store.get(manifestKey(manifest.model, manifest.version));
  if (!bytes) throw new ExternalError(`${manifest.model} ${manifest.version} has no manifest in ${store.location}`);
  return bytes;
}

/**
 * Signs a version with `key`. Idempotent: a signature already there that signs the same statement with the same key
 * is fine (ECDSA signatures differ each time, so bytes are not compared); any other is refused.
 */
export async function signVersion(
  store: ObjectStore,
  manifest: Manifest,
  key: SigningKey,
): Promise<{ state: "signed" | "already"; key: string }> {
  const payload = statementFor(manifest, await manifestBytes(store, manifest));
  const target = signatureKey(manifest.model, manifest.version);
  if (await store.create(target, signStatement(payload, key))) return { state: "signed", key: target };
  const existing = await getUnlessTooLarge(store, target);
  const parsed = existing === undefined || existing === "too large" ? undefined : parseBundle(existing);
  if (parsed && "bundle" in parsed) {
    const check = checkEnvelope(parsed.bundle, [key]);
    if (check.ok && Buffer.from(parsed.bundle.dsseEnvelope.payload, "base64").equals(payload)) {
      return { state: "already", key: target };
    }
  }
  throw new InputError(`${manifest.model} ${manifest.version} already has another signature (${target})`, {
    hint: "a signature is never replaced: `mlops verify` says whose it is and whether it holds",
  });
}

const label = (manifest: Manifest): string => `${manifest.model} ${manifest.version}`;

/**
 * Checks a version against its signature and the trusted keys: the signature by a trusted key, over this version's
 * manifest as stored, and (unless `files` is false, for a pull that checks each file against the now-trusted
 * manifest itself) every file's sha256, then every attachment's, each streamed through a scratch file, never held in
 * memory. The statement lists the model's files only (model_signing verifies a pulled folder of them); attachments are
 * bound through the manifest's sha256 it carries, since the manifest lists each attachment's sha256.
 */
export async function verifyVersion(
  store: ObjectStore,
  manifest: Manifest,
  trusted: readonly PublicKey[],
  options: { files?: boolean } = {},
): Promise<VerifyOutcome> {
  const fail = (
    reason: Extract<VerifyOutcome, { verified: false }>["reason"],
    problem: string,
    keyid = null as string | null,
  ) => ({ verified: false, reason, keyid, problem }) as const;
  const key = signatureKey(manifest.model, manifest.version);
  const stored = await getUnlessTooLarge(store, key);
  if (stored === undefined) return fail("missing-signature", `${label(manifest)} is not signed: ${key} is missing`);
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
      keyid,
    );
  }
  const actual = sha256Hex(await manifestBytes(store, manifest));
  if (actual !== signed.manifestSha256) {
    return fail(
      "tampered-manifest",
      `the manifest of ${label(manifest)} was changed after it was signed: its sha256 is ${actual}, ` +
        `the signature says ${signed.manifestSha256}`,
      keyid,
    );
  }
  // The manifest is the signed one, so its files are the signed files; checked anyway, as a parser would.
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
      what: file.path,
    })),
    ...attachments.map(([name, entry]) => ({
      entry,
      key: `${base}/attachments/${checkFilePath(entry.path)}`,
      what: `the ${name} attachment (${entry.path})`,
      attachment: true,
    })),
  ];
  const scratch = await mkdtemp(path.join(os.tmpdir(), "mlops-verify-"));
  try {
    for (const [i, object] of objects.entries()) {
      const target = path.join(scratch, String(i));
      const outcome = await fetchVerified(store, object.key, object.entry, target);
      await rm(target, { force: true });
      const attachment = "attachment" in object;
      if (outcome === "missing") {
        const why = await store.explainMissing?.(object.key);
        return fail(
          attachment ? "missing-attachment" : "missing-file",
          `${object.what} of ${label(manifest)} is missing${why ? `: ${why}` : ""}`,
          keyid,
        );
      }
      if (outcome !== "ok") {
        return fail(
          attachment ? "tampered-attachment" : "tampered-file",
          `${object.what} of ${label(manifest)} was changed after it was signed: its sha256 is ` +
            `${outcome.actual.sha256}, the ${attachment ? "signed manifest" : "signature"} says ${object.entry.sha256}`,
          keyid,
        );
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { verified: true, keyid, files: manifest.files.length, attachments: attachments.map(([name]) => name) };
}

/** What fsck says of a version's signature object: nothing when absent or well formed, else its problem. */
export async function signatureShapeProblem(store: ObjectStore, manifest: Manifest): Promise<string | undefined> {
  const stored = await getUnlessTooLarge(store, signatureKey(manifest.model, manifest.version));
  if (stored === undefined) return undefined;
  if (stored === "too large") return TOO_LARGE;
  const parsed = parseBundle(stored);
  return "problem" in parsed ? parsed.problem : undefined;
}
