import { RegistrySection } from "../../config/schema/registry.ts";
import * as z from "../../zod.ts";
import { UserError } from "../../errors.ts";
import { isS3Uri, parseS3Uri } from "../../files/safe-path.ts";
import { openS3Store } from "../../store/open.ts";
import type { RegistryBackend } from "./backend.ts";

/** A registry in an S3 bucket (or an S3-compatible server's): `s3://bucket/prefix`. */
export interface S3RegistryLocation {
  scheme: "s3";
  bucket: string;
  /** Without a trailing slash; "" for the bucket's root. */
  prefix: string;
}

export const s3Backend: RegistryBackend<S3RegistryLocation> = {
  scheme: "s3",
  read(uri) {
    if (!isS3Uri(uri)) return undefined;
    const parsed = parseS3Uri(uri);
    if (!parsed) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
    return { scheme: "s3", bucket: parsed.bucket, prefix: parsed.key.replace(/\/+$/, "") };
  },
  settings: z.pick(RegistrySection, { region: true, endpoint: true, force_path_style: true, retry_seconds: true }),
  // The AWS SDK is imported only when an s3:// registry is opened (store/open.ts).
  open: (location, { env, settings: given }) =>
    openS3Store(
      { bucket: location.bucket, prefix: location.prefix },
      {
        env,
        region: given.region,
        endpoint: given.endpoint,
        forcePathStyle: given.force_path_style,
        retrySeconds: given.retry_seconds,
      },
    ),
  // An OIDC token for the AWS role: read-only for pull requests, the one that writes for trusted runs.
  workflow: {
    permissions: { read: { "id-token": "write" }, write: { "id-token": "write" } },
    credentials: ["aws-oidc"],
  },
};
