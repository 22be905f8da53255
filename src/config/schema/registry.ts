import * as z from "zod";
import { Name, RelativePath } from "./common.ts";
import { pathField } from "./path-field.ts";

/**
 * Signed versions (docs/registry.md "Signed versions"): the key publish and `mlops sign` sign with, the keys
 * `mlops verify` trusts, and whether pull and deploy refuse a version that does not verify.
 */
export const SigningSection = z
  .strictObject({
    key_env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
        error: "expected the name of an environment variable, e.g. MLOPS_SIGNING_KEY",
      })
      .optional()
      .describe(
        "Environment variable holding the PEM private key (ECDSA P-256 or Ed25519) that publish and `mlops sign` sign with, set from a secret. When it is unset, publish does not sign.",
      ),
    key_file: RelativePath.optional().describe(
      "A PEM private key file to sign with, relative to mlops.yml (keep it out of git); key_env wins when both are set.",
    ),
    trusted_keys: z
      .array(z.string().min(1))
      .default([])
      .describe(
        "Public keys `mlops verify` (and pull and deploy with require) accept: PEM files relative to mlops.yml, or inline PEM (-----BEGIN PUBLIC KEY-----).",
      ),
    require: z
      .boolean()
      .default(false)
      .describe(
        "Pull and deploy refuse a version that is not signed by a trusted key or whose manifest changed since it was signed.",
      ),
  })
  .describe("Signing versions in the OpenSSF model-signing format (model_signing predicate v1.0).");

export const RegistrySection = z
  .strictObject({
    uri: pathField(z.string().min(1), { remote: true })
      .optional()
      .describe("Where models are kept: s3://bucket/prefix, or a folder. Default: <workspace>/registry."),
    region: z.string().optional().describe("AWS region of the bucket (else from the AWS environment)."),
    endpoint: z
      .url({ error: "expected a URL such as https://minio.example.com:9000" })
      .optional()
      .describe("Endpoint of an S3-compatible server (MinIO, R2, Ceph...)."),
    force_path_style: z.boolean().optional().describe("Use path-style S3 addressing (most S3-compatible servers)."),
    retry_seconds: z
      .number()
      .int({ error: "expected a whole number of seconds" })
      .min(0)
      .max(3600)
      .default(30)
      .describe(
        "How long each S3 request keeps retrying what may pass (a restarting server, throttling, 5xx answers, a dropped connection), with exponential backoff and jitter; 0 tries once. Serves every s3:// location of the project: registry, data and run cache.",
      ),
    signing: SigningSection.optional(),
  })
  .describe("The model registry.");

export const PublishSection = z
  .strictObject({
    files: z.array(RelativePath).optional().describe("Files or folders to publish. Default: train.outputs."),
    promote: z
      .union([Name, z.literal(false)])
      .default("champion")
      .describe("Alias moved to the new version when its gate passed; `false` never promotes."),
    attest: z
      .boolean()
      .default(true)
      .describe(
        "Attest each published version's manifest with GitHub's build provenance (actions/attest-build-provenance in " +
          "the main workflow; `gh attestation verify` checks it). Attestations need a public repository or GitHub " +
          "Enterprise Cloud: set false elsewhere.",
      ),
    promote_branches: z
      .array(z.string().min(1))
      .min(1)
      .default(["main", "master"])
      .describe(
        "Branches whose publishes may move the alias. Elsewhere the version is published but not promoted; a run outside git (no branch) may promote.",
      ),
  })
  .describe("Publishing a trained model to the registry.");
