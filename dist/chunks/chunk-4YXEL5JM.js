import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  Name,
  RelativePath,
  pathField
} from "./chunk-QIGPZSLN.js";
import {
  array,
  boolean,
  literal,
  number,
  strictObject,
  string,
  union,
  url
} from "./chunk-I7GHSQM2.js";
import {
  isInside
} from "./chunk-SN54LWLO.js";

// src/config/schema/registry.ts
var SigningSection = strictObject({
  key_env: string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: "expected the name of an environment variable, e.g. MLOPS_SIGNING_KEY"
  }).optional().describe(
    "Environment variable holding the PEM private key (ECDSA P-256 or Ed25519) that publish and `mlops sign` sign with, set from a secret. When it is unset, publish does not sign."
  ),
  key_file: RelativePath.optional().describe(
    "A PEM private key file to sign with, relative to mlops.yml (keep it out of git); key_env wins when both are set."
  ),
  trusted_keys: array(string().min(1)).default([]).describe(
    "Public keys `mlops verify` (and pull and deploy with require) accept: PEM files relative to mlops.yml, or inline PEM (-----BEGIN PUBLIC KEY-----)."
  ),
  require: boolean().default(false).describe(
    "Pull and deploy refuse a version that is not signed by a trusted key or whose manifest changed since it was signed."
  )
}).describe("Signing versions in the OpenSSF model-signing format (model_signing predicate v1.0).");
var RegistrySection = strictObject({
  uri: pathField(string().min(1), { remote: true }).optional().describe("Where models are kept: s3://bucket/prefix, or a folder. Default: <workspace>/registry."),
  region: string().optional().describe("AWS region of the bucket (else from the AWS environment)."),
  endpoint: url({ error: "expected a URL such as https://minio.example.com:9000" }).optional().describe("Endpoint of an S3-compatible server (MinIO, R2, Ceph...)."),
  force_path_style: boolean().optional().describe("Use path-style S3 addressing (most S3-compatible servers)."),
  retry_seconds: number().int({ error: "expected a whole number of seconds" }).min(0).max(3600).default(30).describe(
    "How long each S3 request keeps retrying what may pass (a restarting server, throttling, 5xx answers, a dropped connection), with exponential backoff and jitter; 0 tries once. Serves every s3:// location of the project: registry, data and run cache."
  ),
  signing: SigningSection.optional()
}).describe("The model registry.");
var PublishSection = strictObject({
  files: array(RelativePath).optional().describe("Files or folders to publish. Default: train.outputs."),
  promote: union([Name, literal(false)]).default("champion").describe("Alias moved to the new version when its gate passed; `false` never promotes."),
  attest: boolean().default(true).describe(
    "Attest each published version's manifest with GitHub's build provenance (actions/attest-build-provenance in the main workflow; `gh attestation verify` checks it). Attestations need a public repository or GitHub Enterprise Cloud: set false elsewhere."
  ),
  promote_branches: array(string().min(1)).min(1).default(["main", "master"]).describe(
    "Branches whose publishes may move the alias. Elsewhere the version is published but not promoted; a run outside git (no branch) may promote."
  )
}).describe("Publishing a trained model to the registry.");

// src/config/rules/signing.ts
import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
function checkSigning(config, context, report) {
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
          "give a PEM public key file relative to mlops.yml"
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
      "list the public keys whose signatures you trust under registry.signing.trusted_keys"
    );
  }
}
var SUPPORTED = "an ECDSA P-256 or Ed25519 key";
function keyAlgorithm(key) {
  if (key.asymmetricKeyType === "ed25519") return "ed25519";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ecdsa-p256";
  return void 0;
}
function unsupportedKeyKind(key) {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return `is ${key.asymmetricKeyType ?? "unknown"}${curve ? ` (${curve})` : ""}, not ${SUPPORTED}`;
}
function publicKeyProblem(pem) {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return "is a private key: trust the public key only (openssl pkey -in key.pem -pubout)";
  }
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    return "is not a PEM public key (-----BEGIN PUBLIC KEY-----)";
  }
  return keyAlgorithm(key) ? void 0 : unsupportedKeyKind(key);
}

export {
  RegistrySection,
  PublishSection,
  checkSigning,
  keyAlgorithm,
  unsupportedKeyKind,
  publicKeyProblem
};
