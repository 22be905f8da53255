import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  Name,
  RelativePath,
  pathField
} from "./chunk-LNIKRDBK.js";
import {
  _default,
  _gte,
  _lte,
  _minLength,
  _regex,
  array,
  boolean,
  described,
  int,
  literal,
  number,
  optional,
  strictObject,
  string,
  union,
  url
} from "./chunk-MOKAEFJD.js";
import {
  isInside
} from "./chunk-SN54LWLO.js";

// src/config/schema/registry.ts
var SigningSection = described(
  strictObject({
    key_env: described(
      optional(
        string().check(
          _regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
            error: "expected the name of an environment variable, e.g. MLOPS_SIGNING_KEY"
          })
        )
      ),
      "Environment variable holding the PEM private key (ECDSA P-256 or Ed25519) that publish and `mlops sign` sign with, set from a secret. When it is unset, publish does not sign."
    ),
    key_file: described(
      optional(RelativePath),
      "A PEM private key file to sign with, relative to mlops.yml (keep it out of git); key_env wins when both are set."
    ),
    trusted_keys: described(
      _default(array(string().check(_minLength(1))), []),
      "Public keys `mlops verify` (and pull and deploy with require) accept: PEM files relative to mlops.yml, or inline PEM (-----BEGIN PUBLIC KEY-----)."
    ),
    require: described(
      _default(boolean(), false),
      "Pull and deploy refuse a version that is not signed by a trusted key or whose manifest changed since it was signed."
    )
  }),
  "Signing versions in the OpenSSF model-signing format (model_signing predicate v1.0)."
);
var RegistrySection = described(
  strictObject({
    uri: described(
      optional(pathField(string().check(_minLength(1)), { remote: true })),
      "Where models are kept: s3://bucket/prefix, or a folder. Default: <workspace>/registry."
    ),
    region: described(optional(string()), "AWS region of the bucket (else from the AWS environment)."),
    endpoint: described(
      optional(url({ error: "expected a URL such as https://minio.example.com:9000" })),
      "Endpoint of an S3-compatible server (MinIO, R2, Ceph...)."
    ),
    force_path_style: described(
      optional(boolean()),
      "Use path-style S3 addressing (most S3-compatible servers)."
    ),
    retry_seconds: described(
      _default(number().check(int({ error: "expected a whole number of seconds" }), _gte(0), _lte(3600)), 30),
      "How long each S3 request keeps retrying what may pass (a restarting server, throttling, 5xx answers, a dropped connection), with exponential backoff and jitter; 0 tries once. Serves every s3:// location of the project: registry, data and run cache."
    ),
    signing: optional(SigningSection)
  }),
  "The model registry."
);
var PublishSection = described(
  strictObject({
    files: described(optional(array(RelativePath)), "Files or folders to publish. Default: train.outputs."),
    promote: described(
      _default(union([Name, literal(false)]), "champion"),
      "Alias moved to the new version when its gate passed; `false` never promotes."
    ),
    attest: described(
      _default(boolean(), true),
      "Attest each published version's manifest with GitHub's build provenance (actions/attest-build-provenance in the main workflow; `gh attestation verify` checks it). Attestations need a public repository or GitHub Enterprise Cloud: set false elsewhere."
    ),
    promote_branches: described(
      _default(array(string().check(_minLength(1))).check(_minLength(1)), ["main", "master"]),
      "Branches whose publishes may move the alias. Elsewhere the version is published but not promoted; a run outside git (no branch) may promote."
    )
  }),
  "Publishing a trained model to the registry."
);

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
