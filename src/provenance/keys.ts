import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { InputError } from "../errors.ts";

/**
 * The keys of signed versions: ECDSA P-256 or Ed25519, as PEM, read with node:crypto. A key is named by its keyid,
 * the sha256 (hex) of its public key's SubjectPublicKeyInfo DER, which is what messages show and what a DSSE
 * signature carries.
 */

export type KeyAlgorithm = "ecdsa-p256" | "ed25519";

export interface PublicKey {
  key: KeyObject;
  keyid: string;
  algorithm: KeyAlgorithm;
  /** The public key as SPKI PEM, as model-signing's key hint hashes it. */
  pem: string;
}

export interface SigningKey extends PublicKey {
  privateKey: KeyObject;
}

const SUPPORTED = "an ECDSA P-256 or Ed25519 key";

/** The keyid of a public key: sha256 of its SPKI DER, hex. */
export function keyIdOf(key: KeyObject): string {
  return createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("hex");
}

function algorithmOf(key: KeyObject): KeyAlgorithm | undefined {
  if (key.asymmetricKeyType === "ed25519") return "ed25519";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ecdsa-p256";
  return undefined;
}

function describeKind(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return `${key.asymmetricKeyType ?? "unknown"}${curve ? ` (${curve})` : ""}`;
}

function publicOf(key: KeyObject, algorithm: KeyAlgorithm): PublicKey {
  return {
    key,
    keyid: keyIdOf(key),
    algorithm,
    pem: key.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** A PEM private key (PKCS#8 or SEC1) to sign with; `from` says where it came from, for the message. */
export function readSigningKey(pem: string, from: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new InputError(`the signing key from ${from} is not a PEM private key`, {
      hint: `give ${SUPPORTED} in PEM, e.g. from: openssl genpkey -algorithm ed25519`,
      cause: error,
    });
  }
  const algorithm = algorithmOf(privateKey);
  if (!algorithm) {
    throw new InputError(`the signing key from ${from} is ${describeKind(privateKey)}, not ${SUPPORTED}`, {
      hint: "make one with: openssl genpkey -algorithm ed25519",
    });
  }
  return { ...publicOf(createPublicKey(privateKey), algorithm), privateKey };
}

/** Why `pem` is not a public key we verify with; undefined when it is one. */
export function publicKeyProblem(pem: string): string | undefined {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return "is a private key: trust the public key only (openssl pkey -in key.pem -pubout)";
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return "is not a PEM public key (-----BEGIN PUBLIC KEY-----)";
  }
  return algorithmOf(key) ? undefined : `is ${describeKind(key)}, not ${SUPPORTED}`;
}

/** A PEM public key to verify with; `from` names it for the message. */
export function readPublicKey(pem: string, from: string): PublicKey {
  const problem = publicKeyProblem(pem);
  if (problem) throw new InputError(`the trusted key ${from} ${problem}`);
  const key = createPublicKey(pem);
  return publicOf(key, algorithmOf(key) as KeyAlgorithm);
}
