import * as z from "zod";
import { Name, RelativePath } from "./common.ts";
import { pathField } from "./path-field.ts";

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
  })
  .describe("The model registry.");

export const PublishSection = z
  .strictObject({
    files: z.array(RelativePath).optional().describe("Files or folders to publish. Default: train.outputs."),
    promote: z
      .union([Name, z.literal(false)])
      .default("champion")
      .describe("Alias moved to the new version when its gate passed; `false` never promotes."),
    promote_branches: z
      .array(z.string().min(1))
      .min(1)
      .default(["main", "master"])
      .describe(
        "Branches whose publishes may move the alias. Elsewhere the version is published but not promoted; a run outside git (no branch) may promote.",
      ),
  })
  .describe("Publishing a trained model to the registry.");
