import { createHash, sign as cryptoSign, verify as cryptoVerify } from "node:crypto";
import * as z from "../zod.ts";
import type { PublicKey, SigningKey } from "./keys.ts";

/**
 * A version's signature in the OpenSSF model-signing format, as sigstore/model-transparency writes it for its
 * key-based flow (model_signing 1.x, predicate `https://model_signing/signature/v1.0`; read at
 * github.com/sigstore/model-transparency commit 059d6e3be0e3, src/model_signing/_signing/signing.py and
 * sign_ec_key.py):
 *
 * - a Sigstore bundle v0.3 as JSON, with no transparency-log entries (`tlogEntries: []`) and the key named by
 *   `verificationMaterial.publicKey.hint`, the sha256 of the signer's SPKI PEM, as model_signing's verifier expects;
 * - holding a DSSE envelope (secure-systems-lab/dsse v1.0.2: the signature is over PAE(payloadType, payload)) whose
 *   signature carries `keyid`, the sha256 of the public key's SPKI DER (keys.ts);
 * - whose payload is an in-toto Statement v1: one subject, the model, whose digest is the sha256 over the raw digests
 *   of its files in name order, and the predicate's `resources`, one `{name, algorithm, digest}` per file of the version.
 *
 * The predicate also carries `mlops_kit`: the model, the version and the sha256 of the version's manifest.json, so the
 * signature binds the manifest (metrics, gate verdict, lineage) too. Verifiers of predicate v1.0 ignore fields they do
 * not know, so the bundle is meant for `model_signing verify key` over a pulled version's folder too (ECDSA only:
 * model_signing has no Ed25519 key flow). Not tried against model_signing itself here: the tests check the format.
 */

export const BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
export const PAYLOAD_TYPE = "application/vnd.in-toto+json";
export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
export const PREDICATE_TYPE = "https://model_signing/signature/v1.0";

/** What a signature says about a version: what the DSSE payload holds. */
export interface SignedVersion {
  model: string;
  version: string;
  /** sha256 of the manifest.json bytes the version was signed with. */
  manifestSha256: string;
  /** path -> sha256 of each file. */
  files: Map<string, string>;
}

const Hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

const BundleSchema = z.object({
  mediaType: z.literal(BUNDLE_MEDIA_TYPE),
  verificationMaterial: z.looseObject({ publicKey: z.optional(z.object({ hint: z.string() })) }),
  dsseEnvelope: z.object({
    payload: z.base64(),
    payloadType: z.string(),
    signatures: z.array(z.object({ sig: z.base64(), keyid: z.optional(z.string()) })).check(z.minLength(1)),
  }),
});

const StatementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(z.object({ name: z.string(), digest: z.object({ sha256: Hex64 }) })).check(z.length(1)),
  predicateType: z.literal(PREDICATE_TYPE),
  predicate: z.object({
    serialization: z.looseObject({ method: z.string(), hash_type: z.literal("sha256") }),
    resources: z.array(z.object({ name: z.string(), algorithm: z.literal("sha256"), digest: Hex64 })),
    mlops_kit: z.object({ model: z.string(), version: z.string(), manifest: z.object({ sha256: Hex64 }) }),
  }),
});

export type Bundle = z.infer<typeof BundleSchema>;

/** DSSE's pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** Names in the order model_signing sorts them (Python compares code points, as UTF-8 bytes do). */
const byName = (a: { name: string }, b: { name: string }): number =>
  Buffer.compare(Buffer.from(a.name, "utf8"), Buffer.from(b.name, "utf8"));

/** model_signing's subject digest: sha256 over the raw digests of the resources, in their order. */
function rootDigest(resources: readonly { digest: string }[]): string {
  const hash = createHash("sha256");
  for (const resource of resources) hash.update(Buffer.from(resource.digest, "hex"));
  return hash.digest("hex");
}

export const sha256Hex = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/** The statement a version is signed with. */
export function statementFor(
  manifest: { model: string; version: string; files: readonly { path: string; sha256: string }[] },
  manifestBytes: Buffer,
): Buffer {
  const resources = manifest.files
    .map((file) => ({ name: file.path, algorithm: "sha256", digest: file.sha256 }))
    .sort(byName);
  const statement = {
    _type: STATEMENT_TYPE,
    subject: [{ name: manifest.model, digest: { sha256: rootDigest(resources) } }],
    predicateType: PREDICATE_TYPE,
    predicate: {
      serialization: { method: "files", hash_type: "sha256", allow_symlinks: false, ignore_paths: [] },
      resources,
      mlops_kit: { model: manifest.model, version: manifest.version, manifest: { sha256: sha256Hex(manifestBytes) } },
    },
  };
  return Buffer.from(JSON.stringify(statement), "utf8");
}

/** A signature of `payload` as the bundle JSON stored beside the manifest. */
export function signStatement(payload: Buffer, key: SigningKey): string {
  // ECDSA signatures are DER-encoded over sha256 (as model_signing's P-256 signer makes them); Ed25519 hashes itself.
  const sig = cryptoSign(key.algorithm === "ed25519" ? null : "sha256", pae(PAYLOAD_TYPE, payload), key.privateKey);
  const bundle: Bundle = {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: sha256Hex(Buffer.from(key.pem)) }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString("base64"),
      payloadType: PAYLOAD_TYPE,
      signatures: [{ sig: sig.toString("base64"), keyid: key.keyid }],
    },
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** A stored signature read back: its bundle, or why it is not one. */
export function parseBundle(bytes: Buffer): { bundle: Bundle } | { problem: string } {
  let raw: unknown;
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

export type EnvelopeCheck =
  | { ok: true; keyid: string; signed: SignedVersion }
  | { ok: false; reason: "untrusted-key" | "bad-signature" | "malformed"; keyid: string | null; problem: string };

/**
 * Checks the envelope's signature against the trusted keys and reads the statement it signs. The statement is read
 * only once a trusted key's signature over it holds.
 */
export function checkEnvelope(bundle: Bundle, trusted: readonly PublicKey[]): EnvelopeCheck {
  const envelope = bundle.dsseEnvelope;
  const payload = Buffer.from(envelope.payload, "base64");
  const signed = pae(envelope.payloadType, payload);
  let untrusted: string | null = null;
  let failed: string | null = null;
  for (const signature of envelope.signatures) {
    // The keyid is a hint, not authenticated: without one, every trusted key is tried.
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
      problem: `its signature does not verify with the trusted key ${failed}: the signed statement was changed after signing`,
    };
  }
  return {
    ok: false,
    reason: "untrusted-key",
    keyid: untrusted,
    problem:
      untrusted === null
        ? "it is signed by none of the trusted keys"
        : `it is signed by the key ${untrusted}, which is not among registry.signing.trusted_keys`,
  };
}

function readStatement(payloadType: string, payload: Buffer): { signed: SignedVersion } | { problem: string } {
  if (payloadType !== PAYLOAD_TYPE) return { problem: `its payload is ${payloadType}, not ${PAYLOAD_TYPE}` };
  let raw: unknown;
  try {
    raw = JSON.parse(payload.toString("utf8"));
  } catch {
    return { problem: "its payload is not JSON" };
  }
  const parsed = StatementSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `its payload is not a model-signing v1.0 statement (${issue?.path.join(".")}: ${issue?.message})`,
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
      files: new Map(predicate.resources.map((r) => [r.name, r.digest])),
    },
  };
}
