import { createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isInside } from "../../files/safe-path.ts";
import type { MlopsConfig } from "../schema/index.ts";
import type { Report, RuleContext } from "./report.ts";

/**
 * registry.signing: every trusted key a PEM public key of a kind verify can use (ECDSA P-256 or Ed25519), found where
 * it says; a require that no key can meet. The signing key itself is read when publish or sign needs it: it lives in
 * a secret, not beside mlops.yml.
 */
export function checkSigning(config: MlopsConfig, context: RuleContext, report: Report): void {
  const signing = config.registry.signing;
  if (!signing) return;
  signing.trusted_keys.forEach((entry, i) => {
    const at = ["registry", "signing", "trusted_keys", i];
    const inline = entry.trimStart().startsWith("-----BEGIN");
    let pem = entry;
    if (!inline) {
      const file = path.resolve(context.root, entry);
      if (!isInside(context.repoRoot, file)) {
        report("error", at, `${entry} is outside the repository`, "keep trusted public keys in the repository");
        return;
      }
      try {
        pem = readFileSync(file, "utf8");
      } catch {
        report(
          "error",
          at,
          `the trusted key file ${entry} does not exist or cannot be read`,
          "give a PEM public key file relative to mlops.yml",
        );
        return;
      }
    }
    const problem = publicKeyProblem(pem);
    if (problem) report("error", at, `${inline ? "this trusted key" : `the trusted key file ${entry}`} ${problem}`);
  });
  if (signing.require && signing.trusted_keys.length === 0) {
    report(
      "error",
      ["registry", "signing", "require"],
      "require: true with no trusted_keys refuses every version",
      "list the public keys whose signatures you trust under registry.signing.trusted_keys",
    );
  }
}

export type KeyAlgorithm = "ecdsa-p256" | "ed25519";

const SUPPORTED = "an ECDSA P-256 or Ed25519 key";

/** The kinds of key registry.signing takes: ECDSA P-256 or Ed25519; undefined for any other. */
export function keyAlgorithm(key: KeyObject): KeyAlgorithm | undefined {
  if (key.asymmetricKeyType === "ed25519") return "ed25519";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ecdsa-p256";
  return undefined;
}

/** Why a key is not of a kind registry.signing takes, in words ("is rsa, not an ECDSA P-256 or Ed25519 key"). */
export function unsupportedKeyKind(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return `is ${key.asymmetricKeyType ?? "unknown"}${curve ? ` (${curve})` : ""}, not ${SUPPORTED}`;
}

/**
 * Why a PEM text is not a public key verify uses; undefined when it is one. The one check of a trusted key: the config
 * rules run it on mlops.yml's keys, provenance/keys.ts on every key it reads (a --trusted-key given to pull too).
 */
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
  return keyAlgorithm(key) ? undefined : unsupportedKeyKind(key);
}
