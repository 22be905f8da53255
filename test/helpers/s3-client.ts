import { S3Client } from "@aws-sdk/client-s3";

/**
 * A bare AWS SDK client on a test server, for what the kit's store does not do itself (making buckets, listing or
 * starting multipart uploads behind its back). Destroy it when done.
 */
export function sdkClient(target: {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: target.credentials,
  });
}
