import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { type KeyAlgorithm, keyAlgorithm, publicKeyProblem, unsupportedKeyKind } from "../config/rules/signing.ts";
import { InputError } from "../errors.ts";

export type { KeyAlgorithm } from "../config/rules/signing.ts";

/**
 * The keys of signed versions: ECDSA P-256 or Ed25519, as PEM, read with node:crypto. A key is named by its keyid,
 * the sha256 (hex) of its public key's SubjectPublicKeyInfo DER, which is what messages show and what a DSSE
 * signature carries.
 */

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

/** The keyid of a public key: sha256 of its SPKI DER, hex. */
export function keyIdOf(key: KeyObject): string {
  return createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("hex");
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
      hint: `give an ECDSA P-256 or Ed25519 key in PEM, e.g. from: openssl genpkey -algorithm ed25519`,
      cause: error,
    });
  }
  const algorithm = keyAlgorithm(privateKey);
  if (!algorithm) {
    throw new InputError(`the signing key from ${from} ${unsupportedKeyKind(privateKey)}`, {
      hint: "make one with: openssl genpkey -algorithm ed25519",
    });
  }
  return { ...publicOf(createPublicKey(privateKey), algorithm), privateKey };
}

/** A PEM public key to verify with; `from` names it for the message. */
export function readPublicKey(pem: string, from: string): PublicKey {
  const problem = publicKeyProblem(pem);
  if (problem) throw new InputError(`the trusted key ${from} ${problem}`);
  const key = createPublicKey(pem);
  return publicOf(key, keyAlgorithm(key) as KeyAlgorithm);
}
