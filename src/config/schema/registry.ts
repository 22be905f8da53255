import * as z from "../../zod.ts";
import { Name, RelativePath } from "./common.ts";
import { pathField } from "./path-field.ts";

/**
 * Signed versions (docs/registry.md "Signed versions"): the key publish and `mlops sign` sign with, the keys
 * `mlops verify` trusts, and whether pull and deploy refuse a version that does not verify.
 */
export const SigningSection = z.described(
  z.strictObject({
    key_env: z.described(
      z.optional(
        z.string().check(
          z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
            error: "expected the name of an environment variable, e.g. MLOPS_SIGNING_KEY",
          }),
        ),
      ),
      "Environment variable holding the PEM private key (ECDSA P-256 or Ed25519) that publish and `mlops sign` sign with, set from a secret. When it is unset, publish does not sign.",
    ),
    key_file: z.described(
      z.optional(RelativePath),
      "A PEM private key file to sign with, relative to mlops.yml (keep it out of git); key_env wins when both are set.",
    ),
    trusted_keys: z.described(
      z._default(z.array(z.string().check(z.minLength(1))), []),
      "Public keys `mlops verify` (and pull and deploy with require) accept: PEM files relative to mlops.yml, or inline PEM (-----BEGIN PUBLIC KEY-----).",
    ),
    require: z.described(
      z._default(z.boolean(), false),
      "Pull and deploy refuse a version that is not signed by a trusted key or whose manifest changed since it was signed.",
    ),
  }),
  "Signing versions in the OpenSSF model-signing format (model_signing predicate v1.0).",
);

export const RegistrySection = z.described(
  z.strictObject({
    uri: z.described(
      z.optional(pathField(z.string().check(z.minLength(1)), { remote: true })),
      "Where models are kept: s3://bucket/prefix, or a folder. Default: <workspace>/registry.",
    ),
    region: z.described(z.optional(z.string()), "AWS region of the bucket (else from the AWS environment)."),
    endpoint: z.described(
      z.optional(z.url({ error: "expected a URL such as https://minio.example.com:9000" })),
      "Endpoint of an S3-compatible server (MinIO, R2, Ceph...).",
    ),
    force_path_style: z.described(
      z.optional(z.boolean()),
      "Use path-style S3 addressing (most S3-compatible servers).",
    ),
    retry_seconds: z.described(
      z._default(z.number().check(z.int({ error: "expected a whole number of seconds" }), z.gte(0), z.lte(3600)), 30),
      "How long each S3 request keeps retrying what may pass (a restarting server, throttling, 5xx answers, a dropped connection), with exponential backoff and jitter; 0 tries once. Serves every s3:// location of the project: registry, data and run cache.",
    ),
    signing: z.optional(SigningSection),
  }),
  "The model registry.",
);

export const PublishSection = z.described(
  z.strictObject({
    files: z.described(z.optional(z.array(RelativePath)), "Files or folders to publish. Default: train.outputs."),
    promote: z.described(
      z._default(z.union([Name, z.literal(false)]), "champion"),
      "Alias moved to the new version when its gate passed; `false` never promotes.",
    ),
    attest: z.described(
      z._default(z.boolean(), true),
      "Attest each published version's manifest with GitHub's build provenance (actions/attest-build-provenance in " +
        "the main workflow; `gh attestation verify` checks it). Attestations need a public repository or GitHub " +
        "Enterprise Cloud: set false elsewhere.",
    ),
    promote_branches: z.described(
      z._default(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)), ["main", "master"]),
      "Branches whose publishes may move the alias. Elsewhere the version is published but not promoted; a run outside git (no branch) may promote.",
    ),
  }),
  "Publishing a trained model to the registry.",
);
